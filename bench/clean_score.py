"""Score the clean stage on labelled web pages, through the HTML path and the flattened-text path.

    PYTHONPATH=. python bench/clean_score.py --eval ../shared/eval/boilerplate [--verbose]

Data: `snippets-dev.jsonl` + `html/*.html.gz` (trafilatura's test data, adbar/trafilatura,
Apache-2.0). Each page lists `with` snippets (article text that must survive) and `without`
snippets (page debris that must go); some pages carry a gold `title` and `author`.

Two paths per page:
- html: the saved page cleaned as a `.html` seed (trafilatura, then our post-cleaning);
- text: the page flattened to plain text, one block element a line, every block kept (nav,
  footer, comments, related links), then cleaned as a `.txt` seed: what an analyst pastes.

The output a snippet is looked for in is the document a reader gets: title, subtitle and body
paragraphs. Metadata moved out of the body (an author bio) counts as removed; a must-keep
snippet that the cleaner moved into metadata on purpose (an editor's note "This post originally
appeared in ...", kept as `provenance.note`) counts as kept, since the issue asks for provenance
notes to leave the body. Text is compared after normalizing case, quotes, dashes and whitespace.

Scores:
- must-keep recall: share of `with` snippets present in the output;
- must-remove precision: share of `without` snippets absent from the output (of what the
  cleaner was asked to remove, how much it removed: 1.0 means no debris got through);
- title accuracy: share of pages with a gold title whose title matches after normalizing
  (a gold title truncated by the source counts if it is a prefix of ours);
- author accuracy: share of pages with a gold author whose every gold name is among ours.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import PipelineError
from pipeline.intake.clean import clean_text

DEFAULT_EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "boilerplate"
# Elements whose text a browser never shows as page text: dropped before flattening.
INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "option",
        "select",
        "button",
        "label",
        "caption",
    ]
)


def flatten_html(html: str) -> str:
    """The page as plain text, every block-level element's text on its own line."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for element in list(root.iter(*INVISIBLE)):  # a list: dropping while iterating skips elements
        element.drop_tree()
    pieces: list[str] = []
    _flatten_into(root, pieces)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _flatten_into(element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in BLOCKS
    if block or tag == "br":
        pieces.append("\n")
    if isinstance(element.tag, str) and element.text:
        pieces.append(element.text)
    for child in element:
        _flatten_into(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if block:
        pieces.append("\n")


def comparable(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def reader_text(document: dict) -> str:
    parts = [document.get("title") or "", document.get("subtitle") or ""]
    parts += [paragraph["text"] for paragraph in document["paragraphs"]]
    return comparable("\n".join(parts))


def metadata_text(document: dict) -> str:
    """Article lines the cleaner moved into metadata on purpose (an editor's note on provenance)."""
    provenance = document.get("provenance") or {}
    return comparable("\n".join([provenance.get("note") or "", document.get("affiliation") or ""]))


@dataclass
class Tally:
    kept: int = 0
    keep_total: int = 0
    removed: int = 0
    remove_total: int = 0
    titles: int = 0
    title_total: int = 0
    authors: int = 0
    author_total: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        def share(hit, total):
            return f"{hit / total:.3f} ({hit}/{total})" if total else "n/a"

        return (
            f"{name:5} must-keep recall {share(self.kept, self.keep_total)}  "
            f"must-remove precision {share(self.removed, self.remove_total)}  "
            f"title {share(self.titles, self.title_total)}  author {share(self.authors, self.author_total)}"
        )


def clean_page(source: str, fmt: str, name: str) -> dict:
    try:
        return clean_text(source, fmt, name)
    except PipelineError:
        return {"title": None, "subtitle": None, "authors": [], "paragraphs": []}


def title_matches(gold: str, ours: str | None) -> bool:
    gold, ours = comparable(gold), comparable(ours or "")
    return bool(ours) and (gold == ours or len(gold) >= 40 and ours.startswith(gold))


def author_matches(gold: str, ours: list[str]) -> bool:
    found = comparable(" ; ".join(ours))
    return all(comparable(name) in found for name in re.split(r"\s*[;,/]\s*|\s+and\s+", gold) if name.strip())


def score_page(row: dict, document: dict, tally: Tally) -> None:
    text, kept_as_metadata = reader_text(document), metadata_text(document)
    for snippet in row.get("with", []):
        present = comparable(snippet) in text or comparable(snippet) in kept_as_metadata
        tally.kept += present
        tally.keep_total += 1
        if not present:
            tally.misses.append(f"{row['id']}: lost   {snippet!r}")
    for snippet in row.get("without", []):
        present = comparable(snippet) in text
        tally.removed += not present
        tally.remove_total += 1
        if present:
            tally.misses.append(f"{row['id']}: kept   {snippet!r}")
    if row.get("title"):
        tally.title_total += 1
        tally.titles += title_matches(row["title"], document.get("title"))
        if not title_matches(row["title"], document.get("title")):
            tally.misses.append(f"{row['id']}: title  {document.get('title')!r} != {row['title']!r}")
    if row.get("author"):
        tally.author_total += 1
        tally.authors += author_matches(row["author"], document.get("authors") or [])
        if not author_matches(row["author"], document.get("authors") or []):
            tally.misses.append(f"{row['id']}: author {document.get('authors')!r} != {row['author']!r}")


def load_pages(folder: Path) -> list[tuple[dict, str]]:
    pages = []
    for line in (folder / "snippets-dev.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        html = gzip.decompress((folder / row["html_file"]).read_bytes()).decode("utf-8", errors="replace")
        pages.append((row, html))
    return pages


def score(pages: list[tuple[dict, str]]) -> dict[str, Tally]:
    tallies = {"html": Tally(), "text": Tally()}
    for row, html in pages:
        score_page(row, clean_page(html, "html", row["id"]), tallies["html"])
        score_page(row, clean_page(flatten_html(html), "text", row["id"]), tallies["text"])
    return tallies


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the boilerplate eval folder")
    parser.add_argument("--verbose", action="store_true", help="list every lost, kept or wrong item")
    args = parser.parse_args(argv)
    tallies = score(load_pages(args.eval))
    for name, tally in tallies.items():
        if args.verbose:
            print("\n".join(f"  [{name}] {miss}" for miss in tally.misses))
    for name, tally in tallies.items():
        print(tally.line(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
