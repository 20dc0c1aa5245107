"""Score the facts extractors on public labelled data: time expressions resolved against a
reference date, and quantities with their units.

    python bench/facts_score.py [--dates bench/data/datetime-sample.jsonl] [--units bench/data/units-sample.jsonl]
                                [--show-failures N]

The samples are cases of Microsoft Recognizers-Text's English specification files (MIT; see
bench/data/README.md). Dates: each input is read by `pipeline.content.facts.dates.find_dates`
against its reference date (a known source date); its first date must equal the spec's resolution
at the same precision (a day, an ISO week, a month, a year). The spec gives a past and a future
reading of a year-less date; the score is reported against the past reading (news reports what has
happened) and against either. Units: each input goes through
`pipeline.content.facts.figures.figures_in` (quantulum3, pint); a gold quantity is found when a
figure has its value after conversion into the gold unit (relative error under 1e-6). Inputs with
no gold quantity count a false positive for each figure with a unit the extractor reports.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.content.facts.dates import DateBase, find_dates
from pipeline.content.facts.figures import figures_in
from pipeline.content.facts.units import registry

DATA = Path(__file__).resolve().parent / "data"
# Recognizers-Text unit names -> pint's, or a currency code.
GOLD_UNITS = {
    "Pound": "pound", "Milliliter": "milliliter", "Inch": "inch", "Mile": "mile", "Barrel": "barrel",
    "Foot": "foot", "Ounce": "ounce", "Acre": "acre", "Gallon": "gallon", "Cubic foot": "foot ** 3",
    "Square meter": "meter ** 2", "Ton": "ton", "Metric ton": "metric_ton", "Bit": "bit",
    "Mile per hour": "mile / hour", "Meter": "meter", "Kilometer": "kilometer", "Millimeter": "millimeter",
    "Square kilometer": "kilometer ** 2", "Decimeter": "decimeter", "Megabit": "megabit", "Megabyte": "megabyte",
    "Picometer": "picometer", "Tablespoon": "tablespoon", "Cup": "cup", "Teaspoon": "teaspoon",
    "Kilometer per hour": "kilometer / hour", "Meter per millisecond": "meter / millisecond",
    "Centimeter per millisecond": "centimeter / millisecond", "Kilometer per millisecond": "kilometer / millisecond",
    "Kilogram": "kilogram", "Microgram": "microgram",
}
GOLD_CURRENCIES = {"Dollar": ("USD", 1.0), "Cent": ("USD", 0.01), "Pound": ("GBP", 1.0),
                   "Canadian dollar": ("CAD", 1.0), "Hong Kong dollar": ("HKD", 1.0), "Finnish markka": ("FIM", 1.0)}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def resolved(case: dict) -> str | None:
    mentions = find_dates(case["input"], DateBase(date.fromisoformat(case["reference"]), True))
    return mentions[0].value if mentions else None


def score_dates(cases: list[dict]) -> dict:
    got = [resolved(case) for case in cases]
    past = [g == c["value"] for g, c in zip(got, cases, strict=True)]
    either = [g in (c["value"], c["future"]) for g, c in zip(got, cases, strict=True)]
    return {"cases": len(cases), "found": sum(g is not None for g in got) / len(cases),
            "exact_past": sum(past) / len(cases), "exact_either": sum(either) / len(cases),
            "failures": [(c["input"], c["value"], g) for g, c, ok in zip(got, cases, either, strict=True) if not ok]}


def same_quantity(figure: dict, gold: dict, kind: str) -> bool:
    if kind == "currency":
        code, factor = GOLD_CURRENCIES[gold["unit"]]
        if figure["norm"].dimension != f"currency:{code}":
            return False
        expected = gold["value"] * factor
        return abs(figure["value"] * figure["norm"].factor - expected) <= 1e-6 * abs(expected)
    if not figure["norm"].base_unit or figure["norm"].dimension.startswith("currency"):
        return False
    try:
        base = registry().Quantity(figure["value"] * figure["norm"].factor, figure["norm"].base_unit)
        converted = base.to(GOLD_UNITS[gold["unit"]]).magnitude
    except Exception:  # pint: no conversion between the two dimensions
        return False
    return abs(converted - gold["value"]) <= 1e-6 * max(abs(gold["value"]), 1e-12)


def with_unit(figures: list[dict]) -> list[dict]:
    return [f for f in figures if f["norm"].dimension != "count"]


def score_units(cases: list[dict]) -> dict:
    found = total = false_positives = negatives = predicted = correct = 0
    failures = []
    for case in cases:
        figures = with_unit(figures_in(case["input"], [], {}))
        predicted += len(figures)
        if not case["results"]:
            negatives += 1
            false_positives += len(figures)
            if figures:
                failures.append((case["input"], [], [(f["text"], f["unit"]) for f in figures]))
            continue
        matched = set()
        for gold in case["results"]:
            total += 1
            hit = next((i for i, f in enumerate(figures) if i not in matched and same_quantity(f, gold, case["kind"])),
                       None)
            if hit is None:
                failures.append((case["input"][:80], (gold["value"], gold["unit"]),
                                 [(f["text"], f["value"], f["unit"]) for f in figures]))
            else:
                matched.add(hit)
                found += 1
        correct += len(matched)
    return {"cases": len(cases), "gold_quantities": total, "recall": found / total,
            "precision": correct / predicted if predicted else 0.0,
            "negative_cases": negatives, "false_positives_on_negatives": false_positives, "failures": failures}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=Path, default=DATA / "datetime-sample.jsonl")
    parser.add_argument("--units", type=Path, default=DATA / "units-sample.jsonl")
    parser.add_argument("--show-failures", type=int, default=0)
    args = parser.parse_args(argv)
    dates, units = score_dates(read_jsonl(args.dates)), score_units(read_jsonl(args.units))
    print(f"dates  {dates['cases']} cases: found {dates['found']:.3f}, resolved exactly (past reading) "
          f"{dates['exact_past']:.3f}, (past or future reading) {dates['exact_either']:.3f}")
    print(f"units  {units['cases']} cases, {units['gold_quantities']} quantities: value+unit recall "
          f"{units['recall']:.3f}, precision {units['precision']:.3f}; "
          f"{units['false_positives_on_negatives']} figures on {units['negative_cases']} cases with none")
    for name, scores in (("dates", dates), ("units", units)):
        for failure in scores["failures"][:args.show_failures]:
            print(f"  {name} miss: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
