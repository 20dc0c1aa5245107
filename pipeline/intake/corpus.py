"""Survey the cleaned seeds as a corpus: which were skipped, which are near-duplicates, what is boilerplate.

The same article saved twice, or syndicated under another name, shares most of its word
5-grams with the other copy. Each pair over cleaning.near_duplicate_threshold (share of the
smaller document's 5-grams) is reported, and the later copy is counted once, as the earlier.
Candidate pairs come from an index of a sample of the shingles, so large corpora are not
compared pair by pair. Paragraphs that recur across distinct articles (a publisher's disclaimer)
are listed as boilerplate (boilerplate.py), for the content stage to leave out. Config keys read:
cleaning.near_duplicate_threshold, cleaning.boilerplate_min_seeds, cleaning.boilerplate_min_words.
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from collections import Counter, defaultdict

from pipeline.core.config import settings_from_args
from pipeline.core.errors import run_cli, warn
from pipeline.core.jsonio import read_json, write_json
from pipeline.intake.boilerplate import find_boilerplate

SHINGLE = 5
SAMPLE_MODULUS = 4  # index one shingle in four: enough to find any pair sharing over half
COMMON_SHINGLE = 50  # a shingle in more seeds than this is boilerplate, not a sign of a copy


def shingles(document: dict) -> set[int]:
    words = re.findall(r"\w+", " ".join(p["text"] for p in document["paragraphs"]).casefold())
    grams = (" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))
    return {zlib.crc32(gram.encode("utf-8")) for gram in grams}


def candidate_pairs(sets: dict[str, set[int]]) -> set[tuple[str, str]]:
    """Pairs of seeds that share a sampled shingle."""
    index: dict[int, list[str]] = defaultdict(list)
    for seed, grams in sets.items():
        for gram in grams:
            if gram % SAMPLE_MODULUS == 0:
                index[gram].append(seed)
    return {(a, b) for seeds in index.values()
            if 1 < len(seeds) <= COMMON_SHINGLE
            for i, a in enumerate(seeds) for b in seeds[i + 1:]}


class Overlaps:
    """How many shingles two seeds share, for the many candidate pairs one corpus gives.

    The shingles of paragraphs many seeds reprint (more than COMMON_SHINGLE) are most of what
    candidate pairs share; each seed keeps those as the bits of one integer, and the rest as a small
    set, so a pair costs an AND with a bit count and a small intersection instead of intersecting
    two sets of a few hundred hashes. The count is exact either way.
    """

    def __init__(self, sets: dict[str, set[int]], common: int = COMMON_SHINGLE):
        seeds_with = Counter(gram for grams in sets.values() for gram in grams)
        bit = {gram: index for index, gram in enumerate(sorted(g for g, n in seeds_with.items() if n > common))}
        self.common: dict[str, int] = {}
        self.rare: dict[str, set[int]] = {}
        for seed, grams in sets.items():
            mask = bytearray((len(bit) + 7) // 8)
            for gram in grams & bit.keys():
                mask[bit[gram] >> 3] |= 1 << (bit[gram] & 7)
            self.common[seed] = int.from_bytes(mask, "little")
            self.rare[seed] = grams - bit.keys()

    def shared(self, a: str, b: str) -> int:
        return (self.common[a] & self.common[b]).bit_count() + len(self.rare[a] & self.rare[b])


def find_near_duplicates(documents: list[dict], threshold: float) -> tuple[dict[str, str], list[dict]]:
    """({duplicate seed: seed kept}, [{a, b, similarity}]); the earlier seed (by id) is kept."""
    sets = {d["seed"]: shingles(d) for d in sorted(documents, key=lambda d: d["seed"])}
    duplicates: dict[str, str] = {}
    pairs = []
    overlaps = Overlaps(sets)
    for a, b in sorted(candidate_pairs(sets)):
        similarity = overlaps.shared(a, b) / max(1, min(len(sets[a]), len(sets[b])))
        if similarity >= threshold:
            pairs.append({"a": a, "b": b, "similarity": round(similarity, 3)})
            keep = duplicates.get(a, a)
            if b not in duplicates and b != keep:
                duplicates[b] = keep
    return duplicates, pairs


def survey(documents: list[dict], cleaning: dict) -> dict:
    """The corpus report; cleaning holds the config's cleaning settings (defaults filled in)."""
    usable = [d for d in documents if d["status"] == "ok"]
    duplicates, pairs = find_near_duplicates(usable, cleaning["near_duplicate_threshold"])
    boilerplate = find_boilerplate(usable, pairs, cleaning["boilerplate_min_seeds"],
                                   cleaning["boilerplate_min_words"])
    return {"seeds": sorted(d["seed"] for d in usable if d["seed"] not in duplicates),
            "skipped": {d["seed"]: d["error"] for d in documents if d["status"] != "ok"},
            "duplicates": dict(sorted(duplicates.items())), "pairs": pairs, "boilerplate": boilerplate}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline corpus", description=__doc__.splitlines()[0])
    parser.add_argument("clean", nargs="*", help="cleaned seed files (build/clean/*.json)")
    parser.add_argument("--output", required=True, help="where to write corpus.json")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    settings = settings_from_args(args.config, args.settings)
    documents = [read_json(path) for path in args.clean]
    report = survey(documents, settings["cleaning"])
    for duplicate, kept in report["duplicates"].items():
        warn(duplicate, f"near-duplicate of seed {kept}; counted once, as {kept}")
    for item in report["boilerplate"]:
        warn(item["seeds"][0], f"a paragraph recurs in {len(item['seeds'])} seeds, left out as boilerplate:"
                               f" {item['text'][:80]!r}")
    write_json(args.output, report)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
