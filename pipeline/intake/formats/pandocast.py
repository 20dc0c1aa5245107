"""Plain text out of pandoc's JSON AST: inlines to text with their links and note markers kept apart.

Pandoc parses every Markdown construct (emphasis, links, footnotes, raw HTML, tables) so that none of
its syntax reaches the text; this module only reads the tree it returns.
See https://pandoc.org/lua-filters.html#type-inline for the element types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Elements whose content is text like any other; their markup is presentation only.
TRANSPARENT = {"Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Subscript"}
LINE_BREAK = "\n"
HTML_TAG = re.compile(r"<[^>]*>")
NOTE_NUMBER = re.compile(r"^\[?(\d{1,4})\]?$")
# Emphasis marks pandoc could not pair (captures glue them to words: "Force****is", "_Mirabell__i_"):
# a run of them between two words stands for a space, any other is dropped.
MARK_RUN_BETWEEN_WORDS = re.compile(r"(?<=\w)[*_]{2,}(?=\w)")
MARK_RUN = re.compile(r"[*_]{2,}")
EDGE_MARK = re.compile(r"(?<![\w*_])[*_](?=\w)|(?<=\w)[*_](?![\w*_])")


def without_marks(text: str) -> str:
    """Text with the emphasis marks a capture left unpaired taken out."""
    if "*" not in text and "_" not in text:
        return text
    return EDGE_MARK.sub("", MARK_RUN.sub("", MARK_RUN_BETWEEN_WORDS.sub(" ", text)))


@dataclass
class Inlines:
    """The text of a run of inlines, the links in it, and the notes it carried (pandoc's [^n])."""

    text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (link text, target)
    notes: list[list[dict]] = field(default_factory=list)  # each note's blocks, in marker order
    link_chars: int = 0  # how much of the text is link text


class InlineReader:
    """Reads inlines to text. Footnotes become "[n]" markers numbered in reading order (first_note
    on), superscript numbers ("<sup>3</sup>", "^3^") become "[3]": the markers the cleaner knows."""

    def __init__(self, first_note: int = 1):
        self.next_note = first_note
        self.in_sup = False

    def read(self, inlines: list[dict]) -> Inlines:
        out = Inlines()
        parts: list[str] = []
        for element in inlines:
            parts.append(self._element(element, out))
        out.text = "".join(parts)
        return out

    def _element(self, element: dict, out: Inlines) -> str:
        kind, content = element["t"], element.get("c")
        if kind == "Str":
            return f"[{content}]" if self.in_sup and NOTE_NUMBER.match(content) else without_marks(content)
        if kind == "Space":
            return " "
        if kind in ("SoftBreak", "LineBreak"):
            return LINE_BREAK
        if kind in TRANSPARENT:
            return self._nested(content, out)
        if kind == "Superscript":
            return self._superscript(content, out)
        if kind == "Quoted":
            quote = ("\u201c", "\u201d") if content[0]["t"] == "DoubleQuote" else ("\u2018", "\u2019")
            return quote[0] + self._nested(content[1], out) + quote[1]
        if kind in ("Span", "Cite"):  # [attributes or citations, inlines]
            return self._nested(content[1], out)
        if kind == "Link":
            text = self._nested(content[1], out)
            out.links.append((" ".join(text.split()), content[2][0]))
            out.link_chars += len(text)
            return text
        if kind in ("Code", "Math"):
            return content[1]
        if kind == "RawInline":
            return self._raw(content)
        if kind == "Note":
            out.notes.append(content)
            self.next_note += 1
            return f"[{self.next_note - 1}]"
        return ""  # Image: a figure's placeholder is no text of the article

    def _nested(self, inlines: list[dict], out: Inlines) -> str:
        inner = self.read(inlines)
        out.links += inner.links
        out.notes += inner.notes
        out.link_chars += inner.link_chars
        return inner.text

    def _superscript(self, content: list[dict], out: Inlines) -> str:
        text = self._nested(content, out)
        number = NOTE_NUMBER.match(text.strip())
        return f"[{number[1]}]" if number else text

    def _raw(self, content: list) -> str:
        fmt, text = content
        if fmt != "html":
            return ""
        lowered = text.lower()
        if lowered.startswith("<sup"):
            self.in_sup = True
        elif lowered.startswith("</sup"):
            self.in_sup = False
        elif lowered.startswith("<br"):
            return LINE_BREAK
        return HTML_TAG.sub("", text)


def one_line(text: str) -> str:
    """Whitespace (line breaks included) collapsed: the text of a block as one line."""
    return " ".join(text.split())


def table_rows(content: list) -> tuple[list[list[list[dict]]], list[dict]]:
    """A Table element's rows (header rows first, then every body and the foot), each a list of
    cells given as their blocks, and the caption's blocks."""
    _attr, caption, _colspecs, head, bodies, foot = content
    rows = list(head[1])
    for body in bodies:
        rows += body[2] + body[3]
    rows += foot[1]
    return [[cell[4] for cell in row[1]] for row in rows], caption[1]


def html_text(html: str) -> str:
    """The text of a raw HTML block; scripts and styles are no text."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for element in tree.xpath("//script|//style|//noscript"):
        element.drop_tree()
    return one_line(tree.text_content())
