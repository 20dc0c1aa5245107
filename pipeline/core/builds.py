"""Where a config's build lives, and what each of its briefings is handed.

One config is one build folder, build/<config id>/: the evidence every briefing of the config
shares (clean/, references/, corpus.json, the bibliography, logs/), and one folder per briefing,
build/<config id>/<briefing id>/ (sections/, facts.json, changes.json and .md, previous/,
briefing.md, .html and .pdf, logs/). Two configs never write into each other's folder, so a
second topic builds beside the first without making Snakemake plan to rebuild it.

A briefing entry (config `briefings:`) overrides the config's `briefing:` keys it gives (title,
subtitle, ...), names its main template, the sections it includes (all by default) and its
selection limits (points per section, ...), which override `selection:`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

BUILD_ROOT = "build"
# The evidence's own folders inside build/<config id>/: no briefing may be called so.
EVIDENCE_FOLDERS = ("clean", "references", "extract", "shards", "survey", "logs")
# What a briefing entry may set besides its id, template, sections and selection: the keys of
# `briefing:` it overrides for itself.
BRIEFING_OVERRIDES = ("title", "subtitle", "short_title", "bluf_points")


def safe_name(text: str, fallback: str = "briefing") -> str:
    """A folder name from any text: lower case, runs of other characters as one hyphen."""
    name = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].rstrip("-")
    return name or fallback


def config_id(config: dict, configfiles: list[str] | tuple[str, ...] = ()) -> str:
    """The config's `id`, else its (first) file's name without extension, made a safe folder name."""
    if config.get("id"):
        return config["id"]
    stem = os.path.splitext(os.path.basename(configfiles[0]))[0] if configfiles else "config"
    return safe_name(stem, "config")


@dataclass(frozen=True)
class BuildLayout:
    """The paths of one config's build, as Snakemake patterns ({seed}, {briefing} left as wildcards)."""

    config_id: str

    @property
    def root(self) -> str:
        return f"{BUILD_ROOT}/{self.config_id}"

    def evidence(self, name: str) -> str:
        """A file of the evidence the config's briefings share: evidence("clean/{seed}.json")."""
        return f"{self.root}/{name}"

    def briefing(self, name: str, briefing: str = "{briefing}") -> str:
        """A file of one briefing: briefing("facts.json") -> build/<config id>/{briefing}/facts.json."""
        return f"{self.root}/{briefing}/{name}"

    def section_files(self, briefing: str, settings: dict) -> list[str]:
        """The briefing's sections/<id>.json, in its order (the sections stage writes them)."""
        return [self.briefing(f"sections/{section['id']}.json", briefing) for section in settings["sections"]]


def included_sections(config: dict, entry: dict) -> list[dict]:
    """The config's sections a briefing includes, in the order the briefing lists them (all by default)."""
    if entry.get("sections") is None:
        return list(config["sections"])
    by_id = {section["id"]: section for section in config["sections"]}
    return [by_id[ident] for ident in entry["sections"]]


def briefing_problem(config: dict) -> str | None:
    """What the schema cannot say of `briefings:`: ids unique and not an evidence folder's, sections known."""
    seen: set[str] = set()
    known = [section["id"] for section in config["sections"]]
    for index, entry in enumerate(config["briefings"]):
        ident = entry["id"]
        if ident in EVIDENCE_FOLDERS:
            return f"briefings[{index}].id: expected a name other than {', '.join(EVIDENCE_FOLDERS)}, got {ident!r}"
        if ident in seen:
            return f"briefings[{index}].id: {ident!r} names two briefings"
        seen.add(ident)
        unknown = [name for name in entry.get("sections") or [] if name not in known]
        if unknown:
            return (f"briefings[{index}].sections: no section {unknown[0]!r} "
                    f"(the sections are {', '.join(known)})")
    return None


def briefing_settings(config: dict) -> dict[str, dict]:
    """Briefing id -> the config as that briefing's stages see it: `briefing` with the entry's
    overrides and its `template`, only the sections it includes, `selection` with its limits."""
    settings = {}
    for entry in config["briefings"]:
        briefing = {**config["briefing"], **{key: entry[key] for key in BRIEFING_OVERRIDES if key in entry}}
        settings[entry["id"]] = {
            **config,
            "briefing": {**briefing, "id": entry["id"], "template": entry["template"]},
            "sections": included_sections(config, entry),
            "selection": {**config["selection"], **entry.get("selection", {})},
        }
    return settings


def config_layout(config: dict, configfiles: list[str] | tuple[str, ...] = ()) -> BuildLayout:
    return BuildLayout(config_id(config, configfiles))
