"""Which seeds share a job: a stable assignment of seed ids to shards.

A per-seed job pays a Python start and the stage's imports (a few tenths of a second) for a few
milliseconds of work; a job per shard of seeds pays them once for the shard. Each seed's shard
follows from its id alone (the leading bits of a SHA-256 of it), so adding or changing one seed
reruns only its shard's jobs. The number of shards is the power of two that keeps shards at about
shard_size seeds; when the corpus grows past a power of two it doubles, each shard splits in two,
and the per-seed jobs run once more (the outputs are the same bytes: only the grouping changed).

A shard job is told its shard by name (`shard_members`: the name says which of how many, and the
seeds folder says who is in it) and how to run the stage on one seed (`seed_arguments`: an
argument list with <seed>, <path> and <sidecars> in it), never its seeds one by one: Snakemake
copies a job's parameters into its records, which a no-op reads back for every job.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from pipeline.core.errors import PipelineError
from pipeline.core.workflow import Seed, discover_seeds


@dataclass(frozen=True)
class Shard:
    name: str
    seeds: tuple[str, ...]


def shard_count(seeds: int, shard_size: int) -> int:
    """The least power of two that leaves no shard more than shard_size seeds on average."""
    count = 1
    while count * shard_size < seeds:
        count *= 2
    return count


def shard_of(seed: str, count: int) -> int:
    """The shard a seed id falls in among count (a power of two): its hash's leading bits."""
    bits = count.bit_length() - 1
    return int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:4], "big") >> (32 - bits) if bits else 0


def assign_shards(seeds: list[str], shard_size: int) -> list[Shard]:
    """The non-empty shards in order, each with its seeds in the order given."""
    return _named_shards(seeds, shard_count(len(seeds), shard_size))


def each_arguments(arguments: list[list[str]] | list[str]) -> str:
    """The JSON a batched stage takes as --each (one argument list per seed of the shard) or as
    --each-seed (one seed's argument list, a template for seed_arguments)."""
    return json.dumps(arguments, ensure_ascii=False, separators=(",", ":"))


SHARD_NAME = re.compile(r"(\d+)of(\d+)")


def parse_shard_name(name: str) -> tuple[int, int]:
    """A shard's index and the number of shards, from its name ("03of16"); a one-line error if it is none."""
    match = SHARD_NAME.fullmatch(name)
    index, count = (int(match[1]), int(match[2])) if match else (0, 0)
    if not match or index >= count or count & (count - 1):
        raise PipelineError(name, "not a shard name (INDEXofCOUNT, COUNT a power of two above INDEX)",
                            "pass a name as the Snakefile gives it, e.g. --shard seeds 03of16")
    return index, count


def shard_members(directory: str, name: str) -> list[Seed]:
    """The seeds of the seeds folder that fall in the named shard, in the order assign_shards gives."""
    index, count = parse_shard_name(name)
    return list(discover_seeds(directory, lambda seed: shard_of(seed, count) == index).values())


SEED_PLACEHOLDER = re.compile(r"<(seed|path)>")


def seed_arguments(template: list[str], seed: Seed) -> list[str]:
    """One seed's arguments from a template: <seed> is its id and <path> its file wherever they
    stand, and a word <sidecars> stands for its sidecar files, none or several. One pass: a seed's
    file name (untrusted) is never read as a template."""
    values = {"seed": seed.id, "path": seed.path}
    arguments: list[str] = []
    for word in template:
        if word == "<sidecars>":
            arguments.extend(seed.sidecars)
        else:
            arguments.append(SEED_PLACEHOLDER.sub(lambda match: values[match[1]], word))
    return arguments


def manifest_name(kind: str, shard: Shard) -> str:
    """Where, in the evidence folder, a shard job lists the files of one kind it wrote (clean,
    references, reports): the one input a shard gives the rules after it."""
    return f"shards/{kind}-{shard.name}.json"


def manifest_arguments(paths: list[str]) -> list[str]:
    """The manifests as a stage's arguments: @PATH stands for the files a manifest lists."""
    return ["@" + path for path in paths]


def coarser_shards(seeds: list[str], fine_size: int, coarse_size: int) -> list[tuple[Shard, list[Shard]]]:
    """Shards of about coarse_size seeds (never finer than those of fine_size), each with the fine
    shards it is made of. A shard's seeds are those whose hash opens with its bits, so a shard
    among fewer shards is the union of whole shards among more: a job over a coarse shard takes
    the fine shards' manifests as its input and writes a file for every seed they list."""
    fine = assign_shards(seeds, fine_size)
    count = min(shard_count(len(seeds), coarse_size), shard_count(len(seeds), fine_size))
    fine_of = {seed: shard for shard in fine for seed in shard.seeds}
    return [(coarse, list(dict.fromkeys(fine_of[seed] for seed in coarse.seeds)))
            for coarse in _named_shards(seeds, count)]


def _named_shards(seeds: list[str], count: int) -> list[Shard]:
    members: dict[int, list[str]] = {}
    for seed in seeds:
        members.setdefault(shard_of(seed, count), []).append(seed)
    width = len(str(count - 1))
    return [Shard(f"{index:0{width}d}of{count}", tuple(members[index])) for index in sorted(members)]
