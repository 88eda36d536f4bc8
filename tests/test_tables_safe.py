"""Findings text that begins like a formula stays text in every table the plugin writes (CSV and XLSX), and a
table is never left half written under its name."""

import csv
import os

import pytest

from green_envoy_plugin.io.files import OutputError
from green_envoy_plugin.io.tables import write_table

HOSTILE = ["=HYPERLINK(\"http://x\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tTAB", "plain"]


def _frame():
    pd = pytest.importorskip("pandas")
    return pd.DataFrame({"finding_id": HOSTILE, "severity": [1, 2, 3, 4, 5, 3]})


def test_csv_cells_that_look_like_formulas_are_quoted(tmp_path):
    path = tmp_path / "findings.csv"
    write_table(str(path), {"findings": _frame()})
    with open(path, newline="", encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert [r["finding_id"] for r in rows] == ["'" + v for v in HOSTILE[:-1]] + ["plain"]
    assert [r["severity"] for r in rows] == ["1", "2", "3", "4", "5", "3"]  # numbers stay numbers


def test_xlsx_cells_keep_the_text_as_text(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "findings.xlsx"
    write_table(str(path), {"findings": _frame(), "summary": _frame().head(2)})
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["findings", "summary"]
    cells = [row[0] for row in book["findings"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == HOSTILE
    assert all(c.data_type == "s" for c in cells)  # no formula, exactly the text
    assert [row[1].value for row in book["findings"].iter_rows(min_row=2)] == [1, 2, 3, 4, 5, 3]


def test_a_failed_write_leaves_the_previous_table(tmp_path):
    path = tmp_path / "findings.csv"
    path.write_text("old\n", encoding="utf-8")

    class Broken:
        columns = ("x",)

        def map(self, _function):
            raise OSError("disk full")

    with pytest.raises(OutputError, match="disk full"):  # one line naming the file, for the CLI and the panel
        write_table(str(path), {"findings": Broken()})
    assert path.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["findings.csv"]  # no partial file left beside it
