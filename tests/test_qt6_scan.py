"""tools/qt6_scan.py finds the Qt names PyQt6 (QGIS 4) lacks, and the plugin has none."""

import os
import subprocess
import sys
import textwrap

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCAN = os.path.join(ROOT, "tools", "qt6_scan.py")


def _pyqt6_importable() -> bool:
    # In a process of its own: this one has PyQt5 loaded through QGIS.
    return subprocess.run([sys.executable, "-c", "import PyQt6.QtCore"], capture_output=True, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).returncode == 0


pytestmark = pytest.mark.skipif(
    not _pyqt6_importable(),
    reason=f"PyQt6 is not importable by {sys.executable} in a subprocess; the scan checks names against it "
           "(.venv/bin/pip install -c constraints.txt PyQt6==6.11.0)")


def scan(*paths):
    out = subprocess.run([sys.executable, SCAN, *map(str, paths)], capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    return out.returncode, out.stdout


def write(tmp_path, name, code):
    path = tmp_path / name
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    return path


def test_unscoped_enum_is_flagged_with_its_qt6_spelling_and_the_scoped_one_passes(tmp_path):
    unscoped = write(tmp_path, "unscoped.py", """\
        from qgis.PyQt.QtCore import Qt

        ALIGN = Qt.AlignLeft
        """)
    code, out = scan(unscoped)
    assert code == 1, out
    assert f"{unscoped}:3: [unscoped enum] Qt.AlignLeft -> Qt.AlignmentFlag.AlignLeft" in out
    assert out.strip().splitlines()[-1] == "qt6 scan: 1 files, 2 Qt names checked, 1 PyQt5-only"

    scoped = write(tmp_path, "scoped.py", """\
        from qgis.PyQt.QtCore import Qt

        ALIGN = Qt.AlignmentFlag.AlignLeft
        """)
    code, out = scan(scoped)
    assert code == 0, out
    assert out.strip().splitlines()[-1] == "qt6 scan: 1 files, 2 Qt names checked, 0 PyQt5-only"


def test_aliases_objects_exec_and_direct_imports(tmp_path):
    path = write(tmp_path, "tricky.py", """\
        import qgis.PyQt.QtCore
        from PyQt5.QtCore import QTimer
        from qgis.PyQt import QtCore as QtC
        from qgis.PyQt.QtCore import Qt as _Qt
        from qgis.PyQt.QtGui import QPainter
        from qgis.PyQt.QtPrintSupport import QPrinter
        from qgis.PyQt.QtWidgets import QAction, QDialog

        Align = _Qt.AlignmentFlag


        class Dialog(QDialog):
            def run(self):
                return self.exec_() == self.Accepted


        def draw(widget):
            painter = QPainter()
            painter.setRenderHint(painter.Antialiasing)
            widget.exec_()
            return (_Qt.white, getattr(_Qt, "black"), QtC.QIODevice.WriteOnly, qgis.PyQt.QtCore.Qt.AlignTop,
                    Align.AlignRight, QPrinter(QPrinter.PrinterMode.HighResolution), QAction, QTimer)
        """)
    code, out = scan(path)
    assert code == 1, out
    for line in (
        ":2: [direct import] PyQt5.QtCore imported directly -> import from qgis.PyQt.QtCore",
        ":14: [renamed method] self.exec_ -> self.exec",
        ":14: [unscoped enum] self.Accepted -> QDialog.DialogCode.Accepted",
        ":19: [unscoped enum] painter.Antialiasing -> QPainter.RenderHint.Antialiasing",
        ":20: [renamed method] .exec_( -> .exec(",
        ":21: [unscoped enum] _Qt.white -> _Qt.GlobalColor.white",
        ":21: [unscoped enum] _Qt.black -> _Qt.GlobalColor.black",
        ":21: [unscoped enum] QtC.QIODevice.WriteOnly -> QtC.QIODevice.OpenModeFlag.WriteOnly",
        ":21: [unscoped enum] qgis.PyQt.QtCore.Qt.AlignTop -> qgis.PyQt.QtCore.Qt.AlignmentFlag.AlignTop",
    ):
        assert line in out, line
    assert "AlignRight" not in out and "HighResolution" not in out  # scoped already
    assert "QAction is not in PyQt6.QtWidgets; QGIS 4's qgis.PyQt.QtWidgets re-exports it" in out  # a note, fine
    assert out.strip().splitlines()[-1].endswith("7 PyQt5-only, 2 other findings")


def test_a_qt6_only_name_is_flagged_too(tmp_path):
    # QPageRanges came with Qt 6: no QGIS 3 on Qt 5 has it, so this import would break the plugin there. (QAction
    # from QtGui is Qt6-only on QGIS 3.22 but re-exported by qgis.PyQt from 3.40 on: not a test for every release.)
    path = write(tmp_path, "qt6_only.py", "from qgis.PyQt.QtGui import QPageRanges\n")
    code, out = scan(path)
    assert code == 1 and "[Qt6-only] from qgis.PyQt.QtGui import QPageRanges" in out, out


def test_the_plugin_its_tools_tests_and_benchmarks_are_qt6_ready():
    code, out = scan()
    assert code == 0, out
    assert out.strip().splitlines()[-1].endswith(" 0 PyQt5-only"), out
