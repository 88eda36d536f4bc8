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
    QgsPrintLayout,
)


class AtlasLayout(QgsPrintLayout):
    """A print layout whose expression contexts hold a copy of the global scope read when the first was made.
    Each context has the scopes of QGIS's own, in its order: which ones, and in which order, is read from QGIS's
    own context (the order differs between releases); where it holds a scope this class cannot make, every
    context is QGIS's own."""

    def __init__(self, project):
        super().__init__(project)
        self._global: QgsExpressionContextScope | None = None
        self._plans: dict = {}  # the scopes of QGIS's context by (atlas enabled, coverage layer set)

    def createExpressionContext(self) -> QgsExpressionContext:  # noqa: N802 (QGIS's virtual method)
        # Called by QGIS's C++ code: an exception here would end QGIS, so QGIS's own context is the fallback.
        try:
            context = self._context()
        except Exception:
            context = None
        return context if context is not None else super().createExpressionContext()

    def _context(self) -> QgsExpressionContext | None:
        layer = self.reportContext().layer()
        atlas = self.atlas()
        key = (atlas.enabled(), layer is not None)
        if key not in self._plans:
            self._plans[key] = self._plan(layer)
        plan = self._plans[key]
        if plan is None:
            return None
        context = QgsExpressionContext()
        for role in plan:
            if role == "global":
                context.appendScope(QgsExpressionContextScope(self._global))
            elif role == "project":
                context.appendScope(QgsExpressionContextUtils.projectScope(self.project()))
            elif role == "layout":
                context.appendScope(QgsExpressionContextUtils.layoutScope(self))
            elif role == "layer":
                context.appendScope(QgsExpressionContextUtils.layerScope(layer))
            else:
                context.appendScope(QgsExpressionContextUtils.atlasScope(atlas))
        return context

    def _plan(self, layer) -> list[str] | None:
        """The roles of the scopes of QGIS's own context, in its order; None where one is not known here."""
        own = super().createExpressionContext()  # held: its scopes are read below
        made = {"global": QgsExpressionContextUtils.globalScope(),
                "project": QgsExpressionContextUtils.projectScope(self.project()),
                "layout": QgsExpressionContextUtils.layoutScope(self),
                "atlas": QgsExpressionContextUtils.atlasScope(self.atlas())}
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
