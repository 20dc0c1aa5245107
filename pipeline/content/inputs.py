"""What the two content stages (sections, facts) both read: the cleaned seeds, the corpus survey,
the bibliography map and the settings, with the arguments that name them."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from pipeline.core.config import settings_from_args
from pipeline.core.errors import PipelineError
from pipeline.core.jsonio import read_json


@dataclass
class ContentInputs:
    settings: dict
    corpus: dict
    documents: list[dict]
    bib_map: dict


def content_parser(prog: str, description: str) -> argparse.ArgumentParser:
    """A stage's parser with the arguments every content stage takes; the stage adds its outputs."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("clean", nargs="*", help="cleaned seed files (build/clean/*.json)")
    parser.add_argument("--corpus", help="build/corpus.json (near-duplicate and skipped seeds, boilerplate)")
    parser.add_argument("--map", required=True, help="build/bibliography-map.json")
    parser.add_argument("--config", help="config.yaml to read settings from (default ./config.yaml)")
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    return parser


def usable_documents(paths: list[str], corpus: dict) -> list[dict]:
    """The cleaned seeds that read as articles and the corpus survey counts (near duplicates out),
    in seed-id order: what a stage makes of them is the same whatever order the files came in."""
    documents = sorted((read_json(path) for path in paths), key=lambda document: document["seed"])
    counted = set(corpus.get("seeds", [d["seed"] for d in documents]))
    return [d for d in documents if d["status"] == "ok" and d["seed"] in counted]


def read_content_inputs(args: argparse.Namespace, output: str, what: str) -> ContentInputs:
    """The files content_parser's arguments name; none usable is an error naming `output`."""
    settings = settings_from_args(args.config, args.settings)
    corpus = read_json(args.corpus) if args.corpus else {}
    documents = usable_documents(args.clean, corpus)
    if not documents:
        raise PipelineError(output, f"no usable seed to {what}",
                            "add articles to the seeds folder (or fix the ones reported as skipped)")
    return ContentInputs(settings, corpus, documents, read_json(args.map))
