"""Pipe tables as web captures write them: rows of "| cell | cell" with no "|---|" line under the
first, and a cell's text running on over the lines after its row. Pandoc reads a pipe table only with
that separator line, so it is added; the run-on lines join their row. Text inside code fences is left.
"""

from __future__ import annotations

import re

ROW = re.compile(r"^\s*\|")
SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
FENCE = re.compile(r"^\s*(?:```|~~~)")


def cell_count(row: str) -> int:
    """Cells of a row, escaped pipes ("\\|") not counted; a closing pipe opens no cell."""
    cells = re.split(r"(?<!\\)\|", row.strip())
    return max(1, len([cell for cell in cells[1:]]) - (1 if row.rstrip().endswith("|") else 0))


def table_runs(lines: list[str]):
    """(start, end) of each run of table rows outside code fences, run-on lines included."""
    fenced, index = False, 0
    while index < len(lines):
        if FENCE.match(lines[index]):
            fenced = not fenced
        if fenced or not ROW.match(lines[index]):
            index += 1
            continue
        start = index
        while index < len(lines) and lines[index].strip() and not FENCE.match(lines[index]):
            index += 1
        yield start, index


def joined_rows(run: list[str]) -> list[str]:
    """Each row with the run-on lines after it joined to its last cell."""
    rows: list[str] = []
    for line in run:
        if ROW.match(line) or not rows:
            rows.append(line.rstrip())
        else:
            rows[-1] += " " + line.strip()
    return rows


def repair_pipe_tables(markdown: str) -> str:
    """The Markdown with every run of pipe rows made a table pandoc reads (blank lines around it)."""
    lines = markdown.split("\n")
    out: list[str] = []
    done = 0
    for start, end in table_runs(lines):
        out += lines[done:start]
        rows = joined_rows(lines[start:end])
        if len(rows) < 2 or not SEPARATOR.match(rows[1]):
            width = max(cell_count(row) for row in rows)
            rows.insert(1, "|" + "---|" * width)
        out += ["", *rows, ""]
        done = end
    return "\n".join(out + lines[done:])
