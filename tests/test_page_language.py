"""The pages' Russian and Kazakh as a fluent reader checked them (issue 16, item 6): dates as each language writes
them, Russian numerals agreeing with their nouns, hemispheres on the graticule, the terms for a region that may be
a city, the words of the pages' legends and tables alike."""

import importlib.util
import os
from datetime import date

import pytest

from green_envoy_plugin.core.places import (
    day_text,
    days_word,
    graticule_expression,
    period_text,
    times_text,
    visits_text,
)

NB = "\u00a0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _table(name):
    path = os.path.join(ROOT, "tools", "translations", f"{name}.py") if name != "main" else \
        os.path.join(ROOT, "tools", "make_translations.py")
    spec = importlib.util.spec_from_file_location(f"_table_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.T


def test_russian_days_agree_with_their_number():
    words = {n: days_word(n, "ru") for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112)}
    assert words == {1: "день", 2: "дня", 4: "дня", 5: "дней", 11: "дней", 12: "дней", 14: "дней", 21: "день",
                     22: "дня", 25: "дней", 101: "день", 111: "дней", 112: "дней"}
    assert days_word(5, "kk") == "күн" and days_word(1, "en") == "day" and days_word(2, "en") == "days"


def test_the_vertical_exaggeration_agrees_in_russian():
    # "вертикальный масштаб увеличен в {0}": 174 раза (was "в 174 раз"), 1 046 раз, 2 641 раз, 22 раза, 11 раз
    assert times_text(174.2, "ru") == f"174{NB}раза"
    assert times_text(1046, "ru") == f"1{NB}046{NB}раз"
    assert times_text(2641, "ru") == f"2{NB}641{NB}раз"
    assert times_text(22, "ru") == f"22{NB}раза" and times_text(11, "ru") == f"11{NB}раз"
    assert times_text(174.2, "kk") == "174" and times_text(1046, "en") == "1,046"


def test_dates_as_each_language_writes_them():
    day = date(2025, 8, 1)
    assert day_text(day, "en") == "1 August 2025"
    assert day_text(day, "ru") == f"1 августа 2025{NB}г."
    assert day_text(day, "kk") == f"2025{NB}жылғы 1 тамыз"
    assert day_text(day, "kk", year=False) == "1 тамыз" and day_text(day, "ru", year=False) == "1 августа"
    first, last = date(2025, 8, 30), date(2025, 9, 4)
    assert period_text(first, last, "ru") == f"30 августа – 4 сентября 2025{NB}г."
    assert period_text(first, last, "kk") == f"2025{NB}жылғы 30 тамыз – 4 қыркүйек"
    assert period_text(date(2025, 9, 5), date(2025, 9, 7), "ru") == f"5–7 сентября 2025{NB}г."
    assert period_text(date(2025, 9, 5), date(2025, 9, 7), "kk") == f"2025{NB}жылғы 5–7 қыркүйек"
    winter = (date(2025, 12, 30), date(2026, 1, 2))
    assert period_text(*winter, "ru") == f"30 декабря 2025{NB}г. – 2 января 2026{NB}г."
    assert period_text(*winter, "kk") == f"2025{NB}жылғы 30 желтоқсан – 2026{NB}жылғы 2 қаңтар"


def test_two_visits_name_the_year_once_where_the_language_puts_it():
    almaty_region = [(date(2025, 8, 1), date(2025, 8, 2), 2), (date(2025, 11, 26), date(2025, 11, 28), 3)]
    assert visits_text(almaty_region, "ru") == f"1–2 августа (2 дня); 26–28 ноября 2025{NB}г. (3 дня)"
    assert visits_text(almaty_region, "kk") == f"2025{NB}жылғы 1–2 тамыз (2 күн); 26–28 қараша (3 күн)"
    assert visits_text(almaty_region, "en") == "1–2 August (2 days); 26–28 November 2025 (3 days)"
    one = [(date(2025, 8, 1), date(2025, 8, 1), 1), (date(2025, 11, 28), date(2025, 11, 28), 1)]
    assert visits_text(one, "ru") == f"1 августа (1 день); 28 ноября 2025{NB}г. (1 день)"
    assert visits_text(one, "kk") == f"2025{NB}жылғы 1 тамыз (1 күн); 28 қараша (1 күн)"


@pytest.mark.parametrize("language, north, east", [
    ("en", "43°06′N", "76°36′E"),
    ("ru", f"43°06′{NB}с.{NB}ш.", f"76°36′{NB}в.{NB}д."),
    ("kk", f"43°06′{NB}с.{NB}е.", f"76°36′{NB}ш.{NB}б."),
])
def test_the_graticule_names_the_hemisphere_in_the_language(qgis_app, language, north, east):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextScope

    def annotate(value, axis):
        scope = QgsExpressionContextScope()
        scope.setVariable("grid_number", value)
        scope.setVariable("grid_axis", axis)
        context = QgsExpressionContext()
        context.appendScope(scope)
        expression = QgsExpression(graticule_expression(language))
        result = expression.evaluate(context)
        assert not expression.hasEvalError(), expression.evalErrorString()
        return result

    assert annotate(43.1, "y") == north and annotate(76.6, "x") == east
    assert annotate(47.0, "y").startswith("47°") and "′" not in annotate(47.0, "y")  # a whole degree: no minutes
    assert annotate(69.9999999, "x").startswith("70°")  # minutes never 60


def test_terms_agree_between_legend_table_and_panel():
    main, facts, maps = _table("main"), _table("atlas_facts"), _table("atlas_map")
    # Severity: the same word in the table's header, the size key and the photo captions.
    ru, kk = main["Severity"]
    assert maps["Severity (symbol size)"][0].startswith(ru) and maps["Severity (symbol size)"][1].startswith(kk)
    assert facts["severity {0}"][0].startswith(ru.lower()) and facts["severity {0}"][1].startswith(kk.lower())
    # Almaty and Shymkent are regions' centres, not oblast centres.
    assert maps["Regional centre"] == ("Центр региона", "Өңір орталығы")
    # "өңір" for a region (cities included) wherever the plugin speaks of regions; "облыс" only in an oblast's name.
    kazakh = [kk for table in (main, facts, maps, _table("web_atlas"), _table("field_kit")) for _ru, kk in
              table.values()]
    assert not [text for text in kazakh if "облыс" in text.lower()]
    assert not [text for text in kazakh if "есептелмеген" in text]  # "uncounted", not "not reported"
    assert "іші бос үшбұрыштар" in facts[next(k for k in facts if k.startswith("Official registry: [%"))][1]
    assert facts["vertical exaggeration ×{0}"][0] == "вертикальный масштаб увеличен в {0}"


def test_the_sources_in_russian_end_a_date_with_one_full_stop(qgis_app):
    from green_envoy_plugin.atlas.facts import sources_text
    from green_envoy_plugin.i18n import language

    rows = {"districts": [], "official": [("landfill registry",)], "compared_at": [("2026-12-01",)],
            "totals": [(12259.5, 22.6, 120, "2025-08-01", "2025-11-28")], "official_layers": []}
    with language("ru"):
        text = sources_text(rows, "ru", date(2026, 12, 1))
    assert f"Данные: 1 августа – 28 ноября 2025{NB}г. Автор" in text
    assert f"(сравнение от 1 декабря 2026{NB}г.)." in text and "г.." not in text
    with language("kk"):
        text = sources_text(rows, "kk", date(2026, 12, 1))
    assert f"Деректер: 2025{NB}жылғы 1 тамыз – 28 қараша." in text
    assert f"Жасалды: 2026{NB}жылғы 1 желтоқсан, QGIS" in text


def test_every_name_of_the_map_context_is_cyrillic_in_russian_and_kazakh():
    import re
    import sqlite3

    from tests.helpers.paths import SAMPLE

    with sqlite3.connect(os.path.join(SAMPLE, "kz_context.gpkg")) as db:
        latin = [(layer, row) for layer in ("countries", "country_labels", "towns", "rivers", "water_labels")
                 for row in db.execute(f"SELECT name_en, name_ru, name_kk FROM {layer} WHERE name_en <> ''")
                 if any(re.search("[A-Za-z]", name or "") for name in row[1:])]
    assert latin == []  # Iraq, Pakistan and Turkey were English on the Russian and Kazakh pages


def test_district_names_are_the_official_ones_not_geokz_slips():
    from green_envoy_plugin.core.region_names import district_names

    # geokz has Taldykorgan's Russian and Kazakh names swapped, Rudny as if a district, old Russian forms
    assert district_names("Taldykorgan", "Талдықорған", "Талдыкорган", "331000000") == (
        "Taldykorgan (city)", "г. Талдыкорган", "Талдықорған қаласы")
    assert district_names("Rudnyy", "Рудный", "Рудный", "392400000") == ("Rudnyy (city)", "г. Рудный",
                                                                       "Рудный қаласы")
    assert district_names("Shieli", "Чиилийский", "Шиелі", "435200000")[1:] == ("Шиелийский район", "Шиелі ауданы")
    assert district_names("Arys", "Арысь", "Арыс", "611600000")[1] == "г. Арыс"
    assert district_names("Baykonyr", "Байконыр", "Байқоңыр", "431900000")[1] == "г. Байконур"
    assert district_names("Sarkand", "Сарканский", "Сарқант", "334800000")[1:] == ("Саркандский район",
                                                                                  "Сарқан ауданы")
    assert district_names("Bokeyorda", "Бокейординский", "Бөкейордасы", "275400000")[2] == "Бөкей ордасы ауданы"
    assert district_names("Almaly", "Алмалинский", "Алмалы", "751110000")[1] == "Алмалинский район"  # a city's
    import sqlite3

    from tests.helpers.paths import SAMPLE

    with sqlite3.connect(os.path.join(SAMPLE, "kz_districts.gpkg")) as db:
        names = dict(db.execute("SELECT name, name_ru FROM kz_districts WHERE kato IN ('331000000', '392400000')"))
    assert names == {"Taldykorgan (city)": "г. Талдыкорган", "Rudnyy (city)": "г. Рудный"}  # the sample rebuilt


def test_the_districts_left_out_are_named_as_districts():
    facts = _table("atlas_facts")
    russian, kazakh = facts["{0} more {1} · {2}"]
    assert russian.format(5, "275,4", 2) == "другие районы (5): 275,4 · 2"  # not "ещё 5: ..." (5 what?)
    assert kazakh.format(5, "275,4", 2) == "қалған 5 аудан: 275,4 · 2"


def test_a_numbered_detail_map_numbers_its_frame_in_kazakh():
    kazakh = _table("atlas_details")["Detail {0} (dashed frame {0}), 1:{1}"][1]
    assert kazakh.format(2, "1 800 000") == "2-үзінді (үзік сызықты 2-жақтау), 1:1 800 000"  # not "2-үзік сызықты"


def test_visited_regions_in_kazakh_are_passive_as_in_the_web_atlas():
    facts, web = _table("atlas_facts"), _table("web_atlas")
    assert facts["Region visited"][1] == "Барылған өңір" and facts["Region not visited"][1] == "Барылмаған өңір"
    assert facts["Visited {0}"][1] == "Барылған күндері: {0}"
    assert web["Visited regions"][1] == "Барылған өңірлер" == _table("main")["Regions visited"][1]


def test_one_district_left_over_is_named_not_counted(qgis_app):
    from green_envoy_plugin.atlas.facts import DISTRICTS_LISTED, districts_text

    six = [(f"D{k}", 10.0 * k, k) for k in range(DISTRICTS_LISTED + 1)]
    assert "more" not in districts_text(six, "en") and "D0" in districts_text(six, "en")
    seven = [*six, ("D9", 1.0, 0)]
    text = districts_text(seven, "en")
    assert "2 more 1.0 · 0" in text.replace("\u00a0", " ") and "D0" not in text and "D9" not in text
