"""Pieces of the map tips' QGIS expressions, shared by the media layer's style and the findings' form.

A photo stored without a thumbnail (its camera embedded none, and decoding the picture at import would cost more
than reading all of its tags) is shown in a map tip from its original, through a file:/// URL: QGIS's map tip
view (QtWebKit, or Qt's text browser where QGIS has no WebKit) loads local pictures, and the tip works in any
QGIS, with or without this plugin. Neither view applies the EXIF orientation (QtWebKit ignores CSS
image-orientation, tried), so the import stores an upright thumbnail for every photo with an orientation tag
other than 1: only upright originals are shown through their URL.
"""

from __future__ import annotations


def original_url(folder: str, path: str) -> str:
    """The expression of the file:/// URL of `folder`/`path` (expressions of the media's fields): Windows
    backslashes turned into slashes, the characters a URL reserves in a path (% # ?) and the quote that would end
    the HTML attribute escaped."""
    joined = f"replace({folder} || '/' || {path}, '\\\\', '/')"
    escaped = f"replace(replace(replace(replace({joined}, '%', '%25'), '#', '%23'), '?', '%3F'), '\"', '%22')"
    return f"'file:///' || regexp_replace({escaped}, '^/+', '')"


def photo_tag(thumbnail: str, kind: str, folder: str, path: str, width: int) -> str:
    """The expression of an <img> of the stored thumbnail, else of the original photo where it was imported from
    (NULL for a video or an audio note, or a medium stored before the store kept its folder)."""
    return (f"CASE WHEN {thumbnail} IS NOT NULL THEN '<img width=\"{width}\" src=\"data:image/jpeg;base64,' "
            f"|| to_base64({thumbnail}) || '\">' "
            f"WHEN {kind} = 'photo' AND {folder} IS NOT NULL THEN '<img width=\"{width}\" src=\"' "
            f"|| {original_url(folder, path)} || '\">' END")
