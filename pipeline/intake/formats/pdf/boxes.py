"""Text boxes: a shaded or framed panel of prose set apart from the running text (a sidebar, a
"who's who" of terms, a box of related legislation). The running text reads on around it and never
through it, so it is no part of the body's paragraphs; a capture of the same page writes it as a
table of one cell, and the reader keeps it so: one table with one cell, its lines joined.

A panel is a filled (not white) or stroked rectangle at least a quarter of the page wide and a few
lines tall, not a page-wide background, outermost where panels nest (a box's shaded title band).
It is a text box when its words make two lines or more, one of them prose, and it holds no image.
"""

from __future__ import annotations

from pipeline.intake.formats.pdf.figures import is_prose_band
from pipeline.intake.formats.pdf.layout import group_lines
from pipeline.intake.formats.pdf.tables import Table, inside

MIN_WIDTH_SHARE = 0.25  # of the page's width: narrower shaded shapes are tags, bars or icons
MIN_HEIGHT = 30.0  # points: about three lines of text
NEST = 1.0  # points of slack when one panel lies inside another


def is_white(color) -> bool:
    values = color if isinstance(color, (list, tuple)) else (color,)
    return all(isinstance(value, (int, float)) and value >= 0.99 for value in values) or values == (0, 0, 0, 0)


def panels(page) -> list[tuple[float, float, float, float]]:
    """The outermost filled or framed rectangles big enough to hold a box of text."""
    found = []
    for rect in page.rects:
        width, height = rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]
        if width > page.width * 0.9 and height > page.height * 0.5:
            continue  # the page's background
        painted = (rect.get("fill") and not is_white(rect.get("non_stroking_color"))) or rect.get("stroke")
        if painted and width >= page.width * MIN_WIDTH_SHARE and height >= MIN_HEIGHT:
            found.append((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    return [box for box in found if not any(other != box and contains(other, box) for other in found)]


def contains(outer: tuple, inner: tuple) -> bool:
    return (outer[0] - NEST <= inner[0] and outer[1] - NEST <= inner[1]
            and inner[2] <= outer[2] + NEST and inner[3] <= outer[3] + NEST)


def box_text(words: list[dict]) -> str:
    """The box's lines in reading order joined into one text; a word hyphenated at a line's end
    rejoined when the line after goes on in lowercase."""
    text = ""
    for band in group_lines(words):
        line = " ".join(word["text"] for word in band)
        if text.endswith("-") and line[:1].islower() and not text.endswith(" -"):
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def text_boxes(page, index: int, words: list[dict], taken: list[tuple]) -> tuple[list[tuple], list[dict]]:
    """The page's text boxes as (bounding box, one-cell table), and the words left outside them.
    `taken`: the bounding boxes of tables already read, which no box may overlap."""
    tables: list[tuple] = []
    for box in panels(page):
        if any(overlaps(box, other) for other in taken) or any(inside(image, box) for image in page.images):
            continue
        held = [word for word in words if inside(word, box)]
        bands = group_lines(held)
        if len(bands) >= 2 and any(is_prose_band(band) for band in bands):
            tables.append((box, Table(index, box[1], box[3], [[box_text(held)]])))
            ids = {id(word) for word in held}
            words = [word for word in words if id(word) not in ids]
    return tables, words


def overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
