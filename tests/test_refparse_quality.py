"""Quality floors: bench/refparse_score.py on a copied subset of the AnyStyle development set, and on the
study half of the hand-labelled set in bench/data/.

Floors sit a little under the scores reached when they were last raised (see the bench's docstring
for what each field measures); raise them as the parser improves, never lower them to pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.refparse_score import score_file

SUBSET = Path(__file__).parent / "fixtures" / "references" / "anystyle-subset.jsonl"

# Reached on the subset: url 0.937 (1.000 where the gold is the reference's URL), year 1.000, title 0.906,
# container_or_publisher 0.912, author_family_recall 0.990, author_every_word_as_family 0.899,
# author_name_recall 1.000. url sits at its ceiling on this data: the misses left are gold URLs that
# swallowed an access note (bench/refparse_gold_url_errors.json).
FLOORS = {
    "url": 0.92,
    "url_gold_checked": 0.98,
    "year": 0.97,
    "title": 0.89,
    "container_or_publisher": 0.89,
    "author_family_recall": 0.97,
    "author_every_word_as_family": 0.88,
    "author_name_recall": 0.98,
}


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return score_file(SUBSET)[0]


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_parser_quality_stays_above_floor(scores: dict[str, float], field: str) -> None:
    assert scores[field] >= FLOORS[field], f"{field} fell to {scores[field]:.3f} (floor {FLOORS[field]})"


# The hand-labelled set's study half (bench/data/README.md: web pages, news, reports, government documents,
# legislation, cases, speeches, letters, books, articles), the half the rules were tuned on; its check half is
# only ever scored by bench/refparse_score.py. Reached when last raised: title 0.918, container_or_publisher
# 0.772, author_family_recall 0.912, year 0.985, year_strict 0.974.
LABELLED_STUDY_FLOORS = {
    "title": 0.90,
    "container_or_publisher": 0.75,
    "author_family_recall": 0.89,
    "year": 0.97,
    "year_strict": 0.96,
}


@pytest.fixture(scope="module")
def labelled_study_scores() -> dict[str, float]:
    from bench.refparse_score import score_rows
    from bench.refparse_split import LABELLED, LABELLED_SPLIT, read_rows, split_labelled

    record = json.loads(LABELLED_SPLIT.read_text("utf-8"))
    return score_rows(split_labelled(read_rows(LABELLED), record)[0])[0]


@pytest.mark.parametrize("field", sorted(LABELLED_STUDY_FLOORS))
def test_parser_quality_on_labelled_study_half_stays_above_floor(labelled_study_scores: dict[str, float], field: str) -> None:
    floor = LABELLED_STUDY_FLOORS[field]
    assert labelled_study_scores[field] >= floor, f"{field} fell to {labelled_study_scores[field]:.3f} (floor {floor})"
