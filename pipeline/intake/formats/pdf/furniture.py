"""Running heads, running feet and page numbers: the lines at a page's edges that recur, digits
aside, on many pages, and bare page numbers. They never reach the cleaner."""

from __future__ import annotations

import re

from pipeline.intake.formats.pdf.layout import Line

PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?|[ivxlc]{1,6}",
                         re.IGNORECASE)
EDGE_LINES = 3  # lines at a page's top and at its foot where running heads and page numbers sit


def furniture_key(line: Line) -> str:
    """The line's text with its digits masked, and its size: a title that the running head
    repeats in a smaller size is no running head itself."""
    return f"{round(line.size)} " + " ".join(re.sub(r"\d+", "#", line.text.casefold()).split())


def edge_lines(lines: list[Line]) -> list[Line]:
    ordered = sorted(lines, key=lambda line: line.top)
    return ordered[:EDGE_LINES] + ordered[EDGE_LINES:][-EDGE_LINES:]


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without their running headers and footers and bare page numbers.

    A running line recurs, digits aside, among the top or bottom lines of 40% of the pages (a
    title page often has none), and of three pages at least when there are more than three: a
    note's last line ("available.") can recur at the foot of two pages.
    """
    counts: dict[str, int] = {}
    for lines in pages:
        for key in {furniture_key(line) for line in edge_lines(lines)}:
            counts[key] = counts.get(key, 0) + 1
    running = {key for key, count in counts.items() if count >= max(2 if len(pages) <= 3 else 3, 0.4 * len(pages))}
    kept = []
    for lines in pages:
        edges = {id(line) for line in edge_lines(lines)
                 if furniture_key(line) in running or PAGE_NUMBER.fullmatch(line.text)}
        kept.append([line for line in lines if id(line) not in edges])
    return kept
