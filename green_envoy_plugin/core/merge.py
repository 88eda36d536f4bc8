"""The three-way merge of findings between an expedition store and the shared store (pure: no database).

Each finding has up to three states: the local one (the GeoPackage), the shared one (PostGIS, with its row
version, and a tombstone once deleted) and the base (what both held at the last sync: version and values,
kept in the GeoPackage). A change is what differs from the base; a side that changed alone is copied to the
other; both sides changing the same field to different values, or one deleting what the other edited, is a
conflict: nothing of that finding is applied on either side, both states are kept and the conflict reported
until the user says which one stays (`resolutions`: "local" or "shared").

Only the fields people enter are compared; the computed ones (region, official comparison, nearest
settlement) belong to each store and are never merged over.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timezone

# What people enter, shared and versioned. lon/lat stand for the point.
SHARED_FIELDS = ("observed_at", "category", "case_type", "severity", "concerns", "settlement", "description",
                 "source", "lon", "lat")
# Computed by each store's own steps; copied with a new finding, never merged over an existing one.
COMPUTED_FIELDS = ("region", "settlement_nearest", "settlement_distance_m", "official_id", "official_distance_m",
                   "official_class")

Values = dict[str, object]


def iso_utc(epoch_s: float) -> str:
    return datetime.fromtimestamp(epoch_s, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def normalise(values: dict[str, object]) -> Values:
    """One spelling for every value, so that equal findings compare equal whichever store they come from:
    times as UTC milliseconds, points to 1e-9 degree (0.1 mm), empty text as "", severity as an integer."""
    out: Values = {}
    for name in SHARED_FIELDS:
        value = values.get(name)
        if name == "observed_at":
            out[name] = _time(value)
        elif name in ("lon", "lat"):
            out[name] = None if value is None or (isinstance(value, float) and math.isnan(value)) \
                else round(float(value), 9)  # type: ignore[arg-type]
        elif name == "severity":
            out[name] = 3 if value in (None, "") else int(value)  # type: ignore[call-overload]
        else:
            out[name] = "" if value is None else str(value)
    return out


def _time(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return None if isinstance(value, float) and math.isnan(value) else iso_utc(float(value))
    if isinstance(value, datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return iso_utc(stamp.timestamp())
    text = str(value).strip()
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return text  # kept as written: compared as text
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)  # GeoPackage DateTime without offset is UTC
    return iso_utc(stamp.timestamp())


@dataclass
class Base:
    version: int
    values: Values


@dataclass
class Shared:
    version: int
    values: Values | None  # None: deleted (a tombstone)
    by: str = ""
    at: str = ""
    via: str = ""
    computed: dict[str, object] = field(default_factory=dict)


@dataclass
class Action:
    """What to do with one finding. kind: none, link (equal on both sides: remember the base), rebase (the
    shared version moved without a change of ours), push_insert, push_update, push_delete, pull_insert,
    pull_update, pull_delete, merge (push some fields, pull others), forget (deleted on both sides),
    conflict."""

    finding_id: str
    kind: str
    values: Values | None = None  # the finding as both sides hold it after the action
    expected: int | None = None  # the shared version a push applies to
    push: tuple[str, ...] = ()
    pull: tuple[str, ...] = ()
    conflict: str = ""  # what clashed, for a conflict
    fields: tuple[str, ...] = ()


def changed(before: Values, after: Values) -> set[str]:
    return {name for name in SHARED_FIELDS if before.get(name) != after.get(name)}


def plan(local: dict[str, Values], bases: dict[str, Base], shared: dict[str, Shared],
         resolutions: dict[str, str] | None = None) -> list[Action]:
    """One action per finding known to any of the three, in finding_id order."""
    resolutions = resolutions or {}
    actions = []
    for finding_id in sorted(set(local) | set(bases) | set(shared)):
        how = resolutions.get(finding_id)
        if how is not None:
            actions.append(_resolved(finding_id, local.get(finding_id), shared.get(finding_id), how))
        else:
            actions.append(merge_one(finding_id, local.get(finding_id), bases.get(finding_id),
                                     shared.get(finding_id)))
    return actions


def _live(remote: Shared | None) -> bool:
    return remote is not None and remote.values is not None


def merge_one(finding_id: str, mine: Values | None, base: Base | None, remote: Shared | None) -> Action:
    if base is None:
        if mine is None:
            if not _live(remote):
                return Action(finding_id, "none")
            assert remote is not None and remote.values is not None
            return Action(finding_id, "pull_insert", remote.values, remote.version)
        if remote is None:
            return Action(finding_id, "push_insert", mine)
        if remote.values is None:
            return Action(finding_id, "conflict", conflict="deleted in the shared store, present here",
                          fields=SHARED_FIELDS)
        if mine == remote.values:
            return Action(finding_id, "link", remote.values, remote.version)
        return Action(finding_id, "conflict", conflict="created on both sides with other values",
                      fields=tuple(sorted(changed(mine, remote.values))))
    if remote is None:  # gone without a tombstone (a TRUNCATE, a restored backup): never taken for a delete
        return Action(finding_id, "push_insert", mine) if mine is not None else Action(finding_id, "forget")
    if not _live(remote):
        if mine is None:
            return Action(finding_id, "forget")
        edits = changed(base.values, mine)
        if not edits:
            return Action(finding_id, "pull_delete")
        return Action(finding_id, "conflict", conflict="edited here, deleted in the shared store",
                      fields=tuple(sorted(edits)))
    assert remote is not None and remote.values is not None
    theirs = changed(base.values, remote.values) if remote.version != base.version else set()
    if mine is None:
        if remote.version == base.version:
            return Action(finding_id, "push_delete", expected=base.version)
        return Action(finding_id, "conflict", conflict="deleted here, edited in the shared store",
                      fields=tuple(sorted(theirs)))
    ours = changed(base.values, mine)
    push = {name for name in ours if mine.get(name) != remote.values.get(name)}
    pull = {name for name in theirs if mine.get(name) != remote.values.get(name)}
    clash = push & pull
    if clash:
        return Action(finding_id, "conflict", conflict="edited on both sides", fields=tuple(sorted(clash)))
    merged = dict(remote.values)
    merged.update({name: mine[name] for name in push})
    if push and pull:
        return Action(finding_id, "merge", merged, remote.version, tuple(sorted(push)), tuple(sorted(pull)))
    if push:
        return Action(finding_id, "push_update", merged, remote.version, push=tuple(sorted(push)))
    if pull:
        return Action(finding_id, "pull_update", merged, remote.version, pull=tuple(sorted(pull)))
    if remote.version != base.version or base.values != merged:
        return Action(finding_id, "rebase", merged, remote.version)
    return Action(finding_id, "none")


def _resolved(finding_id: str, mine: Values | None, remote: Shared | None, how: str) -> Action:
    """The user's choice for a conflict: "shared" takes the shared state here, "local" makes ours the shared
    one (applied to the shared version now read, so an edit made after the choice is not overwritten)."""
    if how == "shared":
        if _live(remote):
            assert remote is not None and remote.values is not None
            kind = "pull_update" if mine is not None else "pull_insert"
            return Action(finding_id, kind, remote.values, remote.version,
                          pull=tuple(sorted(changed(mine or {}, remote.values))))
        return Action(finding_id, "pull_delete" if mine is not None else "forget")
    if mine is not None:
        if _live(remote):
            assert remote is not None and remote.values is not None
            return Action(finding_id, "push_update", mine, remote.version,
                          push=tuple(sorted(changed(remote.values, mine))))
        return Action(finding_id, "push_insert", mine)
    if _live(remote):
        assert remote is not None
        return Action(finding_id, "push_delete", expected=remote.version)
    return Action(finding_id, "forget")
