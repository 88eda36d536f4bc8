"""What the phones send back, as field records: one per captured finding, keyed by the capture's own uuid.

- ODK Central's CSV export (docs.getodk.org, "Downloading submissions"): the form's fields by name, a group's
  fields prefixed `group-`, a geopoint split into `<name>-Latitude`, `-Longitude`, `-Altitude`, `-Accuracy`,
  `meta-instanceID`, `KEY` (the submission's first instanceID, kept through edits), `SubmissionDate`,
  `SubmitterName`, `ReviewState`; select_multiple answers separated by spaces; attachments by file name
  (in the zip's `media/` folder, or `files/<instanceID>/` where the export was made per submission).
- KoboToolbox's export ("XML values and headers"): CSV (`;` by default) or XLSX, a geopoint as
  `_<name>_latitude`, `_<name>_longitude`, `_<name>_altitude`, `_<name>_precision`, `_uuid`, `_submission_time`
  (UTC), `_submitted_by`; select_multiple in one column (spaces) or one 0/1 column per choice (`concerns/rivers`);
  attachments by file name in the media zip (`.../attachments/<form>/<_uuid>/<file>`).
- QField and Mergin Maps: the kit's own findings layer, its photo field a `DCIM/<file>` path.

A record carries the finding's values as text for core.findings.parse_finding, the photo's name, and when and by
whom it was last changed on the phone; a row the parsers cannot use becomes a reason with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from .field_form import FIELDS
from .findings import parse_time
from .sheets import Table

FINDING_FIELDS = tuple(f.name for f in FIELDS if f.name not in ("photo", "modified_at", "edited_by"))
GEO_SUFFIXES = {"odk": ("-Latitude", "-Longitude", "-Altitude", "-Accuracy"),
                "kobo": ("_latitude", "_longitude", "_altitude", "_precision")}


@dataclass
class FieldRecord:
    uid: str  # instanceID (without "uuid:"), Kobo's _uuid, or the kit's finding_id
    line: str  # where it came from, for the report: "row 7", "feature 3"
    values: dict[str, str]  # finding fields, lat and lon, as text
    photos: list[str] = field(default_factory=list)  # as the row names them: a file name or DCIM/<file>
    modified: float | None = None  # UTC epoch seconds of the last change on the phone
    edited_by: str = ""


@dataclass
class FieldReturn:
    kind: str  # "odk", "kobo", "qfield"
    source: str
    records: list[FieldRecord] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (line, reason)


def detect_kind(columns: list[str]) -> str | None:
    names = set(columns)
    if "meta-instanceID" in names or ("KEY" in names and "SubmissionDate" in names):
        return "odk"
    if "_uuid" in names or "_submission_time" in names:
        return "kobo"
    return None


def _last(column: str, separator: str) -> str:
    return column.rsplit(separator, 1)[-1]


def _utc_time(text: str, naive_is_utc: bool) -> float | None:
    text = text.strip()
    if not text:
        return None
    if naive_is_utc and len(text) > 10 and not any(z in text[10:] for z in ("+", "-", "Z")):
        text += "+00:00"
    try:
        return parse_time(text)
    except ValueError:
        return None


def iso(epoch: float | None) -> str:
    return "" if epoch is None else datetime.fromtimestamp(epoch, timezone.utc).isoformat(timespec="seconds")


def _geopoint(columns: list[str], suffixes: tuple[str, ...]) -> tuple[str, str] | None:
    """The latitude and longitude columns of the form's geopoint (the one named `location`, else the first)."""
    found = [c[: -len(suffixes[0])] for c in columns if c.endswith(suffixes[0])]
    found = [p for p in found if p + suffixes[1] in columns]
    if not found:
        return None
    prefix = next((p for p in found if p.rstrip("_").endswith("location")), found[0])
    return prefix + suffixes[0], prefix + suffixes[1]


def parse_app_table(table: Table, kind: str | None = None) -> FieldReturn:
    """An ODK Central or KoboToolbox export table as field records (`kind` as detect_kind names it)."""
    kind = kind or detect_kind(table.columns)
    result = FieldReturn(kind or "unknown", table.source)
    result.rejected.extend((f"row {line}", reason) for line, reason in table.problems)
    if kind not in ("odk", "kobo"):
        result.rejected.append(("row 1", "neither an ODK Central export (no meta-instanceID, KEY) nor a "
                                         "KoboToolbox export (no _uuid): export with XML values and headers"))
        return result
    separator = "-" if kind == "odk" else "/"
    geo = _geopoint(table.columns, GEO_SUFFIXES[kind])
    if geo is None:
        result.rejected.append(("row 1", "no geopoint columns (" + " / ".join(GEO_SUFFIXES[kind][:2]) +
                                ") in the export's header"))
        return result
    # our fields by their name without the group path; a choice's 0/1 column (Kobo) as concerns/<key>
    by_name: dict[str, str] = {}
    choice_columns: dict[str, list[tuple[str, str]]] = {}
    for column in table.columns:
        if kind == "kobo" and "/" in column:
            parent, key = column.rsplit("/", 1)
            if _last(parent, "/") == "concerns":
                choice_columns.setdefault("concerns", []).append((key, column))
                continue
        name = _last(column, separator)
        if name in FINDING_FIELDS or name in ("photo", "end", "username"):
            by_name.setdefault(name, column)
    seen: dict[str, str] = {}
    for line, row in table.rows:
        where = f"row {line}"
        if kind == "odk":
            uid = (row.get("KEY") or row.get("meta-instanceID") or "").strip()
            submitted = _utc_time(row.get("SubmissionDate", ""), naive_is_utc=True)
            who = (row.get("SubmitterName") or row.get(by_name.get("username", ""), "") or "").strip()
            if (row.get("ReviewState") or "").strip().lower() == "rejected":
                result.rejected.append((where, f"{uid}: rejected in ODK Central's review"))
                continue
        else:
            uid = (row.get("_uuid") or row.get("meta/instanceID") or "").strip()
            submitted = _utc_time(row.get("_submission_time", ""), naive_is_utc=True)
            who = (row.get("_submitted_by") or row.get(by_name.get("username", ""), "") or "").strip()
        uid = uid.removeprefix("uuid:")
        if not uid:
            result.rejected.append((where, "no instance id (meta-instanceID / _uuid): cannot be matched again"))
            continue
        if uid in seen:
            result.rejected.append((where, f"duplicate uuid {uid} (already in {seen[uid]})"))
            continue
        seen[uid] = where
        values = {name: (row.get(column) or "").strip() for name, column in by_name.items()
                  if name in FINDING_FIELDS}
        values["lat"], values["lon"] = (row.get(geo[0]) or "").strip(), (row.get(geo[1]) or "").strip()
        concerns = values.get("concerns", "").split()
        concerns += [key for key, column in choice_columns.get("concerns", [])
                     if (row.get(column) or "").strip().lower() in ("1", "true", "yes")]
        values["concerns"] = ";".join(dict.fromkeys(concerns))
        values["finding_id"] = values.get("finding_id") or uid
        values.setdefault("source", "field")
        photo = (row.get(by_name.get("photo", ""), "") or "").strip()
        modified = _utc_time(row.get(by_name.get("end", ""), "") or "", naive_is_utc=False) or submitted
        result.records.append(FieldRecord(uid, where, values, [photo] if photo else [], modified, who))
    return result


def qfield_records(rows: list[tuple[int, dict[str, object], tuple[float, float] | None]], source: str
                   ) -> FieldReturn:
    """The kit's findings layer as returned by QField or Mergin Maps: (feature id, attributes, lon/lat or None)."""
    result = FieldReturn("qfield", source)
    seen: dict[str, str] = {}
    for fid, attributes, point in rows:
        where = f"feature {fid}"
        text = {k: "" if v is None else str(v).strip() for k, v in attributes.items()}
        uid = text.get("finding_id", "")
        if not uid:
            result.rejected.append((where, "no finding_id (the kit's uuid default was removed)"))
            continue
        if uid in seen:
            result.rejected.append((where, f"duplicate uuid {uid} (already in {seen[uid]})"))
            continue
        seen[uid] = where
        values = {name: text.get(name, "") for name in FINDING_FIELDS}
        if point is not None:
            values["lon"], values["lat"] = repr(point[0]), repr(point[1])
        for name in ("observed_at",):
            values[name] = values[name].replace("/", "-")  # OGR's 2025/08/03 12:00:00+05
        photo = text.get("photo", "")
        modified = _utc_time(text.get("modified_at", "").replace("/", "-"), naive_is_utc=False)
        result.records.append(FieldRecord(uid, where, values, [photo] if photo else [], modified,
                                          text.get("edited_by", "")))
    return result
