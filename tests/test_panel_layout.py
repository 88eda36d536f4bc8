"""The Expedition panel fits a 360 px dock in every language, lists the steps in the workflow's order and has
every input of the Processing tools (the advanced ones folded)."""

import pytest
from qgis.core import QgsProject
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtWidgets import QGroupBox, QPushButton, QScrollArea

from .helpers import plugin_in_locale

# What the scroll area leaves for the panel's body in a 360 px dock: its frame and a vertical scroll bar.
SCROLL_BAR = 20


def body_min_width(panel) -> int:
    scroll = panel.findChild(QScrollArea, "scroll")
    body = scroll.widget()
    for box in body.findChildren(QgsCollapsibleGroupBox):
        box.setCollapsed(False)  # measured open: the advanced inputs must fit too
    body.adjustSize()
    return body.minimumSizeHint().width()


@pytest.mark.parametrize("locale", ["en", "ru", "kk"])
def test_the_panel_fits_a_360_px_dock_in_every_language(qgis_iface, qgis_new_project, locale, capsys):
    from green_envoy_plugin.gui.panel import DOCK_WIDTH

    with plugin_in_locale(qgis_iface, locale) as plugin:
        plugin.toggle_panel(True)
        panel = plugin.panel
        width = body_min_width(panel)
        with capsys.disabled():
            print(f"\n[{locale}] panel body minimum width {width} px (dock {DOCK_WIDTH} px)")
        assert width + SCROLL_BAR <= DOCK_WIDTH, (locale, width)
        # The dock itself may be made that narrow.
        assert panel.minimumSizeHint().width() <= DOCK_WIDTH
        # No button's text is cut at that width (a button may shrink below its text, so its text is measured).
        for button in panel.findChildren(QPushButton):
            assert button.sizeHint().width() + SCROLL_BAR + 24 <= DOCK_WIDTH, button.text()


def test_steps_in_the_order_of_the_workflow_with_the_processing_inputs(qgis_iface, qgis_new_project):
    from green_envoy_plugin.gui.panel import ExpeditionPanel

    panel = ExpeditionPanel(qgis_iface)
    names = [box.objectName() for box in panel.findChild(QScrollArea, "scroll").widget().children()
             if isinstance(box, QGroupBox) and box.objectName().startswith("step_")]
    core = [n for n in names if n in ("step_store", "step_tracks", "step_findings", "step_media", "step_regions",
                                      "step_official", "step_atlas", "step_sharing")]
    assert core == ["step_store", "step_tracks", "step_findings", "step_media", "step_regions", "step_official",
                    "step_atlas", "step_sharing"]
    assert names[-1] == "step_sharing"  # sharing last, after the season's own work
    titles = [box.title() for box in panel.steps]
    assert titles[0].startswith("2. ") and titles[1].startswith("3. ")  # numbered in order
    # Processing's inputs, the advanced ones folded.
    assert panel.official_id.isVisibleTo(panel)  # the official id: not folded, "Nearest official record" needs it
    for name in ("mapping", "max_gap", "max_extrapolation", "region_code", "settlements", "settlement_name",
                 "match_m", "near_m", "corridor_m", "comparison_table", "atlas_regions", "png",
                 "template"):
        widget = getattr(panel, name, None)
        assert widget is not None, name
        folded = widget.parent()
        while folded is not None and not isinstance(folded, QgsCollapsibleGroupBox):
            folded = folded.parent()
        assert folded is not None and folded.isCollapsed(), name
    assert panel.match_m.value() == 250 and panel.match_m.decimals() == 0
    QgsProject.instance().removeAllMapLayers()
