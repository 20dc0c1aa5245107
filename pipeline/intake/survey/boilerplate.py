"""Corpus boilerplate: paragraphs a publisher prints in every article (a disclaimer, an "about us",
a newsletter pitch) recur across distinct articles, and are not evidence.

A paragraph is boilerplate when its normalized text (fingerprints.normalized_words) is at least
cleaning.boilerplate_min_words words long and recurs, exactly or nearly, in at least
cleaning.boilerplate_min_seeds distinct articles. Seeds that are near duplicates of each other
are one article (the same report saved twice shares every paragraph without any of them being
boilerplate). Exact recurrences are grouped through a dict of hashes in one pass; near ones are
looked for among the distinct texts only, through an index of each text's lowest shingle hashes,
so the work grows with the corpus, not with its square. Config keys read (through the corpus
stage): cleaning.boilerplate_min_seeds, cleaning.boilerplate_min_words.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.core.unionfind import smallest_roots
from pipeline.intake.survey.fingerprints import Fingerprint, fingerprint

# Near recurrences: word 3-grams (fingerprints.NEAR_SHINGLE), Jaccard against the first text of a
# group. Replacing one word of a 40-word disclaimer (another office's name) leaves 0.85; two
# different paragraphs share 80% of their 3-grams only when one is an edited copy of the other. A
# sentence added to the disclaimer (0.75) makes another paragraph.
NEAR_JACCARD = 0.8
SKETCH = 4  # lowest shingle hashes a text is indexed under: a pair over NEAR_JACCARD shares one
# A hash many distinct texts are indexed under is a common phrase ("one of the"), not a sign of a
# copy: past this many groups it is no longer compared against, which keeps the pass linear.
BUCKET_CAP = 50


def jaccard(a: set[int], b: set[int]) -> float:
    shared = len(a & b)
    return shared / max(1, len(a) + len(b) - shared)


def near_copy(a: set[int], b: set[int]) -> bool:
    """jaccard(a, b) >= NEAR_JACCARD. Two sets are never more alike than the smaller's size over
    the larger's, and rounding keeps that order, so pairs of too unequal sizes are not intersected."""
    small, large = sorted((len(a), len(b)))
    return small / max(1, large) >= NEAR_JACCARD and jaccard(a, b) >= NEAR_JACCARD


@dataclass
class Group:
    """One text, where it is first printed (seed, paragraph index), with its shingle hashes and
    every (seed, paragraph) it is at. The hashes are an array, not a set: 10,000 seeds make a few
    hundred thousand groups."""

    first: tuple[str, int]
    shingles: array
    occurrences: list[tuple[str, int]] = field(default_factory=list)


def exact_groups(prints: list[Fingerprint], min_words: int) -> list[Group]:
    """Paragraphs of min_words or more grouped by normalized text, in corpus order."""
    groups: dict[bytes, Group] = {}
    for print_ in sorted(prints, key=lambda p: p.seed):
        for index, paragraph in enumerate(print_.paragraphs):
            if paragraph.words < min_words:
                continue
            if paragraph.key not in groups:
                groups[paragraph.key] = Group((print_.seed, index), paragraph.shingles)
            groups[paragraph.key].occurrences.append((print_.seed, index))
    return list(groups.values())


def near_clusters(groups: list[Group]) -> list[list[Group]]:
    """Exact groups joined when one is a near copy of an earlier cluster's first text."""
    clusters: list[list[Group]] = []
    heads: list[set[int]] = []  # each cluster's first text's shingles, as a set
    index: dict[int, list[int]] = defaultdict(list)
    for group in groups:
        grams = set(group.shingles)
        sketch = group.shingles[:SKETCH]  # sorted: the lowest hashes
        seen = {c for h in sketch if len(index[h]) < BUCKET_CAP for c in index[h]}
        match = next((c for c in sorted(seen) if near_copy(grams, heads[c])), None)
        if match is not None:
            clusters[match].append(group)
            continue
        clusters.append([group])
        heads.append(grams)
        for h in sketch:
            if len(index[h]) < BUCKET_CAP:
                index[h].append(len(clusters) - 1)
    return clusters


def articles(seeds: set[str], pairs: list[dict]) -> dict[str, str]:
    """Seed -> the article it is a copy of: near-duplicate pairs joined, transitively."""
    return smallest_roots(seeds, ((p["a"], p["b"]) for p in pairs if p["a"] in seeds and p["b"] in seeds))


# (seed, paragraph index) -> the paragraph's text
TextOf = Callable[[str, int], str]


def boilerplate_record(cluster: list[Group], text_of: TextOf) -> dict:
    """{text: the most reprinted wording, seeds, paragraphs: {seed: [paragraph indexes]}}."""
    paragraphs: dict[str, list[int]] = defaultdict(list)
    for group in cluster:
        for seed, index in group.occurrences:
            paragraphs[seed].append(index)
    sample = max(cluster, key=lambda group: len(group.occurrences))  # the first, of equals
    return {"text": text_of(*sample.first), "seeds": sorted(paragraphs),
            "paragraphs": {seed: sorted(indexes) for seed, indexes in sorted(paragraphs.items())}}


def find_boilerplate(documents: list[dict], pairs: list[dict], min_seeds: int, min_words: int) -> list[dict]:
    """find_recurring on cleaned documents themselves."""
    by_seed = {document["seed"]: document for document in documents}
    return find_recurring([fingerprint(d) for d in documents], pairs, min_seeds, min_words,
                          lambda seed, index: by_seed[seed]["paragraphs"][index]["text"])


def find_recurring(prints: list[Fingerprint], pairs: list[dict], min_seeds: int, min_words: int,
                   text_of: TextOf) -> list[dict]:
    """Paragraphs recurring in min_seeds distinct articles or more, in order of first occurrence.

    pairs are the near-duplicate seed pairs ({a, b}): seeds joined by them count as one article.
    """
    article_of = articles({p.seed for p in prints}, pairs)
    found = []
    for cluster in near_clusters(exact_groups(prints, min_words)):
        distinct = {article_of[seed] for group in cluster for seed, _ in group.occurrences}
        if len(distinct) >= min_seeds:
            found.append(boilerplate_record(cluster, text_of))
    return found
