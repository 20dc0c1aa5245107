"""Measure the reference-string CRF alone and as a second opinion to the rules, on the study halves only.

Usage: python bench/refparse_crf_train.py && python bench/refparse_crf_hybrid.py [--model PATH]
(needs python-crfsuite, which the project does not depend on: pip install python-crfsuite)
Prints, for the dev and labelled study halves, bench/refparse_score.py's fields for the rules, the CRF alone,
and the rules with one field (title, container, authors, year) taken from the CRF where its span's mean
marginal probability is at least a threshold: only where the rules found none ("fill"), or also where the two
disagree ("over"). Government and legal items are left to the rules. The check halves are never read here.

Measured when written (refparse_crf_train.py defaults: 100 iterations on 18,083 strings of GROBID's corpus and
the GIANT sample, 1,000 held out; a 3.3 MB model; held-out token accuracy 0.957, exact spans: title 0.790,
container 0.838, author 0.881, date 0.971). On the study halves, title / container or publisher / author
family / year:
- rules:     dev 0.920 / 0.793 / 0.989 / 0.973;  labelled 0.918 / 0.815 / 0.912 / 0.985
- CRF alone: dev 0.664 / 0.598 / 0.814 / 0.973;  labelled 0.445 / 0.576 / 0.523 / 0.925 (the first trial's
  plainer features gave dev 0.576 / 0.549 / 0.802 / 0.946)
- second opinion: filling a missing field changes nothing but the year (dev 0.982, one item; labelled
  year_strict 0.974 -> 0.968, a year put on a string that states none); overriding the rules where they
  disagree loses on every field at every threshold up to 0.95 (title at >=0.95: dev 0.832, labelled 0.842;
  authors: 0.962, 0.881; year: dev 1.000 but labelled 0.963).
The CRF is confidently wrong on the web, report and government strings the training data hardly has, so no
model ships; the rules stand alone. Rerun after the rules or the training data change.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import refparse_crf_features as tagger  # noqa: E402  (a sibling module of this script)
from refparse_score import Tally, load_sets, score_row  # noqa: E402

from pipeline.references.parse.authors.names import parse_names  # noqa: E402
from pipeline.references.parse.reference import parse_reference  # noqa: E402

FIELDS = ("title", "container_or_publisher", "author_family_recall", "year", "url")
_LEGAL = {"bill", "legislation", "legal_case", "speech", "personal_communication"}


def crf_fields(raw: str) -> dict[str, tuple[str, float]]:
    """The first span of each label, trimmed of the punctuation around it, with its mean marginal."""
    found: dict[str, tuple[str, float]] = {}
    for label, text, prob in tagger.tag_spans(raw):
        text = text.strip(" ,.;:“”\"()[]'‘’«»")
        if label != "O" and text and label not in found:
            found[label] = (text, prob)
    return found


def crf_item(found: dict) -> dict:
    item: dict = {}
    for label, key in (("title", "title"), ("container", "container-title"), ("publisher", "publisher"),
                       ("url", "URL")):
        if label in found:
            item[key] = found[label][0]
    year = re.search(r"(?:1[6-9]|20)\d\d", found.get("date", ("", 0))[0])
    if year:
        item["issued"] = {"date-parts": [[int(year.group())]]}
    if "author" in found:
        item["author"] = parse_names(found["author"][0])
    return item


def hybrid(rules: dict, found: dict, field: str, threshold: float, fill_only: bool) -> dict:
    """The rules' item with one field taken from the CRF where its span is at least `threshold` sure."""
    if rules.get("type") in _LEGAL:
        return rules
    crf, item = crf_item(found), dict(rules)
    label = {"title": "title", "container": "container", "author": "author", "year": "date"}[field]
    if label not in found or found[label][1] < threshold:
        return item
    if field == "title" and crf.get("title") and not (fill_only and item.get("title")):
        item["title"] = crf["title"]
    elif field == "container" and crf.get("container-title") and not (fill_only and item.get("container-title")):
        item["container-title"] = crf["container-title"]
    elif field == "author" and crf.get("author") and not (fill_only and item.get("author")):
        item["author"] = crf["author"]
    elif field == "year" and crf.get("issued") and not (fill_only and item.get("issued")):
        item["issued"] = crf["issued"]
    return item


def _scores(rows, cache, run) -> dict[str, float]:
    tally = Tally()
    for row in rows:
        score_row(tally, row["gold"], run(*cache[row["raw"]]), row.get("id", ""))
    return tally.scores()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=tagger.MODEL)
    args = parser.parse_args(argv)
    tagger.MODEL = args.model
    tagger._tagger.cache_clear()
    if not tagger.available():
        print(f"error: {args.model}: no model (or python-crfsuite missing)", file=sys.stderr)
        return 1
    for name, rows in load_sets().items():
        if "study" not in name:
            continue  # the check halves are only ever scored by refparse_score.py
        cache = {row["raw"]: (parse_reference(row["raw"]), crf_fields(row["raw"])) for row in rows}
        runs = {"rules": lambda rules, found: rules, "crf alone": lambda rules, found: crf_item(found)}
        for field in ("title", "container", "author", "year"):
            for threshold in (0.0, 0.8, 0.9, 0.95):
                for fill_only in (True, False):
                    runs[f"{field} {'fill' if fill_only else 'over'} >={threshold}"] = (
                        lambda rules, found, f=field, t=threshold, o=fill_only: hybrid(rules, found, f, t, o))
        print(f"== {name} ({len(rows)})")
        for label, run in runs.items():
            scores = _scores(rows, cache, run)
            print(f"{label:24} " + "  ".join(f"{f[:9]} {scores[f]:.3f}" for f in FIELDS if f in scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
