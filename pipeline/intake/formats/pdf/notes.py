"""Footnotes: the small-font lines at a page's foot that open with the next note number, their
continuation lines joined, a note the page before left unfinished carried on."""

from __future__ import annotations

import re

from pipeline.intake.formats.pdf.blocks import SENTENCE_END, Stats, join_lines
from pipeline.intake.formats.pdf.layout import Line
from pipeline.text.urls import strip_wrapping

# The notice a word processor sets where a footnote breaks onto the next page.
CONTINUED = re.compile(r"\s*\(\s*(?:continued|cont\.?|cont'd)\s*(?:\.\.\.|…)?\s*\)\s*$", re.IGNORECASE)
NOTE_START = re.compile(r"\[?(\d{1,3})(?:\]|[.)](?=\s)|(?=\s))\s*(?=\S)")
URL = re.compile(r"(?:https?://|www\.)\S+")
NOTE_RATIO = 0.9  # note lines are set at most 90% of the body's size (print uses 75-85%)


def note_zone(lines: list[Line], size: float, height: float) -> list[Line]:
    """The small-font lines at the page's foot, top to bottom."""
    zone: list[Line] = []
    for line in sorted(lines, key=lambda item: item.top, reverse=True):
        if line.size > size * NOTE_RATIO or line.top < height * 0.4:
            break
        if not line.reason:  # a chart's small print at the page's foot is no note
            zone.insert(0, line)
    return zone


def take_notes(lines: list[Line], notes: list[dict], stats: Stats, height: float) -> list[Line]:
    """Move a page's footnotes into notes (numbered in sequence, continuation lines joined, a note
    the page before left unfinished carried on); return the page's other lines."""
    taken: set[int] = set()
    current, above = None, None
    for position, line in enumerate(note_zone(lines, stats.size, height)):
        if above is not None and line.top - above.bottom > line.size * 1.5:
            current = None  # set apart from the notes above: a page's own footer, not a note's line
        above = line
        start = NOTE_START.match(line.text)
        number = int(start.group(1)) if start else None
        if number is not None and (not notes or number in (notes[-1]["number"] + 1, 1)):
            current = {"number": number, "text": line.text[start.end():]}
            notes.append(current)
        elif current is None and position == 0 and notes and unfinished(notes[-1]):
            current = notes[-1]  # the last note of the page before runs on here
            current["text"] = join_lines(CONTINUED.sub("", current["text"]), line.text, stats.vocabulary)
        elif current is not None:
            current["text"] = join_lines(current["text"], line.text, stats.vocabulary)
        else:
            continue
        taken.add(id(line))
    return [line for line in lines if id(line) not in taken]


def unfinished(note: dict) -> bool:
    return bool(CONTINUED.search(note["text"])) or not note["text"].endswith(SENTENCE_END)


def note_entry(note: dict) -> dict:
    text = " ".join(CONTINUED.sub("", note["text"]).split())
    return {"number": note["number"], "text": text, "urls": [strip_wrapping(url) for url in URL.findall(text)]}
