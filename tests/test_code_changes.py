"""A change to the code a stage runs reruns that stage's jobs and what follows them, nothing else.

Rules run shell commands, so Snakemake sees no code of theirs; each rule's params carry a digest of
its stage's layer and the layers below it (pipeline/core/workflow.py), and Snakemake's params
trigger does the rest. Each test edits a built copy of the repository and puts the file back.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, copy_repository, make_project, planned_jobs, run_snakemake
from pipeline.core.workflow import STAGE_LAYER, code_digest

BRIEFINGS = 2  # the default config's full briefing and executive brief: their jobs run once each
# The five seeds are one shard: one clean, one references and one extract job (pipeline/core/shards.py);
# the extract stage is in the content layer, after the references one.
AFTER_REFERENCES = {"references": 1, "bibliography": 1, "extract": 1, "sections": BRIEFINGS, "facts": BRIEFINGS,
                    "changes": BRIEFINGS, "fill": BRIEFINGS, "html": BRIEFINGS, "all": 1}
RENDER = {"fill": BRIEFINGS, "html": BRIEFINGS, "all": 1}


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory) -> Path:
    """A copy of the repository with the default briefing built in it by its own Snakefile."""
    repo = copy_repository(tmp_path_factory.mktemp("code-changes"))
    make_project(repo / "project", seeds=repo / "seeds", config=repo / "config.yaml")
    run_snakemake(repo / "project", repo=repo, epoch=BUILD_EPOCH)
    return repo


@contextmanager
def edited(path: Path, edit):
    original = path.read_bytes()
    path.write_text(edit(original.decode("utf-8")), encoding="utf-8")
    try:
        yield
    finally:
        path.write_bytes(original)


def dry_run(repo: Path) -> dict[str, int]:
    result = run_snakemake(repo / "project", "--dry-run", repo=repo)
    return planned_jobs(result.stdout + result.stderr)


def test_nothing_changed_plans_nothing(built_copy):
    assert dry_run(built_copy) == {}


def test_a_comment_in_a_stage_module_reruns_that_stage_and_what_follows(built_copy):
    module = built_copy / "pipeline" / "references" / "extract.py"
    with edited(module, lambda text: text + "\n# a comment added later\n"):
        assert dry_run(built_copy) == AFTER_REFERENCES
    assert dry_run(built_copy) == {}


def test_a_render_module_reruns_only_the_render_stages(built_copy):
    with edited(built_copy / "pipeline" / "render" / "pdf.py", lambda text: text + "\n# later\n"):
        assert dry_run(built_copy) == RENDER


def test_a_shared_module_reruns_everything(built_copy):
    with edited(built_copy / "pipeline" / "core" / "jsonio.py", lambda text: text + "\n# later\n"):
        assert dry_run(built_copy) == {"clean": 1, "corpus": 1, **AFTER_REFERENCES}


def test_a_stylesheet_reruns_the_render_stages(built_copy):
    with edited(built_copy / "templates" / "style" / "print.css", lambda text: text + "\n/* later */\n"):
        assert dry_run(built_copy) == RENDER


def test_each_stage_digests_its_layer_and_those_before_it(tmp_path):
    def package(root: Path, content: str) -> Path:
        for layer in ("core", "text", "intake", "references", "bibliography", "content", "render", "data"):
            (root / layer).mkdir(parents=True)
            (root / layer / "module.py").write_text(content if layer == "content" else "x = 1\n")
        return root

    before, after = package(tmp_path / "before", "x = 1\n"), package(tmp_path / "after", "x = 2\n")
    changed = {stage for stage in STAGE_LAYER if code_digest(stage, before) != code_digest(stage, after)}
    assert changed == {"sections", "extract", "facts", "changes", "fill", "html", "pdf"}


def test_every_stage_is_digested_by_the_layer_its_module_is_in():
    from pipeline.__main__ import STAGES

    assert set(STAGE_LAYER) == set(STAGES)
    assert {stage: module.split(".")[1] for stage, (module, _) in STAGES.items()} == STAGE_LAYER
