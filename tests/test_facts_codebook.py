"""The codebook: which sources speak of each configured term, the values they give, the status."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.content.facts.codebook import read_codebook

TERMS = [
    {"id": "ceasefire", "label": "A ceasefire", "markers": ["ceasefire", "truce"],
     "values": {"now": ["immediate", "at once"], "later": ["after the talks"]}},
    {"id": "monitors", "label": "Who monitors", "markers": ["monitor", "observers"],
     "values": {"UN": ["UN observers", "United Nations"], "regional": ["regional observers"]}},
    {"id": "tariffs", "label": "Tariffs", "markers": ["tariff"]},
]


def sentence(seed: str, text: str, index: int = 0):
    return SimpleNamespace(seed=seed, seed_id=f"id-{seed}", paragraph=0, sentence=index, text=text)


def by_id(terms):
    return {term["id"]: term for term in terms}


def test_each_source_says_what_value_it_gives_and_the_status_follows():
    terms = by_id(read_codebook(TERMS, [
        sentence("a", "The envoy wants an immediate ceasefire."),
        sentence("b", "A truce could come after the talks, the minister said."),
        sentence("a", "Regional observers would monitor the line.", 1),
    ]))
    ceasefire = terms["ceasefire"]
    assert ceasefire["status"] == "differ"
    assert {s["seed"]: s["values"] for s in ceasefire["sources"]} == {"a": ["now"], "b": ["later"]}
    assert ceasefire["sources"][0]["statements"][0]["source_text"] == "The envoy wants an immediate ceasefire."
    assert terms["monitors"]["status"] == "single"
    assert terms["tariffs"]["status"] == "unmentioned"


def test_markers_match_as_stems_and_sources_giving_the_same_value_agree():
    terms = by_id(read_codebook(TERMS, [sentence("a", "Truces signed at once rarely hold."),
                                        sentence("b", "Both want the ceasefires to start immediate talks at once.")]))
    assert terms["ceasefire"]["status"] == "agree"


def test_a_negated_value_does_not_count_even_across_a_coordination():
    terms = by_id(read_codebook(TERMS, [
        sentence("a", "Observers will monitor it without UN observers or regional observers."),
        sentence("b", "The absence of UN observers worries the monitor."),
    ]))
    assert [s["values"] for s in terms["monitors"]["sources"]] == [[], []]
    assert terms["monitors"]["status"] == "agree"


def test_changing_the_codebook_alone_changes_what_is_tracked():
    sentences = [sentence("a", "A tariff of 10 percent applies.")]
    assert by_id(read_codebook(TERMS, sentences))["tariffs"]["status"] == "single"
    renamed = [dict(TERMS[2], markers=["levy"])]
    assert read_codebook(renamed, sentences)[0]["status"] == "unmentioned"


def test_each_statement_keeps_the_characters_that_matched_its_value_before_its_marker():
    texts = ["Observers from the United Nations would monitor the line.", "A truce, not an immediate one."]
    terms = by_id(read_codebook(TERMS, [sentence("a", texts[0]), sentence("b", texts[1])]))
    [monitors] = terms["monitors"]["sources"][0]["statements"]
    start, end = monitors["match"]
    assert texts[0][start:end] == "United Nations"
    [truce] = terms["ceasefire"]["sources"][0]["statements"]
    assert texts[1][slice(*truce["match"])] == "truce"  # a negated value does not count: the marker's place
