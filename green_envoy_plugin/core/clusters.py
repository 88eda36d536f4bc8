"""Which findings crowd each other on a page's map, and which of them get a detail map: points in paper or map
units, (id, x, y); pure, so the atlas's choice is tested without drawing a page."""

from __future__ import annotations

Point = tuple[str, float, float]


def clusters(points: list[Point], distance: float) -> list[list[Point]]:
    """The groups of points each within `distance` of another of its group (single linkage)."""
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_a, xa, ya) in enumerate(points):
        for j in range(i + 1, len(points)):
            _b, xb, yb = points[j]
            if (xa - xb) ** 2 + (ya - yb) ** 2 < distance ** 2:
                parent[root(i)] = root(j)
    groups: dict[int, list] = {}
    for i, point in enumerate(points):
        groups.setdefault(root(i), []).append(point)
    return list(groups.values())


def _fits(points: list[Point], span: float) -> bool:
    xs, ys = [x for _i, x, _y in points], [y for _i, _x, y in points]
    return max(max(xs) - min(xs), max(ys) - min(ys)) <= span


def detail_groups(points: list[Point], distance: float, span: float, most: int = 2, least: int = 3) -> list:
    """The findings of each detail map, the most findings first: the groups of two or more whose ids crowd each
    other (within `distance`), gathered into as few detail maps as hold them within `span` each (a group wider
    than that is a detail map of its own, drawn at a smaller scale); those with `least` findings or more, `most`
    at most. Empty when nothing crowds enough."""
    groups = sorted((g for g in clusters(points, distance) if len(g) >= 2), key=len, reverse=True)
    details: list[list[Point]] = []
    for group in groups:
        together = next((d for d in details if _fits(d + group, span)), None)
        if together is None:
            details.append(list(group))
        else:
            together.extend(group)
    return sorted((d for d in details if len(d) >= least), key=len, reverse=True)[:most]
