"""The photo half of `make bench`: 10,000 generated photos along the full-rate track.

EXIF scan vs `exiftool -fast2 -n -csv` reading the same tags and vs QGIS's own "Import geotagged photos"
(native:importphotos); the default import (`import-photos`, thumbnails included) vs exiftool reading the tags
alone; time sync of the 10,000 photos against the 4-month full-rate track.
"""

from __future__ import annotations

import io
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from green_envoy_plugin.core.exif import build_exif, insert_exif  # noqa: E402
from green_envoy_plugin.store.bulk import line_zm_coords  # noqa: E402

CAMERA_TZ = timezone(timedelta(hours=6))
CAMERA_OFFSET_S = 462.0
EXIFTOOL_TAGS = ["-GPSLatitude", "-GPSLongitude", "-GPSAltitude", "-GPSImgDirection", "-DateTimeOriginal",
                 "-OffsetTimeOriginal", "-Orientation", "-Make", "-Model"]


def track(store: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    conn = sqlite3.connect(store)
    coords = [line_zm_coords(g) for (g,) in conn.execute("SELECT geom FROM tracks")]
    conn.close()
    c = np.concatenate(coords)
    order = np.argsort(c[:, 3])
    return c[order, 3], c[order, 0], c[order, 1]


def make_photos(folder: str, store: str, count: int = 10_000, seed: int = 7, thumbnails: bool = True) -> dict:
    """Photos with GPS (70 %) and camera photos without (30 %, clock on UTC+6 and 462 s fast), taken at
    random fixes of the track; returns the truth of the camera ones for the time-sync check. With `thumbnails`,
    each carries a 160 x 120 EXIF thumbnail of its picture in IFD1, as phones and cameras write them; without,
    they stand for pictures an editor exported without one (every thumbnail then a decode of the picture), and
    are upright (orientation 1) as editors write them: a turned photo without a thumbnail is decoded at import
    (the map tips could not turn its original)."""
    from PIL import Image

    if os.path.isdir(folder) and len(os.listdir(folder)) >= count // 100:
        return {}
    rng = np.random.default_rng(seed)
    t, lon, lat = track(store)
    buf = io.BytesIO()
    noise = rng.integers(0, 255, (600, 800, 3), dtype=np.uint8)
    Image.fromarray(noise).resize((800, 600)).save(buf, "JPEG", quality=60)
    pixels = buf.getvalue()  # ~220 KB of real JPEG data behind each header
    small = io.BytesIO()
    Image.fromarray(noise).resize((160, 120)).save(small, "JPEG", quality=75)
    thumbnail = small.getvalue() if thumbnails else None
    picks = np.sort(rng.integers(0, len(t), count))
    for n, k in enumerate(picks):
        sub = os.path.join(folder, f"day{n // 100:03d}")
        os.makedirs(sub, exist_ok=True)
        when = datetime.fromtimestamp(t[k], timezone.utc)
        if n % 10 < 7:
            app1 = build_exif(when.astimezone(timezone(timedelta(hours=5))), float(lat[k]), float(lon[k]),
                              alt=500.0, direction=float(rng.uniform(0, 360)), make="Samsung", model="Galaxy A54",
                              orientation=int(rng.choice([1, 6, 8, 3])) if thumbnails else 1, thumbnail=thumbnail)
        else:
            clock = (when + timedelta(seconds=CAMERA_OFFSET_S)).astimezone(CAMERA_TZ).replace(tzinfo=None)
            app1 = build_exif(clock, make="Canon", model="EOS R50", thumbnail=thumbnail)
        with open(os.path.join(sub, f"IMG_{n:05d}.jpg"), "wb") as out:
            out.write(insert_exif(pixels, app1))
    return {}


def with_cpu(run):
    """The bench's runner, also giving the CPU seconds (user + system, the command and its children): on a machine
    shared with other work, wall times of two tools run one after the other compare the load as much as the tools,
    CPU seconds compare the tools."""
    def timed(cmd, env=None):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, peak = run(cmd, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        timed.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, peak
    timed.cpu = 0.0
    return timed


def warm(folder: str) -> None:
    """Every tool reads the same files from the page cache: the first one would otherwise pay the disk alone."""
    for root, _dirs, names in os.walk(folder):
        for name in names:
            with open(os.path.join(root, name), "rb") as handle:
                while handle.read(1 << 20):
                    pass


def evict(folder: str) -> None:
    """The photos out of the page cache (and nothing else: the programs and the store stay cached): each tool then
    reads them as from a card or a disk just plugged in, the case where the bytes read cost more than the CPU."""
    os.sync()
    for root, _dirs, names in os.walk(folder):
        for name in names:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def exiftool_tags(run, folder: str, csv: str) -> tuple[float, int]:
    return run(["sh", "-c", f"exiftool -fast2 -n -csv -r {' '.join(EXIFTOOL_TAGS)} '{folder}' > '{csv}'"])


def import_photos(run, folder: str, store: str, target_store: str, py: str,
                  prepare=lambda folder: None) -> tuple[float, int, int]:
    """The default import as a user runs it (EXIF, time sync, thumbnails on all cores, store writes) into a
    copy of the store; wall s, peak MB, thumbnails stored. `prepare` puts the photos in or out of the page cache
    after the copy (which could push them out)."""
    shutil.copyfile(store, target_store)
    os.sync()  # the copy's ~500 MB written out now: the import's commit would otherwise wait for them
    prepare(folder)
    # exit 2 is a normal end here (some camera photos fall into gaps of the track and are reported unplaced);
    # exit 1, nothing written, fails the bench
    wall, peak = run(["sh", "-c", '"$@"; rc=$?; [ $rc -eq 0 ] || [ $rc -eq 2 ]', "sh", py, "-m",
                      "green_envoy_plugin", "-q", "import-photos", folder, "--gpkg", target_store, "--tz", "+06:00",
                      "--offset", str(CAMERA_OFFSET_S)],
                     env={**os.environ, "PYTHONPATH": ROOT, "QT_QPA_PLATFORM": "offscreen"})
    conn = sqlite3.connect(target_store)
    thumbs = conn.execute("SELECT count(*) FROM media WHERE thumbnail IS NOT NULL").fetchone()[0]
    conn.close()
    os.remove(target_store)
    return wall, peak, thumbs


def load() -> str:
    """The 1-minute load average, printed beside each figure: the machine is shared with other work."""
    return f"load {os.getloadavg()[0]:.1f}"


def run_photos(run, line, out_dir: str, store: str, py: str, import_only: bool = False) -> list[tuple[str, bool]]:
    """With `import_only`, the default import against exiftool on both sets (with and without embedded thumbnails)
    and nothing else (`--only photos-import`)."""
    run = with_cpu(run)
    folder = os.path.join(out_dir, "photos_camera")
    make_photos(folder, store)
    files = sum(len(f) for _r, _d, f in os.walk(folder))
    warm(folder)
    if import_only:
        return import_halves(run, line, out_dir, store, py, folder, files)
    scan = ("import sys; from green_envoy_plugin.steps.media import scan_media\n"
            "files, skipped = scan_media(sys.argv[1])\n"
            "assert len(files) > 0 and not skipped\n")
    w_ours, m_ours = run([py, "-c", scan, folder], env={**os.environ, "PYTHONPATH": ROOT})
    cpu_ours = run.cpu
    csv = os.path.join(out_dir, "exiftool.csv")
    w_exif, m_exif = exiftool_tags(run, folder, csv)
    cpu_exif = run.cpu
    qgis = ("import sys, os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from green_envoy_plugin.qgis_app import ensure_qgis\nensure_qgis(processing=True)\n"
            "import processing\n"
            "processing.run('native:importphotos', {'FOLDER': sys.argv[1], 'RECURSIVE': True, "
            "'OUTPUT': sys.argv[2]})\n")
    target = os.path.join(out_dir, "qgis_photos.gpkg")
    if os.path.exists(target):
        os.remove(target)
    w_qgis, m_qgis = run([py, "-c", qgis, folder, target], env={**os.environ, "PYTHONPATH": ROOT})
    line("10,000 photos", "Green Envoy EXIF scan (time, GPS, direction, orientation, camera, fingerprint)", files,
         w_ours, m_ours, f"{w_exif / w_ours:.1f}x exiftool, {w_qgis / w_ours:.1f}x QGIS (CPU s: {cpu_ours:.1f} vs "
         f"exiftool {cpu_exif:.1f})")
    line("10,000 photos", "exiftool -fast2 -n -csv (same tags)", files, w_exif, m_exif)
    line("10,000 photos", "QGIS native:importphotos (Processing)", files, w_qgis, m_qgis)

    verdicts = import_halves(run, line, out_dir, store, py, folder, files, w_exif, cpu_exif)

    sync = ("import sys, time, numpy as np\n"
            "from green_envoy_plugin.core.photos import locate_by_time\n"
            "from green_envoy_plugin.steps.media import _timeline, scan_media\n"
            "from datetime import timezone, timedelta\n"
            "files, _ = scan_media(sys.argv[1])\n"
            "started = time.perf_counter()\n"
            "tz = timezone(timedelta(hours=6))\n"
            "timeline = _timeline(sys.argv[2])\n"
            "cams = [f for f in files if not f.meta.has_position]\n"
            "clock = np.array([f.meta.camera_time(tz) for f in cams], dtype=float) - 462.0\n"
            "lon, lat, why = locate_by_time(timeline, clock, 300.0, 60.0)\n"
            "print(time.perf_counter() - started, int(np.isfinite(lon).sum()))\n")
    result = subprocess.run([py, "-c", sync, folder, store], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": ROOT})
    seconds, placed = result.stdout.split()
    line("10,000 photos", "time sync of the camera photos (no GPS) against the 4-month full-rate track "
         "(load track + match)", files, float(seconds), 0, f"{placed} of {files - files * 7 // 10} placed")
    return [("EXIF scan >= 5x exiftool", w_exif / w_ours >= 5.0), *verdicts,
            ("time sync of 10,000 photos < 2 s", float(seconds) < 2.0)]


def import_halves(run, line, out_dir: str, store: str, py: str, folder: str, files: int,
                  w_exif: float | None = None, cpu_exif: float = 0.0) -> list[tuple[str, bool]]:
    """The default import beside exiftool reading the tags alone, same run, each tool once with the photos in the
    page cache and once with them evicted (as read from a card): the 10,000 photos with an embedded thumbnail,
    then 1,000 without one."""
    plain = os.path.join(out_dir, "photos_plain")
    make_photos(plain, store, count=1_000, seed=8, thumbnails=False)
    verdicts = []
    for what, photos, count in (("10,000 photos", folder, files), ("1,000 photos, no EXIF thumbnail", plain, 1_000)):
        for cache, prepare in (("cached", warm), ("cold", evict)):
            if photos == folder and cache == "cached" and w_exif is not None:
                w_ref, cpu_ref = w_exif, cpu_exif  # the EXIF scan's own exiftool run, on cached photos
            else:
                prepare(photos)
                w_ref, m_ref = exiftool_tags(run, photos, os.path.join(out_dir, "exiftool.csv"))
                cpu_ref = run.cpu
                line(what, f"exiftool -fast2 -n -csv (same tags), photos {cache}", count, w_ref, m_ref,
                     f"CPU s {cpu_ref:.1f}; {load()}")
            w_ours, m_ours, thumbs = import_photos(run, photos, store, os.path.join(out_dir, "photos_store.gpkg"), py,
                                                   prepare)
            cpu_ours = run.cpu
            line(what, f"Green Envoy import-photos (default), photos {cache}", count, w_ours, m_ours,
                 f"{w_ref / w_ours:.1f}x exiftool reading the tags alone (CPU s: {cpu_ours:.1f} vs {cpu_ref:.1f}: "
                 f"{cpu_ref / cpu_ours:.1f}x); {thumbs} thumbnails stored; {load()}")
            # No embedded thumbnail: pictures an editor exported. The import stores none for them (decoding each
            # would cost more CPU than exiftool spends on a whole file); they are made where one is shown.
            complete = thumbs == count if photos == folder else True
            verdicts.append((f"{what}, {cache}: import >= 2x exiftool reading the tags", w_ref / w_ours >= 2.0
                             and complete))
    return verdicts
