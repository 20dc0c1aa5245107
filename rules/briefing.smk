"""From sources to the document. In: build/clean/*.json, build/corpus.json, the bibliography and
its map, templates/. Out: build/sections/<id>.json, build/facts.json, build/briefing.md, .html and .pdf."""


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
        python=PY,
        code=code_digest("sections"),
        settings=settings_json(config, "sections", "selection"),
    shell:
        "{params.python:q} -m pipeline sections {input.clean:q} --corpus {input.corpus:q}"
        " --bibliography {input.bibliography:q} --map {input.map:q} --settings {params.settings:q}"
        " --output {output:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule facts:
    input:
        clean=expand("build/clean/{seed}.json", seed=SEEDS),
        corpus="build/corpus.json",
        bibliography="build/bibliography.json",
        map="build/bibliography-map.json",
        sections=expand("build/sections/{section}.json", section=SECTIONS),
    output:
        "build/facts.json",
    log:
        "build/logs/facts.log",
    params:
        python=PY,
        code=code_digest("facts"),
        settings=settings_json(config, "codebook", "facts"),
    shell:
        "{params.python:q} -m pipeline facts {input.clean:q} --corpus {input.corpus:q}"
        " --bibliography {input.bibliography:q} --map {input.map:q} --sections {input.sections:q}"
        " --settings {params.settings:q} --output {output:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


rule fill:
    input:
        sections=expand("build/sections/{section}.json", section=SECTIONS),
        bibliography="build/bibliography.json",
        map="build/bibliography-map.json",
        clean=expand("build/clean/{seed}.json", seed=SEEDS),
        facts="build/facts.json",
        main=os.path.join(SHIPPED_TEMPLATES, "briefing.md.j2"),
        templates=template_files(SHIPPED_TEMPLATES, config["briefing"]["templates"]),
    output:
        "build/briefing.md",
    log:
        "build/logs/fill.log",
    params:
        python=PY,
        code=code_digest("fill"),
        settings=settings_json(config, "briefing", "sections", "selection"),
    shell:
        "{params.python:q} -m pipeline fill {input.sections:q} --bibliography {input.bibliography:q}"
        " --map {input.map:q} --clean {input.clean:q} --facts {input.facts:q} --template {input.main:q}"
        " --settings {params.settings:q}"
        " --output {output:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"


# One job prints the page too: WeasyPrint loads while pandoc runs, and a PDF is never older than
# its page (python -m pipeline pdf still prints an HTML file on its own).
rule html:
    input:
        markdown="build/briefing.md",
        bibliography="build/bibliography.json",
        templates=template_files(SHIPPED_TEMPLATES, config["briefing"]["templates"]),
    output:
        html=report("build/briefing.html", category="Briefing", labels={"format": "HTML"}),
        pdf=report("build/briefing.pdf", category="Briefing", labels={"format": "PDF"}),
    log:
        "build/logs/html.log",
    params:
        python=PY,
        code=code_digest("html"),
        shipped=SHIPPED_TEMPLATES,
        settings=settings_json(config, "briefing"),
    shell:
        "{params.python:q} -m pipeline html {input.markdown:q} --bibliography {input.bibliography:q}"
        " --templates {params.shipped:q} --settings {params.settings:q} --output {output.html:q} --pdf {output.pdf:q}"
        " 2> {log:q} || (cat {log:q} >&2; exit 1)"
