import time

import numpy as np
import pytest

from green_envoy_plugin.core.gpx import GpxError, find_gpx_files, parse_gpx_bytes, read_gpx

from .helpers import gpx_text, straight_ride


def test_gpx11_with_namespace_and_garmin_extensions():
    data = b"""<?xml version="1.0"?>
<gpx version="1.1" creator="Garmin Edge" xmlns="http://www.topografix.com/GPX/1/1"
 xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><name>Ride</name><trkseg>
<trkpt lat="43.1" lon="76.1"><ele>700.5</ele><time>2025-08-01T03:00:00Z</time>
<extensions><ns3:TrackPointExtension><ns3:hr>120</ns3:hr><ns3:cad>80</ns3:cad></ns3:TrackPointExtension></extensions></trkpt>
<trkpt lat="43.2" lon="76.2"><time>2025-08-01T08:00:01.500+05:00</time></trkpt>
</trkseg><trkseg><trkpt lat="43.3" lon="76.3"><time>2025-08-01T03:10:00Z</time></trkpt></trkseg></trk>
<wpt lat="43.0" lon="76.0"><name>Camp</name></wpt>
</gpx>"""
    doc = parse_gpx_bytes(data, "ride.gpx")
    assert doc.version == "1.1" and doc.creator == "Garmin Edge"
    assert [len(s.fixes) for s in doc.segments] == [2, 1]
    first = doc.segments[0].fixes
    assert first.ele[0] == 700.5 and np.isnan(first.ele[1])
    # Fractional seconds and an offset: 08:00:01.5+05:00 is 03:00:01.5 UTC.
    assert first.time[1] - first.time[0] == pytest.approx(1.5)
    assert first.extensions["heart_rate"][0] == 120 and np.isnan(first.extensions["heart_rate"][1])
    assert doc.waypoints[0].name == "Camp"
    assert doc.segments[0].track_name == "Ride"


def test_gpx10_without_namespace_with_bom_and_comments_and_routes():
    data = "\ufeff" + """<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by an old tool -->
<gpx version="1.0"><rte><name>Plan</name>
<rtept lat="50.0" lon="70.0"/><rtept lat="50.1" lon="70.1"/><rtept lat="50.2" lon="70.2"/></rte></gpx>"""
    doc = parse_gpx_bytes(data.encode("utf-8"), "old.gpx")
    assert doc.creator == ""
    assert doc.segments[0].kind == "route" and len(doc.segments[0].fixes) == 3


def test_entity_expansion_bomb_is_refused_quickly():
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f"""<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY lol0 "lol">{lol}]>
<gpx version="1.1"><wpt lat="1" lon="1"><name>&lol9;</name></wpt></gpx>"""
    started = time.monotonic()
    with pytest.raises(GpxError, match="entities"):
        parse_gpx_bytes(bomb.encode(), "bomb.gpx")
    assert time.monotonic() - started < 1.0


def test_external_entity_is_refused():
    data = b"""<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<gpx version="1.1"><wpt lat="1" lon="1"><name>&x;</name></wpt></gpx>"""
    with pytest.raises(GpxError, match="entities"):
        parse_gpx_bytes(data, "xxe.gpx")


@pytest.mark.parametrize(
    ("text", "reason", "line"),
    [
        (gpx_text(straight_ride(5))[:-40], "malformed XML", True),
        ("<kml><Document/></kml>", "not a GPX file", True),
        ("   \n", "empty file", False),
        ('<gpx version="1.1"><trk><trkseg><trkpt lat="95" lon="10"/></trkseg></trk></gpx>', "out of range", True),
        ('<gpx version="1.1"><trk><trkseg><trkpt lat="x" lon="10"/></trkseg></trk></gpx>', "non-numeric", True),
        ('<gpx version="1.1"></gpx>', "no track, route or waypoint", False),
    ],
)
def test_bad_files_name_file_reason_and_line(write_gpx, text, reason, line):
    path = write_gpx("bad.gpx", text=text)
    with pytest.raises(GpxError) as info:
        read_gpx(path)
    assert reason in str(info.value)
    assert path in str(info.value)
    assert (info.value.line is not None) == line


def test_zero_byte_and_unreadable_paths(tmp_path):
    empty = tmp_path / "empty.gpx"
    empty.write_bytes(b"")
    with pytest.raises(GpxError, match="0 bytes"):
        read_gpx(str(empty))
    with pytest.raises(GpxError, match="cannot be read"):
        read_gpx(str(tmp_path / "missing.gpx"))
    with pytest.raises(GpxError, match="folder"):
        read_gpx(str(tmp_path))


def test_folders_are_searched_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/1.gpx", "a/b/2.GPX", "a/notes.txt"):
        (tmp_path / name).write_text("x")
    found = find_gpx_files([str(tmp_path)])
    assert [p.rsplit("/", 1)[-1] for p in found] == ["1.gpx", "2.GPX"]


def test_bad_points_are_left_out_one_by_one_with_their_line(write_gpx):
    """A ride with one point lacking coordinates, one with an unreadable time and one with a broken elevation still
    imports: the first is left out, the others kept without the bad value, each named with its line."""
    from green_envoy_plugin.core.gpx import read_exact

    points = straight_ride(6)
    text = gpx_text(points)
    second = f'<trkpt lat="{points[1][0]}" lon="{points[1][1]}">'
    text = text.replace(second, f'<trkpt lon="{points[1][1]}">')  # no latitude
    text = text.replace(points[3][3], "yesterday")
    lines = text.split("\n")
    fifth = next(i for i, row in enumerate(lines) if points[4][3] in row)
    lines[fifth] = lines[fifth].replace(f"<ele>{points[4][2]}</ele>", "<ele>high</ele>")
    text = "\n".join(lines)
    path = write_gpx("holes.gpx", text=text)
    for doc in (read_gpx(path), read_exact(text.encode(), path)):
        fixes = doc.segments[0].fixes
        assert len(fixes) == 5
        assert np.isnan(fixes.time[2]) and np.isnan(fixes.ele[3]) and not np.isnan(fixes.time[3])
        reasons = [reason for _line, reason in doc.rejected]
        assert len(reasons) == 3
        assert "without lat/lon" in reasons[0] and "yesterday" in reasons[1] and "'high'" in reasons[2]
        assert [line for line, _reason in doc.rejected] == sorted(line for line, _reason in doc.rejected)
