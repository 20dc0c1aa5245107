#!/usr/bin/env bash
# Submit a Snakemake job script to "the cluster": run it in the background on this machine and print
# the job id the executor waits on. Without a status command the executor reads the job's outcome
# from the marker files the job script writes when it ends.
set -euo pipefail
jobscript="${!#}"
logs="build/logs/cluster"
mkdir -p "$logs"
name=$(basename "$jobscript" .sh)
nohup bash "$jobscript" >"$logs/$name.out" 2>&1 </dev/null &
echo "local-$!"
