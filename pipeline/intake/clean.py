"""Clean one seed article into a structured, attributed document (build/clean/<shard>/<seed>.json).

Reads a .txt, .md, .html or .pdf seed (and seeds/sources.yaml), drops page debris line by line
with the reason, takes bylines, bios, affiliations, provenance notes and dates into metadata,
splits off the trailing bibliography, and segments the body into paragraphs and sentences with
the inline [n] markers each carried; the tables and footnotes a format reader found come along.
Config keys read: seeds.on_bad_seed, seeds.max_bytes, cleaning.extra_debris.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import lru_cache
from pathlib import Path

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError, run_cli, warn
from pipeline.core.jsonio import write_json
from pipeline.intake.blocks import Block, group_blocks
from pipeline.intake.debris import Line, compile_rules, drop_debris
from pipeline.intake.formats.decode import read_seed
from pipeline.intake.formats.extracted import Extracted
from pipeline.intake.notes import citing_notes_as_references, links_as_references, note_entry
from pipeline.intake.refsection import bibliography_entries, split_references
from pipeline.intake.region import find_article
from pipeline.intake.seedmeta import extract_metadata
from pipeline.intake.sources import load_sources, sources_entry
from pipeline.intake.survey.fingerprints import shard_summary  # noqa: F401 (the driver's --summary: a shard's survey file)
from pipeline.text.markers import strip_markers
from pipeline.text.sentences import split_sentences
from pipeline.text.textnorm import normalize_text


def to_lines(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(normalize_text(text).split("\n"), start=1)]


def extracted_text(raw: str | bytes, fmt: str, path: str) -> Extracted:
    """The text the line cleaner reads, with what the format itself carried (metadata, tables, notes).

    A reader that cannot read the seed (pandoc failing or running out of time) raises ValueError,
    which becomes the seed's one-line error."""
    try:
        if fmt == "html":
            from pipeline.intake.formats.htmlextract import extract_html

            return extract_html(raw)
        if fmt == "markdown":
            from pipeline.intake.formats.markdown import extract_markdown

            return extract_markdown(raw)
        if fmt == "pdf":
            from pipeline.intake.formats.pdf import extract_pdf  # lazily: pdfplumber is a heavy import

            return extract_pdf(raw, path)
    except ValueError as error:
        remedy = "check the file is a readable document, or move it out of seeds/"
        raise PipelineError(path, str(error), remedy) from None
    return Extracted(raw)


def drop_reader_lines(lines: list[Line], reasons: dict[int, str]) -> tuple[list[Line], list[dict]]:
    """The lines a format reader marked as not the document leave, into the audit with its reason."""
    if not reasons:
        return lines, []
    dropped = [{"line": line.number, "text": line.text, "reason": reasons[line.number]}
               for line in lines if line.number in reasons and line.text.strip()]
    return [line for line in lines if line.number not in reasons], dropped


def placed_tables(tables: list[dict], paragraphs: list[dict]) -> list[dict]:
    """Each table with the index of the paragraph it follows (the reader knew the line)."""
    placed = []
    for table in tables:
        line = table.get("after_line")
        before = [p["index"] for p in paragraphs if line is not None and p["lines"] and p["lines"][0] <= line]
        placed.append({"index": len(placed), "after_paragraph": before[-1] if before else None,
                       "caption": table.get("caption"), "rows": table["rows"]})
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


def end_at_comments(kept: list[Line], dropped: list[dict], ends: set[int]) -> tuple[list[Line], list[dict]]:
    """A structured seed's comment section: from a comment heading ("# 3 comments") to the next
    heading (or the end), when a comment widget (a reply link, a comment form's button) stands in
    it too: readers' comments, never the article. A report's own "Comments" section has no widget."""
    lines = sorted(kept + [Line(d["line"], d["text"]) for d in dropped], key=lambda line: line.number)
    widgets = {d["line"] for d in dropped if d["reason"] == "comment widget"}
    for start in (line for line in lines if line.number in ends and line.text.startswith("# ")):
        stop = next((line.number for line in lines if line.number > start.number and line.text.startswith("# ")),
                    None)
        within = [line for line in lines if start.number < line.number and (stop is None or line.number < stop)]
        if any(line.number in widgets for line in within):
            inside = {line.number for line in within}
            dropped = dropped + [{"line": line.number, "text": line.text, "reason": "comment section"}
                                 for line in kept if line.number in inside and line.text.strip()]
            kept = [line for line in kept if line.number not in inside]
    return kept, dropped


def clean_text(raw: str | bytes, fmt: str, path: str, extra_debris: list[dict] | None = None,
               sources: dict | None = None) -> dict:
    """The pure core: raw seed text (a PDF's bytes) in, the cleaned document (without file facts) out."""
    extracted = extracted_text(raw, fmt, path)
    format_metadata = extracted.metadata
    lines, dropped = drop_reader_lines(to_lines(extracted.text), extracted.dropped_lines)
    lines, section, heading = split_references(lines)
    rules = compile_rules(extra_debris)
    references, section_dropped = bibliography_entries(section, rules)
    debris = drop_debris(lines, rules)
    kept, dropped, title_line = debris.kept, dropped + debris.dropped + section_dropped, None
    if fmt == "text":  # a page pasted as text: find the article among the page's furniture
        region = find_article(lines, {d["line"] for d in dropped}, set(debris.article_ends),
                              set(debris.list_items), set(debris.photo_credits))
        in_article, title_line = set(region.kept), region.title_line
        # a page's headline caught among the entries of a links box is the title all the same
        passed_patterns = set(kept)  # a set: membership in the list made long pages quadratic
        kept = [line for line in lines if line in in_article and (line in passed_patterns or line.number == title_line)]
        dropped = [d for d in dropped if d["line"] != title_line] + region.dropped
        format_metadata = {"authors": region.authors, **format_metadata}
    elif debris.article_ends:
        kept, dropped = end_at_comments(kept, dropped, set(debris.article_ends))
    if heading is not None:
        dropped.append({"line": heading.number, "text": heading.text, "reason": "bibliography heading"})
    blocks = group_blocks(kept)
    metadata, blocks, meta_dropped = extract_metadata(blocks, format_metadata, sources or {}, title_line)
    dropped = sorted(dropped + meta_dropped, key=lambda item: item["line"])
    paragraphs = paragraphs_from(blocks)
    notes = [note_entry(note) for note in extracted.notes]
    references = citing_notes_as_references(notes, [{"number": r["number"], "raw": r["raw"]} for r in references])
    references = links_as_references(extracted.links, references)
    document = {**metadata, "paragraphs": paragraphs, "tables": placed_tables(extracted.tables, paragraphs),
                "notes": notes, "references": references, "dropped": dropped}
    if all(p["kind"] == "heading" for p in document["paragraphs"]):
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
    return _parser().parse_args(argv)


@lru_cache(maxsize=1)
def _parser() -> argparse.ArgumentParser:
    """Built once a process: a shard job parses one argument list a seed (an ArgumentParser keeps
    no state between parse_args calls), and building it cost more than a millisecond."""
    parser = argparse.ArgumentParser(prog="python -m pipeline clean", description=__doc__.splitlines()[0])
    parser.add_argument("seed", help="the seed file (.txt, .md, .html, .htm, .pdf)")
    parser.add_argument("--output", required=True, help="where to write the cleaned JSON")
    parser.add_argument("--seed-id", help="the seed's id (default: the file name without extension)")
    parser.add_argument("--sources", nargs="*", default=[],
                        help="seeds/sources.yaml, per-seed metadata that wins")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)  # JSON the Snakefile passes
    return parser


def loaded_sources(path: str) -> dict:
    """seeds/sources.yaml read once a process, not once a seed: a shard job reads it for each of
    its seeds, and a file with entries for 1,000 seeds takes 0.17 s to parse (10,000: 2.1 s). Kept
    by the file's size and modification time, so a file rewritten between two runs in one process
    is read again; sources_entry hands each seed a copy of its entry, so seeds share nothing."""
    try:
        status = os.stat(path)
    except OSError:
        return load_sources(path)  # its one-line error
    return _sources_as_of(path, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=4)
def _sources_as_of(path: str, _mtime_ns: int, _size: int) -> dict:
    return load_sources(path)


def main(argv=None) -> int:
    args = parse_args(argv)
    settings = settings_from_args(args.config, args.settings)
    sources = loaded_sources(args.sources[0]) if args.sources else {}
    document = clean_seed(args.seed, args.seed_id or Path(args.seed).stem, settings, sources)
    write_json(args.output, document)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
