"""Tables as people write them (issue 13, item 8): encodings, separators, decimal commas, hostile cells and
XLSX zip bombs; each bad row is refused with its line and reason, the rest imports."""

import zipfile

import pytest

from green_envoy_plugin.core.findings import read_findings_table
from green_envoy_plugin.core.sheets import MAX_CELL, TableError, read_table

ROWS = [
    ("F-1", "43,2525", "76,9115", "waste", "Свалка у дороги", "31.08.2025 14:30"),
    ("F-2", "44,1", "77,2", "water", "Өзен тартылып барады", "2025-09-01 10:00"),
]


def _csv(delimiter, rows=ROWS):
    lines = [delimiter.join(("finding_id", "lat", "lon", "category", "description", "observed_at"))]
    lines += [delimiter.join(r) for r in rows]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("cp1251", ";"), ("utf-8-sig", ";"), ("utf-8", "\t"), ("utf-16", "\t"), ("utf-16-le", ","),
])
def test_excel_csv_in_any_encoding_and_separator(tmp_path, encoding, delimiter):
    rows = ROWS if encoding != "cp1251" else [ROWS[0]]  # Kazakh letters have no windows-1251 code
    if delimiter == ",":
        rows = [tuple(f'"{c}"' if "," in c else c for c in r) for r in rows]
    path = tmp_path / "findings.csv"
    path.write_bytes(_csv(delimiter, rows).encode(encoding))
    findings, problems = read_findings_table(str(path))
    assert problems == []
    assert [f.finding_id for f in findings] == [r[0].strip('"') for r in rows]
    assert findings[0].lat == 43.2525 and findings[0].lon == 76.9115  # decimal commas
    assert findings[0].description == "Свалка у дороги"
    assert findings[0].observed_at == 1756632600.0  # 31.08.2025 14:30 Kazakhstan time (+05:00)


def test_hostile_cells_reject_their_row_only(tmp_path):
    rows = [
        ("F-1", "43.1", "76.1", "waste", "ok", "2025-08-01 10:00"),
        ("F-2", "43.1", "76.1", "waste", "x" * 200_000, "2025-08-01 10:00"),
        ("F-3", "43.1", "76.1", "waste", "ok", "0001-01-01 00:00"),
        ("F-4", "43.1", "76.1", "waste", "bad\x00byte", "2025-08-01 10:00"),
        ("F-5", "43.1", "76.1", "waste", "ok", "2101-01-01"),
        ("F-6", "north", "76.1", "waste", "ok", ""),
        ("F-7", "43.1", "76.1", "waste", "ok", "31.02.2025"),
        ("F-8", "43.1", "76.1", "waste", "ok", ""),
    ]
    path = tmp_path / "hostile.csv"
    path.write_text(_csv(",", rows), encoding="utf-8")
    findings, problems = read_findings_table(str(path))
    assert [f.finding_id for f in findings] == ["F-1", "F-8"]
    by_row = {p.row: p.reason for p in problems}
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8]
    assert f"more than {MAX_CELL}" in by_row[3]
    assert "outside 1990-2100" in by_row[4] and "outside 1990-2100" in by_row[6]
    assert "NUL" in by_row[5]
    assert "not a number" in by_row[7]
    assert "not a date" in by_row[8]


def test_row_limit_says_so(tmp_path, monkeypatch):
    from green_envoy_plugin.core import sheets

    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    rows = [(f"F-{k}", "43.1", "76.1", "waste", "", "") for k in range(6)]
    path = tmp_path / "long.csv"
    path.write_text(_csv(";", rows), encoding="utf-8")
    findings, problems = read_findings_table(str(path))
    assert len(findings) == 3
    assert len(problems) == 1 and "more than 3 rows" in problems[0].reason and problems[0].row == 5


def test_xlsx_read_with_dates_and_limits(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["finding_id", "lat", "lon", "category", "observed_at", "severity"])
    sheet.append(["X-1", 43.25, 76.9, "air", datetime(2025, 8, 3, 12, 0), 4])
    sheet.append(["X-2", "43,3", "77,0", "soil", datetime(1900, 1, 1), 2])
    path = tmp_path / "notes.xlsx"
    book.save(path)
    findings, problems = read_findings_table(str(path))
    assert [(f.finding_id, f.severity) for f in findings] == [("X-1", 4)]
    assert [(p.row, "outside 1990-2100" in p.reason) for p in problems] == [(3, True)]


def test_xlsx_zip_bomb_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 30_000_000)  # 30 MB of nothing in ~30 KB
    assert path.stat().st_size < 100_000
    with pytest.raises(TableError, match="zip bomb"):
        read_table(str(path))
    findings, problems = read_findings_table(str(path))
    assert findings == [] and "zip bomb" in problems[0].reason and problems[0].row == 1


def test_not_a_table(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"GIF89a....")
    _f, problems = read_findings_table(str(fake))
    assert "not an XLSX" in problems[0].reason
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _f, problems = read_findings_table(str(empty))
    assert "empty" in problems[0].reason
