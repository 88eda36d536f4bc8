"""Real photos and videos of many cameras and phones (tests/data/photos, sources in SOURCES.md) read like exiftool
reads them: GPS position, capture time (and which tag it came from), orientation and direction, file by file.

Every file is read without an exception, and a folder of all of them imports whole. Where our reading differs
from exiftool's, the difference is listed in EXPLAINED with its reason.
"""

import json
import os
import shutil
import subprocess
from datetime import datetime, timezone

import pytest

from green_envoy_plugin.core.media import read_media, walk_media

CORPUS = os.path.join(os.path.dirname(__file__), "data", "photos")
TAGS = ["Composite:GPSLatitude", "Composite:GPSLongitude", "IFD0:Orientation", "ExifIFD:DateTimeOriginal",
        "ExifIFD:CreateDate", "ExifIFD:OffsetTimeOriginal", "GPS:GPSImgDirection", "QuickTime:CreateDate",
        "Keys:CreationDate"]
# file -> why our reading differs from exiftool's (each entry must really differ). None today: the times that only
# XMP holds (pillow_exif-ifd-offset.jpg, pillow_exif_gps_typeerror.jpg) are not EXIF, so exiftool's EXIF groups
# agree that these photos have none; pillow_exif_gps.jpg's GPSLatitude 4294967295 has no longitude, no position
# for either reader.
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
                expected = ("", "FileModifyDate")  # never ModifyDate
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
