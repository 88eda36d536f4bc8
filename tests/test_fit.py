"""The FIT decoder (core/fit.py) against real files of public projects and against damage.

The expected numbers below were measured on the committed files in tests/data/fit/ (SOURCES.md says where each
comes from) with two independent readers, on Debian 12:
  - GPSBabel 1.8.0: `gpsbabel -t -i garmin_fit,recoverymode -f FILE -o unicsv -F -`; its rows are the fixes
    (records with a position); the first and last row give degrees (6 decimals) and UTC seconds, and the sums
    over all rows of longitude, latitude and time check every fix;
  - fitdecode 0.11.0 (MIT, PyPI, dev venv only): `FitReader(FILE, check_crc=CrcCheck.DISABLED,
    error_handling=ErrorHandling.WARN)`, the `record` messages with position_lat and position_long; their
    raw semicircles for the first and last fix.
Both readers agree on every count and position here. The one difference with our decoder is written where
it occurs (the Strava file: the record spliced into the corrupt data is not kept; both references keep it,
with a timestamp in 2085).
"""

import os
import sys

import numpy as np
import pytest

from green_envoy_plugin.core.cleaning import clean_fixes
from green_envoy_plugin.core.fit import (
    ALL_CHANNELS,
    STORE_CHANNELS,
    FitDocument,
    FitError,
    decode_fit,
    is_fit,
    parse_fit_bytes,
    read_fit,
)
from green_envoy_plugin.core.fit_crc import crc16, crc16_slow
from green_envoy_plugin.core.fit_decode import decode, resolve_times, walk
from green_envoy_plugin.core.fit_profile import SEMICIRCLE_DEG
from green_envoy_plugin.core.fit_write import encode_activity
from green_envoy_plugin.core.gpx import GpxDocument, GpxError

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "fit")


def path(name: str) -> str:
    return os.path.join(DATA, name)


def data(name: str) -> bytes:
    with open(path(name), "rb") as handle:
        return handle.read()


# (file, fixes, gpsbabel sums of (lon, lat, time) over all fixes,
#  gpsbabel first (lon, lat, time), gpsbabel last (lon, lat, time),
#  fitdecode first (lon, lat) in semicircles, fitdecode last (lon, lat) in semicircles)
REFERENCE = [
    ("gpsbabel/fitwrite-track.fit", 64, (-5862.2019, 1923.2801, 65430445338),
     (-91.61035, 30.062183, 1022346381), (-91.599667, 30.047133, 1022353098),
     (-1092954048, 358655813), (-1092826595, 358476260)),
    ("gpsbabel/garmin-edge-800.fit", 1286, (15227.2748, 61961.1066, 1715828846081),
     (11.858895, 48.189526, 1334235238), (11.858546, 48.186895, 1334238859),
     (141482132, 574923445), (141477963, 574892055)),
    ("gpsbabel/garmin-forerunner-10.fit", 514, (6870.3939, 26941.3333, 704743692668),
     (13.419363, 52.403174, 1371095795), (13.313979, 52.427265, 1371097491),
     (160099236, 625194219), (158841953, 625481630)),
    ("gpsbabel/garmin-oregon-700.fit", 997, (10689.3798, 59795.7339, 1532738126404),
     (10.686134, 59.938335, 1537347133), (10.68608, 59.938297, 1537353176),
     (127490541, 715092185), (127489899, 715091740)),
    ("gpsbabel/garmin-virb-ultra-30.fit", 145, (-17710.6857, 5422.7764, 217299511835),
     (-122.136161, 37.398372, 1498617251), (-122.14508, 37.402803, 1498617395),
     (-1457141159, 446179953), (-1457247564, 446232822)),
    ("gpsbabel/lezyne_super_gps-garmin_fit-sample-bad-endian.fit", 804, (116544.5918, -30335.0857, 1259146325316),
     (144.964863, -37.720464, 1566100217), (144.964695, -37.720602, 1566105692),
     (1729498188, -450022667), (1729496180, -450024317)),
    ("gpsbabel/wahoo-element-bolt.fit", 1101, (9615.5026, 56927.8674, 1675204842726),
     (8.707622, 51.695178, 1521529724), (8.755922, 51.70486, 1521530850),
     (103885973, 616747501), (104462214, 616863008)),
    ("python-fitparse/2013-02-06-12-11-14.fit", 583, (-2580.8277, 33451.6751, 792969755924),
     (-4.429915, 57.384614, 1360152674), (-4.430612, 57.384635, 1360155298),
     (-52850940, 684625107), (-52859256, 684625366)),
    ("python-fitparse/2015-10-13-08-43-15.fit", 221, (-27116.2751, 10068.55, 319290158018),
     (-122.722547, 45.593, 1444750995), (-122.675756, 45.522105, 1444752618),
     (-1464137021, 543945679), (-1463578775, 543099865)),
    ("python-fitparse/ELEMNT_ROAM_Unterminated.fit", 7225, (-610051.5318, 282210.7215, 11817988466666),
     (-84.493248, 39.08976, 1635703715), (-84.492628, 39.091706, 1635711588),
     (-1008043713, 466359000), (-1008036321, 466382219)),
    ("python-fitparse/coros-pace-2-cycling-misaligned-fields.fit", 10305, (-761659.9285, 48016.4819, 16525406985303),
     (-73.971181, 4.723218, 1603624250), (-73.872793, 4.665049, 1603636937),
     (-882510562, 56350187), (-881336747, 55656203)),
    ("python-fitparse/elemnt-bolt-no-application-id-inside-developer-data-id.fit", 131,
     (1129.6448, 6533.3192, 196932764526),
     (8.622173, 49.870527, 1503303481), (8.627757, 49.872638, 1503303611),
     (102866535, 594978559), (102933147, 595003744)),
    ("python-fitparse/garmin-edge-820-bike.fit", 15, (-1831.033, 561.249, 22459257665),
     (-122.068886, 37.414757, 1497283815), (-122.068854, 37.418845, 1497283880),
     (-1456338541, 446375435), (-1456338151, 446424211)),
    ("python-fitparse/garmin-fenix-5-bike.fit", 19, (-2319.3107, 710.8484, 28448392002),
     (-122.069067, 37.41116, 1497283762), (-122.06886, 37.415271, 1497283823),
     (-1456340701, 446332520), (-1456338223, 446381573)),
    ("python-fitparse/garmin-fenix-5-run.fit", 21, (-2575.315, 802.8146, 31441025121),
     (-122.633704, 38.229787, 1497191649), (-122.634543, 38.228525, 1497191706),
     (-1463077077, 456099128), (-1463087093, 456084072)),
    ("python-fitparse/sample_mulitple_header.fit", 1462, (-1503.1512, 66067.8561, 2233076286416),
     (-1.085222, 45.18075, 1527406381), (-1.085149, 45.1813, 1527415872),
     (-12947197, 539027348), (-12946336, 539033909)),
    # Both references give 237 fixes: the 237th is the record spliced into the corrupt data at byte 7451 (time
    # 3659791618 = 2085-12-22); we drop it (see test_corrupt_files), so these are their first 236.
    ("python-fitparse/strava-android-app-201.10-b1218918.fit", 236, (-28630.3487, 10394.6763, 385329506605),
     (-121.312889, 44.047568, 1632751990), (-121.318155, 44.043392, 1632752304),
     (-1447319145, 525507953), (-1447381964, 525458138)),
    ("tormoder-fit/0134902991.fit", 739, (89083.0028, 26705.0342, 1193381418886),
     (120.557964, 36.141615, 1614859467), (120.539428, 36.129615, 1614860206),
     (1438312537, 431186260), (1438091387, 431043093)),
]


def fixes_of(doc: FitDocument) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lon = np.concatenate([s.fixes.lon for s in doc.segments])
    lat = np.concatenate([s.fixes.lat for s in doc.segments])
    time = np.concatenate([s.fixes.time for s in doc.segments])
    return lon, lat, time


@pytest.mark.parametrize(("name", "count", "sums", "first", "last", "first_semi", "last_semi"), REFERENCE,
                         ids=[r[0] for r in REFERENCE])
def test_real_files_match_gpsbabel_and_fitdecode(name, count, sums, first, last, first_semi, last_semi):
    doc = decode_fit(data(name), name)
    assert isinstance(doc, GpxDocument)
    lon, lat, time = fixes_of(doc)
    assert len(lon) == count == doc.point_count
    assert np.isfinite(lon).all() and np.isfinite(lat).all() and np.isfinite(time).all()
    assert (np.abs(lat) <= 90).all() and (np.abs(lon) <= 180).all()
    # gpsbabel prints 6 decimals: each fix within 5e-7 degrees, the sums within that many times the count.
    assert np.allclose([lon[0], lat[0], time[0]], first, atol=6e-7, rtol=0)
    assert np.allclose([lon[-1], lat[-1], time[-1]], last, atol=6e-7, rtol=0)
    assert abs(lon.sum() - sums[0]) < 6e-7 * count + 1e-4
    assert abs(lat.sum() - sums[1]) < 6e-7 * count + 1e-4
    assert time.sum() == sums[2]
    # fitdecode's raw semicircles: exact.
    assert round(lon[0] / SEMICIRCLE_DEG) == first_semi[0] and round(lat[0] / SEMICIRCLE_DEG) == first_semi[1]
    assert round(lon[-1] / SEMICIRCLE_DEG) == last_semi[0] and round(lat[-1] / SEMICIRCLE_DEG) == last_semi[1]


def test_devices_and_makers():
    """file_id names the maker; several makers and byte orders are in the corpus."""
    makers = {}
    for name, *_rest in REFERENCE:
        doc = decode_fit(data(name), name)
        makers[name] = doc.files[0].manufacturer
    assert makers["gpsbabel/wahoo-element-bolt.fit"] == "wahoo_fitness"
    assert makers["python-fitparse/coros-pace-2-cycling-misaligned-fields.fit"] == "coros"
    assert makers["python-fitparse/strava-android-app-201.10-b1218918.fit"] == "strava"
    assert makers["gpsbabel/lezyne_super_gps-garmin_fit-sample-bad-endian.fit"] == "lezyne"
    assert makers["tormoder-fit/0134902991.fit"] == "onelap"
    assert makers["python-fitparse/garmin-fenix-5-bike.fit"] == "garmin"
    coros = decode_fit(data("python-fitparse/coros-pace-2-cycling-misaligned-fields.fit"))
    assert coros.creator == "coros COROS PACE 2"
    assert coros.version == "FIT 2.0" or coros.version.startswith("FIT ")


def test_laps_sessions_and_channels():
    """Summaries and per-fix channels, checked against fitdecode 0.11.0 (lap and session start_time,
    total_distance, sport; record heart_rate, cadence, power, temperature, distance, enhanced_speed)."""
    doc = decode_fit(data("gpsbabel/wahoo-element-bolt.fit"), channels=ALL_CHANNELS)
    assert len(doc.laps) == 1 and len(doc.sessions) == 1
    session = doc.sessions[0]
    assert session.sport == "cycling"
    assert doc.segments[0].track_name.startswith("cycling")
    ext = doc.segments[0].fixes.extensions
    assert set(ext) == {"heart_rate", "temperature", "speed", "distance"}  # no cadence or power in this ride
    assert np.isfinite(ext["heart_rate"]).sum() == 1100 and np.isfinite(ext["temperature"]).sum() == 1100
    edge500 = decode_fit(data("python-fitparse/2013-02-06-12-11-14.fit"), channels=ALL_CHANNELS)
    assert len(edge500.laps) == 5 and len(edge500.sessions) == 1
    assert np.isfinite(edge500.segments[0].fixes.extensions["heart_rate"]).sum() == 583
    # The store's channels by default: the GPX extension columns, nothing the store has no column for.
    default = decode_fit(data("tormoder-fit/0134902991.fit"))
    assert set(default.segments[0].fixes.extensions) <= set(STORE_CHANNELS)
    full = decode_fit(data("tormoder-fit/0134902991.fit"), channels=ALL_CHANNELS)
    assert np.isfinite(full.segments[0].fixes.extensions["power"]).sum() == 739


def test_chained_files_and_sessions():
    """Four FIT files one after another (a Forerunner 920XT multisport upload): every one is read, one segment
    per session."""
    doc = decode_fit(data("python-fitparse/sample_mulitple_header.fit"))
    assert len(doc.files) == 4 and not doc.problems
    assert all(f.crc_ok for f in doc.files)
    assert len(doc.sessions) == 5 and len(doc.segments) == 5
    assert doc.records == 1773 and doc.skipped == {"record without a position": 311}
    twice = decode_fit(data("gpsbabel/garmin-edge-800.fit") + data("python-fitparse/garmin-fenix-5-bike.fit"))
    assert len(twice.files) == 2 and twice.point_count == 1286 + 19 and not twice.partial


def test_compressed_timestamps_of_a_real_file():
    """A Forerunner 70 (no GPS) writes its records with compressed-timestamp headers. Times checked against
    python-fitparse's tests/files/compressed-speed-distance-records.csv (754 rows; it leaves out the first
    record): first 17217869, last 17221744, sum of the 754 times 12983760611, sum of heart rates 128573.
    The times are seconds since the watch was switched on (below 0x10000000), so no fix gets a date."""
    buf = data("python-fitparse/compressed-speed-distance.fit")
    walked = walk(buf, buf[0], buf[0] + int.from_bytes(buf[4:8], "little"))
    assert walked.problem is None
    groups = [decode(buf, d) for d in walked.definitions if len(d)]
    assert any((g.headers >= 0x80).any() for g in groups)
    times = resolve_times(groups)
    rows = sorted((s, t, hr) for g in groups if g.definition.global_number == 20
                  for s, t, hr in zip(g.starts, times[id(g)], g.column(3)))
    t = np.array([r[1] for r in rows])
    hr = np.array([r[2] for r in rows])
    assert len(t) == 755
    assert t[1] == 17217869 and t[-1] == 17221744 and t[1:].sum() == 12983760611
    assert np.nansum(hr[1:]) == 128573
    doc = decode_fit(buf)
    assert doc.records == 755 and doc.point_count == 0
    assert doc.skipped == {"record without a position": 755}
    with pytest.raises(FitError, match="no fix with a position"):
        parse_fit_bytes(buf, "fr70.fit")


def test_system_time_made_utc_by_the_timestamp_correlation():
    """A VIRB camera counts time from power-on; its timestamp_correlation message gives UTC (as GPSBabel's
    output: 2017-06-28T02:34:11Z for the first fix; fitdecode leaves these times raw)."""
    doc = decode_fit(data("gpsbabel/garmin-virb-ultra-30.fit"))
    _lon, _lat, time = fixes_of(doc)
    assert time[0] == 1498617251 and np.all(np.diff(time) >= 0)
    assert doc.skipped == {"record without a position": 65}


def test_files_without_fixes_are_refused_with_a_reason():
    for name, records in (("tormoder-fit/unterminated-strings.fit", 33),
                          ("muktihari-fit/valid_only_contain_fileid.fit", 1),
                          ("muktihari-fit/TestEncode.fit", 1)):
        doc = decode_fit(data(name), name)
        assert doc.records == records and not doc.segments and not doc.partial
        with pytest.raises(FitError, match=f"{records} record"):
            read_fit(path(name))


def test_corrupt_files():
    """Real damaged files: the reason names the byte, what came before is kept, partial is said."""
    strava = decode_fit(data("python-fitparse/strava-android-app-201.10-b1218918.fit"))
    assert strava.partial and strava.point_count == 236
    offsets = {p.offset for p in strava.problems}
    assert offsets == {78233, 7471}  # cut off (the header declares 78236 bytes); an undefined local type at 7471
    assert any("7471" in reason and n == 1 for reason, n in strava.skipped.items())
    lezyne = decode_fit(data("gpsbabel/lezyne_super_gps-garmin_fit-sample-bad-endian.fit"))
    # GPSBabel stops at "Bad endian field 0xe5 at file position 0x56d3" (22227, after reading that byte); the
    # garbage begins 44 bytes earlier, at a device_info message with a compressed-timestamp header (22181).
    assert lezyne.partial and lezyne.point_count == 804
    assert [p.offset for p in lezyne.problems] == [48409, 22181, 22181]
    assert "CRC" in lezyne.problems[0].reason
    roam = decode_fit(data("python-fitparse/ELEMNT_ROAM_Unterminated.fit"))
    assert roam.partial and roam.point_count == 7225
    assert [p.offset for p in roam.problems][:2] == [253838, 253809]
    for name in ("python-fitparse/strava-android-app-201.10-b1218918.fit",
                 "python-fitparse/ELEMNT_ROAM_Unterminated.fit"):
        assert parse_fit_bytes(data(name), name).partial  # readable part kept: no FitError


GOOD = "gpsbabel/garmin-edge-800.fit"


def test_crc_mismatch_is_reported_at_the_crc():
    buf = bytearray(data(GOOD))
    buf[5000] ^= 0x01  # one bit in a record's data
    doc = decode_fit(bytes(buf))
    assert doc.partial and doc.files[0].crc_ok is False
    end = len(buf) - 2
    assert doc.problems[0].offset == end and "file CRC mismatch" in doc.problems[0].reason
    assert doc.point_count == 1286  # the structure is intact: every record is kept, the file is flagged
    header = bytearray(data("gpsbabel/garmin-forerunner-10.fit"))  # (the Edge 800 leaves its header CRC 0)
    header[2] ^= 0xFF  # the profile version: only the header CRC (and the file CRC) can tell
    problems = decode_fit(bytes(header)).problems
    assert problems[0].offset == 12 and "header CRC" in problems[0].reason


def test_truncation_anywhere_gives_a_reason_never_an_exception():
    buf = data(GOOD)
    full = decode_fit(buf).point_count
    previous = 0
    for cut in list(range(0, 200, 7)) + list(range(200, len(buf), 997)) + [len(buf) - 1, len(buf) - 2]:
        doc = decode_fit(buf[:cut], "cut.fit")
        assert doc.partial and doc.problems, cut
        assert all(0 <= p.offset <= len(buf) for p in doc.problems)
        assert doc.point_count <= full
        assert doc.point_count >= previous  # more bytes never give fewer fixes
        previous = doc.point_count
        if doc.point_count == 0:
            with pytest.raises(FitError) as caught:
                parse_fit_bytes(buf[:cut], "cut.fit")
            assert "byte" in str(caught.value)
    assert previous >= full - 1


def test_random_damage_never_raises():
    rng = np.random.default_rng(17)
    buf = np.frombuffer(data("python-fitparse/elemnt-bolt-no-application-id-inside-developer-data-id.fit"),
                        dtype=np.uint8)
    for _ in range(300):
        damaged = buf.copy()
        k = rng.integers(1, 6)
        damaged[rng.integers(0, len(buf), k)] = rng.integers(0, 256, k)
        doc = decode_fit(damaged.tobytes(), "damaged.fit")
        assert not any("unreadable FIT data" in p.reason for p in doc.problems), doc.problems  # no guard needed
        try:
            doc = parse_fit_bytes(damaged.tobytes(), "damaged.fit")
        except FitError as exc:
            assert isinstance(exc, GpxError) and exc.reason
            continue
        for s in doc.segments:
            assert (np.abs(s.fixes.lat) <= 90).all() and (np.abs(s.fixes.lon) <= 180).all()
    for junk in (b"", b".FIT", b"<?xml version='1.0'?><gpx/>", bytes(12), os.urandom(5000)):
        doc = decode_fit(junk)
        assert doc.partial and doc.problems and not doc.segments
        with pytest.raises(FitError, match="byte 0"):
            parse_fit_bytes(junk)


def test_unclosed_file_and_trailing_bytes():
    buf = bytearray(data(GOOD))
    buf[4:8] = (0).to_bytes(4, "little")  # a device that died before closing the file writes no data size
    buf[12:14] = b"\0\0"  # (and its header CRC is left out)
    doc = decode_fit(bytes(buf[:-2]))
    assert doc.partial and doc.problems[0].offset == 4 and doc.point_count == 1286
    tail = decode_fit(data(GOOD) + b"garbage after the file")
    assert tail.partial and tail.problems[0].offset == len(data(GOOD)) and tail.point_count == 1286
    assert not decode_fit(data(GOOD) + bytes(16)).problems  # zero padding is no defect


def test_is_fit():
    assert is_fit(data(GOOD)[:12])
    assert not is_fit(b"<?xml version")


def test_crc():
    rng = np.random.default_rng(3)
    for n in (0, 1, 100, 4095, 4096, 4097, 70001, (1 << 21) + 5):
        chunk = rng.integers(0, 256, n, dtype=np.uint8).tobytes()
        assert crc16(chunk) == crc16_slow(chunk)
    assert crc16(data(GOOD)) == 0  # a file followed by its CRC


def ride(n=600, seed=5):
    rng = np.random.default_rng(seed)
    time = 1754020800.0 + np.cumsum(rng.integers(1, 45, n)).astype(float)  # steps across the 5-bit rollover
    lon = 76.9 + np.cumsum(rng.normal(0, 2e-4, n))
    lat = 43.25 + np.cumsum(rng.normal(0, 2e-4, n))
    ele = 800 + np.cumsum(rng.normal(0, 0.5, n))
    hr = rng.integers(70, 180, n).astype(float)
    temp = rng.integers(-30, 45, n).astype(float)
    return time, lon, lat, ele, hr, temp


@pytest.mark.parametrize("options", [{}, {"big_endian": True}, {"compressed_timestamps": True},
                                     {"compressed_timestamps": True, "big_endian": True, "developer_field": True},
                                     {"header_size": 12}], ids=str)
def test_synthetic_round_trip(options):
    time, lon, lat, ele, hr, temp = ride()
    lat[10] = np.nan  # no position: not a fix, counted
    hr[20] = np.nan  # invalid heart rate: NaN
    ele[30] = np.nan
    buf = encode_activity(time, lon, lat, ele, heart_rate=hr, temperature=temp, power=hr * 2,
                          laps=[(0, 300), (300, 600)], **options)
    doc = parse_fit_bytes(buf, "synthetic.fit", channels=ALL_CHANNELS)
    assert not doc.problems and not doc.partial and doc.files[0].crc_ok
    keep = ~np.isnan(lat)
    f = doc.segments[0].fixes
    assert len(f) == 599 and doc.skipped == {"record without a position": 1}
    assert np.array_equal(f.time, time[keep])
    assert np.abs(f.lon - lon[keep]).max() < SEMICIRCLE_DEG and np.abs(f.lat - lat[keep]).max() < SEMICIRCLE_DEG
    assert np.allclose(f.ele, ele[keep], atol=0.1, equal_nan=True) and np.isnan(f.ele[29])
    assert np.array_equal(f.extensions["heart_rate"], hr[keep], equal_nan=True)
    assert np.array_equal(f.extensions["temperature"], temp[keep])
    assert np.array_equal(f.extensions["power"], (hr * 2)[keep], equal_nan=True)
    assert len(doc.laps) == 2 and len(doc.sessions) == 1 and doc.sessions[0].sport == "cycling"
    assert doc.laps[1].start_time == time[300]
    # The cleaning takes the document as it takes GPX.
    parts, report = clean_fixes(f)
    assert report.fixes_in == 599 and parts


def test_compressed_timestamps_against_fitdecode():
    fitdecode = pytest.importorskip("fitdecode")  # the dev venv's reference reader, MIT
    time, lon, lat, ele, _hr, _temp = ride(300, seed=9)
    buf = encode_activity(time, lon, lat, ele, compressed_timestamps=True, developer_field=True, big_endian=True)
    with fitdecode.FitReader(buf) as reader:
        ref = [frame.get_value("timestamp").timestamp() for frame in reader
               if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record"]
    assert np.array_equal(decode_fit(buf).segments[0].fixes.time, ref)


def test_generator_writes_the_gpx_fixes_as_fit(tmp_path):
    """tools/generate_expedition.py --fit: a day's FIT holds the same fixes as its GPX."""
    import importlib.util

    from green_envoy_plugin.core.gpx import read_gpx

    spec = importlib.util.spec_from_file_location(
        "generate_expedition", os.path.join(os.path.dirname(DATA), "..", "..", "tools", "generate_expedition.py"))
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen  # dataclasses look their module up
    try:
        spec.loader.exec_module(gen)
    finally:
        del sys.modules[spec.name]
    n = 4000
    t = 1754020800.4 + np.arange(n, dtype=float)
    lon = 76.9 + np.arange(n) * 5e-5
    lat = 43.25 + np.sin(np.arange(n) / 300) * 0.01
    day = gen.Day(3, gen.START_DAY, "Almaty", "Qonayev", False, t, lon, lat, 800 + np.sin(np.arange(n) / 50) * 20,
                  [(100, 400)], extensions=True)
    rng = np.random.default_rng(1)
    replay = np.random.Generator(type(rng.bit_generator)())
    replay.bit_generator.state = rng.bit_generator.state
    gen.write_gpx(str(tmp_path / "day.gpx"), day, 1, rng)
    gen.write_fit(str(tmp_path / "day.fit"), day, 1, replay)
    a = read_gpx(str(tmp_path / "day.gpx")).segments[0].fixes
    doc = read_fit(str(tmp_path / "day.fit"))
    b = doc.segments[0].fixes
    assert len(a) == len(b) and not doc.problems
    assert np.allclose(a.lon, b.lon, atol=1e-6) and np.allclose(a.lat, b.lat, atol=1e-6)
    assert np.array_equal(a.time, b.time) and np.allclose(a.ele, b.ele, atol=0.15)
    for key in ("heart_rate", "cadence", "temperature"):
        assert np.allclose(a.extensions[key], b.extensions[key], atol=0.51)
    assert len(doc.laps) >= 1 and doc.sessions[0].distance_m > 10000
