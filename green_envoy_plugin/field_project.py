"""The field kit's QGIS project (QGIS adapter of steps/field_kit.py): the kit's layers with paths relative to the
project (the folder moves to a phone whole), the findings form as on the desktop (forms.py) plus what a phone
needs (a uuid finding id, the photo as an attachment stored as DCIM/<file>, modified_at and edited_by filled on
every save), the context read-only and styled as in the atlas, and the project's translations
<project>_ru.qm / <project>_kk.qm, which QField and QGIS load by the device's language.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from .atlas import styles
from .core.field_form import KIT_TABLE, PHOTO_FOLDER
from .core.languages import LANGUAGES
from .core.qm import qm_bytes
from .forms import configure_findings_form
from .i18n import tr, translatable

PROJECT_NAME = "green_envoy_field"
LAYER_NAMES = {"findings": translatable("Findings"), "route": translatable("Route"),
               "regions": translatable("Regions"), "settlements": translatable("Settlements"),
               "official": translatable("Official layer"), "code_lists": translatable("Code lists"),
               "basemap": translatable("Basemap")}
FIELD_ALIASES = {"photo": translatable("Photo"), "modified_at": translatable("Last changed"),
                 "edited_by": translatable("Changed by")}


def _kit_layer(gpkg_path: str, table: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg_path}|layername={table}", tr(LAYER_NAMES[table]), "ogr")
    if not layer.isValid():
        raise RuntimeError(f"{gpkg_path}: table {table} cannot be opened")
    return layer


def configure_kit_form(findings: QgsVectorLayer, code_lists: QgsVectorLayer) -> None:
    """The desktop's form, then what the phone adds: the uuid id, the photo attachment, the change stamps."""
    configure_findings_form(findings, code_lists)
    fields = findings.fields()
    for name, alias in FIELD_ALIASES.items():
        findings.setFieldAlias(fields.indexOf(name), tr(alias))
    findings.setDefaultValueDefinition(fields.indexOf("finding_id"), QgsDefaultValue("substr(uuid(), 2, 36)"))
    findings.setFieldConstraint(fields.indexOf("finding_id"), QgsFieldConstraints.ConstraintUnique,
                                QgsFieldConstraints.ConstraintStrengthHard)
    findings.setDefaultValueDefinition(fields.indexOf("modified_at"), QgsDefaultValue("now()", True))
    findings.setDefaultValueDefinition(fields.indexOf("edited_by"), QgsDefaultValue(
        "coalesce(@mergin_username, @cloud_username, @user_full_name, @user_account_name)", True))
    findings.setEditorWidgetSetup(fields.indexOf("description"), QgsEditorWidgetSetup(
        "TextEdit", {"IsMultiline": True, "UseHtml": False}))
    findings.setEditorWidgetSetup(fields.indexOf("photo"), QgsEditorWidgetSetup("ExternalResource", {
        "DocumentViewer": 1,  # an image
        "DocumentViewerHeight": 0, "DocumentViewerWidth": 0,
        "FileWidget": True, "FileWidgetButton": True, "FileWidgetFilter": "",
        "RelativeStorage": 1,  # relative to the project: DCIM/<file> on the phone and on the desktop alike
        "StorageMode": 0, "UseLink": True, "FullUrl": True,
        "DefaultRoot": "",
        "PropertyCollection": {"name": None, "properties": {"storageUrl": {
            "active": True, "type": 3,
            "expression": f"'{PHOTO_FOLDER}/' || format_date(now(), 'yyyyMMdd_hhmmss') || '_' || "
                          "substr(\"finding_id\", 1, 8) || '.jpg'"}}, "type": "collection"},
    }))
    if fields.indexOf("fid") >= 0:  # the GeoPackage's row number: nothing an envoy types or reads
        findings.setEditorWidgetSetup(fields.indexOf("fid"), QgsEditorWidgetSetup("Hidden", {}))
    config = findings.editFormConfig()
    for name in ("modified_at", "edited_by"):
        config.setReadOnly(fields.indexOf(name), True)
    findings.setEditFormConfig(config)


def _style_settlements(layer: QgsVectorLayer) -> None:
    layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#ffffff", "outline_color": "#333333", "size": "2"})))
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    text = QgsTextFormat()
    text.setSize(8)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def write_project(kit: object, language: str = "en", official_label: str = "") -> str:
    """The kit's .qgs beside its GeoPackage (`kit` a steps.field_kit.KitFiles); returns its path."""
    project = QgsProject()
    project.setTitle(tr("Green Envoy field kit"))
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    gpkg_path = kit.gpkg  # type: ignore[attr-defined]
    root = project.layerTreeRoot()
    code_lists = _kit_layer(gpkg_path, "code_lists")
    findings = _kit_layer(gpkg_path, KIT_TABLE)
    configure_kit_form(findings, code_lists)
    styles.style_findings(findings)
    findings.setName(tr(LAYER_NAMES["findings"]))
    project.addMapLayer(code_lists, False)
    project.addMapLayer(findings, False)
    root.addLayer(findings)
    context = []
    for table in ("settlements", "official", "route", "regions"):
        if table not in kit.layers:  # type: ignore[attr-defined]
            continue
        layer = _kit_layer(gpkg_path, table)
        if table == "route":
            styles.style_route(layer)
        elif table == "regions":
            styles.style_regions_plain(layer)
        elif table == "official":
            styles.style_official(layer)
        else:
            _style_settlements(layer)
        name = tr(LAYER_NAMES[table])
        if table == "official" and official_label:
            name = f"{name}: {official_label}"
        layer.setName(name)
        layer.setReadOnly(True)  # context: seen on the phone, never edited there
        context.append(layer)
    basemap = kit.basemap  # type: ignore[attr-defined]
    if basemap:
        raster = QgsRasterLayer(basemap, tr(LAYER_NAMES["basemap"]), "gdal")
        if raster.isValid():
            context.append(raster)
    for layer in context:
        project.addMapLayer(layer, False)
        root.addLayer(layer)
    path = os.path.join(kit.folder, f"{PROJECT_NAME}.qgs")  # type: ignore[attr-defined]
    if not project.write(path):
        raise RuntimeError(f"{path}: cannot be written ({project.error()})")
    project.clear()
    _without_statistics(basemap)
    return path


def _without_statistics(basemap: str) -> None:
    """GDAL leaves <raster>.aux.xml (statistics) when QGIS closes a raster it opened: not part of the kit."""
    if basemap and os.path.exists(basemap + ".aux.xml"):
        os.remove(basemap + ".aux.xml")


def write_translations(project_path: str, source_language: str, labels: dict[str, dict[str, str]]) -> list[str]:
    """<project>_<language>.qm for every other language: QGIS lists the project's texts (layer names, aliases,
    value-map labels) in a .ts; each is translated through the English text it was made from."""
    project = QgsProject()
    project.read(project_path)
    ts_path = f"{os.path.splitext(project_path)[0]}.ts"  # where QGIS writes it
    project.generateTsFile(source_language)
    if not os.path.exists(ts_path):
        raise RuntimeError(f"{project_path}: QGIS listed no texts to translate ({ts_path} missing)")
    back_to_english = {labels.get(source_language, {}).get(text, text): text for text in labels.get("en", {})}
    tree = ET.parse(ts_path)
    messages = [(context.findtext("name") or "", message.findtext("source") or "")
                for context in tree.getroot().iter("context") for message in context.iter("message")]
    os.remove(ts_path)
    project.clear()
    for name in os.listdir(os.path.dirname(project_path)):
        if name.endswith(".aux.xml"):
            _without_statistics(os.path.join(os.path.dirname(project_path), name[:-8]))
    written = []
    base = os.path.splitext(project_path)[0]
    for code in LANGUAGES:
        if code == source_language:
            continue
        table = labels.get(code, {})
        translated = [(ctx, source, "", table.get(back_to_english.get(source, source), ""))
                      for ctx, source in messages]
        path = f"{base}_{code}.qm"
        with open(path, "wb") as handle:
            handle.write(qm_bytes(translated))
        written.append(path)
    return written


def kit_texts() -> list[str]:
    """The project's own texts beside the form's (core.field_form.all_texts): layer names, aliases, value maps."""
    from .forms import ALIASES, SOURCES

    return [*LAYER_NAMES.values(), *FIELD_ALIASES.values(), *ALIASES.values(), *SOURCES.values(),
            "Green Envoy field kit", "Official registry records"]


def kit_labels(texts: list[str]) -> dict[str, dict[str, str]]:
    """Each text in every language, through the plugin's own translations."""
    from .i18n import language

    labels = {}
    for code in LANGUAGES:
        with language(code):
            labels[code] = {text: tr(text) for text in texts}
    return labels
