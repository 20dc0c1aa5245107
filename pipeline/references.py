"""Parse one seed's bibliography into CSL-JSON (temporary minimal version)."""

from __future__ import annotations

import argparse
import re
import sys

from pipeline.errors import run_cli
from pipeline.jsonio import read_json, write_json

URL = re.compile(r"https?://\S+")
QUOTED = re.compile(r"[“\"](.+?)[”\"]")
YEAR = re.compile(r"\b(19|20)\d\d\b")


def parse_minimal(raw: str) -> dict:
    item: dict = {"type": "webpage", "raw": raw}
    if (url := URL.search(raw)):
        item["URL"] = url.group(0).rstrip(".,")
    if (title := QUOTED.search(raw)):
        item["title"] = title.group(1).strip(" .,")
    if (year := YEAR.search(raw)):
        item["issued"] = {"date-parts": [[int(year.group(0))]]}
    return item


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.references", description=__doc__)
    parser.add_argument("clean")
    parser.add_argument("--sidecar", nargs="*", default=[])
    parser.add_argument("--output", required=True)
    parser.add_argument("--report")
    args = parser.parse_args(argv)
    document = read_json(args.clean)
    items, last = [], None
    for entry in document["references"]:
        if entry["raw"].lower().startswith("ibid") and last:
            item = {**last, "raw": entry["raw"], "ibid-of": last["citation-number"]}
        else:
            item = last = {**parse_minimal(entry["raw"]), "citation-number": entry["number"]}
        items.append({**item, "citation-number": entry["number"]})
    write_json(args.output, items)
    if args.report:
        write_json(args.report, {"seed": document["seed"], "warnings": []})
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
