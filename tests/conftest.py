"""Shared fixtures: a real build of the default briefing in a temporary folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The build date of the test builds (reproducible-builds.org's SOURCE_DATE_EPOCH): 2024-12-01.
BUILD_EPOCH = "1733011200"

# Tests import the bench scripts as the package `bench` (from bench.dedup_score import ...), from
# wherever pytest is started.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
# The development data the tests read is their own copy, in every clone, never the workplace's
# set beside the repository (bench/evaldata.py); set before any test module imports the benches.
os.environ["BRIEFING_EVAL_DIR"] = str(FIXTURES / "eval")


def snakemake_env(repo: Path = REPO, epoch: str | None = None) -> dict[str, str]:
    """The environment a build runs in: repo's package first on the path; with an epoch,
    SOURCE_DATE_EPOCH set to it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")]))}
    return {**env, "SOURCE_DATE_EPOCH": epoch} if epoch else env


def snakemake_command(workdir: Path, *extra: str, repo: Path = REPO) -> list[str]:
    """The README's build command, from this interpreter, on repo's Snakefile, in workdir."""
    return [sys.executable, "-m", "snakemake", "-s", str(repo / "Snakefile"), "-d", str(workdir),
            "--cores", "2", *extra]


def run_snakemake(workdir: Path, *extra: str, check: bool = True, epoch: str | None = None,
                  repo: Path = REPO) -> subprocess.CompletedProcess:
    """Snakemake from this interpreter, on repo's Snakefile (this repository's unless told), in
    workdir; with an epoch, SOURCE_DATE_EPOCH is set to it."""
    command = snakemake_command(workdir, *extra, repo=repo)
    # Started in workdir, as a user would: `python -m` puts the directory it starts in first on the
    # path, and the Snakefile must import the package the jobs run.
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, env=snakemake_env(repo, epoch),
                            cwd=workdir)
    if check and result.returncode != 0:
        raise AssertionError(f"snakemake failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    return result


def make_project(root: Path, seeds: Path | None = None, config: Path | None = None) -> Path:
    """A folder with a copy of the seeds and the config, as a user's project would have."""
    shutil.copytree(seeds or REPO / "seeds", root / "seeds")
    shutil.copy(config or REPO / "config.yaml", root / "config.yaml")
    return root


def evidence_dir(project: Path) -> Path:
    """A test project's build folder, build/<config id>/: the evidence its briefings share."""
    from pipeline.core.builds import config_id
    from pipeline.core.config import load_config

    return project / "build" / config_id(load_config(str(project / "config.yaml")), ["config.yaml"])


def seed_files(evidence: Path, kind: str) -> list[Path]:
    """The per-seed files of one kind (clean, references, reports, extract) that a build's shard
    jobs wrote, as their manifests (shards/<kind>-<shard>.json) list them, ordered by file name."""
    project = evidence.parent.parent  # the manifests' paths are relative to the project: build/<config id>/...
    listed = [project / path for manifest in sorted((evidence / "shards").glob(f"{kind}-*.json"))
              for path in json.loads(manifest.read_text("utf-8"))]
    return sorted(listed, key=lambda path: path.name)


def briefing_dir(project: Path, briefing: str = "full") -> Path:
    """A test project's briefing folder, build/<config id>/<briefing>/ (the full briefing unless told)."""
    return evidence_dir(project) / briefing


def copy_project(project: Path, root: Path) -> Path:
    """A copy of a built project, build/ and Snakemake's records included, file times kept: a
    rebuild of it plans what a rebuild of the original would."""
    shutil.copytree(project, root, symlinks=True)
    return root


def repository_files() -> list[str]:
    """This repository's files as a commit of the working tree would hold them: tracked and new ones,
    not the ignored (build/, .snakemake/, .venv/)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    return sorted(name for name in listed if name and (REPO / name).is_file())


def copy_repository(root: Path) -> Path:
    """A copy of the repository's files (as repository_files lists them) in root."""
    for name in repository_files():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, root / name)
    return root


def planned_jobs(output: str) -> dict[str, int]:
    """Rule -> count, from the job stats table of a dry run; {} when nothing is to be done. The
    per-shard rules (clean_0of1, references_3of8) count under their stage's name."""
    if "Job stats:" not in output:
        assert "Nothing to be done" in output, output[-3000:]
        return {}
    table = output.split("Job stats:", 1)[1].split("\ntotal", 1)[0]  # a dry run prints the table twice
    jobs: dict[str, int] = {}
    for rule, count in re.findall(r"^(\w+)\s+(\d+)$", table, re.M):
        if rule != "total":
            stage = re.sub(r"_\d+of\d+$", "", rule)
            jobs[stage] = jobs.get(stage, 0) + int(count)
    return jobs


@pytest.fixture(scope="session")
def default_build(tmp_path_factory) -> Path:
    """The default briefing, built once per test session by a real Snakemake run."""
    project = make_project(tmp_path_factory.mktemp("default-build"))
    run_snakemake(project, epoch=BUILD_EPOCH)
    return project
