"""Findings from a CSV table: every row validated, bad rows reported by number and reason."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .categories import CASE_TYPES, CONCERNS, parse_category
from .tracks import LOCAL_TZ

REQUIRED = ("finding_id", "lat", "lon", "category")


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
    text = (row.get(key) or "").strip().replace(",", ".")
    if not text:
        raise ValueError(f"{key} is empty")
    value = float(text)
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
        stamp = datetime.fromisoformat(when)
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=LOCAL_TZ)  # a field notebook time is Kazakhstan time
        finding.observed_at = stamp.timestamp()
    case = (row.get("case_type") or "other").strip()
    if case not in CASE_TYPES:
        raise ValueError(f"unknown case type {case!r}")
    finding.case_type = case
    if (row.get("severity") or "").strip():
        severity = int(row["severity"])
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


def read_findings_csv(path: str, mapping: dict[str, str] | None = None) -> tuple[list[Finding], list[RowProblem]]:
    """Findings of a CSV; `mapping` names, for a field of ours, the column of the file that holds it."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        rows = ((reader.line_num, row) for row in reader)
        return parse_rows(path, reader.fieldnames or [], rows, mapping)


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
    """CSV or XLSX (first sheet; Excel row numbers in the report)."""
    if not path.lower().endswith((".xlsx", ".xlsm")):
        return read_findings_csv(path, mapping)
    import pandas as pd

    try:
        frame = pd.read_excel(path, dtype=str, keep_default_na=False)
    except ImportError as exc:
        return [], [RowProblem(path, 1, f"XLSX needs openpyxl, which this Python lacks ({exc}); save as CSV")]
    rows = ((k + 2, {c: v for c, v in zip(frame.columns, values)}) for k, values in enumerate(frame.itertuples(
        index=False, name=None)))
    return parse_rows(path, [str(c) for c in frame.columns], rows, mapping)
