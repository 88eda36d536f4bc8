"""The panel's sharing step, its logic apart from the panel's widgets: the connection made safe to keep before
anything saves it, resolved on the main thread (QGIS's authentication database may ask for its master password
there), and the sync's result in one line."""

from __future__ import annotations

from ..errors import StepError
from ..i18n import tr
from ..shared_layers import resolve, without_password
from ..steps.sharing import SyncReport
from ..store.pg_connection import ConnectionRef, parse
from .results import Outcome, number


def safe_reference(text: str) -> tuple[str, str]:
    """(the text to show and keep, a note for the user or ""): a typed password moved into QGIS's
    authentication database and replaced by the authcfg that names it."""
    if not text.strip():
        return "", ""
    try:
        ref = parse(text)
    except StepError:
        return text, ""  # said when the step runs; a text that cannot be read holds no key=value to store
    if not ref.has_secret:
        return text.strip(), ""
    ref = without_password(ref)
    return ref.reference(), tr("The password is now kept in QGIS's authentication database ({0}); the project "
                               "keeps only that reference.").format(ref.authcfg)


def connection_for_sync(text: str) -> ConnectionRef:
    """The reference with its credentials, for the background task (resolved here, on the main thread)."""
    return resolve(parse(text))


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
