"""briefing-pipeline stages: python -m pipeline STAGE [options]; python -m pipeline STAGE --help for each.

The Snakefile's rules call the stages through this one command, in DAG order. A stage module is
imported only when it runs, so starting one stage never pays for another's imports. With
`--each JSON` (a list of argument lists), one process runs the stage once per list, each after
the options given before it. `--shard SEEDS NAME --each-seed TEMPLATE` makes those lists itself,
one per seed of the seeds folder that falls in the named shard, from a template of one seed's
arguments (`<seed>`, `<path>`, `<sidecars>`; pipeline/core/shards.py): the per-seed rules run a
shard of seeds this way, paying one start, with a command that names the shard, not its seeds.
`--manifest OPTION PATH` then writes PATH, the JSON list of the values OPTION had run by run (the
files the shard wrote), and `--summary OPTION PATH` writes what the stage's `shard_summary` makes
of those files (the clean stage: the hashes the corpus survey compares, intake/survey/fingerprints.py).
An argument `@PATH` stands for the paths such a manifest lists, so that a cross-seed rule names
one file a shard, not one a seed: Snakemake's DAG and the command line stay
small at 10,000 seeds.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Sequence
from contextlib import nullcontext

from pipeline.core.collector import cycle_collection_paused
from pipeline.core.errors import PipelineError, run_cli
from pipeline.core.jsonio import read_json, write_json
from pipeline.core.shards import seed_arguments, shard_members

# The stages after the per-seed ones run once per process and keep what they read to its end: the
# cyclic garbage collector, which would walk it all again and again, is paused for them (core/collector.py).
# A per-seed stage runs a shard's seeds in one process and drops each seed's objects before the next.
PER_SEED = {"clean", "references", "extract"}
# stage name -> (module, what it does); the order is the DAG's.
STAGES: dict[str, tuple[str, str]] = {
    "clean": ("pipeline.intake.clean", "one seed -> build/clean/<shard>/<seed>.json (body, metadata, dropped lines)"),
    "corpus": ("pipeline.intake.corpus", "all cleaned seeds -> build/corpus.json (skipped, near duplicates)"),
    "references": ("pipeline.references.extract", "a cleaned seed -> build/references/<shard>/<seed>.json (CSL)"),
    "extract": ("pipeline.content.facts.extract", "a cleaned seed -> build/extract/<shard>/<seed>.json (dates...)"),
    "bibliography": ("pipeline.bibliography.build", "all references -> one de-duplicated bibliography"),
    "sections": ("pipeline.content.sections", "cleaned seeds + a briefing's sections -> sections/<id>.json"),
    "facts": ("pipeline.content.facts.build", "cleaned seeds + sections + codebook -> facts.json"),
    "changes": ("pipeline.content.changes", "sections + facts + previous/ -> changes.json, changes.md"),
    "fill": ("pipeline.render.fill", "sections + facts + changes + templates -> briefing.md"),
    "html": ("pipeline.render.html", "briefing.md -> briefing.html (pandoc, citeproc)"),
    "pdf": ("pipeline.render.pdf", "briefing.html -> briefing.pdf (WeasyPrint)"),
}


def usage() -> str:
    width = max(map(len, STAGES))
    rows = [f"  {name:<{width}}  {summary}" for name, (_, summary) in STAGES.items()]
    return "\n".join([__doc__.splitlines()[0], "", "stages:", *rows])


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(usage())
        return 0
    stage = STAGES.get(args[0])
    if stage is None:
        print(f"error: unknown stage {args[0]!r} — choose one of: {', '.join(STAGES)}", file=sys.stderr)
        return 2
    try:
        rest = expand_manifests(args[1:])
    except PipelineError as error:
        print(error.one_line(), file=sys.stderr)
        return 2
    rest, manifests = split_option_paths(rest, "--manifest")
    rest, summaries = split_option_paths(rest, "--summary")
    try:
        common, each = split_shard(rest) if "--shard" in rest else split_each(rest)
    except PipelineError as error:
        print(error.one_line(), file=sys.stderr)
        return 2
    if each is None or manifests is None or summaries is None:
        problem = "--each: expected a JSON list of argument lists" if each is None else MANIFEST_USAGE
        print(f"error: {problem} — {EACH_REMEDY}", file=sys.stderr)
        return 2
    module = importlib.import_module(stage[0])
    if summaries and not hasattr(module, "shard_summary"):
        print(f"error: --summary: the {args[0]} stage makes no shard summary — leave --summary out", file=sys.stderr)
        return 2
    with nullcontext() if args[0] in PER_SEED else cycle_collection_paused():
        for arguments in each:  # stops at the first failure, as a per-seed job would
            status = run_cli(module.main, common + arguments)
            if status:
                return status
    for option, path in manifests:
        write_json(path, option_values(option, each))
    for option, path in summaries:
        try:
            write_json(path, module.shard_summary(option_values(option, each)))
        except PipelineError as error:
            print(error.one_line(), file=sys.stderr)
            return 1
    return 0


EACH_REMEDY = 'pass e.g. --each \'[["seeds/a.txt", "--output", "build/clean/a.json"]]\''


def split_each(args: list[str]) -> tuple[list[str], list[list[str]] | None]:
    """The arguments without --each and its value, and the argument lists it gives ([[]] without it);
    None for the lists when the value is not a JSON list of lists of strings."""
    if "--each" not in args:
        return args, [[]]
    at = args.index("--each")
    common = args[:at] + args[at + 2:]
    try:
        each = json.loads(args[at + 1])
    except (IndexError, ValueError):
        return common, None
    valid = isinstance(each, list) and all(
        isinstance(item, list) and all(isinstance(word, str) for word in item) for item in each)
    return common, each if valid else None


SHARD_REMEDY = 'pass e.g. --shard seeds 03of16 --each-seed \'["<path>", "--output", "build/clean/03of16/<seed>.json"]\''


def split_shard(args: list[str]) -> tuple[list[str], list[list[str]]]:
    """The arguments without --shard SEEDS NAME and --each-seed TEMPLATE, and one argument list
    per seed of that shard made from the template; a PipelineError when either is malformed."""
    at = args.index("--shard")
    rest = args[:at] + args[at + 3:]
    if len(args) < at + 3 or "--each-seed" not in rest or "--each" in rest:
        raise PipelineError("--shard", "expected a seeds folder and a shard name, with --each-seed and without --each",
                            SHARD_REMEDY)
    folder, name = args[at + 1:at + 3]
    where = rest.index("--each-seed")
    template = _string_list(rest[where + 1] if where + 1 < len(rest) else "")
    if template is None:
        raise PipelineError("--each-seed", "expected a JSON list of strings", SHARD_REMEDY)
    each = [seed_arguments(template, seed) for seed in shard_members(folder, name)]
    return rest[:where] + rest[where + 2:], each


def _string_list(text: str) -> list[str] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, list) and all(isinstance(word, str) for word in value) else None


MANIFEST_USAGE = ("--manifest and --summary: expected an option and a path,"
                  " e.g. --manifest --output build/shards/a.json")


def split_option_paths(args: list[str], flag: str) -> tuple[list[str], list[tuple[str, str]] | None]:
    """The arguments without the FLAG OPTION PATH triples, and the (OPTION, PATH) pairs;
    None for the pairs when a FLAG lacks its two values."""
    rest, manifests = [], []
    words = iter(args)
    for word in words:
        if word != flag:
            rest.append(word)
            continue
        pair = (next(words, None), next(words, None))
        if None in pair:
            return rest, None
        manifests.append(pair)
    return rest, manifests


def option_values(option: str, each: list[list[str]]) -> list[str]:
    """The value that follows option in each argument list, in order."""
    return [arguments[at + 1] for arguments in each
            for at, word in enumerate(arguments[:-1]) if word == option]


def expand_manifests(args: list[str]) -> list[str]:
    """Each @PATH argument replaced by the paths the manifest at PATH lists."""
    expanded: list[str] = []
    for word in args:
        if not word.startswith("@"):
            expanded.append(word)
            continue
        listed = read_json(word[1:])
        if not (isinstance(listed, list) and all(isinstance(path, str) for path in listed)):
            raise PipelineError(word[1:], "not a manifest (a JSON list of paths)",
                                "rerun the shard job that writes it, or pass the files themselves")
        expanded.extend(listed)
    return expanded


if __name__ == "__main__":
    sys.exit(main())
