"""Merge the seeds' references into one bibliography (temporary minimal version)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pipeline.errors import run_cli
from pipeline.jsonio import read_json, write_json


def key_for(item: dict, taken: set[str]) -> str:
    who = (item.get("author") or [{}])[0].get("family") or item.get("publisher") or "anon"
    year = str(((item.get("issued") or {}).get("date-parts") or [[""]])[0][0])
    word = next((w for w in re.findall(r"[a-z]+", (item.get("title") or "").lower()) if len(w) > 3), "")
    base = re.sub(r"[^a-z0-9]", "", f"{who.lower()}{year}{word}") or "ref"
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}{n}"
    taken.add(key)
    return key


def seed_item(doc: dict) -> dict:
    item = {"type": "article-newspaper", "raw": doc["source_file"]}
    if doc.get("title"):
        item["title"] = doc["title"]
    if doc.get("authors"):
        item["author"] = [{"family": a.split()[-1], "given": " ".join(a.split()[:-1])} for a in doc["authors"]]
    if doc.get("publisher"):
        item["container-title"] = doc["publisher"]
    if doc.get("url"):
        item["URL"] = doc["url"]
    return item


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bibliography", description=__doc__)
    parser.add_argument("refs", nargs="*")
    parser.add_argument("--clean", nargs="*", default=[])
    parser.add_argument("--corpus")
    parser.add_argument("--output", required=True)
    parser.add_argument("--map", required=True)
    parser.add_argument("--report")
    parser.add_argument("--report-md")
    args = parser.parse_args(argv)
    taken: set[str] = set()
    by_url: dict[str, dict] = {}
    items, mapping = [], {}
    for path in args.clean:
        doc = read_json(path)
        if doc["status"] == "ok":
            item = seed_item(doc)
            item["id"] = key_for(item, taken)
            items.append(item)
            mapping.setdefault(doc["seed"], {})["@seed"] = item["id"]
    for path in args.refs:
        seed = Path(path).stem
        for ref in read_json(path):
            url = (ref.get("URL") or "").lower().rstrip("/")
            if url and url in by_url:
                target = by_url[url]
            else:
                target = {k: v for k, v in ref.items() if k not in ("citation-number", "ibid-of")}
                target["id"] = key_for(target, taken)
                items.append(target)
                if url:
                    by_url[url] = target
            mapping.setdefault(seed, {})[str(ref["citation-number"])] = target["id"]
    write_json(args.output, sorted(items, key=lambda i: i["id"]))
    write_json(args.map, mapping)
    if args.report:
        write_json(args.report, {"merges": []})
    if args.report_md:
        Path(args.report_md).write_text("# Bibliography report\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
