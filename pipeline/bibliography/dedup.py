"""Recognizing one work cited several times: by DOI, by normalized URL, or by title, authors and year.

Rules, strongest first (each merge records which one fired):
1. the same DOI;
2. the same normalized URL naming a page (a site's home page alone identifies nothing);
3. the same reference string, word for word;
4. fuzzy agreement: near-identical titles (rapidfuzz) with equal years and agreeing authors or
   venue, and no disagreement on volume or first page (conference abstracts and journal versions of
   one study share a title but are different records);
   or one designation ("CRS Report RL30240", "S. 2093") on items of one type;
5. the reference strings themselves agree (pipeline.bibliography.rawmatch: author and title words, edition year,
   volume), for what the parser could not structure alike: two styles, OCR, a language it reads badly.
Entries whose DOIs or URLs differ are never merged, nor (short of one DOI) entries whose numbers,
authors, recipients or years differ (pipeline.bibliography.fingerprint.works_differ), and a fuzzy merge
is refused when any pair across the two clusters disagrees on year, pages or authors, so one loose
match cannot chain two works. A merge's reason names only fields both items state and agree on.

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

from pipeline.bibliography.fingerprint import (
    Fingerprint,
    author_agreement,
    details_conflict,
    fingerprint,
    identifiers_conflict,
    venue_agreement,
    works_differ,
)
from pipeline.bibliography.rawmatch import edition_year, same_work_raw, volumes_differ
from pipeline.bibliography.volumes import volume_cited
from pipeline.text.cslfields import significant_tokens
from pipeline.text.urls import url_has_page_path

# Calibrated on the ASySD stroke records (bench/dedup_score.py): duplicate titles differ by case,
# punctuation and the odd dropped word (ratio >= 95); distinct studies with equal years and authors
# rarely pass 88 without also disagreeing on pages.
NEAR_IDENTICAL_TITLE = 95.0
SIMILAR_TITLE = 88.0
MIN_REFERENCE = 20       # characters of a reference string worth comparing as such
BLOCK_WORDS = 3          # rarest title words each item is filed under
MAX_BLOCK = 200          # a word shared by more items than this is too common to block on

STRONG, EXACT, FUZZY, RAW = 0, 1, 2, 3  # rule strength: stronger merges are applied first


@dataclass(frozen=True)
class Merge:
    kept: int
    merged: int
    reason: str


@dataclass
class Cluster:
    members: list[int]
    merges: list[Merge]


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
    # A reason names only what both items state and agree on: the test of every reported merge reads it so.
    said = f"title {similarity:.0f}%" + (f", year {a.year}" if same_year else "")
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
    if identifiers_conflict(a, b) or works_differ(a, b):
        return None
    if a.url and a.url == b.url and url_has_page_path(a.url):
        return STRONG, f"same URL {a.url}"
    if _has_reference(a) and a.raw == b.raw:
        return EXACT, "identical reference string"
    reason = _same_designation(a, b) or fuzzy_reason(a, b)
    if reason and a.url and b.url and a.url != b.url:
        reason += ", URL truncated in one"
    if reason:
        return FUZZY, reason
    if _has_reference(a) and _has_reference(b) and same_work_raw(a.reference, b.reference):
        return RAW, raw_reason(a, b)
    return None


def _same_designation(a: Fingerprint, b: Fingerprint) -> str | None:
    """ "CRS Report RL30240, Congressional Oversight Manual, coordinated by ..." and "CRS Report RL30240":
    one designation ("rl30240", "s2093", "42usc1983": letters and digits, not a bare serial number)
    on items of one type, with no year, volume or page apart, is one work."""
    if not (a.number and a.number == b.number and re.search(r"[a-z]", a.number) and re.search(r"\d", a.number)):
        return None
    if a.kind and b.kind and a.kind != b.kind or details_conflict(a, b):
        return None
    return f"same number {a.number}" + (f", year {a.year}" if a.year and a.year == b.year else "")


def raw_reason(a: Fingerprint, b: Fingerprint) -> str:
    """What the two reference strings were found to agree on, naming only what both state."""
    agreed = ["title words"]
    if author_agreement(a, b):
        agreed.append("authors")
    years = {a.year or edition_year(a.reference), b.year or edition_year(b.reference)}
    if len(years) == 1 and None not in years:
        agreed.append(f"year {years.pop()}")
    volumes = {a.volume or volume_cited(a.reference), b.volume or volume_cited(b.reference)}
    if len(volumes) == 1 and "" not in volumes:
        agreed.append(f"volume {volumes.pop()}")
    return "reference strings agree on " + ", ".join(agreed)


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
            if works_differ(a, b) and not (a.doi and a.doi == b.doi):
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
