"""News clipping lists: "[Paper] 05/12/06 Headline Words Given FAMILY [Paper]", written without punctuation.

Press-clipping indexes list each article as its numeric date, the headline, the byline (the family name in
capitals, as newspapers print it) and the paper, before the date or after the byline. Nothing else in a
bibliography puts a bare numeric date in the middle of unpunctuated words, so the format is read on its own.
"""

from __future__ import annotations

import re

_CLIPPING = re.compile(r"^(?P<before>[^\d,.;:]*?)\s*\b\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?\s+(?P<rest>[^,.;:]+)$")
_CAPITALS = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’-]+$")
_TITLE_CASE = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’-]+$")
_MIXED_WITH_CAPITALS = re.compile(r"^(?=(?:\w*[A-ZÀ-Þ]){2})[A-ZÀ-Þ][\w'’-]+$")  # "DePALMA", "McGREGOR"


def parse_clipping(text: str) -> dict | None:
    """Title, author and container of a clipping-list line; None when the text is not one."""
    match = _CLIPPING.match(text.strip())
    if not match:
        return None
    words = match["rest"].split()
    byline = _byline_start(words)
    item: dict = {}
    if byline is None:
        title, paper = words, match["before"]
    else:
        title, paper = words[:byline], " ".join(words[byline + 2 :]) or match["before"]
        item["author"] = [{"family": words[byline + 1], "given": words[byline]}]
    if len(title) < 2:
        return None
    item["title"] = " ".join(title)
    if paper.strip():
        item["container-title"] = paper.strip()
    return item


def _byline_start(words: list[str]) -> int | None:
    """Where the byline starts: the last "Given FAMILY" or "GIVEN FamILY" pair after two headline words.
    The last pair, since a headline may hold an acronym ("Court Reviews NATO Plans") but the byline follows it."""
    for index in range(len(words) - 2, 1, -1):
        given, family = words[index], words[index + 1]
        if _TITLE_CASE.match(given) and _CAPITALS.match(family):
            return index
        if _CAPITALS.match(given) and _MIXED_WITH_CAPITALS.match(family) and not _CAPITALS.match(family):
            return index
    return None
