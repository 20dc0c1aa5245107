"""Quality floors: bench/refparse_score.py on the study halves, the halves the rules are tuned on: the AnyStyle
development set's (its copy in tests/fixtures/eval/, tests/conftest.py and bench/evaldata.py)
and the hand-labelled set's own strings in bench/data/ (its items that point into the
development documents are left out here, so these floors hold on any clone). The check halves are only
ever scored by the bench.

Floors sit a little under the scores reached when they were last raised (see the bench's docstring
for what each field measures); raise them as the parser improves, never lower them to pass.
"""

from __future__ import annotations

import json

import pytest

from bench.refparse_score import score_rows, study_rows
from bench.refparse_split import (
    DEV_EVAL,
    LABELLED,
    LABELLED_SPLIT,
    LABELLED_WEB,
    LABELLED_WEB2,
    read_rows,
    split_labelled,
)

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
# The hand-labelled study half's own strings (bench/data/README.md: web pages, news, reports, government
# documents, legislation, cases, speeches, letters, books, articles; 77 items). Reached when set: title
# 0.905, container_or_publisher 0.885, author_family_recall 0.946, year 0.986, year_strict 0.974.
LABELLED_STUDY_FLOORS = {
    "title": 0.89,
    "container_or_publisher": 0.87,
    "author_family_recall": 0.93,
    "year": 0.97,
    "year_strict": 0.96,
}
# The web set (bench/data/references-labelled-web.jsonl, all study data). Reached when set: title 0.814,
# container_or_publisher 0.791, author_family_recall 0.894, year 0.957 (0.736, 0.555, 0.803 and 0.957 before
# the organisation and site lexicons, government author chains and Chicago notes' colon titles).
WEB_STUDY_FLOORS = {"title": 0.80, "container_or_publisher": 0.77, "author_family_recall": 0.88, "year": 0.94}
# The second web set (bench/data/references-labelled-web2.jsonl, study data). Reached when set: title 0.802,
# container_or_publisher 0.781, author_family_recall 0.833, year 0.971 (0.660, 0.750, 0.785 and 0.951 when it was
# first scored, before the note tails, government office chains and neutral citations).
WEB2_STUDY_FLOORS = {"title": 0.79, "container_or_publisher": 0.76, "author_family_recall": 0.82, "year": 0.95}
FLOORS = {"dev study": DEV_STUDY_FLOORS, "labelled study": LABELLED_STUDY_FLOORS, "web study": WEB_STUDY_FLOORS,
          "web2 study": WEB2_STUDY_FLOORS}
HALVES = {"dev study": DEV_EVAL, "labelled study": LABELLED, "web study": LABELLED_WEB, "web2 study": LABELLED_WEB2}


@pytest.fixture(scope="module")
def study_scores() -> dict[str, dict[str, float]]:
    scores = {"dev study": score_rows(study_rows(DEV_EVAL))[0]} if DEV_EVAL.is_file() else {}
    own = read_rows(LABELLED, documents=None)  # the strings bench/data holds itself
    study, _ = split_labelled(own, json.loads(LABELLED_SPLIT.read_text("utf-8")))
    return {**scores, "labelled study": score_rows(study)[0], "web study": score_rows(read_rows(LABELLED_WEB))[0],
            "web2 study": score_rows(read_rows(LABELLED_WEB2))[0]}


@pytest.mark.parametrize(("half", "field"), [(half, field) for half, floors in FLOORS.items() for field in sorted(floors)])
def test_parser_quality_on_study_half_stays_above_floor(study_scores: dict, half: str, field: str) -> None:
    if half not in study_scores:
        pytest.skip(f"{HALVES[half]} not found: this study half needs the shared evaluation data")
    score, floor = study_scores[half][field], FLOORS[half][field]
    assert score >= floor, f"{half}: {field} fell to {score:.3f} (floor {floor})"
