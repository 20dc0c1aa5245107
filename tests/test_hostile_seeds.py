"""Seed text is data: it can inject no Markdown, citation, link, raw HTML or template code."""

from __future__ import annotations

import shutil

import pypandoc
import pytest
from lxml import html as lxml_html

from conftest import REPO, briefing_dir, make_project, run_snakemake
from pipeline.core.errors import PipelineError
from pipeline.render.templating import citation, escape_markdown, make_environment

ATTACKS = [
    "<script>alert('x')</script> North Korean troops arrived",
    "North Korean troops [click here](https://evil.example/) arrived",
    "North Korean troops ![pixel](https://evil.example/p.png) arrived",
    "North Korean troops arrived [@garamone2024north] in Kursk",
    "{{ config }} {% include 'x' %} North Korean troops arrived",
    "# Heading injection: North Korean troops",
    "::: {.evil}\nNorth Korean troops\n:::",
    "North Korean troops <https://evil.example/auto> arrived",
    "North Korean troops `code` and *emphasis* and $x^2$ arrived",
    "North Korean troops arrived<img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_escaped_seed_text_renders_as_itself(attack):
    page = pypandoc.convert_text(escape_markdown(attack), "html5", format="markdown")
    tree = lxml_html.fragment_fromstring(page, create_parent="div")
    assert tree.xpath("//a | //img | //script | //code | //em | //h1 | //span[@class='citation']") == []
    assert " ".join(tree.text_content().split()) == " ".join(attack.split())


def test_seed_text_is_never_template_source():
    environment = make_environment([str(REPO / "templates")])
    rendered = environment.from_string("{{ text | md }}").render(text="{{ 7 * 7 }}")
    assert "49" not in rendered


def test_only_plain_keys_become_citations():
    assert citation(["garamone2024north", "zafar2024impact"]) == "[@garamone2024north; @zafar2024impact]"
    with pytest.raises(PipelineError):
        citation(["x] [link](http://evil)"])


def test_hostile_seed_builds_into_a_safe_briefing(tmp_path):
    project = make_project(tmp_path)
    hostile = "Hostile <b>seed</b>\n\n" + "\n\n".join(
        f"{attack} in the Kursk region, officials said of the deployment." for attack in ATTACKS)
    (project / "seeds" / "zz hostile $(touch pwned) 'seed'.txt").write_text(hostile, encoding="utf-8")
    run_snakemake(project)
    assert not (project / "pwned").exists() and not (tmp_path / "pwned").exists()
    tree = lxml_html.fromstring((briefing_dir(project) / "briefing.html").read_bytes())
    assert tree.xpath("//script") == []
    # the one image is ours: the timeline figure, an SVG in a data: URL
    assert [(img.getparent().get("id"), img.get("src")[:26]) for img in tree.xpath("//img")] in (
        [], [("fig-timeline", "data:image/svg+xml;base64,")])
    assert [h for h in tree.xpath("//a/@href") if not h.startswith(("#", "http"))] == []
    external = [h for h in tree.xpath("//a/@href") if "evil.example" in h]
    assert external == []
    assert (briefing_dir(project) / "briefing.pdf").exists()
    shutil.rmtree(project / "build")


def test_bibliography_fields_from_seeds_render_as_text_and_web_links_only():
    from pipeline.render.html import citeproc_items

    item = {"id": "a", "type": "webpage", "title": "Hostile <b>seed</b> <i>x</i>", "URL": "javascript:alert(1)",
            "raw": "raw", "originals": []}
    [safe] = citeproc_items([item])
    assert "URL" not in safe and "raw" not in safe and "originals" not in safe
    markdown = "---\nnocite: '[@*]'\n---\ntext\n"
    import json
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump([safe], handle)
    page = pypandoc.convert_text(markdown, "html5", format="markdown",
                                 extra_args=["--citeproc", f"--bibliography={handle.name}"])
    tree = lxml_html.fragment_fromstring(page, create_parent="div")
    assert tree.xpath("//strong | //em | //a[starts-with(@href, 'javascript')]") == []
    assert "Hostile <" in tree.text_content()
