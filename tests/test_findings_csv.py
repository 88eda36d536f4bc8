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
