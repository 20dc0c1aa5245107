"""Per-seed rules. In: seeds/<file> (+ seeds/sources.yaml, sidecars). Out: build/clean/<seed>.json,
build/references/<seed>.json, and build/corpus.json over all cleaned seeds."""


rule clean:
    input:
        seed=lambda wildcards: SEEDS[wildcards.seed].path,
        sources=sources_file(config["seeds"]["directory"]),
    output:
        "build/clean/{seed}.json",
    log:
        "build/logs/clean/{seed}.log",
    params:
        python=PY,
        code=code_digest("clean"),
        settings=settings_json(config, "seeds", "cleaning"),
    shell:
        "{params.python:q} -m pipeline clean {input.seed:q} --sources {input.sources:q} --seed-id {wildcards.seed:q}"
        " --settings {params.settings:q} --output {output:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule corpus:
    input:
        expand("build/clean/{seed}.json", seed=SEEDS),
    output:
        "build/corpus.json",
    log:
        "build/logs/corpus.log",
    params:
        python=PY,
        code=code_digest("corpus"),
        settings=settings_json(config, "cleaning"),
    shell:
        "{params.python:q} -m pipeline corpus {input:q} --settings {params.settings:q} --output {output:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule references:
    input:
        clean="build/clean/{seed}.json",
        sidecars=lambda wildcards: SEEDS[wildcards.seed].sidecars,
    output:
        refs="build/references/{seed}.json",
        report="build/references/{seed}.report.json",
    log:
        "build/logs/references/{seed}.log",
    params:
        python=PY,
        code=code_digest("references"),
    shell:
        "{params.python:q} -m pipeline references {input.clean:q} --sidecar {input.sidecars:q}"
        " --output {output.refs:q} --report {output.report:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"
