"""The findings form the envoys fill in on their phones, defined once: the field kit's GeoPackage and QGIS form
(QField, Mergin Maps) and its XLSForm (ODK Collect, KoboToolbox) are made from it, and the returns of all four
apps are read back through it.

Only what a phone can fill is here: region, nearest settlement and the official comparison are computed on the
desktop after the import. `modified_at` and `edited_by` say when and by whom a finding was last changed: the
field import updates a finding only with a newer change than the store's (steps/field_import.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .categories import CASE_TYPES, CATEGORIES, CONCERNS
from .languages import translatable

KIT_TABLE = "findings"
PHOTO_FOLDER = "DCIM"  # where QField and Mergin Maps put a captured photo, relative to the project
FORM_ID = "green_envoy_findings"
FORM_VERSION = "1"
# XLSForm's column suffix of each language: `label::English (en)` (ODK's documented form)
XLSFORM_LANGUAGES = {"en": "English (en)", "ru": "Russian (ru)", "kk": "Kazakh (kk)"}

SOURCES = {"field": translatable("Field observation"), "residents": translatable("Residents' report")}
SEVERITY_CONSTRAINT = translatable("Severity is 1 (minor) to 5 (critical)")
POSITION_LABEL = translatable("Position of the finding")
PHOTO_LABEL = translatable("Photo")
FORM_TITLE = translatable("Green Envoy: environmental finding")


@dataclass(frozen=True)
class FormField:
    name: str
    kind: str  # string, datetime, integer
    label: str
    choices: str = ""  # the choice list's name (list_name in XLSForm), when the field is chosen from one


FIELDS: tuple[FormField, ...] = (
    FormField("finding_id", "string", translatable("Finding id")),
    FormField("observed_at", "datetime", translatable("Observed at")),
    FormField("category", "string", translatable("Category"), "category"),
    FormField("case_type", "string", translatable("Case type"), "case_type"),
    FormField("severity", "integer", translatable("Severity (1-5)")),
    FormField("concerns", "string", translatable("Residents' concerns"), "concerns"),
    FormField("settlement", "string", translatable("Settlement")),
    FormField("description", "string", translatable("Description")),
    FormField("source", "string", translatable("Source"), "source"),
    FormField("photo", "string", PHOTO_LABEL),
    FormField("modified_at", "datetime", translatable("Last changed")),
    FormField("edited_by", "string", translatable("Changed by")),
)


def choice_lists() -> dict[str, dict[str, str]]:
    """list name -> {key: English label}, in the desktop form's order."""
    return {
        "category": {k: v[0] for k, v in CATEGORIES.items()},
        "case_type": dict(CASE_TYPES),
        "concerns": dict(CONCERNS),
        "source": dict(SOURCES),
    }


def all_texts() -> list[str]:
    """Every English text of the form (what the kit's translations and the XLSForm's labels need)."""
    texts = [f.label for f in FIELDS] + [SEVERITY_CONSTRAINT, POSITION_LABEL, FORM_TITLE]
    for codes in choice_lists().values():
        texts.extend(codes.values())
    return list(dict.fromkeys(texts))


def xlsform_sheets(labels: dict[str, dict[str, str]]) -> dict[str, list[list[str]]]:
    """The XLSForm's sheets (survey, choices, settings) as rows of cells. `labels` gives, per language code of
    XLSFORM_LANGUAGES, the translation of each English text (missing ones stay English)."""
    codes = list(XLSFORM_LANGUAGES)

    def label(text: str) -> list[str]:
        return [labels.get(code, {}).get(text, text) or text for code in codes]

    label_columns = [f"label::{XLSFORM_LANGUAGES[c]}" for c in codes]
    constraint_columns = [f"constraint_message::{XLSFORM_LANGUAGES[c]}" for c in codes]
    head = ["type", "name", *label_columns, "required", "constraint", *constraint_columns, "default",
            "appearance", "calculation", "parameters"]
    by_name = {f.name: f for f in FIELDS}
    blank = [""] * len(codes)

    def row(kind: str, name: str, text: str, required: str = "", constraint: str = "", message: str = "",
            default: str = "", appearance: str = "", calculation: str = "", parameters: str = "") -> list[str]:
        return [kind, name, *(label(text) if text else blank), required, constraint,
                *(label(message) if message else blank), default, appearance, calculation, parameters]

    survey = [
        head,
        row("start", "start", ""),
        row("end", "end", ""),  # when the form was last saved: the finding's modified_at
        row("username", "username", ""),
        row("calculate", "finding_id", "", calculation="once(uuid())"),
        row("geopoint", "location", POSITION_LABEL, required="yes"),
        row("dateTime", "observed_at", by_name["observed_at"].label, required="yes", default="now()"),
        row("select_one category", "category", by_name["category"].label, required="yes"),
        row("select_one case_type", "case_type", by_name["case_type"].label, default="other"),
        row("integer", "severity", by_name["severity"].label, required="yes", constraint=". >= 1 and . <= 5",
            message=SEVERITY_CONSTRAINT, default="3"),
        row("select_multiple concerns", "concerns", by_name["concerns"].label),
        row("text", "settlement", by_name["settlement"].label),
        row("text", "description", by_name["description"].label, appearance="multiline"),
        row("select_one source", "source", by_name["source"].label, default="field"),
        row("image", "photo", PHOTO_LABEL, parameters="max-pixels=2048"),  # a photo, not 12 MP over mobile data
    ]
    choices = [["list_name", "name", *label_columns]]
    for list_name, options in choice_lists().items():
        choices.extend([list_name, key, *label(text)] for key, text in options.items())
    settings = [["form_title", "form_id", "version", "default_language"],
                [FORM_TITLE, FORM_ID, FORM_VERSION, XLSFORM_LANGUAGES["en"]]]
    return {"survey": survey, "choices": choices, "settings": settings}
