"""Merging the seeds' bibliographies. In: build/references/*.json, build/clean/*.json,
build/corpus.json. Out: build/bibliography.json, build/bibliography-map.json and the report."""


rule bibliography:
    input:
        refs=expand("build/references/{seed}.json", seed=SEEDS),
        ref_reports=expand("build/references/{seed}.report.json", seed=SEEDS),
        clean=expand("build/clean/{seed}.json", seed=SEEDS),
        corpus="build/corpus.json",
    output:
        bibliography="build/bibliography.json",
        map="build/bibliography-map.json",
        report="build/bibliography-report.json",
        report_md="build/bibliography-report.md",
    log:
        "build/logs/bibliography.log",
    params:
        python=PY,
        code=code_digest("bibliography"),
    shell:
        "{params.python:q} -m pipeline bibliography {input.refs:q} --clean {input.clean:q} --corpus {input.corpus:q}"
        " --reference-reports {input.ref_reports:q} --output {output.bibliography:q} --map {output.map:q} --report {output.report:q}"
        " --report-md {output.report_md:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"
