"""Per-seed rules, run a shard of seeds per job. In: seeds/<file> (+ seeds/sources.yaml, sidecars).
Out, in build/<config id>/: clean/<seed>.json, references/<seed>.json, and corpus.json over all cleaned seeds.

A job per seed would pay a Python start for a few milliseconds of work, so each shard (SHARDS, from
pipeline/core/shards.py: a stable assignment by seed id) has one clean and one references rule,
named clean_<shard> and references_<shard>, whose command runs the stage once per seed (--each)
and writes the shard's manifests (shards/<kind>-<shard>.json: the files it wrote). Rules after
them take the manifests as input, one file a shard, and pass them to the stages as @PATH.
"""


for shard in SHARDS:

    rule:
        name: f"clean_{shard.name}"
        input:
            seeds=[SEEDS[seed].path for seed in shard.seeds],
            sources=sources_file(config["seeds"]["directory"]),
        output:  # the manifest first: Snakemake finds a rule's output by trying its outputs in order
            manifest=manifest_of("clean", shard),
            clean=[EVIDENCE(f"clean/{seed}.json") for seed in shard.seeds],
        log:
            EVIDENCE(f"logs/clean/{shard.name}.log"),
        params:
            python=PY,
            code=code_digest("clean"),
            settings=settings_json(config, "seeds", "cleaning"),
            each=each_arguments([[SEEDS[seed].path, "--seed-id", seed, "--output", EVIDENCE(f"clean/{seed}.json")]
                                 for seed in shard.seeds]),
        shell:
            "{params.python:q} -m pipeline clean --sources {input.sources:q} --settings {params.settings:q}"
            " --each {params.each:q} --manifest --output {output.manifest:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"

    rule:
        name: f"references_{shard.name}"
        input:
            clean=manifest_of("clean", shard),
            sidecars=[path for seed in shard.seeds for path in SEEDS[seed].sidecars],
        output:  # the manifests first, as above
            manifests=[manifest_of("references", shard), manifest_of("reports", shard)],
            refs=[EVIDENCE(f"references/{seed}.json") for seed in shard.seeds],
            reports=[EVIDENCE(f"references/{seed}.report.json") for seed in shard.seeds],
        log:
            EVIDENCE(f"logs/references/{shard.name}.log"),
        params:
            python=PY,
            code=code_digest("references"),
            each=each_arguments([[EVIDENCE(f"clean/{seed}.json"), "--sidecar", *SEEDS[seed].sidecars,
                                  "--output", EVIDENCE(f"references/{seed}.json"),
                                  "--report", EVIDENCE(f"references/{seed}.report.json")] for seed in shard.seeds]),
        shell:
            "{params.python:q} -m pipeline references --each {params.each:q} --manifest --output {output.manifests[0]:q}"
            " --manifest --report {output.manifests[1]:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule corpus:
    input:
        manifests("clean"),
    output:
        EVIDENCE("corpus.json"),
    log:
        EVIDENCE("logs/corpus.log"),
    params:
        python=PY,
        code=code_digest("corpus"),
        clean=manifest_arguments(manifests("clean")),
        settings=settings_json(config, "cleaning"),
    shell:
        "{params.python:q} -m pipeline corpus {params.clean:q} --settings {params.settings:q} --output {output:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"
