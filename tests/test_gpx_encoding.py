"""The XML encoding a GPX file declares is honoured by both readers (the fast array reader and the exact one): names
written in windows-1251, ISO-8859-1 or UTF-16 come out as written, not as replacement characters."""

import os
import re

import pytest

from green_envoy_plugin.core.gpx import GpxError, parse_gpx_bytes, read_arrays, read_exact

REAL = os.path.join(os.path.dirname(__file__), "data", "tracks")


def _real(name):
    with open(os.path.join(REAL, name), "rb") as handle:
        return handle.read()


def _written_in(encoding, declared, name):
    """A real GPX (OpenTracks' pause/resume file) with a track name in another script, saved in that encoding."""
    text = _real("opentracks/gpx11_without_speed.gpx").decode("utf-8")
    text = re.sub(r"encoding='UTF-8'", f"encoding='{declared}'", text).replace("20210907_213924.gpx", name)
    assert f"encoding='{declared}'" in text and name in text
    return text.encode(encoding)


@pytest.mark.parametrize(("encoding", "declared", "name"), [
    ("windows-1251", "windows-1251", "Алматы — Капшагай, день 2"),
    ("iso-8859-1", "ISO-8859-1", "Über den Paß, Sainte-Hélène"),
    ("iso-8859-5", "ISO-8859-5", "Семей - Курчатов"),
    ("utf-16", "UTF-16", "Қонаев — Талдықорған"),  # with a byte order mark
    ("utf-16-le", "UTF-16", "Өскемен"),  # without one
])
def test_both_readers_read_the_declared_encoding(encoding, declared, name):
    data = _written_in(encoding, declared, name)
    fast, exact = read_arrays(data, "x.gpx"), read_exact(data, "x.gpx")
    assert fast is not None  # the array reader read it itself, not by handing it over
    assert fast.segments[0].track_name == exact.segments[0].track_name == name
    assert len(fast.segments[0].fixes) == len(exact.segments[0].fixes) == 3
    assert parse_gpx_bytes(data).segments[0].track_name == name


def test_a_real_iso_8859_1_file_with_standalone_reads():
    doc = parse_gpx_bytes(_real("gpsbabel/expertgps.gpx"), "expertgps.gpx")
    assert len(doc.waypoints) == 86 and doc.creator.startswith("ExpertGPS")


def test_utf8_with_byte_order_mark_and_an_unknown_or_wrong_encoding():
    assert len(parse_gpx_bytes(_real("gpxpy/unicode_with_bom.gpx")).waypoints) == 1
    with pytest.raises(GpxError, match="'klingon-8', which is unknown"):
        parse_gpx_bytes(_written_in("utf-8", "klingon-8", "x"))
    bad = _written_in("utf-8", "UTF-16", "x")  # says UTF-16, is UTF-8 without a byte order mark
    with pytest.raises(GpxError):
        parse_gpx_bytes(bad)
