"""The array reader and the reference callback reader give the same document, in every GPX dialect;
and the array reader is really used where it should be (otherwise the speed is a lie)."""

import numpy as np
import pytest
from osgeo import ogr

from green_envoy_plugin.core import gpx
from green_envoy_plugin.core.gpx import read_arrays

HEAD11 = ('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="{creator}" '
          'xmlns="http://www.topografix.com/GPX/1/1" '
          'xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n')

VARIANTS = {
    # Garmin Connect: metadata time, ns3 TrackPointExtension, fractional seconds.
    "garmin_connect": (HEAD11.format(creator="Garmin Connect") + """<metadata><time>2025-08-01T03:00:00.000Z</time>
</metadata><trk><name>Ride &amp; camp</name><type>cycling</type><trkseg>
<trkpt lat="43.25" lon="76.91"><ele>812.4</ele><time>2025-08-01T03:00:00.000Z</time><extensions>
<ns3:TrackPointExtension><ns3:atemp>21.0</ns3:atemp><ns3:hr>101</ns3:hr><ns3:cad>80</ns3:cad>
</ns3:TrackPointExtension></extensions></trkpt>
<trkpt lat="43.2501" lon="76.9102"><ele>812.6</ele><time>2025-08-01T03:00:01.000Z</time><extensions>
<ns3:TrackPointExtension><ns3:atemp>21.0</ns3:atemp><ns3:hr>103</ns3:hr><ns3:cad>82</ns3:cad>
</ns3:TrackPointExtension></extensions></trkpt>
</trkseg></trk></gpx>""", True),
    # Strava: lat/lon on separate lines, times without fraction.
    "strava": (HEAD11.format(creator="StravaGPX") + """<trk><name>Morning Ride</name><trkseg>
  <trkpt lat="43.2500000" lon="76.9100000">
   <ele>812.0</ele>
   <time>2025-08-01T03:00:00Z</time>
  </trkpt>
  <trkpt lat="43.2500900" lon="76.9101900">
   <ele>812.2</ele>
   <time>2025-08-01T03:00:01Z</time>
  </trkpt>
 </trkseg></trk></gpx>""", True),
    # OsmAnd: lon before lat, hdop and speed children, waypoints with names.
    "osmand": ("""<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<gpx version="1.1" creator="OsmAnd~ 4.6" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lon="76.95" lat="43.26"><time>2025-08-01T04:00:00Z</time><name>Dump &lt;big&gt;</name></wpt>
<trk><trkseg>
<trkpt lon="76.91" lat="43.25"><ele>812</ele><time>2025-08-01T03:00:00Z</time><hdop>3.2</hdop>
<extensions><speed>5.1</speed></extensions></trkpt>
<trkpt lon="76.9102" lat="43.2501"><ele>813</ele><time>2025-08-01T03:00:02Z</time><hdop>3.0</hdop>
<extensions><speed>5.3</speed></extensions></trkpt>
</trkseg></trk></gpx>""", True),
    # GPSLogger for Android: offsets in times, single quotes, several segments.
    "gpslogger": ("""<?xml version='1.0' encoding='UTF-8'?>
<gpx version='1.1' creator='GPSLogger 131' xmlns='http://www.topografix.com/GPX/1/1'>
<trk><name>20250801</name><trkseg>
<trkpt lat='43.25' lon='76.91'><ele>812.0</ele><time>2025-08-01T08:00:00.500+05:00</time></trkpt>
<trkpt lat='43.2501' lon='76.9102'><ele>812.5</ele><time>2025-08-01T08:00:01.500+05:00</time></trkpt>
</trkseg><trkseg>
<trkpt lat='43.26' lon='76.92'><ele>815.0</ele><time>2025-08-01T08:30:00.500+05:00</time></trkpt>
</trkseg></trk></gpx>""", True),
    # GPSBabel GPX 1.0, no namespace prefix issues, tabs, points without elevation.
    "gpsbabel_10": ("""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.0" creator="GPSBabel - http://www.gpsbabel.org" xmlns="http://www.topografix.com/GPX/1/0">
  <time>2014-01-15T01:29:15Z</time>
  <bounds minlat="47.9" minlon="0.2" maxlat="47.96" maxlon="0.24"/>
  <trk><name>SlothLeMans</name><trkseg>
      <trkpt lat="47.951649874" lon="0.206558027">
\t<time>2013-06-25T18:06:40Z</time>
      </trkpt>
      <trkpt lat="47.946755158" lon="0.207257943">
\t<time>2013-06-25T19:54:30Z</time>
      </trkpt>
  </trkseg></trk></gpx>""", True),
    # A route planner: route points only, self-closing, no times.
    "planner_route": ("""<gpx version="1.1" creator="bikerouter" xmlns="http://www.topografix.com/GPX/1/1">
<rte><name>Plan A</name><rtept lat="50.0" lon="70.0"/><rtept lat="50.1" lon="70.1"/><rtept lat="50.2" lon="70.2"/>
</rte><trk><name>Plan B</name><trkseg><trkpt lat="48.33" lon="8.94"><ele>566</ele></trkpt>
<trkpt lat="48.34" lon="8.95"><ele>565.75</ele></trkpt></trkseg></trk></gpx>""", True),
    # Everything prefixed with a namespace prefix.
    "prefixed": ("""<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1" version="1.1" creator="x">
<g:trk><g:name>P</g:name><g:trkseg><g:trkpt lat="1.5" lon="2.5"><g:ele>3</g:ele>
<g:time>2025-08-01T03:00:00Z</g:time></g:trkpt></g:trkseg></g:trk></g:gpx>""", True),
    # Mixed: some points lack elevation or time, a comment holding a fake point, an empty segment.
    "mixed": (HEAD11.format(creator="hand") + """<trk><trkseg></trkseg><trkseg>
<!-- <trkpt lat="9" lon="9"></trkpt> -->
<trkpt lat="43.25" lon="76.91"><time>2025-08-01T03:00:00Z</time></trkpt>
<trkpt lat="43.2501" lon="76.9102"><ele>813</ele></trkpt>
<trkpt lat="43.2502" lon="76.9104"><ele>814</ele><time>2025-08-01T03:00:02Z</time><name>stop</name></trkpt>
</trkseg></trk></gpx>""", True),
    # A self-closing waypoint right before a named route: the route's name is not the waypoint's.
    "selfclosing_wpt": (HEAD11.format(creator="hand") + """<wpt lat="0" lon="1"><name>first</name></wpt>
<wpt lat="3" lon="4"/>
<rte><name>route name</name><rtept lat="5" lon="6"><ele>7</ele></rtept></rte></gpx>""", True),
    # Seven fractional digits (TimeZero): kept to the microsecond, as datetime keeps them.
    "seven_digits": (HEAD11.format(creator="") + """<trk><trkseg>
<trkpt lat="1" lon="2"><time>2010-01-01T14:48:37.5195429Z</time></trkpt>
<trkpt lat="1.001" lon="2"><time>2010-01-01T14:48:40.5417475Z</time></trkpt></trkseg></trk></gpx>""", True),
    # A CDATA section: only the callback reader reads it.
    "cdata": (HEAD11.format(creator="hand") + """<trk><name><![CDATA[Day <1>]]></name><trkseg>
<trkpt lat="43.25" lon="76.91"><ele>812</ele></trkpt></trkseg></trk></gpx>""", False),
    # A number written with a character reference: only the callback reader decodes it.
    "charref_number": (HEAD11.format(creator="hand") + """<trk><trkseg>
<trkpt lat="43.25" lon="76.91"><ele>8&#49;2</ele></trkpt></trkseg></trk></gpx>""", False),
}


def documents(text):
    data = text.encode("utf-8")
    gpx.FAST_READER = False
    try:
        reference = gpx.parse_gpx_bytes(data, "ref.gpx")
    finally:
        gpx.FAST_READER = True
    return reference, gpx.parse_gpx_bytes(data, "fast.gpx"), read_arrays(data, "fast.gpx")


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_both_readers_agree(name):
    text, fast_expected = VARIANTS[name]
    reference, doc, fast = documents(text)
    assert (fast is not None) == fast_expected
    assert (doc.version, doc.creator) == (reference.version, reference.creator)
    assert [(s.kind, s.track_name, s.track_index, s.segment_index) for s in doc.segments] == \
        [(s.kind, s.track_name, s.track_index, s.segment_index) for s in reference.segments]
    for a, b in zip(doc.segments, reference.segments):
        for column in ("lon", "lat", "ele", "time"):
            assert np.array_equal(getattr(a.fixes, column), getattr(b.fixes, column), equal_nan=True), column
        assert a.fixes.extensions.keys() == b.fixes.extensions.keys()
        for key in a.fixes.extensions:
            assert np.array_equal(a.fixes.extensions[key], b.fixes.extensions[key], equal_nan=True)
    def plain(w):
        return w.name, w.lon, w.lat, None if np.isnan(w.time) else w.time, None if np.isnan(w.ele) else w.ele

    assert [plain(w) for w in doc.waypoints] == [plain(w) for w in reference.waypoints]


def test_details_of_the_dialects():
    _ref, doc, _fast = documents(VARIANTS["garmin_connect"][0])
    assert doc.segments[0].track_name == "Ride & camp"
    assert doc.segments[0].fixes.extensions["heart_rate"].tolist() == [101, 103]
    _ref, doc, _fast = documents(VARIANTS["osmand"][0])
    assert doc.waypoints[0].name == "Dump <big>"
    assert doc.segments[0].fixes.lon[0] == 76.91  # lon written before lat
    _ref, doc, _fast = documents(VARIANTS["gpslogger"][0])
    assert doc.segments[0].fixes.time[0] == 1754017200.5  # 08:00:00.5+05:00 is 03:00:00.5 UTC
    assert [s.segment_index for s in doc.segments] == [0, 1]
    _ref, doc, _fast = documents(VARIANTS["mixed"][0])
    assert len(doc.segments) == 1 and doc.point_count == 3  # the commented-out point is not a point
    assert doc.segments[0].segment_index == 1  # the first segment is empty
    _ref, doc, _fast = documents(VARIANTS["selfclosing_wpt"][0])
    assert [w.name for w in doc.waypoints] == ["first", ""]


@pytest.mark.parametrize("name", sorted(set(VARIANTS) - {"prefixed"}))
def test_same_point_counts_as_gdal(name, tmp_path):
    path = tmp_path / f"{name}.gpx"
    path.write_text(VARIANTS[name][0], encoding="utf-8")
    ds = ogr.Open(str(path))
    gdal_counts = {ds.GetLayer(i).GetName(): ds.GetLayer(i).GetFeatureCount() for i in range(ds.GetLayerCount())}
    doc = gpx.read_gpx(str(path))
    tracks = sum(len(s.fixes) for s in doc.segments if s.kind == "track")
    routes = sum(len(s.fixes) for s in doc.segments if s.kind == "route")
    assert tracks == gdal_counts.get("track_points", 0)
    assert routes == gdal_counts.get("route_points", 0)
    assert len(doc.waypoints) == gdal_counts.get("waypoints", 0)


def test_prefixed_gpx_gdal_cannot_read_is_read(tmp_path):
    path = tmp_path / "prefixed.gpx"
    path.write_text(VARIANTS["prefixed"][0], encoding="utf-8")
    try:  # GDAL answers None, or raises where exceptions are on (GDAL >= 3.9 warns they will be by default)
        ds = ogr.Open(str(path))
    except RuntimeError:
        ds = None
    gdal_points = 0 if ds is None else sum(ds.GetLayer(i).GetFeatureCount() for i in range(ds.GetLayerCount()))
    assert gdal_points == 0  # GDAL's GPX driver matches unprefixed names only
    assert gpx.read_gpx(str(path)).point_count == 1


def test_a_waypoints_own_texts_not_its_links_or_extensions():
    text = HEAD11.format(creator="hand") + """<wpt lat="43.25" lon="76.91"><name>Dump 4</name>
<cmt>burning</cmt><desc>Dump by the river</desc>
<link href="https://example.org"><text>photo</text><type>text/html</type></link>
<sym>Flag, Red</sym><type>finding</type>
<extensions><osmand:type xmlns:osmand="https://osmand.net">poi</osmand:type></extensions></wpt>
<wpt lat="43.26" lon="76.92"><name>Camp</name><desc>same</desc><cmt>same</cmt>
<link href="x"><type>image/jpeg</type></link></wpt></gpx>"""
    reference, doc, fast = documents(text)
    assert fast is not None
    for document in (reference, doc):
        assert [(w.name, w.symbol, w.point_type, w.description) for w in document.waypoints] == [
            ("Dump 4", "Flag, Red", "finding", "Dump by the river; burning"), ("Camp", "", "", "same")]
