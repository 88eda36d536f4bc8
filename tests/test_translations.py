"""Translations: every text the code translates has a Russian and a Kazakh translation (tools/check_translations.py,
run by `make lint`), and the plugin speaks QGIS's language, Processing included."""

import os
import shutil
import subprocess
import sys

import pytest

from .helpers import plugin_in_locale

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECK = os.path.join("tools", "check_translations.py")


def run_check(root):
    return subprocess.run([sys.executable, os.path.join(root, CHECK), "--root", root], capture_output=True,
                          text=True, check=False)


@pytest.fixture
def checkout(tmp_path):
    """A copy of what the check reads: the package, the translations and the two tools."""
    root = tmp_path / "checkout"
    shutil.copytree(os.path.join(ROOT, "green_envoy_plugin"), root / "green_envoy_plugin",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(os.path.join(ROOT, "i18n"), root / "i18n")
    (root / "tools").mkdir()
    for name in ("make_translations.py", "check_translations.py"):
        shutil.copy(os.path.join(ROOT, "tools", name), root / "tools" / name)
    # each feature's texts (tools/translations/<feature>.py), merged by make_translations
    shutil.copytree(os.path.join(ROOT, "tools", "translations"), root / "tools" / "translations",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_the_checkout_passes_the_check():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "each translated into every language" in result.stdout


def test_a_text_without_translation_fails_the_check(checkout):
    module = checkout / "green_envoy_plugin" / "processing_provider" / "tracks.py"
    planted = '\n\ndef planted():\n    return tr("Nobody translated me")\n'
    module.write_text(module.read_text(encoding="utf-8") + planted, encoding="utf-8")
    result = run_check(str(checkout))
    assert result.returncode == 1
    where = "(green_envoy_plugin/processing_provider/tracks.py:"
    assert f"untranslated (ru): 'Nobody translated me' {where}" in result.stdout
    assert "untranslated (kk): 'Nobody translated me'" in result.stdout
    assert result.stdout.count("\n") == 2  # nothing else is wrong


def test_obsolete_entries_changed_placeholders_and_stale_files_fail_the_check(checkout):
    table = checkout / "tools" / "make_translations.py"
    text = table.read_text(encoding="utf-8")
    text = text.replace('"Files rejected": ("Отклонено файлов", "Қабылданбаған файлдар"),',
                        '"Files rejected": ("Отклонено файлов", "Қабылданбаған файлдар"),\n'
                        '    "A text no code uses": ("Текст", "Мәтін"),')
    text = text.replace('("Маршрут, дни {0}–{1}"', '("Маршрут, дни {0}–{2}"')
    table.write_text(text, encoding="utf-8")
    result = run_check(str(checkout))
    assert result.returncode == 1
    out = result.stdout
    assert "i18n/green_envoy_ru.ts: not what tools/make_translations.py writes (run make translations)" in out
    subprocess.run([sys.executable, str(table)], check=True, capture_output=True)  # the .ts, not yet the .qm
    out = run_check(str(checkout)).stdout
    assert "obsolete (ru): 'A text no code uses'" in out and "obsolete (kk): 'A text no code uses'" in out
    assert "placeholders (ru): 'Route, days {0}–{1}': format fields ['{0}', '{1}'] became ['{0}', '{2}']" in out
    assert "i18n/green_envoy_ru.qm: not what lrelease compiles i18n/green_envoy_ru.ts into" in out
    assert "make_translations.py writes" not in out


def test_placeholders_of_expressions():
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    try:
        from check_translations import placeholder_problem
    finally:
        sys.path.remove(os.path.join(ROOT, "tools"))
    # A translation may add the language to a function or another field to fall back from ...
    assert placeholder_problem('[% "name" %]', '[% coalesce("name_ru", "name") %]') is None
    assert placeholder_problem('Days: [% format_number("km", 1) %] km',
                               'Дни: [% format_number("km", 1, \'ru\') %] км') is None
    # ... but not lose a field, an expression, a %1 or a {name}.
    assert "no longer names \"km\"" in placeholder_problem('[% "km" %] km', '[% "kms" %] км')
    assert "1 [% %] expression(s) became 0" in placeholder_problem('[% "days" %] days', "дни")
    assert "%N arguments" in placeholder_problem("%1 files", "файлы")
    assert "format fields" in placeholder_problem("{name} files", "{имя} файлы")
    assert "no longer names @atlas_featureid" in placeholder_problem(
        'CASE WHEN @atlas_featureid <> $id THEN "name" END', 'CASE WHEN $id > 0 THEN "name" END')


@pytest.mark.parametrize(("locale", "title", "help_start", "page_label"), [
    ("ru", "Экспорт атласа регионов (PDF)", "Экспортирует атлас посещённых регионов", "Размер и ориентация страниц"),
    ("kk", "Өңірлер атласын экспорттау (PDF)", "Экспедицияның GeoPackage файлынан барылған өңірлердің атласын",
     "Бет өлшемі мен бағдары"),
])
def test_processing_speaks_the_qgis_language(qgis_iface, locale, title, help_start, page_label):
    from qgis.core import QgsApplication

    from green_envoy_plugin.processing_provider.atlas import ExportAtlas

    with plugin_in_locale(qgis_iface, locale) as plugin:
        algorithm = QgsApplication.processingRegistry().algorithmById("greenenvoy:exportatlas")
        assert algorithm.displayName() == title
        assert algorithm.shortHelpString().startswith(help_start)
        assert algorithm.group() == {"ru": "6. Атлас", "kk": "6. Атлас"}[locale]  # its workflow group
        assert algorithm.parameterDefinition(ExportAtlas.PAGE).description() == page_label
        assert title in [a.text() for a in plugin.actions]  # the menu entry that opens its dialog
    english = ExportAtlas()
    assert english.displayName() == "Export the regional atlas (PDF)"
    assert english.shortHelpString().startswith("Exports the atlas of the visited regions")


def test_qgis_process_alone_gets_the_translation_too(qgis_iface):
    """qgis_process calls initProcessing without initGui: the algorithms are translated all the same."""
    from qgis.core import QgsApplication, QgsSettings

    import green_envoy_plugin

    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "ru")
    plugin = green_envoy_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    try:
        algorithm = QgsApplication.processingRegistry().algorithmById("greenenvoy:importfindings")
        assert algorithm.displayName() == "Импорт проблем (CSV, XLSX или слой)"
        assert algorithm.parameterDefinition("TABLE").description() == "Таблица проблем (CSV или XLSX)"
    finally:
        plugin.unload()
        settings.setValue("locale/userLocale", before)
