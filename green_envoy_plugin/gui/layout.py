"""Building blocks of the panel that keep it narrow: a dock of 360 px must show every step in every language.

A step is a group box of rows (a label above its field when the two do not fit side by side), its main button,
and its advanced inputs folded in a collapsible group (the Processing algorithm's other parameters).
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMapLayerProxyModel
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr

# The narrowest a combo box may become (in characters) before its text is elided: a long layer name must not
# widen the whole panel.
COMBO_CHARACTERS = 12


def narrow(widget: QWidget) -> QWidget:
    """Let a widget shrink to the dock's width: combo boxes elide their text, file widgets shorten their path."""
    if isinstance(widget, QComboBox):
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        widget.setMinimumContentsLength(COMBO_CHARACTERS)
    if isinstance(widget, QgsFileWidget):
        widget.lineEdit().setMinimumWidth(80)
    if isinstance(widget, QPushButton):
        # A long translated button text ("Сравнить с официальным слоем") may not fix the panel's width.
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        widget.setMinimumWidth(120)
    return widget


def wrapped_check_box(box: QCheckBox) -> QWidget:
    """A check box whose text wraps (Qt's own does not: "Один PDF: обзор, содержание, регионы" set the panel's
    width): the box without text, its text in a word-wrapped label beside it that toggles it too."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    text = QLabel(box.text())
    text.setWordWrap(True)
    text.setObjectName(f"{box.objectName()}_label")
    text.mousePressEvent = lambda _event: box.toggle() if box.isEnabled() else None
    box.setToolTip(box.text())
    box.setText("")
    layout.addWidget(box)
    layout.addWidget(text, 1)
    return row


def form(rows) -> QFormLayout:
    layout = QFormLayout()
    # A label goes above its field when both do not fit side by side (Russian and Kazakh labels are long).
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for label, widget in rows:
        narrow(widget)
        if isinstance(widget, QCheckBox) and not label:
            layout.addRow(wrapped_check_box(widget))
        elif label:
            text = QLabel(label)
            text.setWordWrap(True)
            layout.addRow(text, widget)
        else:
            layout.addRow(widget)
    return layout


class StepBox(QGroupBox):
    """A step's frame whose title wraps: a group box title does not, and a Kazakh one
    (5. Телефондарға арналған далалық жинақ) alone made the panel 422 px wide. The title is a bold
    word-wrapped label at the top (title() and setTitle() read and write it)."""

    def __init__(self, title: str):
        super().__init__()
        self.header = QLabel()
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.header.setObjectName("title")
        self.setTitle(title)

    def title(self) -> str:
        return self.header.text()

    def setTitle(self, title: str) -> None:  # noqa: N802 (Qt's name)
        self.header.setText(title)


def step_box(title: str, rows, button: QPushButton | None = None, advanced=(), name: str = "") -> QGroupBox:
    """One step: its inputs, its advanced inputs folded (collapsed until the user opens them), its button."""
    box = StepBox(title)
    box.setObjectName(f"step_{name}" if name else "")
    outer = QVBoxLayout(box)
    outer.addWidget(box.header)
    outer.addLayout(form(rows))
    if advanced:
        more = QgsCollapsibleGroupBox(tr("Advanced"))
        more.setObjectName(f"advanced_{name}" if name else "")
        more.setLayout(form(advanced))
        more.setCollapsed(True)
        outer.addWidget(more)
        box.advanced = more
    if button is not None:
        outer.addWidget(narrow(button))
    return box


def metres(value: float, maximum: float = 100_000.0) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, maximum)
    spin.setDecimals(0)
    spin.setSingleStep(50.0)
    spin.setValue(value)
    spin.setSuffix(" " + tr("m"))
    return spin


def seconds(value: float, low: float, high: float, decimals: int = 1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setValue(value)
    spin.setSuffix(" " + tr("s"))
    return spin


def layer_filter(*kinds: str):
    """The layer kinds a picker offers ("PolygonLayer", "PointLayer" ...) in the spelling of this QGIS: Qgis.LayerFilter
    from 3.34 (QgsMapLayerProxyModel's own flags are deprecated there), QgsMapLayerProxyModel before."""
    enum = getattr(Qgis, "LayerFilter", QgsMapLayerProxyModel)
    value = getattr(enum, kinds[0])
    if hasattr(Qgis, "LayerFilters"):
        value = Qgis.LayerFilters(value)  # enum | enum is a plain int in PyQt5: the deprecated overload again
    for kind in kinds[1:]:
        value = value | getattr(enum, kind)
    return value


def picker(filters, name: str) -> QgsMapLayerComboBox:
    """A layer picker for the user's own data: empty until the user chooses (never whatever layer is first)."""
    combo = QgsMapLayerComboBox()
    combo.setFilters(filters)
    combo.setAllowEmptyLayer(True, tr("choose a layer"))
    combo.setLayer(None)
    combo.setObjectName(name)
    return combo


class FieldCombo(QgsFieldComboBox):
    """A field picker that follows a layer picker and preselects the usual field (OCHA's ADM1_EN, OSM's name)
    when the layer has it. Connected as a method of this widget, so that Qt disconnects it when the widget
    goes (a Python closure left connected to a layer picker crashed QGIS when the project was cleared)."""

    def __init__(self, layers: QgsMapLayerComboBox, preferred: tuple[str, ...] = (), name: str = ""):
        super().__init__()
        self.preferred = preferred
        self.setObjectName(name)
        self.setAllowEmptyFieldName(not preferred)
        self.setLayer(layers.currentLayer())
        layers.layerChanged.connect(self.follow)

    def follow(self, layer) -> None:
        self.setLayer(layer)
        if layer is None:
            return
        present = layer.fields().names()
        for name in self.preferred:
            if name in present:
                self.setField(name)
                return
