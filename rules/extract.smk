"""What each seed's sentences state, a shard of seeds per job. In: build/<config id>/clean/<seed>.json.
Out: build/<config id>/extract/<seed>.json (dates, figures, speakers of each sentence; see
docs/interfaces.md), which the facts rule combines, so that a changed seed rereads only its shard.

One rule per shard of seeds.extract_shard_size seeds (assigned as in rules/seeds.smk, by seed id),
named extract_<shard>, running the extract stage once per seed in one process (--each) and listing
what it wrote in shards/extract-<shard>.json, the facts rule's input.
"""

EXTRACT_SHARDS = assign_shards(list(SEEDS), config["seeds"]["extract_shard_size"])
CLEAN_SHARD_OF = {seed: shard for shard in SHARDS for seed in shard.seeds}
EXTRACT_MANIFESTS = [manifest_of("extract", shard) for shard in EXTRACT_SHARDS]


for shard in EXTRACT_SHARDS:

    rule:
        name: f"extract_{shard.name}"
        input:  # the manifests of the clean shards its seeds are in (one per seed would crowd the DAG)
            clean=sorted({manifest_of("clean", CLEAN_SHARD_OF[seed]) for seed in shard.seeds}),
        output:  # the manifest first: Snakemake tries a rule's outputs in order (rules/seeds.smk)
            manifest=manifest_of("extract", shard),
            extract=[EVIDENCE(f"extract/{seed}.json") for seed in shard.seeds],
        log:
            EVIDENCE(f"logs/extract/{shard.name}.log"),
        params:
            python=PY,
            code=code_digest("extract"),
            each=each_arguments([[EVIDENCE(f"clean/{seed}.json"), "--output", EVIDENCE(f"extract/{seed}.json")]
                                 for seed in shard.seeds]),
        shell:
            "{params.python:q} -m pipeline extract --each {params.each:q} --manifest --output {output.manifest:q}"
            " 2> {log:q} || (cat {log:q} >&2; exit 1)"
