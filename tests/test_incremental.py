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


def test_the_facts_job_does_not_wait_for_the_sections(default_build, tmp_path):
    """facts reads no section (coverage.json is the sections job's), so that the two run side by side:
    rerunning the sections reruns what reads them, never the facts."""
    project = copy_project(default_build, tmp_path / "project")
    result = run_snakemake(project, "--dry-run", "--forcerun", "sections")
    jobs = planned_jobs(result.stdout + result.stderr)
    assert jobs == {"all": 1, "sections": 2, "changes": 2, "fill": 2, "html": 2}
