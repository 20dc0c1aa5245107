"""How a seed is named in full where there is room: its authors, its title in quotes, its publisher;
else its file. The sections stage gives it to each source a point counts but does not cite, and
the briefing's appendix names its sources so, from the same function."""

from __future__ import annotations

import re
from collections import Counter


def source_label(document: dict) -> str:
    """A cleaned seed's full label (build/clean/<shard>/<seed>.json's title, authors, publisher)."""
    title = document.get("title")
    parts = [", ".join(document.get("authors") or []), f"“{title}”" if title else "", document.get("publisher")]
    return ", ".join(part for part in parts if part) or document["source_file"]


def told_apart(labels: dict[str, str], documents: list[dict]) -> dict[str, str]:
    """Seed -> label, with the labels several sources share (an analyst's reports, a reporter's
    articles) told apart: by year when theirs differ, else by the first word of each one's title
    that the others' titles lack, as a short note names a work ("Feickert, Typhon", "Feickert, XM-30").
    Counted once per group, so that a corpus of thousands by a few authors costs one pass."""
    labels = dict(labels)
    sharing: dict[str, list[dict]] = {}
    for document in documents:  # one label read alike: "M’Bai", "M'Bai"
        sharing.setdefault(labels[document["seed"]].replace("’", "'").casefold(), []).append(document)
    for group in (group for group in sharing.values() if len(group) > 1):
        years = Counter((d.get("date") or "")[:4] for d in group)
        words = Counter(word for d in group for word in set(title_words(d)))
        for document in group:
            label, year = labels[document["seed"]], (document.get("date") or "")[:4]
            word = next((w for w in title_words(document) if words[w] == 1), None)
            if year and years[year] == 1:
                labels[document["seed"]] = f"{label} {year}"
            elif word:
                labels[document["seed"]] = f"{label}, {word}"
    return labels


def title_words(document: dict) -> list[str]:
    """The title's words that can name it: three letters or more, or a figure ("XM-30"); not "U"
    of "U.S."."""
    words = re.findall(r"[\w’'-]+", document.get("title") or "")
    return [word for word in words if len(word) >= 3 or any(char.isdigit() for char in word)]
