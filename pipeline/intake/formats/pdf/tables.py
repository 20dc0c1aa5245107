"""Tables: ruled tables as pdfplumber's finder reads them, kept as rows out of the text, each put
in the page's stream before the first line below it, a "Table n." line right above it its caption."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.intake.formats.pdf.layout import Line


@dataclass
class Table:
    page: int
    top: float
    bottom: float
    rows: list[list[str]]
    caption: str | None = None


def is_table(rows: list[list[str]]) -> bool:
    """Rows and columns of text: two rows with two filled cells at least, and most cells filled.

    A framed text box or a shaded paragraph with a link in it comes out of the finder as a
    "table" of one wide cell a row beside empty ones.
    """
    cells = [cell for row in rows for cell in row]
    full_rows = sum(1 for row in rows if sum(1 for cell in row if cell) >= 2)
    return full_rows >= 2 and sum(1 for cell in cells if cell) >= len(cells) / 2


def inside(word: dict, bbox: tuple) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def place_tables(lines: list[Line], tables: list[Table]) -> list[Line | Table]:
    """The page's lines with each table put before the first line below it; a 'Table n.' line
    right above a table is its caption."""
    stream: list[Line | Table] = list(lines)
    for table in sorted(tables, key=lambda item: item.top):
        at = next((i for i, item in enumerate(stream) if isinstance(item, Line) and item.top >= table.bottom - 1),
                  len(stream))
        before = stream[at - 1] if at else None
        if isinstance(before, Line) and re.match(r"Table\s+\w+", before.text) and before.bottom <= table.top + 1:
            table.caption, at = before.text, at - 1
            stream.pop(at)
        stream.insert(at, table)
    return stream
