"""Page debris: which lines of a page are not the article, and why.

The patterns are data (pipeline/data/debris.yaml, extended by cleaning.extra_debris in
config.yaml); this module only applies them and keeps the audit of what it dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

TERMINAL = ".!?\u201d\u2019\"')"
BULLET_ONLY = re.compile(r"^[\s•·▪►*\-–—|]*$")


@dataclass(frozen=True)
class DebrisRule:
    pattern: re.Pattern
    reason: str
    starts_list: bool = False


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the normalized text
    text: str


@lru_cache(maxsize=1)
def shipped_patterns() -> tuple[dict, ...]:
    data = resources.files("pipeline.data").joinpath("debris.yaml").read_text("utf-8")
    return tuple(yaml.safe_load(data))


def compile_rules(extra: list[dict] | None = None) -> list[DebrisRule]:
    rules = []
    for entry in [*shipped_patterns(), *(extra or [])]:
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        rules.append(DebrisRule(re.compile(entry["pattern"], flags), entry["reason"],
                                bool(entry.get("starts_list"))))
    return rules


def match_rule(text: str, rules: list[DebrisRule]) -> DebrisRule | None:
    stripped = text.strip()
    for rule in rules:
        if rule.pattern.fullmatch(stripped):
            return rule
    return None


def is_link_like(text: str) -> bool:
    """A short line that does not end a sentence: the shape of an entry in a list of links."""
    words = text.split()
    return bool(words) and (len(words) <= 14 and not text.rstrip().endswith(tuple(".!?:;"))
                            or BULLET_ONLY.match(text) is not None)


def drop_debris(lines: list[Line], rules: list[DebrisRule]) -> tuple[list[Line], list[dict]]:
    """Lines kept, and {line, text, reason} for each line dropped."""
    kept: list[Line] = []
    dropped: list[dict] = []
    in_list: str | None = None
    for line in lines:
        if not line.text.strip():  # blank lines separate blocks; they do not end a list
            kept.append(line)
            continue
        rule = match_rule(line.text, rules)
        if rule is None and in_list and is_link_like(line.text):
            dropped.append({"line": line.number, "text": line.text, "reason": in_list})
            continue
        in_list = None
        if rule is None:
            kept.append(line)
            continue
        dropped.append({"line": line.number, "text": line.text, "reason": rule.reason})
        if rule.starts_list:
            in_list = f"{rule.reason} (list)"
    return kept, dropped
