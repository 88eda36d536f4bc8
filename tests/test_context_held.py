"""The map context is read and projected once per state of its file in a QGIS session (atlas/context.py): a second
export draws the same features without reading the file, a changed file is read again, and each export's layers
are its own (styling one export's copy changes no other)."""

import os
import shutil
import sqlite3

from tests.helpers.paths import SAMPLE


def _towns(layers) -> set:
    towns = layers["towns"]
    index = towns.fields().indexOf("name_en")
    return {feature.attributes()[index] for feature in towns.getFeatures()}


def test_context_is_read_once_per_state_of_its_file(qgis_app, tmp_path, monkeypatch):
    from qgis.core import QgsProject

    from green_envoy_plugin.atlas import context
    from green_envoy_plugin.atlas.items import map_crs

    path = str(tmp_path / context.CONTEXT_NAME)
    shutil.copy(os.path.join(SAMPLE, context.CONTEXT_NAME), path)
    reads = []
    original = context.read_layer
    monkeypatch.setattr(context, "read_layer", lambda *args: reads.append(args[1]) or original(*args))
    crs = map_crs()

    first_project, second_project = QgsProject(), QgsProject()
    first = context.context_layers(first_project, crs, "en", path)
    read_first = len(reads)
    second = context.context_layers(second_project, crs, "ru", path)
    assert read_first == len(context.ORDER) and len(reads) == read_first  # the second export read nothing
    assert first.keys() == second.keys()
    for role in first:
        assert first[role] is not second[role]
        assert first[role].featureCount() == second[role].featureCount() > 0
        assert first[role].crs() == second[role].crs() == crs
        assert second[role].extent() == first[role].extent()
    assert _towns(first) == _towns(second)
    # Each export styles its own copy: the Russian labels of the second did not reach the first.
    assert first["rivers"].labeling().settings().fieldName != second["rivers"].labeling().settings().fieldName

    # The file changes (a town removed, the time moved on): read again, the town gone.
    gone = sorted(_towns(first))[0]
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM towns WHERE name_en = ?", (gone,))
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    third_project = QgsProject()  # held: a project's layers go with it
    third = context.context_layers(third_project, crs, "en", path)
    assert len(reads) == 2 * read_first
    assert _towns(third) == _towns(first) - {gone}
