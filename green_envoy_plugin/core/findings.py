"""Findings from a CSV or XLSX table: every row validated, bad rows reported by number and reason.

The table is read by core/sheets.py (encodings, separators, size limits); here each row becomes a Finding or
a reason: coordinates with a decimal comma are read, times as ISO 8601 or as a Russian-locale spreadsheet writes
them (31.08.2025 14:30), a time outside 1990-2100 is a typing error, not a finding of the year 1.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .categories import CASE_TYPES, CONCERNS, parse_category
from .sheets import TableError, read_table
from .tracks import LOCAL_TZ

REQUIRED = ("finding_id", "lat", "lon", "category")
YEARS = (1990, 2100)  # a finding's time outside these years is a typing or clock error
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


@dataclass
class Finding:
    finding_id: str
    lon: float
    lat: float
    category: str
    observed_at: float | None = None  # UTC epoch seconds
    case_type: str = "other"
    severity: int = 3
    concerns: str = ""
    settlement: str = ""
    description: str = ""
    source: str = "import"


@dataclass
class RowProblem:
    source: str
    row: int  # line number in the file, the header being line 1
    reason: str

    def __str__(self) -> str:
        return f"{self.source}, row {self.row}: {self.reason}"


def _number(row: dict[str, str], key: str, low: float, high: float) -> float:
    text = (row.get(key) or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not text:
        raise ValueError(f"{key} is empty")
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{key} {text[:40]!r} is not a number") from None
    if math.isnan(value) or not low <= value <= high:
        raise ValueError(f"{key} {text} is outside {low}..{high}")
    return value


def parse_finding(row: dict[str, str]) -> Finding:
    missing = [k for k in REQUIRED if not (row.get(k) or "").strip()]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    finding = Finding(
        finding_id=row["finding_id"].strip(),
        lat=_number(row, "lat", -90, 90),
        lon=_number(row, "lon", -180, 180),
        category=parse_category(row["category"]),
    )
    when = (row.get("observed_at") or "").strip()
    if when:
        finding.observed_at = parse_time(when)
    case = (row.get("case_type") or "other").strip()
    if case not in CASE_TYPES:
        raise ValueError(f"unknown case type {case!r}")
    finding.case_type = case
    if (row.get("severity") or "").strip():
        try:
            severity = int(float(row["severity"].strip().replace(",", ".")))
        except ValueError:
            raise ValueError(f"severity {row['severity'][:20]!r} is not a number 1-5") from None
        if not 1 <= severity <= 5:
            raise ValueError(f"severity {severity} is not 1-5")
        finding.severity = severity
    # ';'-separated (spreadsheets) or QGIS's multi-value form '{a,b}'
    raw_concerns = (row.get("concerns") or "").strip()
    if raw_concerns.startswith("{") and raw_concerns.endswith("}"):
        raw_concerns = raw_concerns[1:-1].replace(",", ";")
    concerns = [c.strip().strip('"') for c in raw_concerns.split(";") if c.strip()]
    unknown = [c for c in concerns if c not in CONCERNS]
    if unknown:
        raise ValueError(f"unknown concern(s) {', '.join(unknown)}")
    finding.concerns = ";".join(concerns)
    for key in ("settlement", "description", "source"):
        if (row.get(key) or "").strip():
            setattr(finding, key, row[key].strip())
    return finding


def parse_time(text: str) -> float:
    """UTC epoch seconds of a time as typed: ISO 8601 (Z or an offset, else Kazakhstan time) or dd.mm.yyyy
    [HH:MM[:SS]]; a year outside YEARS is refused."""
    dotted = _DOTTED.fullmatch(text)
    try:
        if dotted:
            d, m, y, hh, mm, ss = (int(g) if g else 0 for g in dotted.groups())
            stamp = datetime(y, m, d, hh, mm, ss)
        else:
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except (ValueError, OverflowError):
        raise ValueError(f"time {text[:40]!r} is not a date and time (2025-08-31 14:30 or 31.08.2025 14:30)") \
            from None
    if not YEARS[0] <= stamp.year <= YEARS[1]:
        raise ValueError(f"time {text[:40]!r} is outside {YEARS[0]}-{YEARS[1]}")
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=LOCAL_TZ)  # a field notebook time is Kazakhstan time
    return stamp.timestamp()


def read_findings_csv(path: str, mapping: dict[str, str] | None = None) -> tuple[list[Finding], list[RowProblem]]:
    """Findings of a CSV; `mapping` names, for a field of ours, the column of the file that holds it."""
    return read_findings_table(path, mapping)


def parse_rows(source: str, columns: Sequence[str], rows: Iterable[tuple[int, dict[Any, Any]]],
               mapping: dict[str, str] | None = None) -> tuple[list[Finding], list[RowProblem]]:
    """Findings from (row number, {column: text}) pairs of any table; bad rows become RowProblems."""
    mapping = mapping or {}
    renamed = {target: source_column for target, source_column in mapping.items() if source_column}
    unknown = [c for c in renamed.values() if c not in columns]
    if unknown:
        return [], [RowProblem(source, 1, f"mapped column(s) {', '.join(unknown)} not in the table")]
    available = set(columns) | set(renamed)
    missing = [k for k in REQUIRED if k not in available]
    if missing:
        return [], [RowProblem(source, 1, f"header lacks column(s) {', '.join(missing)} (map them to columns)")]
    findings, problems = [], []
    seen: set[str] = set()
    for line, row in rows:
        try:
            if None in row:
                raise ValueError("more cells than header columns")
            for target, column in renamed.items():
                row[target] = row.get(column)
            finding = parse_finding({k: "" if v is None else str(v) for k, v in row.items()})
            if finding.finding_id in seen:
                raise ValueError(f"finding_id {finding.finding_id} repeats an earlier row")
            seen.add(finding.finding_id)
            findings.append(finding)
        except ValueError as exc:
            problems.append(RowProblem(source, line, str(exc)))
    return findings, problems


def read_findings_table(path: str, mapping: dict[str, str] | None = None) -> tuple[list[Finding], list[RowProblem]]:
    """CSV (UTF-8, UTF-16 or windows-1251; `,` `;` or tab) or XLSX (first sheet; Excel row numbers in the
    report). A file that is no table at all is one problem at row 1."""
    try:
        table = read_table(path)
    except TableError as exc:
        return [], [RowProblem(path, 1, str(exc).removeprefix(f"{path}: "))]
    findings, problems = parse_rows(path, table.columns, iter(table.rows), mapping)
    problems.extend(RowProblem(path, line, reason) for line, reason in table.problems)
    problems.sort(key=lambda p: p.row)
    return findings, problems
