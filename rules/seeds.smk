"""Per-seed rules, run a shard of seeds per job. In: seeds/<file> (+ seeds/sources.yaml, sidecars).
Out, in build/<config id>/: clean/<shard>/<seed>.json, references/<shard>/<seed>.json (and
<seed>.report.json), each shard's manifests, survey/<shard>.json (the hashes corpus.json compares,
pipeline/intake/survey/fingerprints.py) and corpus.json over all cleaned seeds.

A job per seed would pay a Python start for a few milliseconds of work, so each shard (SHARDS, from
pipeline/core/shards.py: a stable assignment by seed id) has one clean and one references rule,
named clean_<shard> and references_<shard>, whose command runs the stage once per seed of the
shard (--shard SEEDS NAME --each-seed TEMPLATE) and writes the shard's manifests
(shards/<kind>-<shard>.json: the files it wrote). Rules after them take the manifests as input,
one file a shard, and pass them to the stages as @PATH.

A job's outputs are its manifests and one folder, and its command names the shard, not its seeds:
Snakemake keeps a record for each output of a job, holding the job's inputs, parameters and
command, and a no-op reads them all back (one per seed, each listing the shard's seeds, made a
10,000-seed no-op read 40,000 records).
"""


for shard in SHARDS:

    rule:
        name: f"clean_{shard.name}"
        priority: CRITICAL_PATH
        input:
            seeds=[SEEDS[seed].path for seed in shard.seeds],
            sources=sources_file(config["seeds"]["directory"]),
        output:  # the manifest first: Snakemake finds a rule's output by trying its outputs in order
            manifest=manifest_of("clean", shard),
            survey=EVIDENCE(f"survey/{shard.name}.json"),
            clean=directory(EVIDENCE(f"clean/{shard.name}")),
        log:
            EVIDENCE(f"logs/clean/{shard.name}.log"),
        params:
            python=PY,
            code=code_digest("clean"),
            settings=settings_json(config, "seeds.max_bytes", "seeds.on_bad_seed", "cleaning.extra_debris"),
            seeds=config["seeds"]["directory"],
            shard=shard.name,
            each_seed=each_arguments(["<path>", "--seed-id", "<seed>",
                                      "--output", EVIDENCE(f"clean/{shard.name}/<seed>.json")]),
        shell:
            "{params.python:q} -m pipeline clean --sources {input.sources:q} --settings {params.settings:q}"
            " --shard {params.seeds:q} {params.shard} --each-seed {params.each_seed:q}"
            " --manifest --output {output.manifest:q} --summary --output {output.survey:q}"
            " 2> {log:q} || (cat {log:q} >&2; exit 1)"

    rule:
        name: f"references_{shard.name}"
        priority: CRITICAL_PATH
        input:
            clean=manifest_of("clean", shard),
            sidecars=[path for seed in shard.seeds for path in SEEDS[seed].sidecars],
        output:  # the manifests first, as above
            manifests=[manifest_of("references", shard), manifest_of("reports", shard)],
            refs=directory(EVIDENCE(f"references/{shard.name}")),
        log:
            EVIDENCE(f"logs/references/{shard.name}.log"),
        params:
            python=PY,
            code=code_digest("references"),
            seeds=config["seeds"]["directory"],
            shard=shard.name,
            each_seed=each_arguments([EVIDENCE(f"clean/{shard.name}/<seed>.json"), "--sidecar", "<sidecars>",
                                      "--output", EVIDENCE(f"references/{shard.name}/<seed>.json"),
                                      "--report", EVIDENCE(f"references/{shard.name}/<seed>.report.json")]),
        shell:
            "{params.python:q} -m pipeline references --shard {params.seeds:q} {params.shard}"
            " --each-seed {params.each_seed:q} --manifest --output {output.manifests[0]:q}"
            " --manifest --report {output.manifests[1]:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule corpus:
    priority: CRITICAL_PATH
    input:
        clean=manifests("clean"),
        survey=[EVIDENCE(f"survey/{shard.name}.json") for shard in SHARDS],
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
        "{params.python:q} -m pipeline corpus {params.clean:q} --survey {input.survey:q} --settings {params.settings:q}"
        " --output {output:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"
