"""Readable, stable citation keys: `garamone2024north` = first author, year, first title word.

A work with no author, editor or organization is keyed by its title: `axisndupheaval`.

A key depends only on its own item, so adding an unrelated seed never changes an existing key. When
several items share a base key, each is told apart by its own content: further title words first,
then its number when the colliders all have different ones (two bills of one title:
`fair2025access-s2093`, `fair2025access-hr2094`), then a short hash of what identifies the work (DOI,
normalized URL, or title, authors, number and raw text).
Input order never decides a key. Pandoc keeps only the last of two entries with one id, so the keys
returned are always unique.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from pipeline.text.cslfields import name_head, names, significant_tokens, text_field, tokens, year_of
from pipeline.text.designations import compact_number
from pipeline.text.urls import normalize_doi, normalize_url

MAX_EXTRA_TITLE_WORDS = 3
_HEAD_MAX = 20  # "nationalaeronauticsandspaceadministration" reads worse than a cut word


def creator_head(item: dict[str, Any]) -> str:
    """First author's family name, or the organization / publisher / site that stands for one."""
    for role in ("author", "editor"):
        for name in names(item, role)[:1]:
            head = name_head(name)
            if head:
                return head[:_HEAD_MAX]
    for field in ("publisher", "container-title"):
        words = significant_tokens(text_field(item, field)) or tokens(text_field(item, field))
        if words:
            return words[0][:_HEAD_MAX]
    return ""


def title_words(item: dict[str, Any]) -> list[str]:
    return significant_tokens(text_field(item, "title"))


def _head_and_words(item: dict[str, Any]) -> tuple[str, list[str]]:
    """The key's head and the title words left to follow the year. A work with no creator is
    known by its title, as reference managers key it: its first title word becomes the head."""
    words = title_words(item)
    head = creator_head(item)
    if head:
        return head, words
    if words:
        return words[0][:_HEAD_MAX], words[1:]
    return "anon", []


def base_key(item: dict[str, Any]) -> str:
    """`head + year + first title word`, lowercase ASCII, always starting with a letter."""
    year = year_of(item)
    head, words = _head_and_words(item)
    key = f"{head}{year if year else 'nd'}{words[0] if words else ''}"
    return key if key[:1].isalpha() else f"ref{key}"


def identity_text(item: dict[str, Any]) -> str:
    """What names the work itself, independent of any other item: used for the collision hash."""
    doi = normalize_doi(text_field(item, "DOI"))
    if doi:
        return f"doi:{doi}"
    url = text_field(item, "URL")
    if url:
        return f"url:{normalize_url(url)}"
    authors = "|".join(name_head(name) for name in names(item))
    raw = " ".join(tokens(text_field(item, "raw")))
    number = _number(item)
    text = f"text:{' '.join(title_words(item))}|{authors}|{year_of(item)}|{raw}"
    return f"{text}|{number}" if number else text


def _number(item: dict[str, Any]) -> str:
    """The work's number as key text ("S. 2093" -> "s2093"; a code's volume and section, 42 U.S.C. §1983
    -> "42-1983"), "" when it has none."""
    number = text_field(item, "number") or str(item.get("number") or "")
    if not number and text_field(item, "section"):
        number = f"{text_field(item, 'volume')}-{text_field(item, 'section')}".strip("-")
    return compact_number(number)


def content_hash(item: dict[str, Any], length: int = 4) -> str:
    return hashlib.sha1(identity_text(item).encode("utf-8")).hexdigest()[:length]


def _resolve_collision(base: str, group: list[int], items: Sequence[dict[str, Any]]) -> dict[int, str]:
    """Keys for items sharing the base key: each takes as few extra title words as tell it apart."""
    # Each width's candidate keys and each item's number are counted once for the whole group: a key
    # tells its item apart when it is the only one of its width, and comparing each item with every
    # other made a group of thousands (one surname, one year, one title word) quadratic.
    spare = {index: _head_and_words(items[index])[1][1:] for index in group}
    widths = {extra: Counter(base + "".join(spare[index][:extra]) for index in group)
              for extra in range(1, MAX_EXTRA_TITLE_WORDS + 1)}
    numbers = {index: _number(items[index]) for index in group}
    number_counts = Counter(numbers.values())
    keys: dict[int, str] = {}
    for index in group:
        for extra in range(1, MAX_EXTRA_TITLE_WORDS + 1):
            candidate = base + "".join(spare[index][:extra])
            if widths[extra][candidate] == 1:
                keys[index] = candidate
                break
        else:  # the titles do not tell them apart (often one title, two works): the number or the hash does
            own = numbers[index]
            unique = own and number_counts[own] == 1
            keys[index] = f"{base}-{own}" if unique else f"{base}-{content_hash(items[index])}"
    return keys


def assign_citation_keys(items: Sequence[dict[str, Any]]) -> list[str]:
    """One unique key per item, each determined by the item and, on a collision, its colliders."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[base_key(item)].append(index)
    keys = [""] * len(items)
    for base, group in groups.items():
        if len(group) == 1:
            keys[group[0]] = base
        else:
            for index, key in _resolve_collision(base, group, items).items():
                keys[index] = key
    return _make_unique(keys, items)


def _make_unique(keys: list[str], items: Sequence[dict[str, Any]]) -> list[str]:
    """Last resort for keys that still coincide (an extended key meeting another base key, or two
    items with identical content): a longer content hash, then a counter among identical items."""
    positions: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        positions[key].append(index)
    for key, clashing in positions.items():
        if len(clashing) < 2:
            continue
        seen: dict[str, int] = defaultdict(int)
        for index in sorted(clashing, key=lambda index: (content_hash(items[index], 12), index)):
            hashed = f"{key}-{content_hash(items[index], 8)}"
            seen[hashed] += 1
            keys[index] = hashed if seen[hashed] == 1 else f"{hashed}-{seen[hashed]}"
    return keys
