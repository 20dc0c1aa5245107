"""How well each sentence fits each configured section: BM25 with the section as the query.

The query is the section's title and description, with its keywords and entities counted
twice; a keyword phrase found whole in a sentence adds a phrase bonus on top. Scores are scaled
per section so that the best sentence scores 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.content.textstats import tokens

PHRASE_BONUS = 0.5  # share of the mean query-term score a whole multi-word keyword phrase adds


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


def score_sections(sentence_tokens: list[list[str]], sections: list[dict]) -> dict[str, list[float]]:
    """Section id -> one score in [0, 1] per sentence."""
    from rank_bm25 import BM25Okapi

    if not sentence_tokens:
        return {section["id"]: [] for section in sections}
    bm25 = BM25Okapi([words or ["_"] for words in sentence_tokens])
    scores: dict[str, list[float]] = {}
    for query in map(section_query, sections):
        raw = [float(s) for s in bm25.get_scores(query.terms)]
        unit = sum(raw) / max(1, len(raw)) or 1.0
        for i, words in enumerate(sentence_tokens):
            raw[i] += PHRASE_BONUS * unit * sum(contains_phrase(words, p) for p in query.phrases)
        best = max(raw) or 1.0
        scores[query.id] = [max(0.0, s) / best for s in raw]
    return scores
