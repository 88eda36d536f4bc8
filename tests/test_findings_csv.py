from green_envoy_plugin.core.findings import read_findings_csv

HEADER = "finding_id,observed_at,lat,lon,category,case_type,severity,concerns,settlement,description,source\n"


def test_broken_rows_are_reported_by_line_and_the_rest_imports(tmp_path):
    rows = [
        "F-1,2025-08-03T14:00:00+05:00,43.5,77.0,waste,overflowing_waste_site,4,illegal_dumps,Qonayev,dump,field",
        "F-2,2025-08-03T15:00:00,43.6,,water,other,2,,,,field",  # no longitude
        "F-3,2025-08-03T15:00:00,95.0,77.0,water,other,2,,,,field",  # latitude out of range
        "F-4,2025-08-03T15:00:00,43.6,77.1,smoke,other,2,,,,field",  # unknown category
        "F-5,2025-08-03T15:00:00,43.6,77.1,2,other,9,,,,field",  # severity out of 1-5
        "F-1,2025-08-03T15:00:00,43.6,77.1,air,other,2,,,,field",  # repeated id
        "F-7,2025-08-03T15:00:00,43.6,77.1,Air quality and industrial zones,degraded_industrial_zone,5,"
        "air_pollution;drinking_water,Temirtau,smoke,residents",
    ]
    path = tmp_path / "findings.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    findings, problems = read_findings_csv(str(path))
    assert [f.finding_id for f in findings] == ["F-1", "F-7"]
    assert findings[1].category == "air" and findings[1].concerns == "air_pollution;drinking_water"
    assert [p.row for p in problems] == [3, 4, 5, 6, 7]
    reasons = [p.reason for p in problems]
    assert "missing lon" in reasons[0]
    assert "outside" in reasons[1]
    assert "unknown category" in reasons[2]
    assert "severity 9" in reasons[3]
    assert "repeats" in reasons[4]
    assert str(problems[0]).startswith(f"{path}, row 3:")


def test_missing_header_column_is_one_clear_problem(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,lat,lon\n1,2,3\n", encoding="utf-8")
    findings, problems = read_findings_csv(str(path))
    assert findings == [] and "finding_id" in problems[0].reason and problems[0].row == 1


def test_xlsx_with_mapping_reports_excel_rows(tmp_path):
    import pandas as pd

    from green_envoy_plugin.core.findings import read_findings_table

    path = tmp_path / "field_notes.xlsx"
    pd.DataFrame({
        "ID": ["A-1", "A-2", "A-3"], "Latitude": ["43.25", "north", "44.1"], "Longitude": ["76.9", "77", "78"],
        "Kind": ["waste", "air", "water"], "concerns": ["{drinking_water,rivers}", "", "illegal_dumps"],
    }).to_excel(path, index=False)
    findings, problems = read_findings_table(str(path), {"finding_id": "ID", "lat": "Latitude", "lon": "Longitude",
                                                         "category": "Kind"})
    assert [f.finding_id for f in findings] == ["A-1", "A-3"]
    assert findings[0].concerns == "drinking_water;rivers"  # QGIS's multi-value form read too
    assert [(p.row, "lat" in p.reason or "could not convert" in p.reason) for p in problems] == [(3, True)]
    _f, bad = read_findings_table(str(path), {"lat": "Breite"})
    assert "Breite" in bad[0].reason


def test_layer_import_and_per_region_export(tmp_path, qgis_app, sample_dir):
    import os

    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    from green_envoy_plugin.qgis_layers import findings_from_layer
    from green_envoy_plugin.steps.findings import export_findings, import_findings
    from green_envoy_plugin.steps.regions import assign_regions

    layer = QgsVectorLayer("Point?crs=EPSG:32643&field=code:string&field=cat:string&field=sev:integer",
                           "envoy points", "memory")
    feats = []
    for code, cat, sev, (x, y) in (("E-1", "waste", 4, (654000, 4790000)), ("E-2", "smoke", 2, (655000, 4791000))):
        f = QgsFeature(layer.fields())
        f.setAttributes([code, cat, sev])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    source = findings_from_layer(layer, {"finding_id": "code", "category": "cat", "severity": "sev"})
    store = str(tmp_path / "e.gpkg")
    count, problems = import_findings(source, store)
    assert count == 1 and "feature 2" in problems[0].reason and "smoke" in problems[0].reason
    assign_regions(store, os.path.join(sample_dir, "kz_admin1.gpkg"))
    written = export_findings(store, str(tmp_path / "out"), "xlsx")
    assert [os.path.basename(p) for p in written] == ["findings_almaty.xlsx"]  # 43.2 N 76.9 E: Almaty city


def test_a_findings_import_shows_progress_and_a_cancel_writes_nothing(tmp_path, sample_dir):
    import os
    import sqlite3

    import pytest

    from green_envoy_plugin.errors import Canceled
    from green_envoy_plugin.steps.feedback import SilentFeedback
    from green_envoy_plugin.steps.findings import import_findings

    class Recording(SilentFeedback):
        def __init__(self, cancel_at=None):
            super().__init__()
            self.progress, self.cancel_at = [], cancel_at

        def setProgress(self, value):
            self.progress.append(value)

        def isCanceled(self):
            return self.cancel_at is not None and len(self.progress) >= self.cancel_at

    table = os.path.join(sample_dir, "findings.csv")
    done = Recording()
    import_findings(table, str(tmp_path / "a.gpkg"), done)
    assert done.progress[0] == 10.0 and done.progress[-1] == 100.0 and done.progress == sorted(done.progress)
    store = str(tmp_path / "b.gpkg")
    with pytest.raises(Canceled):
        import_findings(table, store, Recording(cancel_at=1))
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM findings").fetchone()[0] == 0  # rolled back whole
