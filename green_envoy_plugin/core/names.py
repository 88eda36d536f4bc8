"""File names made from data (a region's stem, a layout's file-name expression): data, never a path."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
MAX_NAME = 120


def safe_file_name(text: str, fallback: str) -> str:
    """`text` as one file name inside the output folder: separators, control and reserved characters become
    `_`, leading dots go (no `..`, no hidden file), and an empty result is `fallback`."""
    name = _UNSAFE.sub("_", text or "").strip().lstrip(".").strip()
    name = name[:MAX_NAME].rstrip(". ")
    return name or fallback
