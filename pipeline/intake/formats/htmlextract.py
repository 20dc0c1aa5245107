"""Saved web pages turned into the line-per-block text the cleaner reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

COMMENTER = re.compile(r"\s(?:says|said|writes|wrote):?$", re.IGNORECASE)
# Name words a page may print with a full stop: initials ("C", "JR") and suffixes.
ABBREVIATED = re.compile(r"[A-Z]{1,2}|Jr|Sr|St")
PLACEHOLDER_AUTHORS = {"no author", "admin", "administrator", "staff", "unknown", "anonymous", "author"}


@dataclass
class Extracted:
    """What a format reader hands the cleaner.

    text: one block a line ("# " before a heading, "• " before a list item), no markup left.
    metadata: title, authors (display names), date (ISO), publisher, url, as the format states them.
    tables: {"after_line": index of the text line the table follows (or None), "caption", "rows"}.
    notes: {"number", "text"}: footnotes and endnotes, their markers left in the text as [n].
    dropped_lines: {line number (1-based) in text: reason}: lines the reader found are not the
    document (navigation, metadata, notes), kept in the text so the audit can name them.
    links: {"number", "url", "text"}: links in the text to other pages, each marked [n] after its
    link text: the sentence cites the linked page.
    """

    text: str
    metadata: dict = field(default_factory=dict)
    tables: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    dropped_lines: dict[int, str] = field(default_factory=dict)
    links: list[dict] = field(default_factory=list)


def extract_html(html: str) -> Extracted:
    """Main text and metadata of a page through trafilatura; headings keep a '# ' prefix."""
    import trafilatura
    from trafilatura.xml import xmltotxt

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=True, include_formatting=True,
                                           favor_precision=False, deduplicate=False, as_dict=False)
    if document is None:
        return Extracted("", {})
    # The body's Markdown comes from the tree already extracted: trafilatura.extract() would parse
    # and extract the whole page a second time for the same text.
    text = xmltotxt(document.body, True) or ""
    metadata = {"title": page_title(document.title, document.sitename),
                "authors": [as_written(name, html) for name in page_authors(document.author)],
                "date": document.date, "publisher": document.sitename, "url": document.url,
                "subtitle": standfirst(document.description, text), "provenance": page_provenance(html, text)}
    return Extracted(plain_markdown_lines(text), {k: v for k, v in metadata.items() if v})


def page_provenance(html: str, text: str) -> dict | None:
    """An editor's note on where the article first appeared, wherever it stands on the page.

    Extractors often leave such a one-line note out of the main text; it is metadata anyway.
    """
    import lxml.html

    from pipeline.intake.metadata import parse_provenance

    if any(parse_provenance(line) for line in text.splitlines()):
        return None  # the note is in the text: the line cleaner takes it
    for element in lxml.html.fromstring(html).iter("p", "div", "em", "i", "span", "aside"):
        note = " ".join(element.text_content().split())
        if len(note) < 400 and (found := parse_provenance(note)):
            return found
    return None


def page_title(title: str | None, sitename: str | None) -> str | None:
    """'A Letter on Justice | Harper's Magazine' -> 'A Letter on Justice': the site's name goes."""
    if not title:
        return None
    parts = re.split(r"\s+[|–—-]\s+", title)
    names_site = sitename and parts[-1].casefold() == sitename.casefold()
    if len(parts) > 1 and (names_site or len(parts[-1].split()) <= 4):
        return " ".join(parts[:-1]) if len(parts) == 2 else parts[0]
    return title


def page_authors(author: str | None) -> list[str]:
    """trafilatura's author field, split; placeholders such as 'No Author' are not names, and
    'Jane Roe says' is how a comment widget labels a commenter, not the article's author."""
    names = [name.strip() for name in (author or "").split(";") if name.strip()]
    return [name for name in names if name.casefold() not in PLACEHOLDER_AUTHORS and not COMMENTER.search(name)]


def as_written(name: str, html: str) -> str:
    """The name as the page prints it: trafilatura drops the full stops of initials and suffixes
    ('Leah C Stokes', 'Perry Bacon Jr'), which a citation keeps ('Leah C. Stokes')."""
    words = name.split()
    parts = [re.escape(word) + (r"\.?" if ABBREVIATED.fullmatch(word) else "") for word in words]
    found = re.search(r"(?<![\w.])" + r"\s+".join(parts) + r"(?!\w)", html)
    return " ".join(found.group(0).split()) if found else name


def standfirst(description: str | None, text: str) -> str | None:
    """The page's description is its standfirst, unless it only repeats the text's opening."""
    if not description or len(description.split()) < 6:
        return None
    probe = " ".join(description.split()[:8]).casefold()
    return None if probe in " ".join(text.split()).casefold() else description.strip()


def plain_markdown_lines(text: str) -> str:
    """Drop inline emphasis marks trafilatura's Markdown adds, keep '# ' headings and lines."""
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return re.sub(r"^\s*[-*+]\s+", "• ", text, flags=re.MULTILINE)
