"""One build folder per config, one folder per briefing, several briefings from one config's
evidence, and what changed since the previous build (pipeline/core/builds.py, content/changes.py)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import (
    BUILD_EPOCH,
    briefing_dir,
    copy_project,
    evidence_dir,
    planned_jobs,
    run_snakemake,
    seed_files,
)
from pipeline.content.changes import compare, next_base, snapshot
from pipeline.core.builds import briefing_settings, config_id
from pipeline.core.config import validate_config
from pipeline.core.errors import PipelineError

# An invented article, on the default topic, from an invented outlet.
ADDED_SEED = """Pyongyang's Second Rotation Reaches the Front

By Imre Castellanos

North Korea has sent a second rotation of troops to Russia's Kursk region, military analysts at the Tallinn Defence Forum said on Monday, bringing the number of North Korean soldiers deployed there to an estimated 12,000.

The analysts said the new North Korean units arrived by rail over several nights and were placed under Russian command near the border with Ukraine, where Kim Jong Un's troops have been deployed since October.

Officials in Seoul said the deployment of North Korean soldiers showed how far Pyongyang's military pact with Moscow now reaches, and warned that North Korea expects missile technology and hard currency in return for its troops.

In Kyiv, Zelensky said the second deployment of North Korean troops was a reaction the allies could not ignore, and European governments voiced concerns that the plan to freeze the front lines would reward Russia.
"""


def files_under(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {str(path.relative_to(folder)): (path.stat().st_mtime_ns, path.read_bytes())
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_the_default_build_writes_each_briefing_in_its_own_folder(default_build):
    assert sorted(p.name for p in (default_build / "build").iterdir() if p.is_dir()) == ["north-korea"]
    for briefing in ("full", "executive"):
        folder = briefing_dir(default_build, briefing)
        for name in ("briefing.md", "briefing.html", "briefing.pdf", "facts.json", "changes.json", "changes.md"):
            assert (folder / name).is_file(), (briefing, name)
        assert sorted(p.name for p in (folder / "sections").glob("*.json"))
        assert (folder / "logs" / "fill.log").is_file()
    for name in ("corpus.json", "bibliography.json", "bibliography-map.json"):
        assert (evidence_dir(default_build) / name).is_file()
    assert not (evidence_dir(default_build) / "facts.json").exists()  # a briefing's, not the evidence's


def test_the_executive_brief_is_one_page_of_the_same_evidence(default_build):
    full, brief = briefing_dir(default_build, "full"), briefing_dir(default_build, "executive")
    assert len(PdfReader(brief / "briefing.pdf").pages) == 1
    assert len(PdfReader(full / "briefing.pdf").pages) > 5
    page = lxml_html.fromstring((brief / "briefing.html").read_bytes())
    assert page.xpath("//body[@class='compact']") and not page.xpath("//nav[@id='TOC']")
    assert "Executive brief" in page.xpath("string(//p[@class='kind'])")
    section = json.loads((brief / "sections" / "deployment.json").read_text("utf-8"))
    assert len(section["points"]) == 1 and section["quotes"] == []  # its own limits: 1 point, no quotation
    full_ids = {item["id"] for item in json.loads((evidence_dir(default_build) / "bibliography.json").read_text())}
    cited = {c.get("data-cites") for c in page.xpath("//span[@class='citation']")}
    assert cited and all(set(ids.split()) <= full_ids for ids in cited)


def test_a_first_build_shows_no_changes_section(default_build):
    for briefing in ("full", "executive"):
        folder = briefing_dir(default_build, briefing)
        assert json.loads((folder / "changes.json").read_text("utf-8"))["first_build"] is True
        assert "First build" in (folder / "changes.md").read_text("utf-8")
        assert 'id="what-changed"' not in (folder / "briefing.html").read_text("utf-8")


def other_config(project: Path) -> Path:
    """A second topic's config: two of the seeds in a folder of their own, one section, defaults else."""
    (project / "other-seeds").mkdir()
    for seed in sorted((project / "seeds").glob("00[01]_*.txt")):
        shutil.copy(seed, project / "other-seeds" / seed.name)
    config = {"seeds": {"directory": "other-seeds"},
              "sections": [{"id": "troops", "title": "Troops", "description": "North Korean troops in Russia.",
                            "keywords": ["troops", "soldiers"]}]}
    path = project / "other.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def test_a_second_config_builds_beside_the_first_without_touching_it(default_build, tmp_path):
    project = copy_project(default_build, tmp_path / "project")
    before = files_under(evidence_dir(project))
    run_snakemake(project, "--configfile", str(other_config(project)), epoch=BUILD_EPOCH)
    other = project / "build" / "other"
    assert (other / "full" / "briefing.pdf").is_file() and not (other / "executive").exists()
    assert [p.name for p in seed_files(other, "clean")] == [
        p.stem + ".json" for p in sorted((project / "other-seeds").glob("*.txt"))]
    page = lxml_html.fromstring((other / "full" / "briefing.html").read_bytes())
    assert page.xpath("string(//h1[@class='title'])") == "Briefing"  # the schema's default title, not ours
    assert files_under(evidence_dir(project)) == before  # not one byte or time of the first build changed
    assert planned_jobs(run_snakemake(project, "--dry-run").stdout) == {}
    assert planned_jobs(run_snakemake(project, "--dry-run", "--configfile", "other.yaml").stdout) == {}


@pytest.fixture(scope="module")
def rebuilt_with_a_new_seed(default_build, tmp_path_factory) -> Path:
    project = copy_project(default_build, tmp_path_factory.mktemp("new-seed") / "project")
    (project / "seeds" / "005_invented_rotation.txt").write_text(ADDED_SEED, encoding="utf-8")
    run_snakemake(project, epoch=BUILD_EPOCH)
    return project


def test_a_second_build_after_a_seed_is_added_shows_what_changed(rebuilt_with_a_new_seed):
    folder = briefing_dir(rebuilt_with_a_new_seed)
    changes = json.loads((folder / "changes.json").read_text("utf-8"))
    assert changes["first_build"] is False and changes["previous"]
    assert [source["seed"] for source in changes["sources"]["new"]] == ["005_invented_rotation"]
    assert changes["sources"]["dropped"] == []
    assert changes["points"]["new"]
    assert "Second Rotation Reaches the Front" in (folder / "changes.md").read_text("utf-8")
    page = lxml_html.fromstring((folder / "briefing.html").read_bytes())
    section = page.get_element_by_id("what-changed")
    assert "Second Rotation" in section.text_content() and "1 new source" in section.text_content()
    brief = lxml_html.fromstring((briefing_dir(rebuilt_with_a_new_seed, "executive") / "briefing.html").read_bytes())
    assert "1 new and 0 dropped sources" in brief.get_element_by_id("what-changed").text_content()
    assert len(PdfReader(briefing_dir(rebuilt_with_a_new_seed, "executive") / "briefing.pdf").pages) == 1
    assert "What changed" in PdfReader(folder / "briefing.pdf").pages[0].extract_text() + \
        PdfReader(folder / "briefing.pdf").pages[1].extract_text()


def test_rerunning_with_nothing_changed_keeps_the_changes_and_previous(rebuilt_with_a_new_seed, tmp_path):
    project = copy_project(rebuilt_with_a_new_seed, tmp_path / "project")
    folder = briefing_dir(project)
    assert planned_jobs(run_snakemake(project, "--dry-run").stdout) == {}
    before = files_under(folder / "previous"), (folder / "changes.json").read_bytes()
    run_snakemake(project, "--forcerun", "changes", epoch=BUILD_EPOCH)  # the same evidence, the stage run again
    assert {k: v[1] for k, v in files_under(folder / "previous").items()} == {k: v[1] for k, v in before[0].items()}
    assert (folder / "changes.json").read_bytes() == before[1]  # still the new seed, not "nothing changed"


SECTIONS = [{"title": "Deployment", "lead": {"text": "Troops arrived."}, "points": [{"text": "They train."}],
             "quotes": [{"speaker": "A. Speaker", "text": "We are ready."}]}]
FACTS = {"sources": [{"seed": "a", "title": "Article A"}],
         "figures": [{"id": "f1", "text": "3,000", "head": "troop", "dimension": "count", "date": "2024-10-23"}],
         "figure_groups": []}


def test_changes_name_new_and_dropped_sources_and_points_and_changed_figures():
    base = snapshot(SECTIONS, FACTS)
    later = json.loads(json.dumps(FACTS))
    later["sources"] = [{"seed": "b", "title": "Article B"}]
    later["figures"][0].update(text="10,000", date="2024-10-31")
    sections = [{**SECTIONS[0], "points": [{"text": "They fight."}]}]
    changes = compare(base, snapshot(sections, later))
    assert [s["seed"] for s in changes["sources"]["new"]] == ["b"]
    assert [s["seed"] for s in changes["sources"]["dropped"]] == ["a"]
    assert [p["text"] for p in changes["points"]["new"]] == ["They fight."]
    assert [p["text"] for p in changes["points"]["dropped"]] == ["They train."]
    assert changes["figures"]["changed"] == [{"label": "troop", "before": ["3,000 (2024-10-23)"],
                                              "after": ["10,000 (2024-10-31)"]}]
    assert compare(None, base)["first_build"] is True


def test_previous_moves_on_only_when_what_the_briefing_shows_changed():
    first, second = snapshot(SECTIONS, FACTS), snapshot([{**SECTIONS[0], "points": []}], FACTS)
    assert next_base(None, None, first) is None  # first build
    assert next_base(first, None, first) is None  # rerun of the first: still nothing to compare with
    assert next_base(first, None, second) == first  # changed: the last build becomes the base
    assert next_base(second, first, second) == first  # rerun: the same base, the same changes


def test_the_config_id_is_given_or_the_config_files_name():
    assert config_id(validate_config({"id": "reservoir"}), ["x.yaml"]) == "reservoir"
    assert config_id(validate_config({}), ["topics/My Topic.v2.yaml"]) == "my-topic-v2"
    assert config_id(validate_config({}), []) == "config"


@pytest.mark.parametrize("config, problem", [
    ({"id": "../elsewhere"}, r"^id: expected lower-case letters, digits and hyphens"),
    ({"briefings": [{"id": "full", "pages": 1}]}, r"^briefings\[0\]\.pages: unknown key"),
    ({"briefings": [{"id": "a"}, {"id": "a"}]}, r"^briefings\[1\]\.id: 'a' names two briefings"),
    ({"briefings": [{"id": "clean"}]}, r"^briefings\[0\]\.id: expected a name other than clean"),
    ({"briefings": [{"id": "a", "sections": ["nowhere"]}]}, r"^briefings\[0\]\.sections: no section 'nowhere'"),
    ({"briefings": [{"id": "a", "sections": []}]}, r"^briefings\[0\]\.sections: expected at least 1 item"),
    ({"briefings": [{"id": "a", "template": "../x.md.j2"}]}, r"^briefings\[0\]\.template: expected a template's"),
])
def test_a_wrong_briefing_or_id_is_one_line_naming_the_key(config, problem):
    with pytest.raises(PipelineError) as error:
        validate_config(config)
    line = error.value.one_line()
    assert re.match("error: config.yaml: " + problem.lstrip("^"), line), line
    assert "\n" not in line


def test_a_briefing_overrides_the_keys_it_gives_and_keeps_the_rest():
    config = validate_config({"briefing": {"title": "T", "subtitle": "S"},
                              "sections": [{"id": "a", "title": "A", "description": "a"},
                                           {"id": "b", "title": "B", "description": "b"}],
                              "briefings": [{"id": "full"},
                                            {"id": "short", "title": "Short", "sections": ["b"],
                                             "selection": {"points_per_section": 1}}]})
    settings = briefing_settings(config)
    assert settings["full"]["briefing"]["title"] == "T" and settings["full"]["selection"]["points_per_section"] == 6
    assert [s["id"] for s in settings["full"]["sections"]] == ["a", "b"]
    short = settings["short"]
    assert short["briefing"]["title"] == "Short" and short["briefing"]["subtitle"] == "S"
    assert [s["id"] for s in short["sections"]] == ["b"] and short["selection"]["points_per_section"] == 1
    assert short["selection"]["min_score"] == config["selection"]["min_score"]


def test_a_briefing_template_in_no_folder_is_one_line_naming_it(tmp_path):
    from pipeline.core.workflow import briefing_wildcard, main_template

    (tmp_path / "user").mkdir()
    (tmp_path / "user" / "mine.md.j2").write_text("x")
    settings = briefing_settings(validate_config({"briefing": {"templates": str(tmp_path / "user")},
                                                  "briefings": [{"id": "a", "template": "mine.md.j2"},
                                                                {"id": "b", "template": "missing.md.j2"}]}))
    shipped = str(Path(__file__).resolve().parent.parent / "templates")
    assert main_template(shipped, settings["a"]) == str(tmp_path / "user" / "mine.md.j2")
    with pytest.raises(SystemExit, match=r"^error: .*missing\.md\.j2: briefing 'b' names a template that is in no"):
        main_template(shipped, settings["b"])
    assert re.fullmatch(briefing_wildcard(settings), "a") and not re.fullmatch(briefing_wildcard(settings), "ab")
