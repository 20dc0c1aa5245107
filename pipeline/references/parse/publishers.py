"""Publishers known by name alone: "Routledge", "Edward Elgar", "Gallimard" (pipeline/data/publishers.txt),
which no word of their name marks as publishers."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^\w&]", " ", name.casefold()).split())


@lru_cache(maxsize=1)
def _known_publishers() -> frozenset[str]:
    text = resources.files("pipeline.data").joinpath("publishers.txt").read_text("utf-8")
    return frozenset(_key(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_known_publisher(text: str) -> bool:
    """Whether text is, whole, the name of a publisher on the list ("W. W. Norton", "Edward Elgar")."""
    return _key(text) in _known_publishers()
