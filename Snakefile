"""briefing-pipeline: seeds/ -> build/<config id>/<briefing id>/briefing.html and .pdf.

Each rule calls one stage of the `pipeline` package; see docs/interfaces.md for the files they
hand each other. A config builds in build/<config id>/ (pipeline/core/builds.py): the evidence its
briefings share there, each briefing in a folder of its own. Stages run with the interpreter
Snakemake runs in, and each rule's params carry a digest of the code its stage runs
(code_digest), so that a code change reruns the jobs it affects.
"""

import os
import sys

from snakemake.utils import min_version

from pipeline.core.buildlock import hold_build_folder
from pipeline.core.builds import briefing_settings, config_layout
from pipeline.core.config import DEFAULT_CONFIG, snakefile_config
from pipeline.core.shards import assign_shards, coarser_shards, each_arguments, manifest_arguments, manifest_name
from pipeline.core.workflow import (
    briefing_wildcard,
    code_digest,
    discover_seeds,
    main_template,
    settings_json,
    sources_file,
    template_files,
)

min_version("9.0")

# Not `configfile:`: Snakemake would parse config.yaml itself, with a loader that expands aliases
# without bound, and its schema errors are a page long. A --configfile stands alone (keys it leaves
# out take the schema's defaults); Snakemake parses it before this line, see docs/architecture.md.
config.clear()
config.update(snakefile_config(workflow.overwrite_configfiles, workflow.config_settings.config))
if not workflow.overwrite_configfiles:
    workflow.configfiles.append(DEFAULT_CONFIG)

# One Snakemake run at a time in this folder (a second waits); what a killed build left is cleared.
if workflow.is_main_process:
    hold_build_folder()

PY = sys.executable
SHIPPED_TEMPLATES = os.path.join(workflow.basedir, "templates")
USER_TEMPLATES = config["briefing"]["templates"]
SEEDS = discover_seeds(config["seeds"]["directory"])
SHARDS = assign_shards(list(SEEDS), config["seeds"]["shard_size"])
LAYOUT = config_layout(config, workflow.overwrite_configfiles)
EVIDENCE, BRIEFING = LAYOUT.evidence, LAYOUT.briefing
BRIEFINGS = briefing_settings(config)  # briefing id -> the config as its stages see it
def manifest_of(kind, shard):
    return EVIDENCE(manifest_name(kind, shard))


def manifests(kind):
    return [manifest_of(kind, shard) for shard in SHARDS]


MAIN_TEMPLATES = {ident: main_template(SHIPPED_TEMPLATES, settings) for ident, settings in BRIEFINGS.items()}


# The jobs the briefing waits on in turn (clean, references, corpus, bibliography, sections) run
# before the extract shards whenever both are ready: the extract shards then fill the core the
# stages that combine all seeds leave idle, instead of holding them back (docs/architecture.md).
CRITICAL_PATH = 1


wildcard_constraints:
    briefing=briefing_wildcard(BRIEFINGS),


include: "rules/seeds.smk"
include: "rules/bibliography.smk"
include: "rules/extract.smk"
include: "rules/briefing.smk"


rule all:
    input:
        expand(BRIEFING("briefing.html"), briefing=BRIEFINGS),
        expand(BRIEFING("briefing.pdf"), briefing=BRIEFINGS),
        expand(BRIEFING("facts.json"), briefing=BRIEFINGS),
        expand(BRIEFING("changes.md"), briefing=BRIEFINGS),
