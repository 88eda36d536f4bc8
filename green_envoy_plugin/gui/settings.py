"""What the panel remembers, and where the user expects it: the store, the camera, the chosen layers and every
step's options in the project (they belong to this expedition); folders to import from in the user's settings.

A step registers its widgets with `remember(widget, key)`; values are written when a step starts and read when
the project is opened. Layer pickers are remembered by layer id, never offering the store's own tables.
"""

from __future__ import annotations

import os

from qgis.core import QgsProject, QgsSettings
from qgis.gui import QgsCheckableComboBox, QgsFieldComboBox, QgsFileWidget
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from ..store.bulk import read_rows

SCOPE = "green_envoy"


class PanelSettings:
    """Mixin of ExpeditionPanel (self.store, self.pickers, self.offset, self.tz ...)."""

    def remember(self, widget, key: str, user: bool = False) -> None:
        """Keep `widget`'s value under `key`: in the project, or (`user`) in the user's settings."""
        self.remembered.append((widget, key, user))

    # ------------------------------------------------------------------ reading

    def _restore_settings(self) -> None:
        self._restoring = True  # setting the store's path below must not save this widget's old values
        try:
            self._read_settings()
        finally:
            self._restoring = False

    def _read_settings(self) -> None:
        project = QgsProject.instance()
        path, ok = project.readEntry(SCOPE, "store", "")
        self.store.setFilePath(project.readPath(path) if ok and path else "")
        settings = QgsSettings()
        for widget, key, user in self.remembered:
            if user:
                value = settings.value(f"{SCOPE}/{key}", None)
            else:
                text, ok = project.readEntry(SCOPE, key, "")
                value = text if ok and text != "" else None
            if value is not None:
                _set_value(widget, value)
        tz, ok = project.readEntry(SCOPE, "camera_tz", "")
        self.tz.setText(tz if ok and tz else settings.value(f"{SCOPE}/tz", "+05:00", type=str))
        # The camera clock offset belongs to this expedition's camera: the project's, else the one the store's
        # photos were placed with (never 0 by default: a re-run with 0 would move every photo placed by time).
        offset, ok = project.readDoubleEntry(SCOPE, "camera_offset_s", 0.0)
        if not ok:
            used = self._stored_offsets()
            offset = used[0] if used else 0.0
        self.offset.setValue(offset)
        self._restore_pickers()

    # ------------------------------------------------------------------ writing

    def _save_settings(self, pickers: bool = True) -> None:
        project = QgsProject.instance()
        if self.store.filePath():
            project.writeEntry(SCOPE, "store", project.writePath(self.store.filePath()))
        settings = QgsSettings()
        for widget, key, user in self.remembered:
            value = _value(widget)
            if user:
                settings.setValue(f"{SCOPE}/{key}", value)
            else:
                project.writeEntry(SCOPE, key, str(value))
        settings.setValue(f"{SCOPE}/tz", self.tz.text())
        project.writeEntry(SCOPE, "camera_tz", self.tz.text())
        project.writeEntryDouble(SCOPE, "camera_offset_s", self.offset.value())
        for key in self.pickers if pickers else ():
            self._remember_picker(key)

    def _stored_offsets(self) -> list[float]:
        """The camera clock offsets the store's photos placed by time were placed with, the latest first."""
        path = self.store_path()
        if not path or not os.path.isfile(path):
            return []
        try:
            rows = read_rows(path, "SELECT offset_s, MAX(fid) AS last FROM media WHERE position_source = "
                                   "'time-sync' AND offset_s IS NOT NULL GROUP BY offset_s ORDER BY last DESC")
        except Exception:
            return []
        return [float(offset) for offset, _last in rows]

    # ------------------------------------------------------------------ layer pickers

    def _remember_picker(self, key: str) -> None:
        layer = self.pickers[key].currentLayer()
        QgsProject.instance().writeEntry(SCOPE, f"layer/{key}", layer.id() if layer is not None else "")
        field = self.picker_fields.get(key)
        if field is not None:
            QgsProject.instance().writeEntry(SCOPE, f"layer/{key}_field", field.currentField())

    def _restore_pickers(self) -> None:
        """The layers the user chose, by id, if the project still has them; else empty (never the store's)."""
        from ..qgis_layers import is_store_layer

        self._except_store_layers()
        project = QgsProject.instance()
        for key, combo in self.pickers.items():
            layer = project.mapLayer(project.readEntry(SCOPE, f"layer/{key}", "")[0])
            combo.setLayer(None if layer is None or is_store_layer(layer, self.store_path()) else layer)
            field = self.picker_fields.get(key)
            # regions_name_field: the key of 0.4, before every picker had its field
            name = project.readEntry(SCOPE, f"layer/{key}_field", "")[0] or (
                project.readEntry(SCOPE, "layer/regions_name_field", "")[0] if key == "regions" else "")
            if field is not None and name and combo.currentLayer() is not None:
                field.setField(name)

    def _except_store_layers(self, _layers=None) -> None:
        """The store's own tables (regions, findings, media, ...) are results, not inputs: no picker offers them.
        A picker that held one (or whose layer goes) is left empty, not moved to the next layer."""
        from ..qgis_layers import store_layers

        own = [layer for layers in store_layers(self.store_path()).values() for layer in layers] \
            if self.store_path() else []
        for combo in self.pickers.values():
            chosen = combo.currentLayer()
            combo.setExceptedLayerList(own)
            if chosen is None or chosen in own:
                combo.setLayer(None)
            elif combo.currentLayer() is not chosen:
                combo.setLayer(chosen)

    def _forget_removed_layers(self, ids) -> None:
        for combo in self.pickers.values():
            if combo.currentLayer() is not None and combo.currentLayer().id() in ids:
                combo.setLayer(None)


def _value(widget):
    if isinstance(widget, QgsFileWidget):
        return widget.filePath()
    if isinstance(widget, (QDoubleSpinBox, QSpinBox)):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return "1" if widget.isChecked() else "0"
    if isinstance(widget, QgsCheckableComboBox):
        return "\n".join(widget.checkedItems())
    if isinstance(widget, QgsFieldComboBox):
        return widget.currentField()
    if isinstance(widget, QComboBox):
        return widget.currentData() if widget.currentData() is not None else widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(widget)


def _set_value(widget, value) -> None:
    if isinstance(widget, QgsFileWidget):
        widget.setFilePath(str(value))
    elif isinstance(widget, (QDoubleSpinBox, QSpinBox)):
        try:
            widget.setValue(type(widget.value())(float(value)))
        except (TypeError, ValueError):
            pass
    elif isinstance(widget, QCheckBox):
        widget.setChecked(str(value) in ("1", "true", "True"))
    elif isinstance(widget, QgsCheckableComboBox):
        widget.setCheckedItems([v for v in str(value).split("\n") if v])
    elif isinstance(widget, QgsFieldComboBox):
        widget.setField(str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))


__all__ = ["SCOPE", "PanelSettings"]
