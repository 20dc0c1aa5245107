"""Split the reference-parser evaluation sets into a study half and a check half, once, reproducibly.

Usage: python bench/refparse_split.py [--write]   (prints the halves' sizes; --write stores the splits)

The study half is for error analysis and tuning; the check half is only scored, so its figure says how
the parser does on strings nobody tuned it on. Both splits are made with a fixed seed and stored, so the
halves never move; tests/test_refparse_split.py reruns the rule and fails when a stored split and a rerun
disagree.
- AnyStyle dev set (bench/data/anystyle-dev-split.json): the line indexes 0..259 are shuffled by
  random.Random(20261201).shuffle; the first half of the shuffled indexes (130) is the check half. The file
  stores the check half's line indexes and the sha256 of each one's `raw`, so a changed eval file is caught
  rather than silently scored against the wrong halves. The eval file itself is not copied into the repo.
- Hand-labelled set (bench/data/references-labelled-split.json): stratified by gold `type`. For each type in
  alphabetical order, its items sorted by sha256 of `raw` are shuffled by one random.Random(20261202); the first
  floor(n/2) of them go to the check half (the study half gets the odd one). The file stores the sha256 of the
  check items' `raw`, so reordering the file does not move an item between halves.
- Third web set (bench/data/references-labelled-web3-split.json): the same rule with random.Random(20261204).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.evaldata import eval_path  # noqa: E402

BENCH = Path(__file__).resolve().parent
REPO_ROOT = BENCH.parent
DEV_EVAL = eval_path("refparse/anystyle-dev.jsonl")
# The hand-labelled items taken from the CRS documents' footnotes hold no text of their own: a pointer
# into this file's footnotes ("from") and spans of the string for their gold fields, so the development
# data stays where it is kept and is read from there when scoring.
EVAL_DOCUMENTS = eval_path("documents/gold.jsonl")
LABELLED = BENCH / "data" / "references-labelled.jsonl"
# Strings labelled later from public web pages (reference lists, notes, citation guides): all of them study data,
# so the existing check half stays the only one, never redrawn.
LABELLED_WEB = BENCH / "data" / "references-labelled-web.jsonl"
# A second such set, labelled from other pages after the first had been tuned on: scored as its own study column,
# so that a figure measured before any change says how the rules do on strings they were not written for.
LABELLED_WEB2 = BENCH / "data" / "references-labelled-web2.jsonl"
# A third, labelled from other pages and CRS reports after the second had been tuned on, and split like the
# labelled set (its own seed): its check half is a second set of strings nobody tuned on.
LABELLED_WEB3 = BENCH / "data" / "references-labelled-web3.jsonl"
WEB3_SPLIT = BENCH / "data" / "references-labelled-web3-split.json"
WEB3_SEED = 20261204
DEV_SPLIT = BENCH / "data" / "anystyle-dev-split.json"
LABELLED_SPLIT = BENCH / "data" / "references-labelled-split.json"
DEV_SEED = 20261201
LABELLED_SEED = 20261202


def raw_sha256(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def read_rows(path: str | Path, documents: Path | None = EVAL_DOCUMENTS) -> list[dict]:
    """The rows of a JSON-lines file; rows pointing into the development documents get their string
    and gold from there, and are left out where those documents are not beside the repository (or
    documents is None: the file's own strings only)."""
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    if not any("from" in row for row in rows):
        return rows
    footnotes = _footnotes(documents) if documents and documents.is_file() else {}
    return [resolved for row in rows if (resolved := _resolve(row, footnotes)) is not None]


def _footnotes(documents: Path) -> dict[tuple[str, int], str]:
    with open(documents, encoding="utf-8") as handle:
        return {(doc["stem"], note["n"]): note["text"] for doc in map(json.loads, handle) for note in doc["footnotes"]}


def _resolve(row: dict, footnotes: dict[tuple[str, int], str]) -> dict | None:
    """A row as scored: its own, or one read through its pointer (None when the note is not there)."""
    if "from" not in row:
        return row
    where = row["from"]
    text = footnotes.get((where["document"], where["footnote"]))
    if text is None:
        return None
    raw = text[where["start"]: where["end"]]
    if raw_sha256(raw) != row["raw_sha256"]:
        raise ValueError(f"{where['document']} footnote {where['footnote']} changed: "
                         "its labelled string no longer matches")

    def field(value):
        if isinstance(value, dict) and "span" in value:
            return raw[value["span"][0]: value["span"][1]]
        return [field(item) for item in value] if isinstance(value, list) else value

    gold = {key: field(value) for key, value in row["gold"].items()}
    rest = {key: value for key, value in row.items() if key not in ("from", "raw_sha256", "gold")}
    return {"raw": raw, "gold": gold, **rest}


def dev_check_indexes(count: int, seed: int = DEV_SEED) -> list[int]:
    """The check half of `count` items: the first half of the indexes shuffled with `seed`, sorted."""
    indexes = list(range(count))
    random.Random(seed).shuffle(indexes)
    return sorted(indexes[: count // 2])


def labelled_check_hashes(rows: list[dict], seed: int = LABELLED_SEED) -> list[str]:
    """The check half, stratified by gold type: sha256 of each check item's raw, sorted."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_type[row["gold"]["type"]].append(raw_sha256(row["raw"]))
    shuffler, check = random.Random(seed), []
    for kind in sorted(by_type):
        hashes = sorted(by_type[kind])
        shuffler.shuffle(hashes)
        check.extend(hashes[: len(hashes) // 2])
    return sorted(check)


def dev_split_record(rows: list[dict]) -> dict:
    check = dev_check_indexes(len(rows))
    return {
        "_about": "Check half of ../shared/eval/refparse/anystyle-dev.jsonl: the line indexes (0-based, blank lines "
                  f"skipped) 0..{len(rows) - 1} shuffled by random.Random({DEV_SEED}).shuffle, the first half taken, "
                  "sorted. Every other line is the study half. sha256 is of each check line's `raw`, to catch a "
                  "changed eval file. Made by `python bench/refparse_split.py --write`; never re-drawn.",
        "seed": DEV_SEED,
        "items": len(rows),
        "check": [{"line": index, "raw_sha256": raw_sha256(rows[index]["raw"])} for index in check],
    }


def labelled_split_record(rows: list[dict], name: str = "references-labelled.jsonl", seed: int = LABELLED_SEED) -> dict:
    return {
        "_about": f"Check half of bench/data/{name}, stratified by gold type: per type "
                  f"(alphabetical), the items' sha256(raw) sorted, shuffled by one random.Random({seed}), the "
                  "first floor(n/2) taken. Listed by sha256 of `raw`; every other item is the study half. Made by "
                  "`python bench/refparse_split.py --write`; never re-drawn.",
        "seed": seed,
        "items": len(rows),
        "check_raw_sha256": labelled_check_hashes(rows, seed),
    }


def split_dev(rows: list[dict], record: dict) -> tuple[list[dict], list[dict]]:
    """(study, check) rows of the dev set by its stored split; a line whose raw changed is an error."""
    check_lines = {}
    for entry in record["check"]:
        if entry["line"] >= len(rows) or raw_sha256(rows[entry["line"]]["raw"]) != entry["raw_sha256"]:
            raise ValueError(f"dev eval line {entry['line']} is not the one the split was made on")
        check_lines[entry["line"]] = True
    study = [row for index, row in enumerate(rows) if index not in check_lines]
    return study, [rows[index] for index in sorted(check_lines)]


def split_labelled(rows: list[dict], record: dict) -> tuple[list[dict], list[dict]]:
    """(study, check) rows of the labelled set by its stored split."""
    check = set(record["check_raw_sha256"])
    halves: tuple[list[dict], list[dict]] = ([], [])
    for row in rows:
        halves[raw_sha256(row["raw"]) in check].append(row)
    return halves


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the splits in bench/data/")
    args = parser.parse_args(argv)
    records = {DEV_SPLIT: dev_split_record(read_rows(DEV_EVAL)),
               LABELLED_SPLIT: labelled_split_record(read_rows(LABELLED)),
               WEB3_SPLIT: labelled_split_record(read_rows(LABELLED_WEB3), LABELLED_WEB3.name, WEB3_SEED)}
    for path, record in records.items():
        checked = len(record.get("check") or record.get("check_raw_sha256"))
        print(f"{path.name}: {record['items']} items, {checked} check, {record['items'] - checked} study")
        if args.write:
            path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
