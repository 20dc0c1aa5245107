"""Saved web pages turned into the line-per-block text the cleaner reads.

trafilatura finds the page's main text and metadata and writes the text as Markdown (headings,
lists, tables, links, <sup> note markers); that Markdown is then read like any Markdown seed, so
tables stay tables, a notes list becomes notes and a link in the text cites the linked page.
"""

from __future__ import annotations

import re

from pipeline.intake.formats.extracted import Extracted
from pipeline.text.urls import citable_url

COMMENTER = re.compile(r"\s(?:says|said|writes|wrote):?$", re.IGNORECASE)
# Name words a page may print with a full stop: initials ("C", "JR") and suffixes.
ABBREVIATED = re.compile(r"[A-Z]{1,2}|Jr|Sr|St")
PLACEHOLDER_AUTHORS = {"no author", "admin", "administrator", "staff", "unknown", "anonymous", "author"}


def extract_html(html: str) -> Extracted:
    """Main text and metadata of a page through trafilatura; headings keep a '# ' prefix."""
    import trafilatura
    from trafilatura.xml import xmltotxt

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=True, include_formatting=True, include_links=True,
                                           favor_precision=False, deduplicate=False, as_dict=False)
    if document is None:
        return Extracted("", {})
    # The body's Markdown comes from the tree already extracted: trafilatura.extract() would parse
    # and extract the whole page a second time for the same text.
    text = xmltotxt(document.body, True) or ""
    metadata = {"title": page_title(document.title, document.sitename),
                "authors": [as_written(name, html) for name in page_authors(document.author)],
                "date": document.date, "publisher": document.sitename,
                "url": citable_url(document.url) if document.url else None,
                "subtitle": standfirst(document.description, text), "provenance": page_provenance(html, text)}
    return with_page_metadata(read_markdown(text), {k: v for k, v in metadata.items() if v})


def with_page_metadata(extracted: Extracted, page: dict) -> Extracted:
    """What the page's own metadata says wins over what its text's head said."""
    extracted.metadata = {**extracted.metadata, **page}
    return extracted


def read_markdown(text: str) -> Extracted:
    from pipeline.intake.formats.markdown import extract_markdown

    return extract_markdown(text, find_links_furniture=False)  # trafilatura took the page's furniture out


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
