"""Train a small CRF on the public labelled reference strings and measure it as a second opinion to the rules.

Usage: python bench/refparse_crf_trial.py [--iterations N] [--model PATH]
(needs python-crfsuite, which the project does not depend on: pip install python-crfsuite)

A trial, not a shipped model: it trains a linear-chain CRF (python-crfsuite, L-BFGS, c1=0.05, c2=0.01,
features seen at least twice) on ../shared/train/references/ (GROBID's citation corpus, annotations CC BY 4.0,
Patrice Lopez; and the GIANT sample: see each folder's SOURCE.md), holding out 1,000 strings shuffled with a
fixed seed to report token accuracy, then scores on the study halves of bench/refparse_score.py (never the
check halves): the CRF alone, and the rules with the CRF filling a container, a year, authors or a title
only where the rules found none (government and legal items left to the rules).

Measured when it was written (60 iterations, 18,085 training strings, a model of about 5 MB, token accuracy
0.962 on the held-out strings). Alone, the CRF is far under the rules: dev study title 0.576, container or
publisher 0.549, author family names 0.802, year 0.946 (rules 0.920, 0.793, 0.989, 0.973); labelled study
0.459, 0.543, 0.503, 0.933 (rules 0.918, 0.772, 0.912, 0.985). As a second opinion it changed nothing on the
dev study half and one item each on the labelled one (container or publisher 0.783, year 0.993): of the 11
containers it filled on the two study halves one was right and 9 were on strings whose gold names none, of
the 7 years one was right and 6 were on strings that state none. Not worth a dependency and a model in the
package, so none ships; rerun this after the rules change.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from refparse_score import Tally, load_sets, score_row  # noqa: E402  (a sibling module of this script)

from pipeline.references.parse.names import parse_names  # noqa: E402
from pipeline.references.parse.reference import parse_reference  # noqa: E402

TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "train" / "references"
SEED = 20261201
_TOKEN = re.compile(r"\w+|[^\w\s]")
# GROBID and GIANT labels folded into the fields the parser fills; the rest is "O".
_LABELS = {"author": "author", "title": "title", "container-title": "container", "collection-title": "container",
           "event": "container", "publisher": "publisher", "institution": "publisher", "issued": "date"}
_QUOTES = set("“”\"«»„")
_LEGAL = {"bill", "legislation", "legal_case", "speech", "personal_communication"}


def _shape(word: str) -> str:
    shape = re.sub(r"\d", "d", re.sub(r"[a-zß-ÿ]", "x", re.sub(r"[A-ZÀ-Þ]", "X", word)))
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


def features(tokens: list[tuple[str, int, int]]) -> list[dict]:
    """Word, shape, suffix, position, inside quotes or brackets, sentences so far, and the neighbours'."""
    count, context, quotes, stops, brackets = len(tokens), [], 0, 0, 0
    for index, (word, _start, end) in enumerate(tokens):
        context.append((quotes % 2, min(stops, 6), brackets > 0))
        quotes += word in _QUOTES
        spaced = index + 1 < count and tokens[index + 1][1] > end
        stops += word == "." and spaced and (not index or len(tokens[index - 1][0]) > 2)
        brackets = brackets + 1 if word in "([" else max(0, brackets - (word in ")]"))
    rows = []
    for index, (word, _start, _end) in enumerate(tokens):
        lower = word.lower()
        row = {"b": 1.0, f"w={lower}": 1, f"sh={_shape(word)}": 1, f"suf={lower[-3:]}": 1,
               f"pos={10 * index // count}": 1, f"q={context[index][0]}": 1, f"st={context[index][1]}": 1,
               f"br={context[index][2]:d}": 1}
        if re.fullmatch(r"(?:1[5-9]|20)\d\d", word):
            row["year"] = 1
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < count:
                row[f"{offset}:w={tokens[other][0].lower()}"] = 1
                row[f"{offset}:sh={_shape(tokens[other][0])}"] = 1
            else:
                row[f"{offset}:edge"] = 1
        rows.append(row)
    return rows


def tokens_of(text: str) -> list[tuple[str, int, int]]:
    return [(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]


def labelled(row: dict) -> tuple[list, list[str]]:
    spans, position = [], 0
    for label, text in row["segments"]:
        spans.append((position, position + len(text), _LABELS.get(label, "O") if label else "O"))
        position += len(text)
    tokens = tokens_of(row["raw"])
    return tokens, [next((lab for a, b, lab in spans if a <= start < b), "O") for _, start, _ in tokens]


def crf_fields(tagger, text: str) -> dict:
    """The first span the CRF gives each field, and the year in its date."""
    tokens = tokens_of(text)
    found: dict = {}
    if not tokens:
        return found
    runs: list[list] = []
    for (_, start, end), label in zip(tokens, tagger.tag(features(tokens)), strict=True):
        if runs and runs[-1][0] == label:
            runs[-1][2] = end
        else:
            runs.append([label, start, end])
    for label, start, end in runs:
        if label != "O":
            found.setdefault(label, text[start:end].strip(" ,.;:“”\""))
    year = re.search(r"(?:1[5-9]|20)\d\d", found.get("date", ""))
    found["year"] = int(year.group()) if year else None
    return found


def second_opinion(tagger, item: dict, field: str) -> dict:
    """The rules' item with the CRF's value for one field where the rules found none."""
    if item.get("type") in _LEGAL:
        return item
    found, item = crf_fields(tagger, item["raw"]), dict(item)
    if field == "container" and not (item.get("container-title") or item.get("publisher")):
        value = found.get("container") or found.get("publisher")
        if value and value not in item.get("title", ""):
            item["container-title"] = value
    elif field == "year" and not item.get("issued") and found["year"]:
        item["issued"] = {"date-parts": [[found["year"]]]}
    elif field == "author" and not item.get("author") and found.get("author"):
        item["author"] = parse_names(found["author"])
    elif field == "title" and not item.get("title") and found.get("title"):
        item["title"] = found["title"]
    return item


def crf_alone(tagger, raw: str) -> dict:
    found, item = crf_fields(tagger, raw), {}
    for field, key in (("title", "title"), ("container", "container-title"), ("publisher", "publisher")):
        if found.get(field):
            item[key] = found[field]
    if found["year"]:
        item["issued"] = {"date-parts": [[found["year"]]]}
    if found.get("author"):
        item["author"] = parse_names(found["author"])
    return item


def train(model: Path, iterations: int) -> float:
    import pycrfsuite  # noqa: PLC0415 — an optional tool of this trial only

    rows = [json.loads(line) for name in ("grobid", "giant_sample") for line in open(TRAIN / name / "train.jsonl")]
    random.Random(SEED).shuffle(rows)
    held_out, rest = rows[:1000], rows[1000:]
    trainer = pycrfsuite.Trainer(verbose=False)
    for row in rest:
        tokens, labels = labelled(row)
        if tokens:
            trainer.append(features(tokens), labels)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations, "feature.minfreq": 2})
    trainer.train(str(model))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    right = total = 0
    for row in held_out:
        tokens, labels = labelled(row)
        if tokens:
            right += sum(a == b for a, b in zip(tagger.tag(features(tokens)), labels, strict=True))
            total += len(labels)
    return right / total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=60)
    parser.add_argument("--model", type=Path, default=Path("/tmp/refparse-crf-trial.crfsuite"))
    args = parser.parse_args(argv)
    try:
        import pycrfsuite  # noqa: PLC0415
    except ImportError:
        print("error: python-crfsuite is not installed — pip install python-crfsuite", file=sys.stderr)
        return 1
    print(f"held-out token accuracy {train(args.model, args.iterations):.3f}")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.model))
    fields = ("title", "container_or_publisher", "author_family_recall", "year")
    for name, rows in load_sets().items():
        if "study" not in name:
            continue  # the check halves are only ever scored by refparse_score.py
        runs = {"rules": lambda r: parse_reference(r), "crf alone": lambda r: crf_alone(tagger, r)}
        for field in ("container", "year", "author", "title"):
            runs[f"rules + crf {field}"] = lambda r, f=field: second_opinion(tagger, parse_reference(r), f)
        for label, run in runs.items():
            tally = Tally()
            for row in rows:
                score_row(tally, row["gold"], run(row["raw"]), row.get("id", ""))
            scores = tally.scores()
            print(f"{name:15} {label:22} " + "  ".join(f"{f} {scores[f]:.3f}" for f in fields if f in scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
