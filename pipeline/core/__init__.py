"""The shared core every stage may use, and which uses no stage.

- errors:   PipelineError, the one-line error, warnings, run_cli (a stage's main wrapped)
- jsonio:   reading and atomically writing the JSON and text files stages hand each other
- lazyfiles: JSON files by name, each read when a stage first looks it up
- bibmap:   reading build/bibliography-map.json (a number may stand for several works)
- config:   the build's config (config.yaml or --configfile), validated against
            schemas/config.schema.yaml, its errors in one line naming the key
- yamlload: YAML users write, loaded as plain data with alias expansion bounded
- workflow: what the Snakefile asks: the seeds, their sidecars, the settings, templates and code digest each rule gets
- builds:   where a config builds (build/<config id>/, a folder per briefing) and each briefing's settings
- shards:   which seeds share a job (a stable assignment by seed id), a shard found again from its name,
            and each seed's arguments from one template
- buildlock: one Snakemake run at a time in a folder; a killed build's lock and unfinished outputs cleared
- aside:    a second process that imports a heavy library while the stage does its other work
- unionfind: items linked in pairs joined into groups, each named by its smallest item
- collector: the cyclic garbage collector paused while a stage after the per-seed ones runs
"""
