"""seeds/sources.yaml: per-seed metadata that plain text cannot carry (url, publisher, date, title).

Format: a mapping from a seed's file name (or its name without extension) to fields, e.g.

    004_14f959a14f205cfe.txt:
      url: https://example.org/article
      publisher: China Military Online
      date: 2024-11-25
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import yaml

from pipeline.core.errors import PipelineError
from pipeline.core.jsonio import read_text
from pipeline.core.yamlload import load_yaml, yaml_problem

ALLOWED = {"title", "subtitle", "authors", "affiliation", "publisher", "date", "url"}


def load_sources(path: str) -> dict:
    try:
        data = load_yaml(read_text(path, "create it or leave it out")) or {}
    except yaml.YAMLError as error:
        raise PipelineError(path, yaml_problem(error), "fix the file (plain YAML data)") from None
    if not isinstance(data, dict):
        raise PipelineError(path, "must map seed file names to their metadata", "see the README's sources.yaml example")
    for name, entry in data.items():
        unknown = set(entry or {}) - ALLOWED
        if unknown:
            raise PipelineError(path, f"entry '{name}' has unknown key '{min(unknown)}'",
                                f"use only {', '.join(sorted(ALLOWED))}")
    return data


def sources_entry(sources: dict, seed_path: str) -> dict:
    """The entry for one seed, by file name or by stem; dates as ISO strings."""
    path = Path(seed_path)
    entry = copy.deepcopy(dict(sources.get(path.name) or sources.get(path.stem) or {}))  # the mapping is shared
    if isinstance(entry.get("date"), (dt.date, dt.datetime)):
        entry["date"] = entry["date"].isoformat()[:10]
    return {key: value for key, value in entry.items() if value not in (None, "")}
