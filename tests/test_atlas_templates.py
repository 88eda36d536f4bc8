"""Templates and filters are data, not code paths (issue 13, item 7): a hostile .qpt, a store whose region
stems were edited into paths, and region names that try to leave their filter expression."""

import os
import sqlite3
import time

import pytest

from green_envoy_plugin.atlas.errors import AtlasError, TemplateError
from green_envoy_plugin.atlas.templates import check_template_bytes
from green_envoy_plugin.core.names import safe_file_name

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "sample_data")
DAYS = ["2025-08-01.gpx", "2025-08-02.gpx"]  # Almaty and the regions around it: a few pages, enough to attack


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(tmp_path_factory.mktemp("templates") / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", day) for day in DAYS], path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return path


@pytest.fixture(scope="module")
def template_text(store, tmp_path_factory):
    from green_envoy_plugin.atlas.export import save_template

    path = save_template(store, str(tmp_path_factory.mktemp("qpt") / "atlas.qpt"))
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def edit_store(path, sql, *values):
    """An edit made through GDAL, as QGIS would make it (the GeoPackage's triggers need GDAL's SQL functions)."""
    from osgeo import ogr

    ds = ogr.Open(path, 1)
    quoted = [("'" + v.replace("'", "''") + "'") for v in values]
    ds.ExecuteSQL(sql.replace("?", "{}").format(*quoted))
    ds = None


def files_under(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, fs in os.walk(folder) for f in fs)


@pytest.mark.parametrize("name, expected", [
    ("karaganda_region", "karaganda_region"),
    ("../../etc/passwd", "_.._etc_passwd"),
    ("..", "page"),
    ("/abs/path", "_abs_path"),
    ("a\\b:c*d?e", "a_b_c_d_e"),
    ("nul\x00byte", "nul_byte"),
    ("", "page"),
    ("Алматы облысы", "Алматы облысы"),
])
def test_a_file_name_from_data_stays_one_name(name, expected):
    assert safe_file_name(name, "page") == expected
    assert os.sep not in safe_file_name(name, "page")


def test_an_entity_bomb_is_refused_before_qt_expands_it():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE Layout [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(f'<!ENTITY {c}{"".join([chr(ord(c) - 1)] * 1)} "'.encode() for c in "")
            + b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
            b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
            b']><Layout name="&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"/>')
    started = time.perf_counter()
    with pytest.raises(TemplateError, match=r"bomb\.qpt: line 1: .*document type"):
        check_template_bytes(bomb, "bomb.qpt")
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("data, reason", [
    (b"<Layout", r"line 1: .*malformed XML"),
    (b'<?xml version="1.0"?><!DOCTYPE Layout SYSTEM "file:///etc/passwd"><Layout/>', "document type"),
    (b"<qgis><Layout/></qgis>", "root element is qgis"),
    (b"", "malformed XML"),
])
def test_what_is_not_a_plain_layout_is_refused_with_its_reason(data, reason):
    with pytest.raises(TemplateError, match=reason):
        check_template_bytes(data, "t.qpt")


def test_a_hostile_template_writes_nothing(store, template_text, tmp_path):
    from green_envoy_plugin.atlas.export import export_atlas

    hostile = tmp_path / "hostile.qpt"
    hostile.write_text('<?xml version="1.0"?>\n<!DOCTYPE Layout [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
                       + template_text.split("?>", 1)[-1], encoding="utf-8")
    out = tmp_path / "atlas"
    with pytest.raises(AtlasError, match=r"hostile\.qpt: line 2: .*refused as unsafe"):
        export_atlas(store, str(out), template=str(hostile))
    assert not out.exists() or files_under(str(out)) == []


def test_a_file_name_expression_cannot_leave_the_output_folder(store, template_text, tmp_path):
    from green_envoy_plugin.atlas.export import export_atlas

    assert 'filenamePattern="&quot;file_stem&quot;"' in template_text
    escaping = template_text.replace('filenamePattern="&quot;file_stem&quot;"',
                                     "filenamePattern=\"'../../escaped_' || &quot;file_stem&quot;\"")
    (tmp_path / "escaping.qpt").write_text(escaping, encoding="utf-8")
    out = tmp_path / "deep" / "atlas"
    result = export_atlas(store, str(out), template=str(tmp_path / "escaping.qpt"))
    with sqlite3.connect(store) as db:
        visited = db.execute("SELECT count(*) FROM regions WHERE visited = 1").fetchone()[0]
    assert result.errors == [] and len(result.pdfs) == visited >= 2
    assert all(os.path.basename(pdf).startswith("_.._escaped_") for pdf in result.pdfs)
    assert all(os.path.dirname(pdf) == str(out) for pdf in result.pdfs)
    assert sorted(os.listdir(tmp_path)) == ["deep", "escaping.qpt"]  # nothing beside the output folder
    assert sorted(os.listdir(tmp_path / "deep")) == ["atlas"]


def test_a_store_stem_edited_into_a_path_is_refused(store, tmp_path):
    from green_envoy_plugin.atlas.export import export_atlas

    edited = str(tmp_path / "edited.gpkg")
    with open(store, "rb") as source, open(edited, "wb") as target:
        target.write(source.read())
    edit_store(edited, "UPDATE regions SET file_stem = '../../owned' WHERE visited = 1 AND name LIKE 'Almaty%'")
    out = tmp_path / "atlas"
    with pytest.raises(AtlasError, match=r"file stem '\.\./\.\./owned' is not a plain file name"):
        export_atlas(edited, str(out))
    assert sorted(os.listdir(tmp_path)) == ["atlas", "edited.gpkg"] or sorted(os.listdir(tmp_path)) == [
        "edited.gpkg"]
    assert not (out.exists() and files_under(str(out)))


@pytest.mark.parametrize("attack", ["x') OR (1=1", "x' OR '1'='1", 'x" OR "visited" = 1 OR "x'])
def test_region_names_stay_inside_their_filter(store, tmp_path, attack):
    from green_envoy_plugin.atlas.export import export_atlas

    with pytest.raises(AtlasError, match="no visited region among"):
        export_atlas(store, str(tmp_path / "atlas"), regions=[attack])


def test_a_region_name_with_a_quote_still_finds_its_page(store, tmp_path):
    """Quoting is QGIS's own: a real name with an apostrophe (Kazakh Latin spellings have them) works."""
    from green_envoy_plugin.atlas.export import export_atlas

    with sqlite3.connect(store) as db:
        name = db.execute("SELECT name FROM regions WHERE visited = 1 ORDER BY name LIMIT 1").fetchone()[0]
    edited = str(tmp_path / "quoted.gpkg")
    with open(store, "rb") as source, open(edited, "wb") as target:
        target.write(source.read())
    edit_store(edited, "UPDATE regions SET name = ? WHERE name = ?", "Qaraǵandy o'blysy", name)
    result = export_atlas(edited, str(tmp_path / "atlas"), regions=["Qaraǵandy o'blysy"])
    assert len(result.pdfs) == 1
