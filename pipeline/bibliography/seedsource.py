"""The seed article itself as a CSL item, built from its `build/clean/<seed>.json`.

Choices, so every seed renders as a meaningful citation:
- `type` is `article-newspaper` when a publication is named (it becomes `container-title`), else
  `webpage`;
- bylines are split in Western order (family name last; see `cslfields.split_display_name`);
- a missing title stays missing (pandoc cites by author): no title is invented;
- with neither author nor title, the publication (or republisher, or the URL's host) stands as
  the author, so the citation reads "(China Military Online 2024)" rather than a bare year; with
  nothing at all it reads "Anonymous", the usual bibliographic convention;
- provenance becomes `original-publisher` and a `note` ("Translated from Chinese ...");
- a date missing from the text is taken from the URL's path when it carries one (`/2024/08/12/`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from pipeline.text.cslfields import split_display_name
from pipeline.text.urls import date_from_url

ANONYMOUS = "Anonymous"


def _date_parts(iso_date: str | None) -> list[int]:
    parts = []
    for piece in (iso_date or "")[:10].split("-"):
        if not piece.isdigit():
            break
        parts.append(int(piece))
    return parts


def _provenance_note(provenance: dict[str, Any] | None) -> str:
    if not provenance:
        return ""
    sentences = []
    if provenance.get("translated_from"):
        sentences.append(f"Translated from {provenance['translated_from']}.")
    if provenance.get("original_publisher"):
        sentences.append(f"Originally published by {provenance['original_publisher']}.")
    if provenance.get("republished_by"):
        sentences.append(f"Republished by {provenance['republished_by']}.")
    if provenance.get("note"):
        sentences.append(str(provenance["note"]).strip())
    return " ".join(sentences)


def _stand_in_author(publication: str, url: str) -> str:
    if publication:
        return publication
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else ANONYMOUS


def seed_item(clean: dict[str, Any]) -> dict[str, Any]:
    """CSL item for the seed article described by a clean file."""
    provenance = clean.get("provenance") or {}
    publication = (clean.get("publisher") or provenance.get("republished_by") or "").strip()
    url = (clean.get("url") or "").strip()
    item: dict[str, Any] = {"type": "article-newspaper" if publication else "webpage"}
    title = (clean.get("title") or "").strip()
    if title:  # the standfirst (`subtitle`) is a sentence of the article, not part of its title
        item["title"] = title
    authors = [split_display_name(name) for name in clean.get("authors") or [] if str(name).strip()]
    if authors:
        item["author"] = authors
    elif not title:
        item["author"] = [{"literal": _stand_in_author(publication, url)}]
    if publication:
        item["container-title"] = publication
        item["publisher"] = publication
    parts = _date_parts(clean.get("date")) or date_from_url(url) or []
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if url:
        item["URL"] = url
    if provenance.get("original_publisher"):
        item["original-publisher"] = provenance["original_publisher"]
    note = _provenance_note(provenance)
    if note:
        item["note"] = note
    return item
