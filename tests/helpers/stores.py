"""Small expedition stores made from the committed sample for the atlas's tests."""

import os

from tests.helpers.paths import SAMPLE


def sample_store(folder, days: list[str]) -> str:
    """A store in `folder` of the sample's GPX `days` (file names), all its findings, and its regions assigned
    (with the sample's settlements)."""
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(folder / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", day) for day in days], path)
    import_findings(os.path.join(SAMPLE, "findings.csv"), path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"),
                   settlements=os.path.join(SAMPLE, "settlements.gpkg"))
    return path
