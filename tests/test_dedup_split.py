"""The study/check split of the raw-string pairs stays put, and the pipeline path of the dedup bench
puts each string through the real stages, one cluster's strings in different seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.dedup_pipeline import gold_clusters, pipeline_verdicts, seed_layout
from bench.dedup_score import PAIRS_NAME, default_path, read_jsonl
from bench.dedup_split import read_split, split_record

PAIRS = Path(default_path(PAIRS_NAME))

# Invented strings in the shapes of humanities notes: one work three ways, another edition, another work.
INVENTED = [
    ("w1", "ROSSINI, G., Storia delle lagune e dei porti, Venezia, 1788,",
     "w2", "Giacomo Rossini, Storia delle lagune e dei porti (Venezia, 1788), p. 12;", 1),
    ("w1", "ROSSINI, G., Storia delle lagune e dei porti, Venezia, 1788,",
     "w3", "G. Rossini, Storia delle lagune e dei porti, Venezia 1788.", 1),
    ("w1", "ROSSINI, G., Storia delle lagune e dei porti, Venezia, 1788,",
     "e1", "G. Rossini, Storia delle lagune e dei porti, seconda edizione, Padova 1832.", 0),
    ("w1", "ROSSINI, G., Storia delle lagune e dei porti, Venezia, 1788,",
     "o1", "M. Ferretti, Le saline di Chioggia nel Medioevo, Roma 1961.", 0),
]


def _pairs() -> list[dict]:
    return [{"a_id": a_id, "a": a, "b_id": b_id, "b": b, "label": label, "cluster_file": "invented"}
            for a_id, a, b_id, b, label in INVENTED]


@pytest.mark.skipif(not PAIRS.is_file(), reason="the shared LinkedBooks pairs are not beside the repository")
def test_pairs_split_is_the_stored_one_when_rerun() -> None:
    pairs = read_jsonl(PAIRS)
    assert split_record(pairs) == read_split()
    assert split_record(list(reversed(pairs))) == read_split()  # the file's order does not matter


def test_one_works_strings_go_to_different_seeds() -> None:
    cluster = gold_clusters(_pairs(), ["w1", "w2", "w3", "e1", "o1"])
    assert cluster["w2"] == cluster["w3"] == cluster["w1"] != cluster["e1"]
    for entries in seed_layout(_pairs()):
        named = [cluster[string_id] for string_id in entries]
        assert len(named) == len(set(named))


def test_pipeline_path_merges_the_work_and_keeps_the_other_edition_apart(tmp_path) -> None:
    ids, lost = pipeline_verdicts(_pairs(), tmp_path, "list")
    assert (tmp_path / "build" / "bibliography-map.json").is_file() and lost == 0
    assert ids["w1"] == ids["w2"] == ids["w3"]
    assert not ids["e1"] & ids["w1"] and not ids["o1"] & ids["w1"]
