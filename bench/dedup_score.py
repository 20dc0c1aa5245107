"""Score de-duplication: pairwise P/R on bibliographic records, P/R/F1 on raw reference-string pairs.

    python bench/dedup_score.py [--records RECORDS.jsonl] [--pairs PAIRS.jsonl] [--paths match pipeline]
                                [--shapes list notes] [--keep DIR] [--misses] [--halves study check]

Defaults are the development sets in `shared/eval/dedup/` (found next to the repository, or under
$BRIEFING_EVAL_DIR). Records (ASySD stroke set, Rathbone et al. 2015, via CoLRev bib-dedupe, MIT) are
bibtex-like; they are converted to CSL and clustered with `pipeline.bibliography.dedup.find_duplicates`, and
every pair of records put in one cluster is a predicted merge. Raw-string pairs (LinkedBooks,
ScholarIndex/GT-reference-clustering, MIT) go the way the pipeline takes a seed's references: each
string through `pipeline.references.parse.reference.parse_reference`, then the two items through
`pipeline.bibliography.dedup.find_duplicates`; one cluster is a predicted "same work" (path `match`).
Path `pipeline` takes them through the build's own stages (bench/dedup_pipeline.py): every string an
entry of an invented seed, seeds cleaned, their references parsed, all merged into one bibliography;
two strings are one work when their entries map to a shared bibliography id. Shape `list` writes the
strings as a plain-text article's bibliography, `notes` as a Markdown article's footnote rows.
Raw pairs are scored on a study half (tune on it) and a check half (only scored), split once by
bench/dedup_split.py. The invented pairs (bench/data/dedup-pairs-invented.jsonl, academic articles of
many fields rendered in other styles, with hard negatives: bench/dedup_make_pairs.py) are a second
set, in a corpus of their own, with the halves their rows name.
Label 0.5 ("partly the same") and pairs with an empty string are left out of that score: a partial
match is neither a merge we want nor one we must refuse, and an empty string names no work.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.dedup_pipeline import SHAPES, pipeline_verdicts
from bench.dedup_split import halves, is_scorable, read_split
from bench.evaldata import eval_path
from pipeline.bibliography.dedup import find_duplicates
from pipeline.references.parse.reference import parse_reference

RECORDS_NAME = "dedup/asysd-stroke-records.jsonl"
PAIRS_NAME = "dedup/linkedbooks-pairs-dev.jsonl"
INVENTED = Path(__file__).resolve().parent / "data" / "dedup-pairs-invented.jsonl"


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
    return [pair for pair in pairs if is_scorable(pair)]


def judged_same_work(a: str, b: str) -> bool:
    """The pipeline's verdict on two reference strings: parsed, then de-duplicated as a bibliography."""
    return len(find_duplicates([parse_reference(a), parse_reference(b)])) == 1


def score_verdicts(pairs: Sequence[dict[str, Any]], same: Callable[[dict[str, Any]], bool]) -> dict[str, float]:
    kept = scorable(pairs)
    predicted = {index for index, pair in enumerate(kept) if same(pair)}
    gold = {index for index, pair in enumerate(kept) if pair["label"] == 1}
    result = precision_recall(predicted, gold)
    result["scored_pairs"] = len(kept)
    result["left_out"] = len(pairs) - len(kept)
    return result


def score_raw_pairs(pairs: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Path `match`: each pair's two strings parsed and de-duplicated on their own."""
    return score_verdicts(pairs, lambda pair: judged_same_work(pair["a"], pair["b"]))


def pipeline_judge(pairs: Sequence[dict[str, Any]], folder: Path, shape: str) -> tuple[Callable, int]:
    """Path `pipeline`: every string through the stages in one corpus; the verdict on a pair, and lost strings."""
    ids, lost = pipeline_verdicts(pairs, folder, shape)
    return (lambda pair: bool(ids[pair["a_id"]] & ids[pair["b_id"]])), lost


def misses(pairs: Sequence[dict[str, Any]], same: Callable[[dict[str, Any]], bool]) -> list[str]:
    """The study half's wrong verdicts, for error analysis (never print the check half's)."""
    lines = []
    for pair in scorable(pairs):
        verdict = same(pair)
        if verdict != (pair["label"] == 1):
            lines.append(f"{'FALSE MERGE' if verdict else 'MISSED'}\n  a: {pair['a']}\n  b: {pair['b']}")
    return lines


def default_path(name: str) -> str:
    return str(eval_path(name))


def _print(title: str, result: dict[str, float]) -> None:
    figures = "  ".join(f"{key}={value:.4f}" if isinstance(value, float) else f"{key}={value}"
                        for key, value in result.items())
    print(f"{title}: {figures}")


def score_pair_set(title: str, pairs: list[dict[str, Any]], split: dict[str, list], args: argparse.Namespace) -> None:
    """One pair set through the paths asked for: every string of the set in one corpus, the halves scored."""
    judges: list[tuple[str, Callable]] = []
    if "match" in args.paths:
        judges.append(("parse -> match", lambda pair: judged_same_work(pair["a"], pair["b"])))
    for shape in args.shapes if "pipeline" in args.paths else ():
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(args.keep or temporary) / title.split()[0] / shape
            same, lost = pipeline_judge(pairs, folder, shape)
        judges.append((f"pipeline, {shape} ({lost} strings lost)", same))
    for name, same in judges:
        for half in args.halves:
            _print(f"{title}, {name}, {half}", score_verdicts(split[half], same))
        if args.misses:
            print("\n".join(misses(split["study"], same)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", default=default_path(RECORDS_NAME))
    parser.add_argument("--pairs", default=default_path(PAIRS_NAME))
    parser.add_argument("--invented", default=str(INVENTED),
                        help="invented pairs of other domains (bench/dedup_make_pairs.py); '' leaves them out")
    parser.add_argument("--paths", nargs="+", choices=("match", "pipeline"), default=["match", "pipeline"])
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--keep", metavar="DIR", help="write the pipeline path's seeds and build here (kept)")
    parser.add_argument("--misses", action="store_true", help="print the study half's wrong verdicts")
    parser.add_argument("--halves", nargs="+", choices=("study", "check"), default=["study", "check"],
                        help="the halves to score (while tuning, study only)")
    args = parser.parse_args(argv)
    _print("records (pairwise)", score_records(read_jsonl(args.records)))
    pairs = read_jsonl(args.pairs)
    score_pair_set("raw-string pairs", pairs, halves(pairs, read_split()), args)
    if args.invented and Path(args.invented).exists():
        invented = read_jsonl(args.invented)
        split = {half: [pair for pair in invented if pair["half"] == half] for half in ("study", "check")}
        score_pair_set("invented pairs", invented, split, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
