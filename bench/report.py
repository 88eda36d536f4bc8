"""The results table every benchmark script writes and prints: rows, the targets met or missed, the machine."""

from __future__ import annotations

import os
import sys


def write_report(path: str, rows: list[tuple[str, ...]], verdicts: list[tuple[str, bool]], machine: str,
                 command: str, unit: str = "items") -> int:
    """Write the markdown table to `path`, print it; the exit status: 0 all targets met, 3 otherwise."""
    header = (f"| what | tool | {unit} | seconds | {unit}/s | peak MB | |\n"
              "|---|---|---:|---:|---:|---:|---|\n")
    table = header + "\n".join("| " + " | ".join(r) + " |" for r in rows)
    summary = "\n".join(f"- {'met' if ok else 'MISSED'}: {what}" for what, ok in verdicts)
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {machine}"
    text = f"{table}\n\n{summary}\n\nMachine: {machine}. Command: `{command}`.\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    print()
    print(text)
    return 0 if all(ok for _what, ok in verdicts) else 3
