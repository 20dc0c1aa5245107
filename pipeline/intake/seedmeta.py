"""A seed's metadata from its blocks: title, subtitle, authors, affiliation, publisher, date,
provenance. Metadata blocks leave the body; sources.yaml entries win over what the text says."""

from __future__ import annotations

import re

from pipeline.intake.blocks import Block
from pipeline.intake.metadata import (
    is_name_line,
    parse_affiliation,
    parse_bio,
    parse_byline,
    parse_date_line,
    parse_provenance,
    parse_role_bio,
    starts_with_name,
)

FIELDS = ("title", "subtitle", "authors", "affiliation", "publisher", "date", "url", "provenance")
HEAD_BLOCKS = 4  # bylines and dates are looked for among the first blocks only


def empty_metadata() -> dict:
    return {"title": None, "title_missing": True, "subtitle": None, "authors": [], "affiliation": None,
            "publisher": None, "date": None, "url": None, "provenance": None}


def recognize_tail_bio(text: str, meta: dict) -> str | None:
    """'Will Knight is a senior writer for WIRED ...', or a paragraph opening with a byline's name.

    Only at an article's very end: in the body, 'X is a professor at Y' introduces a source.
    """
    if (bio := parse_role_bio(text)) is not None:
        if not meta["authors"]:
            meta["authors"].append(bio["author"])
        return "author bio"
    if any(starts_with_name(text, author) for author in meta["authors"]):
        return "author bio"
    return None


def recognize(block: Block, position: int, meta: dict) -> str | None:
    """Record what a metadata block says into meta; return the reason it leaves the body."""
    text = block.text
    byline = parse_byline(text) if position < HEAD_BLOCKS or block.kind == "heading" else None
    if byline:
        meta["authors"] += [a for a in byline["authors"] if a not in meta["authors"]]
        meta["publisher"] = meta["publisher"] or byline["organization"]
        meta["date"] = meta["date"] or byline["date"]
        return "byline"
    if (bio := parse_bio(text)) is not None:
        if bio["author"] not in meta["authors"]:
            meta["authors"].append(bio["author"])
        meta["publisher"] = meta["publisher"] or bio["organization"]
        return "author bio"
    if (affiliation := parse_affiliation(text)) is not None:
        meta["affiliation"] = affiliation
        return "author affiliation"
    if (provenance := parse_provenance(text)) is not None:
        meta["provenance"] = provenance
        return "provenance note"
    if (date := parse_date_line(text)) is not None:  # a bare date is no sentence anywhere
        if position < HEAD_BLOCKS:
            meta["date"] = meta["date"] or date
        return "date line"
    return None


def take_tail_bios(blocks: list[Block], meta: dict, dropped: list[dict]) -> list[Block]:
    """Author bios close an article: taken from its end while its last paragraph is one."""
    while blocks and blocks[-1].kind == "paragraph" and (reason := recognize_tail_bio(blocks[-1].text, meta)):
        dropped.append({"line": blocks[-1].lines[0], "text": blocks[-1].text, "reason": reason})
        blocks = blocks[:-1]
    return blocks


def looks_like_title(block: Block) -> bool:
    words = block.text.split()
    return 0 < len(words) <= 25 and not block.text.rstrip().endswith((".", ",", ";", ":"))


def looks_like_standfirst(block: Block, following: Block | None, title_line: int) -> bool:
    """A short paragraph right under the title (a blank line apart at most) that asks a question
    or leads straight into a heading; one that cites sources ([n]) is the text itself."""
    words = block.text.split()
    return (block.kind == "paragraph" and len(words) <= 40 and block.lines[0] <= title_line + 2
            and "[" not in block.text
            and (block.text.rstrip().endswith("?") or following is not None and following.kind == "heading"))


def take_title(blocks: list[Block], meta: dict, dropped: list[dict], title_lines: set[int | None]) -> list[Block]:
    """The first block is the title when it looks like one and starts on one of title_lines;
    a standfirst under it is the subtitle."""
    if blocks and meta["title"] and blocks[0].text.strip().casefold() == meta["title"].strip().casefold():
        dropped.append({"line": blocks[0].lines[0], "text": blocks[0].text, "reason": "title"})
        blocks = blocks[1:]
    elif (blocks and not meta["title"] and blocks[0].lines[0] in title_lines
          and looks_like_title(blocks[0])):
        meta["title"] = blocks[0].text.strip()
        dropped.append({"line": blocks[0].lines[0], "text": blocks[0].text, "reason": "title"})
        title_line, blocks = blocks[0].lines[-1], blocks[1:]
        if blocks and looks_like_standfirst(blocks[0], blocks[1] if len(blocks) > 1 else None, title_line):
            meta["subtitle"] = blocks[0].text.strip()
            dropped.append({"line": blocks[0].lines[0], "text": blocks[0].text, "reason": "subtitle"})
            blocks = blocks[1:]
    return blocks


def drop_name_lines(blocks: list[Block], meta: dict, dropped: list[dict]) -> list[Block]:
    """A line that only repeats an author's name (above a bio, under an article) is metadata."""
    kept = []
    for block in blocks:
        if any(is_name_line(block.text, author) for author in meta["authors"]):
            dropped.append({"line": block.lines[0], "text": block.text, "reason": "author name"})
        else:
            kept.append(block)
    return kept


def extract_metadata(blocks: list[Block], found: dict, sources: dict,
                     title_line: int | None = None) -> tuple[dict, list[Block], list[dict]]:
    """(metadata, body blocks, dropped lines) — found: what the file format said; sources wins.

    The title is the first body block when it looks like one and is the text's first block or
    the line the page's layout showed as the title (title_line).
    """
    meta = empty_metadata()
    meta.update({k: v for k, v in found.items() if k in FIELDS and v})
    title_lines = {blocks[0].lines[0] if blocks else 0, title_line}
    dropped: list[dict] = []
    body: list[Block] = []
    for position, block in enumerate(blocks):
        reason = recognize(block, position, meta)
        if reason:
            dropped.append({"line": block.lines[0], "text": block.text, "reason": reason})
        else:
            body.append(block)
    body = take_tail_bios(body, meta, dropped)
    body = take_title(body, meta, dropped, title_lines)
    body = drop_name_lines(body, meta, dropped)
    meta = apply_sources(meta, sources)
    if meta["provenance"] and not meta["publisher"]:
        meta["publisher"] = meta["provenance"]["republished_by"] or meta["provenance"]["original_publisher"]
    meta["title_missing"] = not meta["title"]
    return meta, body, dropped


def apply_sources(meta: dict, entry: dict) -> dict:
    """Per-seed metadata from seeds/sources.yaml wins over what the text says."""
    for key in FIELDS:
        if entry.get(key):
            meta[key] = entry[key]
    if isinstance(meta["authors"], str):
        meta["authors"] = [a.strip() for a in re.split(r";| and ", meta["authors"]) if a.strip()]
    return meta
