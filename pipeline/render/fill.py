"""Fill the briefing's Jinja templates with the selected sections and the facts (build/briefing.md).

Writes pandoc Markdown with citations as [@id]: a front matter saying what the briefing is (its
"as of" date from build/facts.json, build, metadata, the two parts of its sources list), a "Bottom
line up front" of facts.json's judgments, the key facts (figures, timeline table and figure, terms
no section holds: templates/facts/), one part per section (templates/sections/<id>.md.j2, else
sections/_by_actor.md.j2 for a section grouped by actor, else sections/_generic.md.j2) with
numbered points and the codebook's terms that name it, the sources with their dates and what each
covers, and an appendix that prints each source paragraph the points and table rows draw on once
(pipeline/render/passages.py), and what changed since the previous build (changes.json, none on
a first build). The timeline figure is drawn here (pipeline/render/chart.py), as an SVG in a data:
URL, so the page stays one file. A point lists the sources it counts but does not cite ("and 37
more sources"); the tables are bounded by briefing.limits, their rows cite at most
selection.sources_per_point sources, and the sources tables list only the articles the briefing
cites. The main template is the briefing's (briefing.template: the full briefing.md.j2, the
one-page executive.md.j2, or the user's). Config keys read: briefing, sections (group_by),
selection.sources_per_point, as the Snakefile hands them for one briefing (pipeline/core/builds.py).
"""

from __future__ import annotations

import argparse
import base64
import sys
from datetime import datetime
from pathlib import Path

from pipeline.core.aside import Aside
from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import dumps, read_json, write_json, write_text
from pipeline.core.lazyfiles import LazyJsonFiles
from pipeline.render.actors import group_by_actor, sentence_keys
from pipeline.render.facts import briefing_facts, build_id, build_time
from pipeline.render.passages import all_items, build_appendix, number_points, section_items
from pipeline.render.sourcelists import other_source_lists
from pipeline.render.tables import (
    bluf_judgments,
    cited_sources,
    coverage_rows,
    figure_rows,
    label_rows,
    source_rows,
    term_rows,
    timeline_rows,
)
from pipeline.render.templating import make_environment, render_template

MAIN_TEMPLATE = "briefing.md.j2"
GENERIC_SECTION = "sections/_generic.md.j2"
BY_ACTOR_SECTION = "sections/_by_actor.md.j2"
TIMELINE_TABLE = "the timeline table"

__all__ = ["render_briefing", "seed_items", "main"]


def seed_items(documents: dict[str, dict], bibliography: list[dict], bib_map: dict) -> dict[str, dict]:
    """Each seed's own bibliography item (the analysed article), in seed order."""
    by_id = {item["id"]: item for item in bibliography}
    own = {seed: by_id.get(bib_map.get(seed, {}).get("@seed")) for seed in documents}
    return {seed: item for seed, item in own.items() if item}


def grouping(settings: dict) -> dict[str, str | None]:
    """Section id -> its group_by from the config (sections without the config's list group nothing)."""
    return {section["id"]: section.get("group_by") for section in settings.get("sections", [])}


def list_other_sources(sections: list[dict]) -> None:
    """Each point's `others`: the full labels of the sources it counts but does not cite, strongest
    first, as the sections stage wrote them (so that fill reads no seed for them)."""
    for section in sections:
        for point in ([section["lead"]] if section["lead"] else []) + section["points"]:
            point["others"] = [other["label"] for other in point.get("other_sources", [])]


def lay_out_sections(sections: list[dict], facts: dict, documents: dict, bib_map: dict,
                     settings: dict) -> dict[str, list[dict]]:
    """Each section's template, term rows and (grouped by actor) groups; returns term id -> its rows."""
    by_term, group_by, limits = {}, grouping(settings), settings["briefing"]["limits"]
    list_other_sources(sections)
    for section in sections:
        section["selected"] = list(section["points"])  # before grouping by actor adds other statements
        section["rows"] = []
        for term in (t for t in facts["terms"] if t["section"] == section["id"]):
            by_term[term["id"]] = term_rows(term, documents, bib_map, limits)
            section["rows"] += by_term[term["id"]]
        section["grouped"] = group_by.get(section["id"]) == "actor"
        fallback = BY_ACTOR_SECTION if section["grouped"] else GENERIC_SECTION
        section["template"] = [f"sections/{section['id']}.md.j2", fallback]
    for section in (s for s in sections if s["grouped"]):
        # what other sections print as points or quotations; their table rows quote only a few words
        elsewhere = {key for other in sections if other is not section
                     for item in ([other["lead"]] if other["lead"] else []) + other["points"] + other["quotes"]
                     for key in sentence_keys(item)}
        group_by_actor(section, facts["speakers"], elsewhere, documents, bib_map, limits["actors"])
    return by_term


def timeline_chart(rows: list[dict], drawer: Aside | None = None) -> dict | None:
    """The timeline figure as a data: URL with its alt text; none for fewer than two events. drawer:
    the second process chart_drawer started, if any."""
    if len(rows) < 2:
        return None
    from pipeline.render.chart import alt_text, timeline_svg  # matplotlib only where a timeline is drawn

    events = [{"label": row["number"], "date": row["iso"]} for row in rows]
    drawn = drawer.call(timeline_svg, events) if drawer else timeline_svg(events)
    svg = base64.b64encode(drawn.encode("utf-8")).decode("ascii")
    return {"url": f"data:image/svg+xml;base64,{svg}", "alt": alt_text(events, TIMELINE_TABLE)}


def chart_drawer(facts: dict) -> Aside | None:
    """A second process importing matplotlib, started when facts.json has a timeline to draw."""
    if len(facts.get("timeline", [])) < 2:
        return None
    from pipeline.render.chart import load_matplotlib

    return Aside(load_matplotlib)


def key_facts(sections: list[dict], facts: dict, coverage: dict, documents: dict, bib_map: dict, settings: dict,
              drawer: Aside | None = None) -> dict:
    """The tables outside the sections: figures, timeline (and its figure), terms no section holds."""
    known = {section["id"] for section in sections}
    limits, per_row = settings["briefing"]["limits"], settings["selection"]["sources_per_point"]
    loose = {term["id"]: term_rows(term, documents, bib_map, limits) for term in facts["terms"]
             if term["section"] not in known}
    timeline = timeline_rows(facts, documents, bib_map, limits, per_row)
    cited_seeds = {prov["seed"] for section in sections for item in section_items(section)
                   for prov in item["provenance"]}
    return {"figures": figure_rows(facts, documents, bib_map, limits, per_row, cited_seeds), "timeline": timeline,
            "chart": timeline_chart(timeline, drawer),
            "terms": label_rows([row for rows in loose.values() for row in rows], "C", "term"), "terms_by_id": loose,
            "sources": source_rows(facts, timeline, bib_map),
            "coverage": {"sections": [next(s["title"] for s in sections if s["id"] == ident)
                                      for ident in coverage["sections"] if ident in known],
                         "rows": coverage_rows(coverage, bib_map)}}


def keep_cited_sources(tables: dict, cited: set[str], coverage: dict, count: int) -> None:
    """The sources and coverage tables list only the articles the briefing cites, `count` at most."""
    totals = coverage["totals"]
    tables["sources"] = cited_sources(tables["sources"], cited, count, totals)
    tables["coverage"]["rows"] = cited_sources(tables["coverage"]["rows"], cited, count, totals)


def render_briefing(sections: list[dict], documents: dict, bibliography: list[dict], bib_map: dict,
                    settings: dict, folders: list[str], built: datetime, facts: dict, coverage: dict,
                    changes: dict | None = None, main_template: str = MAIN_TEMPLATE,
                    drawer: Aside | None = None, lists_apart: bool = False) -> tuple[str, dict]:
    """The pure core: section records, the facts, the coverage (coverage.json) and the changes in,
    pandoc Markdown out (drawer: chart_drawer's), with each point's list of further sources: in the
    Markdown, or, lists_apart, returned beside it (sourcelists.py)."""
    by_term = lay_out_sections(sections, facts, documents, bib_map, settings)
    tables = key_facts(sections, facts, coverage, documents, bib_map, settings, drawer)
    before = tables["figures"] + tables["timeline"] + tables["terms"]
    number_points(sections, before)
    articles = seed_items(documents, bibliography, bib_map)
    appendix = build_appendix(sections, documents, articles, before,
                              settings["briefing"]["limits"]["appendix_sources"])
    grouped = next((s["id"] for s in sections if s["grouped"]), None)
    bluf = bluf_judgments(facts, settings["briefing"]["bluf_points"], tables["figures"],
                          {**by_term, **tables["terms_by_id"]}, grouped)
    items = all_items(sections, before)
    cited = {ident for item in items + bluf for ident in item["cites"]}
    cited |= {ident for item in items for prov in item["provenance"] for ident in prov["marker_ids"]}
    keep_cited_sources(tables, cited, coverage, settings["briefing"]["limits"]["source_rows"])
    about = briefing_facts(sections, articles, bib_map, settings["briefing"], built, facts["as_of"], cited)
    environment = make_environment(folders)
    context = {"briefing": settings["briefing"], "sections": sections, "appendix": appendix, "facts": about,
               "bluf": bluf, "tables": tables, "changes": None if not changes or changes["first_build"] else changes,
               "others_apart": lists_apart}
    lists = other_source_lists(sections) if lists_apart else {}
    draft = render_template(environment, main_template, build_id="", **context)
    ident = build_id(draft + (dumps(lists) if lists else ""))  # the lists are the briefing's too
    return render_template(environment, main_template, build_id=ident, **context), lists


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline fill", description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="+", help="build/sections/<id>.json files, in briefing order")
    parser.add_argument("--bibliography", required=True, help="build/bibliography.json")
    parser.add_argument("--map", help="build/bibliography-map.json (default: beside the bibliography)")
    parser.add_argument("--clean", nargs="*", default=[], help="build/clean/*.json, for source passages")
    parser.add_argument("--facts", help="build/facts.json (default: beside the bibliography)")
    parser.add_argument("--coverage", help="the briefing's coverage.json, written by the sections stage"
                        " (default: beside the facts)")
    parser.add_argument("--changes", help="the briefing's changes.json (default: none, no changes section)")
    parser.add_argument("--template", required=True, help="the main template (templates/briefing.md.j2, "
                        "executive.md.j2 or the user's)")
    parser.add_argument("--templates", help="the shipped templates folder, which holds the section templates "
                        "(default: the main template's folder)")
    parser.add_argument("--output", required=True, help="where to write briefing.md")
    parser.add_argument("--source-lists", help="where to write each point's list of further sources (JSON, "
                        "for the html stage), so that briefing.md stays the same length whatever the corpus; "
                        "without it the lists are in briefing.md")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    settings = settings_from_args(args.config, args.settings)
    facts_path = args.facts or str(Path(args.bibliography).with_name("facts.json"))
    facts = read_json(facts_path)
    drawer = chart_drawer(facts)  # first, so that matplotlib loads while the rest is read and laid out
    map_path = args.map or str(Path(args.bibliography).with_name("bibliography-map.json"))
    # In seed-id order, whatever order the files came in: the appendix and nocite list follow it.
    # Read as looked up: of 10,000 cleaned seeds, the briefing prints passages of a few dozen.
    documents = LazyJsonFiles(args.clean)
    sections = [read_json(path) for path in args.sections]
    folders = [settings["briefing"]["templates"], args.templates or str(Path(args.template).parent)]
    if settings["briefing"]["templates"] and not Path(settings["briefing"]["templates"]).is_dir():
        raise PipelineError(settings["briefing"]["templates"], "template folder not found",
                            "fix briefing.templates in config.yaml")
    changes = read_json(args.changes) if args.changes else None
    coverage = read_json(args.coverage or str(Path(facts_path).with_name("coverage.json")))
    markdown, lists = render_briefing(sections, documents, read_json(args.bibliography), read_json(map_path),
                                      settings, folders, build_time(), facts, coverage, changes,
                                      Path(args.template).name, drawer, lists_apart=bool(args.source_lists))
    if args.source_lists:
        write_json(args.source_lists, lists)
    write_text(args.output, markdown)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
