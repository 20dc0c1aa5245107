"""A PDF's title, authors and date: from the document info, else from the page as it is set.

The info's Title (unless a file name) and Author come first; the title else is the first page's
largest line. The date is the one the document states before its text starts ("Updated April 9,
2026", or a date on a line of its own, in its head or a summary's side column), else the info's
CreationDate (ModDate): the day the file was made is often a day after the one it bears. Without
an info Author, the authors are the names of the document's contact blocks: a name over a job
title ("Analyst in ...", "Legislative Attorney"), or "Name, Specialist in ..." on one line, on the
first two pages or the last two. The document's own URL is one the info gives under a key that
names a URL ("URL", "Permalink", "Canonical URL"), else one a labelled line of the head states
("Permalink: https://...", "URL: ..."); a bare URL or a site's address in a running line is no
document's own. The lines that said so are marked with their reason.
"""

from __future__ import annotations

import re

from pipeline.intake.formats.pdf.blocks import Stats
from pipeline.intake.formats.pdf.layout import SIDE, Line
from pipeline.intake.labels import display_names, field_of, read_field, split_label, updated_date
from pipeline.intake.metadata import ROLE_WORDS, parse_date_line

PDF_DATE = re.compile(r"(?:D:)?((?:1[6-9]|20)\d\d)(0[1-9]|1[0-2])?(0[1-9]|[12]\d|3[01])?")
FILE_NAME_TITLE = re.compile(r"\.(?:docx?|pdf|indd|tex|rtf|odt)$|^(?:microsoft word|untitled)\b", re.IGNORECASE)
# A job title as a contact block sets it under a name: up to three words ("Senior Research",
# "Legislative") before the title word, which may go on ("Specialist in Income Security").
JOB_TITLE = re.compile(r"^(?:[A-Z][\w/&’'.-]*\s+){0,3}?(?i:" + ROLE_WORDS.pattern.removeprefix(r"\b") +
                       r"|(?:specialist|attorney|librarian|economist|scientist|counsel|advis[eo]r|consultant"
                       r"|officer|manager|coordinator|associate|assistant|historian|engineer|chair|president"
                       r"|dean|statistician|lawyer|secretary|administrator)s?\b)")
PERSON_WORD = re.compile(r"(?:[A-Z]\.){1,2}|(?:[A-Z][’'])?[A-Z][a-z]*[A-Z]?[a-z]+(?:[-’'][A-Z]?[a-z]+)*"
                         r"|de|van|von|da|di|del|der|la|le|bin|al|Jr\.?|Sr\.?|I{2,3}|IV")
# Lines that may still say who wrote the document and when: a drawn box round a report's summary
# data reads as a figure.
OPEN = (None, "figure text")
HEAD_PAGES = 2  # the head (cover, summary) and the contact blocks sit on the first two pages or the last two


def pdf_date(value) -> str | None:
    """A document info date ("D:20260417195954Z") as ISO, as precise as it is."""
    found = PDF_DATE.match(str(value or "").strip())
    return "-".join(part for part in found.groups() if part) if found else None


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


def is_prose_line(line: Line) -> bool:
    """Eight words or more, most of them in lowercase: a line of running text."""
    words = line.text.split()
    return len(words) >= 8 and sum(word[:1].islower() for word in words) >= len(words) / 2


def head_lines(pages: list[list[Line]]) -> list[Line]:
    """The lines before the document's first line of running text, and the side columns of its
    first pages: where the date it bears is stated."""
    head, started = [], False
    for lines in pages[:HEAD_PAGES]:
        for line in lines:
            started = started or is_prose_line(line) and line.column != SIDE
            if not started or line.column == SIDE:
                head.append(line)
    return head


def own_url(info: dict, pages: list[list[Line]]) -> str | None:
    """The document's own URL (see the module's docstring); the head line that gave it is marked."""
    for key, value in info.items():
        text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        if field_of(str(key).casefold()) == "url" and (url := read_field("url", text)):
            return url
    for line in head_lines(pages):
        label = split_label(line.text)  # not "Source:", which under a figure in the head gives its data's
        if label and label[0] != "source" and field_of(label[0]) == "url" and (url := read_field("url", label[1])):
            if line.reason in OPEN:
                line.reason = "metadata label"
            return url
    return None


def stated_date(pages: list[list[Line]]) -> str | None:
    """The date of the head's first date line, which is marked as such."""
    for line in head_lines(pages):
        date = updated_date(line.text) or parse_date_line(line.text)
        if date and len(line.text.split()) <= 8 and line.reason in OPEN:
            line.reason = "date line"
            return date
    return None


def person_name(text: str) -> str | None:
    """The display name a text is, if it is a person's name alone: two to five name words, the
    last no initial ("Jacob R. Straus", "Caitlin Keating-Bitonti", "Ebrima M'Bai"); a comma may
    close it ("Emily G. Blevins," over "Coordinator")."""
    text = text.removesuffix(",")
    words = text.split()
    if not 2 <= len(words) <= 5 or not all(PERSON_WORD.fullmatch(word) for word in words):
        return None
    if re.fullmatch(r"(?:[A-Z]\.)+", words[-1]) or words[0].islower():
        return None
    names = display_names(text)
    return names[0] if len(names) == 1 else None


def is_job_title(line: Line) -> bool:
    text = line.text
    return len(text.split()) <= 12 and not text.endswith(".") and bool(JOB_TITLE.match(text))


def name_and_title(text: str) -> str | None:
    """The name of "Name, Job title" ("Gene Falk, Specialist in Social Policy")."""
    name, _, title = text.partition(", ")
    short = len(text.split()) <= 12 and not text.endswith(".")
    return person_name(name) if short and title and JOB_TITLE.match(title) else None


def right_under(previous: Line, line: Line) -> bool:
    """The next line of one block: on the same page and column, no more than a line's height
    below, at the same left edge."""
    return (line.page == previous.page and line.column == previous.column and abs(line.x0 - previous.x0) <= 3
            and 0 <= line.top - previous.bottom < line.size)


def continues_title(previous: Line, line: Line) -> bool:
    """A job title's next line ("Security" under "Specialist in Income", "Specialist in ..." under
    "Coordinator"): right under it, short, no sentence."""
    return right_under(previous, line) and len(line.text.split()) <= 6 and not line.text.endswith(".")


def contact_at(lines: list[Line], start: int) -> tuple[str, int] | None:
    """(name, index past its name) of the contact block starting at lines[start]: "Name, Job
    title", or a name over a job title."""
    line = lines[start]
    if (name := name_and_title(line.text)) is not None:
        return name, start + 1
    below = lines[start + 1] if start + 1 < len(lines) else None
    if (name := person_name(line.text)) and below is not None and is_job_title(below) and right_under(line, below):
        return name, start + 2
    return None


def mark_contact_block(lines: list[Line], start: int) -> str | None:
    """The name of the contact block starting at lines[start] (its lines marked), or None; its
    job title runs on to the next block's name."""
    found = contact_at(lines, start)
    if found is None:
        return None
    name, end = found
    while end < len(lines) and continues_title(lines[end - 1], lines[end]) and contact_at(lines, end) is None:
        end += 1
    lines[start].reason = "author name"
    for title in lines[start + 1:end]:
        title.reason = "author role"
    return name


def contact_authors(pages: list[list[Line]]) -> list[str]:
    """The names of the contact blocks on the first and the last pages, in reading order."""
    chosen = sorted({*range(min(HEAD_PAGES, len(pages))), *range(max(0, len(pages) - HEAD_PAGES), len(pages))})
    names: list[str] = []
    for index in chosen:
        lines = [line for line in pages[index] if line.reason in OPEN]
        for start in range(len(lines)):
            name = mark_contact_block(lines, start) if lines[start].reason in OPEN else None
            if name and name not in names:
                names.append(name)
    return names


def document_metadata(info: dict, first_page: list[Line], pages: list[list[Line]], stats: Stats) -> dict:
    """Title, authors and date (see the module's docstring) from the info and the pages' lines
    (first_page: the first page's lines before its running heads were dropped); the lines that
    gave the authors and the date are marked."""
    title = " ".join(str(info.get("Title") or "").split())
    if not title or FILE_NAME_TITLE.search(title):
        title = largest_line(first_page, stats)
    authors = info_authors(str(info.get("Author") or ""))
    found = contact_authors(pages)
    date = stated_date(pages) or pdf_date(info.get("CreationDate")) or pdf_date(info.get("ModDate"))
    return {"title": title or None, "authors": authors or found, "date": date, "url": own_url(info, pages)}
