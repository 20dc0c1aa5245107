"""Merging the seeds' bibliographies, the evidence every briefing of the config cites. In, under
build/<config id>/: references/*.json, clean/*.json, corpus.json. Out there: bibliography.json,
bibliography-map.json and the report."""


rule bibliography:
    input:
        refs=expand(EVIDENCE("references/{seed}.json"), seed=SEEDS),
        ref_reports=expand(EVIDENCE("references/{seed}.report.json"), seed=SEEDS),
        clean=expand(EVIDENCE("clean/{seed}.json"), seed=SEEDS),
        corpus=EVIDENCE("corpus.json"),
    output:
        bibliography=EVIDENCE("bibliography.json"),
        map=EVIDENCE("bibliography-map.json"),
        report=EVIDENCE("bibliography-report.json"),
        report_md=EVIDENCE("bibliography-report.md"),
    log:
        EVIDENCE("logs/bibliography.log"),
    params:
        python=PY,
        code=code_digest("bibliography"),
    shell:
        "{params.python:q} -m pipeline bibliography {input.refs:q} --clean {input.clean:q} --corpus {input.corpus:q}"
        " --reference-reports {input.ref_reports:q} --output {output.bibliography:q} --map {output.map:q} --report {output.report:q}"
        " --report-md {output.report_md:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"
