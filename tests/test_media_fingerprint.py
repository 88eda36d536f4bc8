"""A photo is recognised by its size and the head its EXIF read fetches (schema 12), so a cold folder costs one
read per photo; stores of schema 11 and earlier, whose photos carry the head-and-tail fingerprint, find their
photos again on the next import (camera folder or field return) and are upgraded, never given a second row."""

import io
import os
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone

import numpy as np

from green_envoy_plugin.core.exif import build_exif, insert_exif
from green_envoy_plugin.core.media import fingerprint, legacy_photo, read_media
from green_envoy_plugin.steps.media import import_media
from green_envoy_plugin.store.bulk import register_gpkg_functions

from .test_field_import import PHOTO_GPS, PHOTO_PLAIN, _odk_row, _odk_zip, _state, _store
from .test_media import photo, rows, store  # noqa: F401  (store: the fixture, a ride of 120 fixes)

KZ = timezone(timedelta(hours=5))


def big_jpeg(seed: int, exif: bytes, pad_to: int = 0) -> bytes:
    """A noisy 640 x 480 JPEG (hundreds of KB: head and tail are different bytes), padded after its end marker."""
    from PIL import Image

    pixels = np.random.default_rng(seed).integers(0, 255, (480, 640, 3), dtype=np.uint8)
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "JPEG", quality=90)
    data = insert_exif(buf.getvalue(), exif)
    return data + bytes(max(0, pad_to - len(data)))


def read_bytes_of(call):
    """Bytes this process read through read(2) while `call` ran (page cache hits included)."""
    def rchar():
        with open("/proc/self/io") as io_file:
            return next(int(line.split()[1]) for line in io_file if line.startswith("rchar:"))

    before = rchar()
    result = call()
    return result, rchar() - before


def _as_schema_11(store_path, root=None):
    """Give every stored photo the fingerprint an earlier version wrote (SHA-1 of size, head and tail); its file
    is below its media_folder (a camera folder) or `root` (a field return's copy, relative to the store)."""
    conn = sqlite3.connect(store_path)
    register_gpkg_functions(conn)  # the store's triggers call them
    with conn:
        for fid, folder, path, size in conn.execute("SELECT fid, media_folder, path, size FROM media "
                                                    "WHERE kind = 'photo'").fetchall():
            whole = os.path.join(root or folder, path)
            conn.execute("UPDATE media SET fingerprint = ? WHERE fid = ?", (fingerprint(whole, size), fid))
    conn.close()


def test_a_photo_is_read_by_its_head_alone(tmp_path):
    path = photo(tmp_path, "p.jpg", big_jpeg(1, build_exif(datetime(2025, 8, 1, 8, 5), 43.25, 76.93)))
    size = os.path.getsize(path)
    assert size > 4 * 65536
    media, read = read_bytes_of(lambda: read_media(path, str(tmp_path)))
    assert media.meta.has_position and media.meta.taken
    assert len(media.fingerprint) == 64 and not legacy_photo(media.fingerprint)
    assert read <= 65536 + 4096, read  # the head once: neither the tail nor the head a second time
    # Same size and head, different tail: the same photo by design (a JPEG's head holds its EXIF and thumbnail).
    other = read_media(photo(tmp_path, "q.jpg", open(path, "rb").read()[:-10] + b"x" * 10), str(tmp_path))
    assert other.fingerprint == media.fingerprint
    changed = open(path, "rb").read()
    changed = changed[:1000] + bytes([changed[1000] ^ 1]) + changed[1001:]
    assert read_media(photo(tmp_path, "r.jpg", changed), str(tmp_path)).fingerprint != media.fingerprint


def test_a_schema_11_store_finds_its_photos_again_and_is_upgraded(tmp_path, store):  # noqa: F811
    media = tmp_path / "media"
    when = datetime(2025, 8, 1, 8, 5, 0, tzinfo=KZ)
    photo(media, "gps.jpg", big_jpeg(1, build_exif(when, 43.25, 76.93)))
    photo(media, "synced.jpg", big_jpeg(2, build_exif(when.replace(tzinfo=None))))
    photo(media, "moved.jpg", big_jpeg(3, build_exif(when, 43.26, 76.94)))
    import_media(str(media), store)
    before = rows(store)
    _as_schema_11(store)
    assert all(legacy_photo(row["fingerprint"]) for row in rows(store).values())
    os.makedirs(media / "day1")
    shutil.move(str(media / "moved.jpg"), str(media / "day1" / "moved.jpg"))

    report = import_media(str(media), store)
    after = rows(store)
    assert sorted(after) == ["day1/moved.jpg", "gps.jpg", "synced.jpg"]  # no second row for any of them
    assert (report.unchanged, report.moved) == (1, 1)
    for name in after:
        assert after[name]["fingerprint"] == read_media(str(media / name), str(media)).fingerprint
    assert after["synced.jpg"]["geom"] == before["synced.jpg"]["geom"]
    assert after["gps.jpg"]["fid"] == before["gps.jpg"]["fid"]

    again = import_media(str(media), store)
    assert (again.unchanged, again.moved) == (2, 0) and rows(store).keys() == after.keys()


def test_a_new_photo_of_a_stored_photos_size_is_not_taken_for_it(tmp_path, store):  # noqa: F811
    first, second = tmp_path / "first", tmp_path / "second"
    when = datetime(2025, 8, 1, 8, 5, 0, tzinfo=KZ)
    a = big_jpeg(4, build_exif(when, 43.25, 76.93))
    b = big_jpeg(5, build_exif(when, 43.27, 76.95))
    size = max(len(a), len(b))
    photo(first, "a.jpg", a + bytes(size - len(a)))
    import_media(str(first), store)
    _as_schema_11(store)
    legacy = rows(store)["a.jpg"]["fingerprint"]
    photo(second, "b.jpg", b + bytes(size - len(b)))  # same size, other bytes; a.jpg still in its folder
    report = import_media(str(second), store)
    stored = rows(store)
    assert sorted(stored) == ["a.jpg", "b.jpg"] and report.moved == 0
    assert stored["a.jpg"]["fingerprint"] == legacy  # not among the files imported: left as it was
    assert not legacy_photo(stored["b.jpg"]["fingerprint"])


def test_a_field_return_imported_by_schema_11_is_not_copied_again(tmp_path):
    store_path = _store(tmp_path)
    zipped = _odk_zip(tmp_path / "odk.zip", [_odk_row("a1", "44.398861", "77.702985", "1.jpg"),
                                             _odk_row("b2", "44.61", "77.74", "2.jpg")],
                      {"1.jpg": PHOTO_GPS, "2.jpg": PHOTO_PLAIN})
    from green_envoy_plugin.steps.field_import import import_field

    import_field(zipped, store_path)
    _as_schema_11(store_path, str(tmp_path))
    again = import_field(zipped, store_path)
    assert (again.media_added, again.media_unchanged) == (0, 2)
    media = _state(store_path)[1]
    assert len(media) == 2 and not any(legacy_photo(m[4]) for m in media)
    assert len(os.listdir(tmp_path / "expedition_media" / "field" / "a1")) == 1


def test_asking_ahead_for_a_head_never_blocks_nor_fails(tmp_path):
    """The scan asks the disk ahead for the next files' heads: a pipe named like a photo must not block it, a
    file gone meanwhile must not fail it (and the pipe is still skipped with its reason by the read)."""
    import subprocess
    import sys

    pipe = tmp_path / "pipe.jpg"
    os.mkfifo(pipe)
    code = ("import sys; from green_envoy_plugin.core.media import prefetch_head, read_media\n"
            "prefetch_head(sys.argv[1]); prefetch_head(sys.argv[1] + '.gone')\n"
            "print(read_media(sys.argv[1], '/').problems)")
    done = subprocess.run([sys.executable, "-c", code, str(pipe)], check=False, capture_output=True, text=True,
                          timeout=20, cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert done.returncode == 0 and "not a regular file" in done.stdout, done.stderr
