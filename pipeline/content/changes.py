"""What changed since the previous build: a briefing's sources, points, quotes and figures compared.

Writes build/<config id>/<briefing>/changes.json (schema changes.schema.json) and changes.md, from
the briefing's sections and facts.json and its folder previous/, which this stage keeps:

- previous/latest.json: what the latest build showed (a snapshot: sources, points, quotes, figures);
- previous/base.json:   what it was compared with, the build before it that showed something else.

A build whose snapshot equals latest.json compares with base.json again, so a rerun with the same
evidence (a code change, a repeated build) writes the same changes and moves nothing; one whose
snapshot differs makes latest.json its base. The first build compares with nothing
("first_build": true) and the briefing shows no section. Same inputs and same previous/ give the
same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import string
import sys
from pathlib import Path

from pipeline.core.errors import run_cli
from pipeline.core.jsonio import dumps, read_json, write_json, write_text

KINDS = ("sources", "points", "quotes", "figures")
PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def figure_values(group: dict, texts: dict[str, str]) -> list[str]:
    """A figure group's values as the sources state them, each with its date ("10,000 (2024-10-31)")."""
    values = []
    for value in group["values"]:
        text = next((texts[f] for f in value["figures"] if f in texts), str(value["base_value"]))
        values.append(f"{text} ({value['dates'][0]})" if value.get("dates") else text)
    return values


def figure_entries(facts: dict) -> list[dict]:
    """The figures a reader tracks: each group compared across sources, then each counted figure one
    source gives, keyed by what it measures (not by its value, so that a new value is a change)."""
    texts = {figure["id"]: figure["text"] for figure in facts.get("figures", [])}
    grouped = {f for group in facts.get("figure_groups", []) for value in group["values"] for f in value["figures"]}
    entries = {}
    for group in facts.get("figure_groups", []):
        key = f"{group['dimension']}|{group['label']}"
        entries[key] = {"key": key, "label": group["label"], "values": figure_values(group, texts)}
    for figure in facts.get("figures", []):
        if figure["id"] in grouped or not figure.get("head"):
            continue
        key = f"{figure['dimension']}|{figure['head']}|{figure.get('qualifier') or ''}"
        text = f"{figure['text']} ({figure['date']})" if figure.get("date") else figure["text"]
        entry = entries.setdefault(key, {"key": key, "label": figure.get("counted") or figure["head"], "values": []})
        entry["values"] = sorted(set(entry["values"]) | {text})
    return [entries[key] for key in sorted(entries)]


def snapshot(sections: list[dict], facts: dict) -> dict:
    """What a build shows that a reader compares: its sources, points (leads included), quotes, figures."""
    points, quotes = [], []
    for section in sections:
        for point in ([section["lead"]] if section.get("lead") else []) + section["points"]:
            points.append({"section": section["title"], "text": point["text"]})
        for quote in section.get("quotes", []):
            quotes.append({"section": section["title"], "speaker": quote.get("speaker") or "", "text": quote["text"]})
    sources = sorted(({"seed": s["seed"], "title": s.get("title") or s["seed"]} for s in facts.get("sources", [])),
                     key=lambda source: source["seed"])
    return {"sources": sources, "points": points, "quotes": quotes, "figures": figure_entries(facts)}


def snapshot_id(state: dict) -> str:
    return hashlib.sha256(dumps(state).encode("utf-8")).hexdigest()[:12]


def identity(kind: str, item: dict) -> str:
    """What makes two items of a kind the same: a source's seed, a figure's key, a point's words."""
    if kind == "sources":
        return item["seed"]
    if kind == "figures":
        return item["key"]
    return json.dumps([item["section"], " ".join(item["text"].lower().split())], ensure_ascii=False)


def compare(base: dict | None, current: dict) -> dict:
    """changes.json: what is new, dropped (and, for figures, changed) in current against base."""
    empty = {kind: {"new": [], "dropped": []} for kind in KINDS}
    empty["figures"]["changed"] = []
    if base is None:
        return {"first_build": True, "previous": None, **empty}
    result = {"first_build": False, "previous": snapshot_id(base), **empty}
    for kind in KINDS:
        before = {identity(kind, item): item for item in base[kind]}
        after = {identity(kind, item): item for item in current[kind]}
        result[kind]["new"] = [item for key, item in after.items() if key not in before]
        result[kind]["dropped"] = [item for key, item in before.items() if key not in after]
    for key, item in ((identity("figures", i), i) for i in current["figures"]):
        old = next((i for i in base["figures"] if identity("figures", i) == key), None)
        if old and old["values"] != item["values"]:
            result["figures"]["changed"].append({"label": item["label"], "before": old["values"],
                                                 "after": item["values"]})
    return result


def next_base(latest: dict | None, base: dict | None, current: dict) -> dict | None:
    """What this build compares with: the last one's base when nothing changed, else the last build."""
    if latest is None or latest == current:
        return base if latest is not None else None
    return latest


def escape(text: str) -> str:
    """Source text as literal Markdown (the render stage's md filter does the same)."""
    return PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def item_line(kind: str, item: dict) -> str:
    if kind == "sources":
        return f"- {escape(item['title'])}"
    if kind == "quotes":
        return f"- {escape(item['section'])}: “{escape(item['text'])}” — {escape(item['speaker'])}"
    if kind == "figures":
        return f"- {escape(item['label'])}: {escape('; '.join(item['values']))}"
    return f"- {escape(item['section'])}: {escape(item['text'])}"


def changes_markdown(changes: dict) -> str:
    """changes.md: the changes as a short Markdown page (for a reader, a CI summary or a diff)."""
    if changes["first_build"]:
        return "# What changed\n\nFirst build: there is no earlier build to compare with.\n"
    lines = ["# What changed", "", f"Since the previous build (snapshot `{changes['previous']}`)."]
    for kind in KINDS:
        for change in ("new", "dropped"):
            items = changes[kind][change]
            if items:
                lines += ["", f"## {change.capitalize()} {kind} ({len(items)})", "",
                          *(item_line(kind, item) for item in items)]
    changed = changes["figures"]["changed"]
    if changed:
        lines += ["", f"## Changed figures ({len(changed)})", ""]
        lines += [f"- {escape(c['label'])}: {escape('; '.join(c['before']))} → {escape('; '.join(c['after']))}"
                  for c in changed]
    if not any(changes[kind][change] for kind in KINDS for change in changes[kind]):
        lines += ["", "The sources, points, quotes and figures are those of the previous build."]
    return "\n".join(lines) + "\n"


def read_state(path: Path) -> dict | None:
    return read_json(path) if path.is_file() else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline changes", description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="*", help="the briefing's sections/<id>.json, in its order")
    parser.add_argument("--facts", required=True, help="the briefing's facts.json")
    parser.add_argument("--previous", required=True, help="the briefing's previous/ folder (kept by this stage)")
    parser.add_argument("--output", required=True, help="where to write changes.json")
    parser.add_argument("--markdown", required=True, help="where to write changes.md")
    args = parser.parse_args(argv)
    current = snapshot([read_json(path) for path in args.sections], read_json(args.facts))
    previous = Path(args.previous)
    latest, base = read_state(previous / "latest.json"), read_state(previous / "base.json")
    base = next_base(latest, base, current)
    changes = compare(base, current)
    write_json(args.output, changes)
    write_text(args.markdown, changes_markdown(changes))
    # base before latest: a build stopped between the two writes compares with the same base on its rerun
    if base is not None:
        write_json(previous / "base.json", base)
    write_json(previous / "latest.json", current)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
