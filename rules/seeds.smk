"""Per-seed rules. In: seeds/<file> (+ seeds/sources.yaml, sidecars). Out, in build/<config id>/:
clean/<seed>.json, references/<seed>.json, and corpus.json over all cleaned seeds."""


rule clean:
    input:
        seed=lambda wildcards: SEEDS[wildcards.seed].path,
        sources=sources_file(config["seeds"]["directory"]),
    output:
        EVIDENCE("clean/{seed}.json"),
    log:
        EVIDENCE("logs/clean/{seed}.log"),
    params:
        python=PY,
        code=code_digest("clean"),
        settings=settings_json(config, "seeds", "cleaning"),
    shell:
        "{params.python:q} -m pipeline clean {input.seed:q} --sources {input.sources:q} --seed-id {wildcards.seed:q}"
        " --settings {params.settings:q} --output {output:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule corpus:
    input:
        expand(EVIDENCE("clean/{seed}.json"), seed=SEEDS),
    output:
        EVIDENCE("corpus.json"),
    log:
        EVIDENCE("logs/corpus.log"),
    params:
        python=PY,
        code=code_digest("corpus"),
        settings=settings_json(config, "cleaning"),
    shell:
        "{params.python:q} -m pipeline corpus {input:q} --settings {params.settings:q} --output {output:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule references:
    input:
        clean=EVIDENCE("clean/{seed}.json"),
        sidecars=lambda wildcards: SEEDS[wildcards.seed].sidecars,
    output:
        refs=EVIDENCE("references/{seed}.json"),
        report=EVIDENCE("references/{seed}.report.json"),
    log:
        EVIDENCE("logs/references/{seed}.log"),
    params:
        python=PY,
        code=code_digest("references"),
    shell:
        "{params.python:q} -m pipeline references {input.clean:q} --sidecar {input.sidecars:q}"
        " --output {output.refs:q} --report {output.report:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"
