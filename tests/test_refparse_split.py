"""The study/check splits of the reference-parser sets stay put, and the benchmark reads the labelled set.

bench/refparse_split.py made the splits once; rerunning its rule must give the stored halves, so nobody
moves an item between halves by accident (and a changed eval file is caught, not silently rescored).
"""

from __future__ import annotations

import json

import pytest

from bench.refparse_score import Tally, load_sets, score_row, study_rows
from bench.refparse_split import (
    DEV_EVAL,
    DEV_SPLIT,
    LABELLED,
    LABELLED_SPLIT,
    dev_split_record,
    labelled_check_hashes,
    raw_sha256,
    read_rows,
    split_labelled,
)

TYPES = {"webpage", "article-newspaper", "report", "bill", "legislation", "legal_case", "speech",
         "personal_communication", "book", "article-journal", "chapter", "document"}


def test_labelled_split_is_the_stored_one_when_rerun() -> None:
    stored = json.loads(LABELLED_SPLIT.read_text("utf-8"))
    rows = read_rows(LABELLED)
    assert stored["items"] == len(rows)
    assert labelled_check_hashes(rows) == stored["check_raw_sha256"]
    assert labelled_check_hashes(list(reversed(rows))) == stored["check_raw_sha256"]  # order does not matter


@pytest.mark.skipif(not DEV_EVAL.is_file(), reason="the shared AnyStyle dev set is not beside the repository")
def test_dev_split_is_the_stored_one_when_rerun() -> None:
    assert dev_split_record(read_rows(DEV_EVAL)) == json.loads(DEV_SPLIT.read_text("utf-8"))


def test_both_labelled_halves_hold_every_type() -> None:
    study, check = split_labelled(read_rows(LABELLED), json.loads(LABELLED_SPLIT.read_text("utf-8")))
    assert {row["gold"]["type"] for row in study} == {row["gold"]["type"] for row in check}
    assert abs(len(study) - len(check)) <= len({row["gold"]["type"] for row in study})


def test_labelled_file_has_the_dev_set_shape_and_a_source_for_every_item() -> None:
    rows = read_rows(LABELLED)
    assert len(rows) >= 300
    assert len({raw_sha256(row["raw"]) for row in rows}) == len(rows)
    for row in rows:
        assert row["gold"]["type"] in TYPES, row["raw"]
        assert row["source"] and row["licence"], row["raw"]
        assert set(row["gold"]) <= {"author", "title", "container-title", "publisher", "issued", "URL", "type"}
        assert all(author in row["raw"] for author in row["gold"].get("author", []))


@pytest.mark.skipif(not DEV_EVAL.is_file(), reason="the shared AnyStyle dev set is not beside the repository")
def test_benchmark_loads_four_halves_and_misses_read_only_the_study_halves() -> None:
    sets = load_sets()
    assert list(sets) == ["dev study", "dev check", "labelled study", "labelled check"]
    assert len(sets["labelled study"]) + len(sets["labelled check"]) == len(read_rows(LABELLED))
    check = {raw_sha256(row["raw"]) for row in sets["labelled check"]}
    assert not check & {raw_sha256(row["raw"]) for row in study_rows(LABELLED)}
    assert len(study_rows(DEV_EVAL)) == len(sets["dev study"])


def test_a_year_read_out_of_a_bill_number_counts_as_wrong() -> None:
    tally = Tally()
    score_row(tally, {"title": "S. 2093", "type": "bill"}, {"title": "S. 2093", "issued": {"date-parts": [[2093]]}})
    score_row(tally, {"title": "P.L. 114-17", "type": "legislation"}, {"title": "P.L. 114-17"})
    assert tally.totals["year_strict"] == 2 and tally.hits["year_strict"] == 1
    assert "year" not in tally.totals  # the plain year figure still counts only items whose gold has a year
