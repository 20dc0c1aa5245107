"""What each block of a PDF is, by its shape and place: the document's text, or what is set around it.

Marked with their reason for the audit, as the Markdown reader's blockshapes does: the title set
again ("title"); what a summary's side column holds besides its date and authors ("side
column"); a cover page without text of its own, and the first page's imprint below where the
other pages' text ends ("cover page"); the lines above the title on the first page ("masthead");
contents entries (a leader of dots and a page number: "contents"); lines that are only a URL and
document numbers ("page furniture"); captions of tables and figures and the subtitle under one
("caption"); the Source and Notes lines under a table or figure, and lettered notes ("table
note"); a notice and what its heading heads ("notice", the label from labels.py); what follows
the last author block at a document's end ("end matter": acknowledgments, the notice); headings
whose section keeps nothing ("empty section heading").
"""

from __future__ import annotations

import re

from pipeline.intake.formats.blockshapes import CAPTION
from pipeline.intake.formats.pdf.blocks import LEADER, SENTENCE_END, Block
from pipeline.intake.formats.pdf.layout import SIDE
from pipeline.intake.formats.pdf.tables import Table
from pipeline.intake.labels import is_apparatus_label, is_notice_label, split_label, squashed

URL = re.compile(r"(?:https?://|www\.)\S+")
CODE = re.compile(r"[A-Z]{1,6}\d{2,}[A-Z]?|\d{2,}-\d{2,}|[A-Z]+|\d+|[|·•–—/-]")  # what an imprint line holds
NOTE_REASONS = {"caption", "table note", "figure text"}

Item = Block | Table


def is_prose(block: Block) -> bool:
    """A paragraph of running text: twelve words or more, ending as a sentence ends."""
    return block.kind != "heading" and len(block.text.split()) >= 12 and block.text.endswith(SENTENCE_END)


def blocks_of(items: list[Item]) -> list[Block]:
    return [item for item in items if isinstance(item, Block)]


def mark_title(items: list[Item], title: str | None) -> None:
    """The title set again (on a cover, over a summary, as a contents page's head): a block whose
    letters are the title's, or a line of it when the title is set over two or three."""
    key = squashed(title or "")
    for block in blocks_of(items):
        text = squashed(block.text)
        if not block.reason and key and text and text in key and len(text) * 3 >= len(key):
            block.reason = "title"


def mark_cover(items: list[Item], foot: float | None) -> None:
    """A first page without a paragraph of text is a cover; on a first page with text, the short
    blocks below where the other pages' running text ends (foot) are its imprint; those before the title, its
    masthead. What a side column of the first two pages holds besides (a summary's box) is no text."""
    for block in blocks_of(items):
        if block.first.column == SIDE and block.first.page < 2 and not block.reason and not is_prose(block):
            block.reason = "side column"
    first = [block for block in blocks_of(items) if block.first.page == 0]
    cover = not any(is_prose(block) for block in first)
    titled = next((index for index, block in enumerate(first) if block.reason == "title"), None)
    for index, block in enumerate(first):
        if block.reason:
            continue
        if cover or foot is not None and block.first.top > foot and len(block.text.split()) <= 15:
            block.reason = "cover page"
        elif titled is not None and index < titled:
            block.reason = "masthead"


def is_imprint(text: str) -> bool:
    """A line of URLs and document numbers ("https://... | IF11926 · VERSION 4 · UPDATED", "R48910")."""
    rest = URL.sub(" ", text).split()
    codes = [token for token in rest if CODE.fullmatch(token)]
    has_code = any(re.search(r"\d", token) and re.search(r"[A-Z]", token) for token in codes)
    return len(codes) == len(rest) and (has_code or len(rest) < len(text.split()))


def mark_lines(items: list[Item]) -> None:
    """Contents entries and the headings over them; imprint lines."""
    for block in blocks_of(items):
        if block.reason:
            continue
        if LEADER.search(block.text):
            block.reason = "contents"
        elif is_imprint(block.text):
            block.reason = "page furniture"
    for block, following in zip(items, items[1:], strict=False):  # "Contents", "Figures" over their entries
        if isinstance(block, Block) and block.kind == "heading" and not block.reason and \
                isinstance(following, Block) and following.reason == "contents":
            block.reason = "contents"


def apparatus_label(block: Block) -> bool:
    label = split_label(" ".join(block.text.split()[:6]))
    return bool(label and is_apparatus_label(label[0]))


def right_under(above: Block, block: Block) -> bool:
    return (above.last.page == block.first.page and above.last.column == block.first.column
            and 0 <= block.first.top - above.last.bottom < block.first.size)


def mark_apparatus(items: list[Item]) -> None:
    """Captions, the subtitle right under a caption, the notes under tables and figures."""
    previous: Item | None = None
    for item in items:
        if isinstance(item, Block) and not item.reason:
            text = " ".join(item.text.split())
            after = isinstance(previous, Table) or isinstance(previous, Block) and previous.reason in NOTE_REASONS
            if CAPTION.match(text) and len(text.split()) <= 40:
                item.reason = "caption"
            elif (isinstance(previous, Block) and previous.reason == "caption" and right_under(previous, item)
                  and len(text.split()) <= 25 and not re.search(r"[.!?][\"”’)]*$", text)):
                item.reason = "caption"
            elif after and (apparatus_label(item) or item.kind == "item"):
                item.reason = "table note"
            elif (isinstance(previous, Block) and previous.reason == "table note" and item.kind != "heading"
                  and (text[:1].islower() or len(text.split()) <= 3)):
                item.reason = "table note"  # a note's line that the page's layout set apart
            elif apparatus_label(item) and text.split()[0].casefold().startswith("source"):
                item.reason = "table note"
        previous = item


def mark_notices(items: list[Item]) -> None:
    """A heading that is a notice's label ("Disclaimer"), and the paragraphs under it; a paragraph
    that opens with one ("Copyright: ...")."""
    heading = False
    for block in blocks_of(items):
        label = split_label(block.text)
        if block.kind == "heading":
            heading = is_notice_label(block.text.strip(" :").casefold())
            block.reason = "notice" if heading and not block.reason else block.reason
        elif heading or label and is_notice_label(label[0]):
            block.reason = block.reason or "notice"


def mark_end_matter(items: list[Item]) -> None:
    """What follows the document's last author block, when it stands in the document's second
    half: acknowledgments, a notice, an imprint."""
    blocks = blocks_of(items)
    last = max((index for index, block in enumerate(blocks) if block.reason == "author name"), default=None)
    if last is None or last * 2 < len(blocks):
        return
    for block in blocks[last + 1:]:
        block.reason = block.reason or "end matter"


def mark_empty_sections(items: list[Item]) -> None:
    """A heading whose section (up to the next heading as large or larger) keeps nothing; read
    from the end, so that a section of empty subsections is empty too."""
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        if not isinstance(item, Block) or item.kind != "heading" or item.reason:
            continue
        kept = False
        for later in items[index + 1:]:
            if isinstance(later, Block) and later.kind == "heading" and later.first.size >= item.first.size - 0.5:
                break
            if isinstance(later, Table) or not later.reason:
                kept = True
                break
        if not kept:
            item.reason = "empty section heading"


def mark_shapes(items: list[Item], title: str | None, foot: float | None) -> None:
    """Set each block's reason when it is not the document's text (see the module's docstring)."""
    mark_title(items, title)
    mark_cover(items, foot)
    mark_lines(items)
    mark_apparatus(items)
    mark_notices(items)
    mark_end_matter(items)
    mark_empty_sections(items)
