"""How a seed is named in full where there is room: its authors, its title in quotes, its publisher;
else its file. The sections stage gives it to each source a point counts but does not cite, and
the briefing's appendix names its sources so, from the same function."""

from __future__ import annotations


def source_label(document: dict) -> str:
    """A cleaned seed's full label (build/clean/<shard>/<seed>.json's title, authors, publisher)."""
    title = document.get("title")
    parts = [", ".join(document.get("authors") or []), f"“{title}”" if title else "", document.get("publisher")]
    return ", ".join(part for part in parts if part) or document["source_file"]
