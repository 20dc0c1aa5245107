"""A user's template folder (briefing.templates) overrides single templates and stylesheets of ours,
without copying the rest; a broken template stops the build with one line naming its file and line."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from conftest import REPO, briefing_dir, evidence_dir, make_project, run_snakemake, seed_files
from pipeline.core.config import load_config
from pipeline.core.errors import PipelineError, run_cli
from pipeline.render import fill
from pipeline.render.html import render_html
from pipeline.render.templating import make_environment, render_template

TEMPLATES = str(REPO / "templates")
MARKDOWN = "---\ntitle: T\nanalysed-articles: []\n---\n\n## Part {#part}\n\nText.\n"


def test_a_user_section_template_replaces_ours_and_the_rest_stay_ours(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "_generic.md.j2").write_text("## {{ section.title | md }} (house style)\n\n")
    environment = make_environment([str(tmp_path), TEMPLATES])
    section = {"title": "Plan terms", "id": "plan-terms"}
    assert render_template(environment, "sections/_generic.md.j2", section=section) == \
        "## Plan terms (house style)\n\n"
    assert "Source passages" in environment.get_template("appendix.md.j2").render(appendix=[])


def test_a_user_fact_table_template_replaces_ours_through_the_same_environment(tmp_path, default_build):
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "figures.md.j2").write_text(
        "### Numbers {#key-figures}\n\n{% for row in tables.figures %}- {{ row.label | md }}: {{ row.value | md }} "
        "{{ row.cites | cite }}\n{% endfor %}\n")
    evidence, folder = evidence_dir(default_build), briefing_dir(default_build)
    settings = load_config(str(REPO / "config.yaml"))
    settings["briefing"]["templates"] = str(tmp_path)
    output = tmp_path / "b.md"
    args = [str(p) for p in sorted((folder / "sections").glob("*.json"))]
    args += ["--bibliography", str(evidence / "bibliography.json"), "--clean", *map(str, seed_files(evidence, "clean")),
             "--facts", str(folder / "facts.json"), "--template", str(REPO / "templates" / "briefing.md.j2"), "--output", str(output),
             "--settings", json.dumps(settings)]
    assert run_cli(fill.main, args) == 0
    markdown = output.read_text("utf-8")
    assert "### Numbers {#key-figures}" in markdown and "- Demilitarized zone: 800 [@lind]" in markdown
    assert "Table: Key figures" not in markdown and "Table: Timeline of the events" in markdown  # the rest are ours


def test_a_user_stylesheet_adds_to_ours_or_replaces_one_of_them(tmp_path):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "local.css").write_text("h2 { color: rebeccapurple; }\n")
    page = render_html(MARKDOWN, [], [str(tmp_path), TEMPLATES], None)
    assert "rebeccapurple" in page and "--accent: #1f4e79" in page and "@page" in page
    (tmp_path / "style" / "print.css").write_text("@page { size: Letter; }\n")
    page = render_html(MARKDOWN, [], [str(tmp_path), TEMPLATES], None)
    assert "size: Letter" in page and "size: A4" not in page and "--accent: #1f4e79" in page


def test_a_user_page_template_replaces_pandocs_page(tmp_path):
    (tmp_path / "pandoc").mkdir()
    (tmp_path / "pandoc" / "briefing.html5").write_text("<html><body><p>house page</p>$body$</body></html>\n")
    page = render_html(MARKDOWN, [], [str(tmp_path), TEMPLATES], None)
    assert "house page" in page and "Text." in page


def test_a_template_syntax_error_names_the_file_and_line(tmp_path):
    broken = tmp_path / "sections" / "_generic.md.j2"
    broken.parent.mkdir()
    broken.write_text("## {{ section.title }}\n\n{% for point in section.points %}\n- {{ point.text }\n")
    environment = make_environment([str(tmp_path), TEMPLATES])
    with pytest.raises(PipelineError) as caught:
        render_template(environment, "sections/_generic.md.j2", section={})
    assert caught.value.path == f"{broken}:4"
    assert "template syntax error" in caught.value.problem


def test_an_undefined_variable_names_the_file_and_line(tmp_path):
    (tmp_path / "appendix.md.j2").write_text("Heading\n\n{{ no_such_thing.attribute }}\n")
    environment = make_environment([str(tmp_path), TEMPLATES])
    with pytest.raises(PipelineError) as caught:
        render_template(environment, "appendix.md.j2")
    assert caught.value.path == f"{tmp_path / 'appendix.md.j2'}:3"
    assert "no_such_thing" in caught.value.problem


def test_fill_reports_a_broken_template_in_one_line(tmp_path, capsys, default_build):
    (tmp_path / "user" / "sections").mkdir(parents=True)
    (tmp_path / "user" / "sections" / "_generic.md.j2").write_text("## {{ section.title }\n")
    evidence, folder = evidence_dir(default_build), briefing_dir(default_build)
    settings = load_config(str(REPO / "config.yaml"))
    settings["briefing"].update(templates=str(tmp_path / "user"), bluf_points=4)
    args = [str(p) for p in sorted((folder / "sections").glob("*.json"))]
    args += ["--bibliography", str(evidence / "bibliography.json"), "--clean", *map(str, seed_files(evidence, "clean")),
             "--facts", str(folder / "facts.json"), "--template", str(REPO / "templates" / "briefing.md.j2"),
             "--output", str(tmp_path / "b.md"),
             "--settings", json.dumps(settings)]
    assert run_cli(fill.main, args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: {tmp_path / 'user' / 'sections' / '_generic.md.j2'}:1: template syntax error")
    assert not (tmp_path / "b.md").exists()


def test_the_build_stops_on_a_broken_user_template_with_one_line(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "house" / "sections").mkdir(parents=True)
    (project / "house" / "sections" / "_generic.md.j2").write_text("## {{ section.title }}\n{% if %}\n")
    config = yaml.safe_load((project / "config.yaml").read_text())
    config["briefing"]["templates"] = "house"
    (project / "config.yaml").write_text(yaml.safe_dump(config))
    result = run_snakemake(project, check=False)
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("error: ")]
    assert lines == ["error: house/sections/_generic.md.j2:2: template syntax error: Expected an expression, "
                     "got 'end of statement block' — fix the template"], (result.stdout + result.stderr)[-4000:]
    shutil.rmtree(project / "build", ignore_errors=True)
