"""What more than one step needs and no lower layer owns."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def file_stem(name: str) -> str:
    """A file name safe on any file system from a region name (any script, any punctuation)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9]+", "_", ascii_name).strip("_").lower()
    if not stem:
        stem = "region_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return stem[:80]
