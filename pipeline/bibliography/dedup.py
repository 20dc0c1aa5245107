"""Recognizing one work cited several times: by DOI, by normalized URL, or by title, authors and year.

Rules, strongest first (each merge records which one fired):
1. the same DOI;
2. the same normalized URL naming a page (a site's home page alone identifies nothing);
3. the same reference string, word for word;
4. fuzzy agreement: near-identical titles (rapidfuzz) with equal years and agreeing authors or
   venue, and no disagreement on volume or first page (conference abstracts and journal versions of
   one study share a title but are different records);
   or one designation ("CRS Report RL39112", "S. 2093") on items of one type;
5. the reference strings themselves agree (pipeline.bibliography.rawmatch: author and title words, edition year,
   volume), for what the parser could not structure alike: two styles, OCR, a language it reads badly.
Entries whose DOIs or URLs differ are never merged, nor (short of one DOI) entries whose numbers,
authors, recipients or years differ (pipeline.bibliography.fingerprint.works_differ), and a fuzzy merge
is refused when any pair across the two clusters disagrees on year or pages, or a member of one
disagrees on authors with every member of the other, so one loose match cannot chain two works;
nor when a compared pair across them is a contribution and the book or journal it appeared in: the
pair's own verdict holds for the clusters it ends up in. A sentence of running text that quotes a
reference (rule 5 on strings of very different lengths) joins the first cluster it is linked to and
brings no other to it: a sentence may quote two works.
A merge's reason names only fields both items state and agree on.

Candidate pairs come from blocks and sorted neighbourhoods (pipeline.bibliography.blocking), and a
join is checked on the two clusters' profiles (pipeline.bibliography.clusters), not on every pair
across them, so the work grows as n log n, not as the square of n or of a cluster's size. Identical
items (a work many seeds cite in the same words) are read and clustered once (copies_of).
Everything is deterministic: clusters are listed by their first item, members in input order.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from pipeline.bibliography.blocking import candidate_pairs, has_reference
from pipeline.bibliography.clusters import EXACT, FUZZY, RAW, STRONG, Clusters, may_join
from pipeline.bibliography.fingerprint import (
    Fingerprint,
    author_agreement,
    details_conflict,
    fingerprint,
    identifiers_conflict,
    venue_agreement,
    works_differ,
)
from pipeline.bibliography.rawmatch import (
    CONTEXT_LENGTH_FACTOR,
    edition_year,
    names_its_container,
    reference_words,
    same_work_raw,
)
from pipeline.bibliography.volumes import volume_cited
from pipeline.text.urls import url_has_page_path

# Calibrated on the ASySD stroke records (bench/dedup_score.py): duplicate titles differ by case,
# punctuation and the odd dropped word (ratio >= 95); distinct studies with equal years and authors
# rarely pass 88 without also disagreeing on pages.
NEAR_IDENTICAL_TITLE = 95.0
SIMILAR_TITLE = 88.0


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
    if has_reference(a) and a.raw == b.raw:
        return EXACT, "identical reference string"
    reason = _same_designation(a, b) or fuzzy_reason(a, b)
    if reason and a.url and b.url and a.url != b.url:
        reason += ", URL truncated in one"
    if reason:
        return FUZZY, reason
    if has_reference(a) and has_reference(b) and same_work_raw(a.reference, b.reference):
        return RAW, raw_reason(a, b)
    return None


def _same_designation(a: Fingerprint, b: Fingerprint) -> str | None:
    """ "CRS Report RL39112, Congressional Review of Harbor Agencies, coordinated by ..." and "CRS Report RL39112":
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


def find_duplicates(items: Sequence[dict[str, Any]]) -> list[Cluster]:
    """Group CSL items that cite one work; every item is in exactly one cluster."""
    return cluster_fingerprints(fingerprints(items))


def fingerprints(items: Sequence[dict[str, Any]]) -> list[Fingerprint]:
    """One per item; items written alike (a work many seeds cite in the same words) are read once."""
    read: dict[str, Fingerprint] = {}
    found = []
    for item in items:
        key = json.dumps(item, sort_keys=True, ensure_ascii=False)
        if key not in read:
            read[key] = fingerprint(item)
        found.append(read[key])
    return found


def link_confidence(a: Fingerprint, b: Fingerprint) -> float:
    """How alike two matched items read: their reference strings' words, else their titles'."""
    if has_reference(a) and has_reference(b):
        return fuzz.token_sort_ratio(a.raw, b.raw)
    return fuzz.ratio(a.title, b.title)


def part_and_whole(a: Fingerprint, b: Fingerprint) -> bool:
    """One reference string cites a contribution to the book or journal the other cites (a chapter
    and its volume): two works, however many words they share."""
    return has_reference(a) and has_reference(b) and (names_its_container(a.reference, b.reference)
                                                       or names_its_container(b.reference, a.reference))


def quoting_side(a: Fingerprint, b: Fingerprint) -> int | None:
    """0 or 1 when that one of two reference strings matched on their words alone is running text
    that quotes the other (pipeline.bibliography.rawmatch: much longer); None otherwise."""
    words_a, words_b = len(reference_words(a.reference)), len(reference_words(b.reference))
    if words_a >= CONTEXT_LENGTH_FACTOR * words_b:
        return 0
    return 1 if words_b >= CONTEXT_LENGTH_FACTOR * words_a else None


def copies_of(prints: Sequence[Fingerprint]) -> dict[int, list[int]]:
    """The first item of each set of identical fingerprints -> the later ones (its copies).

    A work many seeds cite in the same words gives as many identical items; they are one work by
    the rule they would meet each other under, so they are clustered once, as their first item,
    and the copies join it after. An item that does not match its own copy (too little to compare)
    stays on its own.
    """
    first: dict[Fingerprint, int] = {}
    copies: dict[int, list[int]] = {}
    for index, fp in enumerate(prints):
        if fp in first:
            copies[first[fp]].append(index)
        else:
            first[fp] = index
            copies[index] = []
    for index, later in list(copies.items()):
        if later and not match_reason(prints[index], prints[index]):
            copies.update((other, []) for other in later)
            later.clear()
    return dict(sorted(copies.items()))


def cluster_fingerprints(prints: Sequence[Fingerprint]) -> list[Cluster]:
    """Clusters of the items prints stand for; identical ones clustered once (copies_of)."""
    copies = copies_of(prints)
    distinct = list(copies)
    clusters = _cluster_distinct([prints[index] for index in distinct], [1 + len(copies[index]) for index in distinct])
    found = []
    for cluster in clusters:
        firsts = [distinct[member] for member in cluster.members]
        reasons = {first: match_reason(prints[first], prints[first])[1] for first in firsts if copies[first]}
        own = [Merge(first, copy, reasons[first]) for first in firsts for copy in copies[first]]
        found.append(Cluster(sorted(index for first in firsts for index in (first, *copies[first])),
                             own + [Merge(distinct[m.kept], distinct[m.merged], m.reason) for m in cluster.merges]))
    return found


def _cluster_distinct(prints: Sequence[Fingerprint], items: Sequence[int]) -> list[Cluster]:
    """Clusters of distinct fingerprints, each standing for items[index] items (itself and its copies)."""
    links, apart = [], []
    for i, j in candidate_pairs(prints):
        found = match_reason(prints[i], prints[j])
        if found:
            side = quoting_side(prints[i], prints[j]) if found[0] == RAW else None
            quoting = -1 if side is None else (i, j)[side]
            links.append((found[0], -link_confidence(prints[i], prints[j]), i, j, found[1], quoting))
        elif part_and_whole(prints[i], prints[j]):
            apart.append((i, j))
    # Strongest rule first, then the closest pair: which links form first decides which clusters a
    # hard constraint later keeps apart, and that must not depend on the order the seeds came in.
    links.sort(key=lambda link: link[:4])
    clusters = Clusters(list(prints), apart)
    merges: dict[int, list[Merge]] = defaultdict(list)
    for strength, _, i, j, reason, quoting in links:
        root_i, root_j = clusters.find(i), clusters.find(j)
        if root_i == root_j or clusters.kept_apart(root_i, root_j) \
                or not may_join(clusters.profiles[root_i], clusters.profiles[root_j], strength):
            continue
        if quoting >= 0 and sum(items[member] for member in clusters.members[clusters.find(quoting)]) > 1:
            continue  # a sentence quoting works joins the one it was first linked to; it bridges no two
        clusters.union(i, j)
        root = clusters.find(i)
        merges[root] = merges.pop(root_i, []) + merges.pop(root_j, []) + [Merge(i, j, reason)]
    return [Cluster(sorted(members), merges.get(root, []))
            for root, members in sorted(clusters.members.items())]
