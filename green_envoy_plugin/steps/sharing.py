"""Sharing through PostgreSQL/PostGIS: findings into the shared store, and an expedition synced with it.

Every write goes through the shared store's versioned protocol (store/postgis.py): a change applies to the
version it was based on, or becomes a conflict kept in `finding_conflicts` (both stores) for the user to resolve,
never dropped and never written over. The connection is a reference (store/pg_connection.py): no password is
ever stored or shown.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from ..core.findings import RowProblem, read_findings_table
from ..core.merge import Action, Shared, changed, normalise, plan
from ..errors import StepError
from ..store import access, pg_publish, sync_local
from ..store.pg_connection import ConnectionRef
from ..store.sync_local import LocalFinding
from .feedback import Feedback, SilentFeedback, check_canceled

if TYPE_CHECKING:
    from psycopg2.extensions import cursor

    from ..store.postgis import PostgisStore


@dataclass
class Conflict:
    finding_id: str
    kind: str
    fields: tuple[str, ...]
    by: str = ""
    at: str = ""

    def __str__(self) -> str:
        whom = f" (shared version by {self.by} at {self.at} UTC)" if self.by else ""
        fields = f" [{', '.join(self.fields)}]" if self.fields else ""
        return f"finding {self.finding_id}: {self.kind}{fields}{whom}; kept, nothing overwritten"


@dataclass
class SyncReport:
    counts: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # edited in QGIS while the sync ran: left for the next one
    left_out: list[str] = field(default_factory=list)  # local rows that cannot be shared (no or a repeated id)


def _open(connection: str | ConnectionRef, command: str) -> PostgisStore:
    from ..store.postgis import PostgisStore

    return PostgisStore(connection, command=command)


def import_findings_postgis(table: str, connection: str | ConnectionRef, mapping: dict[str, str] | None = None,
                            feedback: Feedback | None = None,
                            wait: bool = True) -> tuple[int, list[RowProblem], list[Conflict]]:
    """Findings from a CSV/XLSX into the shared store (created or upgraded first), in one transaction under the
    writers' lock. New finding_ids are added; a known one is updated only if its shared version is the one this
    file's previous import wrote (nobody edited it since); otherwise, or if it was deleted there, the row is a
    conflict, kept with the file's values. Returns (written, bad rows, conflicts)."""
    feedback = feedback or SilentFeedback()
    findings, problems = read_findings_table(table, mapping)
    if not findings and problems:  # nothing to write (a missing file, a table of bad rows): the shared store untouched
        for problem in problems[1:]:
            feedback.reportError(str(problem))
        raise StepError(str(problems[0]) + (f" (and {len(problems) - 1} more row(s))" if len(problems) > 1 else ""))
    for problem in problems:
        feedback.reportError(str(problem))
    via = f"import:{os.path.basename(table)}"
    conflicts: list[Conflict] = []
    written = 0
    with _open(connection, "import-findings") as store:
        applied = store.migrate()
        if applied:
            feedback.pushInfo(f"PostGIS store upgraded to schema version {applied[-1]}")
        with store.failing_as_step_errors(f"importing {table}"), store.conn, store.conn.cursor() as cur:
            store.begin_writing(cur, via, wait, notice=feedback.pushInfo)
            shared = store.read_shared(cur)
            for finding in findings:
                values = normalise(vars(finding))
                remote = shared.get(finding.finding_id)
                if remote is not None and remote.values == values:
                    continue
                if remote is not None and remote.values is None:
                    conflicts.append(_kept(store, cur, finding.finding_id, "deleted in the shared store", (),
                                           remote, values, via))
                    continue
                if remote is not None and remote.via != via:
                    conflicts.append(_kept(store, cur, finding.finding_id, "edited in the shared store since",
                                           tuple(sorted(changed(remote.values or {}, values))), remote, values, via))
                    continue
                new, refusal = store.attempt(cur, partial(store.insert_finding, cur, finding.finding_id, values)
                                             if remote is None else
                                             partial(store.update_if, cur, finding.finding_id, values, remote.version))
                if new is not None:
                    written += 1
                else:  # refused by the database (kept with the file's values), or changed meanwhile
                    conflicts.append(_kept(store, cur, finding.finding_id, refusal or "edited in the shared store "
                                           "since", (), remote, values, via))
    for conflict in conflicts:
        feedback.reportError(str(conflict))
    feedback.pushInfo(f"Findings: {written} written to {store.ref.label()} from {table}, {len(problems)} row(s) "
                      f"rejected, {len(conflicts)} conflict(s) kept")
    return written, problems, conflicts


def _kept(store: PostgisStore, cur: cursor, finding_id: str, kind: str, fields: tuple[str, ...], remote: Shared | None,
          values: dict[str, object] | None, other: str) -> Conflict:
    store.record_conflict(cur, finding_id, kind, fields, remote, values, other)
    return Conflict(finding_id, kind, fields, remote.by if remote else "", remote.at if remote else "")


def _resolutions(keep_local: list[str] | None, keep_shared: list[str] | None) -> dict[str, str]:
    chosen = {finding_id: "local" for finding_id in keep_local or ()}
    both = set(chosen) & set(keep_shared or ())
    if both:
        raise StepError(f"kept both here and shared: {', '.join(sorted(both))}")
    chosen.update({finding_id: "shared" for finding_id in keep_shared or ()})
    return chosen


def sync_postgis(gpkg_path: str, connection: str | ConnectionRef, feedback: Feedback | None = None,
                 wait: bool = True, keep_local: list[str] | None = None,
                 keep_shared: list[str] | None = None) -> SyncReport:
    """A three-way merge of the store's findings with the shared store's against the last synced version, and
    the store's computed layers published, all in one PostgreSQL transaction under the writers' lock (a second
    sync waits, saying whose is running; a sync killed at any moment leaves the shared tables as they were).
    Edits made on one side only go to the other; edits of the same field on both sides, and an edit on one side
    of what the other deleted, are conflicts kept in both stores until resolved (keep_local / keep_shared:
    finding_ids whose local or shared state is to stay). Computed fields (region, official comparison,
    nearest settlement) are the store's own and survive a pull; deletions travel as tombstones."""
    feedback = feedback or SilentFeedback()
    resolutions = _resolutions(keep_local, keep_shared)
    sync_local.prepare(gpkg_path)
    report = SyncReport()
    with access.writing(gpkg_path, "sync-postgis"), _open(connection, "sync-postgis") as store:
        store.migrate()
        with store.failing_as_step_errors("the sync"), store.conn, store.conn.cursor() as cur:
            remote_id = store.store_id(cur)
            known_id, local, bases = sync_local.read_local(gpkg_path, remote_id, report.left_out)
            store.begin_writing(cur, f"sync:{os.path.basename(gpkg_path)}", wait, notice=feedback.pushInfo)
            check_canceled(feedback)
            feedback.setProgress(5)
            shared = store.read_shared(cur)
            actions = plan({k: v.values for k, v in local.items()}, bases, shared, resolutions)
            versions = _apply_shared(store, cur, actions, local, shared, report)
            writer = sync_local.LocalWriter(gpkg_path, remote_id, store.who)
            try:
                store_id = writer.store_id(known_id, store.ref.reference())
                published = _publish(cur, store, store_id, gpkg_path, feedback)
                cur.execute(f"INSERT INTO {store.schema}.published_stores VALUES (%s, %s, now(), %s) ON CONFLICT "
                            "(store_id) DO UPDATE SET store_name = EXCLUDED.store_name, published_at = now(), "
                            "published_by = EXCLUDED.published_by",
                            (store_id, os.path.basename(gpkg_path), store.who))
                store.close_conflicts(cur, store_id, {c.finding_id for c in report.conflicts})
                for action in actions:
                    if action.kind == "conflict":
                        remote = shared.get(action.finding_id)
                        mine = local.get(action.finding_id)
                        store.record_conflict(cur, action.finding_id, action.conflict, action.fields, remote,
                                              mine.values if mine else None, store_id)
                        writer.conflict(action, mine.values if mine else None, remote)
                    else:
                        writer.apply(action, local.get(action.finding_id), shared.get(action.finding_id),
                                     versions.get(action.finding_id))
                writer.close_conflicts({c.finding_id for c in report.conflicts})
                check_canceled(feedback)
                store.conn.commit()  # the shared store first: a local failure now is caught up by the next sync
            except BaseException:
                writer.rollback()
                raise
            writer.commit()
    report.skipped = writer.skipped
    report.counts.update(published)
    _summarise(report, actions, feedback)
    return report


def _apply_shared(store: PostgisStore, cur: cursor, actions: list[Action], local: dict[str, LocalFinding],
                  shared: dict[str, Shared], report: SyncReport) -> dict[str, int]:
    """The pushes, each applied to the version it was based on; one that finds another version (QGIS saved
    meanwhile: QGIS does not take the sync's lock) turns into a conflict, one the database refuses (a value
    outside its checks) is reported and kept here, the others go on. The new shared version by finding."""
    versions: dict[str, int] = {}
    for i, action in enumerate(actions):
        remote = shared.get(action.finding_id)
        new: int | None = None
        problem = ""
        if action.kind in ("push_insert", "push_update", "merge", "push_delete"):
            result, problem = store.attempt(cur, partial(_push, store, cur, action, local.get(action.finding_id),
                                                         remote))
            new = result if isinstance(result, int) and not isinstance(result, bool) else None
            if not problem and result in (None, False):
                problem = ("created in the shared store meanwhile" if action.kind == "push_insert"
                           else "changed in the shared store meanwhile")
        elif action.kind in ("link", "rebase", "pull_insert", "pull_update") and action.expected is not None:
            new = action.expected
        if problem:
            actions[i] = Action(action.finding_id, "conflict", conflict=problem, fields=action.push)
        if new is not None:
            versions[action.finding_id] = new
        if actions[i].kind == "conflict":
            report.conflicts.append(Conflict(action.finding_id, actions[i].conflict, actions[i].fields,
                                             remote.by if remote else "", remote.at if remote else ""))
    return versions


def _push(store: PostgisStore, cur: cursor, action: Action, mine: LocalFinding | None,
          remote: Shared | None) -> int | bool | None:
    """One push: the new version (an insert or update), True (a delete), None/False (the shared version moved)."""
    if action.kind == "push_insert" and action.values is not None:
        if remote is not None and remote.values is not None:
            return None
        return store.insert_finding(cur, action.finding_id, action.values, mine.computed if mine else None)
    if action.kind in ("push_update", "merge") and action.values is not None and action.expected is not None:
        return store.update_if(cur, action.finding_id, action.values, action.expected)
    if action.kind == "push_delete" and action.expected is not None:
        return store.delete_if(cur, action.finding_id, action.expected)
    return None


def _publish(cur: cursor, store: PostgisStore, store_id: str, gpkg_path: str, feedback: Feedback) -> dict[str, int]:
    def progress(table: str, n: int) -> None:
        check_canceled(feedback)
        feedback.setProgress(20 + 70 * n / len(pg_publish.PUBLISHED_TABLES))
        feedback.pushInfo(f"publishing {table}…")

    counts = pg_publish.publish(cur, store.schema, store_id, gpkg_path, progress)
    return {"tracks_published": counts.get("tracks", 0), "fixes_published": counts.get("track_points", 0),
            "regions_published": counts.get("regions", 0)}


def _summarise(report: SyncReport, actions: list[Action], feedback: Feedback) -> None:
    kinds = [a.kind for a in actions]
    counts = report.counts
    counts["findings_pushed"] = sum(kinds.count(k) for k in ("push_insert", "push_update", "push_delete", "merge"))
    counts["findings_pulled"] = sum(kinds.count(k) for k in ("pull_insert", "pull_update", "pull_delete", "merge"))
    counts["findings_pulled"] -= len([a for a in actions if a.finding_id in report.skipped])
    counts["deleted_here"] = kinds.count("pull_delete")
    counts["deleted_there"] = kinds.count("push_delete")
    counts["conflicts"] = len(report.conflicts)
    counts["skipped"] = len(report.skipped)
    for conflict in report.conflicts:
        feedback.reportError(str(conflict))
    for reason in report.left_out:
        feedback.reportError(reason)
    for finding_id in report.skipped:
        feedback.reportError(f"finding {finding_id}: edited here while the sync ran; left for the next sync")
    feedback.setProgress(100)
    feedback.pushInfo(
        f"PostGIS: {counts['findings_pushed']} finding change(s) shared, {counts['findings_pulled']} pulled "
        f"({counts['deleted_there']} deleted there, {counts['deleted_here']} here), {counts['conflicts']} "
        f"conflict(s) kept; {counts['tracks_published']} track segments and {counts['fixes_published']} fixes "
        "published")
