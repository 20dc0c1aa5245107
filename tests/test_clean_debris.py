"""Debris patterns are data: the shipped list, extended from config, never eating article sentences."""

from __future__ import annotations

import pytest

from pipeline.core.errors import PipelineError
from pipeline.intake.clean import clean_text
from pipeline.intake.debris import Line, compile_rules, drop_debris

ARTICLE = (
    "Talks Resume in Geneva\n\nThe ministry said on Tuesday that the talks would resume next week in Geneva, "
    "according to two officials.\n\nPowered by ExampleCMS\n\nExampleCMS powers the ministry website, "
    "officials said on Tuesday in a statement.\n"
)


def test_extra_debris_from_config_drops_its_lines_with_its_reason():
    extra = [{"pattern": "powered by examplecms", "reason": "site credit"}]
    document = clean_text(ARTICLE, "text", "x.txt", extra_debris=extra)
    assert {"line": 5, "text": "Powered by ExampleCMS", "reason": "site credit"} in document["dropped"]


def test_a_pattern_leaves_sentences_alone_unless_it_says_it_matches_sentences():
    lines = [Line(1, "ExampleCMS powers the ministry website, officials said on Tuesday in a statement.")]
    plain = compile_rules([{"pattern": "examplecms.*", "reason": "site credit"}])
    assert drop_debris(lines, plain).kept == lines
    sentences = compile_rules(
        [{"pattern": "examplecms.*", "reason": "site credit", "matches_sentences": True}]
    )
    assert drop_debris(lines, sentences).kept == []


def test_links_box_drops_the_short_lines_under_its_heading_only():
    lines = [
        Line(n, text)
        for n, text in enumerate(
            [
                "Related Articles",
                "Ten things to do in Geneva",
                "Why the franc keeps rising",
                "The talks resumed on Tuesday after a long pause, two officials said.",
            ],
            start=1,
        )
    ]
    result = drop_debris(lines, compile_rules())
    assert [line.number for line in result.kept] == [4]
    assert [d["reason"] for d in result.dropped] == [
        "related links",
        "related links (list)",
        "related links (list)",
    ]


def test_invalid_extra_pattern_is_a_one_line_error():
    with pytest.raises(PipelineError, match="not a valid regular expression"):
        compile_rules([{"pattern": "(unclosed", "reason": "oops"}])


PAGE_WITH_SOURCES = (
    "Talks Resume in Geneva\n\nBy Ana Lopez\n\nThe ministry said on Tuesday that the talks would resume next week "
    "in Geneva, according to two officials [1]. Analysts expect the negotiations to focus on sanctions relief "
    "and on verification, which both sides have rejected so far [2].\n\nSources\n\n"
    "[1] Moreau, T. 2024. \u201cThe Geneva track.\u201d Harbour Ledger. https://ledger.example/geneva\n\n"
    "[2] Ivers, K. 2023. Verification after sanctions. Northfield Institute.\n\n"
)


@pytest.mark.parametrize("furniture", [
    "\u00a9 2025 Example Wire. All rights reserved.\nBack to top\nRead more\n",
    "Share on X\nShare on Facebook\n",
])
def test_page_furniture_after_a_bibliography_is_no_entry_of_it(furniture):
    document = clean_text(PAGE_WITH_SOURCES + furniture, "text", "page.txt")
    assert [(r["number"], r["raw"][:9]) for r in document["references"]] == [(1, "Moreau, T"), (2, "Ivers, K.")]
    dropped = {d["text"] for d in document["dropped"]}
    assert set(furniture.splitlines()) <= dropped


def test_a_comment_section_after_a_bibliography_is_no_entry_of_it():
    comments = "Leave a Reply\nYour email address will not be published.\nGreat piece, thanks for writing it.\n"
    document = clean_text(PAGE_WITH_SOURCES + comments, "text", "page.txt")
    assert [r["number"] for r in document["references"]] == [1, 2]
    assert "Great piece, thanks for writing it." in {d["text"] for d in document["dropped"]}


def test_a_paragraph_after_a_numbered_bibliography_and_a_blank_line_is_no_part_of_its_last_entry():
    bio = "Ana Lopez covers diplomacy for the desk and lives in Geneva.\n"
    document = clean_text(PAGE_WITH_SOURCES + bio, "text", "page.txt")
    assert document["references"][-1]["raw"].endswith("Northfield Institute.")
    assert {"text": bio.strip(), "reason": "after the bibliography"} in [
        {"text": d["text"], "reason": d["reason"]} for d in document["dropped"]]


@pytest.mark.parametrize("heading", ["Additional Reference", "Further Reading", "Selected Bibliography",
                                     "Other Sources"])
def test_a_qualified_bibliography_heading_ends_the_body_too(heading):
    report = ("Harbour Dues Reconsidered\n\nThe council raised the dues on ocean vessels by a tenth in March, "
              "its second rise in two years.\n\n"
              f"{heading}\n\n"
              "Harbour Board Report HB1204, Dues and Berths in the Northern Bays, by Ann Lee and Karl Moss.\n")
    document = clean_text(report, "text", "report.txt")
    assert [r["raw"][:20] for r in document["references"]] == ["Harbour Board Report"]
    assert not any("HB1204" in p["text"] for p in document["paragraphs"])


def test_a_charting_librarys_description_for_screen_readers_is_no_prose():
    text = ("Trade Rises\n\nExports rose in 2025, the ministry said in a statement on Tuesday.\n\n"
            "Line chart with 2 data series.A line graph of exports and imports from 2016 to 2025.The chart has 1 X axis"
            " displaying categories. Data ranges from 3 to 213.Created with Highcharts 12.6.0Billions2016202520\n\n"
            "End of interactive chart.\n\nImports fell, officials said on Tuesday in a statement to reporters.\n")
    document = clean_text(text, "text", "x.txt")
    assert [p["text"][:7] for p in document["paragraphs"]] == ["Exports", "Imports"]
    assert {d["reason"] for d in document["dropped"] if d["text"].startswith(("Line chart", "End of"))} == {
        "chart description"}


def test_a_charting_tools_credit_and_the_axis_values_after_it_are_no_prose():
    text = ("Harbour Fees Rise\n\nFees rose in 2024, the harbour board said in a statement on Tuesday.\n\n"
            "Chart created with Plotchart. Fees by berth, 2021-2024. Berth 1 Berth 2 Berth 3 0 5 10 15\n\n"
            "Shippers said the rise would hurt trade in the region over the coming year.\n")
    document = clean_text(text, "text", "x.txt")
    assert [p["text"][:5] for p in document["paragraphs"]] == ["Fees ", "Shipp"]
