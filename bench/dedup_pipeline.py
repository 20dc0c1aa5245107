"""Raw reference-string pairs judged the way a build judges them: seed -> clean -> references -> bibliography.

Every distinct string of the pairs file becomes one entry of an invented seed document; the seeds are
written to a folder, cleaned by the clean stage, their references parsed by the references stage, and
all of them merged by the bibliography stage, in one bibliography as a real corpus is. Two strings are
judged one work when their entries in bibliography-map.json share an id. A string the stages lost
(left out as a note that cites nothing, for instance) shares no id with anything.

Seeds are grouped as real corpora are: a work is cited once per seed, so the strings of one gold
cluster (label-1 pairs, joined) go to different seeds, and every seed also holds strings of other
works. The strings are shuffled with a fixed seed, so the folder is the same on every run. Two shapes:
- `list`: a plain-text article whose "Bibliography" lists "[n] string" entries, cited in its text;
- `notes`: a Markdown article whose "# Footnotes" table holds "| n. | string" rows, as the CRS pages
  and many saved web pages print their notes.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.bibliography.build import build_bibliography
from pipeline.core.config import settings_from_args
from pipeline.core.unionfind import smallest_roots
from pipeline.intake.clean import clean_seed
from pipeline.references.extract import build_references

SHUFFLE_SEED = 20261204
MIN_SEEDS = 40
SHAPES = ("list", "notes")


def strings_by_id(pairs: Sequence[dict[str, Any]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        found.setdefault(pair["a_id"], pair["a"])
        found.setdefault(pair["b_id"], pair["b"])
    return found


def gold_clusters(pairs: Sequence[dict[str, Any]], ids: Sequence[str]) -> dict[str, str]:
    """Each string id's cluster: label-1 pairs joined (union-find), named by its smallest id."""
    return smallest_roots(ids, ((pair["a_id"], pair["b_id"]) for pair in pairs if pair["label"] == 1))


def seed_layout(pairs: Sequence[dict[str, Any]]) -> list[list[str]]:
    """The string ids of each seed, in entry order: one cluster's strings in different seeds."""
    strings = strings_by_id(pairs)
    ids = sorted(strings)
    cluster = gold_clusters(pairs, ids)
    size = defaultdict(int)
    for string_id in ids:
        size[cluster[string_id]] += 1
    count = max(MIN_SEEDS, max(size.values()))
    rng = random.Random(SHUFFLE_SEED)
    rng.shuffle(ids)
    offsets = {name: rng.randrange(count) for name in sorted(size)}
    placed: dict[str, int] = defaultdict(int)
    seeds: list[list[str]] = [[] for _ in range(count)]
    for string_id in ids:
        name = cluster[string_id]
        seeds[(offsets[name] + placed[name]) % count].append(string_id)
        placed[name] += 1
    return [entries for entries in seeds if entries]


def _entry_text(raw: str) -> str:
    return re.sub(r"\s+", " ", raw).strip()


def seed_document(number: int, entries: Sequence[str], shape: str) -> tuple[str, str]:
    """(file name, text) of one invented seed citing `entries` in order."""
    title = f"Invented study {number}: sources on the history of the archives"
    if shape == "list":
        body = " ".join(f"Study {number} draws on source {n} for this point [{n}]." for n in range(1, len(entries) + 1))
        listed = "\n\n".join(f"[{n}] {_entry_text(raw)}" for n, raw in enumerate(entries, 1))
        return f"s{number:04d}.txt", f"{title}\n\n{body}\n\nBibliography\n\n{listed}\n"
    body = " ".join(f"Study {number} draws on source {n} for this point.{n}" for n in range(1, len(entries) + 1))
    rows = "\n".join(f"| {n}. | {_entry_text(raw).replace('|', '/')} " for n, raw in enumerate(entries, 1))
    return f"s{number:04d}.md", f"---\ntitle: \"{title}\"\n---\n\n# {title}\n\n{body}\n\n# Footnotes\n\n{rows}\n"


def write_seeds(pairs: Sequence[dict[str, Any]], folder: Path, shape: str) -> dict[str, tuple[str, str]]:
    """Write the seeds into folder; each string id -> (seed id, citation key)."""
    strings = strings_by_id(pairs)
    folder.mkdir(parents=True, exist_ok=True)
    where = {}
    for number, entry_ids in enumerate(seed_layout(pairs)):
        name, text = seed_document(number, [strings[string_id] for string_id in entry_ids], shape)
        (folder / name).write_text(text, encoding="utf-8")
        where.update((string_id, (Path(name).stem, str(n))) for n, string_id in enumerate(entry_ids, 1))
    return where


def run_stages(folder: Path) -> dict[str, Any]:
    """clean -> references -> bibliography on every seed of folder (the stages' own pure cores); the map.
    Also writes build/bibliography.json and build/bibliography-map.json under folder, to read."""
    settings = settings_from_args(None, None)
    cleans, references = {}, {}
    for path in sorted(folder.glob("s*.*")):
        cleans[path.stem] = clean_seed(str(path), path.stem, settings, {})
        references[path.stem] = build_references(cleans[path.stem])[0]
    bibliography = build_bibliography(references, cleans)
    build = folder / "build"
    build.mkdir(exist_ok=True)
    (build / "bibliography.json").write_text(json.dumps(bibliography.entries, indent=1, ensure_ascii=False),
                                             encoding="utf-8")
    (build / "bibliography-map.json").write_text(json.dumps(bibliography.mapping, indent=1, ensure_ascii=False),
                                                 encoding="utf-8")
    return bibliography.mapping


def pipeline_verdicts(pairs: Sequence[dict[str, Any]], folder: Path, shape: str) -> tuple[dict[str, set[str]], int]:
    """Each string id -> the bibliography ids its entry maps to, and how many strings were lost."""
    where = write_seeds(pairs, folder, shape)
    mapping = run_stages(folder)
    ids = {string_id: set(mapping.get(seed, {}).get(key, [])) for string_id, (seed, key) in where.items()}
    return ids, sum(not found for found in ids.values())
