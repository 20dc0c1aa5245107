"""The facts stage's shortcuts give what the plain scans give.

The references here are the plain definitions: every sentence stemmed and every marker looked for
in it; every seed's words indexed; every event compared with every event before it.
"""

from __future__ import annotations

import gc
import re
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.content.facts.build import seeds_by_word, seeds_naming
from pipeline.content.facts.codebook import compiled, match_span, mentions, read_codebook, stems, values_in
from pipeline.content.facts.timeline import IRREGULAR_PAST, NOT_VERBS, SAME_EVENT, events, has_action
from pipeline.content.relevance import contains_phrase
from pipeline.content.textstats import WORD as TOKEN_WORD
from pipeline.content.textstats import cosine, idf_weights, stem, stopwords, tokens, weighted
from pipeline.core.collector import cycle_collection_paused

# Surface forms that stem alike or nearly so, with capitals, possessives, curly apostrophes,
# hyphens and digits: what can put a marker's stem in a sentence without its spelling.
WORDS = ["Escort", "escorts", "escorted", "escorting", "ESCORT's", "escort’s", "convoy", "Convoys", "convoy-led",
         "inspect", "inspection", "Inspections", "inspector", "re-inspect", "no", "without", "the", "port",
         "ships", "cargo", "fuel", "2024", "7th", "'s", "-", "navy's", "naval", "Navies"]
sentence_texts = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join),
                          min_size=1, max_size=30)
MARKERS = ["escort", "escorted", "convoys", "inspect", "inspection", "navy", "naval vessel", "no escort", "fuel"]
terms = st.lists(st.fixed_dictionaries({
    "markers": st.lists(st.sampled_from(MARKERS), max_size=3),
    "values": st.dictionaries(st.sampled_from(["a", "b", "c"]), st.lists(st.sampled_from(MARKERS), max_size=2),
                              max_size=2)}), min_size=1, max_size=3)


def scanned_codebook(codebook, sentences):
    """read_codebook as defined: each sentence stemmed, each term looked for in all of them."""
    found = []
    for term in codebook:
        markers, values = compiled(term)
        for sentence in sentences:
            words = stems(sentence.text)
            if mentions(words, markers):
                hit = values_in(words, values)
                found.append((term["id"], sentence.seed, hit, match_span(sentence.text, words, markers, values, hit)))
    return found


@settings(max_examples=300, deadline=None)
@given(sentence_texts, terms)
def test_codebook_stemming_only_what_may_mention_a_marker_is_the_full_scan(texts, codebook):
    codebook = [dict(term, id=f"t{i}", label=f"T{i}") for i, term in enumerate(codebook)]
    sentences = [SimpleNamespace(seed=f"s{i}", seed_id=f"s{i}", paragraph=0, sentence=0, text=text)
                 for i, text in enumerate(texts)]
    read = [(term["id"], statement["seed"], statement["values"], statement["match"])
            for term in read_codebook(codebook, sentences) for source in term["sources"]
            for statement in source["statements"]]
    assert sorted(read) == sorted(scanned_codebook(codebook, sentences))


@given(st.lists(st.sampled_from("abc"), max_size=8), st.lists(st.sampled_from("abc"), min_size=1, max_size=3))
def test_a_phrase_is_contained_where_a_slice_of_the_words_equals_it(words, phrase):
    assert contains_phrase(words, phrase) == any(words[i:i + len(phrase)] == phrase for i in range(len(words)))


NAME_WORDS = ["Kim", "Kim's", "Jong-un", "Lee", "Leeds", "O'Neil", "Jr.", "Ri", "Park", "Parker", "Ri-", "é", "Émile"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.lists(st.sampled_from(NAME_WORDS + ["the", "said", "."]),
                                                           max_size=6).map(" ".join)), min_size=1, max_size=20),
       st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3))
def test_seeds_naming_through_the_word_index_is_the_whole_word_search(rows, names):
    sentences = [SimpleNamespace(seed=seed, text=text) for seed, text in rows]
    named = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    expected = {s.seed for s in sentences if named.search(s.text)}
    assert seeds_naming(names, sentences, seeds_by_word(sentences, set(names))) == expected


EVENT_WORDS = ["council", "approved", "dam", "mayor", "resigned", "river", "sent", "troops", "port", "closed"]
DATES = ["2025-03-01", "2025-03-02", "2025-03"]


def scanned_events(dated, idf):
    """events as defined: every sentence weighed, compared with every event opened before it."""
    merged = []
    for sentence, value, precision in dated:
        if precision not in ("day", "month") or not has_action(sentence.text):
            continue
        vector = weighted(sentence.words, idf)
        home = next((e for e in merged if e["date"] == value and cosine(e["_vector"], vector) >= SAME_EVENT), None)
        if home is None:
            merged.append({"date": value, "_vector": vector, "cites": [sentence.seed_id], "seeds": [sentence.seed]})
        else:
            home["seeds"].append(sentence.seed)
            if sentence.seed_id not in home["cites"]:
                home["cites"].append(sentence.seed_id)
    return [(e["date"], e["cites"], e["seeds"]) for e in sorted(merged, key=lambda e: e["date"])]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(EVENT_WORDS), min_size=1, max_size=6).map(" ".join),
                          st.sampled_from(DATES), st.sampled_from(["day", "month", "year"]), st.sampled_from("ab")),
                min_size=1, max_size=30))
def test_events_compared_within_their_date_are_the_scan_of_every_event(rows):
    made = [SimpleNamespace(seed=f"s{i}", seed_id=source, paragraph=0, sentence=0, text=text, words=tokens(text))
            for i, (text, _, _, source) in enumerate(rows)]
    dated = [(sentence, value, precision) for sentence, (_, value, precision, _) in zip(made, rows, strict=True)]
    idf = idf_weights([s.words for s in made])
    timeline = [(e["date"], e["cites"], [p["seed"] for p in e["provenance"]]) for e in events(dated, idf)]
    assert timeline == scanned_events(dated, idf)


@given(st.lists(st.sampled_from(WORDS + NAME_WORDS + ["a", "I", "The", "it's", "they’re", "x-ray", "A1"]),
                max_size=12).map(" ".join))
def test_tokens_through_the_word_cache_are_each_word_stemmed(text):
    words = (w.lower().replace("’", "'").removesuffix("'s") for w in TOKEN_WORD.findall(text))
    assert tokens(text) == [stem(w) for w in words if w not in stopwords() and len(w) > 1]


@given(st.lists(st.sampled_from(EVENT_WORDS + ["Sent", "RED", "speed", "pre-approved", "a-", "\u212a", "\u0130",
                                               "sent\u0130", "s\u212aed", "led", "Ed"]), max_size=8).map("".join))
def test_has_action_over_distinct_words_is_the_word_by_word_scan(text):
    def scanned(text):
        for word in re.findall(r"[A-Za-z-]+", text):
            lowered = word.lower()
            if lowered in IRREGULAR_PAST or (len(lowered) > 4 and lowered.endswith("ed") and lowered not in NOT_VERBS):
                return True
        return False
    assert has_action(text) == scanned(text)


def test_the_collector_is_paused_for_the_block_and_as_it_was_after_it_even_on_an_error():
    assert gc.isenabled()
    with cycle_collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    try:
        with cycle_collection_paused():
            raise ValueError("bad seed")
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
