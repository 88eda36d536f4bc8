"""import-field: ODK Central and KoboToolbox exports built to their documented layouts (column names, folders)
import with their photos, once; broken returns give each its reason; an edit updates, a newer desktop edit stays."""

import csv
import io
import os
import sqlite3
import zipfile

import pytest

from green_envoy_plugin.steps.field_import import import_field, media_folder
from green_envoy_plugin.store import gpkg

from .helpers import SAMPLE

PHOTO_GPS = os.path.join(SAMPLE, "photos", "F-001_phone.jpg")  # EXIF GPS 44.398861, 77.702985
PHOTO_PLAIN = os.path.join(SAMPLE, "photos", "F-011_camera.jpg")  # no GPS: placed at its finding

ODK_HEADER = ["SubmissionDate", "start", "end", "username", "finding_id", "location-Latitude", "location-Longitude",
              "location-Altitude", "location-Accuracy", "observed_at", "category", "case_type", "severity",
              "concerns", "settlement", "description", "source", "photo", "meta-instanceID", "KEY", "SubmitterID",
              "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState", "DeviceID",
              "Edits", "FormVersion"]


def _odk_row(uid, lat, lon, photo, description="Dump by the road", end="2025-08-03T08:30:00.000+05:00",
             key=None, review=""):
    return {"SubmissionDate": "2025-08-10T06:00:00.000Z", "start": "2025-08-03T08:15:00.000+05:00", "end": end,
            "username": "envoy1", "finding_id": "", "location-Latitude": lat, "location-Longitude": lon,
            "location-Altitude": "612.0", "location-Accuracy": "4.5", "observed_at": "2025-08-03T08:17:00.000+05:00",
            "category": "waste", "case_type": "overflowing_waste_site", "severity": "4",
            "concerns": "illegal_dumps drinking_water", "settlement": "Qonayev", "description": description,
            "source": "field", "photo": photo, "meta-instanceID": f"uuid:{uid}", "KEY": f"uuid:{key or uid}",
            "SubmitterID": "5", "SubmitterName": "Aigerim", "AttachmentsPresent": "1", "AttachmentsExpected": "1",
            "Status": "", "ReviewState": review, "DeviceID": "collect:abc", "Edits": "0", "FormVersion": "1"}


def _odk_zip(path, rows, media):
    text = io.StringIO()
    writer = csv.DictWriter(text, ODK_HEADER)
    writer.writeheader()
    writer.writerows(rows)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("green_envoy_findings.csv", text.getvalue())
        for name, source in media.items():
            archive.write(source, f"media/{name}")
    return str(path)


def _store(tmp_path):
    path = str(tmp_path / "expedition.gpkg")
    gpkg.open_store(path)
    return path


def _state(store):
    conn = sqlite3.connect(store)
    try:
        findings = conn.execute("SELECT finding_id, category, severity, concerns, description, observed_at, "
                                "field_uid, modified_at, edited_by, hex(geom) FROM findings ORDER BY finding_id"
                                ).fetchall()
        media = conn.execute("SELECT path, finding_id, position_source, link_source, fingerprint, "
                             "length(thumbnail) > 0 FROM media ORDER BY path").fetchall()
    finally:
        conn.close()
    return findings, media


def test_odk_central_export_imports_once_with_photos_and_reasons(tmp_path):
    from green_envoy_plugin.thumbnails import qt_thumbnailer

    store = _store(tmp_path)
    rows = [
        _odk_row("a1", "44.398861", "77.702985", "1754190000001.jpg"),
        _odk_row("b2", "44.61", "77.74", "1754190000002.jpg"),
        _odk_row("c3", "", "", ""),  # the geopoint was never captured
        _odk_row("d4", "44.7", "77.8", "1754190000009.jpg"),  # its photo never reached the server
        _odk_row("a1", "44.5", "77.5", ""),  # a duplicate instanceID
        _odk_row("e5", "44.8", "77.9", "", review="rejected"),
    ]
    zipped = _odk_zip(tmp_path / "odk.zip", rows, {"1754190000001.jpg": PHOTO_GPS, "1754190000002.jpg": PHOTO_PLAIN,
                                                   "1754199999999.jpg": PHOTO_PLAIN})  # a file with no row
    report = import_field(zipped, store, thumbnailer=qt_thumbnailer())
    assert report.kind == "odk"
    assert (report.imported, report.updated, report.unchanged) == (3, 0, 0)
    reasons = [why for _where, why in report.rejected]
    assert any("c3: no position" in r for r in reasons)
    assert any("duplicate uuid a1" in r for r in reasons)
    assert any("e5: rejected in ODK Central's review" in r for r in reasons)
    assert report.missing_files == [("green_envoy_findings.csv, row 5", "1754190000009.jpg")]
    assert report.orphan_files == ["media/1754199999999.jpg"]
    assert report.media_added == 2
    findings, media = _state(store)
    assert [f[0] for f in findings] == ["a1", "b2", "d4"]
    assert findings[0][3] == "illegal_dumps;drinking_water" and findings[0][6] == "a1"
    assert findings[0][8] == "Aigerim" and findings[0][7].startswith("2025-08-03T03:30:00")
    assert [(m[1], m[2], m[3], m[5]) for m in media] == [("a1", "exif", "field", 1), ("b2", "finding", "field", 1)]
    for path, *_rest in media:
        assert os.path.isfile(os.path.join(str(tmp_path), path)), path
        assert path.startswith("expedition_media/field/")
    conn = sqlite3.connect(store)
    assert {r[0] for r in conn.execute("SELECT media_folder FROM media")} == {os.path.realpath(tmp_path)}
    conn.close()
    assert media_folder(store) == str(tmp_path / "expedition_media")

    again = import_field(zipped, store, thumbnailer=qt_thumbnailer())
    assert (again.imported, again.updated, again.unchanged, again.media_added, again.media_unchanged) == (0, 0, 3, 0, 2)
    assert _state(store) == (findings, media)


def test_odk_edit_updates_and_a_newer_desktop_edit_stays(tmp_path):
    store = _store(tmp_path)
    first = _odk_zip(tmp_path / "v1.zip", [_odk_row("a1", "44.4", "77.7", "")], {})
    import_field(first, store)
    # Edited in Collect and re-submitted: a new instanceID, the same KEY, a later `end`.
    edited = _odk_zip(tmp_path / "v2.zip", [_odk_row("z9", "44.4", "77.7", "", description="Dump burning now",
                                                    end="2025-08-04T10:00:00.000+05:00", key="a1")], {})
    report = import_field(edited, store)
    assert (report.imported, report.updated) == (0, 1)
    assert _state(store)[0][0][4] == "Dump burning now"
    # A desktop edit after that (modified_at later) is not overwritten by the older phone version.
    ds = gpkg.open_store(store)
    ds.ExecuteSQL("UPDATE findings SET description = 'Checked by the desk', modified_at = '2025-09-01T00:00:00Z', "
                  "edited_by = 'desk'")
    ds = None
    report = import_field(edited, store)
    assert report.updated == 0 and len(report.kept) == 1 and "by desk" in report.kept[0][1]
    assert _state(store)[0][0][4] == "Checked by the desk"


KOBO_HEADER = ["start", "end", "username", "finding_id", "location", "_location_latitude", "_location_longitude",
               "_location_altitude", "_location_precision", "observed_at", "category", "case_type", "severity",
               "concerns", "concerns/drinking_water", "concerns/air_pollution", "concerns/illegal_dumps",
               "concerns/rivers", "concerns/irrigation", "settlement", "description", "source", "photo", "photo_URL",
               "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
               "__version__", "_tags", "_index"]


def _kobo_row(index, uid, lat, lon, photo):
    return ["2025-08-05T10:00:00.000+05:00", "2025-08-05T10:05:00.000+05:00", "envoy2", "",
            f"{lat} {lon} 600 5" if lat else "", lat, lon, "600", "5", "2025-08-05T10:01:00.000+05:00", "water",
            "disappearing_small_river", "3", "rivers irrigation", "0", "0", "0", "1", "1", "Aral",
            "Өзен тартылып барады", "residents", photo,
            f"https://kf.kobotoolbox.org/media/original?media_file=envoy2/attachments/f0/{uid}/{photo}",
            str(1000 + index), uid, "2025-08-06T04:00:00", "", "", "submitted_via_web", "envoy2", "vXYZ", "",
            str(index)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_kobo_export_with_media_zip(tmp_path, fmt):
    store = _store(tmp_path)
    rows = [_kobo_row(1, "5b1c0f3e-1111", "46.80", "61.66", "IMG_20250805_100100.jpg"),
            _kobo_row(2, "5b1c0f3e-2222", "46.81", "61.67", "IMG_20250805_100100.jpg"),  # same name, own folder
            _kobo_row(3, "5b1c0f3e-3333", "", "", "")]
    table = tmp_path / f"green_envoy_findings.{fmt}"
    if fmt == "csv":  # Kobo's CSV: ';' separated, UTF-8
        with open(table, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(KOBO_HEADER)
            writer.writerows(rows)
    else:
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(KOBO_HEADER)
        for row in rows:
            book.active.append(row)
        book.save(table)
    media = tmp_path / "media.zip"
    with zipfile.ZipFile(media, "w") as archive:
        archive.write(PHOTO_GPS, "envoy2/attachments/f0a1/5b1c0f3e-1111/IMG_20250805_100100.jpg")
        archive.write(PHOTO_PLAIN, "envoy2/attachments/f0a1/5b1c0f3e-2222/IMG_20250805_100100.jpg")
    report = import_field(str(table), store, media_zip=str(media))
    assert report.kind == "kobo"
    assert report.imported == 2 and report.media_added == 2 and report.orphan_files == []
    assert [why for _w, why in report.rejected] == ["5b1c0f3e-3333: no position (the geopoint was not captured)"]
    findings, stored_media = _state(store)
    assert findings[0][0] == "5b1c0f3e-1111" and findings[0][3] == "rivers;irrigation"
    assert findings[0][4] == "Өзен тартылып барады"
    assert findings[0][7].startswith("2025-08-05T05:05:00")  # `end`, the last save on the phone
    assert sorted((m[1], m[2]) for m in stored_media) == [("5b1c0f3e-1111", "exif"), ("5b1c0f3e-2222", "finding")]
    again = import_field(str(table), store, media_zip=str(media))
    assert (again.imported, again.updated, again.media_added) == (0, 0, 0)


def test_not_a_return(tmp_path):
    from green_envoy_plugin.errors import StepError

    store = _store(tmp_path)
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(StepError, match="no field return found"):
        import_field(str(other), store)
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../../escape.csv", "x")
        archive.writestr("green_envoy_findings.csv", ",".join(ODK_HEADER) + "\n")
    with zipfile.ZipFile(evil, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("media/bomb.jpg", b"\0" * 50_000_000)  # 50 MB in ~50 KB
    report = import_field(str(evil), store)
    assert ("../../escape.csv", "a zip member outside the return (left out)") in report.rejected
    assert any(m == "media/bomb.jpg" and "zip bomb" in why for m, why in report.rejected)
    assert not (tmp_path.parent / "escape.csv").exists()


def test_odk_media_per_submission_folder(tmp_path):
    """An export whose attachments sit under files/<instanceID>/ (one folder per submission, names repeating)."""
    store = _store(tmp_path)
    rows = [_odk_row("a1", "44.4", "77.7", "photo.jpg"), _odk_row("b2", "44.5", "77.8", "photo.jpg")]
    zipped = _odk_zip(tmp_path / "odk.zip", rows, {})
    with zipfile.ZipFile(zipped, "a") as archive:
        archive.write(PHOTO_GPS, "files/uuid:a1/photo.jpg")
        archive.write(PHOTO_PLAIN, "files/b2/photo.jpg")
    report = import_field(zipped, store)
    assert (report.imported, report.media_added, report.missing_files, report.orphan_files) == (2, 2, [], [])
    _findings, media = _state(store)
    assert sorted((m[1], m[2]) for m in media) == [("a1", "exif"), ("b2", "finding")]


def test_a_rejected_rows_photo_is_not_called_rowless(tmp_path):
    store = _store(tmp_path)
    zipped = _odk_zip(tmp_path / "odk.zip", [_odk_row("n1", "", "", "n1.jpg")], {"n1.jpg": PHOTO_GPS})
    report = import_field(zipped, store)
    assert report.rejected and report.orphan_files == [] and report.media_added == 0


def test_import_photos_later_leaves_the_field_photos_alone(tmp_path):
    """The same picture imported again from the camera's folder is a row of its own: the field photo keeps its
    copy, its finding and its link."""
    from green_envoy_plugin.steps.media import import_media

    store = _store(tmp_path)
    import_field(_odk_zip(tmp_path / "odk.zip", [_odk_row("a1", "44.398861", "77.702985", "p.jpg")],
                          {"p.jpg": PHOTO_GPS}), store)
    before = _state(store)[1]
    import_media(os.path.join(SAMPLE, "photos"), store)
    after = _state(store)[1]
    field = [m for m in after if m[3] == "field"]
    assert field == before


def test_a_photo_already_imported_from_the_camera_is_linked_to_the_phones_finding(tmp_path):
    from green_envoy_plugin.steps.media import import_media

    store = _store(tmp_path)
    import_media(os.path.join(SAMPLE, "photos"), store)  # F-001_phone.jpg among them, linked to nothing yet
    report = import_field(_odk_zip(tmp_path / "odk.zip", [_odk_row("a1", "44.5", "77.8", "p.jpg")],
                                   {"p.jpg": PHOTO_GPS}), store)
    assert (report.media_added, report.media_unchanged) == (0, 1)
    conn = sqlite3.connect(store)
    linked = conn.execute("SELECT path, link_source FROM media WHERE finding_id = 'a1'").fetchall()
    conn.close()
    assert linked == [("F-001_phone.jpg", "field")]
