"""What each seed's sentences state, a shard of seeds per job. In: build/<config id>/clean/<seed>.json.
Out: build/<config id>/extract/<seed>.json (dates, figures, speakers of each sentence; see
docs/interfaces.md), which the facts rule combines, so that a changed seed rereads only its shard.

One rule per shard of seeds.extract_shard_size seeds (assigned as in rules/seeds.smk, by seed id),
named extract_<shard>, running the extract stage once per seed in one process (--each).
"""

EXTRACT_SHARDS = assign_shards(list(SEEDS), config["seeds"]["extract_shard_size"])


for shard in EXTRACT_SHARDS:

    rule:
        name: f"extract_{shard.name}"
        input:
            clean=[EVIDENCE(f"clean/{seed}.json") for seed in shard.seeds],
        output:
            [EVIDENCE(f"extract/{seed}.json") for seed in shard.seeds],
        log:
            EVIDENCE(f"logs/extract/{shard.name}.log"),
        params:
            python=PY,
            code=code_digest("extract"),
            each=each_arguments([[EVIDENCE(f"clean/{seed}.json"), "--output", EVIDENCE(f"extract/{seed}.json")]
                                 for seed in shard.seeds]),
        shell:
            "{params.python:q} -m pipeline extract --each {params.each:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"
