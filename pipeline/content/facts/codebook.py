"""The codebook: terms a briefing tracks (config key `codebook`), what each source says of each.

A term is `{id, label, section, markers, values?}`. A sentence mentions the term when one of its
markers occurs in it (words and phrases compared as stems, so 'freeze' finds 'freezing'); a value
is matched the same way among the mentioning sentence's words, unless a negation ('without', 'no',
'not', 'absence of') stands just before it. Per term, each source's sentences and values; the
status is single (one source mentions it), differ (two sources give values with none in common)
or agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.content.relevance import contains_phrase
from pipeline.content.textstats import stem

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
NEGATIONS = {"without", "no", "not", "never", "nor", "absence", "lack", "neither", "excluding"}
NEGATION_REACH = 4  # words before a value marker a negation reaches over ("without direct intervention from UN")


def stems(text: str) -> list[str]:
    """Lower-cased stems of every word, stopwords kept: markers are phrases ('front line', 'not seeking')."""
    return [stem(w.lower().replace("’", "'").removesuffix("'s")) for w in WORD.findall(text)]


def phrase_positions(words: list[str], phrase: list[str]) -> list[int]:
    size = len(phrase)
    return [i for i in range(len(words) - size + 1) if words[i:i + size] == phrase]


@lru_cache(maxsize=1)
def negation_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in NEGATIONS)


def negated(words: list[str], position: int) -> bool:
    """A negation within reach before a word; a coordination ('without X or Y') extends the reach once."""
    reach = NEGATION_REACH
    for offset, word in enumerate(reversed(words[:position]), start=1):
        if offset > reach:
            return False
        if word in negation_stems():
            return True
        if word in ("or", "nor", "and") and reach == NEGATION_REACH:
            reach += NEGATION_REACH
    return False


def mentions(words: list[str], markers: list[list[str]]) -> bool:
    return any(contains_phrase(words, marker) for marker in markers if marker)


def values_in(words: list[str], values: dict[str, list[list[str]]]) -> list[str]:
    """The value names whose markers occur, not negated, in order of the codebook."""
    found = []
    for name, markers in values.items():
        if any(not negated(words, i) for marker in markers if marker for i in phrase_positions(words, marker)):
            found.append(name)
    return found


def compiled(term: dict) -> tuple[list[list[str]], dict[str, list[list[str]]]]:
    markers = [stems(m) for m in term.get("markers", [])]
    values = {name: [stems(m) for m in words] for name, words in (term.get("values") or {}).items()}
    return markers, values


def term_status(by_source: dict[str, set[str]]) -> str:
    if len(by_source) < 2:
        return "single"
    valued = [values for values in by_source.values() if values]
    for i, left in enumerate(valued):
        if any(not left & right for right in valued[i + 1:]):
            return "differ"
    return "agree"


def read_codebook(codebook: list[dict], sentences: list) -> list[dict]:
    """Each term with what each source says (its sentences and the values matched) and a status.

    sentences: objects with .seed, .seed_id, .paragraph, .sentence, .text, .words (stems).
    """
    terms = []
    for term in codebook:
        markers, values = compiled(term)
        said: dict[str, list[dict]] = {}
        for sentence in sentences:
            if not mentions(sentence.words, markers):
                continue
            found = values_in(sentence.words, values)
            said.setdefault(sentence.seed, []).append({
                "seed": sentence.seed, "paragraph": sentence.paragraph, "sentence": sentence.sentence,
                "source_text": sentence.text, "cites": [sentence.seed_id], "values": found})
        by_source = {seed: {v for item in items for v in item["values"]} for seed, items in said.items()}
        terms.append({"id": term["id"], "label": term["label"], "section": term.get("section"),
                      "status": term_status(by_source) if said else "unmentioned",
                      "sources": [{"seed": seed, "cites": items[0]["cites"], "values": sorted(by_source[seed]),
                                   "statements": items} for seed, items in said.items()]})
    return terms
