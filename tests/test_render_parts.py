"""The render stage's pure parts on invented data: point numbers, the appendix's passages, the
briefing's facts (dates, build id, sources' two parts), short titles, citeproc's items."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipeline.core.errors import PipelineError
from pipeline.render.bibitems import cited_keys, citeproc_item, citeproc_items
from pipeline.render.facts import as_of, briefing_facts, build_time, cited_in, spell_date, spell_iso
from pipeline.render.labels import short_name, short_title
from pipeline.render.passages import build_appendix, number_points

SENTENCES = ["One.", "Two.", "Three.", "Four.", "Five.", "Six."]


def document(seed: str) -> dict:
    paragraph = {"sentences": [{"text": text} for text in SENTENCES]}
    return {"seed": seed, "source_file": f"seeds/{seed}.txt", "title": f"Title {seed}", "authors": ["Ann Author"],
            "publisher": None, "paragraphs": [paragraph, paragraph]}


def point(seed: str, paragraph: int, sentence: int, markers: list[str] | None = None) -> dict:
    return {"text": SENTENCES[sentence], "score": 1.0, "cites": [seed], "sources": 1,
            "provenance": [{"seed": seed, "paragraph": paragraph, "sentence": sentence,
                            "source_text": SENTENCES[sentence], "marker_ids": markers or []}]}


def two_sections() -> list[dict]:
    first = {"id": "one", "title": "One", "lead": point("a", 0, 0, ["w1"]), "points": [point("a", 0, 5)],
             "quotes": []}
    second = {"id": "two", "title": "Two", "lead": None, "points": [point("a", 0, 0), point("b", 1, 2)],
              "quotes": []}
    return [first, second]


def test_points_are_numbered_per_section_lead_first():
    sections = two_sections()
    number_points(sections)
    assert [sections[0]["lead"]["number"], sections[0]["points"][0]["number"]] == ["1.1", "1.2"]
    assert [p["anchor"] for p in sections[1]["points"]] == ["pt-2-1", "pt-2-2"]


def test_a_paragraph_several_points_draw_on_is_printed_once_listing_them_all():
    sections = two_sections()
    number_points(sections)
    appendix = build_appendix(sections, {"a": document("a"), "b": document("b")},
                              {"a": {"id": "a", "author": [{"family": "Author"}]}})
    assert [len(source["paragraphs"]) for source in appendix] == [1, 1]
    assert [source["label"] for source in appendix] == ["Ann Author, “Title a”", "Ann Author, “Title b”"]
    [shared] = appendix[0]["paragraphs"]
    assert [ref["number"] for ref in shared["supports"]] == ["1.1", "1.2", "2.1"]
    assert shared["sentences"][0]["cites"] == ["w1"]
    assert [mark["number"] for mark in shared["sentences"][0]["marks"]] == ["1.1", "2.1"]
    assert sections[1]["points"][0]["passages"] == [{"anchor": "ev-1-1", "source": "Author", "paragraph": 1,
                                                     "seed": "a", "printed": True}]
    assert appendix[1]["short"] == "Ann Author, “Title b”"  # no bibliography item: its full label


def test_sentences_far_from_every_supporting_one_are_marked_for_print_with_one_elision_per_run():
    sections = two_sections()
    number_points(sections)
    sentences = build_appendix(sections, {"a": document("a"), "b": document("b")}, {})[0]["paragraphs"][0]["sentences"]
    assert [s["role"] for s in sentences] == ["support", "near", "far", "far", "near", "support"]
    assert [s["gap"] for s in sentences] == [False, False, True, False, False, False]


def test_a_point_citing_a_seed_fill_was_not_given_is_an_error():
    sections = two_sections()
    number_points(sections)
    with pytest.raises(PipelineError, match="not passed to fill"):
        build_appendix(sections, {"a": document("a")}, {})


def test_as_of_is_the_facts_stages_date_spelt_out_with_its_basis():
    facts_as_of = {"date": "2024-11-10", "precision": "day", "basis": "latest source date"}
    assert as_of(facts_as_of) == {"date": "10 November 2024", "basis": "latest source date"}
    assert as_of({"date": "2024-11", "precision": "month", "basis": "b"})["date"] == "November 2024"
    assert as_of(None)["date"] == "not known"
    assert spell_date((2024,)) == "2024" and spell_date((2024, 2)) == "February 2024"
    assert spell_iso("2024-W44") == "week 44 of 2024"


def test_build_time_is_source_date_epoch_when_set():
    assert build_time({"SOURCE_DATE_EPOCH": "1733011200"}) == datetime(2024, 12, 1, tzinfo=UTC)
    assert build_time({}).tzinfo is UTC
    with pytest.raises(PipelineError, match="SOURCE_DATE_EPOCH"):
        build_time({"SOURCE_DATE_EPOCH": "yesterday"})


def test_cited_works_name_the_articles_that_cite_them_and_uncited_ones_are_left_out():
    seeds = {"a": {"id": "zafar", "author": [{"family": "Zafar"}]}, "b": {"id": "axis", "title": "Axis? Subtitle"}}
    bib_map = {"a": {"@seed": "zafar", "1": "w1", "2": "w2"}, "b": {"@seed": "axis", "1": "w1"}}
    assert cited_in(bib_map, seeds, {"w1", "zafar", "axis"}) == {
        "w1": [{"name": "Zafar", "ref": "zafar"}, {"name": "Axis?", "ref": "axis"}]}


def test_facts_describe_the_briefing():
    sections = two_sections()
    seeds = {"a": {"id": "a", "issued": {"date-parts": [[2024, 5, 1]]}}, "b": {"id": "b"}}
    settings = {"title": "Long Title: With a Subtitle", "short_title": None, "authors": []}
    facts = briefing_facts(sections, seeds, {}, settings, datetime(2026, 1, 1, tzinfo=UTC),
                           {"date": "2024-05-01", "precision": "day", "basis": "latest source date"}, {"a", "b"})
    assert facts["short_title"] == "Long Title"
    assert facts["as_of"]["date"] == "1 May 2024"
    assert facts["authors"] == ["briefing-pipeline"] and facts["keywords"] == ["One", "Two"]
    assert facts["description"] == "A briefing on One and Two, drawn from 2 articles."
    assert facts["analysed"] == ["a", "b"] and facts["created"] == "2026-01-01T00:00:00Z"


@pytest.mark.parametrize("title, short", [
    ("Axis of Upheaval? A DPRK Deployment in Ukraine", "Axis of Upheaval?"),
    ("Turning Tides: The Impact of North Korean Troops", "Turning Tides"),
    ("Donald Trump’s Ukraine Plan Faces Key Test", "Donald Trump’s Ukraine Plan"),
    ("The Impact of the War on the Economy of Europe", "The Impact"),
    ("Short", "Short"),
    ("", ""),
])
def test_short_titles(title, short):
    assert short_title(title) == short


def test_short_names_are_family_names_else_the_short_title():
    assert short_name({"author": [{"family": "Kim"}, {"family": "Park"}]}) == "Kim and Park"
    assert short_name({"author": [{"family": "A"}, {"family": "B"}, {"family": "C"}]}) == "A et al."
    assert short_name({"title": "Axis of Upheaval? A DPRK Deployment"}) == "Axis of Upheaval?"
    assert short_name({"container-title": "Newsweek", "id": "n"}) == "Newsweek"


def test_citeproc_gets_only_cited_works_with_short_or_stand_in_titles():
    bibliography = [{"id": "a", "title": "Axis of Upheaval? A DPRK Deployment", "raw": "x"},
                    {"id": "b", "author": [{"family": "Li"}]}, {"id": "c", "title": "Never cited"}]
    markdown = "Text [@a; @b] and an escaped \\@c, and mail@c.example."
    assert cited_keys(markdown) == {"a", "b"}
    items = citeproc_items(bibliography, cited_keys(markdown))
    assert [item["id"] for item in items] == ["a", "b"]
    assert items[0]["title-short"] == "Axis of Upheaval?" and "raw" not in items[0]
    assert items[1]["title"] == "[Untitled]" and "title-short" not in items[1]
    assert "title-short" not in citeproc_item({"id": "d", "title": "T", "author": [{"family": "X"}]})
