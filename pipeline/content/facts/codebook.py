"""The codebook: terms a briefing tracks (config key `codebook`), what each source says of each.

A term is `{id, label, section, markers, values?}`. A sentence mentions the term when one of its
markers occurs in it (words and phrases compared as stems, so 'freeze' finds 'freezing'); a value
is matched the same way among the mentioning sentence's words, unless a negation ('without', 'no',
'not', 'absence of') stands just before it. Per term, each source's sentences and values; the
status is single (one source mentions it), differ (two sources give values with none in common)
or agree. Each statement keeps `match`, the characters of its sentence that matched: the first value
marker found, else the first marker (what a table quotes around).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.content.relevance import contains_phrase
from pipeline.content.textstats import stem

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
NEGATIONS = {"without", "no", "not", "never", "nor", "absence", "lack", "neither", "excluding"}
NEGATION_REACH = 4  # words before a value marker a negation reaches over ("without direct intervention from UN")


def plain_word(word: str) -> str:
    """A word as stems() stems it: lower-cased, curly apostrophe straight, possessive 's off."""
    return word.lower().replace("’", "'").removesuffix("'s")


def stems(text: str) -> list[str]:
    """Lower-cased stems of every word, stopwords kept: markers are phrases ('front line', 'not seeking')."""
    return [stem(plain_word(w)) for w in WORD.findall(text)]


def forms_of(first_stems: set[str], texts: list[str]) -> frozenset[str]:
    """Every word of texts, as plain_word gives it, whose stem is one of first_stems.

    The words are found in the texts joined by a newline: WORD never matches a newline, so a match
    neither spans two texts nor starts differently than in its own text, and the words found are
    the union of each text's.
    """
    plain = {plain_word(word) for word in set(WORD.findall("\n".join(texts)))}  # distinct words first
    return frozenset(word for word in plain if stem(word) in first_stems)


def may_mention(text: str, forms: frozenset[str]) -> bool:
    """False only when no word of text stems to what forms_of gave forms for.

    Exact: a word w of text with such a stem has plain_word(w) in forms, and plain_word(w) is a
    prefix of w lower-cased with its apostrophes straightened, which is a piece of text treated
    alike (WORD's characters are ASCII or ’, each lower-cased on its own, so the piece keeps its
    place).
    """
    lowered = text.lower().replace("’", "'")
    return any(form in lowered for form in forms)


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


def word_spans(text: str) -> list[tuple[int, int]]:
    """The character span of each word stems() reads, in order."""
    return [m.span() for m in WORD.finditer(text)]


def first_match(words: list[str], phrases: list[list[str]], negation_counts: bool = True) -> tuple[int, int] | None:
    """(first word, word count) of the earliest occurrence of any phrase (not negated unless it counts)."""
    found = [(i, len(phrase)) for phrase in phrases if phrase for i in phrase_positions(words, phrase)
             if negation_counts or not negated(words, i)]
    return min(found) if found else None


def match_span(text: str, words: list[str], markers: list[list[str]], values: dict[str, list[list[str]]],
               found: list[str]) -> list[int]:
    """[start, end] in the sentence of its first matched value marker, else of its first marker."""
    hit = first_match(words, [m for name in found for m in values[name]], negation_counts=False) \
        or first_match(words, markers)
    spans = word_spans(text)
    if hit is None or hit[0] + hit[1] > len(spans):
        return [0, len(text)]
    return [spans[hit[0]][0], spans[hit[0] + hit[1] - 1][1]]


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


def stemmed_mentioning(sentences: list, markers: list[list[str]]) -> list[tuple[object, list[str]]]:
    """(sentence, its stems) for the sentences that may mention a marker, in order; stemming every
    sentence of a large corpus cost more than the rest of the codebook. A marker occurs only where
    its first stem does, so a sentence without a word of such a stem (may_mention) is left out."""
    first_stems = {marker[0] for marker in markers if marker}
    if not first_stems:
        return []
    forms = forms_of(first_stems, [sentence.text for sentence in sentences])
    return [(sentence, stems(sentence.text)) for sentence in sentences if may_mention(sentence.text, forms)]


def read_codebook(codebook: list[dict], sentences: list) -> list[dict]:
    """Each term with what each source says (its sentences and the values matched) and a status.

    sentences: objects with .seed, .seed_id, .paragraph, .sentence, .text.
    """
    compiled_terms = [(term, *compiled(term)) for term in codebook]
    candidates = stemmed_mentioning(sentences, [m for _, markers, _ in compiled_terms for m in markers])
    terms = []
    for term, markers, values in compiled_terms:
        said: dict[str, list[dict]] = {}
        for sentence, words in candidates:
            if not mentions(words, markers):
                continue
            found = values_in(words, values)
            said.setdefault(sentence.seed, []).append({
                "seed": sentence.seed, "paragraph": sentence.paragraph, "sentence": sentence.sentence,
                "source_text": sentence.text, "cites": [sentence.seed_id], "values": found,
                "match": match_span(sentence.text, words, markers, values, found)})
        by_source = {seed: {v for item in items for v in item["values"]} for seed, items in said.items()}
        terms.append({"id": term["id"], "label": term["label"], "section": term.get("section"),
                      "status": term_status(by_source) if said else "unmentioned",
                      "sources": [{"seed": seed, "cites": items[0]["cites"], "values": sorted(by_source[seed]),
                                   "statements": items} for seed, items in said.items()]})
    return terms
