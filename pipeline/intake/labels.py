"""Labelled metadata: "Author(s): Kerr, Paul K.", "Publication Date: 04/09/2026", "Source: https://...",
"Updated April 9, 2026", as a document's head or a key-value table states them.

A label is recognized by its word, in the languages the cleaner reads; its value is read by what
the label says it is: names ("Family, Given" to "Given Family"), a date (ISO, as precise as written),
a URL. Labels that say a paragraph is a notice or apparatus rather than text are named too.
"""

from __future__ import annotations

import re
from datetime import datetime

from pipeline.text.urls import citable_url

# label word -> field; matched against the label folded to lower case, without its colon.
FIELD_LABELS = {
    "authors": ("author", "authors", "author(s)", "by", "written by", "autor", "autores", "autor(en)", "auteur",
                "auteurs", "auteur(s)", "verfasser", "autore", "autori"),
    "date": ("date", "publication date", "date published", "published", "published on", "publish date", "issued",
             "release date", "updated", "last updated", "date of publication", "datum", "veröffentlicht",
             "fecha", "fecha de publicación", "date de publication", "publié le", "data", "publicado"),
    "url": ("source", "url", "link", "permalink", "canonical url", "web address", "quelle", "fuente", "lien"),
    "publisher": ("publisher", "published by", "organization", "organisation", "herausgeber", "éditeur", "editorial"),
}
# A paragraph that opens with one of these is a legal notice or a figure's apparatus, not the text.
NOTICE_LABELS = ("disclaimer", "copyright", "terms of use", "legal notice", "haftungsausschluss", "avertissement",
                 "aviso legal", "rights")
APPARATUS_LABELS = ("source", "sources", "note", "notes", "notes and sources", "sources and notes", "quelle",
                    "quellen", "fuente", "fuentes", "anmerkung", "remarque")
LABEL_LINE = re.compile(r"^\s*(?P<label>[^\W\d][\w()./' -]{0,38}?)\s*:\s*(?P<value>.*)$")
URL = re.compile(r"https?://[^\s<>\"')\]]+")
DATE_TEXT = (r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})|"
             r"(?:\d{4}-\d{2}-\d{2})|(?:\d{1,2}/\d{1,2}/\d{4})")
# The word may be glued to the title before it, as captures of page headers print it ("HearingsUpdated").
UPDATED = re.compile(
    r"(?:\b|(?<=[a-z])(?=[A-Z]))(?i:updated|published|posted|last modified|revised)(?i:\s+on)?\s*:?\s*"
    rf"(?P<date>{DATE_TEXT})"
)
DATE_ANYWHERE = re.compile(rf"(?:\b|(?<=[a-z])(?=[A-Z]))(?P<date>{DATE_TEXT})")
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def split_label(line: str) -> tuple[str, str] | None:
    """(label folded, value) of a "Label: value" line; None when the line is no such line."""
    match = LABEL_LINE.match(line)
    if not match:
        return None
    return " ".join(match["label"].casefold().split()), match["value"].strip()


def field_of(label: str) -> str | None:
    """The metadata field a label names ("author(s)" -> "authors"); a label may end with "name"."""
    label = label.removesuffix(" name").strip()
    for name, words in FIELD_LABELS.items():
        if label in words or label.split()[-1:] and " ".join(label.split()[-2:]) in words:
            return name
    return None


def is_notice_label(label: str) -> bool:
    return label in NOTICE_LABELS


def is_apparatus_label(label: str) -> bool:
    return label in APPARATUS_LABELS


def read_field(field: str, value: str) -> object | None:
    """The value as the field's type: a list of display names, an ISO date, a URL or a name."""
    if field == "authors":
        return display_names(value) or None
    if field == "date":
        return iso_date(value)
    if field == "url":
        found = URL.search(value)
        return citable_url(found.group().rstrip(".,;")) if found else None
    return value.strip(" .") or None


def display_names(value: str) -> list[str]:
    """ "Kerr, Paul K.; Smith, Jane" -> ["Paul K. Kerr", "Jane Smith"]; "A B and C D" -> ["A B", "C D"].

    Semicolons separate persons written "Family, Given"; a single "Family, Given" is one person;
    otherwise commas and "and" separate persons written in natural order."""
    value = value.strip(" ;").lstrip(":.,")
    if not value:
        return []
    if ";" in value or value.count(",") == 1 and not re.search(r",\s*(?:and|&)\s", value):
        return [natural_order(part) for part in value.split(";") if part.strip()]
    parts = re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", value)
    return [" ".join(part.split()) for part in parts if part.strip()]


def natural_order(name: str) -> str:
    """ "Kerr, Paul K." -> "Paul K. Kerr"; "Smith, John, Jr." -> "John Smith Jr."; a name without a
    comma stays as written."""
    parts = [part.strip() for part in name.split(",") if part.strip()]
    if len(parts) < 2:
        return " ".join(name.split())
    family, given, *rest = parts
    suffix = [part for part in rest if part.casefold() in NAME_SUFFIXES]
    return " ".join([given, family, *suffix])


def iso_date(value: str) -> str | None:
    """ISO 8601 as precise as the value states it: "04/09/2026" -> "2026-04-09", "April 2026" ->
    "2026-04", "2026" -> "2026". Parsed twice against two defaults: what differs was not stated."""
    from dateutil import parser

    text = value.strip(" .")
    if not text or len(text) > 60 or not re.search(r"\d{4}", text):
        return None
    try:
        one = parser.parse(text, default=datetime(2000, 1, 1), fuzzy=True)
        two = parser.parse(text, default=datetime(2001, 2, 2), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    if one.year != two.year or not 1000 <= one.year <= 2999:
        return None
    if one.month != two.month:
        return f"{one.year:04d}"
    if one.day != two.day:
        return f"{one.year:04d}-{one.month:02d}"
    return one.date().isoformat()


def updated_date(line: str) -> str | None:
    """The date of an "Updated April 9, 2026" line: a short line, no sentence, that states when the
    document was last updated or published (its title and number may stand beside the date)."""
    if len(line.split()) > 30 or re.search(r"[a-z]\.\s*$", line):
        return None
    match = UPDATED.search(line)
    return iso_date(match["date"]) if match else None


def squashed(text: str) -> str:
    """Letters and digits only, folded: how a title compares when a capture glued words to it."""
    return "".join(char for char in text.casefold() if char.isalnum())


def title_line_date(line: str, title: str) -> tuple[bool, str | None]:
    """(whether the line is the title line, the date it gives): the title with at most a date, a
    number and a few widget words around it ("Listen<title>April 15, 2026 (LSB11418)")."""
    key = squashed(title)
    if not key or key not in squashed(line):
        return False, None
    if len(line.split()) > len(title.split()) + 12:
        return False, None
    found = DATE_ANYWHERE.search(line)
    return True, iso_date(found["date"]) if found else None
