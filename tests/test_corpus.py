"""Near-duplicate seeds: the same article saved twice or syndicated is reported and counted once."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from pipeline.core.config import validate_config
from pipeline.intake.corpus import find_near_duplicates, survey
from pipeline.intake.survey.overlaps import SAMPLE_MODULUS, candidate_overlaps

CLEANING = validate_config({})["cleaning"]  # the defaults

ARTICLE = (
    "The ministry said on Tuesday that the talks would resume next week in Geneva, according to two "
    "officials. Analysts expect the negotiations to focus on the sequencing of sanctions relief and the "
    "verification regime that both sides have so far rejected. A third round is planned for May, "
    "diplomats said, although no date has been announced by either delegation so far."
)
OTHER = (
    "Farmers in the region reported the best harvest in a decade, helped by a mild spring and late rains "
    "that filled reservoirs. Prices for wheat fell sharply at the regional market as a result, and "
    "cooperatives asked the government to buy part of the surplus for the national reserve this year."
)


def document(seed: str, text: str, status: str = "ok") -> dict:
    return {
        "seed": seed,
        "status": status,
        "error": None if status == "ok" else "error: bad",
        "paragraphs": [{"text": part} for part in text.split(". ")],
    }


def test_same_article_saved_twice_is_counted_once_as_the_earlier():
    duplicates, pairs = find_near_duplicates([document("b", ARTICLE), document("a", ARTICLE)], 0.6)
    assert duplicates == {"b": "a"}
    assert pairs[0]["similarity"] == 1.0


def test_syndicated_copy_with_a_different_opening_is_a_near_duplicate():
    syndicated = "Reposted from Example Wire. " + ARTICLE + " Copyright Example Wire."
    duplicates, _ = find_near_duplicates([document("a", ARTICLE), document("z", syndicated)], 0.6)
    assert duplicates == {"z": "a"}


def test_different_articles_are_not_duplicates():
    duplicates, pairs = find_near_duplicates([document("a", ARTICLE), document("b", OTHER)], 0.6)
    assert duplicates == {} and pairs == []


def test_survey_reports_skipped_seeds_and_counts_duplicates_once():
    report = survey(
        [
            document("a", ARTICLE),
            document("b", ARTICLE),
            document("c", OTHER),
            document("d", "", status="skipped"),
        ],
        CLEANING,
    )
    assert report["seeds"] == ["a", "c"]
    assert report["duplicates"] == {"b": "a"}
    assert report["skipped"] == {"d": "error: bad"}


@given(st.lists(st.sets(st.integers(0, 40), max_size=30), min_size=2, max_size=8), st.integers(0, 4))
def test_candidate_pairs_and_what_they_share_are_those_of_a_plain_scan(sets, common):
    seeds_with = {gram: sum(gram in grams for grams in sets) for gram in set().union(*sets)}
    plain = [(a, b, len(sets[a] & sets[b])) for a in range(len(sets)) for b in range(a + 1, len(sets))
             if any(gram % SAMPLE_MODULUS == 0 and seeds_with[gram] <= common for gram in sets[a] & sets[b])]
    first, second, shared = candidate_overlaps([array("I", sorted(grams)) for grams in sets], common)
    assert list(zip(first.tolist(), second.tolist(), shared.tolist(), strict=True)) == plain
