"""Fill the briefing's Jinja templates with the selected sections (build/briefing.md).

Writes pandoc Markdown with citations as [@id]: a front matter saying what the briefing is (its
date, build, metadata, the two parts of its sources list), a "Bottom line up front" summary, one
part per section (templates/sections/<id>.md.j2, else sections/_generic.md.j2) with numbered
points, and an appendix that prints each source paragraph the points draw on once
(pipeline/render/passages.py). Config keys read: briefing.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import read_json, write_text
from pipeline.render.facts import briefing_facts, build_id, build_time
from pipeline.render.labels import source_label
from pipeline.render.passages import build_appendix, number_points
from pipeline.render.templating import make_environment, render_template

MAIN_TEMPLATE = "briefing.md.j2"
GENERIC_SECTION = "sections/_generic.md.j2"

__all__ = ["bottom_line", "render_briefing", "seed_items", "source_label", "main"]


def bottom_line(sections: list[dict], count: int) -> list[dict]:
    """The top points across sections: each section's lead first, then its best points."""
    ranked = [s["lead"] for s in sections if s["lead"]]
    ranked += sorted((p for s in sections for p in s["points"]), key=lambda p: -p["score"])
    return ranked[:count]


def seed_items(documents: dict[str, dict], bibliography: list[dict], bib_map: dict) -> dict[str, dict]:
    """Each seed's own bibliography item (the analysed article), in seed order."""
    by_id = {item["id"]: item for item in bibliography}
    own = {seed: by_id.get(bib_map.get(seed, {}).get("@seed")) for seed in documents}
    return {seed: item for seed, item in own.items() if item}


def render_briefing(sections: list[dict], documents: dict, bibliography: list[dict], bib_map: dict,
                    settings: dict, folders: list[str], built: datetime) -> str:
    """The pure core: section records in, pandoc Markdown out."""
    for section in sections:
        section["template"] = [f"sections/{section['id']}.md.j2", GENERIC_SECTION]
    number_points(sections)
    articles = seed_items(documents, bibliography, bib_map)
    appendix = build_appendix(sections, documents, articles)
    facts = briefing_facts(sections, articles, bib_map, settings["briefing"], built)
    environment = make_environment(folders)
    context = {"briefing": settings["briefing"], "sections": sections, "appendix": appendix, "facts": facts,
               "bluf": bottom_line(sections, settings["briefing"]["bluf_points"])}
    draft = render_template(environment, MAIN_TEMPLATE, build_id="", **context)
    return render_template(environment, MAIN_TEMPLATE, build_id=build_id(draft), **context)


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
    markdown = render_briefing(sections, documents, read_json(args.bibliography), read_json(map_path), settings,
                               folders, build_time())
    write_text(args.output, markdown)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
