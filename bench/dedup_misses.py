"""Why the pipeline path gets a study pair wrong: each wrong verdict classed by its cause, and counted.

    python bench/dedup_misses.py [--pairs PAIRS.jsonl] [--shape list|notes] [--show CLASS ...] [--diverged]

Runs the study half's strings (only those: the check half's are never looked at) through the build's
stages as bench/dedup_pipeline.py does, then asks of every pair the pipeline got wrong:
- missed same-work pairs: a string the stages lost (no entry); a pair the matcher would link but
  blocking never compared; linked, but a cluster constraint refused the join (which one); or no rule
  links them, with the hard veto that stopped it (years, authors, numbers, identifiers) or none (the
  titles or strings did not agree enough);
- false merges: the rule that linked the two clusters, when the pair itself was linked directly, or
  "chained" when other members joined them.
Each wrong pair is counted once, under its first class; --show prints the pairs of the classes named.
--diverged keeps only the pairs that parse -> match (bench/dedup_score.py) gets right: what the stages
between a seed file and the matcher lose (the whole study half still one corpus). A missed pair that
parse -> match links but the stages' items do not is "the stages changed the pair": the entry text
the references stage received is not the string, or it is and the item parsed from it differs.
--pairs takes the invented pairs too (bench/data/dedup-pairs-invented.jsonl, halves named per row).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.dedup_pipeline import SHAPES, write_seeds
from bench.dedup_score import PAIRS_NAME, default_path, judged_same_work, read_jsonl
from bench.dedup_split import halves, is_scorable, read_split
from pipeline.bibliography.blocking import candidate_pairs
from pipeline.bibliography.build import collect
from pipeline.bibliography.clusters import Profile, may_join
from pipeline.bibliography.dedup import cluster_fingerprints, match_reason
from pipeline.bibliography.fingerprint import fingerprint, identifiers_conflict, works_differ
from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError
from pipeline.intake.clean import clean_seed
from pipeline.intake.notes import cites_a_work
from pipeline.references.extract import build_references

RUNNING_TEXT_WORDS = 60  # a "reference" this long is a paragraph that mentions the work


def citations_by_string(pairs: Sequence[dict[str, Any]], folder: Path, shape: str) -> tuple[list, dict]:
    """The corpus's citations (the bibliography stage's own collection) and each string id's indexes."""
    where = write_seeds(pairs, folder, shape)
    settings = settings_from_args(None, None)
    cleans, references = {}, {}
    for path in sorted(folder.glob("s*.*")):
        try:
            cleans[path.stem] = clean_seed(str(path), path.stem, settings, {})
        except PipelineError:  # an invented seed of one short entry can read as furniture: its strings are lost
            continue
        references[path.stem] = build_references(cleans[path.stem])[0]
    citations = collect(references, cleans, None).citations
    index_of: dict[tuple[str, str], list[int]] = {}
    for index, citation in enumerate(citations):
        index_of.setdefault((citation.seed, citation.key.split("#")[0]), []).append(index)
    return citations, {string_id: index_of.get(place, []) for string_id, place in where.items()}


def _constraint(left: Profile, right: Profile, strength: int) -> str:
    """Which of may_join's tests refuses, tried one field at a time on copies of the profiles."""
    for name in ("years", "people", "volumes", "recipients", "urls", "values", "dois"):
        a, b = Profile(values={k: set() for k in left.values}), Profile(values={k: set() for k in right.values})
        setattr(a, name, getattr(left, name))
        setattr(b, name, getattr(right, name))
        if not may_join(a, b, strength):
            return name
    return "combined"


def classify_missed(i: int, j: int, prints: list, links: dict, cluster_of: dict, profiles: dict) -> str:
    """The first cause that holds: some link across the two clusters was refused; the pair would link
    but was never compared; a hard veto on the pair; no rule."""
    left, right = cluster_of[i], cluster_of[j]
    across = links.get((min(left, right), max(left, right)))
    if across is not None:
        return f"linked, join refused: {_constraint(profiles[left], profiles[right], across)}"
    found = match_reason(prints[i], prints[j])
    if found:
        return "not compared (blocking)"
    if identifiers_conflict(prints[i], prints[j]):
        return "veto: identifiers differ"
    veto = works_differ(prints[i], prints[j])
    return f"veto: {veto}" if veto else "no rule: titles/strings disagree"


def _profiles(clusters: list, prints: list) -> tuple[dict, dict]:
    cluster_of, profiles = {}, {}
    for number, cluster in enumerate(clusters):
        profile = Profile.of(prints[cluster.members[0]])
        for member in cluster.members[1:]:
            profile.absorb(Profile.of(prints[member]))
        profiles[number] = profile
        cluster_of.update((member, number) for member in cluster.members)
    return cluster_of, profiles


def classify(pairs: Sequence[dict[str, Any]], folder: Path, shape: str) -> list[tuple[str, dict]]:
    citations, indexes = citations_by_string(pairs, folder, shape)
    prints = [fingerprint(citation.item) for citation in citations]
    clusters = cluster_fingerprints(prints)
    cluster_of, profiles = _profiles(clusters, prints)
    links: dict[tuple[int, int], int] = {}  # cluster pair -> strongest rule linking a member pair across
    for i, j in candidate_pairs(prints):
        found = cluster_of[i] != cluster_of[j] and match_reason(prints[i], prints[j])
        if found:
            key = (min(cluster_of[i], cluster_of[j]), max(cluster_of[i], cluster_of[j]))
            links[key] = min(links.get(key, found[0]), found[0])
    wrong = []
    for pair in pairs:
        a, b = indexes[pair["a_id"]], indexes[pair["b_id"]]
        same = bool({cluster_of[i] for i in a} & {cluster_of[j] for j in b})
        if same == (pair["label"] == 1):
            continue
        if not (a and b):
            wrong.append((f"missed: string lost{_lost_as(pair, indexes, shape)}", pair))
        elif not same:
            text = " (running text)" if max(len(pair["a"].split()), len(pair["b"].split())) > RUNNING_TEXT_WORDS else ""
            cause = classify_missed(a[0], b[0], prints, links, cluster_of, profiles)
            if cause.startswith(("veto", "no rule")) and judged_same_work(pair["a"], pair["b"]):
                cause = f"the stages changed the pair ({_changed(pair, citations[a[0]], citations[b[0]])}): {cause}"
            wrong.append(("missed: " + cause + text, pair))
        else:
            found = match_reason(prints[a[0]], prints[b[0]])
            wrong.append((f"false merge: {found[1].split(',')[0] if found else 'chained'}", pair))
    return wrong


def _changed(pair: dict[str, Any], a: Any, b: Any) -> str:
    """Whether the entries' text is not the strings' own (the intake or a note's split changed it),
    or the text is and the parsed items differ (the references stage's reading of its entries)."""
    texts = (" ".join(pair["a"].split()), " ".join(pair["b"].split()))
    if (a.item.get("raw"), b.item.get("raw")) != texts:
        return "entry text differs"
    return "same text, item differs"


def _lost_as(pair: dict[str, Any], indexes: dict, shape: str) -> str:
    """Why a notes seed lost a string: a note the intake judged explaining (pipeline.intake.notes)."""
    lost = [pair[side] for side in ("a", "b") if not indexes[pair[f"{side}_id"]]]
    return " (a note judged explaining)" if shape == "notes" and not any(map(cites_a_work, lost)) else ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", default=default_path(PAIRS_NAME))
    parser.add_argument("--shape", choices=SHAPES, default="list")
    parser.add_argument("--show", nargs="*", default=[], help="print the pairs of classes starting so")
    parser.add_argument("--diverged", action="store_true", help="only pairs parse -> match gets right")
    args = parser.parse_args(argv)
    pairs = read_jsonl(args.pairs)
    if all("half" in pair for pair in pairs):  # the invented pairs name their halves
        study = [pair for pair in pairs if pair["half"] == "study" and is_scorable(pair)]
    else:
        study = [pair for pair in halves(pairs, read_split())["study"] if is_scorable(pair)]
    with tempfile.TemporaryDirectory() as temporary:
        wrong = classify(study, Path(temporary), args.shape)
    if args.diverged:  # the whole study half was one corpus; only the pairs parse -> match gets right counted
        wrong = [(name, pair) for name, pair in wrong if judged_same_work(pair["a"], pair["b"]) == (pair["label"] == 1)]
    for name, count in sorted(Counter(name for name, _ in wrong).items(), key=lambda item: -item[1]):
        print(f"{count:4d}  {name}")
    for name, pair in wrong:
        if any(name.startswith(prefix) for prefix in args.show):
            print(f"{name}\n  a: {pair['a'][:300]}\n  b: {pair['b'][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
