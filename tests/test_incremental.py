"""Changing one seed reruns that seed's jobs and the aggregate jobs, nothing else."""

from __future__ import annotations

from conftest import copy_project, planned_jobs, run_snakemake


def test_changing_one_seed_reruns_only_its_jobs_and_the_aggregates(default_build, tmp_path):
    project = copy_project(default_build, tmp_path / "project")
    seed = sorted((project / "seeds").glob("*.txt"))[1]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA sentence added later to this article.\n",
                    encoding="utf-8")
    result = run_snakemake(project, "--dry-run")
    jobs = planned_jobs(result.stdout + result.stderr)
    per_briefing = {"sections": 2, "facts": 2, "changes": 2, "fill": 2, "html": 2}  # full and executive
    assert jobs == {"all": 1, "clean": 1, "references": 1, "extract": 1, "corpus": 1, "bibliography": 1,
                    **per_briefing}
