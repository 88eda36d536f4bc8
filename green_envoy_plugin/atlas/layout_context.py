"""The atlas's print layout: QGIS's own, except that the global scope of its expression contexts is read once.

Every item of a page builds an expression context each time it refreshes a property, measures a text or draws
(some 450 contexts a page), and each of them starts with QGIS's global scope, which opens the user's settings
anew (QgsSettings: its files looked up on disk, the time zone read again): an eighth of a page's time. The global
variables do not change while an atlas is exported, so the scope is read once and copied into each context; the
project, layout, coverage layer and atlas scopes are made afresh each time, as QGIS makes them.
"""

from __future__ import annotations

from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextScope,
    QgsExpressionContextUtils,
    QgsLayoutItemMap,
    QgsPrintLayout,
)


class AtlasLayout(QgsPrintLayout):
    """A print layout whose expression contexts hold a copy of the global scope read when the first was made.
    Each context has the scopes of QGIS's own, in its order: which ones, and in which order, is read from QGIS's
    own context (the order differs between releases); where it holds a scope this class cannot make, every
    context is QGIS's own."""

    def __init__(self, project):
        super().__init__(project)
        # The project scope of each context states the project's distance and area units, which a project
        # without its own units reads from the user's settings each time (two more QgsSettings a context):
        # the units the settings give now, set on the project (the atlas's own, made for the export).
        project.setDistanceUnits(project.distanceUnits())
        project.setAreaUnits(project.areaUnits())
        self._global: QgsExpressionContextScope | None = None
        self._plans: dict = {}  # the scopes of QGIS's context by (atlas enabled, coverage layer set)
        # Held once: each call for them from Python wraps the object anew.
        self._project, self._atlas, self._report = project, self.atlas(), self.reportContext()

    def createExpressionContext(self) -> QgsExpressionContext:  # noqa: N802 (QGIS's virtual method)
        # Called by QGIS's C++ code: an exception here would end QGIS, so QGIS's own context is the fallback.
        try:
            context = self._context()
        except Exception:
            context = None
        return context if context is not None else super().createExpressionContext()

    def _context(self) -> QgsExpressionContext | None:
        layer = self._report.layer()
        key = (self._atlas.enabled(), layer is not None)
        plan = self._plans.get(key, False)
        if plan is False:
            plan = self._plans[key] = self._plan(layer)
        if plan is None:
            return None
        context = QgsExpressionContext()
        for role in plan:
            context.appendScope(self._scope(role, layer))
        return context

    def _scope(self, role: str, layer) -> QgsExpressionContextScope:
        if role == "global":
            return QgsExpressionContextScope(self._global)
        if role == "project":
            return QgsExpressionContextUtils.projectScope(self._project)
        if role == "layout":
            return QgsExpressionContextUtils.layoutScope(self)
        if role == "layer":
            return QgsExpressionContextUtils.layerScope(layer)
        return QgsExpressionContextUtils.atlasScope(self._atlas)

    def _plan(self, layer) -> list[str] | None:
        """The roles of the scopes of QGIS's own context, in its order; None where one is not known here."""
        own = super().createExpressionContext()  # held: its scopes are read below
        made = {"global": QgsExpressionContextUtils.globalScope(),
                "project": QgsExpressionContextUtils.projectScope(self._project),
                "layout": QgsExpressionContextUtils.layoutScope(self),
                "atlas": QgsExpressionContextUtils.atlasScope(self._atlas)}
        if layer is not None:
            made["layer"] = QgsExpressionContextUtils.layerScope(layer)
        plan = []
        for scope in own.scopes():
            role = next((role for role, other in made.items() if other.name() == scope.name()
                         and sorted(other.variableNames()) == sorted(scope.variableNames())), None)
            if role is None or role in plan:
                return None
            plan.append(role)
        if self._global is None:
            self._global = made["global"]
        return plan


def graticules(layout: QgsPrintLayout, drawn: bool) -> None:
    """The atlas's graticules (map grids named `graticule`) on or off. Off while the atlas moves to a page: at
    each refresh of a map (twice a page) QGIS works out how far its grids reach beyond the map's frame, by
    computing every grid line through the projection and measuring every annotation (a sixteenth of a page's
    time), while the graticule's ticks and annotations lie inside the frame; on again to be drawn."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            for grid in item.grids().asList():
                if grid.name() == "graticule":
                    grid.setEnabled(drawn)
