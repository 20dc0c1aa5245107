"""Candidate generation stays linear in a block's size: a work cited by thousands of seeds under one
URL is joined through a star and a sorted window, not through all pairs of its copies."""

from pipeline.bibliography.blocking import FULL_BLOCK, WINDOW, candidate_pairs
from pipeline.bibliography.dedup import cluster_fingerprints
from pipeline.bibliography.fingerprint import fingerprint

URL = "https://reports.example.org/studies/2031/harbour-survey"


def copies(count):
    """One report cited count times under one URL; each copy's title carries a made-up word of its own,
    so no title word blocks the copies together and only the URL relates them all."""
    return [fingerprint({"type": "report", "title": f"Harbour survey annex q{index:05d}x",
                         "URL": URL, "issued": {"date-parts": [[2031]]}})
            for index in range(count)]


def test_small_identical_url_block_is_compared_in_full():
    prints = copies(FULL_BLOCK)
    assert len(candidate_pairs(prints)) == FULL_BLOCK * (FULL_BLOCK - 1) // 2


def test_large_identical_url_block_costs_a_linear_number_of_comparisons():
    for count in (400, 1600):  # above MAX_BLOCK, so the shared title words block nothing
        pairs = candidate_pairs(copies(count))
        assert len(pairs) <= (WINDOW + 1) * count
        assert len(pairs) < count * (count - 1) // 20


def test_large_identical_url_block_is_still_one_cluster():
    clusters = cluster_fingerprints(copies(500))
    assert [cluster.members for cluster in clusters] == [list(range(500))]
