"""The atlas's print layout: QGIS's own, except that the global scope of its expression contexts is read once.

Every item of a page builds an expression context each time it refreshes a property, measures a text or draws
(some 450 contexts a page), and each of them starts with QGIS's global scope, which opens the user's settings
anew (QgsSettings: its files looked up on disk, the time zone read again): an eighth of a page's time. The global
variables do not change while an atlas is exported, so the scope is read once and copied into each context; the
project, layout, coverage layer and atlas scopes are made as QGIS makes them, once for each state of what they
hold (the atlas's feature, the layout's variables and pages, the dpi, the project's layers): moving to a page
and drawing it made some 390 contexts a page, all alike.
"""

from __future__ import annotations

from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextScope,
    QgsExpressionContextUtils,
    QgsLayoutItemMap,
    QgsPrintLayout,
    QgsVectorSimplifyMethod,
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
        # The last context made, and what it was made of: the layout's variables and pages, the atlas's coverage
        # layer and state (counted by their signals), its feature, the dpi (the exporter sets its own) and the
        # project's layers.
        self._generation, self._held_key, self._held = 0, None, None
        self.variablesChanged.connect(self._changed)
        self.pageCollection().changed.connect(self._changed)
        self.atlas().coverageLayerChanged.connect(self._changed)
        self.atlas().toggled.connect(self._changed)
        self._plans: dict = {}  # the scopes of QGIS's context by (atlas enabled, coverage layer set)
        # Held once: each call for them from Python wraps the object anew.
        self._project, self._atlas, self._report = project, self.atlas(), self.reportContext()
        self._render = self.renderContext()

    def createExpressionContext(self) -> QgsExpressionContext:  # noqa: N802 (QGIS's virtual method)
        # Called by QGIS's C++ code: an exception here would end QGIS, so QGIS's own context is the fallback.
        try:
            context = self._context()
        except Exception:
            context = None
        return context if context is not None else super().createExpressionContext()

    def _changed(self) -> None:
        self._generation += 1

    def state(self) -> tuple:
        """What the layout's context is made of (see __init__): equal states, equal contexts."""
        # The atlas's file name too: QGIS works it out from a context made after the feature is set.
        return (self._generation, self._report.feature().id(), self._atlas.currentFilename(), self._render.dpi(),
                self._project.count())

    def _context(self) -> QgsExpressionContext | None:
        key = self.state()
        if key != self._held_key:
            self._held_key, self._held = key, self._made()
        # Returned as it is: QGIS takes a copy of the context a Python method returns.
        return self._held

    def _made(self) -> QgsExpressionContext | None:
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


class AtlasMap(QgsLayoutItemMap):
    """The page's map, whose expression context is made once for each state of what it holds. Each text of the
    page, measured or drawn, is measured in a render context made from the layout's reference map (this one),
    and the legend's and the graticule's contexts start with this map's: some 350 contexts of this map a page,
    each stating the map's CRS by building a PROJ object for it again (QGIS 3.22), a tenth of a page's time.
    Its state: the layout's (AtlasLayout.state), and this map's extent, rotation, size and place, layers, CRS,
    theme and id, counted by their signals or by the setters below."""

    def __init__(self, layout):
        super().__init__(layout)
        self._generation, self._held_key, self._held = 0, None, None
        for signal in (self.extentChanged, self.mapRotationChanged, self.sizePositionChanged,
                       self.layerStyleOverridesChanged, self.themeChanged):
            signal.connect(self._changed)

    def _changed(self, *_args) -> None:
        self._generation += 1

    def setLayers(self, layers) -> None:  # noqa: N802 (QGIS's name)
        super().setLayers(layers)
        self._changed()

    def setCrs(self, crs) -> None:  # noqa: N802
        super().setCrs(crs)
        self._changed()

    def setId(self, item_id: str) -> None:  # noqa: N802
        super().setId(item_id)
        self._changed()

    def createExpressionContext(self) -> QgsExpressionContext:  # noqa: N802 (QGIS's virtual method)
        try:  # as AtlasLayout's: QGIS's own context where anything goes wrong
            layout = self.layout()
            key = (self._generation, layout.state()) if isinstance(layout, AtlasLayout) else None
            if key is None:
                return super().createExpressionContext()
            if key != self._held_key:
                self._held_key, self._held = key, super().createExpressionContext()
            return self._held
        except Exception:
            return super().createExpressionContext()


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


def print_simplification(settings) -> QgsVectorSimplifyMethod:
    """The simplification QGIS's PDF export draws lines and areas with (QgsLayoutExporter's, private): vertices
    snapped to one grid over the map, a tenth of a pixel of the export, so that neighbouring areas keep their
    shared edge; none where the export's `settings` ask for none. For pages drawn without the exporter."""
    method = QgsVectorSimplifyMethod()
    if not settings.simplifyGeometries:
        method.setSimplifyHints(QgsVectorSimplifyMethod.NoSimplification)
        return method
    method.setSimplifyHints(QgsVectorSimplifyMethod.GeometrySimplification)
    method.setForceLocalOptimization(True)
    method.setSimplifyAlgorithm(QgsVectorSimplifyMethod.SnappedToGridGlobal)
    method.setThreshold(0.1)
    return method
