"""On paper the "Source passages" appendix shows at most briefing.limits.appendix_sources articles.

The invented corpus of tests/test_many_sources.py (twelve of its articles), built with the limit set
to two: the HTML keeps every source's passages, print keeps the two the most points draw on, leaves
the others out of its contents and outline, and prints no link to a passage it leaves out.
"""

from __future__ import annotations

import pytest
import yaml
from lxml import html as lxml_html
from pypdf import PdfReader
from test_many_sources import make_corpus

from conftest import BUILD_EPOCH, briefing_dir, run_snakemake
from pipeline.render.facts import cap_citers

LIMIT = 2


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    project = make_corpus(tmp_path_factory.mktemp("orrin-limits"), 12)
    config = yaml.safe_load((project / "config.yaml").read_text("utf-8"))
    config["briefing"]["limits"] = {"appendix_sources": LIMIT, "cited_in": 1}
    (project / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    run_snakemake(project, epoch=BUILD_EPOCH)
    return briefing_dir(project)


def outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles += outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


def test_print_shows_at_most_the_limit_of_sources_and_the_html_all(build):
    page = lxml_html.fromstring((build / "briefing.html").read_bytes())
    headings = page.xpath("//section[@id='source-passages']//h3")
    hidden = [h for h in headings if h.xpath("ancestor::*[contains(@class, 'screen-only')]")]
    assert len(headings) > LIMIT and len(headings) - len(hidden) == LIMIT
    titles = outline_titles(PdfReader(build / "briefing.pdf").outline)
    shown = [h.text_content().strip() for h in headings if h not in hidden]
    assert all(title in titles for title in shown)
    assert not any(h.text_content().strip() in titles for h in hidden)


def test_links_to_passages_print_leaves_out_are_screen_only(build):
    page = lxml_html.fromstring((build / "briefing.html").read_bytes())
    hidden = {s.get("id") for s in page.xpath("//section[contains(@class, 'screen-only')]/descendant-or-self::section")}
    links = page.xpath("//a[contains(@class, 'passage-link')]")
    to_hidden = [a for a in links if a.get("href")[1:] in hidden]
    assert to_hidden and all("screen-only" in a.get("class") for a in to_hidden)
    assert all("screen-only" not in a.get("class") for a in links if a not in to_hidden)


def test_a_cited_work_names_at_most_the_limit_of_citing_articles_and_counts_the_rest():
    found = {"w1": [{"ref": "a"}, {"ref": "b"}, {"ref": "c"}], "w2": [{"ref": "a"}]}
    assert cap_citers(found, 2) == ({"w1": [{"ref": "a"}, {"ref": "b"}], "w2": [{"ref": "a"}]}, {"w1": 1})
    assert cap_citers(found, None) == (found, {})
