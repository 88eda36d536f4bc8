"""The three-way merge of the shared store's sync, case by case (core/merge.py: pure, no database)."""

from green_envoy_plugin.core.merge import Base, Shared, merge_one, normalise, plan


def finding(**changes):
    values = {"observed_at": "2025-08-01T10:00:00+05:00", "category": "air", "case_type": "other", "severity": 3,
              "concerns": "", "settlement": "Aral", "description": "smoke", "source": "import", "lon": 61.6,
              "lat": 46.8}
    values.update(changes)
    return normalise(values)


BASE = Base(4, finding())


def test_one_side_changes_go_to_the_other():
    assert merge_one("F", finding(description="worse"), BASE, Shared(4, finding())).kind == "push_update"
    pulled = merge_one("F", finding(), BASE, Shared(5, finding(severity=5)))
    assert (pulled.kind, pulled.pull, pulled.values["severity"]) == ("pull_update", ("severity",), 5)
    assert merge_one("F", finding(), BASE, Shared(4, finding())).kind == "none"
    assert merge_one("F", finding(), BASE, Shared(5, finding())).kind == "rebase"  # a version, no change of ours


def test_different_fields_merge_and_the_same_field_conflicts():
    merged = merge_one("F", finding(description="here"), BASE, Shared(5, finding(severity=5)))
    assert (merged.kind, merged.push, merged.pull, merged.expected) == ("merge", ("description",), ("severity",), 5)
    assert merged.values["description"] == "here" and merged.values["severity"] == 5
    clash = merge_one("F", finding(description="here"), BASE, Shared(5, finding(description="there")))
    assert (clash.kind, clash.fields) == ("conflict", ("description",))
    same = merge_one("F", finding(description="both"), BASE, Shared(5, finding(description="both")))
    assert same.kind == "rebase"  # the same edit on both sides is no conflict


def test_deletions_travel_as_tombstones_and_never_over_an_edit():
    tombstone = Shared(5, None, "alice")
    assert merge_one("F", finding(), BASE, tombstone).kind == "pull_delete"
    assert merge_one("F", finding(severity=1), BASE, tombstone).kind == "conflict"
    assert merge_one("F", None, BASE, Shared(4, finding())).kind == "push_delete"
    assert merge_one("F", None, BASE, Shared(5, finding(severity=1))).kind == "conflict"
    assert merge_one("F", None, BASE, tombstone).kind == "forget"


def test_a_finding_gone_without_a_tombstone_is_shared_again_not_deleted_here():
    assert merge_one("F", finding(), BASE, None).kind == "push_insert"


def test_never_synced_findings():
    assert merge_one("F", finding(), None, None).kind == "push_insert"
    assert merge_one("F", None, None, Shared(2, finding())).kind == "pull_insert"
    assert merge_one("F", finding(), None, Shared(2, finding())).kind == "link"
    assert merge_one("F", finding(severity=2), None, Shared(2, finding())).kind == "conflict"
    assert merge_one("F", finding(), None, Shared(2, None)).kind == "conflict"


def test_times_and_points_compare_in_one_spelling():
    assert finding(observed_at="2025-08-01T05:00:00Z") == finding()
    assert finding(observed_at=1754024400.0) == finding()
    assert finding(lon=61.6000000000001) == finding()
    assert finding(severity=None) == finding(severity="3")


def test_resolutions_choose_a_side():
    shared = {"F": Shared(5, finding(description="there"))}
    local = {"F": finding(description="here")}
    bases = {"F": BASE}
    assert plan(local, bases, shared)[0].kind == "conflict"
    keep_local = plan(local, bases, shared, {"F": "local"})[0]
    assert (keep_local.kind, keep_local.expected, keep_local.values["description"]) == ("push_update", 5, "here")
    keep_shared = plan(local, bases, shared, {"F": "shared"})[0]
    assert (keep_shared.kind, keep_shared.values["description"]) == ("pull_update", "there")
    assert plan({}, bases, shared, {"F": "local"})[0].kind == "push_delete"
    assert plan(local, bases, {"F": Shared(5, None)}, {"F": "shared"})[0].kind == "pull_delete"
