"""What each seed's sentences state, a shard of seeds per job. In: build/<config id>/clean/<shard>/<seed>.json.
Out: build/<config id>/extract/<shard>/<seed>.json (dates, figures, speakers of each sentence; see
docs/interfaces.md), which the facts rule combines, so that a changed seed rereads only its shard.

One rule per shard of about seeds.extract_shard_size seeds (whole clean shards, by seed id), named
extract_<shard>, reading every seed its clean shards' manifests list in one process and listing
what it wrote in shards/extract-<shard>.json, the facts rule's input.
"""

# Coarser than the clean shards and made of whole ones, so that a job's input is their manifests
# and its command names folders, not seeds; its outputs are its manifest and one folder: Snakemake
# keeps the parameters and inputs of a job in a record for each of its outputs (rules/seeds.smk).
EXTRACT_SHARDS = coarser_shards(list(SEEDS), config["seeds"]["shard_size"], config["seeds"]["extract_shard_size"])
EXTRACT_MANIFESTS = [manifest_of("extract", shard) for shard, _ in EXTRACT_SHARDS]


for shard, members in EXTRACT_SHARDS:

    rule:
        name: f"extract_{shard.name}"
        input:
            clean=[manifest_of("clean", member) for member in members],
        output:  # the manifest first: Snakemake tries a rule's outputs in order (rules/seeds.smk)
            manifest=manifest_of("extract", shard),
            extract=directory(EVIDENCE(f"extract/{shard.name}")),
        log:
            EVIDENCE(f"logs/extract/{shard.name}.log"),
        params:
            python=PY,
            code=code_digest("extract"),
            clean=manifest_arguments([manifest_of("clean", member) for member in members]),
        shell:
            "{params.python:q} -m pipeline extract {params.clean:q} --output-folder {output.extract:q}"
            " --written {output.manifest:q} 2> {log:q} || (cat {log:q} >&2; exit 1)"
