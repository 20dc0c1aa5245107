"""De-duplication quality floors on copied subsets of the development sets (see tests/fixtures/dedup).

Floors sit slightly under the scores reached (records P 1.000 R 0.992; raw pairs P 0.988 R 0.898
F1 0.941 on these subsets); raise them as the matcher improves. Scores on the full sets: bench/dedup_score.py.
"""

from pathlib import Path

from bench.dedup_score import read_jsonl, score_raw_pairs, score_records

FIXTURES = Path(__file__).parent / "fixtures" / "dedup"


def test_records_precision_and_recall_stay_above_floor():
    result = score_records(read_jsonl(FIXTURES / "asysd-stroke-subset.jsonl"))
    assert result["precision"] >= 0.99
    assert result["recall"] >= 0.98


def test_raw_string_pairs_f1_stays_above_floor():
    result = score_raw_pairs(read_jsonl(FIXTURES / "linkedbooks-pairs-subset.jsonl"))
    assert result["precision"] >= 0.97
    assert result["recall"] >= 0.88
    assert result["f1"] >= 0.93
