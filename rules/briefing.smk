"""From sources to the document. In: build/clean/*.json, build/corpus.json, the bibliography and
its map, templates/. Out: build/sections/<id>.json, build/briefing.md, .html and .pdf."""


rule sections:
    input:
        clean=expand("build/clean/{seed}.json", seed=SEEDS),
        corpus="build/corpus.json",
        bibliography="build/bibliography.json",
        map="build/bibliography-map.json",
    output:
        expand("build/sections/{section}.json", section=SECTIONS),
    log:
        "build/logs/sections.log",
    params:
        settings=settings_json(config, "sections", "selection"),
        outdir="build/sections",
    shell:
        "{PY:q} -m pipeline.sections {input.clean:q} --corpus {input.corpus:q}"
        " --bibliography {input.bibliography:q} --map {input.map:q} --settings {params.settings:q}"
        " --output-dir {params.outdir:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule fill:
    input:
        sections=expand("build/sections/{section}.json", section=SECTIONS),
        bibliography="build/bibliography.json",
        clean=expand("build/clean/{seed}.json", seed=SEEDS),
        templates=template_files(SHIPPED_TEMPLATES, config["briefing"]["templates"]),
    output:
        "build/briefing.md",
    log:
        "build/logs/fill.log",
    params:
        settings=settings_json(config, "briefing", "sections", "selection"),
        shipped=SHIPPED_TEMPLATES,
    shell:
        "{PY:q} -m pipeline.fill {input.sections:q} --bibliography {input.bibliography:q}"
        " --clean {input.clean:q} --templates {params.shipped:q} --settings {params.settings:q}"
        " --output {output:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule html:
    input:
        markdown="build/briefing.md",
        bibliography="build/bibliography.json",
        templates=template_files(SHIPPED_TEMPLATES, None),
    output:
        "build/briefing.html",
    log:
        "build/logs/html.log",
    params:
        settings=settings_json(config, "briefing"),
        shipped=SHIPPED_TEMPLATES,
    shell:
        "{PY:q} -m pipeline.html {input.markdown:q} --bibliography {input.bibliography:q}"
        " --templates {params.shipped:q} --settings {params.settings:q} --output {output:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule pdf:
    input:
        "build/briefing.html",
    output:
        "build/briefing.pdf",
    log:
        "build/logs/pdf.log",
    params:
        shipped=SHIPPED_TEMPLATES,
    shell:
        "{PY:q} -m pipeline.pdf {input:q} --templates {params.shipped:q} --output {output:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"
