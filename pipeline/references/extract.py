"""Parse a seed's bibliography (and sidecar .bib/.json/.ris files) into a CSL-JSON array.

Reads build/clean/<shard>/<seed>.json, writes build/references/<shard>/<seed>.json (one CSL item per work of each entry
in order, then the sidecar items) and, with --report, the stage's report: warnings, how each Ibid. was
resolved, entries that could not be parsed, notes split into several works, entries never cited and
markers with no entry.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Sequence
from functools import lru_cache

from pipeline.core.errors import PipelineError, run_cli, warn
from pipeline.core.jsonio import read_json, write_json
from pipeline.references.ibid import Resolution, classify_back_reference, is_parsed, resolve_by_position
from pipeline.references.notes import split_works
from pipeline.references.parse.reference import parse_reference
from pipeline.text.urls import date_from_url

# Fields an Ibid. entry keeps as its own rather than copying from the entry it points at.
_OWN_FIELDS = {"raw", "citation-number", "page", "locator"}


def build_references(clean: dict, sidecar_items: Sequence[dict] = ()) -> tuple[list[dict], dict]:
    """The CSL items for one cleaned seed and its report (warnings as plain messages, no file name).

    A note that cites several works gives one item per work, each with the note's citation-number."""
    report: dict = {
        "seed": clean.get("seed"),
        "warnings": [],
        "ibid": [],
        "unparsed": [],
        "uncited": [],
        "missing_entries": [],
        "split_notes": [],
    }
    if clean.get("status") == "skipped":
        return [], report
    entries = []
    for ref in clean.get("references", []):
        works = split_works(ref["raw"])
        if len(works) > 1:
            report["split_notes"].append({"number": int(ref["number"]), "works": len(works)})
        entries += [(int(ref["number"]), work, parse_reference(work)) for work in works]
    resolutions = resolve_by_position(entries)
    items = []
    for position, (number, raw, parsed) in enumerate(entries):
        if position in resolutions:
            items += _back_reference_items(number, raw, resolutions[position], entries)
            continue
        items.append({"raw": raw, "citation-number": number, **{k: v for k, v in parsed.items() if k != "raw"}})
        if not is_parsed(parsed):
            report["unparsed"].append(number)
            report["warnings"].append(f"entry [{number}] could not be parsed: {raw!r}")
    report["ibid"] = [_ibid_record(resolutions[position]) for position in sorted(resolutions)]
    report["warnings"] += [
        f"entry [{r.number}] ({raw_of(entries, r.number)!r}) is unresolved: {r.reason}"
        for r in resolutions.values()
        if r.resolved_to is None
    ]
    report["warnings"] += year_url_conflicts(items)
    numbers = list(dict.fromkeys(number for number, _raw, _item in entries))
    _check_citations(clean, numbers, report)
    return items + [dict(item) for item in sidecar_items], report


def raw_of(entries: list, number: int) -> str:
    return next(raw for entry_number, raw, _item in entries if entry_number == number)


def _back_reference_items(number: int, raw: str, resolution: Resolution, entries: list) -> list[dict]:
    """A copy of each work of the note it points at, with ibid-of, or an unresolved marker with the reason."""
    if resolution.resolved_to is None:
        targets = [None]
    else:
        targets = [parsed for n, work, parsed in entries
                   if n == resolution.resolved_to and classify_back_reference(work) is None]
    items = []
    for target in targets:
        if target is None:
            item = {"raw": raw, "citation-number": number, "type": "document", "unresolved": True,
                    "reason": resolution.reason}
        else:
            item = {
                "raw": raw,
                "citation-number": number,
                **{k: copy.deepcopy(v) for k, v in target.items() if k not in _OWN_FIELDS},
                "ibid-of": resolution.resolved_to,
            }
        if resolution.locator:
            item["page"] = resolution.locator
        items.append(item)
    return items


def _ibid_record(resolution: Resolution) -> dict:
    return {"number": resolution.number, "resolved_to": resolution.resolved_to, "reason": resolution.reason}


def year_url_conflicts(items: list[dict]) -> list[str]:
    """Entries whose year contradicts the date their URL spells out (a likely typo in the year)."""
    warnings = []
    for item in items:
        url_date = date_from_url(item.get("URL") or "")
        year = (item.get("issued", {}).get("date-parts") or [[None]])[0][0]
        if url_date and year and year != url_date[0] and "ibid-of" not in item:
            shown = "-".join(f"{part:02d}" for part in url_date)
            warnings.append(
                f"entry [{item['citation-number']}] says {year} but its URL is dated {shown}: {item['URL']}"
            )
    return warnings


def _check_citations(clean: dict, numbers: list[int], report: dict) -> None:
    cited = {
        marker
        for paragraph in clean.get("paragraphs", [])
        for sentence in paragraph.get("sentences", [])
        for marker in sentence.get("markers", [])
    }
    report["uncited"] = [number for number in numbers if number not in cited]
    report["missing_entries"] = sorted(cited - set(numbers))
    report["warnings"] += [f"entry [{n}] is never cited in the text" for n in report["uncited"]]
    report["warnings"] += [
        f"marker [{n}] in the text has no bibliography entry" for n in report["missing_entries"]
    ]


def _check_clean_shape(clean, path: str) -> None:
    if not isinstance(clean, dict) or "seed" not in clean:
        raise PipelineError(
            path, 'not a clean-stage file (no "seed")', "run the clean stage on the seed first"
        )
    for ref in clean.get("references", []):
        if not isinstance(ref, dict) or "number" not in ref or not isinstance(ref.get("raw"), str):
            raise PipelineError(
                path,
                f"malformed reference entry {ref!r}",
                'each reference needs an int "number" and a string "raw"; rebuild it',
            )


@lru_cache(maxsize=1)
def _parser() -> argparse.ArgumentParser:
    """Built once a process: a shard job parses one argument list a seed (an ArgumentParser keeps
    no state between parse_args calls), and building it cost about a millisecond."""
    parser = argparse.ArgumentParser(
        prog="python -m pipeline references", description=__doc__.splitlines()[0]
    )
    parser.add_argument("clean", help="build/clean/<shard>/<seed>.json")
    parser.add_argument("--sidecar", nargs="*", default=[], help="<seed>.bib, .json or .ris files")
    parser.add_argument("--output", required=True, help="build/references/<shard>/<seed>.json")
    parser.add_argument("--report", help="where to write the stage's report JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    clean = read_json(args.clean)
    _check_clean_shape(clean, args.clean)
    sidecar_items = _read_sidecars(args.sidecar) if clean.get("status") != "skipped" else []
    items, report = build_references(clean, sidecar_items)
    # named by the seed file the user edits, which is also the same whatever the build's sharding
    where = clean.get("source_file") or args.clean
    report["warnings"] = [warn(where, message) for message in report["warnings"]]
    write_json(args.output, items)
    if args.report:
        write_json(args.report, report)
    return 0


def _read_sidecars(paths: list[str]) -> list[dict]:
    if not paths:
        return []
    from pipeline.references.sidecars import read_sidecar  # pulls in bibtexparser/rispy only when needed

    return [item for path in paths for item in read_sidecar(path)]


if __name__ == "__main__":
    sys.exit(run_cli(main))
