"""Media import: every bad file gets its reason and the scan goes on; re-scans add, find moved files, never
duplicate; time sync and the clock-offset helper; videos by their MP4 time; thumbnails stored upright."""

import io
import os
import shutil
import sqlite3
import struct
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from green_envoy_plugin.core.exif import build_exif, insert_exif
from green_envoy_plugin.core.media import mp4_creation_time, walk_media
from green_envoy_plugin.core.photos import Timeline, estimate_offset
from green_envoy_plugin.errors import StepError
from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.media import estimate_camera_offset, import_media, link_media, write_tagged_copies
from green_envoy_plugin.steps.tracks import import_gpx
from green_envoy_plugin.thumbnails import make_thumbnail

from .helpers import straight_ride

KZ = timezone(timedelta(hours=5))


def jpeg(width=64, height=32, colour=(200, 30, 30)) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (width, height), (255, 255, 255))
    image.paste(colour, (0, 0, width // 2, height))  # left half coloured: tells which way is up
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=95)
    return buf.getvalue()


@pytest.fixture
def store(tmp_path, write_gpx):
    """A store with one ride: 120 fixes 10 s apart from 03:00 UTC on 1 August 2025, going east."""
    path = str(tmp_path / "e.gpkg")
    import_gpx([write_gpx("ride.gpx", straight_ride(120))], path)
    return path


def photo(folder, name, data):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)
    return path


def rows(store_path):
    conn = sqlite3.connect(store_path)
    conn.row_factory = sqlite3.Row
    try:
        return {r["path"]: dict(r) for r in conn.execute("SELECT * FROM media")}
    finally:
        conn.close()


def test_bad_files_each_get_their_reason_and_the_good_ones_import(tmp_path, store):
    media = tmp_path / "media"
    good_time = datetime(2025, 8, 1, 8, 5, 0, tzinfo=KZ)  # 03:05 UTC: fix 30 of the ride
    photo(media, "Қарағанды/сурет.jpg", insert_exif(jpeg(), build_exif(good_time.replace(tzinfo=None))))
    photo(media, "gps.jpg", insert_exif(jpeg(), build_exif(good_time, 43.25, 76.93)))
    photo(media, "corrupt.jpg", b"\xff\xd8\xff\xe1\xff\xff" + b"garbage")
    photo(media, "notjpeg.jpg", b"GIF89a" + bytes(50))
    photo(media, "empty.jpg", b"")
    photo(media, "noexif.jpg", jpeg())
    out_of_range = build_exif(good_time, 89.0, 76.0).replace(struct.pack("<II", 89, 1), struct.pack("<II", 120, 1))
    photo(media, "range.jpg", insert_exif(jpeg(), out_of_range))
    os.symlink(str(media), str(media / "loop"))
    report = import_media(str(media), store, "+05:00", 0.0)
    problems = {os.path.basename(p): why for p, why in report.problems}
    unplaced = {os.path.basename(p): why for p, why in report.unplaced}
    assert report.with_gps == 1 and report.time_synced == 2  # the Kazakh-named photo and range.jpg, by time
    assert "truncated" in problems["corrupt.jpg"]
    assert "not a JPEG" in problems["notjpeg.jpg"]
    assert "empty file" in problems["empty.jpg"]
    assert "out of range" in problems["range.jpg"]
    assert "loop" in problems["loop"]
    assert set(unplaced) == {"corrupt.jpg", "notjpeg.jpg", "empty.jpg", "noexif.jpg"}
    stored = rows(store)
    assert stored["Қарағанды/сурет.jpg"]["position_source"] == "time-sync"
    assert stored["range.jpg"]["position_source"] == "time-sync"  # its bad GPS ignored, its clock used
    assert len(stored) == 7  # every file has its row, placed or not, with its reasons


def test_rescan_adds_new_finds_moved_and_never_duplicates(tmp_path, store):
    media = tmp_path / "media"
    when = datetime(2025, 8, 1, 8, 5, 0, tzinfo=KZ)
    photo(media, "a.jpg", insert_exif(jpeg(colour=(1, 2, 3)), build_exif(when, 43.25, 76.93)))
    photo(media, "b.jpg", insert_exif(jpeg(colour=(4, 5, 6)), build_exif(when.replace(tzinfo=None))))
    import_media(str(media), store)
    assert len(rows(store)) == 2
    again = import_media(str(media), store)
    assert len(rows(store)) == 2 and again.unchanged == 1  # b is re-placed by time (same place)
    shutil.move(str(media / "a.jpg"), str(media / "day1" / "a.jpg") if (media / "day1").mkdir() is None else "")
    photo(media, "c.jpg", insert_exif(jpeg(colour=(7, 8, 9)), build_exif(when, 43.25, 76.95)))
    third = import_media(str(media), store)
    stored = rows(store)
    assert sorted(stored) == ["b.jpg", "c.jpg", "day1/a.jpg"]
    assert third.moved == 1


def test_time_sync_uses_offset_and_zone_and_refuses_gaps(tmp_path, store):
    media = tmp_path / "media"
    # The camera runs 90 s fast and is set to UTC+6: its 09:06:30 is 03:05:00 UTC, fix 30 of the ride.
    photo(media, "cam.jpg", insert_exif(jpeg(), build_exif(datetime(2025, 8, 1, 9, 6, 30))))
    photo(media, "late.jpg", insert_exif(jpeg(colour=(9, 9, 9)), build_exif(datetime(2025, 8, 1, 12, 0, 0))))
    report = import_media(str(media), store, "+06:00", 90.0)
    assert report.time_synced == 1
    assert "outside the track's time span" in dict((os.path.basename(p), w) for p, w in report.unplaced)["late.jpg"]
    conn = sqlite3.connect(store)
    blob, taken = conn.execute("SELECT geom, taken_at FROM media WHERE path = 'cam.jpg'").fetchone()
    x, y = struct.unpack("<2d", blob[13:29])
    assert x == pytest.approx(76.90 + 30 * 0.0007, abs=1e-6) and y == pytest.approx(43.25)
    assert taken.startswith("2025-08-01T03:05:00")


def test_offset_estimated_from_a_photo_with_a_known_place():
    t = 1_754_017_200 + np.arange(0, 3600, 10.0)
    timeline = Timeline.from_parts([(t, 76.9 + np.arange(len(t)) * 0.0007, np.full(len(t), 43.25))])
    true_time = t[100]
    found = estimate_offset(timeline, 76.9 + 100 * 0.0007, 43.25, true_time + 462.0)
    assert found is not None
    offset, distance, when = found
    assert offset == pytest.approx(462.0) and distance < 1.0 and when == true_time
    assert estimate_offset(timeline, 70.0, 40.0, true_time) is None  # the track never passes there


def test_cli_estimate_offset_from_the_sample_camera(sample_dir, tmp_path):
    """The sample's phone photo F-001 has GPS and a correct clock: offset ~0 against the sample track."""
    from green_envoy_plugin import cli

    store = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(sample_dir, "gpx", "2025-08-03.gpx")], store)
    offset, how = estimate_camera_offset(os.path.join(sample_dir, "photos", "F-001_phone.jpg"), store,
                                         max_distance_m=500)
    # The phone photo was taken 30-400 m off the road; the nearest fix gives the time within a minute or two.
    assert abs(offset) < 240, how
    assert cli.main(["estimate-offset", os.path.join(sample_dir, "photos", "F-001_phone.jpg"), "--gpkg", store,
                     "--true-time", "2025-08-03T08:17:51+05:00"]) == 0


def test_video_time_from_its_mp4_header(tmp_path):
    created = int(datetime(2025, 8, 1, 3, 5, tzinfo=timezone.utc).timestamp()) + 2082844800
    mvhd = struct.pack(">I4sB3xIIII", 108, b"mvhd", 0, created, created, 1000, 0) + bytes(108 - 24)
    moov = struct.pack(">I4s", 8 + len(mvhd), b"moov") + mvhd
    data = struct.pack(">I4s4sI", 16, b"ftyp", b"isom", 0) + struct.pack(">I4s", 8 + 100, b"mdat") + bytes(100) + moov
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    assert mp4_creation_time(str(path)) == datetime(2025, 8, 1, 3, 5, tzinfo=timezone.utc).timestamp()
    found, skipped = walk_media(str(tmp_path))
    assert found == [str(path)] and skipped == []


def test_thumbnail_is_stored_upright(tmp_path, store, qgis_app):
    from qgis.PyQt.QtGui import QImage

    media = tmp_path / "media"
    when = datetime(2025, 8, 1, 8, 5, 0, tzinfo=KZ)
    # Stored sideways (64 wide, 32 high, red on the left) with orientation 6: shown rotated 90 deg clockwise,
    # i.e. 32 wide, 64 high, red at the top.
    photo(media, "side.jpg", insert_exif(jpeg(64, 32), build_exif(when, 43.25, 76.93, orientation=6)))
    # no embedded thumbnail: the picture itself decoded (the default import leaves it to the readers)
    import_media(str(media), store, thumbnailer=make_thumbnail, all_thumbnails=True)
    thumb = rows(store)["side.jpg"]["thumbnail"]
    image = QImage.fromData(thumb)
    assert (image.width(), image.height()) == (32, 64)
    top, bottom = image.pixelColor(16, 8), image.pixelColor(16, 56)
    assert top.red() > 150 and top.green() < 100  # red at the top
    assert bottom.green() > 200  # white at the bottom


def test_media_link_to_the_nearest_finding_and_manual_links_stay(tmp_path, store):
    csv = tmp_path / "f.csv"
    csv.write_text("finding_id,observed_at,lat,lon,category\n"
                   "F-1,2025-08-01T08:05:00+05:00,43.2501,76.921,waste\n"
                   "F-2,2025-08-01T08:05:00+05:00,43.2501,76.990,air\n", encoding="utf-8")
    import_findings(str(csv), store)
    media = tmp_path / "media"
    when = datetime(2025, 8, 1, 8, 6, 0, tzinfo=KZ)
    photo(media, "near1.jpg", insert_exif(jpeg(colour=(1, 1, 1)), build_exif(when, 43.2502, 76.9212)))
    photo(media, "far.jpg", insert_exif(jpeg(colour=(2, 2, 2)), build_exif(when, 43.40, 76.95)))
    report = import_media(str(media), store)
    assert report.linked == 1
    stored = rows(store)
    assert stored["near1.jpg"]["finding_id"] == "F-1" and stored["near1.jpg"]["finding_distance_m"] < 30
    assert stored["far.jpg"]["finding_id"] is None
    conn = sqlite3.connect(store)
    from green_envoy_plugin.store.bulk import register_gpkg_functions

    register_gpkg_functions(conn)
    conn.execute("UPDATE media SET finding_id = 'F-2', link_source = 'manual' WHERE path = 'far.jpg'")
    conn.commit()
    conn.close()
    assert link_media(store) == 1
    assert rows(store)["far.jpg"]["finding_id"] == "F-2"  # the author's choice survives re-linking


def test_tagged_copies_only_on_request_and_originals_untouched(tmp_path, store):
    import hashlib

    from green_envoy_plugin import cli
    from green_envoy_plugin.core.exif import read_exif

    media = tmp_path / "media"
    original = photo(media, "cam/IMG_1.jpg", insert_exif(jpeg(), build_exif(datetime(2025, 8, 1, 9, 6, 30),
                                                                                make="Canon", model="EOS R50")))
    before = hashlib.sha256(open(original, "rb").read()).hexdigest()
    copies = tmp_path / "tagged"
    assert cli.main(["import-photos", str(media), "--gpkg", store, "--tz", "+06:00", "--offset", "90",
                     "--no-thumbnails", "--write-copies", str(copies)]) == 0
    assert hashlib.sha256(open(original, "rb").read()).hexdigest() == before
    tagged = read_exif(str(copies / "cam" / "IMG_1.jpg"))
    assert tagged.lon == pytest.approx(76.90 + 30 * 0.0007, abs=1e-6) and tagged.lat == pytest.approx(43.25)
    assert tagged.model == "EOS R50" and tagged.taken == "2025:08:01 09:06:30"  # the rest kept
    with pytest.raises(StepError, match="another folder"):
        write_tagged_copies(store, str(media), str(media))
