"""Grouping cleaned lines into the article's blocks: paragraphs, headings and list items, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.intake.debris import Line
from pipeline.intake.metadata import parse_byline

SENTENCE_END = tuple(".!?:;\u201d\u2019\"')")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
TRAILING_MARKERS = re.compile(r"(?:\s*\[\d{1,3}(?:\s*[,;\u2013-]\s*\d{1,3})*\])+$")
# A bullet opening a line: the Markdown ones, and the "• " the format readers give an HTML list item.
LIST_BULLET = re.compile(r"^[•*+-]\s+")
WRAP_WIDTH = 100  # wrapped text stays under this; e-mail and terminals wrap at 72-80


@dataclass
class Block:
    kind: str  # paragraph | heading | list_item
    text: str
    lines: list[int]
    marked: bool = False  # a heading its format marks as one ("# "), not one told by its shape


def is_heading_text(text: str) -> bool:
    """Short, unpunctuated, capitalized: a heading inside an article, not a sentence."""
    if MARKDOWN_HEADING.match(text):
        return True
    text = TRAILING_MARKERS.sub("", text)  # "... the council.[2]" ends as a sentence ends
    words = text.split()
    if not words or len(words) > 16 or len(text) > 140:
        return False
    if text.rstrip().endswith(tuple(".,;:!\u201d\"")) or re.search(r"[.!?]\s+[A-Z]", text):
        return False
    capitalized = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return text[:1].isupper() or text[:1].isdigit() and capitalized >= len(words) / 3


def is_hard_wrapped(lines: list[Line]) -> bool:
    """Whether the text was wrapped at a fixed width (e-mail, PDF copy): its long lines all stay short.

    Text with one paragraph a line (pasted pages) has many lines far over any wrap width.
    """
    long_lines = [len(line.text) for line in lines if len(line.text) >= 30]
    return bool(long_lines) and sum(length > WRAP_WIDTH for length in long_lines) <= len(long_lines) * 0.1


def continues(previous: str, current: str, wrapped: bool) -> bool:
    """Whether a line is a hard-wrapped continuation of the one before it."""
    if not previous or MARKDOWN_HEADING.match(previous) or is_heading_text(previous) and len(previous) < 60:
        return False
    if LIST_BULLET.match(current):
        return False
    if previous.rstrip().endswith(SENTENCE_END):
        return current[:1].islower()
    return wrapped and len(previous) >= 50 or current[:1].islower()


def group_blocks(lines: list[Line]) -> list[Block]:
    """Blank lines end blocks; inside a blank-line block, unwrapped lines stay separate blocks.

    Scraped text often has one block per line and no blank lines at all, so a line only joins
    the one before it when that one is visibly cut short mid-sentence.
    """
    blocks: list[Block] = []
    open_block = False
    wrapped = is_hard_wrapped(lines)
    for line in lines:
        text = line.text.strip()
        if not text:
            open_block = False
            continue
        previous = blocks[-1] if blocks else None
        if (open_block and previous.kind != "heading" and continues(previous.text, text, wrapped)
                or previous and runs_into(previous, text)):
            previous.text += " " + text
            previous.lines.append(line.number)
            if previous.kind == "heading":  # it ran into this block: a sentence, not a heading
                previous.kind = "paragraph"
            continue
        if LIST_BULLET.match(text):
            blocks.append(Block("list_item", LIST_BULLET.sub("", text), [line.number]))
        else:
            kind, marked = "heading" if is_heading_text(text) else "paragraph", bool(MARKDOWN_HEADING.match(text))
            blocks.append(Block(kind, MARKDOWN_HEADING.sub("", text), [line.number], marked))
        open_block = True
    return blocks


def runs_into(previous: Block, text: str) -> bool:
    """Whether a heading told by its shape is a sentence's start that the next block, opening in
    lowercase, goes on with: "On June 26, 2023, the Army announced" over an indented quotation
    "[t]he award of two contracts ...". A heading opens no sentence in lowercase; a byline ("by Ann
    Lee, Harbour News", "By Ann Lee | 12/10/2020") is neither, and nor is what goes on from it."""
    last = previous.text.rstrip()[-1:]  # a word's end or a note marker's: "the Army announced [3]"
    return (previous.kind == "heading" and not previous.marked and (last.isalnum() or last == "]")
            and text.lstrip("[(“‘\"'")[:1].islower() and not parse_byline(text) and not parse_byline(previous.text))
