"""Pipe tables as web captures write them: rows of "| cell | cell" with no "|---|" line under the
first, and a cell's text running on over the lines after its row. Pandoc reads a pipe table only with
that separator line, so it is added; the run-on lines join their row. A cell of several paragraphs
runs on after a blank line: a paragraph that the next row follows without a blank line, or that
stands between the last row and the table's source or note line, is the last cell's too (prose
after a table is set off from what comes next; a table's own lines end at its source line).
Text inside code fences is left.
"""

from __future__ import annotations

import re

from pipeline.intake.labels import is_apparatus_label, split_label

ROW = re.compile(r"^\s*\|")
SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
FENCE = re.compile(r"^\s*(?:```|~~~)")
EMPHASIS = re.compile(r"[*_]+")
CAPTION = re.compile(r"^\s*\**\s*(?:table|figure|fig\.)\s*\d", re.IGNORECASE)  # the next table's caption


def cell_count(row: str) -> int:
    """Cells of a row, escaped pipes ("\\|") not counted; a closing pipe opens no cell."""
    cells = re.split(r"(?<!\\)\|", row.strip())
    return max(1, len([cell for cell in cells[1:]]) - (1 if row.rstrip().endswith("|") else 0))


def is_source_line(line: str) -> bool:
    """ "Source: ...", "**Notes:** ...": the line under a table that says where its figures are from."""
    label = split_label(EMPHASIS.sub("", line))
    return label is not None and is_apparatus_label(label[0])


def run_on_end(lines: list[str], end: int) -> int:
    """Where a table that seems to end at `end` (a blank line) really ends: past each paragraph that
    goes on its last cell (see the module's docstring); `end` itself when none does."""
    while True:
        start = end
        while start < len(lines) and not lines[start].strip():
            start += 1
        stop = start
        while stop < len(lines) and lines[stop].strip() and not ROW.match(lines[stop]) and not FENCE.match(lines[stop]):
            stop += 1
        if start == stop or start == end or CAPTION.match(lines[start]) or is_source_line(lines[start]):
            return end
        if stop < len(lines) and ROW.match(lines[stop]):
            return stop  # the next row follows at once: the run goes on from it
        after = stop
        while after < len(lines) and not lines[after].strip():
            after += 1
        if stop < len(lines) and after < len(lines) and after > stop and is_source_line(lines[after]):
            end = stop  # the paragraph, and what may follow it, before the source line
            continue
        return end


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
        while True:
            while index < len(lines) and lines[index].strip() and not FENCE.match(lines[index]):
                index += 1
            resumed = run_on_end(lines, index)
            if resumed == index:
                break
            index = resumed
        yield start, index


def joined_rows(run: list[str]) -> list[str]:
    """Each row with the run-on lines after it joined to its last cell."""
    rows: list[str] = []
    for line in run:
        if not line.strip():
            continue  # between a row and a paragraph of its last cell
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
