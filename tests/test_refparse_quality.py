"""Quality floors: bench/refparse_score.py on the study halves, the halves the rules are tuned on: the AnyStyle
development set's (read where ../shared/eval/refparse/ keeps it, never copied into the tests) and the
hand-labelled set's in bench/data/. The check halves are only ever scored by the bench.

Floors sit a little under the scores reached when they were last raised (see the bench's docstring
for what each field measures); raise them as the parser improves, never lower them to pass.
"""

from __future__ import annotations

import pytest

from bench.refparse_score import score_rows, study_rows
from bench.refparse_split import DEV_EVAL, LABELLED

# Reached on the dev study half: url 0.941 (1.000 where the gold is the reference's URL), year 0.973, title
# 0.912 (0.920 before an organisation opening a note ended its author list), container_or_publisher 0.793,
# author_family_recall 0.989, author_every_word_as_family 0.867, author_name_recall 1.000. url sits at its ceiling on this data: the misses left are gold URLs that swallowed
# an access note (bench/refparse_gold_url_errors.json).
DEV_STUDY_FLOORS = {
    "url": 0.92,
    "url_gold_checked": 0.98,
    "year": 0.96,
    "title": 0.90,
    "container_or_publisher": 0.77,
    "author_family_recall": 0.97,
    "author_every_word_as_family": 0.85,
    "author_name_recall": 0.98,
}
# The hand-labelled study half (bench/data/README.md: web pages, news, reports, government documents,
# legislation, cases, speeches, letters, books, articles). Reached when last raised: title 0.938,
# container_or_publisher 0.837, author_family_recall 0.959, year 0.985, year_strict 0.974.
LABELLED_STUDY_FLOORS = {
    "title": 0.92,
    "container_or_publisher": 0.82,
    "author_family_recall": 0.94,
    "year": 0.97,
    "year_strict": 0.96,
}
FLOORS = {"dev study": DEV_STUDY_FLOORS, "labelled study": LABELLED_STUDY_FLOORS}
HALVES = {"dev study": DEV_EVAL, "labelled study": LABELLED}


@pytest.fixture(scope="module")
def study_scores() -> dict[str, dict[str, float]]:
    return {half: score_rows(study_rows(path))[0] for half, path in HALVES.items() if path.is_file()}


@pytest.mark.parametrize(("half", "field"), [(half, field) for half, floors in FLOORS.items() for field in sorted(floors)])
def test_parser_quality_on_study_half_stays_above_floor(study_scores: dict, half: str, field: str) -> None:
    if half not in study_scores:
        pytest.skip(f"{HALVES[half]} not found: this study half needs the shared evaluation data")
    score, floor = study_scores[half][field], FLOORS[half][field]
    assert score >= floor, f"{half}: {field} fell to {score:.3f} (floor {floor})"
