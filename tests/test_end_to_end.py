"""The whole workflow, for real: Snakemake, pandoc and WeasyPrint on the default seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import briefing_dir, evidence_dir, run_snakemake

SECTION_TITLES = ["North Korean deployment", "Trump policy", "Plan terms", "Reactions"]
DEBRIS = ["Leave a Reply", "Back to top button", "Related Sources", "Ibid.", "One Comment",
          "Your email address will not be published", "LegalPoliticsSecurity", "Source 1"]


def body_text(tree) -> str:
    return " ".join(tree.xpath("//body//text()"))


@pytest.fixture(scope="module")
def page(default_build: Path):
    return lxml_html.fromstring((briefing_dir(default_build) / "briefing.html").read_bytes())


@pytest.fixture(scope="module")
def pdf_text(default_build: Path) -> str:
    reader = PdfReader(briefing_dir(default_build) / "briefing.pdf")
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def heading_text(heading) -> str:
    """A heading's words without its section number."""
    return " ".join("".join(heading.xpath(".//text()[not(ancestor::*[@class='section-number'])]")).split())


def test_html_has_the_four_sections_in_order(page):
    headings = [heading_text(h) for h in page.xpath("//h2[not(ancestor::nav)]")]
    assert [h for h in headings if h in SECTION_TITLES] == SECTION_TITLES


def test_every_section_has_a_lead_and_three_cited_points(page):
    for section_id in ("deployment", "trump-policy", "plan-terms", "reactions"):
        section = page.get_element_by_id(section_id)
        assert section.xpath(".//div[contains(@class, 'lead')]//span[@class='citation']"), section_id
        points = section.xpath("./ul/li | ./section[contains(@class, 'actor')]/ul/li")  # grouped by actor
        assert len(points) >= 3, section_id
        assert all(p.xpath(".//span[@class='citation']") for p in points), section_id


def test_every_internal_link_resolves(page):
    ids = set(page.xpath("//@id"))
    targets = [href[1:] for href in page.xpath("//a/@href") if href.startswith("#")]
    assert targets, "the page has no internal links"
    assert [t for t in targets if t not in ids] == []


def test_citations_link_to_bibliography_entries(page):
    """Every cited work has an entry, and every entry is cited: the sources list only what the briefing cites."""
    entries = page.xpath("//div[contains(@class, 'csl-entry')]")
    assert len(entries) >= 8
    citation_links = page.xpath("//span[@class='citation']//a/@href")
    assert citation_links and all(link.startswith("#ref-") for link in citation_links)
    assert {link[1:] for link in citation_links} == {entry.get("id") for entry in entries}


def test_no_debris_or_raw_markers_in_html(page):
    text = body_text(page)
    assert [d for d in DEBRIS if d in text] == []
    assert re.search(r"\[\d+\]", text) is None


def test_pdf_has_the_sections_and_no_debris(pdf_text):
    for title in SECTION_TITLES:
        assert title in pdf_text
    assert "Bottom line up front" in pdf_text
    assert [d for d in DEBRIS if d in pdf_text] == []
    assert re.search(r"\[\d+\]", pdf_text) is None


def test_a_second_run_has_nothing_to_do(default_build):
    result = run_snakemake(default_build, "--dry-run")
    assert "Nothing to be done" in result.stdout + result.stderr


def test_same_inputs_give_the_same_html_and_pdf(default_build, tmp_path):
    """Two builds with one SOURCE_DATE_EPOCH (the default build's) are byte-identical."""
    from conftest import BUILD_EPOCH, make_project

    again = make_project(tmp_path / "again")
    run_snakemake(again, epoch=BUILD_EPOCH)
    for name in ("full/briefing.html", "full/briefing.pdf", "full/briefing.md", "bibliography.json", "full/facts.json",
                 "executive/briefing.pdf", "full/changes.json", "executive/changes.md"):
        assert (evidence_dir(again) / name).read_bytes() == (evidence_dir(default_build) / name).read_bytes(), name
