"""Command line: `python -m green_envoy_plugin <command>`; each command is one step (`steps/`).

Exit status: 0 all went well, 2 the step ran but some inputs were rejected (listed), 1 the step failed.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time

from .app.demo import run_demo
from .core.languages import LANGUAGES, SOURCE_LANGUAGE
from .core.page_formats import PAGE_FORMATS
from .errors import StepError
from .steps.feedback import SilentFeedback
from .steps.findings import export_findings, import_findings
from .steps.media import estimate_camera_offset, import_media, write_tagged_copies
from .steps.official import compare_official
from .steps.regions import assign_regions
from .steps.sharing import import_findings_postgis, sync_postgis
from .steps.tracks import import_gpx
from .store import access

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "sample_data")


class ConsoleFeedback(SilentFeedback):
    """QgsFeedback's method names on a terminal: info to stdout, problems to stderr."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet

    def pushInfo(self, text: str) -> None:  # noqa: N802
        if not self.quiet:
            print(text, flush=True)

    def reportError(self, text: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        print(f"warning: {text}", file=sys.stderr, flush=True)


def _import_gpx(args, feedback) -> int:
    report = import_gpx(args.paths, args.gpkg, feedback=feedback)
    return 2 if report.failed or report.rejected else 0


def _connection(args):
    """The shared store's reference; an authcfg's credentials come from QGIS's authentication database."""
    from .store.pg_connection import parse

    ref = parse(args.postgis)
    if ref.has_secret:
        print("warning: a password on the command line is visible to other users of this machine (ps); use "
              "service=NAME with ~/.pgpass, PGPASSWORD or authcfg=ID instead", file=sys.stderr, flush=True)
    if not ref.authcfg:
        return ref
    from .qgis_app import ensure_qgis

    ensure_qgis()
    from .shared_layers import resolve

    return resolve(ref)


def _import_findings(args, feedback) -> int:
    bad = [item for item in args.map if "=" not in item]
    if bad:
        raise StepError(f"--map {bad[0]}: give FIELD=COLUMN")
    mapping = dict(item.split("=", 1) for item in args.map)
    if args.postgis:
        _count, problems, conflicts = import_findings_postgis(args.csv, _connection(args), mapping, feedback,
                                                              wait=not args.no_wait)
        return 2 if problems or conflicts else 0
    elif args.gpkg:
        _count, problems = import_findings(args.csv, args.gpkg, feedback=feedback, mapping=mapping)
    else:
        raise StepError("give --gpkg or --postgis")
    return 2 if problems else 0


def _postgis_migrate(args, feedback) -> int:
    from .store.postgis import PostgisStore

    with PostgisStore(_connection(args)) as store:
        applied = store.migrate()
        feedback.pushInfo(f"schema version {store.version()}" + (f", applied {applied}" if applied else ", up to date"))
    return 0


def _sync_postgis(args, feedback) -> int:
    def ids(text: str) -> list[str]:
        return [part.strip() for part in text.split(",") if part.strip()]

    report = sync_postgis(args.gpkg, _connection(args), feedback, wait=not args.no_wait,
                          keep_local=ids(args.keep_local), keep_shared=ids(args.keep_shared))
    return 2 if report.conflicts or report.skipped or report.left_out else 0


def _postgis_conflicts(args, feedback) -> int:
    from .store.postgis import PostgisStore

    with PostgisStore(_connection(args)) as store:
        rows = store.open_conflicts()
    for row in rows:
        print(f"{row['finding_id']}\t{row['kind']}\t{row['fields'] or ''}\tshared by {row['shared_by'] or '-'} "
              f"at {row['shared_at'] or '-'}\tother: {row['other']} ({row['other_by'] or '-'})")
    feedback.pushInfo(f"{len(rows)} open conflict(s)")
    return 2 if rows else 0


def _export_findings(args, feedback) -> int:
    for path in export_findings(args.gpkg, args.out, args.format):
        print(path)
    return 0


def _import_photos(args, feedback) -> int:
    thumbnailer = None
    if not args.no_thumbnails:
        from .qgis_app import ensure_qgis
        from .thumbnails import qt_thumbnailer

        thumbnailer = qt_thumbnailer(start=ensure_qgis)  # started only if a thumbnail is to be made
    report = import_media(args.folder, args.gpkg, args.tz, args.offset, args.max_gap, args.max_extrapolation,
                          thumbnailer=thumbnailer, feedback=feedback, all_thumbnails=args.all_thumbnails)
    if args.write_copies:
        written = write_tagged_copies(args.gpkg, args.folder, args.write_copies)
        feedback.pushInfo(f"{len(written)} tagged cop(ies) written to {args.write_copies}")
    return 2 if report.unplaced or report.problems else 0


def _estimate_offset(args, feedback) -> int:
    offset, how = estimate_camera_offset(args.photo, args.gpkg, args.tz, args.true_time, args.lon, args.lat,
                                         args.max_distance)
    print(f"{offset:.0f}")
    feedback.pushInfo(how)
    return 0


def _assign_regions(args, feedback) -> int:
    summary = assign_regions(args.gpkg, args.regions, args.name_field, args.code_field, feedback,
                             settlements=args.settlements or None, settlement_field=args.settlement_field,
                             districts=args.districts or None, district_field=args.district_field,
                             district_code_field=args.district_code_field)
    print(summary.table())
    return 0


def _compare_official(args, feedback) -> int:
    summary = compare_official(args.gpkg, args.official, args.id_field, args.match, args.near, args.corridor,
                               table=args.table, feedback=feedback, class_field=args.class_field,
                               official_date=args.official_date)
    if args.quiet:
        print(summary.table())
    return 0


def _atlas(args, feedback) -> int:
    from .qgis_app import ensure_qgis

    ensure_qgis()
    from .app.atlas import export_atlas

    regions = [r.strip() for r in args.regions.split(",") if r.strip()] if args.regions else None
    result = export_atlas(args.gpkg, args.out, feedback=feedback, language=args.language, regions=regions,
                          combined=args.combined, png=args.png, template=args.template,
                          page_format=args.page, media_dir=args.media, basemap=args.basemap)
    for path in result.pdfs:
        print(path)
    return 2 if result.errors else 0


def _web_atlas(args, feedback) -> int:
    from .qgis_app import ensure_qgis

    ensure_qgis()  # Qt's translations and image reader
    from .web_atlas.export import export_web_atlas

    regions = [r.strip() for r in args.regions.split(",") if r.strip()] if args.regions else None
    result = export_web_atlas(args.gpkg, args.out, language=args.language, regions=regions, basemap=args.basemap,
                              basemap_attribution=args.basemap_attribution, media_dir=args.media, feedback=feedback)
    print(result.pages[0])
    return 2 if result.problems else 0


def _save_template(args, feedback) -> int:
    from .qgis_app import ensure_qgis

    ensure_qgis()
    from .atlas.export import save_styles, save_template

    print(save_template(args.gpkg, args.out, args.language))
    if args.styles:
        print("\n".join(save_styles(args.gpkg, args.styles, args.language)))
    return 0


def _field_kit(args, feedback) -> int:
    from .qgis_app import ensure_qgis

    ensure_qgis()
    from .app.field_kit import build_field_kit

    regions = [r.strip() for r in args.regions.split(",") if r.strip()] if args.regions else None
    _kit, project, _translations = build_field_kit(args.gpkg, args.out, args.language, regions, args.settlements,
                                                   args.official, args.official_label, args.basemap, feedback)
    print(project)
    return 0


def _import_field(args, feedback) -> int:
    from .steps.field_import import import_field

    thumbnailer = None
    if not args.no_thumbnails:
        from .qgis_app import ensure_qgis
        from .thumbnails import qt_thumbnailer

        ensure_qgis()
        thumbnailer = qt_thumbnailer()
    report = import_field(args.path, args.gpkg, args.media, thumbnailer, feedback)
    return 0 if report.complete else 2


def _demo(args, feedback) -> int:
    started = time.monotonic()
    summary, atlas = run_demo(args.sample, args.out, feedback)
    print()
    print(summary.table())
    print()
    print(f"{len(atlas.pdfs)} atlas page(s) in {os.path.join(args.out, 'atlas')}, "
          f"expedition store {os.path.join(args.out, 'expedition.gpkg')}, {time.monotonic() - started:.1f} s")
    return 2 if atlas.errors else 0


POSTGIS_HELP = ("the shared store: service=NAME (pg_service, password in ~/.pgpass), authcfg=ID host=... "
                "dbname=... (QGIS's authentication database) or libpq settings; optional schema=NAME")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m green_envoy_plugin", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and results")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import-tracks", aliases=["import-gpx"],
                       help="import GPX, FIT and TCX files (also .gz), Strava export zips or folders into the "
                            "expedition GeoPackage")
    p.add_argument("paths", nargs="+", help="GPX, FIT, TCX files (or .gz of them), Strava bulk export zips and/or "
                                            "folders (searched recursively)")
    p.add_argument("--gpkg", required=True, help="expedition GeoPackage (created when missing)")
    p.set_defaults(run=_import_gpx)

    p = sub.add_parser("import-findings", help="import findings from a CSV or XLSX table")
    p.add_argument("csv", help="a .csv or .xlsx table")
    p.add_argument("--gpkg", help="the expedition GeoPackage")
    p.add_argument("--postgis", help="or the shared PostGIS store: service=NAME, authcfg=ID host=... dbname=..., or "
                   "libpq settings; optional schema=NAME")
    p.add_argument("--no-wait", action="store_true", help="refuse instead of waiting while another writer runs")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help="our field from a column of another name, e.g. --map lat=Latitude (repeatable)")
    p.set_defaults(run=_import_findings)

    p = sub.add_parser("postgis-migrate", help="create or upgrade the shared PostGIS store's schema")
    p.add_argument("--postgis", required=True, help=POSTGIS_HELP)
    p.set_defaults(run=_postgis_migrate)

    p = sub.add_parser("sync-postgis", help="share the expedition through PostGIS (findings both ways)")
    p.add_argument("--gpkg", required=True)
    p.add_argument("--postgis", required=True, help=POSTGIS_HELP)
    p.add_argument("--no-wait", action="store_true", help="refuse instead of waiting while another sync runs")
    p.add_argument("--keep-local", default="", metavar="IDS",
                   help="conflicts resolved: these findings (comma-separated ids) as this store has them")
    p.add_argument("--keep-shared", default="", metavar="IDS",
                   help="conflicts resolved: these findings as the shared store has them")
    p.set_defaults(run=_sync_postgis)

    p = sub.add_parser("postgis-conflicts", help="the shared store's open conflicts (kept until resolved)")
    p.add_argument("--postgis", required=True, help=POSTGIS_HELP)
    p.set_defaults(run=_postgis_conflicts)

    p = sub.add_parser("export-findings", help="one table of findings per region")
    p.add_argument("--gpkg", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    p.set_defaults(run=_export_findings)

    p = sub.add_parser("import-photos", help="place the photos, videos and audio notes of a folder")
    p.add_argument("folder")
    p.add_argument("--gpkg", required=True)
    p.add_argument("--tz", help="time zone of camera clocks without an offset tag (not given: each file keeps the "
                                "zone it was placed with; new files +05:00)")
    p.add_argument("--offset", type=float, help="seconds the camera clock was ahead of true time (not given: each "
                                                "file keeps the offset it was placed with; new files 0)")
    p.add_argument("--max-gap", type=float, default=300.0, help="no position inside a track gap longer than this")
    p.add_argument("--max-extrapolation", type=float, default=60.0,
                   help="seconds before or after the track (or a gap) still given its nearest fix")
    p.add_argument("--no-thumbnails", action="store_true", help="do not store thumbnails (faster)")
    p.add_argument("--all-thumbnails", action="store_true",
                   help="also decode and store the thumbnails of photos without an embedded one, the folder's and "
                        "those stored before (slower; for a GeoPackage that travels without its photos: otherwise "
                        "map tips, viewer and atlases picture such photos from the originals)")
    p.add_argument("--write-copies", metavar="DIR",
                   help="also write copies of the time-synced JPEGs with their GPS position into DIR")
    p.set_defaults(run=_import_photos)

    p = sub.add_parser("estimate-offset", help="the camera clock's error from one photo; prints seconds")
    p.add_argument("photo")
    p.add_argument("--gpkg", required=True, help="the store with the imported track")
    p.add_argument("--tz", default="+05:00", help="time zone the camera clock was set to")
    p.add_argument("--true-time", default="", help="the true time the photo shows (a GPS screen), ISO 8601")
    p.add_argument("--lon", type=float, help="where the photo was taken, if it has no GPS")
    p.add_argument("--lat", type=float)
    p.add_argument("--max-distance", type=float, default=250.0, help="metres from the track to the photo's place")
    p.set_defaults(run=_estimate_offset)

    p = sub.add_parser("assign-regions", help="per-region statistics; findings and media get their region")
    p.add_argument("--gpkg", required=True)
    p.add_argument("--regions", default=os.path.join(SAMPLE, "kz_admin1.gpkg"), help="polygon layer")
    p.add_argument("--name-field", default="ADM1_EN")
    p.add_argument("--code-field", default="ADM1_PCODE")
    p.add_argument("--settlements", default="", help="a settlements layer: each finding gets the nearest one")
    p.add_argument("--settlement-field", default="name")
    p.add_argument("--districts", default=os.path.join(SAMPLE, "kz_districts.gpkg"),
                   help="a districts (rayons) polygon layer: findings, km and days per district ('' for none)")
    p.add_argument("--district-field", default="name")
    p.add_argument("--district-code-field", default="code")
    p.set_defaults(run=_assign_regions)

    p = sub.add_parser("compare-official", help="findings against an official layer, and what it has that they miss")
    p.add_argument("--gpkg", required=True)
    p.add_argument("--official", required=True, help="any vector layer GDAL reads, points or polygons, any CRS, or an "
                   "OpenStreetMap extract (.osm, .osm.pbf: its landuse=landfill, informal=yes apart)")
    p.add_argument("--id-field", default="", help="the official layer's id field (default: its feature id)")
    p.add_argument("--match", type=float, default=250.0, help="metres within which a finding matches a record")
    p.add_argument("--near", type=float, default=1000.0, help="metres within which a finding is near a record")
    p.add_argument("--corridor", type=float, default=2000.0, help="metres either side of the route")
    p.add_argument("--table", default="", help="also write the comparison to this .csv or .xlsx")
    p.add_argument("--class-field", default="", help="the registry's class field, mapped to the space-monitoring "
                   "classes (unauthorised dump, sanctioned site, landfill-boundary violation)")
    p.add_argument("--official-date", default="", help="the official layer's own publication or data date "
                   "(YYYY-MM-DD), printed on the atlas pages; default: its metadata (a .qmd beside it, a "
                   "GeoPackage's last change), else the file's date")
    p.set_defaults(run=_compare_official)

    p = sub.add_parser("atlas", help="export one PDF atlas page per visited region")
    p.add_argument("--gpkg", required=True)
    p.add_argument("--out", required=True, help="folder for the PDFs")
    p.add_argument("--language", choices=LANGUAGES, default=SOURCE_LANGUAGE, help="language of the pages")
    p.add_argument("--regions", default="", help="only these regions (names, comma-separated)")
    p.add_argument("--combined", action="store_true", help="one PDF with every region instead of one per region")
    p.add_argument("--png", action="store_true", help="also PNG pages (150 dpi) for the web")
    p.add_argument("--template", default="", help="a .qpt adjusted in QGIS's layout designer")
    p.add_argument("--page", choices=PAGE_FORMATS, default="a4-landscape", help="page size and orientation")
    p.add_argument("--basemap", default="", help="a basemap under the region maps: any layer QGIS opens (XYZ URI "
                   "'type=xyz&url=...', MBTiles, raster or vector file) or a .qlr layer file")
    p.add_argument("--media", default="", help="the folder the photos were imported from: the pages print the "
                                               "originals (sharp) instead of the stored thumbnails")
    p.set_defaults(run=_atlas)

    p = sub.add_parser("web-atlas", help="an offline web atlas: a folder of pages that opens in a browser, no network")
    p.add_argument("--gpkg", required=True)
    p.add_argument("--out", required=True, help="the atlas folder (new, empty, or a web atlas written before)")
    p.add_argument("--language", choices=LANGUAGES, default=SOURCE_LANGUAGE,
                   help="the pages' first language (readers switch between all three)")
    p.add_argument("--regions", default="", help="region pages only for these (names, comma-separated)")
    p.add_argument("--basemap", default="", help="an XYZ tile template (https://.../{z}/{x}/{y}.png) drawn under the "
                   "map for online use; none by default, so the pages load nothing")
    p.add_argument("--basemap-attribution", default="", help="the tiles' credit line, as their provider asks")
    p.add_argument("--media", default="", help="the folder the photos were imported from: larger images in the "
                   "photo viewer (without it, the stored thumbnails)")
    p.set_defaults(run=_web_atlas)

    p = sub.add_parser("save-template", help="write the atlas layout (.qpt) and styles (.qml) to adjust in QGIS")
    p.add_argument("--gpkg", required=True, help="a store with regions assigned (for the layers)")
    p.add_argument("--out", required=True, help="the .qpt to write")
    p.add_argument("--language", choices=LANGUAGES, default=SOURCE_LANGUAGE)
    p.add_argument("--styles", default="", help="also write the layer styles (.qml) into this folder")
    p.set_defaults(run=_save_template)

    p = sub.add_parser("field-kit", help="a QField / Mergin Maps project and an ODK/Kobo XLSForm for the phones")
    p.add_argument("--gpkg", required=True, help="the expedition store (regions assigned)")
    p.add_argument("--out", required=True, help="an empty folder for the kit")
    p.add_argument("--language", choices=LANGUAGES, default=SOURCE_LANGUAGE, help="the form's own language")
    p.add_argument("--regions", default="", help="only these regions (names, comma-separated)")
    p.add_argument("--settlements", default=os.path.join(SAMPLE, "settlements.gpkg"), help="a settlements layer")
    p.add_argument("--official", default="", help="an official layer to show (read-only)")
    p.add_argument("--official-label", default="", help="its name in the kit (a synthetic sample says so)")
    p.add_argument("--basemap", default="", help="an offline basemap: MBTiles, GeoTIFF or GeoPackage raster")
    p.set_defaults(run=_field_kit)

    p = sub.add_parser("import-field", help="findings and photos back from QField, Mergin Maps, ODK or Kobo")
    p.add_argument("path", help="a returned kit folder or zip, an ODK Central export zip, a Kobo CSV/XLSX")
    p.add_argument("--gpkg", required=True)
    p.add_argument("--media", default="", help="Kobo's media zip (or folder), when apart from the table")
    p.add_argument("--no-thumbnails", action="store_true", help="do not store thumbnails (faster)")
    p.set_defaults(run=_import_field)

    p = sub.add_parser("demo", help="the whole chain on the sample data")
    p.add_argument("--sample", default=SAMPLE)
    p.add_argument("--out", default=os.path.join("build", "demo"))
    p.set_defaults(run=_demo)
    return parser


# The commands that write the store given with --gpkg, and those that only read it (the atlas refreshes the page
# figures only when no one else writes: app.atlas).
WRITE_STORE = {"import-field", "import-tracks", "import-gpx", "import-findings", "import-photos", "assign-regions",
               "compare-official", "sync-postgis"}
READ_STORE = {"field-kit", "atlas", "web-atlas", "export-findings", "estimate-offset", "save-template"}
# The others need what they read.
CREATE_STORE = {"import-field", "import-tracks", "import-gpx", "import-findings", "import-photos", "sync-postgis"}


def _run(args, feedback) -> int:
    """The command, its store checked first (a CSV, a folder, another GeoPackage, a missing or read-only store:
    one line, nothing touched); a command that writes holds the store's writer lock from start to end, and
    says once whom it waits for when another command writes."""
    store = getattr(args, "gpkg", None)
    if store and args.command in WRITE_STORE:
        if not access.check_store(store, write=True) and args.command not in CREATE_STORE:
            raise access.StoreError(f"{store}: no such expedition GeoPackage (import the tracks first)")
        with access.writing(store, args.command, notice=lambda text: print(text, file=sys.stderr, flush=True)):
            return args.run(args, feedback)
    if store and args.command in READ_STORE:
        access.check_store(store)
    return args.run(args, feedback)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    feedback = ConsoleFeedback(args.quiet)
    try:
        return _run(args, feedback)
    except (StepError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # a store's SQLite error the steps did not name: still one line
        print(f"error: {getattr(args, 'gpkg', None) or 'the store'}: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        if not getattr(args, "postgis", None):
            raise
        print(f"error: {args.command}: {_scrubbed(args.postgis, exc)}", file=sys.stderr)  # one line, no secret
        return 1


def _scrubbed(connection: str, exc: BaseException) -> str:
    """An unforeseen error of a shared-store command, without the connection's secrets."""
    from .store.pg_connection import parse

    text = (str(exc).strip().splitlines() or [""])[0]
    try:
        return parse(connection).scrub(f"{type(exc).__name__}: {text}")
    except StepError:
        return type(exc).__name__
