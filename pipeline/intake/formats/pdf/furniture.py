"""Running heads, running feet and page numbers: the lines at a page's edges that recur, digits
aside, on many pages, and bare page numbers; a last page's foot that adds a version to the running
foot; a running line's words set again as a line of their own (a cover's imprint); a page's short
top or bottom line ending in the page's number, counted as most pages count (a foot whose words
change on pages set otherwise, "Agency Name 1" over "AN-2"). They never reach the cleaner."""

from __future__ import annotations

import math
import re

from pipeline.intake.formats.pdf.layout import Line

# "12", "Page 3 of 9", "- 4 -", "iv", and a prefixed page label ("CRS-9", "A-2").
PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?|[ivxlc]{1,6}"
                         r"|(?-i:[A-Z]{1,5})[-–]\d{1,4}", re.IGNORECASE)
TRAILING_NUMBER = re.compile(r"(?:^|[\s-])(\d{1,4})$")
NUMBERED_EDGE_WORDS = 6  # an edge line this short ending in the page's number is a running line
EDGE_LINES = 3  # lines at a page's top and at its foot where running heads and page numbers sit
PLACE_SLACK = 3.0  # points a running line's height may vary by from page to page


def furniture_key(line: Line) -> str:
    """The line's text with its digits masked, and its size: a title that the running head
    repeats in a smaller size is no running head itself."""
    return f"{round(line.size)} " + masked(line.text)


def masked(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.casefold()).split())


def bare_words(text: str) -> str:
    """The text's words without its numbers and marks: what a running line says on every page."""
    return " ".join(re.sub(r"[^\w\s./:-]|\d+", " ", text.casefold()).split())


def edge_lines(lines: list[Line], tables: list[tuple[float, float]] = ()) -> list[Line]:
    """The page's top and bottom lines, of those above every table and below every table (tables:
    their top and bottom): on a page that is mostly table, the caption and the Source line under it
    are among the page's few lines, and they recur, numbers aside, on every such page."""
    ordered = sorted(lines, key=lambda line: line.top)
    head = [line for line in ordered[:EDGE_LINES] if all(line.bottom <= top + 1 for top, _ in tables)]
    return head + [line for line in ordered[-EDGE_LINES:] if all(line.top >= bottom - 1 for _, bottom in tables)
                   and not any(line is taken for taken in head)]


def running_keys(pages: list[list[Line]], tables: list[list[tuple[float, float]]],
                 heights: list[float]) -> dict[str, float]:
    """The furniture keys of lines among the top or bottom lines of 40% of the pages (a title page
    often has none), and of three pages at least when there are more than three: a note's last
    line ("available.") can recur at the foot of two pages; each with the height it stands at
    (the median, see place): a running line keeps its place, a caption ("Table 3. Fees, 2014") moves."""
    tops: dict[str, list[float]] = {}
    for lines, spans, height in zip(pages, tables, heights, strict=True):
        found = {furniture_key(line): place(line, height) for line in edge_lines(lines, spans)}
        for key, top in found.items():
            tops.setdefault(key, []).append(top)
    needed = max(2 if len(pages) <= 3 else 3, 0.4 * len(pages))
    keys = {}
    for key, found in tops.items():
        median = sorted(found)[len(found) // 2]
        if sum(1 for top in found if abs(top - median) <= PLACE_SLACK) >= needed:
            keys[key] = median
    return keys


def place(line: Line, height: float) -> float:
    """Where the line stands: its top, from the page's top in the upper half and from its foot
    (negative) in the lower, so that a landscape page's foot is where a portrait page's is."""
    return line.top if line.top < height / 2 else line.top - height


def at_place(line: Line, height: float, keys: dict[str, float]) -> bool:
    median = keys.get(furniture_key(line))
    return median is not None and abs(place(line, height) - median) <= PLACE_SLACK


def extends_running(text: str, running: set[str]) -> bool:
    """A running line with codes added: "<running foot> | IF11926 · VERSION 4 · UPDATED"."""
    key = masked(text)
    return any(len(line) >= 10 and line in key and not re.search(r"[a-z]", key.replace(line, "", 1))
               for line in running)


def trailing_number(line: Line) -> int | None:
    match = TRAILING_NUMBER.search(line.text.strip())
    return int(match[1]) if match and len(line.text.split()) <= NUMBERED_EDGE_WORDS else None


def outermost(lines: list[Line]) -> list[Line]:
    """A page's top and bottom lines: where a page number stands."""
    ordered = sorted(lines, key=lambda line: line.top)
    return ordered[:1] + ordered[1:][-1:]


def page_offset(pages: list[list[Line]]) -> int | None:
    """How the pages are numbered (page index minus printed number), when the edge lines of three
    pages and 40% of them at least agree on it; None when they do not."""
    counts: dict[int, int] = {}
    for index, lines in enumerate(pages):
        offsets = {index - number for line in outermost(lines) if (number := trailing_number(line)) is not None}
        for offset in offsets:
            counts[offset] = counts.get(offset, 0) + 1
    best = max(counts.items(), key=lambda item: (item[1], -abs(item[0])), default=None)
    return best[0] if best and best[1] >= max(3, 0.4 * len(pages)) else None


def drop_furniture(pages: list[list[Line]], tables: list[list[tuple[float, float]]] | None = None,
                   heights: list[float] | None = None) -> list[list[Line]]:
    """Pages without their running heads and feet (see running_keys), bare page numbers, edge lines
    that extend a running line with codes, and lines anywhere that say only what a running line says.
    tables: each page's tables, their top and bottom (see edge_lines); heights: the pages' heights."""
    tables = tables or [[] for _ in pages]
    heights = heights or [math.inf] * len(pages)  # unknown: each line's place is its top
    keys = running_keys(pages, tables, heights)
    running = {key.split(" ", 1)[1] for key in keys if " " in key}
    words = {bare for key in running if len((bare := bare_words(key)).split()) >= 2}
    offset = page_offset(pages)
    kept = []
    for index, (lines, spans, height) in enumerate(zip(pages, tables, heights, strict=True)):
        edges = {id(line) for line in edge_lines(lines, spans) if at_place(line, height, keys)
                 or PAGE_NUMBER.fullmatch(line.text) or extends_running(line.text, running)
                 or (offset is not None and line in outermost(lines) and trailing_number(line) == index - offset)}
        kept.append([line for line in lines if id(line) not in edges and bare_words(line.text) not in words])
    return kept
