"""A PDF seed read into the line-per-block text the cleaner reads, with its metadata, notes and tables.

pdfplumber (on pdfminer.six) gives each word with its position, font size and face. Pages are laid
out into lines (layout), then, across the document: running heads and feet and page numbers are
dropped (furniture); small-font lines at a page's foot become notes (notes); tables are kept as rows
(tables); title, authors and date are found (meta); the rest is joined into headings, paragraphs and
list items (blocks). An encrypted file, one without a text layer and a damaged one each raise a
PipelineError.
"""

from __future__ import annotations

import io
import itertools
from operator import itemgetter

from pipeline.core.errors import PipelineError
from pipeline.intake.formats.extracted import Extracted
from pipeline.intake.formats.pdf.aligned import Rule, aligned_regions, horizontal_rules, recurring_rules, ruled_regions
from pipeline.intake.formats.pdf.blocks import Block, Stats, block_text, body_stats, build_blocks
from pipeline.intake.formats.pdf.boxes import text_boxes
from pipeline.intake.formats.pdf.figures import figure_words
from pipeline.intake.formats.pdf.furniture import drop_furniture
from pipeline.intake.formats.pdf.layout import SIDE, Line, column_words, page_lines
from pipeline.intake.formats.pdf.meta import document_metadata, is_prose_line
from pipeline.intake.formats.pdf.notes import note_entry, take_notes
from pipeline.intake.formats.pdf.shapes import mark_shapes
from pipeline.intake.formats.pdf.tables import Table, inside, is_table, place_tables

MIN_CHARS_PER_PAGE = 20  # fewer, and the pages are images with at most a stamp of text on them


def open_pdf(data: bytes, path: str):
    """pdfplumber's document; an encrypted or unreadable file raises a one-line PipelineError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfplumber wraps whatever pdfminer raised in PdfminerException
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFEncryptionError) or b"/Encrypt" in data:
            raise PipelineError(path, "is an encrypted PDF",
                                "save an unprotected copy (e.g. qpdf --decrypt) and use that") from None
        raise PipelineError(path, f"is not a readable PDF ({type(cause).__name__})",
                            "download or export the PDF again; the file looks truncated or damaged") from None


def read_page(page, index: int, rules: list[Rule]) -> tuple[list[Line], list[Table]]:
    """A page's text lines, the words of its tables taken out, and the tables (rules: the
    horizontal rules that may border one)."""
    tables = []
    for found in page.find_tables():
        rows = [[" ".join((cell or "").split()) for cell in row] for row in found.extract()]
        if is_table(rows):
            tables.append((found.bbox, Table(index, found.bbox[1], found.bbox[3], rows)))
    duplicates = duplicate_chars(page.chars)
    deduped = page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in duplicates)
    words = [word for word in deduped.extract_words(extra_attrs=["size", "fontname"])
             if word["upright"] and not any(inside(word, bbox) for bbox, _ in tables)]
    boxed, words = text_boxes(page, index, words, [bbox for bbox, _ in tables])
    tables += boxed
    found = [table for _, table in tables]
    boxes = [bbox for bbox, _ in tables]
    regions = ruled_regions(words, rules)
    words = without(words, [word for region in regions for word in region.words])
    for column in column_words(words, page.width):
        regions += (found_here := aligned_regions(column))
        words = without(words, [word for region in found_here for word in region.words])
    for region in regions:
        found.append(Table(index, region.top, region.bottom, region.rows))
        edges = [word["x0"] for word in region.words] + [word["x1"] for word in region.words]
        boxes.append((min(edges), region.top, max(edges), region.bottom))
    drawn = {id(word) for word in figure_words(page, words, boxes)}
    lines = page_lines(words, page.width, index)
    for line in lines:
        if line.column != SIDE and all(id(word) in drawn for word in line.words):
            line.reason = "figure text"
    return lines, found


def without(words: list[dict], taken: list[dict]) -> list[dict]:
    ids = {id(word) for word in taken}
    return [word for word in words if id(word) not in ids]


def read_pages(pages) -> list[tuple[list[Line], list[Table]]]:
    """Each page's lines and tables; the rules that recur on many pages border no table."""
    rules = [horizontal_rules(page) for page in pages]
    furniture = recurring_rules(rules)
    return [read_page(page, index, [rule for rule in rules[index] if rule.key not in furniture])
            for index, page in enumerate(pages)]


def duplicate_chars(chars: list[dict], tolerance: float = 1) -> set[int]:
    """The ids of the characters a PDF draws twice (a fake bold, a shadow): same text, font and
    size within `tolerance` points of another, of which the top-left one is kept.

    pdfplumber's own dedupe_chars does the same but restores the order with list.index, which is
    quadratic: it took half the reading time of a 40-page report."""
    from pdfplumber.utils import cluster_objects

    key, position = itemgetter("upright", "text", "fontname", "size"), itemgetter("doctop", "x0")
    duplicates: set[int] = set()
    for _, group in itertools.groupby(sorted(chars, key=key), key=key):
        for row in cluster_objects(list(group), itemgetter("doctop"), tolerance):
            for cluster in cluster_objects(row, itemgetter("x0"), tolerance):
                keep = min(cluster, key=position)
                duplicates.update(id(char) for char in cluster if char is not keep)
    return duplicates


def assemble(stream: list[Line | Table], stats: Stats, title: str | None,
             foot: float | None) -> tuple[str, list[dict], dict[int, str]]:
    """The body text, one block a line with blank lines between, the tables placed in it, and the
    lines that are not the document's text (by their 1-based number) with the reason (shapes)."""
    items: list[Block | Table] = []
    run: list[Line] = []
    for item in [*stream, None]:
        if isinstance(item, Line):
            run.append(item)
            continue
        items += build_blocks(run, stats)
        run = []
        if isinstance(item, Table):
            items.append(item)
    mark_shapes(items, title, foot)
    text_lines: list[str] = []
    tables: list[dict] = []
    dropped: dict[int, str] = {}
    for index, item in enumerate(items):
        if isinstance(item, Table):
            after = len(text_lines) - 1 if text_lines else None  # the 1-based number of the line above
            above = items[index - 1] if index else None
            caption = item.caption or (above.text if isinstance(above, Block) and above.reason == "caption" else None)
            tables.append({"after_line": after, "caption": caption, "rows": item.rows})
            continue
        text_lines += [block_text(item), ""]
        if item.reason:
            dropped[len(text_lines) - 1] = item.reason
    return "\n".join(text_lines).rstrip("\n"), tables, dropped


def text_foot(pages: list[list[Line]]) -> float | None:
    """Where the running text of the pages after the first ends at the lowest (notes and feet gone)."""
    return max((line.bottom for lines in pages[1:] for line in lines if is_prose_line(line)), default=None)


def prose_sample(pages: list[list[Line]], heights: list[float]) -> list[Line]:
    """Lines that read as running prose (five words or more, most in lowercase, few digits) in the
    pages' upper halves: what the body's size is measured on. A long table, or the notes of a
    heavily annotated page, can outweigh the body in characters; notes do not reach a page's upper
    half, and table rows are mostly names and numbers."""
    sample = []
    for lines, height in zip(pages, heights, strict=True):
        for line in lines:
            words = line.text.split()
            lowercase = sum(w[:1].islower() for w in words) >= len(words) / 2
            digits = sum(char.isdigit() for char in line.text) < len(line.text) * 0.1
            if line.top < height / 2 and len(words) >= 5 and lowercase and digits:
                sample.append(line)
    return sample


def read_document(data: bytes, path: str) -> tuple[list, list[float], dict]:
    """Every page read, the pages' heights and the document info. pdfminer raises many kinds of
    error on a damaged file, while reading pages, the info or closing the file: each is the
    seed's one-line error."""
    pdf = open_pdf(data, path)
    try:
        with pdf:
            return read_pages(pdf.pages), [page.height for page in pdf.pages], dict(pdf.metadata or {})
    except PipelineError:
        raise
    except Exception as error:  # noqa: BLE001 — see the docstring
        raise PipelineError(path, f"is not a readable PDF ({type(error).__name__})",
                            "download or export the PDF again; the file looks truncated or damaged") from None


def extract_pdf(data: bytes, path: str) -> Extracted:
    """A PDF's body text (headings, paragraphs, list items), metadata, notes and tables."""
    read, heights, info = read_document(data, path)
    pages = [lines for lines, _ in read]
    if sum(len(line.text) for lines in pages for line in lines) < MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise PipelineError(path, "is a PDF without a text layer (scanned pages)",
                            "run OCR first, e.g. ocrmypdf, and use its output")
    first_page = pages[0] if pages else []
    pages = drop_furniture(pages, [[(table.top, table.bottom) for table in tables] for _, tables in read], heights)
    stats = body_stats([line for lines in pages for line in lines], prose_sample(pages, heights))
    notes: list[dict] = []
    pages = [take_notes(lines, notes, stats, height) for lines, height in zip(pages, heights, strict=True)]
    stream = [item for lines, (_, tables) in zip(pages, read, strict=True) for item in place_tables(lines, tables)]
    metadata = document_metadata(info, first_page, pages, stats)
    text, tables, dropped = assemble(stream, stats, metadata["title"], text_foot(pages))
    return Extracted(text, {key: value for key, value in metadata.items() if value}, tables,
                     [note_entry(note) for note in notes if note["text"].strip()], dropped)
