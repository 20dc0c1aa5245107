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


def reference(raw):
    from pipeline.references.parse.reference import parse_reference

    return fingerprint(parse_reference(raw))


def test_a_citation_inside_running_text_meets_the_work_it_cites():
    # The work is cited often, so its own words are common; the long note's rarest words are those of
    # its sentence, which other notes share; and unrelated works sort between the two: neither a
    # rarest-word block nor a sorted neighbourhood holds the note and a copy of the work.
    work = [f"Moretti, G., Le dogane del porto franco di Trieste, Trieste, 1719, p. {page}." for page in range(3, 11)]
    between = [f"Orsini, P., Portolano q{k}x della costa q{k}y, Genova, 16{k}0." for k in range(2 * WINDOW)]
    prose = ("Sulle chiatte dei mercanti forestieri le gabelle del sale, riscosse dai camerlenghi, "
             "crebbero ogni anno fino alla peste, quando i registri dei camerlenghi si interrompono e i mercanti ")
    long_note = prose + "tornano solo dopo la riforma (Moretti, Le dogane del porto franco, Trieste, 1719, p. 44)."
    others = [prose + f"se ne vanno, come narra una cronaca del {year}." for year in (1602, 1650, 1688)]
    prints = [reference(raw) for raw in [*work, *between, long_note, *others]]
    note = len(work) + len(between)
    pairs = candidate_pairs(prints)
    assert any((index, note) in pairs for index in range(len(work)))
    clusters = [cluster.members for cluster in cluster_fingerprints(prints)]
    assert [*range(len(work)), note] in clusters
