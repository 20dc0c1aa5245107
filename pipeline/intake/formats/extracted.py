"""What every format reader hands the cleaner."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Extracted:
    """What a format reader hands the cleaner.

    text: one block a line ("# " before a heading, "• " before a list item), no markup left.
    metadata: title, authors (display names), date (ISO), publisher, url, as the format states them.
    tables: {"after_line": index of the text line the table follows (or None), "caption", "rows"}.
    notes: {"number", "text"}: footnotes and endnotes, their markers left in the text as [n].
    dropped_lines: {line number (1-based) in text: reason}: lines the reader found are not the
    document (navigation, metadata, notes), kept in the text so the audit can name them.
    links: {"number", "url", "text"}: links in the text to other pages, each marked [n] after its
    link text: the sentence cites the linked page.
    """

    text: str
    metadata: dict = field(default_factory=dict)
    tables: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    dropped_lines: dict[int, str] = field(default_factory=dict)
    links: list[dict] = field(default_factory=list)
