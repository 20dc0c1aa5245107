"""Inline citation markers ([12], [3][4], [5, 6], [7-9]): found, removed from the text, kept."""

from __future__ import annotations

import re

MARKER = re.compile(r"\s*\[(\d{1,3}(?:\s*[,;\u2013-]\s*\d{1,3})*)\]")


def marker_numbers(body: str) -> list[int]:
    """'5, 6' -> [5, 6]; '7-9' -> [7, 8, 9] (ranges of at most 20)."""
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", body):
        bounds = re.split(r"\s*[\u2013-]\s*", part)
        if len(bounds) == 2 and 0 < int(bounds[1]) - int(bounds[0]) <= 20:
            numbers += range(int(bounds[0]), int(bounds[1]) + 1)
        else:
            numbers += [int(b) for b in bounds]
    return numbers


def strip_markers(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without markers, and (offset in the new text, number) for each number removed."""
    pieces: list[str] = []
    found: list[tuple[int, int]] = []
    position = length = 0
    for match in MARKER.finditer(text):
        pieces.append(text[position:match.start()])
        length += match.start() - position
        found += [(length, number) for number in marker_numbers(match.group(1))]
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), found
