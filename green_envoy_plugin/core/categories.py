"""Code lists of the findings, in one place. Labels are English source text; the GUI and the atlas translate them
(marked translatable() for tools/check_translations.py)."""

from __future__ import annotations

from .languages import translatable

# The five categories named by the organisers (EXPEDITION.md), in their order; colours for maps from the
# Okabe-Ito palette, which stays apart for readers with any of the common colour-vision deficiencies, and a
# marker shape of its own for each (SHAPES), so that a category never rests on colour alone (nor on a grey print).
CATEGORIES: dict[str, tuple[str, str]] = {
    "air": (translatable("Air quality and industrial zones"), "#cc79a7"),  # reddish purple
    "water": (translatable("Rivers, lakes and water resources"), "#0072b2"),  # blue
    "soil": (translatable("Soil, pastures and forest areas"), "#009e73"),  # bluish green
    "landfill": (translatable("Waste landfills and irrigated lands"), "#e69f00"),  # orange
    "waste": (translatable("Household and industrial waste"), "#d55e00"),  # vermillion
}

# QGIS marker names (QgsSimpleMarkerSymbolLayer) and the SVG/HTML shape the web atlas draws for each category.
SHAPES: dict[str, str] = {
    "air": "diamond",
    "water": "circle",
    "soil": "triangle",
    "landfill": "square",
    "waste": "pentagon",
}


def category_colour(key: str) -> str:
    return CATEGORIES[key][1] if key in CATEGORIES else "#777777"


def category_shape(key: str) -> str:
    return SHAPES.get(key, "circle")


CASE_TYPES: dict[str, str] = {
    "degraded_industrial_zone": translatable("Critically degraded industrial zone"),
    "worn_water_infrastructure": translatable("Worn-out water infrastructure"),
    "polluted_grazing_land": translatable("Polluted grazing land"),
    "overflowing_waste_site": translatable("Overflowing waste site"),
    "disappearing_small_river": translatable("Small river on the brink of disappearing"),
    "other": translatable("Other"),
}

CONCERNS: dict[str, str] = {
    "drinking_water": "Drinking-water quality",
    "air_pollution": "Air pollution",
    "illegal_dumps": "Illegal dumps",
    "rivers": "Condition of rivers",
    "irrigation": "Deteriorating irrigation systems",
}


def category_label(key: str) -> str:
    return CATEGORIES[key][0] if key in CATEGORIES else key


def parse_category(value: str) -> str:
    """A category key from a key, a 1-5 number or an English label (as spreadsheets hold them)."""
    text = value.strip()
    keys = list(CATEGORIES)
    if text in CATEGORIES:
        return text
    if text.isdigit() and 1 <= int(text) <= len(keys):
        return keys[int(text) - 1]
    for key, (label, _colour) in CATEGORIES.items():
        if text.lower() == label.lower():
            return key
    raise ValueError(f"unknown category {value!r} (expected one of {', '.join(keys)} or 1-5)")
