"""Train the reference-string CRF of the trial (bench/refparse_crf_features.py) on the public labelled strings.

Usage: python bench/refparse_crf_train.py [--iterations N] [--model PATH] [--held-out N]
(needs python-crfsuite, which the project does not depend on: pip install python-crfsuite)

Trains a linear-chain CRF (python-crfsuite, L-BFGS, c1=0.1, c2=0.01, features seen at least twice) on
../shared/train/references/: GROBID's citation corpus (annotations CC BY 4.0, Patrice Lopez) and the GIANT
sample (Crossref records rendered through CSL styles; see each folder's SOURCE.md). The rows are shuffled
with a fixed seed and the first --held-out are kept back to report token accuracy and exact-span field
accuracy; the rest train. Deterministic: the same data and arguments give the same model file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from refparse_crf_features import MODEL, features, tokens_of  # noqa: E402  (a sibling module)

TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "train" / "references"
SEED = 20261201
# The sources' labels folded into the tagger's: the fields the parser fills, and the details that tell them
# apart (a volume, pages, a place, a URL); anything else is "O".
LABELS = {
    "author": "author", "collaboration": "author", "editor": "editor", "container-author": "editor",
    "title": "title", "container-title": "container", "collection-title": "container", "event": "container",
    "publisher": "publisher", "institution": "publisher", "publisher-place": "place", "issued": "date",
    "volume": "volume", "issue": "issue", "page": "page", "URL": "url", "DOI": "url", "arxiv": "url",
    "number": "number", "genre": "genre", "note": "note",
}


def labelled(row: dict) -> tuple[list, list[str]]:
    """The row's tokens and, for each, the label of the segment its first character is in."""
    spans, position = [], 0
    for label, text in row["segments"]:
        spans.append((position, position + len(text), LABELS.get(label, "O") if label else "O"))
        position += len(text)
    tokens = tokens_of(row["raw"])
    return tokens, [next((lab for a, b, lab in spans if a <= start < b), "O") for _, start, _ in tokens]


def read_training_rows() -> list[dict]:
    rows = []
    for name in ("grobid", "giant_sample"):
        with open(TRAIN / name / "train.jsonl", encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    random.Random(SEED).shuffle(rows)
    return rows


def _spans(labels: list[str]) -> set[tuple[str, int, int]]:
    found, start = set(), 0
    for index in range(1, len(labels) + 1):
        if index == len(labels) or labels[index] != labels[start]:
            if labels[start] != "O":
                found.add((labels[start], start, index))
            start = index
    return found


def held_out_scores(model: Path, rows: list[dict]) -> tuple[float, dict[str, float]]:
    """Token accuracy, and per label the share of gold spans the CRF reproduces exactly."""
    import pycrfsuite  # noqa: PLC0415

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    right = total = 0
    hits, wanted = Counter(), Counter()
    for row in rows:
        tokens, gold = labelled(row)
        if not tokens:
            continue
        guess = tagger.tag(features(tokens))
        right += sum(a == b for a, b in zip(guess, gold, strict=True))
        total += len(gold)
        found = _spans(guess)
        for span in _spans(gold):
            wanted[span[0]] += 1
            hits[span[0]] += span in found
    return right / total, {label: hits[label] / wanted[label] for label in sorted(wanted)}


def train(model: Path, iterations: int, held_out: int) -> list[dict]:
    import pycrfsuite  # noqa: PLC0415

    rows = read_training_rows()
    trainer = pycrfsuite.Trainer(verbose=False)
    for row in rows[held_out:]:
        tokens, labels = labelled(row)
        if tokens:
            trainer.append(features(tokens), labels)
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": iterations, "feature.minfreq": 2,
                        "feature.possible_transitions": True})
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    return rows[:held_out]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--held-out", type=int, default=1000)
    args = parser.parse_args(argv)
    if not (TRAIN / "grobid" / "train.jsonl").is_file():
        print(f"error: {TRAIN}: training data not found", file=sys.stderr)
        return 1
    held = train(args.model, args.iterations, args.held_out)
    accuracy, fields = held_out_scores(args.model, held)
    print(f"model {args.model} ({args.model.stat().st_size / 1e6:.1f} MB); held-out token accuracy {accuracy:.3f}")
    print("held-out exact spans: " + ", ".join(f"{label} {share:.3f}" for label, share in fields.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
