"""From the evidence to each briefing. In: build/<config id>/ (clean/*.json, corpus.json, the
bibliography and its map), templates/. Out, in build/<config id>/<briefing>/: sections/<id>.json
and coverage.json, facts.json, changes.json and changes.md (against previous/), briefing.md with
source-lists.json (each point's further sources, which only the HTML shows), .html and .pdf."""


rule sections:
    priority: CRITICAL_PATH
    input:
        clean=manifests("clean"),
        corpus=EVIDENCE("corpus.json"),
        bibliography=EVIDENCE("bibliography.json"),
        map=EVIDENCE("bibliography-map.json"),
    output:
        sections=directory(BRIEFING("sections")),
        coverage=BRIEFING("coverage.json"),
    log:
        BRIEFING("logs/sections.log"),
    params:
        python=PY,
        code=code_digest("sections"),
        clean=manifest_arguments(manifests("clean")),
        settings=lambda wildcards: settings_json(BRIEFINGS[wildcards.briefing], "sections", "selection"),
        files=lambda wildcards: LAYOUT.section_files(wildcards.briefing, BRIEFINGS[wildcards.briefing]),
    shell:
        "{params.python:q} -m pipeline sections {params.clean:q} --corpus {input.corpus:q}"
        " --bibliography {input.bibliography:q} --map {input.map:q} --settings {params.settings:q}"
        " --output {params.files:q} --coverage {output.coverage:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


# Reads no section, so that it runs beside the sections job: the two are the longest steps after
# the bibliography, and each has a core of its own.
rule facts:
    input:
        clean=manifests("clean"),
        corpus=EVIDENCE("corpus.json"),
        bibliography=EVIDENCE("bibliography.json"),
        map=EVIDENCE("bibliography-map.json"),
        extract=EXTRACT_MANIFESTS,
    output:
        BRIEFING("facts.json"),
    log:
        BRIEFING("logs/facts.log"),
    params:
        python=PY,
        code=code_digest("facts"),
        clean=manifest_arguments(manifests("clean")),
        settings=lambda wildcards: settings_json(BRIEFINGS[wildcards.briefing], "codebook", "facts"),
        extract=manifest_arguments(EXTRACT_MANIFESTS),
    shell:
        "{params.python:q} -m pipeline facts {params.clean:q} --corpus {input.corpus:q}"
        " --bibliography {input.bibliography:q} --map {input.map:q}"
        " --extract {params.extract:q} --settings {params.settings:q} --output {output:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"


# previous/ is the changes job's own record of the builds before (not an output, so Snakemake
# never deletes it): it moves on only when the briefing's sources, points, quotes or figures changed.
rule changes:
    input:
        sections=BRIEFING("sections"),
        facts=BRIEFING("facts.json"),
    output:
        json=BRIEFING("changes.json"),
        markdown=BRIEFING("changes.md"),
    log:
        BRIEFING("logs/changes.log"),
    params:
        python=PY,
        code=code_digest("changes"),
        sections=lambda wildcards: LAYOUT.section_files(wildcards.briefing, BRIEFINGS[wildcards.briefing]),
        previous=BRIEFING("previous"),
    shell:
        "{params.python:q} -m pipeline changes {params.sections:q} --facts {input.facts:q}"
        " --previous {params.previous:q} --output {output.json:q} --markdown {output.markdown:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule fill:
    input:
        sections=BRIEFING("sections"),
        bibliography=EVIDENCE("bibliography.json"),
        map=EVIDENCE("bibliography-map.json"),
        clean=manifests("clean"),
        facts=BRIEFING("facts.json"),
        coverage=BRIEFING("coverage.json"),
        changes=BRIEFING("changes.json"),
        main=lambda wildcards: MAIN_TEMPLATES[wildcards.briefing],
        templates=template_files(SHIPPED_TEMPLATES, USER_TEMPLATES),
    output:
        markdown=BRIEFING("briefing.md"),
        lists=BRIEFING("source-lists.json"),
    log:
        BRIEFING("logs/fill.log"),
    params:
        python=PY,
        code=code_digest("fill"),
        clean=manifest_arguments(manifests("clean")),
        shipped=SHIPPED_TEMPLATES,
        settings=lambda wildcards: settings_json(BRIEFINGS[wildcards.briefing], "briefing", "sections", "selection"),
        sections=lambda wildcards: LAYOUT.section_files(wildcards.briefing, BRIEFINGS[wildcards.briefing]),
    shell:
        "{params.python:q} -m pipeline fill {params.sections:q} --bibliography {input.bibliography:q}"
        " --map {input.map:q} --clean {params.clean:q} --facts {input.facts:q} --coverage {input.coverage:q}"
        " --changes {input.changes:q}"
        " --template {input.main:q} --templates {params.shipped:q} --settings {params.settings:q}"
        " --output {output.markdown:q} --source-lists {output.lists:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


# One job prints the page too: WeasyPrint loads while pandoc runs, and a PDF is never older than
# its page (python -m pipeline pdf still prints an HTML file on its own).
rule html:
    input:
        markdown=BRIEFING("briefing.md"),
        lists=BRIEFING("source-lists.json"),
        bibliography=EVIDENCE("bibliography.json"),
        templates=template_files(SHIPPED_TEMPLATES, USER_TEMPLATES),
    output:
        html=report(BRIEFING("briefing.html"), category="Briefings", subcategory="{briefing}",
                    labels={"briefing": "{briefing}", "format": "HTML"}),
        pdf=report(BRIEFING("briefing.pdf"), category="Briefings", subcategory="{briefing}",
                   labels={"briefing": "{briefing}", "format": "PDF"}),
    log:
        BRIEFING("logs/html.log"),
    params:
        python=PY,
        code=code_digest("html"),
        shipped=SHIPPED_TEMPLATES,
        settings=lambda wildcards: settings_json(BRIEFINGS[wildcards.briefing], "briefing"),
    shell:
        "{params.python:q} -m pipeline html {input.markdown:q} --bibliography {input.bibliography:q}"
        " --templates {params.shipped:q} --settings {params.settings:q} --source-lists {input.lists:q}"
        " --output {output.html:q} --pdf {output.pdf:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"
