"""The few QGIS calls whose spelling changed between 3.22 and 3.44, each in one place.

QGIS moved enums into `Qgis` (scoped) and fonts of layout items into QgsTextFormat; the old spellings warn on
3.40/3.44, and some resolve to another enum there (`QgsPalLayerSettings.OverPoint` is taken for a
`Qgis.LabelPlacement` from 3.38 on and the combined atlas crashed). Each helper takes the new API where this
QGIS has it and the 3.22 one otherwise, so the callers read the same on every release.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemScaleBar,
    QgsPalLayerSettings,
    QgsTextFormat,
)
from qgis.PyQt.QtGui import QColor, QFont


def label_placement(name: str):
    """`Qgis.LabelPlacement.<name>` (3.26+) or `QgsPalLayerSettings.<name>` (3.22): OverPoint, Horizontal ..."""
    scoped = getattr(Qgis, "LabelPlacement", None)
    return getattr(scoped, name) if scoped is not None else getattr(QgsPalLayerSettings, name)


def text_format(font: QFont, colour: str | QColor | None = None, halo: float = 0.0,
                halo_opacity: float = 1.0) -> QgsTextFormat:
    """A text format of this font at its point size (and colour, when given), with a white halo of `halo` mm
    when given: names and ids over a map stay readable on any colour."""
    text = QgsTextFormat()
    text.setFont(font)
    if font.pointSizeF() > 0:
        text.setSize(font.pointSizeF())
        text.setSizeUnit(_points())
    if colour is not None:
        text.setColor(QColor(colour))
    if halo:
        buffer = text.buffer()
        buffer.setEnabled(True)
        buffer.setSize(halo)
        buffer.setColor(QColor("#ffffff"))
        buffer.setOpacity(halo_opacity)
        text.setBuffer(buffer)
    return text


def _points():
    scoped = getattr(Qgis, "RenderUnit", None)  # 3.30+
    if scoped is not None:
        return scoped.Points
    from qgis.core import QgsUnitTypes

    return QgsUnitTypes.RenderPoints


def set_label_text(item: QgsLayoutItemLabel, font: QFont, colour: str) -> None:
    if hasattr(item, "setTextFormat"):  # 3.24+
        item.setTextFormat(text_format(font, colour))
    else:
        item.setFont(font)
        item.setFontColor(QColor(colour))


def set_legend_font(legend: QgsLayoutItemLegend, style, font: QFont) -> None:
    """The font of one legend style (title, group, symbol label)."""
    legend_style = legend.rstyle(style)
    if hasattr(legend_style, "setTextFormat"):  # 3.30+
        legend_style.setTextFormat(text_format(font, legend_style.textFormat().color()))
    else:
        legend.setStyleFont(style, font)


def set_scalebar_font(scale: QgsLayoutItemScaleBar, font: QFont) -> None:
    scale.setTextFormat(text_format(font, "#1a1a1a"))  # 3.14+
