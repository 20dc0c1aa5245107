"""Merging the seeds' bibliographies, the evidence every briefing of the config cites. In, under
build/<config id>/: references/*.json, clean/*.json, corpus.json. Out there: bibliography.json,
bibliography-map.json and the report."""


rule bibliography:
    priority: CRITICAL_PATH
    input:
        refs=manifests("references"),
        ref_reports=manifests("reports"),
        clean=manifests("clean"),
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
        refs=manifest_arguments(manifests("references")),
        ref_reports=manifest_arguments(manifests("reports")),
        clean=manifest_arguments(manifests("clean")),
    shell:
        "{params.python:q} -m pipeline bibliography {params.refs:q} --clean {params.clean:q} --corpus {input.corpus:q}"
        " --reference-reports {params.ref_reports:q} --output {output.bibliography:q} --map {output.map:q} --report {output.report:q}"
        " --report-md {output.report_md:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"
