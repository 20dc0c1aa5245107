"""What each block of a structured document is, by its shape: text, or what a page put around it.

A captured web page carries more than its document: navigation made of links, link widgets
("Download PDF", "Listen"), in-page contents (lists of links), version-history lists, a metadata
head or key-value table, notes as numbered table rows, captions and source lines under tables,
legal notices. Each is told by how it is built (share of link text, labels, numbering, position),
never by one site's words. Dropped blocks keep their text and reason for the audit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.intake.labels import (
    field_of,
    is_apparatus_label,
    is_notice_label,
    read_field,
    split_label,
    squashed,
    title_line_date,
    updated_date,
)
from pipeline.intake.metadata import parse_byline

LINK_SHARE = 0.6  # a block whose words are mostly link text is navigation, not prose
SHORT_BLOCK_WORDS = 12  # ... when it is short; a long one only when almost all of it is links
LIST_SHARE = 0.6  # a list most of whose items are links is a list of links
NOTE_NUMBER = re.compile(r"^\[?\(?(\d{1,4})[.)\]]?$")
NOTES_HEADING = re.compile(r"^(?:foot|end)?notes?$|^anmerkungen$|^notas$", re.IGNORECASE)
CAPTION = re.compile(r"^(?:table|figure|fig\.|chart|exhibit|map|graph|box|tabelle|abbildung|tableau|cuadro)"
                     r"\s*\d+[a-z]?\s*[.:—–-]", re.IGNORECASE)
PROSE_WORDS = 12
# A note number glued to the punctuation after a word or a closing quote ("expensive.1 ", "said.”12").
GLUED_MARKER = re.compile(r"(?:(?<=[^\W\d_][.,;:])|(?<=[”\"’)]))(\d{1,3})(?=\s|$)")
MAX_MARKER = 999  # inline markers have at most three digits (pipeline.text.markers)
FURNITURE = {"navigation links", "link list", "in-page contents", "metadata table", "metadata label"}
SENTENCE_END = tuple(".!?\"”’)")
# A sentence's last mark, perhaps inside closing quotes or brackets: "(Selected Years)" closes none.
SENTENCE_CLOSE = re.compile(r"[.!?][\"”’)\]]*$")


@dataclass
class Item:
    kind: str  # heading | paragraph | list_item | table | rule | code
    text: str = ""
    level: int = 0
    links: list[tuple[str, str]] = field(default_factory=list)
    link_chars: int = 0
    list_id: int | None = None
    number: int | None = None
    rows: list[list[str]] | None = None
    reason: str | None = None


@dataclass
class Shaped:
    text: str
    metadata: dict
    tables: list[dict]
    notes: list[dict]
    dropped_lines: dict[int, str]
    links: list[dict] = field(default_factory=list)  # {"number", "url", "text"}: inline citations


def words(text: str) -> list[str]:
    return text.split()


def link_share(item: Item) -> float:
    total = len(words(item.text))
    linked = sum(len(words(text)) for text, _ in item.links)
    return linked / total if total else 0.0


def is_link_block(item: Item) -> bool:
    """Mostly link text: short with most words linked, or long with nearly all of them."""
    if not item.links or item.kind not in ("paragraph", "list_item"):
        return False
    share = link_share(item)
    return share >= LINK_SHARE and (len(words(item.text)) <= SHORT_BLOCK_WORDS or share >= 0.9)


def is_prose(item: Item) -> bool:
    """A paragraph of sentences: long enough, ending as a sentence ends, no label, not links."""
    return (item.kind == "paragraph" and not item.reason and len(words(item.text)) >= PROSE_WORDS
            and item.text.rstrip().endswith(SENTENCE_END) and not is_link_block(item)
            and split_label(item.text.split("\n")[0]) is None)


def head_end(items: list[Item]) -> int:
    """Index of the first prose paragraph: what stands before it is the document's head."""
    return next((index for index, item in enumerate(items) if is_prose(item)), len(items))


def read_labels(lines: list[str], metadata: dict, head: bool) -> bool:
    """Record "Label: value" lines into metadata (the first value of a field wins); whether every
    line was a label line."""
    labelled = [split_label(line) for line in lines if line.strip()]
    for found in labelled:
        name = field_of(found[0]) if found else None
        if name and (head or name != "url") and name not in metadata and (value := read_field(name, found[1])):
            metadata[name] = value
    return bool(labelled) and all(labelled)


def mark_head(items: list[Item], metadata: dict) -> None:
    """Title, label lines, "Updated <date>" lines and metadata tables of the document's head."""
    end = head_end(items)
    for item in items[:end]:
        if item.kind == "heading" and "title" not in metadata and item.level <= 1:
            metadata["title"] = " ".join(words(item.text))
            item.reason = "title"
        elif item.kind in ("heading", "paragraph", "list_item") and title_line(item, metadata):
            item.reason = "title"
        elif item.kind == "paragraph" and read_labels(item.text.split("\n"), metadata, head=True):
            item.reason = "metadata label"
        elif item.kind == "paragraph" and (date := updated_date(plain := " ".join(words(item.text)))) and (
                not parse_byline(plain)):
            # a byline that ends in its date ("By A and B · Published 14 March 2025") stays for the
            # byline reader, which takes the names and the date both
            metadata.setdefault("date", date)
            item.reason = "date line"
    # The first "prose" of the head may be the title set again with its date and number glued on
    # ("<title>April 17, 2026 (R48911)"): a sentence's length, and no sentence.
    if end < len(items) and items[end].kind == "paragraph" and dated_title_line(items[end].text, metadata):
        items[end].reason = "title"
    for item in items:
        if item.kind == "table" and is_label_table(item.rows):
            read_labels([" ".join(row[:2]) for row in item.rows], metadata, head=True)
            item.reason = "metadata table"


def dated_title_line(text: str, metadata: dict) -> bool:
    """The title, then a date and at most a few more words: the title line of a capture's header."""
    title = metadata.get("title") or ""
    line = " ".join(words(text))
    if not title or not squashed(line).startswith(squashed(title)):
        return False
    is_title, date = title_line_date(line, title)
    return is_title and date is not None and len(line.split()) <= len(title.split()) + 6


def title_line(item: Item, metadata: dict) -> bool:
    """The title again, perhaps with the date beside it (which is taken when none is known yet);
    link text glued to it ("Listen", a version link) is a widget's, not the line's."""
    text = item.text
    for link_text, _ in item.links:
        text = text.replace(link_text, " ", 1)
    is_title, date = title_line_date(" ".join(words(text)), metadata.get("title") or "")
    if is_title and date:
        metadata.setdefault("date", date)
    return is_title


def is_label_table(rows: list[list[str]]) -> bool:
    """A key-value table: most rows a "Label:" cell and a value."""
    labelled = [row for row in rows if len(row) >= 2 and row[0].rstrip().endswith(":") and split_label(row[0])]
    return bool(rows) and len(labelled) * 2 > len(rows)


def mark_links(items: list[Item]) -> None:
    """Navigation, link widgets and lists of links (in-page contents, version histories)."""
    by_list: dict[int, list[Item]] = {}
    for item in items:
        if item.list_id is not None:
            by_list.setdefault(item.list_id, []).append(item)
        elif is_link_block(item) and not item.reason:
            item.reason = "navigation links"
    for members in by_list.values():
        # An item already read as something else (the title line a capture glued to a version list's
        # last item) is no evidence either way.
        members = [item for item in members if not item.reason] or members
        if sum(map(is_link_block, members)) >= LIST_SHARE * len(members):
            anchors = sum("#" in target for item in members for _, target in item.links)
            reason = "in-page contents" if anchors * 2 > sum(len(item.links) for item in members) else "link list"
            for item in members:
                item.reason = item.reason or reason


def table_notes(rows: list[list[str]]) -> list[dict] | None:
    """Notes written as table rows ("| 1. | text"): most rows a number in the first cell, numbers
    running on one by one, and text (not figures) in the rest: a table of years is no notes list.
    A numbered row left empty (a note that was only an image) keeps its number in the run, and gives
    no note."""
    notes, numbered, last = [], 0, None
    for row in rows:
        number = NOTE_NUMBER.match(row[0].strip()) if row else None
        text = " ".join(cell for cell in row[1:] if cell).strip()
        if number and last is not None and int(number[1]) != last + 1:
            return None
        if number:
            numbered, last = numbered + 1, int(number[1])
        if number and text:
            notes.append({"number": last, "text": text})
        elif not number and notes and " ".join(row).strip():
            notes[-1]["text"] += " " + " ".join(row).strip()
    wordy = sum(len(re.findall(r"[^\W\d_]{2,}", note["text"])) >= 3 for note in notes)
    return notes if notes and numbered * 10 >= len(rows) * 8 and wordy * 2 > len(notes) else None


def mark_notes(items: list[Item]) -> list[dict]:
    """Notes tables and notes sections (a "Notes" heading over numbered items), with their heading."""
    notes: list[dict] = []
    for index, item in enumerate(items):
        found = table_notes(item.rows) if item.kind == "table" and not item.reason else None
        if found:
            notes += found
            item.reason = "notes"
            previous = items[index - 1] if index else None
            if previous is not None and previous.kind == "heading":
                previous.reason = "notes heading"
        elif item.kind == "heading" and NOTES_HEADING.match(item.text.strip()):
            numbered = notes_section(items[index + 1:])
            if numbered:
                item.reason = "notes heading"
                notes += numbered
    return notes + backlinked_notes(items)


def backlink(item: Item) -> str | None:
    """The text of the link that closes a note and leads back to its marker ("↩", "^", "back"):
    a link into this page standing at the item's end."""
    if not item.links:
        return None
    link_text, url = item.links[-1]
    text = " ".join(words(item.text))
    return link_text if link_text and (url.startswith("#") or is_in_page(url)) and text.endswith(link_text) else None


def backlinked_notes(items: list[Item]) -> list[dict]:
    """A numbered list whose items each close with a link back to their marker, with or without a
    heading over it: the notes list Markdown processors and blog tools write (<ol class="footnotes">)."""
    by_list: dict[int, list[Item]] = {}
    for item in items:
        if item.kind == "list_item" and item.list_id is not None and item.number is not None and not item.reason:
            by_list.setdefault(item.list_id, []).append(item)
    notes = []
    for members in by_list.values():
        closing = [backlink(item) for item in members]
        if len(members) < 2 or sum(text is not None for text in closing) * 10 < len(members) * 8:
            continue
        for item, link_text in zip(members, closing, strict=True):
            text = " ".join(words(item.text))
            notes.append({"number": item.number, "text": text.removesuffix(link_text or "").strip()})
            item.reason = "notes"
    return notes


def notes_section(items: list[Item]) -> list[dict]:
    """The numbered list items right under a notes heading, taken as notes."""
    notes = []
    for item in items:
        if item.kind != "list_item" or item.number is None or item.reason:
            break
        notes.append({"number": item.number, "text": " ".join(words(item.text))})
        item.reason = "notes"
    return notes


def is_table_subtitle(item: Item, following: Item | None, previous: Item | None) -> bool:
    """ "(in millions of dollars)" between a caption and its table, or right above the table: a short
    line in brackets, or a short line that is no sentence, says what the table's figures are."""
    text = " ".join(words(item.text))
    if len(text.split()) > 25 or following is None:
        return False
    next_is_table = following.kind == "table"
    bracketed = text.startswith("(") and text.endswith(")")
    after_caption = previous is not None and previous.reason == "caption"
    return (bracketed and (next_is_table or after_caption)) or (
        next_is_table and after_caption and not SENTENCE_CLOSE.search(text))


def mark_apparatus(items: list[Item]) -> None:
    """Captions, source and note lines of tables and figures; legal notices."""
    for index, item in enumerate(items):
        if item.kind not in ("paragraph", "list_item") or item.reason:
            continue
        label = split_label(" ".join(words(item.text)))
        previous = items[index - 1] if index else None
        after_table = previous is not None and (previous.kind == "table" or previous.reason in ("table note",
                                                                                               "caption"))
        if item.kind == "list_item" and after_table:
            item.reason = "table note"  # lettered notes under a table ("a. Applies to ...")
        elif label and is_notice_label(label[0]):
            item.reason = "notice"
            following = items[index + 1] if index + 1 < len(items) else None
            # "Disclaimer:" on a line of its own, the notice under it (a list item's when an indented
            # notice under a list reads as that item's second paragraph)
            if not label[1] and following is not None and following.kind in ("paragraph", "list_item"):
                following.reason = "notice"
        elif label and is_apparatus_label(label[0]) and after_table:
            item.reason = "table note"
        elif is_table_subtitle(item, items[index + 1] if index + 1 < len(items) else None, previous):
            item.reason = "caption"
        elif CAPTION.match(item.text.strip()) and len(words(item.text)) <= 40:
            item.reason = "caption"
            table = next((later for later in items[index + 1:index + 4] if later.kind == "table"), None)
            if table is not None and not table.text:
                table.text = " ".join(words(item.text))


def mark_furniture_headings(items: list[Item]) -> None:
    """A heading right above page furniture (contents, a link list, an overview table) titles that
    furniture: a heading in the text is followed by its text."""
    following = [item for item in items if item.kind != "rule"]
    for before, after in zip(following, following[1:], strict=False):
        if before.kind == "heading" and not before.reason and after.reason in FURNITURE:
            before.reason = "page furniture heading"


def mark_empty_sections(items: list[Item]) -> None:
    """A heading whose section (to the next heading of its level or a thematic break) keeps no text."""
    for index, item in enumerate(items):
        if item.kind != "heading" or item.reason:
            continue
        section = []
        for later in items[index + 1:]:
            if later.kind == "rule" or later.reason in ("title", "date line"):
                break  # the document's own title line opens the document, whatever came before
            if later.kind == "heading" and later.level <= item.level and not later.reason:
                break
            section.append(later)
        if not any(later.kind in ("paragraph", "list_item", "table") and not later.reason for later in section):
            item.reason = "empty section heading"


def restore_note_markers(text: str, note_numbers: set[int]) -> str:
    """ "... more expensive.1 Engineers ...": a capture that lost a note's superscript leaves its
    number glued to the punctuation after a word; where the document has that note, it is its marker."""
    if not note_numbers:
        return text
    return GLUED_MARKER.sub(lambda m: f" [{m[1]}]" if int(m[1]) in note_numbers else m[0], text)


def is_in_page(url: str, own_url: str | None = None) -> bool:
    """A link to a place in this page: "#fn1", or made absolute by an extractor or a capture, the
    site's root or the page's own address with a fragment ("https://example.org#fn1")."""
    parts = urlsplit(url)
    if not parts.fragment:
        return False
    return parts.path in ("", "/") or (own_url is not None and url.split("#", 1)[0] == own_url.split("#", 1)[0])


def cite_links(item: Item, numbers: dict[str, int], links: list[dict], own_url: str | None = None) -> str:
    """The block's text with a "[n]" marker after each link to another page, so that the sentence
    cites that page as its source; one number a URL. In-page anchors cite nothing."""
    text, position = item.text, 0
    for link_text, url in item.links:
        if not url.startswith(("http://", "https://")) or not link_text or is_in_page(url, own_url):
            continue
        if url not in numbers:
            numbers[url] = numbers["next"]
            numbers["next"] += 1
            links.append({"number": numbers[url], "url": url, "text": link_text})
        found = text.find(link_text, position) if numbers[url] <= MAX_MARKER else -1
        if found >= 0:
            end = found + len(link_text)
            text = f"{text[:end]} [{numbers[url]}]{text[end:]}"
            position = end + len(str(numbers[url])) + 3
    return text


def classify(items: list[Item], first_link_number: int = 1, find_links_furniture: bool = True) -> Shaped:
    """What each item is. find_links_furniture: look for navigation and link lists (off for text an
    extractor already took out of its page, where a linked line left is the article's own)."""
    metadata: dict = {}
    mark_head(items, metadata)
    if find_links_furniture:
        mark_links(items)
    notes = mark_notes(items)
    mark_apparatus(items)
    for item in items:
        if item.kind == "code":
            item.reason = "code block"
    mark_furniture_headings(items)
    mark_empty_sections(items)
    first = max([first_link_number, *(note["number"] + 1 for note in notes)])
    return emit(items, metadata, notes, first)


def emit(items: list[Item], metadata: dict, notes: list[dict], first_link_number: int) -> Shaped:
    """The cleaner's lines (a block a line, blank lines between), dropped ones kept for the audit."""
    lines: list[str] = []
    dropped: dict[int, str] = {}
    tables: list[dict] = []
    last_kept: int | None = None
    numbers: dict[str, int] = {"next": first_link_number}
    note_numbers = {note["number"] for note in notes}
    links: list[dict] = []
    for item in items:
        if item.kind == "table" and not item.reason:
            tables.append({"after_line": last_kept, "caption": item.text or None, "rows": item.rows})
            continue
        if item.kind == "rule":
            continue
        if item.kind == "table":
            text = " · ".join(map(" · ".join, item.rows))
        else:
            plain = item.reason or parse_byline(" ".join(words(item.text)))  # a byline links its authors' pages
            text = " ".join(words(item.text if plain else cite_links(item, numbers, links, metadata.get("url"))))
            text = text if item.reason else restore_note_markers(text, note_numbers)
        lines += [{"heading": "# ", "list_item": "• "}.get(item.kind, "") + text, ""]
        if item.reason:
            dropped[len(lines) - 1] = item.reason
        else:
            last_kept = len(lines) - 1
    return Shaped("\n".join(lines), metadata, tables, notes, dropped, links)
