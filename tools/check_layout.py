"""Two rules of the code's layout (issue 17) beside import-linter's contracts: no module of the plugin longer
than 600 lines, and no import cycle between its modules, imports inside functions included (the graph is
grimp's, the one import-linter reads). Prints each module that breaks a rule and exits 1; run by
tools/lint_architecture.sh."""

from __future__ import annotations

import os
import sys

import grimp

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "green_envoy_plugin"
MAX_LINES = 600


def long_modules(package_dir: str, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    """(path relative to the repository, lines) of every .py file under package_dir over `limit` lines."""
    found = []
    for folder, _dirs, names in os.walk(package_dir):
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    lines = len(handle.read().splitlines())
                if lines > limit:
                    found.append((os.path.relpath(path, ROOT), lines))
    return sorted(found)


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The modules that import one another in a ring (strongly connected components of more than one
    module, or a module importing itself), each sorted (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles = []
    counter = 0
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                ring = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    ring.append(member)
                    if member == module:
                        break
                if len(ring) > 1 or module in graph.find_modules_directly_imported_by(module):
                    cycles.append(sorted(ring))
    return sorted(cycles)


def main() -> int:
    sys.path.insert(0, ROOT)
    failed = False
    for path, lines in long_modules(os.path.join(ROOT, PACKAGE)):
        print(f"{path}: {lines} lines, more than {MAX_LINES}: split it by what its parts do")
        failed = True
    graph = grimp.build_graph(PACKAGE, cache_dir=os.path.join(ROOT, "build", "grimp-cache"))
    for ring in import_cycles(graph):
        print("import cycle between " + ", ".join(ring) +
              " (imports inside functions count too; `lint-imports` names the imports to remove)")
        failed = True
    if not failed:
        print(f"layout: no module over {MAX_LINES} lines, no import cycle")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
