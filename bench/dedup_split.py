"""Split the raw reference-string pairs into a study half and a check half, once, reproducibly.

Usage: python bench/dedup_split.py [--write]   (prints the halves' sizes; --write stores the split)

The study half is for error analysis and tuning; the check half is only scored. Pairs are split by
their `cluster_file` (the ground-truth file a pair came from: one focal string and its candidates), not
one by one, so no string a matcher was tuned on turns up again in the check half. The file names are
sorted, shuffled by random.Random(20261203), and each in turn goes to the half with fewer same-work
pairs so far (then fewer scorable pairs; the check half on a tie), which keeps recall's denominators
near equal although the files are of very different sizes (one holds 201 of the 362 same-work pairs).
bench/data/linkedbooks-pairs-split.json stores the check half's file names and each half's pair count;
tests/test_dedup_split.py reruns the rule and fails when a rerun disagrees.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
PAIRS_SPLIT = BENCH / "data" / "linkedbooks-pairs-split.json"
SPLIT_SEED = 20261203


def is_scorable(pair: dict[str, Any]) -> bool:
    """Label 1 or 0 with two non-empty strings: a partial match (0.5) and an empty string are left out."""
    return pair["label"] in (0, 1) and bool(pair["a"].strip()) and bool(pair["b"].strip())


def check_files(pairs: Iterable[dict[str, Any]], seed: int = SPLIT_SEED) -> list[str]:
    """The cluster files of the check half, sorted."""
    scored = [pair for pair in pairs if is_scorable(pair)]
    sizes = Counter(pair["cluster_file"] for pair in scored)
    same = Counter(pair["cluster_file"] for pair in scored if pair["label"] == 1)
    files = sorted(sizes)
    random.Random(seed).shuffle(files)
    halves: dict[str, list[str]] = {"check": [], "study": []}
    counts = {"check": (0, 0), "study": (0, 0)}
    for name in files:
        half = "check" if counts["check"] <= counts["study"] else "study"
        halves[half].append(name)
        counts[half] = (counts[half][0] + same[name], counts[half][1] + sizes[name])
    return sorted(halves["check"])


def split_record(pairs: list[dict[str, Any]]) -> dict[str, Any]:
    check = set(check_files(pairs))
    scorable = [pair for pair in pairs if is_scorable(pair)]
    return {
        "_about": "Check half of ../shared/eval/dedup/linkedbooks-pairs-dev.jsonl, by cluster_file: the file names "
                  f"sorted, shuffled by random.Random({SPLIT_SEED}).shuffle, each given to the half with fewer "
                  "same-work pairs so far, then fewer scorable pairs (check on a tie). Pairs of every other file "
                  "are the study half. Made by "
                  "`python bench/dedup_split.py --write`; never re-drawn.",
        "seed": SPLIT_SEED,
        "check_files": sorted(check),
        "pairs": {"check": sum(pair["cluster_file"] in check for pair in scorable),
                  "study": sum(pair["cluster_file"] not in check for pair in scorable)},
    }


def halves(pairs: list[dict[str, Any]], split: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The pairs of each half, by the stored split; a changed eval file is an error, not other halves."""
    check = set(split["check_files"])
    result = {"study": [pair for pair in pairs if pair["cluster_file"] not in check],
              "check": [pair for pair in pairs if pair["cluster_file"] in check]}
    counts = {name: sum(map(is_scorable, rows)) for name, rows in result.items()}
    if counts != split["pairs"]:
        raise SystemExit(f"error: the pairs file does not match {PAIRS_SPLIT.name} ({counts} scorable pairs, "
                         f"the split was made on {split['pairs']}) — score the file the split was made on")
    return result


def read_split(path: Path = PAIRS_SPLIT) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    from bench.dedup_score import PAIRS_NAME, default_path, read_jsonl

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", default=default_path(PAIRS_NAME))
    parser.add_argument("--write", action="store_true", help=f"store the split in {PAIRS_SPLIT}")
    args = parser.parse_args(argv)
    record = split_record(read_jsonl(args.pairs))
    print(f"check: {len(record['check_files'])} files, {record['pairs']['check']} pairs; "
          f"study: {record['pairs']['study']} pairs")
    if args.write:
        PAIRS_SPLIT.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH.parent))
    sys.exit(main())
