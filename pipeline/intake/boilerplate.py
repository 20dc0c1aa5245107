"""Corpus boilerplate: paragraphs a publisher prints in every article (a disclaimer, an "about us",
a newsletter pitch) recur across distinct articles, and are not evidence.

A paragraph is boilerplate when its normalized text (normalized_words) is at least
cleaning.boilerplate_min_words words long and recurs, exactly or nearly, in at least
cleaning.boilerplate_min_seeds distinct articles. Seeds that are near duplicates of each other
are one article (the same report saved twice shares every paragraph without any of them being
boilerplate). Exact recurrences are grouped through a dict of hashes in one pass; near ones are
looked for among the distinct texts only, through an index of each text's lowest shingle hashes,
so the work grows with the corpus, not with its square. Config keys read (through the corpus
stage): cleaning.boilerplate_min_seeds, cleaning.boilerplate_min_words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.core.unionfind import smallest_roots

LETTERS = re.compile(r"[^\W\d_]+")
APOSTROPHES = re.compile(r"(?<=\w)['’](?=\w)")
# Near recurrences: word 3-grams, Jaccard against the first text of a group. Replacing one word of
# a 40-word disclaimer (another office's name) leaves 0.85; two different paragraphs share 80% of
# their 3-grams only when one is an edited copy of the other. A sentence added to the disclaimer
# (0.75) makes another paragraph.
NEAR_SHINGLE = 3
NEAR_JACCARD = 0.8
SKETCH = 4  # lowest shingle hashes a text is indexed under: a pair over NEAR_JACCARD shares one
# A hash many distinct texts are indexed under is a common phrase ("one of the"), not a sign of a
# copy: past this many groups it is no longer compared against, which keeps the pass linear.
BUCKET_CAP = 50


def normalized_words(text: str) -> list[str]:
    """The paragraph's words as the same paragraph reprinted would give them.

    Case, spacing, punctuation, quote styles and digits (a year, a report number, a page) are
    left out; letters, word order and accents stay, so only a reprint, not a paraphrase, matches.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return LETTERS.findall(APOSTROPHES.sub("", folded))


def word_shingles(words: list[str], size: int = NEAR_SHINGLE) -> set[int]:
    grams = (" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1)))
    return {zlib.crc32(gram.encode("utf-8")) for gram in grams}


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(1, len(a | b))


@dataclass
class Group:
    """One text, as first printed, with its shingle hashes and every (seed, paragraph) it is at.

    The hashes are an array, not a set: 10,000 seeds make a few hundred thousand groups.
    """

    text: str
    shingles: array
    occurrences: list[tuple[str, int]] = field(default_factory=list)


def exact_groups(documents: list[dict], min_words: int) -> list[Group]:
    """Paragraphs of min_words or more grouped by normalized text, in corpus order."""
    groups: dict[bytes, Group] = {}
    for document in sorted(documents, key=lambda d: d["seed"]):
        for index, paragraph in enumerate(document["paragraphs"]):
            words = normalized_words(paragraph["text"])
            if len(words) < min_words:
                continue
            key = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
            if key not in groups:
                groups[key] = Group(paragraph["text"], array("I", sorted(word_shingles(words))))
            groups[key].occurrences.append((document["seed"], index))
    return list(groups.values())


def near_clusters(groups: list[Group]) -> list[list[Group]]:
    """Exact groups joined when one is a near copy of an earlier cluster's first text."""
    clusters: list[list[Group]] = []
    index: dict[int, list[int]] = defaultdict(list)
    for group in groups:
        grams = set(group.shingles)
        sketch = group.shingles[:SKETCH]  # sorted: the lowest hashes
        seen = {c for h in sketch if len(index[h]) < BUCKET_CAP for c in index[h]}
        match = next((c for c in sorted(seen) if jaccard(grams, set(clusters[c][0].shingles)) >= NEAR_JACCARD),
                     None)
        if match is not None:
            clusters[match].append(group)
            continue
        clusters.append([group])
        for h in sketch:
            if len(index[h]) < BUCKET_CAP:
                index[h].append(len(clusters) - 1)
    return clusters


def articles(seeds: set[str], pairs: list[dict]) -> dict[str, str]:
    """Seed -> the article it is a copy of: near-duplicate pairs joined, transitively."""
    return smallest_roots(seeds, ((p["a"], p["b"]) for p in pairs if p["a"] in seeds and p["b"] in seeds))


def boilerplate_record(cluster: list[Group]) -> dict:
    """{text: the most reprinted wording, seeds, paragraphs: {seed: [paragraph indexes]}}."""
    paragraphs: dict[str, list[int]] = defaultdict(list)
    for group in cluster:
        for seed, index in group.occurrences:
            paragraphs[seed].append(index)
    sample = max(cluster, key=lambda group: len(group.occurrences))  # the first, of equals
    return {"text": sample.text, "seeds": sorted(paragraphs),
            "paragraphs": {seed: sorted(indexes) for seed, indexes in sorted(paragraphs.items())}}


def find_boilerplate(documents: list[dict], pairs: list[dict], min_seeds: int, min_words: int) -> list[dict]:
    """Paragraphs recurring in min_seeds distinct articles or more, in order of first occurrence.

    pairs are the near-duplicate seed pairs ({a, b}): seeds joined by them count as one article.
    """
    article_of = articles({d["seed"] for d in documents}, pairs)
    found = []
    for cluster in near_clusters(exact_groups(documents, min_words)):
        distinct = {article_of[seed] for group in cluster for seed, _ in group.occurrences}
        if len(distinct) >= min_seeds:
            found.append(boilerplate_record(cluster))
    return found
