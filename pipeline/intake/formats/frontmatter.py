"""YAML front matter of a Markdown seed (title, author, date), read as data."""

from __future__ import annotations

import yaml


def front_matter(text: str) -> dict:
    parts = text.split("\n---", 1)
    if not text.startswith("---") or len(parts) < 2:
        return {}
    try:
        data = yaml.safe_load(parts[0][3:])
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def front_matter_title(text: str) -> str | None:
    title = front_matter(text).get("title")
    return str(title) if title else None
