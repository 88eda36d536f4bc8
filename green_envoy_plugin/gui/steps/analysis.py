"""Regions (and the nearest settlement) and the official comparison: the steps that read the user's layers.

A layer is read into plain features here, on the main thread, before the task starts; a store table chosen as
input is refused (a step would read its own results back: "Findings against Findings")."""

from __future__ import annotations

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QGroupBox, QLineEdit

from ...i18n import tr
from ...steps.official import compare_official
from ...steps.regions import assign_regions
from .. import results
from ..layout import FieldCombo, layer_filter, metres, picker, step_box


class AnalysisSteps:
    """Mixin of ExpeditionPanel."""

    def _layer_picker(self, filters, key: str, field_name: str = "", preferred: tuple[str, ...] = ()):
        combo = picker(filters, key)
        self.pickers[key] = combo
        field = FieldCombo(combo, preferred, field_name or f"{key}_field")
        field.activated.connect(lambda _index, key=key: self._remember_picker(key))
        self.picker_fields[key] = field
        return combo, field

    def build_regions(self) -> QGroupBox:
        self.regions, self.region_name = self._layer_picker(
            layer_filter("PolygonLayer"), "regions", "region_name", ("ADM1_EN", "name", "NAME_1", "name_en"))
        self.region_code = FieldCombo(self.regions, ("ADM1_PCODE",), "region_code")
        self.region_code.setAllowEmptyFieldName(True)
        self.remember(self.region_code, "regions_code_field")
        self.settlements, self.settlement_name = self._layer_picker(
            layer_filter("PointLayer", "PolygonLayer"), "settlements", "settlement_name",
            ("name", "NAME", "name_en"))
        self.assign = self.button(tr("Assign regions"), self.run_assign, "assign")
        return step_box(tr("Regions"), [
            (tr("Regions layer"), self.regions), (tr("Name field"), self.region_name),
        ], self.assign, [
            (tr("Region code field"), self.region_code),
            (tr("Settlements layer (each finding gets the nearest)"), self.settlements),
            (tr("Settlement name field"), self.settlement_name)], name="regions")

    def build_official(self) -> QGroupBox:
        self.official, self.official_id = self._layer_picker(layer_filter("VectorLayer"), "official",
                                                             "official_id")
        self.match_m = metres(250.0)
        self.near_m = metres(1000.0)
        self.corridor_m = metres(2000.0)
        for widget, key in ((self.match_m, "match_m"), (self.near_m, "near_m"), (self.corridor_m, "corridor_m")):
            widget.setObjectName(key)
            self.remember(widget, f"official_{key}")
        self.comparison_table = QgsFileWidget()
        self.comparison_table.setStorageMode(QgsFileWidget.SaveFile)
        self.comparison_table.setFilter("Excel (*.xlsx);;CSV (*.csv)")
        self.comparison_table.setObjectName("comparison_table")
        self.remember(self.comparison_table, "official_table")
        # The date belongs to the layer chosen, so it is not remembered: a stale date would be printed as true.
        self.official_date = QLineEdit()
        self.official_date.setObjectName("official_date")
        self.official_date.setPlaceholderText(tr("YYYY-MM-DD; empty: the layer's own date"))
        self.official_date.setToolTip(tr("The official layer's publication or data date, printed on the atlas "
                                         "pages; when empty, its metadata or else its file's date"))
        self.compare = self.button(tr("Compare with the official layer"), self.run_compare, "compare")
        return step_box(tr("Official data"), [
            (tr("Official layer"), self.official), (tr("Official id field"), self.official_id),
        ], self.compare, [
            (tr("Matches within"), self.match_m), (tr("Near within"), self.near_m),
            (tr("Route corridor"), self.corridor_m), (tr("Comparison table (optional)"), self.comparison_table),
            (tr("Official layer's date (YYYY-MM-DD)"), self.official_date)],
            name="official")

    def _own_layer(self, layer, what: str) -> bool:
        """True (and says so) when the user's input is one of the store's own tables."""
        from ...qgis_layers import is_store_layer

        if not is_store_layer(layer, self.store_path()):
            return False
        self.last_error = what.format(layer.name())
        self._message(self.last_error, self.CRITICAL)
        return True

    def run_assign(self):
        from ...errors import StepError
        from ...qgis_layers import features_from_layer, regions_from_layer

        layer = self.regions.currentLayer()
        if layer is None:
            self._message(tr("Choose a regions layer."), self.WARNING)
            return None
        if self._own_layer(layer, tr("The regions layer is the expedition's own table {0}: choose a layer of "
                                     "administrative boundaries.")):
            return None
        towns = self.settlements.currentLayer()
        if towns is not None and self._own_layer(towns, tr("The settlements layer is the expedition's own "
                                                           "table {0}: choose a layer of settlements.")):
            return None
        store = self.store_path()
        try:  # read on the main thread, before the task
            regions = regions_from_layer(layer, self.region_name.currentField(), self.region_code.currentField())
            settlements = features_from_layer(towns, self.settlement_name.currentField()) \
                if towns is not None and self.settlement_name.currentField() else None
        except StepError as exc:
            self.last_error = str(exc)
            self._message(f"{tr('Assign regions')}: {exc}", self.CRITICAL)
            return None
        self._assigned_layer = layer
        return self._start(tr("Assign regions"), lambda fb: assign_regions(
            store, regions, feedback=fb, settlements=settlements), results.regions_outcome, ("regions",))

    def run_compare(self):
        from ...errors import StepError
        from ...qgis_layers import features_from_layer, official_layer_date

        layer = self.official.currentLayer()
        if layer is None:
            self._message(tr("Choose an official layer."), self.WARNING)
            return None
        if self._own_layer(layer, tr("The official layer is the expedition's own table {0}: choose the official "
                                     "registry's layer.")):
            return None
        try:
            official = features_from_layer(layer, self.official_id.currentField())
        except StepError as exc:
            self.last_error = str(exc)
            self._message(f"{tr('Compare with the official layer')}: {exc}", self.CRITICAL)
            return None
        stated = self.official_date.text().strip()
        dated = (stated, "") if stated else official_layer_date(layer)
        store, label, table = self.store_path(), layer.name(), self.comparison_table.filePath()
        match_m, near_m, corridor_m = self.match_m.value(), self.near_m.value(), self.corridor_m.value()
        self._compared_layer = layer
        return self._start(tr("Compare with the official layer"), lambda fb: compare_official(
            store, official, match_m=match_m, near_m=near_m, corridor_m=corridor_m, layer_label=label, table=table,
            feedback=fb, official_date=dated[0], official_date_source=dated[1]), results.official_outcome,
            ("findings", "official_unreported", "findings:comparison"))

