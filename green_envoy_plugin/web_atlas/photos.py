"""The photos of the web atlas: the thumbnail the store keeps (upright, made at import) for popups, and a larger
upright copy for the viewer, made from the original when the media folder is given. Videos and audio notes are
not copied (they would outgrow the folder); their popups name them."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

VIEWER_PX = 1600  # the longer side of the viewer's image: sharp on a laptop, ~200-400 kB a photo
THUMB_PX = 256  # the popup's thumbnail, as the import stores them
# (original path, EXIF orientation, longer side in px) -> upright JPEG bytes, or None when it cannot be read
Enlarger = Callable[[str, int, int], "bytes | None"]


@dataclass
class PhotoFiles:
    """What the photos came to: the entries the pages show, and what was left out or kept small, with why."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    enlarged: int = 0
    thumbnail_only: list[str] = field(default_factory=list)  # "<file>: <why>"
    left_out: list[str] = field(default_factory=list)


def qt_enlarger() -> Enlarger | None:
    """Qt's image reader (every QGIS has it), or None where Qt cannot be imported."""
    from ..thumbnails import make_thumbnail, qt_available

    if not qt_available():
        return None

    def enlarge(path: str, orientation: int, size: int) -> bytes | None:
        return make_thumbnail(path, None, orientation, size)

    return enlarge


def _safe(name: str) -> str:
    stem = os.path.splitext(os.path.basename(name))[0]
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", stem)[:60] or "photo"


def write_photos(media: list[dict[str, Any]], out_dir: str, media_dir: str, enlarger: Enlarger | None,
                 day_of: Callable[[str | None], int | None]) -> PhotoFiles:
    """Writes photos/thumbs/<n>_<name>.jpg and photos/<n>_<name>.jpg under `out_dir`; returns the pages' entries
    (one per medium, in time order: `photos` of a finding index into them)."""
    result = PhotoFiles()
    thumbs = os.path.join(out_dir, "photos", "thumbs")
    os.makedirs(thumbs, exist_ok=True)
    for n, item in enumerate(media):
        name = f"{n + 1:04d}_{_safe(item['path'])}.jpg"
        entry: dict[str, Any] = {
            "file": os.path.basename(item["path"]), "kind": item["kind"], "time": item["time"],
            "day": day_of(item["time"]), "finding": item["finding"], "region": item["region"],
            "dir": round(float(item["direction"]), 1) if item["direction"] is not None else None,
            "ll": [round(item["xy"][1], 5), round(item["xy"][0], 5)] if item["xy"] else None,
            "thumb": None, "big": None}
        result.entries.append(entry)
        if item["kind"] != "photo":
            result.left_out.append(f"{entry['file']}: a {item['kind'] or 'medium'} (only photos are copied)")
            continue
        thumbnail = item["thumbnail"]
        imported_from = os.path.join(item.get("folder") or "", item["path"]) if item.get("folder") else ""
        if not thumbnail and enlarger is not None and imported_from and os.path.isfile(imported_from):
            # stored without one (the camera embedded none): made from the original where the import read it
            thumbnail = enlarger(imported_from, item["orientation"], THUMB_PX)
        if thumbnail:
            with open(os.path.join(thumbs, name), "wb") as out:
                out.write(thumbnail)
            entry["thumb"] = f"photos/thumbs/{name}"
        original = os.path.join(media_dir, item["path"]) if media_dir else ""
        big = None
        if not media_dir:
            why = "no media folder given"
        elif not os.path.isfile(original):
            why = f"not found in {media_dir}"
        elif enlarger is None:
            why = "no image reader (Qt) here"
        else:
            big = enlarger(original, item["orientation"], VIEWER_PX)
            why = "the original could not be read"
        if big:
            with open(os.path.join(out_dir, "photos", name), "wb") as out:
                out.write(big)
            entry["big"] = f"photos/{name}"
            result.enlarged += 1
            if not entry["thumb"]:  # a store without thumbnails: the larger copy in the popup too
                entry["thumb"] = entry["big"]
        elif entry["thumb"]:
            result.thumbnail_only.append(f"{entry['file']}: {why}")
        else:
            result.left_out.append(f"{entry['file']}: no thumbnail in the store and {why}")
    return result
