"""briefing-pipeline: seeds/ -> build/briefing.html and build/briefing.pdf.

Each rule calls one stage of the `pipeline` package; see docs/interfaces.md for the files they
hand each other. Stages run with the interpreter Snakemake runs in.
"""

import os
import sys

from snakemake.utils import min_version, validate

from pipeline.core.workflow import discover_seeds, settings_json, sources_file, template_files

min_version("9.0")


configfile: "config.yaml"


validate(config, "pipeline/schemas/config.schema.yaml")

PY = sys.executable
SHIPPED_TEMPLATES = os.path.join(workflow.basedir, "templates")
SEEDS = discover_seeds(config["seeds"]["directory"])
SECTIONS = [section["id"] for section in config["sections"]]


include: "rules/seeds.smk"
include: "rules/bibliography.smk"
include: "rules/briefing.smk"


rule all:
    input:
        "build/briefing.html",
        "build/briefing.pdf",
        "build/facts.json",
