"""Shared fixtures: a real build of the default briefing in a temporary folder."""

from __future__ import annotations

import os
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


def run_snakemake(workdir: Path, *extra: str, check: bool = True,
                  epoch: str | None = None) -> subprocess.CompletedProcess:
    """Snakemake from this interpreter, on the repository's Snakefile, in workdir; with an epoch,
    SOURCE_DATE_EPOCH is set to it."""
    command = [sys.executable, "-m", "snakemake", "-s", str(REPO / "Snakefile"), "-d", str(workdir),
               "--cores", "2", *extra]
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch} if epoch else None
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"snakemake failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    return result


def make_project(root: Path, seeds: Path | None = None, config: Path | None = None) -> Path:
    """A folder with a copy of the seeds and the config, as a user's project would have."""
    shutil.copytree(seeds or REPO / "seeds", root / "seeds")
    shutil.copy(config or REPO / "config.yaml", root / "config.yaml")
    return root


def copy_project(project: Path, root: Path) -> Path:
    """A copy of a built project, build/ and Snakemake's records included, file times kept: a
    rebuild of it plans what a rebuild of the original would."""
    shutil.copytree(project, root, symlinks=True)
    return root


@pytest.fixture(scope="session")
def default_build(tmp_path_factory) -> Path:
    """The default briefing, built once per test session by a real Snakemake run."""
    project = make_project(tmp_path_factory.mktemp("default-build"))
    run_snakemake(project, epoch=BUILD_EPOCH)
    return project
