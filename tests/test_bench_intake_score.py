"""The intake bench's scoring helpers, on small invented inputs, and its run on an invented eval folder."""

import json

import pytest

from bench.intake_metrics import (
    bag_overlap,
    carries_markdown_syntax,
    chrome_reference,
    display_family_name,
    f1,
    families_match,
    gold_family_name,
    is_chrome,
    match_notes,
    normalize_title,
    normalize_url,
    split_half,
    tokens,
)


@pytest.mark.parametrize("name, family", [
    ("Mira T. Okonkwo", "okonkwo"),
    ("Mira T. Okonkwo Jr.", "okonkwo"),
    ("Mira T. Okonkwo, Jr.", "okonkwo"),
    ("Daniel Brandt III", "brandt"),
    ("Daniel Brandt Sr", "brandt"),
    ("Lena Holm-Sørensen", "holmsørensen"),
    ("Kofi N’Dour", "ndour"),
    ("Ines van der Berg", "vanderberg"),
    ("Okonkwo", "okonkwo"),
    ("Okonkwo, Mira T.", "t"),  # not a display name: read as one, so the family is not found
    ("", ""),
])
def test_a_display_names_family_is_its_last_word_that_is_no_suffix(name, family):
    assert display_family_name(name) == family


def test_a_gold_family_is_the_part_before_the_comma():
    assert gold_family_name("Holm-Sørensen, Lena") == "holmsørensen"
    assert gold_family_name("van der Berg, Ines") == "vanderberg"
    assert gold_family_name("Kofi N'Dour") == gold_family_name("Kofi N’Dour")


def test_authors_match_as_sets_of_family_names():
    gold = ["Okonkwo, Mira T.", "Brandt, Daniel"]
    assert families_match(gold, ["Daniel Brandt", "Mira Okonkwo"])
    assert not families_match(gold, ["Mira Okonkwo"])
    assert not families_match(gold, ["Mira Okonkwo", "Daniel Brandt", "Kofi N'Dour"])
    assert not families_match(gold, ["Mira Okonkwo and Daniel Brandt"])
    assert families_match([], [])


def test_titles_compare_without_case_punctuation_or_spacing():
    assert normalize_title("Rivers:  Flow & Policy") == normalize_title("rivers — flow policy")
    assert normalize_title("U.S. Ports") == normalize_title("U. S. ports")
    assert normalize_title("Ports") != normalize_title("Ports Policy")
    assert normalize_title(None) == ""


def test_urls_compare_without_scheme_www_or_trailing_slash():
    assert normalize_url("http://www.Example.org/report/R1/") == normalize_url("https://example.org/report/R1")
    assert normalize_url("https://example.org/report/R1?page=2") != normalize_url("https://example.org/report/R1")
    assert normalize_url("https://example.org/report/r1") != normalize_url("https://example.org/report/R1")
    assert normalize_url(None) == ""


def test_tokens_are_case_folded_runs_of_letters_and_digits():
    assert tokens("The Port’s 2024 budget—$3.5bn!") == ["the", "port", "s", "2024", "budget", "3", "5bn"]


def test_bag_overlap_counts_repeats_once_per_copy():
    predicted, gold = tokens("the river the river the sea"), tokens("the river runs to the sea")
    assert bag_overlap(predicted, gold) == 4  # the, the, river, sea
    assert f1(bag_overlap(predicted, gold), len(predicted), len(gold)) == pytest.approx(8 / 12)


def test_f1_of_two_empty_bags_is_perfect_and_of_one_empty_bag_zero():
    assert f1(0, 0, 0) == 1.0
    assert f1(0, 5, 0) == 0.0 and f1(0, 0, 5) == 0.0


GOLD_NOTES = [(1, "See the Harbor Board's annual report, 2021, p. 4."),
              (2, "Interview with the port director, May 3, 2022."),
              (3, "Ibid.")]


def test_a_note_finds_the_footnote_with_its_number_and_a_similar_text():
    predicted = [(1, "See the Harbor Board’s annual report, 2021, p. 4"), (2, "Interview with the port director, May 3, 2022."),
                 (3, "Ibid.")]
    assert match_notes(GOLD_NOTES, predicted) == [0, 1, 2]


def test_a_note_with_another_number_or_another_text_finds_nothing():
    predicted = [(2, "See the Harbor Board's annual report, 2021, p. 4."),  # the right text under the wrong number
                 (1, "Interview with the port director, May 3, 2022."),
                 (3, "Ibid. Interview with the port director, May 3, 2022.")]  # two notes run together
    assert match_notes(GOLD_NOTES, predicted) == []


def test_each_predicted_note_finds_at_most_one_footnote():
    gold = [(1, "Ibid."), (1, "Ibid.")]
    assert match_notes(gold, [(1, "Ibid.")]) == [0]
    assert match_notes(gold, [(1, "Ibid."), (1, "Ibid.")]) == [0, 1]


@pytest.mark.parametrize("text", [
    "The **port** grew.", "The __port__ grew.", "See [the report](https://example.org).", "As shown.[^1]",
    "- a bullet", "* a bullet", "+ a bullet", "# A heading", "### A heading", "Run `make`.",
    "Year | Tonnage", "<div>Share</div>", "Text <br/> more", "<!-- comment -->",
])
def test_markdown_syntax_is_seen(text):
    assert carries_markdown_syntax(text)


@pytest.mark.parametrize("text", [
    "The port grew by 5% in 2024 - mostly in grain.", "Costs rose (see Table 2).", "#1 in the region",
    "Tonnage < 5,000 and > 1,000 in most years.", "A 3*4 grid.", "Rivers: a primer", "—",
])
def test_prose_carries_no_markdown_syntax(text):
    assert not carries_markdown_syntax(text)


BODY = chrome_reference("Port Finances\nThe port's budget grew in 2024, and its debt fell.\nOutlook")


def test_a_short_paragraph_found_in_the_gold_body_is_not_chrome():
    assert not is_chrome("Port finances", BODY)
    assert not is_chrome("Outlook", BODY)
    assert not is_chrome("its debt fell", BODY)
    assert not is_chrome("Port", BODY)


def test_a_short_paragraph_missing_from_the_gold_body_is_chrome():
    assert is_chrome("Share this page", BODY)
    assert is_chrome("fell Outlook Share", BODY)
    assert is_chrome("-----", BODY)  # no word at all


def test_chrome_matches_whole_words_only():
    assert is_chrome("ort budg", BODY)
    assert is_chrome("portbudgets", BODY)


def test_the_golds_conversion_artefacts_do_not_make_document_text_chrome():
    gold = chrome_reference("Harbor Acts in the 118 Congress\nThe board oftenmeets in May. The Grain Berth Program opened.")
    assert not is_chrome("Harbor Acts in the 118th Congress", gold)  # the gold lost the ordinal's suffix
    assert not is_chrome("The board often meets in May.", gold)  # the gold glued two words at a link's edge
    assert not is_chrome("The Grain BerthProgram opened.", gold)  # the capture glued them at a bold run's edge
    assert is_chrome("Harbor Acts in the 119th Congress", gold)
    assert is_chrome("board often meet", gold)


def test_a_long_paragraph_is_never_chrome():
    assert not is_chrome("word " * 13, BODY)


def test_the_bench_scores_an_invented_eval_folder_and_counts_a_pdf_it_cannot_read(tmp_path, capsys):
    from bench.intake_score import main

    body = "The harbor budget grew in 2024 as grain exports rose and the new berth opened to ships."
    (tmp_path / "P1v1-harbor.md").write_text(f"# Harbor Budget\n\n{body}\n", encoding="utf-8")
    (tmp_path / "P1v1-harbor.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    gold = {"stem": "P1v1-harbor", "report_number": "P1", "title": "Harbor Budget", "authors": ["Okonkwo, Mira"],
            "publication_date": "2024-05-01", "url": "https://example.org/P1", "footnotes": [], "body_text": body}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert main([str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    markdown, pdf = report["formats"]["markdown"]["figures"]["all"], report["formats"]["pdf"]["figures"]["all"]
    assert markdown["title"]["hit"] == 1 and markdown["body_f1"]["value"] == pytest.approx(1.0)
    assert pdf["failed_seeds"]["value"] == 1 and pdf["title"]["hit"] == 0
    assert sum(len(stems) for stems in report["split"].values()) == 1


def test_any_exception_in_intake_is_a_failed_seed_named_by_its_type(tmp_path, monkeypatch):
    import bench.intake_score as bench

    def crash(*args, **kwargs):
        raise ValueError("no such thing\n  at line 3")

    monkeypatch.setattr(bench, "clean_seed", crash)
    assert bench.run_intake(tmp_path / "x.md", {}) == (None, "ValueError: no such thing at line 3")


def test_the_split_puts_a_product_in_check_when_its_hashs_first_byte_is_odd():
    # sha256 first bytes: P1 251, P2 172, P3 159, P4 224 (pinned: a changed split must show here)
    assert [split_half(name) for name in ("P1", "P2", "P3", "P4")] == ["check", "study", "check", "study"]
