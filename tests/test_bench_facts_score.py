"""The facts extractors' benchmark: its scoring on the shipped samples, with floors."""

from __future__ import annotations

from bench.facts_score import DATA, read_jsonl, score_dates, score_units

# Floors: the scores when the benchmark was added (dates 0.680 past-or-future, units recall 0.811).
DATES_FLOOR = 0.66
UNITS_RECALL_FLOOR = 0.79


def test_time_expressions_resolve_against_the_reference_date_at_least_as_well_as_the_floor():
    scores = score_dates(read_jsonl(DATA / "datetime-sample.jsonl"))
    assert scores["cases"] == 122
    assert scores["exact_either"] >= DATES_FLOOR


def test_quantities_with_units_are_found_at_least_as_well_as_the_floor():
    scores = score_units(read_jsonl(DATA / "units-sample.jsonl"))
    assert scores["gold_quantities"] == 122
    assert scores["recall"] >= UNITS_RECALL_FLOOR
    assert scores["false_positives_on_negatives"] <= 2
