"""Tables as people write them, read without a traceback: CSV in UTF-8 (with or without BOM), UTF-16 or
windows-1251 (what Russian-locale Excel saves), separated by `,`, `;` (Excel in locales with a decimal comma,
KoboToolbox's default) or tabs; XLSX read cell by cell after its zip directory was checked (a small file
that expands into hundreds of megabytes is refused before anything is unpacked).

A cell with a NUL byte or longer than MAX_CELL characters rejects its row, not the file; a table longer than
MAX_ROWS is read up to the limit and says so. Every refusal is a `TableError` naming the file or a
`(line, reason)` among the rows' problems; nothing here raises anything else for bad bytes.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

MAX_CELL = 10_000  # characters: a description a page long; a 200,000-character cell is not a finding
MAX_ROWS = 200_000  # rows: a season of three teams' phones is a few thousand
MAX_CSV_BYTES = 200 * 1024 * 1024
MAX_XLSX_UNPACKED = 200 * 1024 * 1024  # bytes of all the XLSX's parts together once unpacked
MAX_XLSX_RATIO = 200  # an honest sheet compresses 5-20 times; a zip bomb thousands of times
DELIMITERS = (",", ";", "\t")


class TableError(ValueError):
    """The file cannot be read as a table at all (its reason names it)."""


@dataclass
class Table:
    source: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line or Excel row number, the header being 1, {column: text})
    problems: list[tuple[int, str]] = field(default_factory=list)  # rows left out, with their reasons
    encoding: str = ""
    delimiter: str = ""


def detect_encoding(data: bytes) -> str:
    """The text encoding of a CSV's bytes: a BOM says it; UTF-16 without BOM shows as NULs in every other byte
    of ASCII text; UTF-8 is tried strictly; whatever fails UTF-8 here is windows-1251 (Excel's 'CSV' in a
    Russian or Kazakh Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 4:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > len(head) // 4 and even == 0:
            return "utf-16-le"
        if even > len(head) // 4 and odd == 0:
            return "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a file cut inside a multi-byte letter is still UTF-8
        if exc.start < len(data) - 3:
            return "cp1251"
    return "utf-8"


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the same number of (more than one) columns."""
    sample = text.splitlines()[:30]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(sample, delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        consistent = sum(1 for c in counts if c == counts[0])
        score = consistent * 1000 + counts[0]
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _check_cells(row: dict[str, str]) -> str | None:
    for column, value in row.items():
        if "\x00" in value:
            return f"column {column!r} holds a NUL byte (a damaged or binary file)"
        if len(value) > MAX_CELL:
            return f"column {column!r} holds {len(value)} characters (more than {MAX_CELL})"
    return None


def _collect(source: str, header: list[str], records: Iterator[tuple[int, list[str]]], table: Table) -> None:
    columns = [c.strip() for c in header]
    table.columns = columns
    for line, cells in records:
        if len(table.rows) + len(table.problems) >= MAX_ROWS:
            table.problems.append((line, f"the table has more than {MAX_ROWS} rows: this row and those after "
                                         "it were not read (split the file)"))
            return
        if not any(c.strip() for c in cells):
            continue  # an empty line, as spreadsheets leave at the end
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
            table.problems.append((line, f"{len(cells)} cells but the header has {len(columns)} columns"))
            continue
        row = {c: (cells[k] if k < len(cells) else "") for k, c in enumerate(columns)}
        problem = _check_cells(row)
        if problem:
            table.problems.append((line, problem))
        else:
            table.rows.append((line, row))


def read_csv_table(path: str) -> Table:
    try:
        size = os.path.getsize(path)
        if size > MAX_CSV_BYTES:
            raise TableError(f"{path}: {size // 1048576} MB is more than a findings table can be "
                             f"({MAX_CSV_BYTES // 1048576} MB)")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise TableError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return parse_csv_bytes(data, path)


def parse_csv_bytes(data: bytes, source: str) -> Table:
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")  # a damaged UTF-16 file: the bad letters show as �
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise TableError(f"{source}: the file is empty")
    delimiter = sniff_delimiter(text)
    table = Table(source, [], [], encoding=encoding, delimiter=delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a long cell is rejected by its row, not by csv
    try:
        header = next(reader, None)
        if header is None:
            raise TableError(f"{source}: no header line")

        def records() -> Iterator[tuple[int, list[str]]]:
            while True:
                start = reader.line_num + 1
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:  # NUL in a quoted cell on older Pythons, an unclosed quote
                    table.problems.append((start, f"not readable as CSV ({exc})"))
                    continue
                yield start, cells

        _collect(source, header, records(), table)
    finally:
        csv.field_size_limit(limit)
    return table


def check_xlsx(path: str) -> None:
    """Refuse an XLSX whose parts would unpack beyond the limits, before any XML is parsed."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError) as exc:  # a zip "version 23.5" ...
        raise TableError(f"{path}: not an XLSX file ({exc})") from None
    unpacked = sum(i.file_size for i in infos)
    packed = sum(max(1, i.compress_size) for i in infos)
    if unpacked > MAX_XLSX_UNPACKED:
        raise TableError(f"{path}: unpacks to {unpacked // 1048576} MB, more than {MAX_XLSX_UNPACKED // 1048576} MB "
                         "(refused: a spreadsheet this large, or a zip bomb)")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_XLSX_RATIO * max(1, info.compress_size):
            raise TableError(f"{path}: {info.filename} expands {info.file_size // max(1, info.compress_size)} times "
                             "(refused as a zip bomb)")
    if unpacked > MAX_XLSX_RATIO * packed and unpacked > 10_000_000:
        raise TableError(f"{path}: expands {unpacked // packed} times (refused as a zip bomb)")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx_table(path: str, sheet: str | None = None) -> Table:
    """The first sheet (or `sheet`), Excel row numbers as the lines."""
    check_xlsx(path)
    try:
        from openpyxl import load_workbook
    except ImportError as exc:
        raise TableError(f"{path}: XLSX needs openpyxl, which this Python lacks ({exc}); save as CSV") from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (KeyError, XML errors) on damaged files
        raise TableError(f"{path}: not a readable XLSX ({type(exc).__name__}: {exc})") from None
    try:
        if not book.worksheets:
            raise TableError(f"{path}: the workbook has no sheet")
        ws = book[sheet] if sheet and sheet in book.sheetnames else book.worksheets[0]
        values = ws.iter_rows(values_only=True)
        table = Table(path, [], [], encoding="xlsx")
        try:
            header = next(values, None)
        except Exception as exc:
            raise TableError(f"{path}: not a readable XLSX ({type(exc).__name__}: {exc})") from None
        if header is None:
            raise TableError(f"{path}: the sheet is empty")
        while header and header[-1] is None:
            header = header[:-1]

        def records() -> Iterator[tuple[int, list[str]]]:
            line = 1
            while True:
                line += 1
                try:
                    cells = next(values)
                except StopIteration:
                    return
                except Exception as exc:
                    table.problems.append((line, f"not readable ({type(exc).__name__}: {exc})"))
                    return
                yield line, [_cell_text(v) for v in cells]

        _collect(path, [_cell_text(h) for h in header], records(), table)
        return table
    finally:
        book.close()


def read_table(path: str) -> Table:
    """CSV (any of the encodings and separators above) or XLSX, by the file's first bytes."""
    try:
        with open(path, "rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise TableError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if magic.startswith(b"PK"):
        return read_xlsx_table(path)
    if path.lower().endswith((".xlsx", ".xlsm")):
        raise TableError(f"{path}: not an XLSX file (no zip inside)")
    return read_csv_table(path)
