"""Score de-duplication: pairwise P/R on bibliographic records, P/R/F1 on raw reference-string pairs.

    python bench/dedup_score.py [--records RECORDS.jsonl] [--pairs PAIRS.jsonl]

Defaults are the development sets in `shared/eval/dedup/` (found next to the repository, or under
$BRIEFING_EVAL_DIR). Records (ASySD stroke set, Rathbone et al. 2015, via CoLRev bib-dedupe, MIT) are
bibtex-like; they are converted to CSL and clustered with `pipeline.bibliography.dedup.find_duplicates`, and
every pair of records put in one cluster is a predicted merge. Raw-string pairs (LinkedBooks,
ScholarIndex/GT-reference-clustering, MIT) go the way the pipeline takes a seed's references: each
string through `pipeline.references.parse.reference.parse_reference`, then the two items through
`pipeline.bibliography.dedup.find_duplicates`; one cluster is a predicted "same work".
Label 0.5 ("partly the same") and pairs with an empty string are left out of that score: a partial
match is neither a merge we want nor one we must refuse, and an empty string names no work.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.bibliography.dedup import find_duplicates
from pipeline.references.parse.reference import parse_reference

RECORDS_NAME = "dedup/asysd-stroke-records.jsonl"
PAIRS_NAME = "dedup/linkedbooks-pairs-dev.jsonl"


def read_jsonl(path: str | os.PathLike) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def bibtex_name(text: str) -> dict[str, str]:
    """"Zhai, Q. J." -> {"family": "Zhai", "given": "Q. J."}; a name without a comma stays literal."""
    family, comma, given = text.partition(",")
    given = given.strip()
    if not comma:
        return {"literal": text.strip()}
    return {"family": family.strip(), "given": "" if given == "null" else given}


def record_to_csl(record: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"id": record["ID"], "type": "article-journal", "title": record.get("title") or ""}
    authors = [part for part in (record.get("author") or "").split(" and ") if part.strip()]
    if authors:
        item["author"] = [bibtex_name(author) for author in authors]
    year = str(record.get("year") or "")
    if year[:4].isdigit():
        item["issued"] = {"date-parts": [[int(year[:4])]]}
    for source, target in (("journal", "container-title"), ("volume", "volume"), ("number", "issue"),
                           ("pages", "page")):
        if record.get(source):
            item[target] = str(record[source])
    return item


def true_pairs(labels: Sequence[str]) -> set[tuple[int, int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        groups[label].append(index)
    return {pair for members in groups.values() for pair in combinations(members, 2)}


def precision_recall(predicted: set, gold: set) -> dict[str, float]:
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "predicted": len(predicted), "gold": len(gold), "correct": hits}


def score_records(records: Sequence[dict[str, Any]]) -> dict[str, float]:
    clusters = find_duplicates([record_to_csl(record) for record in records])
    predicted = {pair for cluster in clusters for pair in combinations(cluster.members, 2)}
    return precision_recall(predicted, true_pairs([record["cluster"] for record in records]))


def scorable(pairs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [pair for pair in pairs if pair["label"] in (0, 1) and pair["a"].strip() and pair["b"].strip()]


def judged_same_work(a: str, b: str) -> bool:
    """The pipeline's verdict on two reference strings: parsed, then de-duplicated as a bibliography."""
    return len(find_duplicates([parse_reference(a), parse_reference(b)])) == 1


def score_raw_pairs(pairs: Sequence[dict[str, Any]]) -> dict[str, float]:
    kept = scorable(pairs)
    predicted = {index for index, pair in enumerate(kept) if judged_same_work(pair["a"], pair["b"])}
    gold = {index for index, pair in enumerate(kept) if pair["label"] == 1}
    result = precision_recall(predicted, gold)
    result["scored_pairs"] = len(kept)
    result["left_out"] = len(pairs) - len(kept)
    return result


def _default(name: str) -> str:
    here = Path(__file__).resolve().parents[1]
    roots = [os.environ.get("BRIEFING_EVAL_DIR", ""), here.parent / "shared/eval", here.parent.parent / "shared/eval"]
    for root in roots:
        if root and (Path(root) / name).exists():
            return str(Path(root) / name)
    return name


def _print(title: str, result: dict[str, float]) -> None:
    figures = "  ".join(f"{key}={value:.4f}" if isinstance(value, float) else f"{key}={value}"
                        for key, value in result.items())
    print(f"{title}: {figures}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", default=_default(RECORDS_NAME))
    parser.add_argument("--pairs", default=_default(PAIRS_NAME))
    args = parser.parse_args(argv)
    _print("records (pairwise)", score_records(read_jsonl(args.records)))
    _print("raw-string pairs", score_raw_pairs(read_jsonl(args.pairs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
