"""Figures: the areas of a page a picture or a drawing takes, and the text drawn in and around them.

A chart's labels, axis ticks and legend are set as text inside the chart's area or just beside it
(the ticks under an axis); they are the figure, not the document's text. An area is an embedded
image, or a cluster of vector graphics (curves, boxes, strokes and the axes that join them) with
enough pieces to be a drawing. A framed or shaded box around running text is no figure: an area
whose words make lines of prose is left alone; and a caption or a Source line beside a figure is its
apparatus, which the shapes find.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.intake.formats.blockshapes import CAPTION
from pipeline.intake.formats.pdf.layout import column_words, group_lines
from pipeline.intake.labels import is_apparatus_label, split_label

MIN_AREA = 24.0  # an area is at least this many points wide and tall (smaller: a bullet, an icon)
MIN_PIECES = 6  # a drawing has this many vector pieces at least (a box has four sides or one)
NEAR = 4.0  # pieces this close belong to one drawing
MARGIN = (36.0, 14.0)  # labels stand this close to a drawing's side, top or foot (an axis's ticks, a legend)
PROSE_WORDS = 8  # a band of this many words inside an area, most in lowercase, is prose: a text box


@dataclass
class Area:
    x0: float
    top: float
    x1: float
    bottom: float
    pieces: int = 1

    def holds(self, word: dict) -> bool:
        x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom

    def touches(self, other: Area) -> bool:
        return (other.x0 <= self.x1 + NEAR and self.x0 <= other.x1 + NEAR
                and other.top <= self.bottom + NEAR and self.top <= other.bottom + NEAR)

    def merge(self, other: Area) -> None:
        self.x0, self.top = min(self.x0, other.x0), min(self.top, other.top)
        self.x1, self.bottom = max(self.x1, other.x1), max(self.bottom, other.bottom)
        self.pieces += other.pieces


def vector_pieces(page) -> list[Area]:
    """The page's curves, boxes and strokes, a page-wide background aside."""
    pieces = []
    for obj in [*page.curves, *page.rects, *page.lines]:
        if obj["x1"] - obj["x0"] > page.width * 0.9 and obj["bottom"] - obj["top"] > page.height * 0.5:
            continue
        pieces.append(Area(obj["x0"], obj["top"], obj["x1"], obj["bottom"]))
    return pieces


def clusters(pieces: list[Area]) -> list[Area]:
    """Pieces that touch joined into one area, transitively."""
    merged: list[Area] = []
    for piece in sorted(pieces, key=lambda area: (area.top, area.x0)):
        joined = [area for area in merged if area.touches(piece)]
        for area in joined:
            piece.merge(area)
            merged.remove(area)
        merged.append(piece)
    return merged


def figure_areas(page) -> list[Area]:
    """The page's images and drawings big enough to be figures."""
    images = [Area(image["x0"], image["top"], image["x1"], image["bottom"], MIN_PIECES) for image in page.images]
    areas = [area for area in clusters(vector_pieces(page)) if area.pieces >= MIN_PIECES] + images
    return [area for area in areas if area.x1 - area.x0 >= MIN_AREA and area.bottom - area.top >= MIN_AREA]


def is_prose_band(words: list[dict]) -> bool:
    return len(words) >= PROSE_WORDS and sum(word["text"][:1].islower() for word in words) * 2 >= len(words)


def is_apparatus(words: list[dict]) -> bool:
    """A caption or a Source, Notes line: set beside a figure, but no part of it."""
    text = " ".join(word["text"] for word in words)
    label = split_label(" ".join(text.split()[:6]))
    return bool(CAPTION.match(text) or label and is_apparatus_label(label[0]))


def figure_words(page, words: list[dict], tables: list[tuple[float, float, float, float]]) -> list[dict]:
    """The words drawn inside the page's figures or just beside them (lines of a column that lie
    wholly there), those of areas that hold prose, and captions and source lines, aside. The
    borders of tables (x0, top, x1, bottom) draw no figure."""
    areas = [area for area in figure_areas(page)
             if not any(x0 - 2 <= area.x0 and area.x1 <= x1 + 2 and top - 2 <= area.top and area.bottom <= bottom + 2
                        for x0, top, x1, bottom in tables)
             and not any(is_prose_band(band) for band in group_lines([w for w in words if area.holds(w)]))]
    if not areas:
        return []
    wide = [Area(area.x0 - MARGIN[0], area.top - MARGIN[1], area.x1 + MARGIN[0], area.bottom + MARGIN[1])
            for area in areas]
    found: list[dict] = []
    for column in column_words(words, page.width):
        for band in group_lines(column):
            if any(all(area.holds(word) for word in band) for area in wide) and not is_prose_band(band) \
                    and not is_apparatus(band):
                found += band
    return found
