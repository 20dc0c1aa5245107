"""Page debris: which lines of a page are not the article, and why.

The patterns are data (pipeline/data/debris.yaml, extended by cleaning.extra_debris in
config.yaml); this module only applies them and keeps the audit of what it dropped. A pattern
drops a line that reads like a sentence only when it says so (`matches_sentences`), so an article
sentence that merely mentions a newsletter or a privacy policy is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from pipeline.core.errors import PipelineError

STOPS = ".!?\u2026"
CLOSERS = "\u201d\u2019\"')\u00bb"  # a closing quote or bracket after a sentence's stop
TERMINAL = STOPS + CLOSERS
BULLET_ONLY = re.compile(r"^[\s•·▪►*\-–—|]*$")
HEADING_MARK = re.compile(r"^#{1,6}\s+")  # how a structured seed's heading reaches the cleaner
SENTENCE_MIN_WORDS = 8


@dataclass(frozen=True)
class DebrisRule:
    pattern: re.Pattern
    reason: str
    starts_list: bool = False  # a heading after which a run of link-like lines is debris too
    ends_article: bool = False  # a comment-section heading: nothing after it is the article
    matches_sentences: bool = False  # may drop a line that reads like a sentence
    photo_credit: bool = False  # a credit line under a photo: the line above it is a caption


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the normalized text
    text: str


@dataclass
class DebrisResult:
    kept: list[Line]
    dropped: list[dict]  # {line, text, reason}
    article_ends: list[int]  # line numbers of headings that end the article (comment sections)
    photo_credits: list[int] = field(default_factory=list)  # line numbers of credit lines under photos
    list_items: list[int] = field(default_factory=list)  # line numbers of entries under a starts_list heading


@lru_cache(maxsize=1)
def shipped_patterns() -> tuple[dict, ...]:
    data = resources.files("pipeline.data").joinpath("debris.yaml").read_text("utf-8")
    # libyaml's loader when present: the pure-Python one takes tens of milliseconds per process
    return tuple(yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def compile_rules(extra: list[dict] | None = None) -> list[DebrisRule]:
    return [*shipped_rules(), *(compile_rule(entry) for entry in extra or [])]


@lru_cache(maxsize=1)
def shipped_rules() -> tuple[DebrisRule, ...]:
    # compiled once per process: re's own cache is soon cycled out by pysbd's many patterns
    return tuple(compile_rule(entry) for entry in shipped_patterns())


def compile_rule(entry: dict) -> DebrisRule:
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    return DebrisRule(compile_pattern(entry["pattern"], flags), entry["reason"],
                      bool(entry.get("starts_list")), bool(entry.get("ends_article")),
                      bool(entry.get("matches_sentences")), bool(entry.get("photo_credit")))


def compile_pattern(pattern: str, flags: int) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise PipelineError("config.yaml",
                            f"debris pattern {pattern!r} is not a valid regular expression ({error})",
                            "fix it under cleaning.extra_debris") from None


def reads_as_sentence(text: str) -> bool:
    """Eight words or more, ending as a sentence ends: running text, not a label or a link."""
    stripped = text.rstrip()
    return len(stripped.split()) >= SENTENCE_MIN_WORDS and stripped.endswith(tuple(TERMINAL))


def match_rule(text: str, rules: list[DebrisRule]) -> DebrisRule | None:
    """The first rule the line matches; a structured seed's heading ("# Related posts") is matched
    by its words, as the same line of a page pasted as text is."""
    stripped = HEADING_MARK.sub("", text.strip())
    sentence = reads_as_sentence(stripped)
    for rule in rules:
        if (rule.matches_sentences or not sentence) and rule.pattern.fullmatch(stripped):
            return rule
    return None


def is_link_like(text: str) -> bool:
    """A short line that does not end a sentence: the shape of an entry in a list of links.

    A headline may end with a question mark, so '?' does not end the list.
    """
    words = text.split()
    return bool(words) and (len(words) <= 16 and not text.rstrip().endswith(tuple(".!:;\u201d\"")) or
                            BULLET_ONLY.match(text) is not None)


def drop_debris(lines: list[Line], rules: list[DebrisRule]) -> DebrisResult:
    """Lines kept, each line dropped with its reason, and where comment sections begin."""
    result = DebrisResult([], [], [])
    in_list: str | None = None
    for line in lines:
        if not line.text.strip():  # blank lines separate blocks; they do not end a list
            result.kept.append(line)
            continue
        rule = match_rule(line.text, rules)
        if rule is None and in_list and is_link_like(line.text):
            result.dropped.append({"line": line.number, "text": line.text, "reason": in_list})
            result.list_items.append(line.number)
            continue
        in_list = None
        if rule is None:
            result.kept.append(line)
            continue
        result.dropped.append({"line": line.number, "text": line.text, "reason": rule.reason})
        if rule.ends_article:
            result.article_ends.append(line.number)
        if rule.photo_credit:
            result.photo_credits.append(line.number)
        if rule.starts_list:
            in_list = f"{rule.reason} (list)"
    return result
