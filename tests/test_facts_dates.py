"""Dates a sentence is about, resolved against a base: invented sentences, one rule each."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.content.facts.dates import DateBase, find_dates, sentence_date
from pipeline.content.facts.sourcedates import as_of, base_for, parse_iso, reported_after

KNOWN = DateBase(date(2025, 3, 12), True)  # a Wednesday: the source's own date
ESTIMATED = DateBase(date(2025, 3, 12), False)


def values(text: str, base: DateBase | None = KNOWN) -> list[tuple[str, str]]:
    return [(m.value, m.precision) for m in find_dates(text, base)]


@pytest.mark.parametrize("text, expected", [
    ("The ministry said on Oct. 23, 2024 that talks had failed.", [("2024-10-23", "day")]),
    ("The treaty was signed on 19 June 2024 in Pyongyang.", [("2024-06-19", "day")]),
    ("Sanctions followed in May 2024.", [("2024-05", "month")]),
    ("Prices rose in 2023 and again in early 2024.", [("2023", "year"), ("2024", "year")]),
    ("Figures published 2024-11-25 show a fall.", [("2024-11-25", "day")]),
])
def test_absolute_dates_keep_their_precision(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 3 March, the council voted.", "2025-03-03"),
    ("The mayor resigned on Monday.", "2025-03-10"),
    ("The mayor spoke yesterday.", "2025-03-11"),
    ("Two days ago the dam overflowed.", "2025-03-10"),
    ("Last week the levels fell.", "2025-W10"),
])
def test_relative_dates_are_resolved_against_the_source_date(text, expected):
    assert values(text)[0][0] == expected


def test_a_year_less_date_after_the_source_date_is_read_as_last_year_unless_the_sentence_looks_ahead():
    assert values("On 20 December, the plant closed.")[0][0] == "2024-12-20"
    assert values("The plant will reopen on 20 December.")[0][0] == "2025-12-20"


def test_against_an_estimated_base_the_nearest_reading_wins():
    assert values("On 31 October, the minister spoke.", DateBase(date(2024, 10, 23), False))[0][0] == "2024-10-31"
    assert values("On 31 October, the minister spoke.", DateBase(date(2024, 10, 23), True))[0][0] == "2023-10-31"


@pytest.mark.parametrize("text", [
    "North Korea sent 3000 troops.",
    "The daily number rose from 4-5 drones to 44.",
    "It holds 2024 seats.",
    "Some may argue the march was peaceful.",
    "For a period of 20 years, nothing changed.",
])
def test_a_bare_number_is_never_a_date(text):
    assert values(text) == []


def test_a_year_alone_counts_only_where_it_reads_as_a_year():
    assert values("Russia annexed Crimea in 2014.") == [("2014", "year")]
    assert values("The 2014 figures were revised.") == []


def test_without_a_base_only_dates_with_a_year_are_read():
    assert values("On 3 March 2025 and on Monday.", None) == [("2025-03-03", "day")]


def test_a_sentence_is_dated_by_its_most_precise_date():
    mention = sentence_date("In 2024, the army said on 31 October it had sent troops.", KNOWN)
    assert (mention.value, mention.precision) == ("2024-10-31", "day")


def test_as_of_is_the_latest_source_date_else_the_latest_date_stated_else_the_build_date():
    def doc(seed, date_value, text):
        return {"seed": seed, "date": date_value,
                "paragraphs": [{"index": 0, "kind": "paragraph", "sentences": [{"index": 0, "text": text}]}]}

    dated = [doc("a", "2025-03-12", "Nothing."), doc("b", "2025-03-14", "Nothing.")]
    assert as_of(dated, {}, {}, None)["date"] == "2025-03-14"
    undated = [doc("a", None, "On Oct. 23, 2024 it rained."), doc("b", None, "It will end by 2030.")]
    assert as_of(undated, {}, {}, None)["date"] == "2024-10-23"
    nothing = [doc("a", None, "Nothing is dated here.")]
    assert as_of(nothing, {}, {}, "1741737600")["date"] == "2025-03-12"
    assert as_of(nothing, {}, {}, None) is None
    assert base_for(undated[0], {"date": "2024-10-23"}) == DateBase(date(2024, 10, 23), False)
    assert parse_iso("2024-11") == (date(2024, 11, 1), "month")


class Said:
    def __init__(self, text: str):
        self.text = text


def test_an_undated_corpus_is_as_of_its_latest_reported_event_when_that_is_later_than_any_stated_date():
    stated = as_of([{"seed": "a", "date": None, "paragraphs": [{"sentences": [{"text": "On Oct. 23, 2024 it rained."}]}]}],
                   {}, {}, None)
    dated = [(Said("On November 10, Ukraine launched a drone attack."), "2024-11-10", "day"),
             (Said("Talks will resume on November 20."), "2024-11-20", "day"),
             (Said("In late November, a summit."), "2024-11-28", "day")]
    later = reported_after(stated, dated)
    assert later["date"] == "2024-11-10" and "latest event" in later["basis"]
    assert reported_after(stated, dated[1:]) is None  # a plan and a sentence with no action report nothing
    assert reported_after({"date": "2024-12-01", "precision": "day", "basis": "latest source date"}, dated) is None


def test_a_month_after_a_preposition_is_the_day_that_follows_it_when_one_does():
    # "of May" alone would be this May; "the Act of May 15, 1862" dates the Act
    assert values("The Act of May 15, 1862, established the department.") == [("1862-05-15", "day")]
    assert values("Prices fell in May.") == [("2024-05", "month")]  # the last May before the source


def test_a_figure_holds_at_no_date_after_its_sources_own():
    from pipeline.content.facts.build import held_by

    [later] = find_dates("The contract runs through June 2028.", KNOWN)
    [earlier] = find_dates("The contract was worth $5 million in June 2024.", KNOWN)
    assert not held_by(later, KNOWN) and held_by(earlier, KNOWN)  # a plan, then a state of things
    assert held_by(later, ESTIMATED)  # against a stand-in date, nothing can be said
