"""Recognizing one work cited several times: by DOI, by normalized URL, or by title, authors and year.

Rules, strongest first (each merge records which one fired):
1. the same DOI;
2. the same normalized URL naming a page (a site's home page alone identifies nothing);
3. the same reference string, word for word;
4. fuzzy agreement: near-identical titles (rapidfuzz) with equal years and agreeing authors or
   venue, and no disagreement on volume or first page (conference abstracts and journal versions of
   one study share a title but are different records);
5. the reference strings themselves agree (pipeline.bibliography.rawmatch: author and title words, edition year,
   volume), for what the parser could not structure alike: two styles, OCR, a language it reads badly.
Entries whose DOIs or URLs differ are never merged, and a fuzzy merge is refused when any pair across
the two clusters disagrees on year, pages or authors, so one loose match cannot chain two works.

Candidate pairs come from blocks (DOI, URL, reference string, the rarest words of each title and
of each reference string), so the
work grows with the number of items, not its square. Everything is deterministic: clusters are
listed by their first item, members in input order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz

from pipeline.bibliography.rawmatch import edition_year, same_work_raw, volumes_differ
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
from pipeline.text.urls import is_truncated_form, normalize_doi, normalize_url, url_has_page_path

# Calibrated on the ASySD stroke records (bench/dedup_score.py): duplicate titles differ by case,
# punctuation and the odd dropped word (ratio >= 95); distinct studies with equal years and authors
# rarely pass 88 without also disagreeing on pages.
NEAR_IDENTICAL_TITLE = 95.0
SIMILAR_TITLE = 88.0
SAME_NAME = 85.0
MIN_REFERENCE = 20       # characters of a reference string worth comparing as such
BLOCK_WORDS = 3          # rarest title words each item is filed under
MAX_BLOCK = 200          # a word shared by more items than this is too common to block on
_BRACKETED = re.compile(r"\s*\[[^\]]*(\]|$)")
_MAIN_TITLE_END = re.compile(r"\s*(?::|\?|\.\s|\s[-–—]\s)")

STRONG, EXACT, FUZZY, RAW = 0, 1, 2, 3  # rule strength: stronger merges are applied first


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


@dataclass(frozen=True)
class Merge:
    kept: int
    merged: int
    reason: str


@dataclass
class Cluster:
    members: list[int]
    merges: list[Merge]


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
    )


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


def fuzzy_reason(a: Fingerprint, b: Fingerprint) -> str | None:
    """Why two items are one work by their bibliographic details, or None."""
    if not (a.title and b.title) or details_conflict(a, b):
        return None
    similarity = fuzz.ratio(a.title, b.title, score_cutoff=SIMILAR_TITLE)
    if not similarity and not (a.first_page and a.first_page == b.first_page and _main_titles_agree(a, b)):
        return None  # the cheap test first: most candidate pairs share a word, not a title
    authors = author_agreement(a, b)
    if authors is False:
        return None
    venue = venue_agreement(a, b)
    same_year = bool(a.year and a.year == b.year)
    same_page = bool(a.first_page and a.first_page == b.first_page)
    words = min(len(a.title_words), len(b.title_words))
    said = f"title {similarity:.0f}%, year {a.year or b.year or 'n.d.'}"
    if similarity >= NEAR_IDENTICAL_TITLE:
        if authors and (same_year or venue or words >= 5):
            return f"{said}, authors agree"
        if same_year and (venue or (venue is None and words >= 4)):
            return f"{said}, {'venue agrees' if venue else 'no authors or venue to compare'}"
        if venue and words >= 5:
            return f"{said}, venue agrees"
    if similarity >= SIMILAR_TITLE and same_year and authors and (venue or same_page):
        return f"{said}, authors and {'first page' if same_page else 'venue'} agree"
    if same_year and authors and same_page and _main_titles_agree(a, b):
        return f"main title agrees, year {a.year}, authors and first page agree"
    return None


def _main_titles_agree(a: Fingerprint, b: Fingerprint) -> bool:
    mains_a = {text for text in (a.main_title, a.title) if text}
    mains_b = {text for text in (b.main_title, b.title) if text}
    return any(fuzz.ratio(x, y) >= NEAR_IDENTICAL_TITLE for x in mains_a for y in mains_b)


def match_reason(a: Fingerprint, b: Fingerprint) -> tuple[int, str] | None:
    """(rule strength, reason) when a and b are one work; None otherwise."""
    if a.doi and a.doi == b.doi:
        return STRONG, f"same DOI {a.doi}"
    if identifiers_conflict(a, b):
        return None
    if a.url and a.url == b.url and url_has_page_path(a.url):
        return STRONG, f"same URL {a.url}"
    if _has_reference(a) and a.raw == b.raw:
        return EXACT, "identical reference string"
    reason = fuzzy_reason(a, b)
    if reason and a.url and b.url and a.url != b.url:
        reason += ", URL truncated in one"
    if reason:
        return FUZZY, reason
    if _has_reference(a) and _has_reference(b) and same_work_raw(a.reference, b.reference):
        return RAW, "reference strings agree on author, title, year and volume"
    return None


def _has_reference(fp: Fingerprint) -> bool:
    return len(fp.raw) >= MIN_REFERENCE


def raw_conflict(a: Fingerprint, b: Fingerprint) -> bool:
    """The reference strings name different edition years or volumes (see pipeline.bibliography.rawmatch)."""
    if not (_has_reference(a) and _has_reference(b)):
        return False
    year_a, year_b = edition_year(a.reference), edition_year(b.reference)
    return bool(year_a and year_b and year_a != year_b) or volumes_differ(a.reference, b.reference)


def _blocking_keys(prints: Sequence[Fingerprint]) -> list[list[str]]:
    """Each item's blocks: its identifiers, the rarest words of its title (document frequency) and
    those of its reference string, where a parser's title may have gone astray."""
    titles = [{fp.title_words, tuple(significant_tokens(fp.main_title))} for fp in prints]
    references = [tuple(significant_tokens(fp.raw)) if _has_reference(fp) else () for fp in prints]
    frequency = Counter(word for words in titles for title in words for word in set(title) if len(word) > 2)
    reference_frequency = Counter(word for words in references for word in set(words) if len(word) > 2)
    keys = []
    for fp, title_set, reference in zip(prints, titles, references, strict=True):
        own = [f"doi:{fp.doi}"] if fp.doi else []
        if fp.url:
            # The host and the start of the path also meet a truncated copy of the URL.
            own += [f"url:{fp.url}", f"urlhead:{fp.url[:40]}"]
        if reference:
            own.append(f"raw:{fp.raw}")
            own += [f"refword:{word}" for word in _rarest(reference, reference_frequency)]
        for title in title_set:
            own += [f"title:{word}" for word in _rarest(title, frequency)]
        keys.append(own)
    return keys


def _rarest(words: Iterable[str], frequency: Counter) -> list[str]:
    """The rarest words that another item shares: a word no other item has would block nothing."""
    shared = {word for word in words if len(word) > 2 and frequency[word] > 1}
    return sorted(shared, key=lambda w: (frequency[w], w))[:BLOCK_WORDS]


def candidate_pairs(prints: Sequence[Fingerprint]) -> list[tuple[int, int]]:
    """Pairs sharing a block, in sorted order; blocks of very common words are skipped."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, own in enumerate(_blocking_keys(prints)):
        for key in dict.fromkeys(own):
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) > MAX_BLOCK and key.startswith(("title:", "refword:", "urlhead:")):
            continue
        pairs.update(combinations(members, 2))
    return sorted(pairs)


class _Clusters:
    """Union-find over item indexes that also keeps each cluster's members."""

    def __init__(self, size: int):
        self.parent = list(range(size))
        self.members = {index: [index] for index in range(size)}

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def union(self, a: int, b: int) -> None:
        root, other = sorted((self.find(a), self.find(b)))
        self.parent[other] = root
        self.members[root].extend(self.members.pop(other))


def _may_join(left: Iterable[int], right: Iterable[int], prints: Sequence[Fingerprint], strength: int) -> bool:
    """No pair across two clusters may conflict in identifiers; fuzzy merges also need every pair
    to agree on years, pages and authors, so one loose link cannot chain two different works."""
    for i in left:
        for j in right:
            a, b = prints[i], prints[j]
            if identifiers_conflict(a, b):
                return False
            if strength == FUZZY and (details_conflict(a, b) or author_agreement(a, b) is False):
                return False
            if strength == RAW and raw_conflict(a, b):
                return False
    return True


def find_duplicates(items: Sequence[dict[str, Any]]) -> list[Cluster]:
    """Group CSL items that cite one work; every item is in exactly one cluster."""
    prints = [fingerprint(item) for item in items]
    return cluster_fingerprints(prints)


def cluster_fingerprints(prints: Sequence[Fingerprint]) -> list[Cluster]:
    links = []
    for i, j in candidate_pairs(prints):
        found = match_reason(prints[i], prints[j])
        if found:
            links.append((found[0], i, j, found[1]))
    links.sort(key=lambda link: link[:3])
    clusters = _Clusters(len(prints))
    merges: dict[int, list[Merge]] = defaultdict(list)
    for strength, i, j, reason in links:
        root_i, root_j = clusters.find(i), clusters.find(j)
        if root_i == root_j or not _may_join(clusters.members[root_i], clusters.members[root_j],
                                             prints, strength):
            continue
        clusters.union(i, j)
        root = clusters.find(i)
        merges[root] = merges.pop(root_i, []) + merges.pop(root_j, []) + [Merge(i, j, reason)]
    return [Cluster(sorted(members), merges.get(root, []))
            for root, members in sorted(clusters.members.items())]
