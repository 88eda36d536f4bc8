"""The elevation profile drawings (atlas/second_page.py): the line ends at the region's stated km and the axis gives
the range of every point, not of the points the drawing keeps; the map page's wide drawing has larger type."""

import re

import numpy as np


def _texts(path):
    with open(path, encoding="utf-8") as drawing:
        return re.findall(r">([^<>]+)</text>", drawing.read())


def test_the_profile_ends_at_the_stated_km_with_the_whole_range(qgis_app, tmp_path):
    from green_envoy_plugin.atlas.second_page import PROFILE_SIZE, WIDE_PROFILE, _draw_profile

    x = np.linspace(0.0, 123.4, 2000)  # 2,000 points: the drawing keeps every second, the last one too
    y = 200.0 + np.arange(2000) * 0.5  # highest at the very last point: 1,199.5 m
    for size, type_px in ((PROFILE_SIZE, 22), (WIDE_PROFILE, 30)):
        path = str(tmp_path / f"p{type_px}.svg")
        _draw_profile(path, "Kyzylorda Region", (x, y, []), size, type_px, "en")
        texts = [t.strip() for t in _texts(path)]
        assert "123.4 km" in texts and "1,200 m" in texts and "200 m" in texts, texts
        sizes = {int(px) for px in re.findall(r'<text[^>]*font-size="(\d+)"', open(path, encoding="utf-8").read())}
        assert sizes == {type_px}, sizes
