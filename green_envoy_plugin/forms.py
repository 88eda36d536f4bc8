"""The findings layer's attribute form in QGIS: value lists from the code lists, constraints, defaults.

Category and case type are drop-downs of the translated labels, concerns a multi-choice list, severity a
1-5 spin box; a new finding gets an id, the current time and the region under its point (recomputed when
it is moved); a finding without category or with a severity out of 1-5 cannot be saved.
"""

from __future__ import annotations

from qgis.core import QgsDefaultValue, QgsEditorWidgetSetup, QgsFieldConstraints, QgsVectorLayer

from .core.categories import CASE_TYPES, CATEGORIES
from .core.compare import MATCHES, NEAR, NOT_OFFICIAL
from .core.map_tips import photo_tag
from .i18n import tr, translatable

SOURCES = {"field": translatable("Field observation"), "residents": translatable("Residents' report"),
           "import": translatable("Imported")}
ALIASES = {
    "finding_id": translatable("Finding id"), "observed_at": translatable("Observed at"),
    "category": translatable("Category"), "case_type": translatable("Case type"),
    "severity": translatable("Severity (1-5)"), "concerns": translatable("Residents' concerns"),
    "settlement": translatable("Settlement"), "description": translatable("Description"),
    "source": translatable("Source"), "region": translatable("Region"),
    "settlement_nearest": translatable("Nearest settlement"),
    "settlement_distance_m": translatable("Distance to the settlement (m)"),
    "official_id": translatable("Nearest official record"),
    "official_distance_m": translatable("Distance to the record (m)"),
    "official_class": translatable("Official comparison"),
    "district": translatable("District"),
    "settlement_bearing": translatable("Direction from the settlement (°)"),
    "field_uid": translatable("Field form id"),
    "modified_at": translatable("Modified at"),
    "edited_by": translatable("Edited by"),
}
# The official comparison's classes (core.compare) as the form and the legend name them.
OFFICIAL_CLASSES = {MATCHES: translatable("In the official layer"), NEAR: translatable("Near an official record"),
                    NOT_OFFICIAL: translatable("Not in the official layer")}


def _value_map(codes: dict[str, str]) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup("ValueMap", {"map": [{tr(label): key} for key, label in codes.items()]})


def configure_findings_form(findings: QgsVectorLayer, code_lists: QgsVectorLayer | None = None,
                            regions: QgsVectorLayer | None = None) -> None:
    fields = findings.fields()
    for name, alias in ALIASES.items():
        if fields.indexOf(name) >= 0:
            findings.setFieldAlias(fields.indexOf(name), tr(alias))

    def setup(name: str, widget: QgsEditorWidgetSetup) -> None:
        index = fields.indexOf(name)
        if index >= 0:
            findings.setEditorWidgetSetup(index, widget)

    setup("category", _value_map({k: v[0] for k, v in CATEGORIES.items()}))
    setup("case_type", _value_map(CASE_TYPES))
    setup("source", _value_map(SOURCES))
    setup("official_class", _value_map(OFFICIAL_CLASSES))
    setup("severity", QgsEditorWidgetSetup("Range", {"Min": 1, "Max": 5, "Step": 1, "Style": "SpinBox",
                                                     "AllowNull": False}))
    # Several lines of text: a description is a paragraph, not a name.
    setup("description", QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False}))
    setup("observed_at", QgsEditorWidgetSetup("DateTime", {"calendar_popup": True, "allow_null": True,
                                                           "display_format": "yyyy-MM-dd HH:mm"}))
    if code_lists is not None:
        setup("concerns", QgsEditorWidgetSetup("ValueRelation", {
            "Layer": code_lists.id(), "Key": "key", "Value": "label", "AllowMulti": True, "AllowNull": True,
            "FilterExpression": "\"list\" = 'concerns'", "OrderByValue": True}))
    for name in ("fid", "region", "official_class", "official_id", "official_distance_m", "settlement_nearest",
                 "settlement_distance_m", "district", "settlement_bearing", "field_uid", "modified_at", "edited_by"):
        index = fields.indexOf(name)
        if index >= 0:
            config = findings.editFormConfig()
            config.setReadOnly(index, True)  # computed by the plugin's steps, not typed
            findings.setEditFormConfig(config)

    category = fields.indexOf("category")
    hard = QgsFieldConstraints.ConstraintStrengthHard
    findings.setFieldConstraint(category, QgsFieldConstraints.ConstraintNotNull, hard)
    severity = fields.indexOf("severity")
    findings.setConstraintExpression(severity, '"severity" >= 1 AND "severity" <= 5',  # no BETWEEN in 3.22
                                     tr("Severity is 1 (minor) to 5 (critical)"))
    findings.setFieldConstraint(severity, QgsFieldConstraints.ConstraintExpression, hard)
    findings.setDefaultValueDefinition(fields.indexOf("finding_id"), QgsDefaultValue("'F-' || substr(uuid(), 2, 8)"))
    findings.setDefaultValueDefinition(fields.indexOf("observed_at"), QgsDefaultValue("now()"))
    findings.setDefaultValueDefinition(fields.indexOf("source"), QgsDefaultValue("'field'"))
    findings.setDefaultValueDefinition(fields.indexOf("severity"), QgsDefaultValue("3"))
    if regions is not None:
        # The region under the point, again whenever the point moves.
        findings.setDefaultValueDefinition(fields.indexOf("region"), QgsDefaultValue(
            f"array_first(overlay_within('{regions.id()}', \"name\"))", True))
    # When and by whom a finding was last changed, on every save: a field return (steps/field_import.py) then never
    # writes an older phone version over a newer desktop edit.
    for name, expression in (("modified_at", "now()"), ("edited_by", "coalesce(@user_full_name, @user_account_name)")):
        if fields.indexOf(name) >= 0:
            findings.setDefaultValueDefinition(fields.indexOf(name), QgsDefaultValue(expression, True))


def findings_map_tip(findings: QgsVectorLayer, media: QgsVectorLayer | None = None) -> None:
    """Hovering a finding shows its id, category, severity, description and the thumbnail of a photo linked
    to it (stored in the GeoPackage: no original file needed; else the original photo, core/map_tips.py), unless
    the user wrote a map tip of their own."""
    current = findings.mapTipTemplate()
    if current and findings.customProperty("green_envoy/map_tip") != current:
        return
    photo = ""
    if media is not None:
        def field(name: str) -> str:  # of the first medium linked to the finding
            return f"attribute(get_feature('{media.id()}', 'finding_id', \"finding_id\"), '{name}')"

        photo = ("[% '<br>' || " + photo_tag(field("thumbnail"), field("kind"), field("media_folder"), field("path"),
                                            240) + " %]")
    tip = ('<div style="font-family: sans-serif; max-width: 260px">'
           '<b>[% "finding_id" %]</b> · [% represent_value("category") %] · '
           + tr("Severity") + ': [% "severity" %]<br>[% "region" %]'
           '[% CASE WHEN "description" IS NOT NULL THEN \'<br>\' || "description" END %]' + photo + "</div>")
    findings.setMapTipTemplate(tip)
    findings.setCustomProperty("green_envoy/map_tip", tip)
    findings.setDisplayExpression('"finding_id"')
