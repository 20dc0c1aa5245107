"""Survey the cleaned seeds as a corpus: which were skipped, which are near-duplicates, what is boilerplate.

The same article saved twice, or syndicated under another name, shares most of its word
5-grams with the other copy. Each pair over cleaning.near_duplicate_threshold (share of the
smaller document's 5-grams) is reported, and the later copy is counted once, as the earlier.
Candidate pairs come from an index of a sample of the shingles, so large corpora are not
compared pair by pair. Paragraphs that recur across distinct articles (a publisher's disclaimer)
are listed as boilerplate (survey/boilerplate.py), for the content stage to leave out. Both compare
hashes of each seed (survey/fingerprints.py), which the clean jobs write a file a shard (--survey), so
a changed seed is not reread with all the others; without --survey they come from the clean files.
Config keys read:
cleaning.near_duplicate_threshold, cleaning.boilerplate_min_seeds, cleaning.boilerplate_min_words.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli, warn
from pipeline.core.jsonio import read_json, write_json
from pipeline.intake.survey.boilerplate import TextOf, find_recurring
from pipeline.intake.survey.fingerprints import Fingerprint, fingerprint, read_summaries
from pipeline.intake.survey.overlaps import candidate_overlaps


def find_near_duplicates(documents: list[dict], threshold: float) -> tuple[dict[str, str], list[dict]]:
    """near_duplicates of cleaned documents themselves."""
    return near_duplicates([fingerprint(d) for d in documents], threshold)


def near_duplicates(prints: list[Fingerprint], threshold: float) -> tuple[dict[str, str], list[dict]]:
    """({duplicate seed: seed kept}, [{a, b, similarity}]); the earlier seed (by id) is kept."""
    ordered = sorted(prints, key=lambda p: p.seed)
    first, second, shared = candidate_overlaps([p.shingles for p in ordered])
    sizes = np.array([max(1, len(p.shingles)) for p in ordered], dtype=np.int64)
    similarity = shared / np.minimum(sizes[first], sizes[second])  # as Python divides: IEEE, rounded once
    duplicates: dict[str, str] = {}
    pairs = []
    for at in np.flatnonzero(similarity >= threshold).tolist():
        a, b = ordered[first[at]].seed, ordered[second[at]].seed
        pairs.append({"a": a, "b": b, "similarity": round(float(similarity[at]), 3)})
        keep = duplicates.get(a, a)
        if b not in duplicates and b != keep:
            duplicates[b] = keep
    return duplicates, pairs


def survey(documents: list[dict], cleaning: dict) -> dict:
    """The corpus report; cleaning holds the config's cleaning settings (defaults filled in)."""
    by_seed = {document["seed"]: document for document in documents}
    return survey_prints([fingerprint(d) for d in documents], cleaning,
                         lambda seed, index: by_seed[seed]["paragraphs"][index]["text"])


def survey_prints(prints: list[Fingerprint], cleaning: dict, text_of: TextOf) -> dict:
    """The corpus report from the seeds' fingerprints; text_of gives a boilerplate paragraph's text."""
    usable = [p for p in prints if p.ok]
    duplicates, pairs = near_duplicates(usable, cleaning["near_duplicate_threshold"])
    boilerplate = find_recurring(usable, pairs, cleaning["boilerplate_min_seeds"],
                                 cleaning["boilerplate_min_words"], text_of)
    return {"seeds": sorted(p.seed for p in usable if p.seed not in duplicates),
            "skipped": {p.seed: p.error for p in prints if not p.ok},
            "duplicates": dict(sorted(duplicates.items())), "pairs": pairs, "boilerplate": boilerplate}


def paragraph_reader(clean_paths: list[str]) -> TextOf:
    """text_of over clean files read when first asked for (only boilerplate's samples are)."""
    path_of = {Path(path).stem: path for path in clean_paths}
    documents: dict[str, dict] = {}

    def text_of(seed: str, index: int) -> str:
        if seed not in documents:
            if seed not in path_of:
                raise PipelineError(seed, "in a survey file but among no clean files given",
                                    "pass the clean files of every shard the survey files come from")
            documents[seed] = read_json(path_of[seed])
        return documents[seed]["paragraphs"][index]["text"]

    return text_of


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline corpus", description=__doc__.splitlines()[0])
    parser.add_argument("clean", nargs="*", help="cleaned seed files (build/clean/*.json)")
    parser.add_argument("--survey", nargs="*", metavar="SURVEY.json",
                        help="the clean jobs' survey files (survey/<shard>.json) of those seeds")
    parser.add_argument("--output", required=True, help="where to write corpus.json")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    settings = settings_from_args(args.config, args.settings)
    if args.survey is None:
        report = survey([read_json(path) for path in args.clean], settings["cleaning"])
    else:
        report = survey_prints(read_summaries(args.survey), settings["cleaning"], paragraph_reader(args.clean))
    for duplicate, kept in report["duplicates"].items():
        warn(duplicate, f"near-duplicate of seed {kept}; counted once, as {kept}")
    for item in report["boilerplate"]:
        warn(item["seeds"][0], f"a paragraph recurs in {len(item['seeds'])} seeds, left out as boilerplate:"
                               f" {item['text'][:80]!r}")
    write_json(args.output, report)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
