"""A PDF's body lines (in reading order, page furniture and notes gone) joined into blocks.

Headings are lines set larger than the document's body size, or bold throughout; paragraphs end
at a vertical gap wider than the body's line pitch, at an indented first line, or after a short
line that ends a sentence; a line opening with a bullet or an enumerator ("1.", "a)") starts a list
item. Words hyphenated across a line end are rejoined when the next line goes on in lowercase.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from pipeline.intake.formats.pdf.layout import Line

HEADING_RATIO = 1.15  # a heading's size over the body's: print steps from 10-11 pt body to 12 pt and up
BULLETS = set("•◦▪▫‣⁃●○■□–—-*►▸➢✓\uf0b7\uf0a7\uf076\uf0d8")
ENUMERATOR = re.compile(r"(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)")
LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)[-\u2010]$")
SENTENCE_END = tuple(".!?:;\"”’)")
# A contents entry's leader of dots and page number: it ends the entry's block.
LEADER = re.compile(r"(?:\.\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$|…{2,}\s*\d{1,4}$")
WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")


@dataclass
class Stats:
    """What a document's body looks like: its dominant size, line pitch, columns' edges and words."""

    size: float
    pitch: float
    edges: dict[tuple[int, int], tuple[float, float]]
    vocabulary: set[str]


def body_stats(lines: list[Line], sample: list[Line] | None = None) -> Stats:
    """The body's statistics; its size is the one most characters of sample (default: all the
    lines) are set in. Notes can outweigh the body of a heavily annotated page, so the caller
    samples the pages' upper halves, where notes do not reach."""
    sizes: Counter = Counter()
    for line in sample or lines:
        sizes[line.size] += len(line.text)
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    steps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False)
             if a.page == b.page and a.column == b.column and a.size == b.size == size
             and 0 < b.top - a.top < size * 3]
    vocabulary = {word.casefold() for line in lines for word in WORD.findall(line.text)}
    edges = column_edges([line for line in lines if line.size == size] or lines)
    return Stats(size, median(steps) if steps else size * 1.2, edges, vocabulary)


def is_heading(line: Line, stats: Stats) -> bool:
    words = line.text.split()
    if not any(char.isalpha() for char in line.text) or len(words) > 25:
        return False
    return line.size >= stats.size * HEADING_RATIO or line.bold and line.size >= stats.size * 0.95 and len(words) <= 20


def list_marker(line: Line) -> str | None:
    """The bullet or enumerator that opens a list item, None on another line."""
    first = line.first_word
    if line.text == first:
        return None
    if first in BULLETS or ENUMERATOR.fullmatch(first):
        return first
    if first[:1] in BULLETS and first[1:2].isalpha() and first[:1] not in "-–—*":
        return first[:1]  # a bullet set without a space after it
    return None


def runs_on(previous: Block | None, line: Line, marker: str, stats: Stats) -> bool:
    """Whether a line that opens with an enumerator goes on with the paragraph right above it
    instead: its words after the "enumerator" go on in lowercase, and the paragraph does not
    announce a list (":")."""
    rest = line.text[len(marker):].strip()
    return (previous is not None and previous.kind == "paragraph" and not previous.reason
            and not previous.last.text.endswith(":") and rest[:1].islower() and previous.last.page == line.page
            and 0 < line.top - previous.last.top <= stats.pitch * 1.4)


def join_lines(previous: str, current: str, vocabulary: set[str]) -> str:
    """Two lines of one block as one string, rejoining a word hyphenated across the break.

    The hyphen goes when the next line goes on in lowercase, unless the text spells the word with
    a hyphen elsewhere and never without ("well-known"); before a capital or a digit it stays.
    """
    if len(previous) < 2 or previous[-2].isspace() or not previous.endswith(("-", "\u2010", "\u00ad", "—", "–", "/")):
        return previous + " " + current
    if previous.endswith(("—", "–", "/")):
        return previous + current
    if previous.endswith("\u00ad"):
        return previous[:-1] + current
    if not current[:1].islower():
        return previous[:-1] + "-" + current  # "U.S.-\nChina", "mid-\n2020": a real hyphen
    head, tail = LINE_END_HYPHEN.search(previous), WORD.match(current)
    if head and tail and f"{head.group(1)}-{tail.group(0)}".casefold() in vocabulary:
        if (head.group(1) + tail.group(0)).casefold() not in vocabulary:
            return previous[:-1] + "-" + current
    return previous[:-1] + current


def column_edges(lines: list[Line]) -> dict[tuple[int, int], tuple[float, float]]:
    """(left, right) of each page's columns: where most of the body's lines start and end."""
    edges: dict[tuple[int, int], tuple[float, float]] = {}
    groups: dict[tuple[int, int], list[Line]] = {}
    for line in lines:
        groups.setdefault((line.page, line.column), []).append(line)
    for key, group in groups.items():
        left = Counter(round(line.x0) for line in group).most_common(1)[0][0]
        edges[key] = (left, max(line.x1 for line in group))
    return edges


def starts_paragraph(previous: Line, line: Line, stats: Stats) -> bool:
    """Whether a body line starts a new paragraph rather than going on with the one above."""
    if abs(previous.size - line.size) > 0.5 or LEADER.search(previous.text):
        return True
    if previous.page != line.page or line.top < previous.top:  # on at the top of a page or column
        left, right = stats.edges.get((previous.page, previous.column), (previous.x1, previous.x1))
        full = previous.x1 >= right - (right - left) * 0.15 and right > left
        return not line.text[:1].islower() and (previous.text.endswith(SENTENCE_END) or not full)
    if line.top - previous.top > stats.pitch * 1.4:
        return True
    if previous.column != line.column:  # from the columns to a line that spans them, below
        return True
    left, right = stats.edges.get((line.page, line.column), (line.x0, line.x1))
    if line.x0 > left + line.size * 0.8 and previous.x0 <= left + line.size * 0.8:
        return previous.text.endswith(SENTENCE_END)  # an indented first line (not text beside a drop cap)
    short = previous.x1 < right - (right - left) * 0.15
    return short and previous.text.endswith(SENTENCE_END) and not line.text[:1].islower()


def continues_item(previous: Line, line: Line, item_x0: float, stats: Stats) -> bool:
    """Whether a line goes on with the list item above it: no gap, at the item's hanging indent."""
    return (previous.page == line.page and line.top - previous.top <= stats.pitch * 1.4
            and abs(line.x0 - item_x0) <= line.size * 0.8 and list_marker(line) is None)


@dataclass
class Block:
    kind: str  # heading | paragraph | item
    text: str
    last: Line  # the block's last line so far
    indent: float = 0.0  # where an item's text starts
    reason: str | None = None  # why the block is not the document's text (its lines' reason)
    first: Line | None = None  # the block's first line

    def __post_init__(self):
        self.first = self.first or self.last


def build_blocks(lines: list[Line], stats: Stats) -> list[Block]:
    """The lines as blocks; lines set apart (a date line, an author's name) stay blocks of their
    own, and the text goes on past them as if they were not there."""
    blocks: list[Block] = []
    for line in lines:
        if line.reason:
            previous = blocks[-1] if blocks else None
            if previous and previous.reason == line.reason and previous.last.page == line.page:
                previous.text, previous.last = join_lines(previous.text, line.text, stats.vocabulary), line
            else:
                blocks.append(Block("paragraph", line.text, line, reason=line.reason))
            continue
        previous = next((block for block in reversed(blocks) if not block.reason), None)
        marker = list_marker(line)  # a bullet item set in bold is still an item; a numbered heading is not
        if marker and marker not in BULLETS and runs_on(previous, line, marker, stats):
            marker = None  # "(18 Stat." / "76) stated ...": a number the sentence above broke before
        heading = is_heading(line, stats) and (marker is None or line.size >= stats.size * HEADING_RATIO)
        marker = None if heading else marker
        if heading and previous and previous.kind == "heading" and same_heading(previous.last, line, stats):
            previous.text, previous.last = join_lines(previous.text, line.text, stats.vocabulary), line
        elif heading:
            blocks.append(Block("heading", line.text, line))
        elif marker:
            text = line.text[len(marker):].strip()
            indent = next((w["x0"] for w in line.words if not w["text"].startswith(marker)), line.x0)
            blocks.append(Block("item", text, line, indent))
        elif previous and previous.kind == "item" and continues_item(previous.last, line, previous.indent, stats):
            previous.text, previous.last = join_lines(previous.text, line.text, stats.vocabulary), line
        elif previous and previous.kind == "paragraph" and not starts_paragraph(previous.last, line, stats):
            previous.text, previous.last = join_lines(previous.text, line.text, stats.vocabulary), line
        else:
            blocks.append(Block("paragraph", line.text, line))
    return blocks


def same_heading(previous: Line, line: Line, stats: Stats) -> bool:
    """A heading's second line: the same face and size, right under the first."""
    return (previous.page == line.page and previous.size == line.size and previous.bold == line.bold
            and line.top - previous.bottom < line.size * 0.8)


def block_text(block: Block) -> str:
    prefix = {"heading": "# ", "item": "• "}.get(block.kind, "")
    return prefix + " ".join(block.text.split())
