"""Tables the plugin writes for people to open in a spreadsheet (findings per region, the official comparison).

Text a finder typed or a CSV brought in ("=HYPERLINK(...)", "+cmd|' /C calc'!A0", "@SUM(...)") must stay text:
a spreadsheet that opens a CSV runs a cell beginning with = + - @ (or a tab or carriage return) as a formula,
and openpyxl stores any string beginning with = as one. In CSV such a cell gets a leading apostrophe (what
OWASP recommends; spreadsheets show the text without it); in XLSX the cell is typed as a string, so the text is
kept exactly. Files are written beside their final name and renamed (io/files.py): a reader never sees half a
table, and a failure (a full disk) leaves the previous file as it was.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from .files import atomic_output

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """A CSV cell's value that no spreadsheet takes for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_table(path: str, sheets: dict[str, Any]) -> None:
    """pandas DataFrames to one file: CSV (the first sheet) or XLSX (every sheet), by the path's extension."""
    with atomic_output(path) as temporary:
        if path.lower().endswith(".xlsx"):
            _write_xlsx(temporary, sheets)
        else:
            frame = next(iter(sheets.values()))
            # DataFrame.map is pandas >= 2.1 (trixie, sid); applymap, deprecated there, is bookworm's 1.5.
            safe = frame.map(neutralised) if hasattr(frame, "map") else frame.applymap(neutralised)
            safe.to_csv(temporary, index=False)


def _write_xlsx(path: str, sheets: dict[str, Any]) -> None:
    import pandas as pd
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.append([str(column) for column in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([_cell_value(v, pd.isna) for v in row])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.data_type == "f":
                    cell.data_type = "s"  # text, not a formula
    # Built in memory, then written: a full disk fails in this write, with no file of openpyxl's left open.
    content = BytesIO()
    book.save(content)
    with open(path, "wb") as handle:
        handle.write(content.getbuffer())


def _cell_value(value: Any, isna: Any) -> Any:
    """A DataFrame cell as openpyxl takes it: NaN/NaT/None empty, numpy scalars as Python's."""
    if value is None:
        return None
    if not isinstance(value, str):
        try:
            if isna(value):
                return None
        except (TypeError, ValueError):
            pass
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value
