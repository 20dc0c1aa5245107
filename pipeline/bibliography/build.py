"""Merge the seeds' reference lists and the seed articles into one de-duplicated bibliography.

usage: python -m pipeline bibliography REFS.json... [--clean CLEAN.json...] [--corpus CORPUS.json]
                                       --output BIB.json --map MAP.json
                                       [--report REPORT.json] [--report-md REPORT.md]

Reads `build/references/<seed>.json` (CSL-JSON arrays; the seed id is the file stem), the seed
articles' `build/clean/<seed>.json` and the optional `build/corpus.json` (near-duplicate seeds).
Writes `bibliography.json` (CSL-JSON, one entry per work, unique readable ids, sorted by id, each
with `originals`), `bibliography-map.json` ({seed: {citation number or sidecar key: [id, ...],
"@seed": id}}) and a report of every merge and its reason, every Ibid., unparsed strings and warnings.

- A note that cites several works gives several items with one citation-number: its key maps to the
  ids of every work, in the note's order, so a sentence's marker cites them all.
- An `Ibid.` item (`ibid-of: n`) maps to the ids of entry n of its seed; it is not a separate work.
- An `unresolved: true` item is kept out of the bibliography and the map, and reported.
- A seed's own article is an entry too; a near-duplicate seed maps to the entry of the seed kept.
- An entry with neither title nor URL ("unparsed") shows its original reference string as title.
The same inputs always give byte-identical outputs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.bibliography.citekeys import assign_citation_keys
from pipeline.bibliography.dedup import find_duplicates
from pipeline.bibliography.merge import merge_items
from pipeline.bibliography.seedsource import seed_item
from pipeline.core.errors import PipelineError, run_cli, warn
from pipeline.core.jsonio import read_json, write_json, write_text
from pipeline.references.parse.reference import strip_list_marker
from pipeline.text.cslfields import text_field
from pipeline.text.urls import date_from_url

SEED_KEY = "@seed"


@dataclass(frozen=True)
class Citation:
    """One entry of one seed's reference list (or the seed article itself, key "@seed")."""

    seed: str
    key: str
    item: dict[str, Any]

    @property
    def raw(self) -> str:
        return text_field(self.item, "raw") if self.key != SEED_KEY else text_field(self.item, "title")


@dataclass
class Collected:
    """What the inputs hold, sorted into the kinds of entry the stage treats differently."""

    citations: list[Citation] = field(default_factory=list)
    ibids: list[dict[str, Any]] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    duplicate_seeds: dict[str, str] = field(default_factory=dict)
    skipped_seeds: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# A seed's map: each citation key to the ids of the works it cites, and "@seed" to the seed article's id.
SeedMap = dict[str, Any]


@dataclass
class Bibliography:
    entries: list[dict[str, Any]]
    mapping: dict[str, SeedMap]
    report: dict[str, Any]


def citation_key(item: dict[str, Any]) -> str | None:
    """The key a seed's text uses for an entry: its `[n]` number, or a sidecar's citation key."""
    number = item.get("citation-number")
    if isinstance(number, int) and not isinstance(number, bool):
        return str(number)
    if isinstance(number, str) and number.strip().isdigit():
        return str(int(number))
    key = item.get("citation-key")
    return key.strip() if isinstance(key, str) and key.strip() else None


def _collect_references(seed: str, items: Any, found: Collected) -> None:
    where = f"references/{seed}.json"
    if not isinstance(items, list):
        found.warnings.append(f"{where}: not a CSL-JSON array; its references are left out")
        return
    seen: set[str] = set()
    previous_number = None
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            found.warnings.append(f"{where}: item {position} is not an object; left out")
            continue
        key = citation_key(item)
        if key is None:
            key = f"#{position}"
            found.warnings.append(f"{where}: item {position} has no citation-number or citation-key; "
                                  f"mapped as {key!r}")
        # The works of one note follow each other under its number; a key met again later is a clash.
        same_note = key.isdigit() and key == previous_number
        if key in seen and not same_note:
            found.warnings.append(f"{where}: key {key!r} appears twice; the later one is mapped as {key}#{position}")
            key = f"{key}#{position}"
        seen.add(key)
        previous_number = key if key.isdigit() else None
        if item.get("unresolved"):
            found.unresolved.append({"seed": seed, "key": key, "raw": text_field(item, "raw"),
                                     "reason": "the references stage could not tell which entry it repeats"})
        elif item.get("ibid-of") is not None:
            found.ibids.append({"seed": seed, "key": key, "ibid_of": str(item["ibid-of"]),
                                "raw": text_field(item, "raw")})
        else:
            found.citations.append(Citation(seed, key, item))


def _collect_seed(seed: str, clean: Any, found: Collected) -> None:
    if not isinstance(clean, dict):
        found.warnings.append(f"clean/{seed}.json: not a JSON object; the seed article is left out")
    elif clean.get("status", "ok") != "ok":
        found.skipped_seeds.append({"seed": seed, "error": clean.get("error")})
    elif seed in found.duplicate_seeds:
        return  # counted once, as the seed it duplicates
    else:
        found.citations.append(Citation(seed, SEED_KEY, seed_item(clean)))


def _kept_seeds(corpus: dict[str, Any] | None, cleans: dict[str, Any], found: Collected) -> dict[str, str]:
    """Near-duplicate seed -> the seed kept for it, following chains; pairs naming a missing seed are dropped."""
    duplicates = (corpus or {}).get("duplicates") or {}
    resolved = {}
    for duplicate, kept in sorted(duplicates.items()):
        seen = {duplicate}
        while kept in duplicates and kept not in seen:
            seen.add(kept)
            kept = duplicates[kept]
        usable = isinstance(cleans.get(kept), dict) and cleans[kept].get("status", "ok") == "ok"
        if kept in seen or not usable:
            found.warnings.append(f"corpus.json: {duplicate} is marked a duplicate of {kept}, which is not "
                                  "a usable seed; it is kept as a seed of its own")
            continue
        resolved[duplicate] = kept
    return resolved


def collect(references: dict[str, Any], cleans: dict[str, Any], corpus: dict[str, Any] | None) -> Collected:
    """Sort every input entry, seed by seed (sorted): the seed article first, then its reference list."""
    found = Collected()
    found.duplicate_seeds = _kept_seeds(corpus, cleans, found)
    for seed in sorted(set(references) | set(cleans)):
        if seed in cleans:
            _collect_seed(seed, cleans[seed], found)
        if seed in references:
            _collect_references(seed, references[seed], found)
    return found


def _original(citation: Citation) -> dict[str, str]:
    return {"seed": citation.seed, "key": citation.key, "raw": citation.raw}


def _canonical_order(entry: dict[str, Any]) -> dict[str, Any]:
    """`id` and `type` first, CSL fields alphabetically, `originals` last: stable, diffable output."""
    fields = sorted(name for name in entry if name not in ("id", "type", "originals"))
    ordered = {"id": entry["id"]}
    if "type" in entry:
        ordered["type"] = entry["type"]
    ordered.update((name, entry[name]) for name in fields)
    ordered["originals"] = entry["originals"]
    return ordered


def _complete_entry(entry: dict[str, Any], members: list[Citation]) -> dict[str, Any] | None:
    """Fill what an entry lacks from what it has; return an 'unparsed' record when it has no title or URL."""
    entry.setdefault("type", "webpage" if "URL" in entry else "document")
    if "issued" not in entry and "URL" in entry:
        parts = date_from_url(entry["URL"])
        if parts:
            entry["issued"] = {"date-parts": [parts]}
    if "title" in entry or "URL" in entry or members[0].key == SEED_KEY:
        return None
    raw = strip_list_marker(members[0].raw).strip()
    if raw:
        entry["title"] = raw  # what the seed printed, so the reader still sees the source
    return {"seed": members[0].seed, "key": members[0].key, "raw": members[0].raw}


def _resolve_ibids(found: Collected, mapping: dict[str, SeedMap]) -> tuple[list, list]:
    resolved, unresolved = [], list(found.unresolved)
    pending = {(ibid["seed"], ibid["key"]): ibid for ibid in found.ibids}
    for (seed, key), ibid in sorted(pending.items()):
        target, hops = ibid["ibid_of"], 0
        while (seed, target) in pending and target not in mapping.get(seed, {}) and hops < len(pending):
            target, hops = pending[(seed, target)]["ibid_of"], hops + 1  # an Ibid. of an Ibid.
        entry_ids = mapping.get(seed, {}).get(target)
        if not entry_ids:
            unresolved.append({"seed": seed, "key": key, "raw": ibid["raw"],
                               "reason": f"points at entry {ibid['ibid_of']}, which is not in the list"})
            continue
        mapping[seed][key] = list(dict.fromkeys(mapping[seed].get(key, []) + entry_ids))
        resolved.append({"seed": seed, "key": key, "ibid_of": ibid["ibid_of"], "ids": entry_ids})
    return resolved, sorted(unresolved, key=lambda record: (record["seed"], _key_order(record["key"])))


def _key_order(key: str) -> tuple[int, int, str]:
    """"@seed" first, then numbers in numeric order, then sidecar keys alphabetically."""
    if key == SEED_KEY:
        return (0, 0, "")
    return (1, int(key), "") if key.isdigit() else (2, 0, key)


def _sorted_mapping(mapping: dict[str, SeedMap]) -> dict[str, SeedMap]:
    return {seed: dict(sorted(keys.items(), key=lambda pair: _key_order(pair[0])))
            for seed, keys in sorted(mapping.items())}


def _add_duplicate_seeds(found: Collected, entries_by_id: dict[str, dict[str, Any]],
                         mapping: dict[str, SeedMap], cleans: dict[str, Any]) -> list[dict[str, str]]:
    """Point each near-duplicate seed at the entry of the seed kept for it, and record it there."""
    records = []
    for duplicate, kept in sorted(found.duplicate_seeds.items()):
        entry_id = mapping.get(kept, {}).get(SEED_KEY)
        if entry_id is None:
            continue
        mapping.setdefault(duplicate, {})[SEED_KEY] = entry_id
        title = (cleans.get(duplicate) or {}).get("title") or ""
        entries_by_id[entry_id]["originals"].append({"seed": duplicate, "key": SEED_KEY, "raw": title})
        records.append({"seed": duplicate, "kept": kept, "id": entry_id})
    return records


def _merge_records(clusters: list, citations: list[Citation], ids: list[str]) -> list[dict[str, Any]]:
    records = []
    for cluster, entry_id in zip(clusters, ids, strict=True):
        for merge in cluster.merges:
            kept, merged = citations[merge.kept], citations[merge.merged]
            records.append({"id": entry_id, "kept": {"seed": kept.seed, "key": kept.key},
                            "merged": {"seed": merged.seed, "key": merged.key}, "reason": merge.reason})
    return sorted(records, key=lambda record: record["id"])


def unused_references(reference_reports: dict[str, Any]) -> list[dict[str, Any]]:
    """Entries of a seed's bibliography that no sentence of it cites, from the references reports."""
    return [{"seed": seed, "number": number} for seed, report in sorted(reference_reports.items())
            for number in report.get("uncited", [])]


def reference_warnings(reference_reports: dict[str, Any]) -> list[str]:
    return [warning for _, report in sorted(reference_reports.items()) for warning in report.get("warnings", [])]


def build_bibliography(references: dict[str, Any], cleans: dict[str, Any],
                       corpus: dict[str, Any] | None = None,
                       reference_reports: dict[str, Any] | None = None) -> Bibliography:
    """The pure core: reference lists and clean files by seed id in, bibliography, map and report out."""
    found = collect(references, cleans, corpus)
    citations = found.citations
    clusters = find_duplicates([citation.item for citation in citations])
    entries, unparsed = [], []
    for cluster in clusters:
        members = [citations[index] for index in cluster.members]
        entry = merge_items([member.item for member in members], [_original(member) for member in members],
                            [member.key == SEED_KEY for member in members])
        record = _complete_entry(entry, members)
        if record:
            unparsed.append((record, entry))
        entries.append(entry)
    ids = assign_citation_keys(entries)
    id_of: dict[int, str] = {}
    for cluster, entry, entry_id in zip(clusters, entries, ids, strict=True):
        entry["id"] = entry_id
        id_of.update((index, entry_id) for index in cluster.members)
    mapping = _citation_map(citations, id_of)
    for record, entry in unparsed:
        record["id"] = entry["id"]
    unparsed = [record for record, _entry in unparsed]
    entries_by_id = {entry["id"]: entry for entry in entries}
    duplicates = _add_duplicate_seeds(found, entries_by_id, mapping, cleans)
    resolved, unresolved = _resolve_ibids(found, mapping)
    report = {
        "counts": {"seeds": len(set(references) | set(cleans)), "citations": len(citations),
                   "entries": len(entries), "merges": sum(len(cluster.merges) for cluster in clusters),
                   "ibid_resolved": len(resolved), "ibid_unresolved": len(unresolved)},
        "merges": _merge_records(clusters, citations, ids),
        "duplicate_seeds": duplicates,
        "ibid": {"resolved": resolved, "unresolved": unresolved},
        "unparsed": sorted(unparsed, key=lambda record: (record["seed"], _key_order(record["key"]))),
        "skipped_seeds": found.skipped_seeds,
        "unused_references": unused_references(reference_reports or {}),
        "warnings": found.warnings + reference_warnings(reference_reports or {}),
    }
    ordered = [_canonical_order(entries_by_id[entry_id]) for entry_id in sorted(entries_by_id)]
    return Bibliography(ordered, _sorted_mapping(mapping), report)


def _citation_map(citations: list[Citation], id_of: dict[int, str]) -> dict[str, SeedMap]:
    """Seed -> key -> the ids its citations point at, in the order the seed lists them (a note's works)."""
    mapping: dict[str, SeedMap] = {}
    for index, citation in enumerate(citations):
        seed_map = mapping.setdefault(citation.seed, {})
        if citation.key == SEED_KEY:
            seed_map[SEED_KEY] = id_of[index]
        elif id_of[index] not in seed_map.setdefault(citation.key, []):
            seed_map[citation.key].append(id_of[index])
    return mapping


_MARKUP_ESCAPES = str.maketrans({mark: "\\" + mark for mark in "\\`*_[]<>#|"})  # a backslash before each


def _md(text: Any) -> str:
    """Text safe inside a Markdown list item: one line, markup characters escaped.

    Narrower than the templates' `md` filter, which escapes every punctuation mark: the report is
    read as a raw file as often as rendered, and ids, paths and URLs stay legible this way.
    """
    return " ".join(str(text).split()).translate(_MARKUP_ESCAPES)


def _cited(where: dict[str, str]) -> str:
    return f"{where['seed']} [{where['key']}]"


def report_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown a person can read after a build."""
    counts = report["counts"]
    summary = (f"{counts['citations']} citations from {counts['seeds']} seeds became {counts['entries']} "
               f"entries ({counts['merges']} merges).")
    lines = ["# Bibliography report", "", summary, ""]
    sections = [
        ("Merges", [f"`{record['id']}`: {_md(_cited(record['merged']))} into {_md(_cited(record['kept']))}"
                    f" — {_md(record['reason'])}" for record in report["merges"]]),
        ("Near-duplicate seeds", [f"{_md(record['seed'])} counted as {_md(record['kept'])} (`{record['id']}`)"
                                  for record in report["duplicate_seeds"]]),
        ("Ibid. resolved", [f"{_md(_cited(record))} repeats [{_md(record['ibid_of'])}] → "
                            + ", ".join(f"`{entry_id}`" for entry_id in record["ids"])
                            for record in report["ibid"]["resolved"]]),
        ("Ibid. unresolved (left out)", [f"{_md(_cited(record))}: {_md(record['reason'])} — {_md(record['raw'])}"
                                         for record in report["ibid"]["unresolved"]]),
        ("Unparsed strings (shown as written)", [f"{_md(_cited(record))} `{record['id']}`: {_md(record['raw'])}"
                                                 for record in report["unparsed"]]),
        ("Skipped seeds", [f"{_md(record['seed'])}: {_md(record['error'] or 'skipped')}"
                           for record in report["skipped_seeds"]]),
        ("References never cited in their seed's text", [f"{_md(r['seed'])} [{r['number']}]"
                                                          for r in report["unused_references"]]),
        ("Warnings", [_md(warning) for warning in report["warnings"]]),
    ]
    for title, items in sections:
        lines += [f"## {title}", ""] + ([f"- {item}" for item in items] or ["None."]) + [""]
    return "\n".join(lines)


def _seed_id(path: str) -> str:
    return Path(path).stem


def _read_by_seed(paths: Sequence[str]) -> dict[str, Any]:
    by_seed: dict[str, Any] = {}
    for path in paths:
        seed = _seed_id(path)
        if seed in by_seed:
            raise PipelineError(path, f"a second file for seed {seed}", "pass each seed's file once")
        by_seed[seed] = read_json(path)
    return by_seed


def _check_shapes(references: dict[str, Any], paths: Sequence[str]) -> None:
    for path in paths:
        if not isinstance(references[_seed_id(path)], list):
            raise PipelineError(path, "not a CSL-JSON array", "rebuild it with python -m pipeline references")


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m pipeline bibliography", description=__doc__.splitlines()[0])
    parser.add_argument("references", nargs="*", metavar="REFS.json", help="build/references/<seed>.json files")
    parser.add_argument("--clean", nargs="*", default=[], metavar="CLEAN.json", help="build/clean/<seed>.json files")
    parser.add_argument("--corpus", metavar="CORPUS.json", help="build/corpus.json (near-duplicate seeds)")
    parser.add_argument("--output", required=True, metavar="BIB.json", help="merged CSL-JSON bibliography")
    parser.add_argument("--map", required=True, metavar="MAP.json", help="seed citation -> entry id map")
    parser.add_argument("--reference-reports", nargs="*", default=[], metavar="REPORT.json",
                        help="build/references/<seed>.report.json files, whose warnings join the report")
    parser.add_argument("--report", metavar="REPORT.json", help="merges, Ibid., unparsed strings, warnings")
    parser.add_argument("--report-md", metavar="REPORT.md", help="the report as Markdown")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    references = _read_by_seed(args.references)
    _check_shapes(references, args.references)
    cleans = _read_by_seed(args.clean)
    corpus = read_json(args.corpus) if args.corpus else None
    if corpus is not None and not isinstance(corpus, dict):
        raise PipelineError(args.corpus, "not a JSON object", "rebuild it with python -m pipeline corpus")
    reference_reports = {Path(path).name.removesuffix(".report.json"): read_json(path)
                         for path in args.reference_reports}
    result = build_bibliography(references, cleans, corpus, reference_reports)
    for warning in result.report["warnings"]:
        where, _, message = warning.partition(": ")
        warn(where, message)
    write_json(args.output, result.entries)
    write_json(args.map, result.mapping)
    if args.report:
        write_json(args.report, result.report)
    if args.report_md:
        write_text(args.report_md, report_markdown(result.report))
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
