"""The map context the pages draw without a basemap: neighbouring countries, lakes and seas, main rivers, towns and
the names of countries and waters, from the context GeoPackage the PDF atlas's map pages use (kz_context.gpkg:
Natural Earth and geokz, see sample_data/README.md), generalised for a country-wide map and rounded."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
from osgeo import ogr
from shapely import wkb

from ..core.languages import translatable
from ..paths import PLUGIN_DIR, resource
from .build import latlon, polygons, simplified_line

CONTEXT_NAME = "kz_context.gpkg"
# The PDF atlas's credit for the same data (atlas/context.py), one translation for both.
CONTEXT_CREDIT = translatable(
    "Map context: Natural Earth (public domain); towns: geokz (A. Rodionov), CC BY 4.0, after the Bureau of "
    "National Statistics of Kazakhstan.")
# (layer, tolerance in degrees, decimals): countries at country scale, waters and rivers a little finer, as lakes
# lie inside the regions a region page shows.
POLYGONS = (("countries", 0.01, 3), ("waters", 0.002, 3))
LINES = (("rivers", 0.003, 3),)
POINTS = ("towns", "country_labels", "water_labels")


def context_file() -> str:
    """The context GeoPackage among the plugin's resources, or sample_data/ in a source checkout; "" if none."""
    for candidate in (resource(CONTEXT_NAME), os.path.join(os.path.dirname(PLUGIN_DIR), "sample_data", CONTEXT_NAME)):
        if os.path.isfile(candidate):
            return candidate
    return ""


def _names(feature: ogr.Feature) -> dict[str, str]:
    english = feature.GetField("name_en") or ""
    return {"en": english, "ru": feature.GetField("name_ru") or english, "kk": feature.GetField("name_kk") or english}


def read_context(path: str | None = None) -> dict[str, Any] | None:
    """The context layers as the pages draw them, or None when there is no context file (the map then shows the
    regions alone)."""
    path = context_file() if path is None else path
    if not path:
        return None
    dataset = ogr.Open(path)
    if dataset is None:
        return None
    context: dict[str, Any] = {}
    for name, tolerance, digits in POLYGONS:
        layer = dataset.GetLayerByName(name)
        context[name] = [] if layer is None else [
            shape for feature in layer if feature.GetGeometryRef() is not None
            for shape in [polygons(wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb())), tolerance, digits)]
            if shape]
    for name, tolerance, digits in LINES:
        layer = dataset.GetLayerByName(name)
        lines = []
        for feature in layer or []:
            geometry = feature.GetGeometryRef()
            if geometry is None:
                continue
            shape = wkb.loads(bytes(geometry.ExportToWkb()))
            for part in getattr(shape, "geoms", [shape]):
                line = simplified_line(np.asarray(part.coords), tolerance, digits)
                if len(line) > 1:
                    lines.append(line)
        context[name] = lines
    for name in POINTS:
        layer = dataset.GetLayerByName(name)
        points = []
        for feature in layer or []:
            geometry = feature.GetGeometryRef()
            if geometry is None or not feature.GetField("name_en"):
                continue
            entry: dict[str, Any] = {"names": _names(feature),
                                     "ll": latlon(np.asarray(wkb.loads(bytes(geometry.ExportToWkb())).coords), 3)[0]}
            if layer.GetLayerDefn().GetFieldIndex("rank") >= 0:
                entry["rank"] = feature.GetField("rank")
            points.append(entry)
        context[name] = points
    return context
