"""What a step did, in one line for the message bar: its result object read, not its last log line.

Each function returns an Outcome: the line (numbers in the user's locale) and, when the step left something
out (a rejected row, a file that failed, a photo not placed), the first reason; the panel shows such a step as a
warning and the others in its log.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from qgis.PyQt.QtCore import QLocale

from ..core.compare import MATCHES, NEAR, NOT_OFFICIAL
from ..i18n import tr
from ..steps.media import MediaReport
from ..steps.official import OfficialSummary
from ..steps.regions import RegionSummary
from ..steps.sharing import SyncReport
from ..steps.tracks import GpxImportReport


@dataclass
class Outcome:
    line: str
    problem: str = ""  # the first thing left out; a warning when set


def number(value: float, decimals: int = 0) -> str:
    """12259.5 as the user's locale writes it (12,259.5; 12 259,5)."""
    locale = QLocale()
    return locale.toString(int(round(value))) if decimals == 0 else locale.toString(float(value), "f", decimals)


def tracks_outcome(report: GpxImportReport) -> Outcome:
    line = tr("{0} file(s) imported, {1} fixes, {2} km").format(
        number(len(report.imported) + len(report.replaced)), number(report.fixes), number(report.distance_km, 1))
    if report.unchanged:
        line += "; " + tr("{0} already imported").format(number(len(report.unchanged)))
    problem = ""
    if report.failed:
        line += "; " + tr("{0} file(s) failed").format(number(len(report.failed)))
        path, reason = report.failed[0]
        problem = f"{os.path.basename(path)}: {reason}"
    if report.rejected:
        line += "; " + tr("{0} point(s) left out").format(number(len(report.rejected)))
        if not problem:
            path, row, reason = report.rejected[0]
            problem = tr("{0}, line {1}: {2}").format(os.path.basename(path), row, reason)
    return Outcome(line, problem)


def media_outcome(report: MediaReport, offset_before: set[float] | None = None, offset: float = 0.0) -> Outcome:
    """`offset_before`: the camera clock offsets the store's time-placed photos were placed with; a run with
    another offset moves them, which the user must see."""
    line = tr("{0} placed by their GPS, {1} by time against the track, {2} not placed; {3} linked to a finding").format(
        number(report.with_gps), number(report.time_synced), number(len(report.unplaced)), number(report.linked))
    if report.unchanged:
        line += "; " + tr("{0} unchanged").format(number(report.unchanged))
    problem = ""
    changed = sorted(o for o in (offset_before or set()) if abs(o - offset) > 0.001)
    if changed and report.time_synced:
        problem = tr("the camera clock offset changed from {0} s to {1} s: the photos placed by time moved").format(
            number(changed[0], 1), number(offset, 1))
    elif report.unplaced:
        path, why = report.unplaced[0]
        problem = f"{os.path.basename(path)}: {why}"
    elif report.problems:
        path, what = report.problems[0]
        problem = f"{os.path.basename(path)}: {what}"
    return Outcome(line, problem)


def findings_outcome(result: tuple) -> Outcome:
    count, problems = result
    line = tr("{0} finding(s) imported, {1} row(s) rejected").format(number(count), number(len(problems)))
    problem = ""
    if problems:
        first = problems[0]
        problem = tr("{0}, row {1}: {2}").format(os.path.basename(first.source), first.row, first.reason)
    return Outcome(line, problem)


def regions_outcome(summary: RegionSummary) -> Outcome:
    return Outcome(tr("{0} region(s) visited, {1} km; {2} findings and {3} media placed in regions").format(
        number(len(summary.visited)), number(summary.total_km, 1), number(sum(summary.findings.values())),
        number(sum(summary.media.values()))))


def official_outcome(summary: OfficialSummary) -> Outcome:
    classes = [row["official_class"] for row in summary.rows]
    return Outcome(tr("{0} findings against {1}: {2} in it, {3} near a record, {4} not in it; "
                      "{5} record(s) along the route not reported").format(
        number(len(classes)), summary.layer, number(classes.count(MATCHES)), number(classes.count(NEAR)),
        number(classes.count(NOT_OFFICIAL)), number(len(summary.unreported))))


def sharing_outcome(report: SyncReport) -> Outcome:
    counts = report.counts
    line = tr("{0} finding change(s) shared, {1} pulled; {2} track segments and {3} fixes published").format(
        number(counts.get("findings_pushed", 0)), number(counts.get("findings_pulled", 0)),
        number(counts.get("tracks_published", 0)), number(counts.get("fixes_published", 0)))
    problem = ""
    if report.conflicts:
        problem = tr("{0} conflict(s) kept for you to resolve, e.g. {1}").format(
            number(len(report.conflicts)), str(report.conflicts[0]))
    elif report.skipped:
        problem = tr("{0} finding(s) edited here during the sync, left for the next one").format(
            number(len(report.skipped)))
    return Outcome(line, problem)
