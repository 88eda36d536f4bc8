#!/usr/bin/env python3
"""Qt6 / QGIS 4 readiness scan: every Qt name the code uses, checked against PyQt6.

    .venv/bin/python tools/qt6_scan.py [PATH ...]      # default: green_envoy_plugin/ tools/ tests/ bench/

The scan reads the code with `ast` (it imports none of it) and collects

- every name imported from `qgis.PyQt.<Module>` (`from qgis.PyQt.QtCore import Qt as _Qt`, `from qgis.PyQt import
  QtCore`, `import qgis.PyQt.QtCore as QtC`, `import qgis.PyQt.QtCore`) and every attribute chain hanging off such a
  name or module: `Qt.AlignLeft`, `_Qt.AlignmentFlag.AlignLeft`, `QtC.QIODevice.WriteOnly`, `getattr(Qt, "white")`,
  a name assigned from a chain (`Align = Qt.AlignmentFlag; Align.AlignLeft`);
- the chains through objects of Qt classes: `self.Accepted` or `self.exec_` in a subclass of QDialog,
  `painter.Antialiasing` where `painter = QPainter(...)`, `self.image.X` where `self.image` is only ever a `QLabel(...)`
  (a name assigned anything else too is not followed);
- imports straight from PyQt5/PyQt6/PySide*/sip (an error of its own: the plugin goes through `qgis.PyQt`, which QGIS 4
  points at PyQt6), star imports from Qt modules, and `exec_`/`print_` on any object (PyQt6: `exec()`, `print()`).

Each chain is resolved with getattr against PyQt6 in a process of its own, as QGIS 4's `qgis.PyQt` presents it
(QtWidgets re-exports QtGui's QAction, QActionGroup and QShortcut; QtCore adds the QVariant type names and NULL).
Every chain is also resolved against what QGIS 3 runs (`qgis.PyQt`, i.e. PyQt5 5.15) in another process: PyQt5 and
PyQt6 never load into one process, and this one loads neither. A chain PyQt6 lacks and PyQt5 has is a PyQt5-only
name; the scan looks for its Qt6 spelling (the enum class of the same class or module that holds the member, the
module a class moved to, a known rename) and says whether that spelling works on PyQt5 too. A chain PyQt6 has and
QGIS 3 lacks (`from qgis.PyQt.QtGui import QAction`) is reported too: it would break the plugin on QGIS 3.

Exit status 1 when anything is found, 0 when clean, 2 when PyQt6 cannot be imported (install it into the dev venv:
`.venv/bin/pip install -c constraints.txt PyQt6==6.11.0`).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = ("green_envoy_plugin", "tools", "tests", "bench")
PYQT6_PIN = "6.11.0"

# Bindings that must not be imported directly: the plugin goes through qgis.PyQt (PyQt5 in QGIS 3, PyQt6 in QGIS 4).
DIRECT_ROOTS = ("PyQt4", "PyQt5", "PyQt6", "PySide", "PySide2", "PySide6", "sip")
# Methods renamed in PyQt6, whatever object they are called on.
RENAMED_METHODS = {"exec_": "exec", "print_": "print"}

# What QGIS 4's qgis.PyQt modules add on top of PyQt6 (python/PyQt/PyQt/Qt*.py.in in QGIS): names a Qt5-era import
# may keep using. QtWidgets re-exports QtGui's QAction, QActionGroup and QShortcut (QGIS 3's qgis.PyQt.QtGui does not
# have them, so `from qgis.PyQt.QtWidgets import QAction` is the spelling that works on both).
QGIS_QT6_REEXPORTS = {("QtWidgets", "QAction"): "QtGui", ("QtWidgets", "QActionGroup"): "QtGui",
                      ("QtWidgets", "QShortcut"): "QtGui"}
QGIS_QT6_EXTRA = {
    ("QtCore", "NULL"),
    *{("QtCore", "QVariant", name) for name in (
        "Invalid Bool Int UInt LongLong ULongLong Double Char Map List String StringList ByteArray BitArray Date "
        "Time DateTime Url Locale Rect RectF Size SizeF Line LineF Point PointF RegularExpression Hash EasingCurve "
        "Uuid ModelIndex PersistentModelIndex LastCoreType Font Pixmap Brush Color Palette Image Polygon Region "
        "Bitmap Cursor KeySequence Pen TextLength TextFormat Transform Matrix4x4 Vector2D Vector3D Vector4D "
        "Quaternion PolygonF Icon SizePolicy UserType").split()},
}
# Removed in Qt6 with a replacement that is not found by looking the name up elsewhere.
REMOVED = {
    "QRegExp": "qgis.PyQt.QtCore.QRegularExpression",
    "QRegExpValidator": "qgis.PyQt.QtGui.QRegularExpressionValidator",
    "QDesktopWidget": "qgis.PyQt.QtGui.QScreen (QGuiApplication.primaryScreen() / screens())",
    "QMatrix": "qgis.PyQt.QtGui.QTransform",
    "QGLWidget": "QOpenGLWidget",
    "qApp": "qgis.PyQt.QtWidgets.QApplication.instance()",
    "QTextCodec": "Python's str.encode / bytes.decode",
}
REMOVED_MODULES = {"Qt": "import from qgis.PyQt.QtCore, QtGui, QtWidgets, ... by name",
                   "QtWebKit": "qgis.PyQt.QtWebEngineWidgets (QGIS 4) or QgsWebView",
                   "QtWebKitWidgets": "qgis.PyQt.QtWebEngineWidgets (QGIS 4) or QgsWebView"}
RENAMED_MEMBERS = {
    ("Qt", "MidButton"): ("MouseButton", "MiddleButton"),
    ("Qt", "TextColorRole"): ("ItemDataRole", "ForegroundRole"),
    ("Qt", "BackgroundColorRole"): ("ItemDataRole", "BackgroundRole"),
    ("QPainter", "HighQualityAntialiasing"): ("RenderHint", "Antialiasing"),
}
RENAMED_ATTRS = {"exec_": "exec", "print_": "print", "width": "horizontalAdvance"}
FLAGS_RENAMES = {"WindowFlags": "WindowType", "FormattingOptions": "UrlFormattingOption",
                 "CacheMode": "CacheModeFlag", "Result": "ResultFlag", "State": "StateFlag"}
SEARCH_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg", "QtSvgWidgets", "QtXml", "QtNetwork",
                  "QtSql", "QtTest", "QtOpenGL", "QtOpenGLWidgets", "QtMultimedia", "QtPositioning")


@dataclass
class Use:
    """One Qt name in the code: `module` is the Qt module (QtCore, ...), `chain` the names after it."""

    path: str
    line: int
    module: str
    chain: tuple[str, ...]
    lead: tuple[str, ...] = ()  # the written names (alias, module path) that stand for chain[:plen]
    plen: int = 0
    at_import: bool = False  # the name of a `from qgis.PyQt.X import name`
    source: str = ""  # at an import: the module path as written (qgis.PyQt.QtCore, PyQt5.QtCore)
    instance: bool = False  # through an object of a Qt class (self in a subclass, a variable made by QImage(...)):
    # a Qt name only if PyQt5 resolves it (otherwise the object's own attribute)


@dataclass
class Finding:
    path: str
    line: int
    kind: str
    message: str


@dataclass
class FileScan:
    uses: list[Use] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def qt_module_of(dotted: str) -> tuple[str, str] | None:
    """('qgis.PyQt' | 'PyQt5' | ..., rest) for an import path that names Qt, else None."""
    if dotted == "qgis.PyQt" or dotted.startswith("qgis.PyQt."):
        return "qgis.PyQt", dotted[len("qgis.PyQt."):] if dotted != "qgis.PyQt" else ""
    root = dotted.split(".", maxsplit=1)[0]
    if root in DIRECT_ROOTS:
        return root, dotted[len(root) + 1:]
    return None


class Scanner(ast.NodeVisitor):
    def __init__(self, path: str, tree: ast.AST):
        self.path = path
        self.out = FileScan()
        self.bind: dict[str, tuple[str, tuple[str, ...]]] = {}  # local name -> (Qt module, chain)
        self.qgis_root = False  # `import qgis.PyQt.QtCore`: qgis.PyQt.QtCore.Qt... chains
        self.classes: list[tuple[tuple[str, tuple[str, ...]] | None, set[str], dict]] = []
        self.scopes: list[tuple[set[str], dict]] = []  # per function: (names stored, names typed by a Qt class)
        self._imports(tree)
        self._assignments(tree)
        self.scopes.append(self._typed(tree))

    # -- bindings ---------------------------------------------------------------------------------------------------
    def _direct(self, node, dotted: str, root: str):
        if root == "sip":
            hint = "from qgis.PyQt import sip"
        else:
            hint = "import from qgis.PyQt" + ("." + dotted.split(".", 1)[1] if "." in dotted else "")
        self.out.findings.append(Finding(self.path, node.lineno, "direct import",
                                         f"{dotted} imported directly -> {hint}"))

    def _imports(self, tree):
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found = qt_module_of(alias.name)
                    if not found:
                        continue
                    root, rest = found
                    if root != "qgis.PyQt":
                        self._direct(node, alias.name, root)
                    if root == "qgis.PyQt" and not alias.asname:
                        self.qgis_root = True  # qgis.PyQt.QtCore.Qt.AlignLeft
                    if root == "sip" or not rest:
                        continue
                    module = rest.split(".")[0]
                    if alias.asname:
                        self.bind[alias.asname] = (module, tuple(rest.split(".")[1:]))
                    elif root != "qgis.PyQt":
                        self.bind.setdefault(root, ("", ()))  # PyQt5.QtCore.Qt...: handled in _chain
                    self.out.uses.append(Use(self.path, node.lineno, module, (), at_import=True,
                                             source=alias.name))
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found = qt_module_of(node.module)
                if not found:
                    continue
                root, rest = found
                if root != "qgis.PyQt":
                    self._direct(node, node.module, root)
                if root == "sip":
                    continue
                for alias in node.names:
                    local = alias.asname or alias.name
                    if not rest:  # from qgis.PyQt import QtCore [as X]
                        if alias.name == "sip":
                            continue
                        self.bind[local] = (alias.name, ())
                        self.out.uses.append(Use(self.path, node.lineno, alias.name, (), at_import=True,
                                                 source=node.module))
                        continue
                    module = rest.split(".")[0]
                    if alias.name == "*":
                        self.out.findings.append(Finding(self.path, node.lineno, "star import",
                                                         f"from {node.module} import * hides which Qt names are "
                                                         "used; import them by name"))
                        continue
                    inner = tuple(rest.split(".")[1:])
                    self.bind[local] = (module, (*inner, alias.name))
                    self.out.uses.append(Use(self.path, node.lineno, module, (*inner, alias.name), at_import=True,
                                             source=node.module))

    def _assignments(self, tree):
        """`Align = Qt.AlignmentFlag` (or `QtC = QtCore`): the new name is followed like the original."""
        for _ in range(3):
            changed = False
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    target, value = node.targets[0].id, node.value
                elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
                    target, value = node.target.id, node.value
                else:
                    continue
                chain = self._chain(value)
                if chain and target not in self.bind:
                    self.bind[target] = (chain[0], chain[1])
                    changed = True
            if not changed:
                break

    # -- chains -----------------------------------------------------------------------------------------------------
    def _chain(self, node) -> tuple[str, tuple[str, ...], tuple[str, ...], int] | None:
        """(module, chain, lead, plen) when node is a Name/Attribute chain rooted at a Qt binding: the names
        `lead` as written stand for chain[:plen]."""
        attrs = []
        while isinstance(node, ast.Attribute):
            attrs.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        attrs.reverse()
        name = node.id
        if name == "qgis" and self.qgis_root and attrs[:1] == ["PyQt"] and len(attrs) >= 2:
            return attrs[1], tuple(attrs[2:]), (name, *attrs[:2]), 0
        if name in DIRECT_ROOTS and name in self.bind and self.bind[name][0] == "" and attrs:
            return attrs[0], tuple(attrs[1:]), (name, attrs[0]), 0
        if name in self.bind and self.bind[name][0]:
            module, prefix = self.bind[name]  # _Qt.AlignLeft: (Qt, AlignLeft), _Qt standing for (Qt,)
            return module, (*prefix, *attrs), (name,), len(prefix)
        return self._instance_chain(name, attrs) if attrs and self.scopes else None

    # -- objects of Qt classes --------------------------------------------------------------------------------------
    def _instance_chain(self, name, attrs):
        """painter.Antialiasing where painter = QPainter(...); self.X in a subclass of QDialog; self.image.X where
        every assignment of self.image is a QLabel(...): the chain through the class."""
        if name == "self" and self.classes:
            base, own, typed = self.classes[-1]
            if attrs[0] in typed:
                module, cls = typed[attrs[0]]
                return module, (*cls, *attrs[1:]), ("self", attrs[0]), len(cls)
            if base and attrs[0] not in own:
                return base[0], (*base[1], *attrs), ("self",), len(base[1])
            return None
        for stored, typed in reversed(self.scopes):
            if name in stored:
                if name in typed:
                    module, cls = typed[name]
                    return module, (*cls, *attrs), (name,), len(cls)
                return None
        return None

    def _qt_class(self, value):
        """(module, class chain) when value is a Qt class's constructor call: QImage(...), QtGui.QImage(...)."""
        if not isinstance(value, ast.Call):
            return None
        scopes, self.scopes = self.scopes, []  # only names bound to Qt, not other objects
        chain = self._chain(value.func)
        self.scopes = scopes
        if chain and chain[1] and chain[1][-1][:1] == "Q" and chain[1][-1][1:2].isupper():
            return chain[0], chain[1]
        return None

    @staticmethod
    def _own_nodes(node):
        """The nodes of one scope: not into nested functions, lambdas and classes."""
        todo = list(ast.iter_child_nodes(node))
        while todo:
            n = todo.pop()
            yield n
            if not isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
                todo.extend(ast.iter_child_nodes(n))

    def _typed(self, scope):
        """(names stored in the scope, {name: (module, class)} for those only ever assigned a Qt constructor)."""
        params = set()
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            a = scope.args
            params = {x.arg for x in (*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg) if x}
        nodes = list(self._own_nodes(scope))
        made = {}  # id(target Name) -> the Qt class assigned to it
        for n in nodes:
            if isinstance(n, ast.Assign | ast.AnnAssign) and n.value is not None:
                cls = self._qt_class(n.value)
                for t in n.targets if isinstance(n, ast.Assign) else [n.target]:
                    if isinstance(t, ast.Name) and cls:
                        made[id(t)] = cls
        kinds: dict[str, set] = {}
        for n in nodes:
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store | ast.Del):
                kinds.setdefault(n.id, set()).add(made.get(id(n)))
            elif isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                kinds.setdefault(n.name, set()).add(None)
            elif isinstance(n, ast.Import | ast.ImportFrom):
                for alias in n.names:
                    kinds.setdefault((alias.asname or alias.name).split(".")[0], set()).add(None)
        stored = params | set(kinds)
        typed = {name: next(iter(ks)) for name, ks in kinds.items()
                 if name not in params and len(ks) == 1 and None not in ks}
        return stored, typed

    def _use(self, node, chain):
        module, names, lead, plen = chain
        if names:  # a bare module alias (QtCore) is checked at its import
            instance = bool(lead) and (lead[0] == "self" or lead[0] not in self.bind) and not (
                lead[0] == "qgis" or lead[0] in DIRECT_ROOTS)
            self.out.uses.append(Use(self.path, node.lineno, module, names, lead, plen, instance=instance))

    def visit_Attribute(self, node):
        if isinstance(node.ctx, ast.Store | ast.Del):  # self.image = QLabel(): a name being set, not used
            self.generic_visit(node)
            return
        chain = self._chain(node)
        if chain:  # QDialog.exec_ or dialog.exec_ (dialog = QDialog()): the resolver says exec_ -> exec
            self._use(node, chain)
            return  # the whole chain is one name; its inner Attributes are not names of their own
        if node.attr in RENAMED_METHODS:  # on an object of unknown class
            self.out.findings.append(Finding(self.path, node.lineno, "renamed method",
                                             f".{node.attr}( -> .{RENAMED_METHODS[node.attr]}( (PyQt6 has no "
                                             f"{node.attr})"))
        self.generic_visit(node)

    def visit_Call(self, node):
        # getattr(Qt, "AlignLeft") is a Qt name as much as Qt.AlignLeft
        if (isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr") and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
            chain = self._chain(node.args[0])
            if chain:
                module, names, lead, plen = chain
                self._use(node, (module, (*names, node.args[1].value), lead, plen))
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        if node.name in RENAMED_METHODS:
            self.out.findings.append(Finding(self.path, node.lineno, "renamed method",
                                             f"def {node.name} -> def {RENAMED_METHODS[node.name]}"))
        self.scopes.append(self._typed(node))
        self.generic_visit(node)
        self.scopes.pop()

    def visit_AsyncFunctionDef(self, node):
        self.visit_FunctionDef(node)

    def visit_Lambda(self, node):
        self.scopes.append(self._typed(node))
        self.generic_visit(node)
        self.scopes.pop()

    def visit_ClassDef(self, node):
        base = None
        scopes, self.scopes = self.scopes, []  # a base is a Qt class, not an object
        for b in node.bases:
            chain = self._chain(b)
            if chain and chain[1]:
                base = (chain[0], chain[1])
                break
        self.scopes = scopes
        own = {n.name for n in node.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)}
        own |= {t.id for n in node.body if isinstance(n, ast.Assign | ast.AnnAssign)
                for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
        made = {}  # id(self.<attr> target) -> the Qt class assigned to it
        for n in ast.walk(node):
            if isinstance(n, ast.Assign | ast.AnnAssign) and n.value is not None:
                cls = self._qt_class(n.value)
                for t in n.targets if isinstance(n, ast.Assign) else [n.target]:
                    if cls:
                        made[id(t)] = cls
        kinds: dict[str, set] = {}  # self.<attr> -> the Qt classes assigned to it (None: something else)
        for n in ast.walk(node):
            if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store | ast.Del) \
                    and isinstance(n.value, ast.Name) and n.value.id == "self":
                own.add(n.attr)
                kinds.setdefault(n.attr, set()).add(made.get(id(n)))
        typed = {a: next(iter(ks)) for a, ks in kinds.items() if len(ks) == 1 and None not in ks}
        self.classes.append((base, own, typed))
        self.generic_visit(node)
        self.classes.pop()


def scan_file(path: Path, rel: str) -> FileScan:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    except SyntaxError as err:
        out = FileScan()
        out.findings.append(Finding(rel, err.lineno or 0, "syntax error", str(err)))
        return out
    scanner = Scanner(rel, tree)
    scanner.visit(tree)
    return scanner.out


def python_files(paths: list[str]) -> list[tuple[Path, str]]:
    files = []
    for p in paths:
        path = Path(p)
        if not path.is_absolute():
            path = (Path.cwd() / path) if path.exists() else ROOT / path
        items = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in items:
            if any(part in ("__pycache__", ".venv", "build") for part in f.parts):
                continue
            try:
                rel = str(f.resolve().relative_to(ROOT))
            except ValueError:
                rel = str(f)
            files.append((f, rel))
    return files


# -- resolving, in a process of its own -----------------------------------------------------------------------------
def _worker(flavour: str):
    """Read [[module, [names]], ...] from stdin; write one result per chain to stdout."""
    import enum
    import importlib

    chains = json.load(sys.stdin)
    modules: dict[str, object] = {}

    def module(name):
        if name not in modules:
            modules[name] = None
            candidates = [f"PyQt6.{name}"] if flavour == "pyqt6" else [f"qgis.PyQt.{name}", f"PyQt5.{name}"]
            for candidate in candidates:
                try:
                    modules[name] = importlib.import_module(candidate)
                    break
                except ImportError:
                    continue
        return modules[name]

    def first(mod_name, name):
        """The module's name, with what QGIS 4's qgis.PyQt adds to PyQt6."""
        if flavour == "pyqt6":
            source = QGIS_QT6_REEXPORTS.get((mod_name, name))
            if source and module(source) is not None:
                return getattr(module(source), name), "shim"
        return getattr(module(mod_name), name), None

    def resolve(mod_name, names):
        """(index of the first name that does not resolve or None, the last object resolved, via shim)"""
        if module(mod_name) is None:
            return -1, None, None
        obj, via = module(mod_name), None
        for i, name in enumerate(names):
            if flavour == "pyqt6" and (mod_name, *names[: i + 1]) in QGIS_QT6_EXTRA:
                return None, None, "shim"
            try:
                obj, v = first(mod_name, name) if i == 0 else (getattr(obj, name), None)
            except AttributeError:
                return i, obj, via
            via = via or v
        return None, obj, via

    def enum_homes(obj, member):
        """Names of the enum classes on obj (a class or module) that have member."""
        homes = []
        for attr in dir(obj):
            try:
                value = getattr(obj, attr)
            except Exception:  # a descriptor that needs an instance
                continue
            if isinstance(value, type) and issubclass(value, enum.Enum) and member in value.__members__:
                homes.append(attr)
        return homes

    def suggest(mod_name, names, i, parent):
        out = []
        if i == -1:
            if mod_name in REMOVED_MODULES:
                out.append({"text": REMOVED_MODULES[mod_name], "kind": "removed module"})
            return out
        name = names[i]
        rest = list(names[i + 1:])
        if i == 0:
            for other in SEARCH_MODULES:
                if other != mod_name and module(other) is not None and hasattr(module(other), name):
                    out.append({"module": other, "names": [name, *rest], "kind": "moved"})
            if name in REMOVED:
                out.append({"text": REMOVED[name], "kind": "removed"})
            for home in enum_homes(module(mod_name), name):
                out.append({"module": mod_name, "names": [home, name, *rest], "kind": "unscoped enum"})
            return out
        owner = names[i - 1]
        renamed = RENAMED_MEMBERS.get((owner, name))
        if renamed:
            out.append({"module": mod_name, "names": [*names[:i], *renamed, *rest], "kind": "renamed enum"})
        for home in enum_homes(parent, name):
            out.append({"module": mod_name, "names": [*names[:i], home, name, *rest], "kind": "unscoped enum"})
        if name in RENAMED_ATTRS and hasattr(parent, RENAMED_ATTRS[name]):
            out.append({"module": mod_name, "names": [*names[:i], RENAMED_ATTRS[name], *rest],
                        "kind": "renamed method"})
        # a QFlags type (Qt.Alignment, QIODevice.OpenMode): PyQt6 has only its enum (Qt.AlignmentFlag)
        for enum_name in dict.fromkeys((FLAGS_RENAMES.get(name, ""), name + "Flag", name[:-1], name[:-1] + "Flag")):
            value = getattr(parent, enum_name, None) if enum_name and enum_name != name else None
            if isinstance(value, type) and issubclass(value, enum.Enum):
                out.append({"module": mod_name, "names": [*names[:i], enum_name, *rest],
                            "kind": "flags type"})
                break
        return out

    results = []
    for mod_name, names in chains:
        fail, parent, via = resolve(mod_name, names)
        result = {"ok": fail is None, "via": via}
        if fail is not None:
            result["fail"] = fail
            if flavour == "pyqt6":
                result["suggest"] = suggest(mod_name, names, fail, parent)
        results.append(result)
    loaded = [m for m in ("PyQt5", "PyQt6") if m in sys.modules]
    assert len(loaded) <= 1, f"both PyQt5 and PyQt6 loaded: {loaded}"
    json.dump({"results": results, "loaded": loaded}, sys.stdout)


def run_worker(python: str, flavour: str, chains: list) -> dict | None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run([python, str(Path(__file__).resolve()), "--resolve", flavour], input=json.dumps(chains),
                          capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-2000:])
        return None
    return json.loads(proc.stdout)


def pyqt6_available(python: str) -> bool:
    proc = subprocess.run([python, "-c", "import PyQt6.QtCore"], capture_output=True, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return proc.returncode == 0


def spell(use: Use, names) -> str:
    """A chain written the way the use was: its alias or module prefix kept (_Qt.AlignmentFlag.AlignLeft)."""
    names = tuple(names)
    if names[: use.plen] == use.chain[: use.plen]:
        return ".".join((*use.lead, *names[use.plen:]))
    return ".".join(names)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help=f"files or folders (default: {' '.join(DEFAULT_DIRS)})")
    parser.add_argument("--python", default=sys.executable, help="the Python that imports PyQt6 (and qgis/PyQt5)")
    parser.add_argument("--resolve", choices=("pyqt5", "pyqt6"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.resolve:
        _worker(args.resolve)
        return 0

    files = python_files(args.paths or [str(ROOT / d) for d in DEFAULT_DIRS])
    uses: list[Use] = []
    findings: list[Finding] = []
    for path, rel in files:
        scanned = scan_file(path, rel)
        uses += scanned.uses
        findings += scanned.findings

    if not pyqt6_available(args.python):
        print(f"qt6 scan: PyQt6 is not importable by {args.python}; install it into the dev venv:\n"
              f"  .venv/bin/pip install -c constraints.txt PyQt6=={PYQT6_PIN}", file=sys.stderr)
        return 2
    unique = sorted({(u.module, u.chain) for u in uses})
    six = run_worker(args.python, "pyqt6", [[m, list(c)] for m, c in unique])
    if six is None:
        print("qt6 scan: the PyQt6 resolver failed", file=sys.stderr)
        return 2
    by_chain = dict(zip(unique, six["results"]))
    failed = [k for k in unique if not by_chain[k]["ok"]]
    # The same chains (and the suggested spellings) in QGIS 3's qgis.PyQt: PyQt5-only, and do the fixes work there?
    suggested = sorted({(s["module"], tuple(s["names"])) for k in failed for s in by_chain[k].get("suggest", [])
                        if "module" in s})
    five_chains = unique + [s for s in suggested if s not in by_chain]
    five = run_worker(args.python, "pyqt5", [[m, list(c)] for m, c in five_chains])
    on_five = dict(zip(five_chains, five["results"])) if five else {}
    if five is None:
        print("qt6 scan: QGIS 3's qgis.PyQt (PyQt5) could not be loaded; PyQt6 failures are all taken as "
              "PyQt5-only and nothing is checked against PyQt5", file=sys.stderr)

    pyqt5_only = 0
    notes = []
    for use in uses:
        key = (use.module, use.chain)
        result = by_chain[key]
        shown = spell(use, use.chain) or use.module
        if use.at_import:
            shown = (f"from {use.source} import {shown}" if use.chain else
                     f"from qgis.PyQt import {use.module}" if use.source == "qgis.PyQt" else f"import {use.source}")
        if result["ok"] and five and not on_five[key]["ok"]:
            findings.append(Finding(use.path, use.line, "Qt6-only", f"{shown}: not in QGIS 3's qgis.PyQt (PyQt5 "
                                    "5.15), so it breaks the plugin on QGIS 3"))
            continue
        if result["ok"]:
            if result.get("via") == "shim" and use.at_import:
                source = QGIS_QT6_REEXPORTS.get((use.module, use.chain[0]), use.module)
                notes.append(f"note: {use.path}:{use.line}: qgis.PyQt.{use.module}.{'.'.join(use.chain)} is not in "
                             f"PyQt6.{use.module}; QGIS 4's qgis.PyQt.{use.module} re-exports it from PyQt6.{source}")
            continue
        known_on_five = on_five.get(key, {}).get("ok") if five else True
        if use.instance and not known_on_five:
            continue  # self.X of the class's own, not Qt's
        fixes, kind = [], "PyQt5-only"
        for sug in result.get("suggest", []):
            kind = kind if fixes else sug["kind"]
            if "module" not in sug:
                fixes.append(sug["text"])
                continue
            if sug["kind"] == "moved":
                text = f"qgis.PyQt.{sug['module']}.{'.'.join(sug['names'])}"
            elif use.instance and sug["kind"] != "renamed method":  # painter.Antialiasing: QPainter.RenderHint...
                text = ".".join(sug["names"])
            else:
                text = spell(use, sug["names"])
            both = on_five.get((sug["module"], tuple(sug["names"])), {}).get("ok", False)
            fixes.append(text + ("" if both else " (Qt6 only: not in PyQt5, needs a version switch)"))
        message = f"{shown} -> " + (" or ".join(fixes) if fixes else "no Qt6 spelling found")
        if not known_on_five:
            kind = "unresolved"
            message += " (not in PyQt5 either)"
        else:
            pyqt5_only += 1
        findings.append(Finding(use.path, use.line, kind, message))

    for f in sorted(findings, key=lambda f: (f.path, f.line)):
        print(f"{f.path}:{f.line}: [{f.kind}] {f.message}")
    for note in notes:
        print(note)
    others = len(findings) - pyqt5_only
    print(f"qt6 scan: {len(files)} files, {len(uses)} Qt names checked, {pyqt5_only} PyQt5-only"
          + (f", {others} other findings" if others else ""))
    assert "PyQt5" not in sys.modules and "PyQt6" not in sys.modules  # the scan itself stays Qt-free
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
