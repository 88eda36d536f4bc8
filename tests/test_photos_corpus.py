"""Real photos and videos of many cameras and phones (tests/data/photos, sources in SOURCES.md) read like exiftool
reads them: GPS position, capture time (and which tag it came from), orientation and direction, file by file.

Every file is read without an exception, and a folder of all of them imports whole. Where our reading differs
from exiftool's, the difference is listed in EXPLAINED with its reason.
"""

import json
import os
import re
import shutil
import subprocess
from datetime import datetime, timezone

import pytest

from green_envoy_plugin.core.media import read_media, walk_media

CORPUS = os.path.join(os.path.dirname(__file__), "data", "photos")
# where a photo's time comes from when its EXIF has none, in the order core/xmp.py takes them
XMP_TIME_TAGS = ["XMP-exif:DateTimeOriginal", "XMP-exif:DateTimeDigitized", "XMP-xmp:CreateDate",
                 "XMP-photoshop:DateCreated"]
TAGS = ["Composite:GPSLatitude", "Composite:GPSLongitude", "IFD0:Orientation", "ExifIFD:DateTimeOriginal",
        "ExifIFD:CreateDate", "ExifIFD:OffsetTimeOriginal", "GPS:GPSImgDirection", "QuickTime:CreateDate",
        "Keys:CreationDate", *XMP_TIME_TAGS]
# file -> why our reading differs from exiftool's (each entry must really differ). None today: the times that only
# XMP holds (pillow_exif-ifd-offset.jpg, pillow_exif_gps_typeerror.jpg) are compared with exiftool's XMP tags;
# pillow_exif_gps.jpg's GPSLatitude 4294967295 has no longitude, no position for either reader.
EXPLAINED: dict[str, str] = {}
needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None,
                                    reason="exiftool (Debian libimage-exiftool-perl) is not installed")


def corpus_files():
    return sorted(name for name in os.listdir(CORPUS) if not name.endswith(".md"))


def exiftool(paths):
    out = subprocess.run(["exiftool", "-q", "-q", "-j", "-n", "-G1", *[f"-{t}" for t in TAGS], *paths],
                         capture_output=True, text=True, check=False).stdout
    return {os.path.basename(r["SourceFile"]): r for r in json.loads(out or "[]")}


def valid_time(text):
    try:
        return datetime.strptime(str(text)[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def test_the_corpus_is_many_cameras_from_five_projects():
    files = corpus_files()
    assert len(files) >= 30
    assert len({name.split("_")[0] for name in files}) >= 5
    kinds = {os.path.splitext(name)[1].lower() for name in files}
    assert {".jpg", ".tif", ".png", ".heic", ".avif", ".mov", ".mp4"} <= kinds


def test_every_file_reads_without_an_exception_and_the_folder_imports_whole():
    found, skipped = walk_media(CORPUS)
    assert not skipped and len(found) == len(corpus_files())
    for path in found:
        media = read_media(path, CORPUS)  # never raises: a defect is a reason
        assert media.meta.time_source, path  # a time from somewhere, and the place it came from
        assert media.kind in ("photo", "video", "audio")
    corrupt = read_media(os.path.join(CORPUS, "exiv2_issue_ghsa_fgw8_p7pr_37cp_poc.mov"), CORPUS)
    assert corrupt.problems and corrupt.meta.time_source == "FileModifyDate"


@needs_exiftool
def test_position_time_orientation_direction_as_exiftool_reads_them():
    reference = exiftool([os.path.join(CORPUS, name) for name in corpus_files()])
    differences = {}
    for name in corpus_files():
        ref = reference.get(name, {})
        meta = read_media(os.path.join(CORPUS, name), CORPUS).meta
        found = []
        lat, lon = ref.get("Composite:GPSLatitude"), ref.get("Composite:GPSLongitude")
        if lat is not None and lon is not None:
            if meta.lat is None or abs(meta.lat - lat) > 1e-6 or abs(meta.lon - lon) > 1e-6:
                found.append(f"position {meta.lat}, {meta.lon} vs {lat}, {lon}")
        elif meta.has_position:
            found.append(f"position {meta.lat}, {meta.lon} where exiftool has none")
        if meta.container != "quicktime":
            if meta.orientation != ref.get("IFD0:Orientation", 1):
                found.append(f"orientation {meta.orientation} vs {ref.get('IFD0:Orientation')}")
            original, digitized = ref.get("ExifIFD:DateTimeOriginal"), ref.get("ExifIFD:CreateDate")
            if valid_time(original):
                expected = (str(original)[:19], "DateTimeOriginal")
            elif valid_time(digitized):
                expected = (str(digitized)[:19], "CreateDate")
            else:
                xmp = next((str(ref[t]) for t in XMP_TIME_TAGS if valid_time(ref.get(t))), None)
                # only XMP has it (a date without a time of day is none), else the file's time, never ModifyDate
                expected = (xmp[:19], "XMP") if xmp else ("", "FileModifyDate")
                zone = re.search(r"([+-]\d\d:\d\d|Z)$", xmp or "")
                if xmp and meta.offset != (zone.group(1).replace("Z", "+00:00") if zone else ""):
                    found.append(f"XMP offset {meta.offset!r} vs {xmp!r}")
            if (meta.taken[:19], meta.time_source) != expected:
                found.append(f"time {meta.taken!r} from {meta.time_source} vs {expected}")
            if valid_time(original) and meta.offset != ref.get("ExifIFD:OffsetTimeOriginal", ""):
                found.append(f"offset {meta.offset!r} vs {ref.get('ExifIFD:OffsetTimeOriginal')!r}")
            direction = ref.get("GPS:GPSImgDirection")
            if (direction is None) != (meta.direction is None) or (
                    direction is not None and abs(meta.direction - direction) > 1e-6):
                found.append(f"direction {meta.direction} vs {direction}")
        else:
            created = valid_time(ref.get("QuickTime:CreateDate", ""))
            utc = created.replace(tzinfo=timezone.utc).timestamp() if created else None
            if created and (meta.time_source, meta.utc) != ("CreateDate", utc):
                found.append(f"time {meta.utc} from {meta.time_source} vs {utc}")
            if not created and meta.time_source != "FileModifyDate":
                found.append(f"time from {meta.time_source} where exiftool has no valid CreateDate")
        if found:
            differences[name] = found
    unexplained = {name: found for name, found in differences.items() if name not in EXPLAINED}
    assert not unexplained, unexplained
    assert set(EXPLAINED) <= set(differences), "an explained difference that is gone: remove it"


@needs_exiftool
def test_video_places_written_by_exiftool_are_read(tmp_path):
    """A MOV given a place by exiftool the way phones write it: ©xyz in udta (Android, older iPhones) and
    Apple's mdta keys (location.ISO6709 and creationdate with its offset)."""
    source = os.path.join(CORPUS, "exiftool_QuickTime.mov")
    android, apple = tmp_path / "android.mov", tmp_path / "apple.mov"
    subprocess.run(["exiftool", "-q", "-o", str(android), "-UserData:GPSCoordinates=43.2525, 76.9115, 812",
                    source], check=True)
    subprocess.run(["exiftool", "-q", "-o", str(apple), "-Keys:GPSCoordinates=-33.8568, 151.2153, 5",
                    "-Keys:CreationDate=2025:09:01 14:05:06+05:00", source], check=True)
    reference = exiftool([str(android), str(apple)])
    for path in (android, apple):
        meta = read_media(str(path), str(tmp_path)).meta
        ref = reference[path.name]
        assert meta.lat == pytest.approx(ref["Composite:GPSLatitude"], abs=1e-4), path.name
        assert meta.lon == pytest.approx(ref["Composite:GPSLongitude"], abs=1e-4), path.name
    meta = read_media(str(apple), str(tmp_path)).meta
    assert meta.time_source == "CreationDate"
    assert meta.utc == datetime(2025, 9, 1, 9, 5, 6, tzinfo=timezone.utc).timestamp()
    assert read_media(str(android), str(tmp_path)).meta.time_source == "CreateDate"  # mvhd, UTC


def test_capture_times_only_in_xmp_are_used_with_their_offset():
    """Two real photos whose EXIF has no capture time, but their XMP has (with its UTC offset): placed by it."""
    times = {}
    for name in ("pillow_exif-ifd-offset.jpg", "pillow_exif_gps_typeerror.jpg"):
        meta = read_media(os.path.join(CORPUS, name), CORPUS).meta
        assert meta.time_source == "XMP", name
        times[name] = meta.camera_time(timezone.utc)
    assert times == {"pillow_exif-ifd-offset.jpg": datetime(2017, 3, 14, 6, 3, 9, tzinfo=timezone.utc).timestamp(),
                     "pillow_exif_gps_typeerror.jpg": datetime(2010, 7, 11, 11, 53, tzinfo=timezone.utc).timestamp()}
    # exiftool's own XMP test image: a UTF-16 packet whose only date has no time of day; EXIF has the time
    xmp = read_media(os.path.join(CORPUS, "exiftool_XMP.jpg"), CORPUS).meta
    assert xmp.time_source == "DateTimeOriginal" and not xmp.problems
    dated = read_media(os.path.join(CORPUS, "exiftool_PhotoMechanic.jpg"), CORPUS).meta
    assert dated.time_source == "FileModifyDate"
    assert "XMP photoshop:DateCreated '2006-10-29' is not a date with a time of day: not used" in dated.problems


@needs_exiftool
def test_a_gps_position_only_in_xmp_as_exiftool_writes_it(tmp_path):
    """exiftool writes XMP GPS in XMP's own "DD,MM.mmmk" form into a real photo without EXIF GPS; we read it as
    exiftool reads it back, and an EXIF position still wins over the XMP one."""
    placed = tmp_path / "xmp_gps.jpg"
    subprocess.run(["exiftool", "-q", "-o", str(placed), "-XMP-exif:GPSLatitude=43.2525",
                    "-XMP-exif:GPSLongitude=-76.9115", "-XMP-exif:GPSAltitude=812.5", "-XMP-exif:GPSAltitudeRef#=1",
                    os.path.join(CORPUS, "pillow_exif-ifd-offset.jpg")], check=True)
    written = subprocess.run(["exiftool", "-s3", "-XMP-exif:GPSLatitude", "-XMP-exif:GPSLongitude", "-n",
                              str(placed)], capture_output=True, text=True, check=True).stdout.split()
    raw = subprocess.run(["exiftool", "-b", "-XMP", str(placed)], capture_output=True, check=True).stdout
    assert b"43,15.15N" in raw and b"76,54.69W" in raw  # the form it writes, which we parse
    meta = read_media(str(placed), str(tmp_path)).meta
    assert (meta.lat, meta.lon) == (pytest.approx(float(written[0]), abs=1e-9), pytest.approx(float(written[1]),
                                                                                              abs=1e-9))
    assert meta.lon < 0 and meta.alt == pytest.approx(-812.5) and meta.time_source == "XMP"
    exif_gps = tmp_path / "both.jpg"
    subprocess.run(["exiftool", "-q", "-o", str(exif_gps), "-XMP-exif:GPSLatitude=10", "-XMP-exif:GPSLongitude=10",
                    os.path.join(CORPUS, "exiftool_GPS.jpg")], check=True)
    assert read_media(str(exif_gps), str(tmp_path)).meta.lat == read_media(
        os.path.join(CORPUS, "exiftool_GPS.jpg"), CORPUS).meta.lat
