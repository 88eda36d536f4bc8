"""What a cartographer fluent in Russian and Kazakh found reading the atlas pages (issue 16, item 6: "have each
language's pages read by a fluent reader"), each as a check that fails on the wording the pages had."""

import importlib.util
import os

from green_envoy_plugin.core.places import place_text

NB = "\u00a0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _table(name):
    path = os.path.join(ROOT, "tools", "translations", f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"_review_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.T


def test_distance_and_direction_stay_on_one_line():
    # The findings table wrapped "Темиртау, 34 км" over "к В" (Karaganda, page 2): the distance and the
    # direction are one unit, so a narrow cell breaks after the settlement's comma; "34 km" over "E of" likewise.
    russian = place_text("Temirtau", 34_000, "E", "ru")
    assert russian == f"Темиртау, 34{NB}км{NB}к{NB}В"
    assert " " not in russian.split(", ", 1)[1]
    assert place_text("Temirtau", 34_000, "E", "en") == f"34{NB}km{NB}E of Temirtau"
    # Kazakh's direction is a whole word that may start the next line after its distance
    assert place_text("Temirtau", 34_000, "E", "kk") == f"Теміртау, 34{NB}км шығысқа"


def test_the_registry_compared_is_not_said_twice():
    # "Сравнение с официальным реестром: … (сравнение от 1 декабря 2026 г.)" and "Салыстырылған ресми тізілім: …
    # (салыстырылды: …)" said "compared" twice in one sentence (a store compared before the official layer's date).
    facts = _table("atlas_facts")
    for k in (0, 1):
        sentence = facts["Official registry compared: {0}"][k].format("landfill registry") + " " + \
            facts["(compared {0})"][k].format("1")
        stem = ("сравн", "салыстыр")[k]
        assert sentence.lower().count(stem) == 1, sentence


def test_the_profile_names_the_vertical_scale_in_kazakh():
    # "тік масштаб" is the vertical scale (Russian "вертикальный масштаб"); "биіктік масштабы" read as a scale of
    # heights.
    kazakh = _table("atlas_facts")["vertical exaggeration ×{0}"][1]
    assert kazakh.format(174) == "тік масштабы 174 есе үлкейтілген"


def test_the_unreported_registry_records_are_named_as_the_legend_names_them():
    # The legend says "экспедиция белгілемеген" (not marked by the expedition), page 2 said "хабарламаған" (not
    # reported) of the same hollow triangles; the web atlas's Russian said "без отчёта" beside "не отмеченные".
    legend_ru, legend_kk = _table("web_atlas")["Registry records along the route, not reported"]
    facts = _table("atlas_facts")
    page = next(v for k, v in facts.items() if k.startswith("Official registry: [%"))
    web = next(v for k, v in _table("web_atlas").items() if k.startswith("Official registry: {0} matched"))
    assert "не отмеченные экспедицией" in legend_ru and "экспедиция белгілемеген" in legend_kk.lower()
    for russian, kazakh in (page, web):
        assert "не отмеченных экспедицией" in russian and "без отчёта" not in russian
        assert "экспедиция белгілемеген" in kazakh and "хабарламаған" not in kazakh


def test_kulan_is_named_as_since_1992_on_map_and_table_alike():
    # The sample's stop "Lugovoy" was renamed Кулан (Құлан) in 1992; the Russian pages still said "Луговой" (and
    # the Soviet name was Луговое) while the Kazakh said Құлан.
    import sqlite3

    from green_envoy_plugin.core.places import settlement_name
    from tests.helpers.paths import SAMPLE

    assert (settlement_name("Lugovoy", "ru"), settlement_name("Lugovoy", "kk")) == ("Кулан", "Құлан")
    with sqlite3.connect(os.path.join(SAMPLE, "kz_context.gpkg")) as db:
        on_map = db.execute("SELECT name_ru, name_kk FROM towns WHERE name_en = 'Lugovoy'").fetchall()
    assert on_map == [("Кулан", "Құлан")]


def test_the_legends_town_covers_the_villages_it_marks():
    # The dot marks the expedition's stops and other towns, among them villages (Кулан, Мерке, Кордай, Бейнеу):
    # "Город, посёлок" and "Қала, кент" (urban settlement) named none of them.
    assert _table("atlas_map")["Town"] == ("Город, село", "Қала, ауыл")
