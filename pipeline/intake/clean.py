"""Clean one seed article into a structured, attributed document (build/clean/<seed>.json).

Reads a .txt, .md, .html or .pdf seed (and seeds/sources.yaml), drops page debris line by line
with the reason, takes bylines, bios, affiliations, provenance notes and dates into metadata,
splits off the trailing bibliography, and segments the body into paragraphs and sentences with
the inline [n] markers each carried; the tables and footnotes a format reader found come along.
Config keys read: seeds.on_bad_seed, seeds.max_bytes, cleaning.extra_debris.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli, warn
from pipeline.core.jsonio import write_json
from pipeline.intake.blocks import Block, group_blocks
from pipeline.intake.debris import Line, compile_rules, drop_debris
from pipeline.intake.formats.decode import read_seed
from pipeline.intake.formats.htmlextract import Extracted
from pipeline.intake.refsection import split_references
from pipeline.intake.region import find_article
from pipeline.intake.seedmeta import extract_metadata
from pipeline.intake.sources import load_sources, sources_entry
from pipeline.text.dates import YEAR
from pipeline.text.markers import strip_markers
from pipeline.text.sentences import split_sentences
from pipeline.text.textnorm import normalize_text


def to_lines(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(normalize_text(text).split("\n"), start=1)]


# What makes a note cite a work: a web address, a quoted title, or a year beside a run of
# capitalised words (a title or an institution's name: "Annual Report 2023", "Ministry of Defence, 2021").
NOTE_URL = re.compile(r"https?://|www\.|\bdoi:", re.IGNORECASE)
QUOTED_TITLE = re.compile(r"[“\"][A-Z][^”\"]{3,}[”\"]")
TITLE_PHRASE = re.compile(r"\b[A-Z][\w'’-]+(?:,?\s+(?:(?:of|the|and|for|on|in|to|a|an|de|la)\s+)*[A-Z][\w'’-]+){2,}")


def extracted_text(raw: str | bytes, fmt: str, path: str) -> Extracted:
    """The text the line cleaner reads, with the metadata, tables and notes the format carried."""
    if fmt == "html":
        from pipeline.intake.formats.htmlextract import extract_html

        return extract_html(raw)
    if fmt == "markdown":
        from pipeline.intake.formats.htmlextract import extract_markdown

        return extract_markdown(raw)
    if fmt == "pdf":
        from pipeline.intake.formats.pdf import extract_pdf  # lazily: pdfplumber is a heavy import

        return extract_pdf(raw, path)
    return Extracted(raw)


def cites_a_work(text: str) -> bool:
    """Whether a note names a source rather than only explaining: see NOTE_URL and its neighbours."""
    return bool(NOTE_URL.search(text) or QUOTED_TITLE.search(text)
                or re.search(rf"(?<!\d){YEAR}(?!\d)", text) and TITLE_PHRASE.search(text))


def document_notes(notes: list[dict]) -> list[dict]:
    return [{"number": note["number"], "text": note["text"], "urls": note["urls"], "cites": cites_a_work(note["text"])}
            for note in notes if note["text"].strip()]


def with_cited_notes(references: list[dict], notes: list[dict]) -> list[dict]:
    """The reference list, and each note that cites a work under its number, unless one has it."""
    numbers = {reference["number"] for reference in references}
    return references + [{"number": note["number"], "raw": note["text"]} for note in notes
                         if note["cites"] and note["number"] not in numbers]


def document_tables(tables: list[dict], paragraphs: list[dict]) -> list[dict]:
    """The reader's tables, each placed after the paragraph holding the text line it follows."""
    placed = []
    for index, table in enumerate(tables):
        after = table["after_line"]
        before = [p["index"] for p in paragraphs if after is not None and p["lines"] and p["lines"][0] <= after + 1]
        placed.append({"index": index, "after_paragraph": before[-1] if before else None,
                       "caption": table["caption"], "rows": table["rows"]})
    return placed


def paragraphs_from(blocks: list[Block]) -> list[dict]:
    paragraphs = []
    for block in blocks:
        if block.kind == "heading":  # a heading is one sentence: the segmenter need not read it
            text = strip_markers(block.text)[0]
            sentences = [{"index": 0, "text": text.strip(), "markers": []}]
        else:
            text, sentences = split_sentences(block.text)
        if not text.strip():
            continue
        paragraphs.append({"index": len(paragraphs), "kind": block.kind, "text": text.strip(),
                           "lines": block.lines, "sentences": sentences})
    return paragraphs


def clean_text(raw: str | bytes, fmt: str, path: str, extra_debris: list[dict] | None = None,
               sources: dict | None = None) -> dict:
    """The pure core: raw seed text (a PDF's bytes) in, the cleaned document (without file facts) out."""
    found = extracted_text(raw, fmt, path)
    format_metadata = found.metadata
    lines = to_lines(found.text)
    lines, references, heading = split_references(lines)
    debris = drop_debris(lines, compile_rules(extra_debris))
    kept, dropped, title_line = debris.kept, debris.dropped, None
    if fmt == "text":  # a page pasted as text: find the article among the page's furniture
        region = find_article(lines, {d["line"] for d in dropped}, set(debris.article_ends),
                              set(debris.list_items), set(debris.photo_credits))
        in_article, title_line = set(region.kept), region.title_line
        # a page's headline caught among the entries of a links box is the title all the same
        passed_patterns = set(kept)  # a set: membership in the list made long pages quadratic
        kept = [line for line in lines if line in in_article and (line in passed_patterns or line.number == title_line)]
        dropped = [d for d in dropped if d["line"] != title_line] + region.dropped
        format_metadata = {"authors": region.authors, **format_metadata}
    if heading is not None:
        dropped.append({"line": heading.number, "text": heading.text, "reason": "bibliography heading"})
    blocks = group_blocks(kept)
    metadata, blocks, meta_dropped = extract_metadata(blocks, format_metadata, sources or {}, title_line)
    dropped = sorted(dropped + meta_dropped, key=lambda item: item["line"])
    paragraphs, notes = paragraphs_from(blocks), document_notes(found.notes)
    references = [{"number": r["number"], "raw": r["raw"]} for r in references]
    document = {**metadata, "paragraphs": paragraphs, "tables": document_tables(found.tables, paragraphs),
                "notes": notes, "references": with_cited_notes(references, notes), "dropped": dropped}
    if not any(p["kind"] == "paragraph" for p in document["paragraphs"]):
        raise PipelineError(path, "no article text is left after cleaning",
                            "check that the file holds the article itself, not only page furniture")
    return document


def skipped_document(seed: str, path: str, error: PipelineError) -> dict:
    return {"seed": seed, "source_file": path, "format": None, "status": "skipped", "error": error.one_line(),
            "encoding": None, "warnings": [], "title": None, "title_missing": True, "subtitle": None,
            "authors": [], "affiliation": None, "publisher": None, "date": None, "url": None,
            "provenance": None, "paragraphs": [], "tables": [], "notes": [], "references": [],
            "dropped": []}


def clean_seed(path: str, seed: str, settings: dict, sources: dict) -> dict:
    """Read, check and clean one seed file; a bad seed raises or is skipped as configured."""
    try:
        seed_text = read_seed(path, settings["seeds"]["max_bytes"])
        document = clean_text(seed_text.data or seed_text.text, seed_text.format, path,
                              settings["cleaning"]["extra_debris"], sources_entry(sources, path))
    except PipelineError as error:
        if settings["seeds"]["on_bad_seed"] != "skip":
            raise
        warn(path, f"skipped: {error.problem} — {error.remedy}")
        return skipped_document(seed, path, error)
    for message in seed_text.warnings:
        warn(path, message)
    return {"seed": seed, "source_file": path, "format": seed_text.format, "status": "ok", "error": None,
            "encoding": seed_text.encoding, "warnings": seed_text.warnings, **document}


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m pipeline clean", description=__doc__.splitlines()[0])
    parser.add_argument("seed", help="the seed file (.txt, .md, .html, .htm, .pdf)")
    parser.add_argument("--output", required=True, help="where to write the cleaned JSON")
    parser.add_argument("--seed-id", help="the seed's id (default: the file name without extension)")
    parser.add_argument("--sources", nargs="*", default=[],
                        help="seeds/sources.yaml, per-seed metadata that wins")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)  # JSON the Snakefile passes
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    settings = settings_from_args(args.config, args.settings)
    sources = load_sources(args.sources[0]) if args.sources else {}
    document = clean_seed(args.seed, args.seed_id or Path(args.seed).stem, settings, sources)
    write_json(args.output, document)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
