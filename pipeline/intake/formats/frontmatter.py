"""YAML front matter of a Markdown seed (title, author, date), read as data.

Only a block at the very start, between a "---" line and a "---" or "..." line, that parses as a
YAML mapping is front matter; anything else (a "---" pair later in the text, a block that is not a
mapping or not valid YAML, or one whose aliases expand without bound) is text.
"""

from __future__ import annotations

import re

import yaml

from pipeline.core.yamlload import load_yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict, str]:
    """(the front matter mapping, the text after it); ({}, text) when there is none."""
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return {}, text
    try:
        data = load_yaml(match["yaml"])
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return data, text.lstrip("\ufeff")[match.end():]
