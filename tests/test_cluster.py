"""The workflow through a real cluster engine's executor: Snakemake's cluster-generic executor submits
every job to profiles/local-cluster/submit.sh, which runs it as its own Snakemake process, as a node
would. A rule that leaned on state outside its declared inputs and outputs, or on the main process,
would fail here or build other bytes. The Slurm profile is checked by a dry run through the Slurm
executor (no cluster is needed to plan)."""

from __future__ import annotations

import filecmp
import subprocess
import sys

from conftest import BUILD_EPOCH, REPO, evidence_dir, make_project, run_snakemake, snakemake_env


def test_cluster_generic_build_matches_the_local_build(tmp_path, default_build):
    project = make_project(tmp_path / "cluster")
    run_snakemake(project, "--profile", str(REPO / "profiles" / "local-cluster"), epoch=BUILD_EPOCH)
    submitted = sorted((project / "build" / "logs" / "cluster").glob("*.out"))
    assert len(submitted) >= 10, "every job goes through the submit script"
    for name in ("full/briefing.html", "full/briefing.pdf", "bibliography.json", "full/facts.json",
                 "executive/briefing.pdf", "full/changes.json"):
        assert filecmp.cmp(evidence_dir(project) / name, evidence_dir(default_build) / name, shallow=False), name


def test_slurm_profile_plans_the_build(tmp_path):
    project = make_project(tmp_path / "slurm")
    command = [sys.executable, "-m", "snakemake", "-s", str(REPO / "Snakefile"), "-d", str(project),
               "--profile", str(REPO / "profiles" / "slurm"), "-n"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=snakemake_env(), cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    planned = result.stdout + result.stderr
    assert "slurm" in planned and "rule html" in planned.replace("localrule", "rule")


def test_every_run_reads_the_workflow_profile(tmp_path):
    """profiles/default/config.yaml (the greedy scheduler over a sample of the ready jobs) applies to
    a plain run as the README gives it, whatever folder it starts in: an unknown key in it, or a
    value Snakemake refuses, fails this plan."""
    project = make_project(tmp_path / "plain")
    command = [sys.executable, "-m", "snakemake", "-s", str(REPO / "Snakefile"), "-d", str(project), "--cores", "2",
               "-n"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=snakemake_env(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    said = result.stdout + result.stderr
    assert f"Using workflow specific profile {REPO / 'profiles' / 'default'}" in said
