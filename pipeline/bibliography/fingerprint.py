"""The comparable parts of one CSL item (its fingerprint) and how two fingerprints compare: which
fields agree, and which differences mean two works, whatever else they share.

Hard constraints (works_differ): two items are never one work when they name different numbers (a
bill's, a law's, a report's: "S. 2093" / "H.R. 2094", "RL31980" / "R48001"), when one is a
correction notice of the other ("Erratum: <the article's title>"), different authors
(floor statements by two senators), different recipients (two letters from one sender) or
different years. Only a shared DOI outranks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from pipeline.text.cslfields import (
    name_head,
    name_words,
    names,
    normalized_text,
    significant_tokens,
    text_field,
    tokens,
    year_of,
)
from pipeline.text.designations import compact_number, leading_designation
from pipeline.text.urls import is_truncated_form, normalize_doi, normalize_url

SAME_NAME = 85.0  # rapidfuzz ratio of two family names that are one person's
_RUN_TOGETHER_NAME = 4  # letters a family name needs to be looked for inside words run together
_BRACKETED = re.compile(r"\s*\[[^\]]*(\]|$)")
# "Correction" alone opens ordinary titles ("Correction of ..."): as a notice it is followed by ":" or "to".
_NOTICE = re.compile(r"(?i)^(?:(?:erratum|errata|corrigendum|corrigenda|retraction|addendum)\b(?:\s+(?:note|notice))?"
                     r"|(?:correction|retraction)(?:\s+(?:note|notice))?\s*(?::|to\b))")
_MAIN_TITLE_END = re.compile(r"\s*(?::|\?|\.\s|\s[-–—]\s)")


@dataclass(frozen=True)
class Fingerprint:
    """The comparable parts of one CSL item."""

    doi: str
    url: str
    title: str
    main_title: str
    title_words: tuple[str, ...]
    year: int | None
    authors: tuple[str, ...]
    has_people: bool
    author_words: frozenset[str]
    venue_words: frozenset[str]
    first_page: str
    volume: str
    raw: str
    reference: str  # the reference string as written (whitespace collapsed), for rawmatch
    number: str = ""  # the designation or report number, compacted ("s2093", "rl30240")
    recipients: tuple[str, ...] = ()
    kind: str = ""  # the CSL type
    notice: bool = False  # a correction notice (erratum, corrigendum, retraction) of an article, not the article




def clean_title(title: str) -> str:
    """A title without database annotations ("[Chinese]", "[Erratum appears in ...]") or outer brackets.
    MEDLINE prints a translated title in brackets, then the language ("[Title]. [Russian]"): when
    only bracketed parts remain, the first one is the title."""
    title = title.strip().strip("\"'“”‘’«»").strip()
    stripped = _BRACKETED.sub(" ", title).strip(" .")
    if stripped:
        return stripped
    first = re.match(r"\[([^\]]*)\]?", title)
    return first.group(1).strip() if first and first.group(1).strip() else title


def main_title(title: str) -> str:
    """The title before its subtitle ("Unilateral neglect in stroke: a comparative study")."""
    head = _MAIN_TITLE_END.split(title, maxsplit=1)[0]
    return normalized_text(head) if len(significant_tokens(head)) >= 2 else ""


def _first_page(item: dict[str, Any]) -> str:
    page = text_field(item, "page") or str(item.get("page") or "")
    first = re.split(r"\s*[-–—,]\s*", page.strip(), maxsplit=1)[0].lower()
    return first if re.search(r"\d", first) and len(first) <= 10 else ""


def _url_identity(item: dict[str, Any]) -> tuple[str, str]:
    """(DOI, URL): a doi.org link is a DOI, not a page address."""
    doi = normalize_doi(text_field(item, "DOI"))
    url = text_field(item, "URL")
    if url and re.search(r"//(dx\.)?doi\.org/", url, re.IGNORECASE):
        return doi or normalize_doi(url), ""
    return doi, normalize_url(url) if url else ""


def fingerprint(item: dict[str, Any]) -> Fingerprint:
    title = clean_title(text_field(item, "title"))
    people = names(item)
    venue = f"{text_field(item, 'container-title')} {text_field(item, 'publisher')}"
    doi, url = _url_identity(item)
    return Fingerprint(
        doi=doi, url=url, title=normalized_text(title), main_title=main_title(title),
        title_words=tuple(significant_tokens(title)), year=year_of(item),
        authors=tuple(head for head in (name_head(name) for name in people) if head),
        has_people=any(name.get("family") for name in people),
        author_words=frozenset(word for name in people for word in name_words(name)),
        venue_words=frozenset(significant_tokens(venue)),
        first_page=_first_page(item), volume=normalize_volume(item.get("volume")),
        raw=" ".join(tokens(text_field(item, "raw"))),
        reference=" ".join(text_field(item, "raw").split()),
        number=_number(item),
        recipients=tuple(head for head in (name_head(name) for name in names(item, "recipient")) if head),
        kind=text_field(item, "type"),
        notice=is_correction_notice(title),
    )


def is_correction_notice(title: str) -> bool:
    """A title that announces a correction of another work ("Erratum: ...", "Correction to: ...",
    "Retraction note: ..."): journals print it under the corrected article's title, so only this
    word tells the notice from the article."""
    return bool(_NOTICE.match(title))


def _number(item: dict[str, Any]) -> str:
    """The item's number, else the designation its reference string opens with ("CRS Report RL30240")."""
    number = text_field(item, "number") or str(item.get("number") or "")
    if not number:
        leading = leading_designation(" ".join(text_field(item, "raw").split()))
        number = leading[1].group() if leading else ""
    return compact_number(number) if re.search(r"\d", number) else ""


def normalize_volume(volume: Any) -> str:
    text = str(volume or "").strip().lower()
    return text if re.fullmatch(r"[0-9ivxlc]+", text) else ""


def urls_compatible(a: str, b: str) -> bool:
    """Equal, or one is the other cut off (a reference string that lost the end of its URL)."""
    return a == b or is_truncated_form(a, b) or is_truncated_form(b, a)


def identifiers_conflict(a: Fingerprint, b: Fingerprint) -> bool:
    """Different DOIs, or different pages (URLs) for works that share no DOI: never one work."""
    if a.doi and b.doi:
        return a.doi != b.doi
    return bool(a.url and b.url and not urls_compatible(a.url, b.url))


def details_conflict(a: Fingerprint, b: Fingerprint) -> bool:
    """Both state a year, volume or first page and they differ."""
    return any(x and y and x != y for x, y in
               ((a.year, b.year), (a.volume, b.volume), (a.first_page, b.first_page)))


def author_agreement(a: Fingerprint, b: Fingerprint) -> bool | None:
    """True/False when both name people; None when either names no one (or only organizations
    that the other does not mention), since styles differ on who counts as the author."""
    if not (a.authors and b.authors):
        return None
    if fuzz.ratio(a.authors[0], b.authors[0]) >= SAME_NAME:
        return True
    shared = a.author_words & b.author_words
    if shared and len(shared) >= 0.5 * min(len(a.author_words), len(b.author_words)):
        return True
    if a.has_people and b.has_people:
        return False
    # An organization as author in one style is often the publisher or site in the other.
    if (a.author_words & b.venue_words) or (b.author_words & a.venue_words):
        return True
    return None


def venue_agreement(a: Fingerprint, b: Fingerprint) -> bool | None:
    parties_a, parties_b = a.venue_words | a.author_words, b.venue_words | b.author_words
    if not (a.venue_words or b.venue_words) or not (parties_a and parties_b):
        return None
    shared = parties_a & parties_b
    return len(shared) >= 0.5 * min(len(a.venue_words or parties_a), len(b.venue_words or parties_b))


def works_differ(a: Fingerprint, b: Fingerprint) -> str | None:
    """What makes a and b two works whatever else they share, or None: different numbers, authors,
    recipients or years."""
    if a.number and b.number and a.number != b.number:
        return "numbers differ"
    if a.notice != b.notice:
        return "a correction notice and the work it corrects"
    if authors_differ(a, b):
        return "authors differ"
    if recipients_differ(a.recipients, b.recipients):
        return "recipients differ"
    if a.year and b.year and a.year != b.year:
        return "years differ"
    return None


def authors_differ(a: Fingerprint, b: Fingerprint) -> bool:
    """Both name people, and not the same ones, even allowing for a parse gone astray on one string."""
    return author_agreement(a, b) is False and not _named_in_reference(a, b)


def recipients_differ(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a and b) and not _same_names(a, b)


def _named_in_reference(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether either reference string names the other's first author: a parse that went astray on one
    string ("G. Lo- RENZETTi, Venezia ...", "J.C., Expansion ...") disagrees on authors the strings
    share. Letters are compared run together, as OCR splits and joins words; an initial names no one."""
    for fp, other in ((a, b), (b, a)):
        head = fp.authors[0] if fp.authors else ""
        if not other.raw or not head:
            continue
        if len(head) <= 2 or f" {head} " in f" {other.raw} ":
            return True
        if len(head) >= _RUN_TOGETHER_NAME and head in other.raw.replace(" ", ""):
            return True
    return False


def _same_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return fuzz.ratio(a[0], b[0]) >= SAME_NAME or bool(set(a) & set(b))

