"""The indexed merge and BM25's postings give what a scan of everything gives, float for float.

The references here are the plain definitions: a sentence joins the first point, in order, whose
lead it is alike to; BM25 sums every term over every document.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.content.candidates import Sentence
from pipeline.content.relevance import BM25, K1, B
from pipeline.content.select import merge_statements, similar
from pipeline.content.textstats import idf_weights, salient_numbers, tokens, weighted

WORDS = ["port", "ships", "closed", "strait", "talks", "convoy", "inspect", "cargo", "fuel", "navy"]
NUMBERS = ["", " 1,200 tonnes", " 35%", " 40 ships"]
texts = st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.sampled_from(NUMBERS)),
                 min_size=1, max_size=40).map(lambda items: [" ".join(words) + number for words, number in items])


def sentences_of(lines: list[str]) -> list[Sentence]:
    words = [tokens(line) for line in lines]
    idf = idf_weights(words)
    return [Sentence(f"s{i}", 0, 0, line, [], f"s{i}", words[i], salient_numbers(line), weighted(words[i], idf))
            for i, line in enumerate(lines)]


def scanned_merge(ranked, threshold):
    points: list[list[Sentence]] = []
    for sentence, _relevance in ranked:
        home = next((p for p in points if similar(p[0], sentence) >= threshold), None)
        if home is None:
            points.append([sentence])
        else:
            home.append(sentence)
    return [[m.seed for m in p] for p in points]


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from([0.0, 0.3, 0.5, 0.55, 0.8, 1.0]))
def test_indexed_merge_is_the_scan(lines, threshold):
    ranked = [(s, 1.0) for s in sentences_of(lines)]
    merged = [[m.seed for m in p.members] for p in merge_statements(ranked, threshold)]
    assert merged == scanned_merge(ranked, threshold)


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.sampled_from(WORDS + ["absent"]), min_size=1, max_size=5))
def test_bm25_postings_are_the_full_sum(lines, query):
    documents = [tokens(line) or ["_"] for line in lines]
    bm25 = BM25(documents)
    full = [0.0] * len(documents)
    for term in query:
        idf = bm25.idf.get(term) or 0
        for i, words in enumerate(documents):
            tf = words.count(term)
            full[i] += idf * (tf * (K1 + 1) / (tf + K1 * (1 - B + B * len(words) / bm25.average_length)))
    assert bm25.scores(query) == full
    assert all(not math.isnan(score) for score in full)
