"""Read what one seed's sentences state, whatever the briefing (build/extract/<shard>/<seed>.json).

The facts stage's work sentence by sentence, done once per seed and a shard of seeds per job, so
that a changed seed costs its own reading and the facts stage only combines: for each sentence a
statement may be (pipeline.content.candidates.statement_sentences), its date spans (dates.py, read
against the source's own date), its figures with their spans and units as quantulum3 reads them
(figures.figure_candidates: most of the cost), its attributed statements and the roles it gives
names (speakers.py). What depends on other seeds stays in the facts stage: a source without a date
of its own has its dates read there, against the briefing's as-of date, so for such a source the
file keeps the dates with a year it states (sourcedates.stated_dates, what as_of is found from)
and no sentence dates. The facts stage also drops the figures inside a date span, maps their heads
through facts.synonyms and has pint normalize their units (few figures need it, and pint is slow
to start: once per facts job rather than once per shard). No config key is read.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.content.candidates import statement_sentences
from pipeline.content.facts.dates import DateMention, find_dates
from pipeline.content.facts.figures import figure_candidates
from pipeline.content.facts.sourcedates import base_for, iso, parse_iso, stated_dates
from pipeline.content.facts.speakers import Speech, find_speeches, roles_in
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import read_json, write_json


@dataclass(frozen=True)
class SentenceFacts:
    """One sentence's extract as the facts stage uses it."""
    dates: list[DateMention] | None  # None: its source has no date; read against the as-of date
    figures: list[dict]  # figure_candidates' fields
    speeches: list[Speech]
    roles: list[tuple[str, str]]


def sentence_record(paragraph: dict, sentence: dict, base) -> dict:
    text = sentence["text"]
    return {"paragraph": paragraph["index"], "sentence": sentence["index"],
            "dates": None if base is None else [asdict(mention) for mention in find_dates(text, base)],
            "figures": figure_candidates(text),
            "speeches": [asdict(speech) for speech in find_speeches(text)],
            "roles": [list(pair) for pair in roles_in(text)]}


def extract_seed(document: dict) -> dict:
    """The pure core: one cleaned seed in, its extract (the file's JSON) out."""
    base = base_for(document, None)  # the source's own date, known; None without one
    return {"seed": document["seed"], "date_base": base.day.isoformat() if base else None,
            "stated_dates": None if base else [iso(*found) for found in stated_dates(document)],
            "sentences": [sentence_record(paragraph, sentence, base)
                          for paragraph, sentence in statement_sentences(document)]}


def sentence_facts(extract: dict) -> dict[tuple[str, int, int], SentenceFacts]:
    """(seed, paragraph, sentence) -> SentenceFacts, from one seed's extract."""
    found = {}
    for record in extract["sentences"]:
        dates = None if record["dates"] is None else [DateMention(**mention) for mention in record["dates"]]
        found[extract["seed"], record["paragraph"], record["sentence"]] = SentenceFacts(
            dates, record["figures"],
            [Speech(**speech) for speech in record["speeches"]], [tuple(pair) for pair in record["roles"]])
    return found


def seed_stated_dates(extract: dict) -> list:
    """The stated dates an undated seed's extract keeps, as sourcedates.stated_dates gives them."""
    return [parse_iso(value) for value in extract["stated_dates"] or []]


def check_extract(path: str, extract: dict, document: dict) -> dict:
    """The extract, once it is seen to belong to the cleaned seed beside it: the same seed, the same
    own date, its sentences among the seed's (Snakemake reruns an extract older than its seed; this
    catches a file put there by hand)."""
    base = base_for(document, None)
    paragraphs = document["paragraphs"]
    in_place = all(record["paragraph"] < len(paragraphs)
                   and record["sentence"] < len(paragraphs[record["paragraph"]]["sentences"])
                   for record in extract.get("sentences", []))
    if (extract.get("seed") != document["seed"] or not in_place
            or extract.get("date_base") != (base.day.isoformat() if base else None)):
        raise PipelineError(path, f"is not the extract of {document['seed']} as cleaned now",
                            "rerun its shard's extract job (snakemake --forcerun) or delete the file")
    return extract


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline extract", description=__doc__.splitlines()[0])
    parser.add_argument("clean", nargs="+", help="build/clean/<shard>/<seed>.json (or @ a shard's manifest of them)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--output", help="build/extract/<shard>/<seed>.json, for one cleaned seed")
    where.add_argument("--output-folder", help="build/extract/: each cleaned seed's extract under its file name")
    parser.add_argument("--written", help="with --output-folder: where to list the files written (a shard's "
                        "manifest), in the order read")
    args = parser.parse_args(argv)
    if args.output and len(args.clean) > 1:
        parser.error("--output takes one cleaned seed; use --output-folder for several")
    outputs = [args.output] if args.output else [str(Path(args.output_folder) / Path(path).name)
                                                 for path in args.clean]
    for path, output in zip(args.clean, outputs, strict=True):
        write_json(output, extract_seed(read_json(path)))
    if args.written:
        write_json(args.written, outputs)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
