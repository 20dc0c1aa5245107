"""Quality floor of the clean stage on labelled web pages (tests/fixtures/boilerplate), through the
HTML path and the flattened-text path, scored as bench/clean_score.py scores the full dev set.
Raise the floors as the cleaner improves; never lower them to make a change pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.clean_score import load_pages, score

PAGES = Path(__file__).parent / "fixtures" / "boilerplate"
# Scores on these six pages when the floors were set (keep / remove): html 17/17, 19/19;
# text 17/17, 19/19. The floors are those scores, rounded down.
FLOORS = {"html": {"keep": 1.0, "remove": 1.0}, "text": {"keep": 1.0, "remove": 1.0}}


@pytest.fixture(scope="module")
def tallies():
    return score(load_pages(PAGES))


@pytest.mark.parametrize("path", sorted(FLOORS))
def test_must_keep_recall_floor(tallies, path):
    tally = tallies[path]
    assert tally.kept / tally.keep_total >= FLOORS[path]["keep"], tally.misses


@pytest.mark.parametrize("path", sorted(FLOORS))
def test_must_remove_precision_floor(tallies, path):
    tally = tallies[path]
    assert tally.removed / tally.remove_total >= FLOORS[path]["remove"], tally.misses


def test_flattening_puts_each_block_on_its_own_line():
    from bench.clean_score import flatten_html

    text = flatten_html("<html><head><script>var x;</script></head><body><nav><a>Home</a> <a>News</a></nav>"
                        "<p>One <b>bold</b> line.</p><div>Two<br>Three</div></body></html>")
    assert text.splitlines() == ["Home News", "One bold line.", "Two", "Three"]


@pytest.mark.parametrize(("byline", "authors", "outlet"), [
    ("By Ann Lee and Karl Moss, Harbour Ledger", ["Ann Lee", "Karl Moss"], "Harbour Ledger"),  # after the "and" name
    ("By Ann Lee, Karl Moss, and Dana Ode", ["Ann Lee", "Karl Moss", "Dana Ode"], None),  # the serial comma
    ("By Ann Lee, Karl Moss and Dana Ode", ["Ann Lee", "Karl Moss", "Dana Ode"], None),
])
def test_a_byline_names_its_authors_and_whom_they_write_for(byline, authors, outlet):
    from pipeline.intake.metadata import parse_byline

    found = parse_byline(byline)
    assert (found["authors"], found["organization"]) == (authors, outlet)
