"""Fill the briefing's Jinja templates with the selected sections (build/briefing.md).

Writes pandoc Markdown with citations as [@id]: a "Bottom line up front" summary, one part per
section (templates/sections/<id>.md.j2, else sections/_generic.md.j2), and an appendix that shows
every point's source sentence in its paragraph. Config keys read: briefing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import read_json, write_text
from pipeline.render.templating import make_environment

MAIN_TEMPLATE = "briefing.md.j2"
GENERIC_SECTION = "sections/_generic.md.j2"


def source_label(document: dict) -> str:
    """How the appendix names a seed: authors, the title in quotes, the publisher; else its file."""
    title = document.get("title")
    parts = [", ".join(document.get("authors") or []), f"“{title}”" if title else "", document.get("publisher")]
    return ", ".join(part for part in parts if part) or document["source_file"]


def passage(prov: dict, documents: dict[str, dict], cites: list[str]) -> dict:
    """The source sentence with the rest of its paragraph around it."""
    document = documents[prov["seed"]]
    paragraph = document["paragraphs"][prov["paragraph"]]
    sentences = [s["text"] for s in paragraph["sentences"]]
    index = prov["sentence"]
    return {"before": " ".join(sentences[:index]), "sentence": sentences[index],
            "after": " ".join(sentences[index + 1:]), "paragraph": prov["paragraph"],
            "source": source_label(document), "cites": cites}


def seed_cites(prov: dict, bib_map: dict) -> list[str]:
    seed_id = bib_map.get(prov["seed"], {}).get("@seed")
    return list(dict.fromkeys(([seed_id] if seed_id else []) + prov["marker_ids"]))


def anchor_items(section: dict, documents: dict, bib_map: dict) -> list[dict]:
    """Give the lead, every point and every quote an anchor, and return their evidence entries."""
    entries = []
    items = ([("Lead", section["lead"])] if section["lead"] else []) + \
        [(f"Point {n}", p) for n, p in enumerate(section["points"], 1)] + \
        [(f"Quotation {n}", q) for n, q in enumerate(section["quotes"], 1)]
    for number, (label, item) in enumerate(items, 1):
        item["anchor"] = f"ev-{section['id']}-{number}"
        entries.append({"anchor": item["anchor"], "label": f"{section['title']}: {label.lower()}",
                        "passages": [passage(p, documents, seed_cites(p, bib_map)) for p in item["provenance"]]})
    return entries


def bottom_line(sections: list[dict], count: int) -> list[dict]:
    """The top points across sections: each section's lead first, then its best points."""
    ranked = [s["lead"] for s in sections if s["lead"]]
    ranked += sorted((p for s in sections for p in s["points"]), key=lambda p: -p["score"])
    return ranked[:count]


def render_briefing(sections: list[dict], documents: dict, bib_map: dict, settings: dict,
                    folders: list[str]) -> str:
    """The pure core: section records in, pandoc Markdown out."""
    evidence = []
    for section in sections:
        section["template"] = [f"sections/{section['id']}.md.j2", GENERIC_SECTION]
        evidence += anchor_items(section, documents, bib_map)
    template = make_environment(folders).get_template(MAIN_TEMPLATE)
    return template.render(briefing=settings["briefing"], sections=sections, evidence=evidence,
                           bluf=bottom_line(sections, settings["briefing"]["bluf_points"]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline fill", description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="+", help="build/sections/<id>.json files, in briefing order")
    parser.add_argument("--bibliography", required=True, help="build/bibliography.json")
    parser.add_argument("--map", help="build/bibliography-map.json (default: beside the bibliography)")
    parser.add_argument("--clean", nargs="*", default=[], help="build/clean/*.json, for source passages")
    parser.add_argument("--template", required=True, help="the main template (templates/briefing.md.j2); its "
                        "folder holds the section templates")
    parser.add_argument("--output", required=True, help="where to write briefing.md")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    settings = settings_from_args(args.config, args.settings)
    map_path = args.map or str(Path(args.bibliography).with_name("bibliography-map.json"))
    documents = {d["seed"]: d for d in map(read_json, args.clean)}
    sections = [read_json(path) for path in args.sections]
    folders = [settings["briefing"]["templates"], str(Path(args.template).parent)]
    if settings["briefing"]["templates"] and not Path(settings["briefing"]["templates"]).is_dir():
        raise PipelineError(settings["briefing"]["templates"], "template folder not found",
                            "fix briefing.templates in config.yaml")
    write_text(args.output, render_briefing(sections, documents, read_json(map_path), settings, folders))
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
