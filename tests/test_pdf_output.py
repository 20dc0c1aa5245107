"""The default briefing's PDF, read back with pypdf: page furniture, contents, bookmarks,
metadata, fonts, tagged structure, and an appendix no longer than the body."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import BUILD_EPOCH, REPO, briefing_dir
from pipeline.render.pdfcheck import unsafe_parts

LEADER_LINE = re.compile(r"^(?P<title>.*?)\s*(?:\.\s*){3,}(?P<page>\d+)\s*$")


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def reader(default_build: Path) -> PdfReader:
    return PdfReader(briefing_dir(default_build) / "briefing.pdf")


@pytest.fixture(scope="module")
def pages(reader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


@pytest.fixture(scope="module")
def bookmarks(reader) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) for every outline entry, in order."""
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, words(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


@pytest.fixture(scope="module")
def page_of(bookmarks) -> dict[str, int]:
    return {title: page for _, title, page in bookmarks}


@pytest.fixture(scope="module")
def html_page(default_build: Path):
    return lxml_html.fromstring((briefing_dir(default_build) / "briefing.html").read_bytes())


def test_every_page_says_page_x_of_y(pages):
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in words(text), f"page {number}"


def test_every_page_after_the_first_has_the_running_header(pages):
    for number, text in enumerate(pages[1:], 2):
        assert "North Korean Troops and the Trump Peace Plan" in words(text), f"page {number}"


def contents_entries(pages: list[str]) -> list[tuple[str, int]]:
    start = next(n for n, text in enumerate(pages) if "Contents" in text)
    entries = []
    for line in pages[start].splitlines():
        match = LEADER_LINE.match(line.strip())
        if match:
            entries.append((words(match["title"]).lstrip("◦• "), int(match["page"])))
    return entries


def test_contents_page_numbers_are_where_the_sections_start(pages, page_of):
    entries = contents_entries(pages)
    assert len(entries) >= 10
    titles = [title for title, _ in entries]
    for wanted in ("Bottom line up front", "1 North Korean deployment", "4 Reactions", "Source passages", "Sources"):
        assert wanted in titles
    for title, page in entries:
        assert page_of[title] == page, title
        heading = title.split("“")[0][:30]
        assert heading in words(pages[page - 1]), f"{title!r} not on page {page}"


def test_bookmarks_cover_every_heading_including_the_appendix(bookmarks, html_page):
    headings = [words(h.text_content()) for h in html_page.xpath("//h1 | //h2 | //h3 | //h4")]
    assert [title for _, title, _ in bookmarks] == headings
    depth = {title: level for level, title, _ in bookmarks}
    assert depth["Source passages"] == 1 and depth["Sources"] == 1
    passages = [title for level, title, _ in bookmarks if level == 3 and title.startswith("Paragraph")]
    assert len(passages) >= 10


def test_metadata_names_title_authors_subject_keywords_and_dates(reader):
    info = reader.metadata
    assert info.title == "North Korean Troops, the Ukraine War and the Trump Peace Plan"
    assert info.author == "briefing-pipeline"
    assert "North Korean deployment" in info.subject and "5 articles" in info.subject
    assert info["/Keywords"] == "North Korean deployment, Trump policy, Plan terms, Reactions"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20241201000000Z"  # SOURCE_DATE_EPOCH
    assert BUILD_EPOCH == "1733011200"
    xmp = reader.xmp_metadata
    assert xmp.dc_title["x-default"] == info.title
    assert xmp.dc_creator == ["briefing-pipeline"]
    assert xmp.pdf_keywords == info["/Keywords"]
    assert b"pdfuaid:part" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_every_font_is_embedded(reader):
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            fonts[font["/BaseFont"]] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts


def structure_headings(node, found: list[int]) -> list[int]:
    node = node.get_object()
    kind = node.get("/S") if hasattr(node, "get") else None
    if kind and re.fullmatch(r"/H[1-6]", kind):
        found.append(int(kind[2]))
    kids = node.get("/K") if hasattr(node, "get") else None
    kids = kids.get_object() if hasattr(kids, "get_object") else kids
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        if hasattr(kid, "get_object") or hasattr(kid, "get"):
            structure_headings(kid, found)
    return found


def test_pdf_is_tagged_with_headings_that_nest(reader):
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    levels = structure_headings(root["/StructTreeRoot"], [])
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False)), levels


def test_appendix_is_at_most_as_long_as_the_body(pages, page_of):
    appendix_start, sources_start = page_of["Source passages"], page_of["Sources"]
    body = appendix_start - 1
    appendix = sources_start - appendix_start
    assert 0 < appendix <= body, f"body {body} pages, appendix {appendix}"
    # 15 pages at the last count: 8 of body (its tables, figure and who-said-what included), 6 of
    # passages (the paragraphs the table rows draw on among them), 1 of sources
    assert len(pages) <= 16


def test_each_passage_is_on_one_page_with_its_label(pages, bookmarks, html_page):
    """The label and the passage's first and last supporting sentences share the label's page."""
    labels = {words(s.xpath("./h4")[0].text_content()): s for s in html_page.xpath("//section[contains(@class, 'passage')]")}
    checked = 0
    for _, title, page in bookmarks:
        if title in labels:
            supporting = [words(strong.text_content()) for strong in labels[title].xpath(".//blockquote//strong")]
            text = words(pages[page - 1])
            assert title in text, title
            assert " ".join(supporting[0].split()[:4]) in text, title
            assert " ".join(supporting[-1].split()[-3:]) in text, title
            checked += 1
    assert checked == len(labels) >= 10


def test_the_pdf_carries_no_embedded_files_scripts_launch_actions_or_file_links(default_build):
    assert unsafe_parts((briefing_dir(default_build) / "briefing.pdf").read_bytes()) == []


def test_weasyprint_and_pandoc_warned_of_nothing(default_build):
    # one job runs both (the html stage with --pdf), so one log holds what either said
    for briefing in ("full", "executive"):
        assert (briefing_dir(default_build, briefing) / "logs" / "html.log").read_text(encoding="utf-8") == ""


def test_the_pdf_stage_on_its_own_prints_the_bytes_the_html_job_printed(default_build, tmp_path):
    # the build prints the PDF in the html job (python -m pipeline html --pdf); the pdf stage stays a
    # command of its own, and the two must agree to the byte
    build = briefing_dir(default_build)
    output = tmp_path / "briefing.pdf"
    subprocess.run([sys.executable, "-m", "pipeline", "pdf", str(build / "briefing.html"), "--output", str(output),
                    "--templates", str(REPO / "templates")], cwd=default_build, check=True,
                   env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert output.read_bytes() == (build / "briefing.pdf").read_bytes()
