"""Inputs that once crashed a reader under `make fuzz` (tools/fuzz.py keeps them in tests/data/fuzz/<target>/):
each is read again and must end in the reader's own error or report, never another exception."""

import glob
import os
import shutil
import time
import tracemalloc

import pytest

from tools.fuzz import SEEDS, reader

FUZZ = os.path.join(os.path.dirname(__file__), "data", "fuzz")
CASES = sorted(glob.glob(os.path.join(FUZZ, "*", "*")))


@pytest.mark.parametrize("case", CASES, ids=[os.path.relpath(c, FUZZ) for c in CASES])
def test_a_former_crasher_is_refused_in_words(case, tmp_path):
    target = os.path.basename(os.path.dirname(case))
    read, allowed = reader(target)
    path = str(tmp_path / ("input" + SEEDS[target][1]))
    shutil.copyfile(case, path)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        read(path)
    except allowed:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    # The fuzzer's limits (tools/fuzz.py: 10 s, 1 GB) with room for a slow CI machine: a blow-up was gigabytes.
    assert time.perf_counter() - started < 5.0
    assert peak < 300 * 1024 * 1024


def test_every_target_has_a_reader_and_seeds():
    """The fuzzer runs what the plugin reads: each target's reader imports and the committed corpus seeds it."""
    root = os.path.dirname(os.path.dirname(__file__))
    for target, (globs, _suffix) in SEEDS.items():
        read, _allowed = reader(target)
        if target == "tcx" and read is None:
            continue  # a checkout without the TCX reader
        assert callable(read), target
        if target in ("gpx", "fit", "photo", "table-csv", "qpt"):
            assert any(glob.glob(os.path.join(root, g), recursive=True) for g in globs), f"{target}: no seed"
