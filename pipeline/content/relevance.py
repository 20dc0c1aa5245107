"""How well each sentence fits each configured section: BM25 with the section as the query.

The query is the section's title and description, with its keywords and entities counted
twice; a keyword phrase found whole in a sentence adds a phrase bonus on top. Scores are scaled
per section so that the best sentence scores 1.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from pipeline.content.textstats import tokens

PHRASE_BONUS = 0.5  # share of the mean query-term score a whole multi-word keyword phrase adds
# BM25 Okapi's constants, as rank_bm25 sets them (its scores are what the selection was tuned on).
K1, B, EPSILON = 1.5, 0.75, 0.25


@dataclass(frozen=True)
class SectionQuery:
    id: str
    terms: list[str]
    phrases: list[list[str]]


def section_query(section: dict) -> SectionQuery:
    marked = [*section.get("keywords", []), *section.get("entities", [])]
    terms = tokens(section["title"]) + tokens(section["description"])
    for phrase in marked:
        terms += tokens(phrase) * 2
    phrases = [words for words in (tokens(p) for p in marked) if len(words) > 1]
    return SectionQuery(section["id"], terms, phrases)


def contains_phrase(words: list[str], phrase: list[str]) -> bool:
    size = len(phrase)
    return any(words[i:i + size] == phrase for i in range(len(words) - size + 1))


class BM25:
    """BM25 Okapi over tokenized documents, as rank_bm25's BM25Okapi computes it, operation for
    operation, so the scores are the same floats; in plain Python, since importing numpy for it
    took longer than the sections stage's own work."""

    def __init__(self, documents: list[list[str]]):
        self.frequencies = [Counter(words) for words in documents]
        self.lengths = [len(words) for words in documents]
        self.average_length = sum(self.lengths) / len(documents)
        self.postings: dict[str, list[int]] = {}  # word -> the documents holding it, in order
        for i, counts in enumerate(self.frequencies):
            for word in counts:
                self.postings.setdefault(word, []).append(i)
        holding = {word: len(holders) for word, holders in self.postings.items()}
        self.idf = {word: math.log(len(documents) - n + 0.5) - math.log(n + 0.5) for word, n in holding.items()}
        # an idf below zero (a word in most documents) is floored to a share of the average idf
        floor = EPSILON * (sum(self.idf.values()) / len(self.idf))
        self.idf = {word: floor if idf < 0 else idf for word, idf in self.idf.items()}

    def scores(self, query: list[str]) -> list[float]:
        # Only the documents holding a term get its share: for the others it is 0.0, and adding
        # 0.0 changes no score, so the floats are rank_bm25's while a term costs its postings only.
        scores = [0.0] * len(self.lengths)
        for term in query:
            idf = self.idf.get(term) or 0
            for i in self.postings.get(term, ()):
                tf, length = self.frequencies[i][term], self.lengths[i]
                scores[i] += idf * (tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / self.average_length)))
        return scores


def score_sections(sentence_tokens: list[list[str]], sections: list[dict]) -> dict[str, list[float]]:
    """Section id -> one score in [0, 1] per sentence."""
    if not sentence_tokens:
        return {section["id"]: [] for section in sections}
    bm25 = BM25([words or ["_"] for words in sentence_tokens])
    scores: dict[str, list[float]] = {}
    for query in map(section_query, sections):
        raw = bm25.scores(query.terms)
        unit = sum(raw) / max(1, len(raw)) or 1.0
        for i, words in enumerate(sentence_tokens):
            raw[i] += PHRASE_BONUS * unit * sum(contains_phrase(words, p) for p in query.phrases)
        best = max(raw) or 1.0
        scores[query.id] = [max(0.0, s) / best for s in raw]
    return scores
