"""Merging the CSL items of one work into one entry that keeps the richest fields and every original.

Which value wins, field by field (ties go to the earlier item, so the result never depends on more
than the items' order):
- names (`author`, `editor`, ...): a seed's own (the document itself), else the list with most
  spelled-out given names ("John" over "J."), then most given names, then the longest;
- dates (`issued`, `accessed`): a seed's own, else the most precise (most date-parts);
- `URL`: the complete address when another copy was cut off, then https over http;
- `title`: the wording most items agree on (case and punctuation aside), then the longest;
- any other field: from the richest item (most fields) that has it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from pipeline.text.cslfields import date_parts, names, normalized_text, text_field
from pipeline.text.urls import normalize_url

# Fields the references stage adds for bookkeeping; they describe one citation, not the work.
CITATION_FIELDS = ("raw", "citation-number", "citation-key", "ibid-of", "unresolved", "id", "originals")
NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor", "director",
               "interviewer", "recipient", "reviewed-author", "composer", "illustrator")
DATE_FIELDS = ("issued", "accessed", "original-date", "event-date", "submitted")


def has_value(value: Any) -> bool:
    return value not in (None, "", [], {})


def work_fields(item: dict[str, Any]) -> dict[str, Any]:
    """The item's CSL fields describing the work, without the citation bookkeeping."""
    return {field: value for field, value in item.items() if field not in CITATION_FIELDS and has_value(value)}


def _by_richness(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    order = sorted(range(len(items)), key=lambda index: (-len(work_fields(items[index])), index))
    return [items[index] for index in order]


def _best_names(items: Sequence[dict[str, Any]], field: str) -> list[dict[str, str]] | None:
    lists = [names(item, field) for item in items]
    lists = [found for found in lists if found]
    if not lists:
        return None
    return max(lists, key=lambda found: (sum(_spelled_out(name) for name in found),
                                         sum(bool(name.get("given")) for name in found), len(found)))


def _spelled_out(name: dict[str, str]) -> bool:
    """"John" rather than "J.": the fuller form of a name."""
    return bool(re.search(r"[^\W\d_]{2,}(?!\.)\b", str(name.get("given") or "")))


def _best_date(items: Sequence[dict[str, Any]], field: str) -> dict[str, Any] | None:
    dated = [item[field] for item in items if date_parts(item, field)]
    return max(dated, key=lambda date: len(date_parts({field: date}, field))) if dated else None


def _best_url(items: Sequence[dict[str, Any]]) -> str | None:
    urls = [text_field(item, "URL") for item in items if text_field(item, "URL")]
    if not urls:
        return None
    return max(urls, key=lambda url: (len(normalize_url(url)), url.lower().startswith("https")))


def _best_title(items: Sequence[dict[str, Any]]) -> str | None:
    titles = [text_field(item, "title") for item in items if text_field(item, "title")]
    if not titles:
        return None
    votes = Counter(normalized_text(title) for title in titles)
    return max(titles, key=lambda title: (votes[normalized_text(title)], len(title)))


def merge_items(items: Sequence[dict[str, Any]], originals: list[dict[str, Any]],
                own: Sequence[bool] = ()) -> dict[str, Any]:
    """One CSL item for a cluster of items citing one work; `originals` records where each came from.
    own: which items are a seed's record of itself. A document states its own authors and date,
    so theirs win over how others cite it (an earlier edition's authors, its year alone)."""
    merged: dict[str, Any] = {}
    for item in _by_richness(items):
        for field, value in work_fields(item).items():
            merged.setdefault(field, value)
    stated = [item for item, mine in zip(items, own, strict=False) if mine]
    for field in NAME_FIELDS:
        if field in merged:
            merged[field] = _best_names(stated, field) or _best_names(items, field) or merged[field]
    for field in DATE_FIELDS:
        if field in merged:
            merged[field] = _best_date(stated, field) or _best_date(items, field) or merged[field]
    for field, choose in (("URL", _best_url), ("title", _best_title)):
        if field in merged:
            merged[field] = choose(items) or merged[field]
    merged["originals"] = originals
    return merged
