"""PDF seeds turned into the line-per-block text the cleaner reads, with their notes and tables.

pdfplumber (on pdfminer.six) gives each word with its position, font size and face. Pages are laid
out into lines (pdflayout), then, across the document: running headers and footers (lines that
recur, digits aside, at the top or bottom of many pages) and bare page numbers are dropped;
small-font lines at a page's foot that open with a number become notes; ruled tables are kept as
rows; the rest is joined into headings, paragraphs and list items (pdfblocks). An encrypted file,
one without a text layer and a damaged one each raise a PipelineError.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pipeline.core.errors import PipelineError
from pipeline.intake.formats.htmlextract import Extracted
from pipeline.intake.formats.pdfblocks import SENTENCE_END, Stats, block_text, body_stats, build_blocks, join_lines
from pipeline.intake.formats.pdflayout import Line, page_lines
from pipeline.text.urls import strip_wrapping

PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?|[ivxlc]{1,6}",
                         re.IGNORECASE)
# The notice a word processor sets where a footnote breaks onto the next page.
CONTINUED = re.compile(r"\s*\(\s*(?:continued|cont\.?|cont'd)\s*(?:\.\.\.|…)?\s*\)\s*$", re.IGNORECASE)
NOTE_START = re.compile(r"\[?(\d{1,3})(?:\]|[.)](?=\s)|(?=\s))\s*(?=\S)")
URL = re.compile(r"(?:https?://|www\.)\S+")
PDF_DATE = re.compile(r"(?:D:)?((?:1[6-9]|20)\d\d)(0[1-9]|1[0-2])?(0[1-9]|[12]\d|3[01])?")
FILE_NAME_TITLE = re.compile(r"\.(?:docx?|pdf|indd|tex|rtf|odt)$|^(?:microsoft word|untitled)\b", re.IGNORECASE)
EDGE_LINES = 3  # lines at a page's top and at its foot where running heads and page numbers sit
NOTE_RATIO = 0.9  # note lines are set at most 90% of the body's size (print uses 75-85%)
MIN_CHARS_PER_PAGE = 20  # fewer, and the pages are images with at most a stamp of text on them


@dataclass
class Table:
    page: int
    top: float
    bottom: float
    rows: list[list[str]]
    caption: str | None = None


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


def read_page(page, index: int) -> tuple[list[Line], list[Table]]:
    """A page's text lines, the words of its ruled tables taken out, and the tables."""
    tables = []
    for found in page.find_tables():
        rows = [[" ".join((cell or "").split()) for cell in row] for row in found.extract()]
        if is_table(rows):
            tables.append((found.bbox, Table(index, found.bbox[1], found.bbox[3], rows)))
    words = [word for word in page.dedupe_chars().extract_words(extra_attrs=["size", "fontname"])
             if word["upright"] and not any(inside(word, bbox) for bbox, _ in tables)]
    return page_lines(words, page.width, index), [table for _, table in tables]


def is_table(rows: list[list[str]]) -> bool:
    """Rows and columns of text: two rows with two filled cells at least, and most cells filled.

    A framed text box or a shaded paragraph with a link in it comes out of the finder as a
    "table" of one wide cell a row beside empty ones.
    """
    cells = [cell for row in rows for cell in row]
    full_rows = sum(1 for row in rows if sum(1 for cell in row if cell) >= 2)
    return full_rows >= 2 and sum(1 for cell in cells if cell) >= len(cells) / 2


def inside(word: dict, bbox: tuple) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


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


def note_zone(lines: list[Line], size: float, height: float) -> list[Line]:
    """The small-font lines at the page's foot, top to bottom."""
    zone: list[Line] = []
    for line in sorted(lines, key=lambda item: item.top, reverse=True):
        if line.size > size * NOTE_RATIO or line.top < height * 0.4:
            break
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


def place_tables(lines: list[Line], tables: list[Table]) -> list[Line | Table]:
    """The page's lines with each table put before the first line below it; a 'Table n.' line
    right above a table is its caption."""
    stream: list[Line | Table] = list(lines)
    for table in sorted(tables, key=lambda item: item.top):
        at = next((i for i, item in enumerate(stream) if isinstance(item, Line) and item.top >= table.bottom - 1),
                  len(stream))
        before = stream[at - 1] if at else None
        if isinstance(before, Line) and re.match(r"Table\s+\w+", before.text) and before.bottom <= table.top + 1:
            table.caption, at = before.text, at - 1
            stream.pop(at)
        stream.insert(at, table)
    return stream


def assemble(stream: list[Line | Table], stats: Stats) -> tuple[str, list[dict]]:
    """The body text, one block a line with blank lines between, and the tables placed in it."""
    text_lines: list[str] = []
    tables: list[dict] = []
    run: list[Line] = []
    for item in [*stream, None]:
        if isinstance(item, Line):
            run.append(item)
            continue
        for block in build_blocks(run, stats):
            text_lines += [block_text(block), ""]
        run = []
        if isinstance(item, Table):
            after = len(text_lines) - 1 if text_lines else None  # the 1-based number of the line above
            tables.append({"after_line": after, "caption": item.caption, "rows": item.rows})
    return "\n".join(text_lines).rstrip("\n"), tables


def iso_date(value) -> str | None:
    found = PDF_DATE.match(str(value or "").strip())
    return "-".join(part for part in found.groups() if part) if found else None


def info_metadata(info: dict, first_page: list[Line], stats: Stats) -> dict:
    """Title, authors and date from the document info; the first page's largest line when the
    info has no title (or only a file name)."""
    title = " ".join(str(info.get("Title") or "").split())
    if not title or FILE_NAME_TITLE.search(title):
        title = largest_line(first_page, stats)
    return {"title": title or None, "authors": info_authors(str(info.get("Author") or "")),
            "date": iso_date(info.get("CreationDate")) or iso_date(info.get("ModDate"))}


def info_authors(field: str) -> list[str]:
    """'A Roe; B Doe', 'A Roe and B Doe', 'A Roe, B Doe, C Poe' split into names; 'Roe, Ann' is one."""
    names = []
    for part in re.split(r";|\band\b|&", field):
        pieces = [" ".join(piece.split()) for piece in part.split(",")]
        several = len(pieces) > 1 and all(len(piece.split()) >= 2 for piece in pieces)
        names += pieces if several else [" ".join(part.split())]
    return [name for name in names if name]


def largest_line(lines: list[Line], stats: Stats) -> str | None:
    """The text set in the page's largest size (its lines joined), if that is above the body's."""
    if not lines:
        return None
    size = max(line.size for line in lines)
    if size < stats.size * 1.15:
        return None
    ordered = sorted((line for line in lines if line.size == size), key=lambda line: line.top)
    title = [ordered[0]]
    for line in ordered[1:]:
        if line.page == title[-1].page and line.top - title[-1].bottom < size * 0.8:
            title.append(line)
    return " ".join(line.text for line in title)


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


def note_entry(note: dict) -> dict:
    text = " ".join(CONTINUED.sub("", note["text"]).split())
    return {"number": note["number"], "text": text, "urls": [strip_wrapping(url) for url in URL.findall(text)]}


def read_document(data: bytes, path: str) -> tuple[list, list[float], dict]:
    """Every page read, the pages' heights and the document info. pdfminer raises many kinds of
    error on a damaged file, while reading pages, the info or closing the file: each is the
    seed's one-line error."""
    pdf = open_pdf(data, path)
    try:
        with pdf:
            read = [read_page(page, index) for index, page in enumerate(pdf.pages)]
            return read, [page.height for page in pdf.pages], dict(pdf.metadata or {})
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
    pages = drop_furniture(pages)
    stats = body_stats([line for lines in pages for line in lines], prose_sample(pages, heights))
    notes: list[dict] = []
    pages = [take_notes(lines, notes, stats, height) for lines, height in zip(pages, heights, strict=True)]
    stream = [item for lines, (_, tables) in zip(pages, read, strict=True) for item in place_tables(lines, tables)]
    text, tables = assemble(stream, stats)
    metadata = info_metadata(info, first_page, stats)
    return Extracted(text, {key: value for key, value in metadata.items() if value}, tables,
                     [note_entry(note) for note in notes if note["text"].strip()])
