"""Findings from a CSV table: every row validated, bad rows reported by number and reason."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from datetime import datetime

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


def _number(row: dict, key: str, low: float, high: float) -> float:
    text = (row.get(key) or "").strip().replace(",", ".")
    if not text:
        raise ValueError(f"{key} is empty")
    value = float(text)
    if math.isnan(value) or not low <= value <= high:
        raise ValueError(f"{key} {text} is outside {low}..{high}")
    return value


def parse_finding(row: dict) -> Finding:
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
    concerns = [c.strip() for c in (row.get("concerns") or "").split(";") if c.strip()]
    unknown = [c for c in concerns if c not in CONCERNS]
    if unknown:
        raise ValueError(f"unknown concern(s) {', '.join(unknown)}")
    finding.concerns = ";".join(concerns)
    for key in ("settlement", "description", "source"):
        if (row.get(key) or "").strip():
            setattr(finding, key, row[key].strip())
    return finding


def read_findings_csv(path: str) -> tuple[list[Finding], list[RowProblem]]:
    findings, problems = [], []
    seen: set[str] = set()
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [k for k in REQUIRED if k not in (reader.fieldnames or [])]
        if missing:
            return [], [RowProblem(path, 1, f"header lacks column(s) {', '.join(missing)}")]
        for row in reader:
            line = reader.line_num
            try:
                if None in row:
                    raise ValueError("more cells than header columns")
                finding = parse_finding(row)
                if finding.finding_id in seen:
                    raise ValueError(f"finding_id {finding.finding_id} repeats an earlier row")
                seen.add(finding.finding_id)
                findings.append(finding)
            except ValueError as exc:
                problems.append(RowProblem(path, line, str(exc)))
    return findings, problems
