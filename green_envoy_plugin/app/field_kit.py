"""The field kit as every entry point makes it (CLI, Processing, panel): the kit's files (steps/field_kit.py),
then its QGIS project and translations (field_project.py), in the language asked for. Needs a running QGIS."""

from __future__ import annotations

import os
import shutil

from ..core.field_form import all_texts
from ..core.languages import LANGUAGES, SOURCE_LANGUAGE
from ..errors import StepError
from ..steps.feedback import Feedback, SilentFeedback
from ..steps.field_kit import KitFiles, prepare_kit


def official_label(path: str, label: str = "") -> str:
    """The official layer's name as the kit shows it; a synthetic stand-in says so (its file name does)."""
    if label:
        return label
    name = os.path.splitext(os.path.basename(path))[0]
    return f"{name} (SYNTHETIC sample)" if "synthetic" in name.lower() and "SYNTHETIC" not in name else name


def _remove(out_dir: str, existed: bool) -> None:
    if not existed:
        shutil.rmtree(out_dir, ignore_errors=True)


def build_field_kit(gpkg_path: str, out_dir: str, language: str = SOURCE_LANGUAGE, regions: list[str] | None = None,
                    settlements: str = "", official: str = "", label: str = "", basemap: str = "",
                    feedback: Feedback | None = None) -> tuple[KitFiles, str, list[str]]:
    """The kit folder; returns its files, the project's path and its translation files."""
    from ..field_project import kit_labels, kit_texts, write_project, write_translations

    feedback = feedback or SilentFeedback()
    if language not in LANGUAGES:
        raise StepError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    labels = kit_labels(all_texts() + kit_texts())
    shown = official_label(official, label) if official else ""
    existed = os.path.exists(out_dir)
    try:
        kit = prepare_kit(gpkg_path, out_dir, regions, settlements, official, shown, basemap, labels, language)
        feedback.setProgress(60)
        from ..i18n import language as speaking

        with speaking(language):
            project = write_project(kit, language, shown)
        translations = write_translations(project, language, labels)
    except RuntimeError as exc:
        _remove(out_dir, existed)
        raise StepError(str(exc)) from None
    except BaseException:
        _remove(out_dir, existed)  # half a kit would open on a phone as if whole
        raise
    feedback.setProgress(100)
    counts = ", ".join(f"{name} {n}" for name, n in kit.layers.items())
    feedback.pushInfo(f"Field kit in {out_dir}: {os.path.basename(project)} ({counts}), "
                      f"{', '.join(os.path.basename(t) for t in translations)}, {os.path.basename(kit.xlsform)}"
                      + (f", basemap {os.path.basename(kit.basemap)}" if kit.basemap else ""))
    return kit, project, translations
