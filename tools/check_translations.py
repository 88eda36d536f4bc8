"""Checks the translations (run by `make lint`); exits 1 listing every problem:

  untranslated  a text the code translates (tr("..."), translate(context, "..."), or translatable("...") for
                text that reaches tr() through a variable) without a Russian or Kazakh translation in i18n/*.ts
  obsolete      a .ts entry for a text no code uses any more
  placeholders  a translation whose placeholders differ from its source: {0} {name} %1 must be the same; each
                [% ... %] expression must still be there and name the same fields and variables (a translation
                may add arguments, such as the language of format_date, or a field, such as name_ru)
  stale .ts     a .ts that is not what tools/make_translations.py writes from its table (run `make translations`)
  stale .qm     a .qm missing or different from what lrelease compiles its .ts into (compiled into a temporary
                file and compared byte for byte; file times are not compared, as git does not keep them)

Usage: tools/check_translations.py [--root DIR] [--lrelease PATH]; DIR is the checkout (default: this one).
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from types import ModuleType

TOOLS = os.path.dirname(os.path.abspath(__file__))
LRELEASE = "/usr/lib/qt5/bin/lrelease"
CONTEXT = "GreenEnvoy"
# Calls whose literal argument is a text to translate: tr("...") (the plugin's i18n.tr, or an algorithm's self.tr),
# translatable("..."), QCoreApplication.translate("GreenEnvoy", "...").
MARKERS = {"tr", "translatable", "translate"}


@dataclass(frozen=True)
class Use:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def source_texts(package: str) -> dict[str, list[Use]]:
    """Every literal text the package's code translates, with where it does."""
    texts: dict[str, list[Use]] = {}
    base = os.path.dirname(package)
    for folder, folders, files in os.walk(package):
        folders.sort()
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                tree = ast.parse(handle.read(), path)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                text = _marked_text(node)
                if text is not None:
                    texts.setdefault(text, []).append(Use(os.path.relpath(path, base), node.lineno))
    return texts


def _marked_text(node: ast.Call) -> str | None:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name not in MARKERS or not node.args:
        return None
    if name == "translate" and len(node.args) > 1:  # QCoreApplication.translate(context, text)
        context = node.args[0]
        if isinstance(context, ast.Constant) and context.value != CONTEXT:
            return None  # another context (QGIS's own): not ours to translate
        argument = node.args[1]
    else:  # tr(text), translatable(text), and i18n.tr imported as translate
        argument = node.args[0]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return argument.value
    return None


def read_ts(path: str) -> dict[str, tuple[str, str]]:
    """source -> (translation, its type: '' when finished, else unfinished / obsolete / vanished)."""
    entries = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            kind = "" if translation is None else translation.get("type", "")
            entries[message.findtext("source") or ""] = (text, kind)
    return entries


FORMAT_FIELD = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")  # {0} {1:.1f} {name}, not {{ }}
QT_ARG = re.compile(r"%L?\d+")  # %1 %L2
EXPRESSION = re.compile(r"\[%(.*?)%\]", re.S)
FIELD_OR_VARIABLE = re.compile(r'"[^"]+"|@\w+|\$\w+')


def placeholder_problem(source: str, translation: str) -> str | None:
    """What differs between the placeholders of a text and of its translation, or None."""
    for what, pattern in (("format fields", FORMAT_FIELD), ("%N arguments", QT_ARG)):
        if sorted(pattern.findall(source)) != sorted(pattern.findall(translation)):
            return f"{what} {sorted(pattern.findall(source))} became {sorted(pattern.findall(translation))}"
    source_expressions = EXPRESSION.findall(source)
    translated_expressions = EXPRESSION.findall(translation)
    if len(source_expressions) != len(translated_expressions):
        return f"{len(source_expressions)} [% %] expression(s) became {len(translated_expressions)}"
    if not source_expressions and FIELD_OR_VARIABLE.search(source) and source.lstrip().upper().startswith("CASE"):
        source_expressions, translated_expressions = [source], [translation]  # a whole expression
    for original, translated in zip(source_expressions, translated_expressions):
        lost = set(FIELD_OR_VARIABLE.findall(original)) - set(FIELD_OR_VARIABLE.findall(translated))
        if lost:
            return f"the expression no longer names {', '.join(sorted(lost))}"
    return None


def compiled_qm(ts_path: str, lrelease: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="green_envoy_qm_") as folder:
        target = os.path.join(folder, "check.qm")
        subprocess.run([lrelease, "-silent", ts_path, "-qm", target], check=True, capture_output=True)
        with open(target, "rb") as handle:
            return handle.read()


def _load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"make_translations_{abs(hash(path))}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(root: str, lrelease: str = LRELEASE) -> list[str]:
    table = _load(os.path.join(root, "tools", "make_translations.py"))  # the checkout's own, with its languages
    TRANSLATED, render_ts = table.TRANSLATED, table.render_ts  # noqa: N806
    texts = source_texts(os.path.join(root, "green_envoy_plugin"))
    problems = []
    for language in TRANSLATED:
        ts_path = os.path.join(root, "i18n", f"green_envoy_{language}.ts")
        ts_name = os.path.relpath(ts_path, root)
        if not os.path.isfile(ts_path):
            problems.append(f"{ts_name}: missing (run make translations)")
            continue
        entries = read_ts(ts_path)
        for text, uses in texts.items():
            translation, kind = entries.get(text, ("", "missing"))
            if not translation or kind:
                problems.append(f"untranslated ({language}): {text!r} ({uses[0]})")
        for text, (translation, kind) in entries.items():
            if text not in texts or kind in ("obsolete", "vanished"):
                problems.append(f"obsolete ({language}): {text!r} ({ts_name}: no code translates it)")
            elif translation:
                wrong = placeholder_problem(text, translation)
                if wrong:
                    problems.append(f"placeholders ({language}): {text!r}: {wrong}")
        with open(ts_path, encoding="utf-8") as handle:
            if handle.read() != render_ts(language):
                problems.append(f"{ts_name}: not what tools/make_translations.py writes (run make translations)")
        qm_path = ts_path[:-3] + ".qm"
        qm_name = os.path.relpath(qm_path, root)
        if not os.path.isfile(qm_path):
            problems.append(f"{qm_name}: missing (run make translations)")
            continue
        with open(qm_path, "rb") as handle:
            if handle.read() != compiled_qm(ts_path, lrelease):
                problems.append(f"{qm_name}: not what lrelease compiles {ts_name} into (run make translations)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=os.path.dirname(TOOLS), help="the checkout to check")
    parser.add_argument("--lrelease", default=LRELEASE)
    args = parser.parse_args(argv)
    problems = check(os.path.abspath(args.root), args.lrelease)
    for problem in problems:
        print(problem)
    if problems:
        print(f"translations: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    texts = source_texts(os.path.join(os.path.abspath(args.root), "green_envoy_plugin"))
    print(f"translations: {len(texts)} texts, each translated into every language; .ts and .qm up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
