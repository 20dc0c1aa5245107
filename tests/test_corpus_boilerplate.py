"""Corpus boilerplate (a disclaimer every brief of a publisher prints) is not evidence, and only
prose becomes a point: not a heading, a table row, a list of links, Markdown or a contents entry.

The briefs in tests/fixtures/topics/kelp are invented: three articles on the kelp beds of an
invented island, each closing with the same invented disclaimer (the third with a brief number
before it, a semicolon and straight quotes).
"""

from __future__ import annotations

import json
import random
from functools import lru_cache
from importlib import resources

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import FIXTURES, briefing_dir, evidence_dir, make_project, run_snakemake
from pipeline.content.candidates import boilerplate_paragraphs, collect_sentences, is_statement
from pipeline.content.sections import select_sections
from pipeline.core.config import validate_config
from pipeline.intake.blocks import group_blocks
from pipeline.intake.clean import clean_text
from pipeline.intake.corpus import survey
from pipeline.intake.debris import Line
from pipeline.intake.formats.decode import FORMATS
from pipeline.intake.survey import boilerplate
from pipeline.intake.survey.boilerplate import find_boilerplate
from pipeline.intake.survey.fingerprints import normalized_words

KELP = FIXTURES / "topics" / "kelp"
PUBLISHER = "Coastal Research Desk"  # named in the disclaimer only
DISCLAIMER = ("These briefs were prepared by the Coastal Research Desk, which serves as independent shared "
              "staff to the member councils of the Northern Shore Compact. The desk takes no position on the "
              "matters discussed, and its briefs may be reproduced for non-commercial use with attribution.")
CLEANING = validate_config({})["cleaning"]  # the defaults: 2 seeds, 12 words


@lru_cache(maxsize=1)
def kelp_config() -> dict:
    return validate_config(yaml.safe_load((KELP / "config.yaml").read_text("utf-8")))


def kelp_documents() -> list[dict]:
    documents = []
    for path in sorted((KELP / "seeds").iterdir()):
        cleaned = clean_text(path.read_text("utf-8"), FORMATS[path.suffix], str(path))
        documents.append({"seed": path.stem, "status": "ok", "error": None, **cleaned})
    return documents


def seed(name: str, *paragraphs: str) -> dict:
    return {"seed": name, "status": "ok", "error": None,
            "paragraphs": [{"index": i, "kind": "paragraph", "text": text} for i, text in enumerate(paragraphs)]}


def own_text(rng: random.Random, words: int = 40) -> str:
    """A paragraph no other seed prints: invented words."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(words)) + "."


def points(records: list[dict]) -> list[dict]:
    return [point for record in records for point in ([record["lead"]] if record["lead"] else []) + record["points"]]


# --- the corpus stage finds it ---------------------------------------------------------------------

def test_the_disclaimer_every_brief_prints_is_found_as_boilerplate():
    documents = kelp_documents()
    found = survey(documents, kelp_config()["cleaning"])["boilerplate"]
    assert len(found) == 1
    assert PUBLISHER in found[0]["text"]
    assert found[0]["seeds"] == sorted(d["seed"] for d in documents)
    for document in documents:  # the last paragraph of each, and nothing else
        assert found[0]["paragraphs"][document["seed"]] == [len(document["paragraphs"]) - 1]


def test_the_corpus_report_matches_its_schema():
    schema = json.loads(resources.files("pipeline.schemas").joinpath("corpus.schema.json").read_text("utf-8"))
    report = survey(kelp_documents(), CLEANING)
    assert [e.message for e in Draft202012Validator(schema).iter_errors(report)] == []


def test_a_reprint_is_the_same_paragraph_whatever_its_case_spacing_punctuation_and_digits():
    reprint = ("THESE briefs were prepared by the Coastal Research Desk , which serves as independent shared "
               "staff to the member councils of the \u201cNorthern Shore Compact\u201d (2025).  The desk takes no "
               "position on the matters discussed; and its briefs may be reproduced for non\u2011commercial use "
               "with attribution")
    assert normalized_words(reprint) == normalized_words(DISCLAIMER)
    assert normalized_words(DISCLAIMER.replace("Coastal", "Inland")) != normalized_words(DISCLAIMER)
    assert normalized_words("the government\u2019s plan") == normalized_words("The government's plan")


def test_a_near_reprint_counts_and_a_paraphrase_does_not():
    rng = random.Random(7)
    office = DISCLAIMER.replace("Coastal Research Desk", "Coastal Policy Desk")  # one word in 44
    paraphrase = ("The Coastal Research Desk, shared staff of the councils of the Northern Shore Compact, wrote "
                  "these briefs; it takes no side on what they discuss and lets anyone reprint them with credit.")
    documents = [seed("a", own_text(rng), DISCLAIMER), seed("b", own_text(rng), office),
                 seed("c", own_text(rng), paraphrase)]
    found = find_boilerplate(documents, [], 2, 12)
    assert [item["seeds"] for item in found] == [["a", "b"]]
    assert found[0]["paragraphs"] == {"a": [1], "b": [1]}


def test_a_quotation_two_articles_share_is_not_boilerplate():
    rng = random.Random(3)
    quote = "\u201cWe will not give up a single bay,\u201d the mayor said."  # 11 words
    documents = [seed("a", own_text(rng), quote), seed("b", quote, own_text(rng))]
    assert find_boilerplate(documents, [], 2, CLEANING["boilerplate_min_words"]) == []


def test_paragraphs_two_near_duplicate_seeds_share_are_not_boilerplate():
    rng = random.Random(5)
    article = [own_text(rng) for _ in range(6)]
    other = [own_text(rng) for _ in range(6)]
    report = survey([seed("a", *article), seed("a-copy", *article, DISCLAIMER), seed("b", *other)], CLEANING)
    assert report["duplicates"] == {"a-copy": "a"}
    assert report["boilerplate"] == []  # the same article twice, not a paragraph two articles print
    report = survey([seed("a", *article, DISCLAIMER), seed("a-copy", *article, DISCLAIMER),
                     seed("b", *other, DISCLAIMER)], CLEANING)
    assert [item["seeds"] for item in report["boilerplate"]] == [["a", "a-copy", "b"]]


def test_how_many_seeds_make_boilerplate_is_the_configs():
    rng = random.Random(11)
    documents = [seed("a", own_text(rng), DISCLAIMER), seed("b", own_text(rng), DISCLAIMER),
                 seed("c", own_text(rng))]
    assert find_boilerplate(documents, [], 3, 12) == []
    documents[2]["paragraphs"].append({"index": 1, "kind": "paragraph", "text": DISCLAIMER})
    assert [item["seeds"] for item in find_boilerplate(documents, [], 3, 12)] == [["a", "b", "c"]]
    schema = yaml.safe_load(resources.files("pipeline.schemas").joinpath("config.schema.yaml").read_text("utf-8"))
    cleaning = schema["properties"]["cleaning"]["properties"]
    assert cleaning["boilerplate_min_seeds"]["default"] == 2 and cleaning["boilerplate_min_words"]["default"] == 12


def test_ten_thousand_seeds_are_grouped_without_comparing_them_pair_by_pair(monkeypatch):
    rng = random.Random(1)
    vocabulary = [own_text(rng, 1).rstrip(".") for _ in range(3000)]
    common = "one of the most important reasons"  # a phrase many seeds' own paragraphs carry

    def paragraph() -> str:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(15, 40))]
        return " ".join(words[:4]) + f" {common} " + " ".join(words[4:]) + "."

    documents = [seed(f"s{n:05d}", paragraph(), paragraph(), DISCLAIMER if n % 2 else
                      DISCLAIMER.replace("Coastal Research Desk", "Coastal Policy Desk")) for n in range(10_000)]
    comparisons = 0
    jaccard = boilerplate.jaccard

    def counted(a, b):
        nonlocal comparisons
        comparisons += 1
        return jaccard(a, b)

    monkeypatch.setattr(boilerplate, "jaccard", counted)
    found = find_boilerplate(documents, [], 2, 12)
    assert [len(item["seeds"]) for item in found] == [10_000]
    assert comparisons < 3 * len(documents) * 3  # a few per paragraph; pair by pair is 10^8 and more


# --- the content stage skips it, and takes prose only ----------------------------------------------

def test_the_disclaimer_never_becomes_a_point_while_the_briefs_sentences_do():
    documents, config = kelp_documents(), kelp_config()
    corpus = survey(documents, config["cleaning"])
    unguarded = select_sections(documents, {}, config["sections"], config["selection"])
    assert any(PUBLISHER in point["text"] for point in points(unguarded))  # what the rule is for
    records = select_sections(documents, {}, config["sections"], config["selection"], corpus)
    assert all(PUBLISHER not in point["text"] for point in points(records))
    assert all("briefs" not in quote["text"] for record in records for quote in record["quotes"])
    assert all(record["lead"] for record in records)
    assert {p["seed"] for point in points(records) for p in point["provenance"]} == {d["seed"] for d in documents}


def test_no_boilerplate_sentence_is_a_candidate():
    documents = kelp_documents()
    corpus = survey(documents, CLEANING)
    texts = [s.text for s in collect_sentences(documents, {}, boilerplate_paragraphs(corpus))]
    assert not any(PUBLISHER in text or "reproduced" in text or text.startswith("Brief") for text in texts)
    assert len(texts) > 12


def test_only_prose_becomes_a_candidate():
    documents = kelp_documents()
    harvest = next(d for d in documents if d["seed"] == "kelp-harvest")
    texts = [s.text for s in collect_sentences([harvest], {})]
    assert not any("|" in text for text in texts), "a table row"
    assert "Related Reports" not in texts and "Kelp Prices on the Mainland Market" not in texts
    assert "Harvest by bay, in tonnes:" not in texts
    assert "The advance is repaid from the first deliveries of the next harvest." in texts  # a list item
    assert any(text.startswith("Warm water thinned the kelp beds") for text in texts)


@pytest.mark.parametrize("text", [
    "| Western Shore | 3,900 | 2,300 |",
    "|---|---|---|",
    "**Key findings** from the annual survey of growers",
    "Read the [full report](https://example.org/report) on the cooperative's site.",
    "# Harvest figures for the western shore and the bays",
    "- growers who lost lines can apply for the advance",
    "Chapter 3: Licences and moorings in the northern bays ........ 17",
    "2024 3,900 2,300 18% 4,100 (est.) 1,800",
    "Read the full report.",
    "Source: https://example.org/kelp/2025/report.pdf",
    "The Future of Kelp Farming on the Northern Shore",
    "Licences, Moorings and the Northern Bays Compact Review 2025",
    "Its terms, agreed with the cooperative and the councils, are:",
    "In terms of what the closure of the northern bays means for the growers,",  # a quotation follows
    "The council weighed three options for the moorings in the bays;",
])
def test_shapes_that_are_not_statements(text):
    assert not is_statement(text)


@pytest.mark.parametrize("text", [
    "Growers on Varnholm brought in 4,100 tonnes of sugar kelp this season.",
    "Warm water thinned the kelp beds off the western shore, where most of the lines are moored",
    "\u201cWe will not give up a single bay,\u201d the mayor said.",
    "Will the beds recover if the coming summer is cooler?",
    "J. R. R. Tolkien never wrote about kelp, the council noted.",
    "In 2024, 3,900 tonnes came from the Western Shore and 2,200 from the Northern Bays.",
])
def test_sentences_that_are_statements(text):
    assert is_statement(text)


def test_a_bulleted_line_is_a_list_item_without_its_bullet():
    lines = [Line(1, "The council set three conditions for the new licences."), Line(2, ""),
             Line(3, "- Each licence runs for three years only."), Line(4, "• Lines come out every winter."),
             Line(5, "* Moorings stay clear of the channels.")]
    blocks = group_blocks(lines)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "The council set three conditions for the new licences."),
        ("list_item", "Each licence runs for three years only."),
        ("list_item", "Lines come out every winter."),
        ("list_item", "Moorings stay clear of the channels."),
    ]


def test_a_lead_in_set_over_a_quotation_opening_in_lowercase_is_the_start_of_its_sentence():
    lines = [Line(1, "Licences in the Northern Bays"), Line(2, ""),
             Line(3, "On March 3, 2025, the council announced [4]"), Line(4, ""),
             Line(5, "[t]he award of twelve licences for the northern moorings, each for three years."), Line(6, ""),
             Line(7, "The Kelp Harvest of the Western Shore"), Line(8, ""),
             Line(9, "by Ann Lee, Harbour News"), Line(10, ""),
             Line(11, "Growers brought in 4,100 tonnes this season.")]
    assert [(b.kind, b.text) for b in group_blocks(lines)] == [
        ("heading", "Licences in the Northern Bays"),
        ("paragraph", "On March 3, 2025, the council announced [4] [t]he award of twelve licences for the northern"
                      " moorings, each for three years."),
        ("heading", "The Kelp Harvest of the Western Shore"),  # a byline in lowercase does not go on with it
        ("paragraph", "by Ann Lee, Harbour News"),
        ("paragraph", "Growers brought in 4,100 tonnes this season."),
    ]


def test_a_markdown_list_item_is_one():
    path = FIXTURES / "cleaning" / "markdown_input" / "input.md"
    document = clean_text(path.read_text("utf-8"), "markdown", str(path))
    items = [p for p in document["paragraphs"] if p["kind"] == "list_item"]
    assert [p["text"][:16] for p in items] == ["Analysts expect "]


# --- and the whole workflow ------------------------------------------------------------------------

def test_a_build_leaves_the_disclaimer_out_of_the_briefing(tmp_path):
    project = make_project(tmp_path, KELP / "seeds", KELP / "config.yaml")
    run_snakemake(project)
    evidence, folder = evidence_dir(project), briefing_dir(project)
    corpus = json.loads((evidence / "corpus.json").read_text("utf-8"))
    assert [item["seeds"] for item in corpus["boilerplate"]] == [sorted(corpus["seeds"])]
    for section_id in ("harvest", "transport", "governance"):
        section = json.loads((folder / "sections" / f"{section_id}.json").read_text("utf-8"))
        assert section["lead"] and section["lead"]["cites"], section_id
        assert PUBLISHER not in json.dumps([section["lead"], *section["points"], *section["quotes"]])
    markdown = (folder / "briefing.md").read_text("utf-8")
    # the seed's own table (Bay | 2024 | 2025) is no prose: none of its rows reaches the briefing
    assert PUBLISHER not in markdown and "Related Reports" not in markdown and "Western Shore \\|" not in markdown
    assert "| Western Shore |" not in markdown and "Northern Bays | 2" not in markdown
    assert "Warm water thinned the kelp beds" in markdown or "4,100 tonnes" in markdown
