"""What the default briefing shows of build/facts.json, in its HTML and PDF: the as-of date, dated
sources, key figures, the plan-terms table in its section, the timeline table and figure, reactions
grouped by actor, the coverage matrix and a bottom line of judgments, every table row sourced; and
another topic's tables filled from its own config alone."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import FIXTURES, briefing_dir, make_project, run_snakemake

RESERVOIR = FIXTURES / "topics" / "reservoir"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def page(default_build: Path):
    return lxml_html.fromstring((briefing_dir(default_build) / "briefing.html").read_bytes())


@pytest.fixture(scope="module")
def facts(default_build: Path) -> dict:
    return json.loads((briefing_dir(default_build) / "facts.json").read_text("utf-8"))


def table_rows(page, table_id: str) -> list[dict[str, str]]:
    """A table's body rows as {header: cell text}."""
    [table] = page.xpath(f"//table[@id='{table_id}']")
    headers = [words(th.text_content()) for th in table.xpath("./thead//th")]
    return [dict(zip(headers, (words(td.text_content()) for td in tr.xpath("./td")), strict=True))
            for tr in table.xpath("./tbody/tr")]


def test_the_as_of_date_is_facts_jsons_and_each_article_is_listed_with_its_date_and_latest_event(page, facts):
    assert facts["as_of"]["date"] == "2024-11-10"
    assert "As of 10 November 2024" in words(page.xpath("string(//dl[@class='facts'])"))
    rows = table_rows(page, "tbl-sources")
    assert len(rows) == len(facts["sources"]) == 5
    assert all(row["Published"] == "not given" for row in rows)  # no article of the default seeds is dated
    latest = {row["Source"]: row["Latest event it reports"] for row in rows}
    assert latest["Li (n.d.)"] == "10 Nov 2024 (T12)" and latest["“Axis of Upheaval?” (n.d.)"] == "23 Oct 2024 (T5)"


def test_key_figures_show_the_zone_agreeing_and_the_troops_changing_with_their_dates(page):
    rows = table_rows(page, "tbl-figures")
    zone = [(r["Value"], r["Unit"], r["Status"]) for r in rows if r["Figure"] == "Demilitarized zone"]
    assert zone == [("approximately 1,300", "km", "Agree"), ("800", "mi", "Agree")]
    troops = {(r["Value"], r["Date"]): r["Status"] for r in rows if r["Figure"] == "North Korean troops"}
    assert troops[("3,000", "23 Oct 2024")] == "Changed: rose to around 10,000 by 31 Oct 2024"
    assert troops[("around 10,000", "31 Oct 2024")] == "Changed: up from 3,000 on 23 Oct 2024"
    assert {"Row", "Figure", "Value", "Unit", "Source", "Date", "Status"} == set(rows[0])


def test_the_plan_terms_table_stands_in_the_section_the_codebook_names(page, facts):
    section = page.get_element_by_id("plan-terms")
    assert section.xpath(".//table[@id='tbl-terms-plan-terms']")
    rows = table_rows(page, "tbl-terms-plan-terms")
    labels = [term["label"] for term in facts["terms"] if term["section"] == "plan-terms"]
    assert list(dict.fromkeys(row["Term"] for row in rows)) == labels
    nato = [row for row in rows if row["Term"] == "NATO membership deferred"]
    assert len(nato) == 2 and all(row["What it says"].startswith("for 20 years:") and row["Status"] == "Agree"
                                  for row in nato)
    assert [row["Status"] for row in rows if row["Term"] == "Who polices the zone"] == ["One source"]


def test_the_timeline_is_a_table_and_a_figure_in_date_order_with_23_and_31_october(page, facts):
    rows = table_rows(page, "tbl-timeline")
    assert [row["Row"] for row in rows] == [f"T{n}" for n in range(1, len(facts["timeline"]) + 1)]
    assert "23 Oct 2024" in [row["Date"] for row in rows] and "31 Oct 2024" in [row["Date"] for row in rows]
    assert [event["date"] for event in facts["timeline"]] == sorted(event["date"] for event in facts["timeline"])
    [image] = page.xpath("//figure[@id='fig-timeline']/img")
    alt = image.get("alt")
    assert "23 October 2024" in alt and "31 October 2024" in alt and alt.index("T5 23 October") < alt.index("T7 31")
    assert page.xpath("//figure[@id='fig-timeline']/figcaption")
    svg = base64.b64decode(image.get("src").split(",", 1)[1]).decode("utf-8")
    assert svg.startswith("<?xml") and ">T12</text>" in svg and "<dc:date>" not in svg


def test_reactions_are_grouped_by_at_least_five_actors_with_their_roles(page, facts):
    section = page.get_element_by_id("reactions")
    headings = [words(h.text_content()) for h in section.xpath("./section[contains(@class, 'actor')]/h3")]
    with_roles = [h for h in headings if ", " in h]
    assert len(with_roles) >= 5, headings
    assert "Volodymyr Zelenskyy, Ukrainian President" in headings and "Putin, Russian President" in headings
    assert headings[-1] == "Other points"
    for group in section.xpath("./section[contains(@class, 'actor')]"):
        for item in group.xpath("./ul/li"):
            assert item.xpath(".//span[@class='citation']") and item.xpath(".//a[contains(@class, 'passage-link')]")


def test_the_coverage_matrix_counts_each_sources_points_by_section(page, default_build):
    coverage = json.loads((briefing_dir(default_build) / "coverage.json").read_text("utf-8"))
    rows = table_rows(page, "tbl-coverage")
    assert list(rows[0]) == ["Source", "North Korean deployment", "Trump policy", "Plan terms", "Reactions", "Total"]
    totals = [int(row["Total"]) for row in rows]
    assert totals == [coverage["totals"][seed] for seed in coverage["sources"]]


def test_the_bottom_line_is_the_facts_judgments_with_citations_and_repeats_no_section_lead(page, facts,
                                                                                         default_build):
    items = page.xpath("//section[@id='bottom-line']//li")
    assert 3 <= len(items) <= 5 and len(items) == len(facts["bluf"])
    leads = [json.loads(p.read_text("utf-8"))["lead"]["text"]
             for p in (briefing_dir(default_build) / "sections").glob("*.json")]
    for item, judgment in zip(items, facts["bluf"], strict=True):
        text = words(item.text_content())
        assert text.startswith(words(judgment["text"])) and item.xpath(".//span[@class='citation']")
        assert not any(words(lead) in text or text.startswith(words(lead)[:60]) for lead in leads), text


def test_every_table_has_a_caption_and_header_cells_and_every_row_cites_its_source(page):
    tables = page.xpath("//table[contains(@class, 'facts-table')]")
    assert len(tables) == 5  # figures, timeline, plan terms, sources, coverage
    for table in tables:
        assert table.xpath("./caption") and table.xpath("./thead//th"), table.get("id")
        for row in table.xpath("./tbody/tr"):
            assert row.xpath(".//span[@class='citation']"), (table.get("id"), words(row.text_content())[:60])
            if table.get("id") in ("tbl-figures", "tbl-timeline", "tbl-terms-plan-terms"):
                links = row.xpath(".//a[contains(@class, 'passage-link')]/@href")
                assert links and all(page.xpath(f"//*[@id='{link[1:]}']") for link in links)


def test_the_appendix_prints_the_paragraphs_the_table_rows_draw_on_and_links_back_to_the_rows(page):
    passages = page.xpath("//section[contains(@class, 'passage')]")
    backlinks = {href for passage in passages for href in passage.xpath("./h4//a/@href")}
    assert any(link.startswith("#fig-") for link in backlinks) and any(link.startswith("#event-") for link in backlinks)


def test_the_pdf_shows_the_tables_and_the_figure_tagged(default_build):
    reader = PdfReader(briefing_dir(default_build) / "briefing.pdf")
    text = words(" ".join(page.extract_text() or "" for page in reader.pages))
    for wanted in ("Key figures, with the source and date of each", "Timeline of the events the sources report",
                   "Plan terms: the terms each source states", "Dates of the sources", "What each source covers",
                   "Volodymyr Zelenskyy, Ukrainian President", "As of 10 November 2024"):
        assert wanted in text, wanted
    kinds, alts = {}, []

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        kind = node.get("/S")
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind == "/Figure":
            alts.append(str(node.get("/Alt")))
        kids = node.get("/K")
        kids = kids.get_object() if hasattr(kids, "get_object") else kids
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object") or hasattr(kid, "get"):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    # a table running onto the next page may be tagged as two
    assert kinds.get("/Table", 0) >= 5 and kinds.get("/TH", 0) >= 20 and kinds.get("/Caption", 0) >= 5
    assert len(alts) == 1 and alts[0].startswith("A timeline of the 12 dated events")


@pytest.fixture(scope="module")
def reservoir(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("reservoir-briefing"), RESERVOIR / "seeds",
                           RESERVOIR / "config.yaml")
    run_snakemake(project)
    return project


def test_another_topic_fills_its_tables_and_timeline_from_its_own_config(reservoir):
    folder = briefing_dir(reservoir)
    page = lxml_html.fromstring((folder / "briefing.html").read_bytes())
    text = words(page.text_content())
    assert "North Korea" not in text and "NATO" not in text
    supply = table_rows(page, "tbl-terms-supply")
    assert page.get_element_by_id("supply").xpath(".//table[@id='tbl-terms-supply']")
    assert {row["Term"] for row in supply} == {"Household rationing", "Cost of the pipeline"}
    assert {row["Status"] for row in supply if row["Term"] == "Cost of the pipeline"} == {"Sources differ"}
    assert {row["Term"] for row in table_rows(page, "tbl-terms-farms")} == {"Irrigation"}
    assert table_rows(page, "tbl-terms-other")[0]["What it says"] == "No source mentions it"  # no section named
    figures = table_rows(page, "tbl-figures")
    assert {(r["Value"], r["Unit"], r["Status"]) for r in figures if r["Figure"] == "Pipeline"} == {
        ("40", "km", "Agree"), ("25", "mi", "Agree")}
    assert any(r["Status"] == "Changed: rose to 1,200 by 11 Mar 2025" for r in figures if r["Figure"] == "Households")
    dates = [row["Date"] for row in table_rows(page, "tbl-timeline")]
    assert {"3 Mar 2025", "10 Mar 2025", "13 Mar 2025"} <= set(dates)
    assert "As of 15 March 2025" in words(page.xpath("string(//dl[@class='facts'])"))
    assert [row["Published"] for row in table_rows(page, "tbl-sources")] == ["14 Mar 2025", "15 Mar 2025", "12 Mar 2025"]
    assert page.xpath("//figure[@id='fig-timeline']/img/@alt")[0].startswith("A timeline of the 5 dated events")
    assert not re.search(r"\bT\d+\b", page.xpath("string(//section[@id='supply'])"))  # no stray row labels
