"""The default briefing's HTML, read with a parser: one self-contained page whose headings nest,
whose points are numbered and linked to an appendix that prints each source paragraph once, and
whose sources list has two parts holding only the works the briefing cites."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import briefing_dir


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def build(default_build: Path) -> Path:
    return briefing_dir(default_build)


@pytest.fixture(scope="module")
def page(build: Path):
    return lxml_html.fromstring((build / "briefing.html").read_bytes())


@pytest.fixture(scope="module")
def sections(build: Path) -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted((build / "sections").glob("*.json"))]


def test_page_is_one_self_contained_file(page):
    assert page.xpath("//script | //link[@rel='stylesheet'] | //iframe | //object | //embed") == []
    assert [src for src in page.xpath("//@src") if not src.startswith("data:")] == []
    assert [h for h in page.xpath("//a/@href") if not h.startswith(("#", "https://", "http://"))] == []
    assert page.xpath("//head/style") and "@page" in page.xpath("string(//head/style)")


def test_page_declares_its_language_title_and_viewport(page):
    assert page.get("lang") == "en"
    assert words(page.findtext(".//title")) == "North Korean Troops, the Ukraine War and the Trump Peace Plan"
    assert page.xpath("//meta[@name='viewport']/@content")[0].startswith("width=device-width")
    assert all(img.get("alt") for img in page.xpath("//img"))


def test_heading_levels_nest(page):
    levels = [int(h.tag[1]) for h in page.xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False)), levels
    assert page.xpath("//h1")[0].get("class") == "title"


def test_contents_links_every_section_and_part(page):
    targets = page.xpath("//nav[@id='TOC']//a/@href")
    for section in ("bottom-line", "deployment", "trump-policy", "plan-terms", "reactions", "source-passages",
                    "sources", "sources-analysed", "sources-cited"):
        assert f"#{section}" in targets


def test_title_block_gives_the_as_of_date_of_the_facts_and_the_build(page, build):
    facts = words(page.xpath("string(//dl[@class='facts'])"))
    as_of = json.loads((build / "facts.json").read_text("utf-8"))["as_of"]
    assert as_of["date"] == "2024-11-10"
    assert f"As of 10 November 2024 ({as_of['basis']})" in facts
    [build_id] = re.findall(r"Build ([0-9a-f]{12})", facts)
    markdown = (build / "briefing.md").read_text(encoding="utf-8")
    draft = markdown.replace(f'build-id: "{build_id}"', 'build-id: ""')
    assert hashlib.sha256(draft.encode("utf-8")).hexdigest()[:12] == build_id


def test_every_point_is_numbered_and_links_to_its_passages(page, sections):
    """Points, the section's table rows and statements share the section's numbers, in order."""
    items = sum(len(s["points"]) + len(s["quotes"]) + (1 if s["lead"] else 0) for s in sections)
    numbers = page.xpath("//main//span[contains(@class, 'point-number')]")
    assert len(numbers) >= items
    assert [n.text for n in numbers][:2] == ["1.1", "1.2"]
    by_section: dict[str, list[int]] = {}
    for number in numbers:
        section, position = number.text.split(".")
        by_section.setdefault(section, []).append(int(position))
    assert all(positions == list(range(1, len(positions) + 1)) for positions in by_section.values()), by_section
    for number in numbers:
        container = number.getparent()
        links = container.xpath(".//a[contains(@class, 'passage-link')]/@href") or \
            container.getparent().xpath(".//a[contains(@class, 'passage-link')]/@href")
        assert links and all(link.startswith("#ev-") for link in links), number.text


def test_appendix_prints_each_source_paragraph_once(page, sections):
    """Every paragraph a point or a table row links to is one passage, and there is no other."""
    linked = {href[1:] for href in page.xpath("//main//a[contains(@class, 'passage-link')]/@href")}
    used = {(p["seed"], p["paragraph"]) for s in sections for item in [s["lead"], *s["points"], *s["quotes"]]
            if item for p in item["provenance"]}
    passages = page.xpath("//section[@id='source-passages']//section[contains(@class, 'passage')]")
    assert {p.get("id") for p in passages} == linked and len(passages) >= len(used)
    texts = [words(p.xpath("string(.//blockquote)")) for p in passages]
    assert len(set(texts)) == len(texts)
    assert len(page.xpath("//section[@id='source-passages']/section[contains(@class, 'level3')]")) == 5


def test_passages_link_back_to_the_points_they_support(page):
    ids = set(page.xpath("//@id"))
    passages = page.xpath("//section[contains(@class, 'passage')]")
    for passage in passages:
        label = passage.xpath("./h4")[0]
        backlinks = label.xpath(".//a/@href")
        assert backlinks and all(link.startswith(("#pt-", "#fig-", "#event-")) and link[1:] in ids
                                 for link in backlinks)
        marks = passage.xpath(".//a[contains(@class, 'support-mark')]/@href")
        assert set(marks) == set(backlinks), words(label.text_content())
        # each point it names links here
        for link in backlinks:
            point = page.get_element_by_id(link[1:]).getparent()
            holder = point if point.xpath(".//a[contains(@class, 'passage-link')]") else point.getparent()
            assert f"#{passage.get('id')}" in holder.xpath(".//a[contains(@class, 'passage-link')]/@href")


def test_sources_come_in_two_parts_with_only_cited_works(page, build):
    bib_map = json.loads((build.parent / "bibliography-map.json").read_text(encoding="utf-8"))  # the evidence's
    analysed = {"ref-" + numbers["@seed"] for numbers in bib_map.values()}
    cited = {href[1:] for href in page.xpath("//span[@class='citation']//a/@href")}
    first = set(page.xpath("//div[@id='refs-analysed']/div/@id"))
    second = set(page.xpath("//div[@id='refs-cited']/div/@id"))
    assert first == analysed & cited and first
    assert second == cited - analysed and second
    assert page.xpath("//div[@id='refs']") == []
    for entry in page.xpath("//div[@id='refs-cited']/div"):
        cited_in = entry.xpath(".//a[starts-with(@href, '#ref-')]/@href")
        assert "Cited in" in entry.text_content() and cited_in, entry.get("id")
        assert all(link[1:] in first for link in cited_in)


def test_entries_link_to_their_urls(page, build):
    bibliography = {item["id"]: item for item in json.loads((build.parent / "bibliography.json").read_text("utf-8"))}
    for entry in page.xpath("//div[contains(@class, 'csl-entry')]"):
        url = bibliography[entry.get("id")[4:]].get("URL")
        if url:
            assert url in entry.xpath(".//a/@href"), entry.get("id")


def test_a_work_without_an_author_is_cited_by_its_short_title(page):
    citations = [words(c.text_content()) for c in page.xpath("//span[@class='citation']")]
    axis = [c for c in citations if "Axis of Upheaval" in c]
    assert axis and all("A DPRK Deployment" not in c for c in axis)
    assert "“Axis of Upheaval?” n.d." in axis[0]


def test_a_work_without_a_title_is_listed_as_untitled(page):
    entry = page.get_element_by_id("ref-lind")
    assert "[Untitled]" in entry.text_content() and "China Military Online" in entry.text_content()
