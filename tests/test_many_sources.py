"""A point many sources make cites the strongest few and counts the rest: the briefing stays a briefing.

An invented corpus of 40 short articles, from eight publishers over forty days, each restating the
same closure of a bridge in its own words (and saying one thing of its own) is built for real and
compared with a build of its first five articles.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import BUILD_EPOCH, briefing_dir, run_snakemake, snakemake_env
from pipeline.content.support import Support, strongest
from pipeline.render.bibitems import cited_keys
from pipeline.render.sourcelists import with_source_lists, without_source_lists

SEEDS = 40
PER_POINT = 3  # the schema's default selection.sources_per_point
PUBLISHERS = ["Lowland Courier", "Tidewater Post", "Eastgate Herald", "Marsh Observer", "Quayside Journal",
              "Northfield Gazette", "Saltmarsh Review", "Dockland Bulletin"]
OPENINGS = ["The Orrin Strait bridge", "The Orrin Strait crossing", "The bridge over the Orrin Strait",
            "The Orrin Strait road bridge", "Orrin Strait's bridge"]
VERBS = ["was closed to all traffic", "was shut to all traffic", "closed to all traffic", "was closed to every vehicle"]
DATES = ["on 3 March 2025", "on March 3, 2025", "on Monday, 3 March 2025"]
CAUSES = ["after inspectors found cracks in two of its steel piers", "when inspectors found cracks in two steel piers",
          "after engineers found cracks in two of its steel piers", "because inspectors found cracks in two steel piers"]
SAYING = ["the transport ministry said", "according to the transport ministry", "the ministry of transport said",
          "officials at the transport ministry said"]
PLACES = ["Velmark", "Hesk", "Orrin Quay", "Brandholm", "Tarnby", "Lisle Point", "Kettering Sands"]
MOODS = ["weary but patient", "angry at the delay", "worried about their jobs", "resigned to the ferries",
         "sceptical of the ministry", "hopeful about the repairs"]
OWN = ["Ferry operators added {n} extra sailings a week to carry the stranded commuters.",
       "Local bakeries reported {n} fewer deliveries reaching the island towns.",
       "The regional council set aside {n} million crowns for temporary buses.",
       "School bus routes were redrawn for {n} pupils on the far shore.",
       "Freight firms rerouted {n} lorries a day through the northern tunnel.",
       "A fishing cooperative said {n} of its boats now land their catch on the mainland.",
       "Hotels on the island counted {n} cancelled bookings in the first week.",
       "The hospital on the far shore moved {n} nurses into rooms near the wards.",
       "Taxi drivers queued for {n} minutes at the temporary ferry terminal.",
       "A petition asking for a second crossing gathered {n} signatures within days."]
CONFIG = {
    "briefing": {"title": "The Orrin Strait Bridge Closure"},
    "sections": [{"id": "closure", "title": "The closure",
                  "description": "The Orrin Strait bridge is closed to traffic after inspectors found cracked piers.",
                  "keywords": ["bridge", "closed", "traffic", "inspectors", "cracks", "piers", "Orrin Strait"]},
                 {"id": "effects", "title": "Effects",
                  "description": "How the closure hits commuters, ferries, freight, schools and shops.",
                  "keywords": ["ferry", "commuters", "freight", "lorries", "buses", "deliveries", "pupils"]}],
}


def article(index: int) -> str:
    """One invented article: a title, the shared statement in its own words (its parts varying
    independently), three sentences of its own (a different set of templates and figures for each
    article) and a resident's view, so that no two articles are near duplicates of each other."""
    shared = (f"{OPENINGS[index % 5]} {VERBS[index // 5 % 4]} {DATES[index % 3]} {CAUSES[index // 2 % 4]}, "
              f"{SAYING[index // 3 % 4]}.")
    picks = list(itertools.combinations(range(len(OWN)), 3))[index * 37 % 120]
    own = [OWN[pick].format(n=12 + 7 * index + pick) for pick in picks]
    view = (f"Residents of {PLACES[index % 7]} told the paper on day {index + 1} that they were "
            f"{MOODS[index // 7 % 6]}.")
    return f"{PUBLISHERS[index % len(PUBLISHERS)]} on the strait, day {index + 1}\n\n{shared} {own[0]}\n\n" + \
        f"{own[1]} {view}\n\n{own[2]}\n"


def make_corpus(root: Path, count: int) -> Path:
    (root / "seeds").mkdir(parents=True)
    sources = {}
    for index in range(count):
        name = f"report-{index:03d}.txt"
        (root / "seeds" / name).write_text(article(index), encoding="utf-8")
        sources[name] = {"publisher": PUBLISHERS[index % len(PUBLISHERS)], "date": f"2025-03-{4 + index % 25:02d}",
                         "url": f"https://example.org/orrin/{index}"}
    (root / "seeds" / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    (root / "config.yaml").write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[int, Path]:
    found = {}
    for count in (5, SEEDS):
        project = make_corpus(tmp_path_factory.mktemp(f"orrin-{count}"), count)
        run_snakemake(project, epoch=BUILD_EPOCH)
        found[count] = briefing_dir(project)  # build/<config id>/full/
    return found


def widest_point(build: Path) -> dict:
    section = json.loads((build / "sections" / "closure.json").read_text("utf-8"))
    return max([section["lead"], *section["points"]], key=lambda point: point["sources"])


def test_a_point_many_sources_make_cites_the_strongest_few_and_lists_the_rest(builds):
    point = widest_point(builds[SEEDS])
    cited = [prov["seed"] for prov in point["provenance"]]
    others = [other["seed"] for other in point["other_sources"]]
    assert point["sources"] >= 15  # the shared statement, merged across much of the corpus
    assert len(cited) == PER_POINT and point["more_sources"] == point["sources"] - PER_POINT == len(others)
    assert len(set(cited) | set(others)) == point["sources"] and not set(cited) & set(others)
    assert len(point["cites"]) == PER_POINT  # the articles cite no works of their own
    publishers = yaml.safe_load((builds[SEEDS].parents[2] / "seeds" / "sources.yaml").read_text("utf-8"))
    assert len({publishers[f"{seed}.txt"]["publisher"] for seed in cited}) == PER_POINT  # three publishers


def test_the_html_says_how_many_more_and_lists_them_in_a_folded_list(builds):
    point = widest_point(builds[SEEDS])
    page = lxml_html.fromstring((builds[SEEDS] / "briefing.html").read_bytes())
    assert f"and {point['more_sources']} more sources" in page.text_content()
    lists = {details.xpath("string(./summary)").strip(): details for details in page.xpath("//details[@class='more-sources']")}
    details = next(d for summary, d in lists.items() if summary.startswith(f"The {point['more_sources']} other sources"))
    assert len(details.xpath(".//li")) == point["more_sources"]
    assert not page.xpath("//script")  # it opens without any


def test_the_sources_list_holds_only_what_the_briefing_cites(builds):
    markdown = (builds[SEEDS] / "briefing.md").read_text("utf-8")
    page = lxml_html.fromstring((builds[SEEDS] / "briefing.html").read_bytes())
    entries = {entry.get("id").removeprefix("ref-") for entry in page.xpath("//div[contains(@class, 'csl-entry')]")}
    assert entries == cited_keys(markdown)
    every_article = {numbers["@seed"] for numbers in
                     json.loads((builds[SEEDS].parent / "bibliography-map.json").read_text("utf-8")).values()}
    assert entries < every_article  # not every seed


def test_forty_sources_make_a_briefing_about_as_long_as_five(builds):
    pages = {count: len(PdfReader(build / "briefing.pdf").pages) for count, build in builds.items()}
    # every table and list is bounded by a limit, whatever the number of seeds; what grows from five
    # seeds to forty is what five cannot fill: three sources a point, the tables' rows, their passages
    assert pages[SEEDS] <= pages[5] + 4, pages
    text = " ".join(page.extract_text() for page in PdfReader(builds[SEEDS] / "briefing.pdf").pages)
    assert re.search(r"and \d+ more\s+sources", text)  # the count stays on paper, the list does not
    assert "other sources that make point" not in text


def test_five_sources_cite_three_and_count_two_and_a_point_of_few_sources_cites_each(builds):
    section = json.loads((builds[5] / "sections" / "effects.json").read_text("utf-8"))
    point = widest_point(builds[5])
    assert point["sources"] == 5 and len(point["cites"]) == PER_POINT and point["more_sources"] == 2
    few = [p for p in [section["lead"], *section["points"]] if p["sources"] <= PER_POINT]
    assert few and all(p["more_sources"] == 0 and p["other_sources"] == [] and len(p["provenance"]) == p["sources"]
                       for p in few)


def support(seed: str, publisher: str | None, relevance: float, date: str | None = None, text: str = "") -> Support:
    return Support(seed, seed, text or f"statement of {seed}", publisher, date, relevance)


def test_strongest_prefers_new_publishers_over_a_slightly_more_relevant_second_article():
    ranked = [support("a", "One", 0.9), support("b", "One", 0.8), support("c", "Two", 0.5)]
    cited, others = strongest(ranked, 2)
    assert [s.seed for s in cited] == ["a", "c"] and [s.seed for s in others] == ["b"]


def test_strongest_puts_a_verbatim_copy_after_original_wording():
    ranked = [support("a", "One", 0.9, text="The dam failed."), support("b", "Two", 0.9, text="The dam FAILED!"),
              support("c", "Three", 0.4, text="The dam gave way.")]
    assert [s.seed for s in strongest(ranked, 2)[0]] == ["a", "c"]


def test_strongest_breaks_near_ties_by_the_earliest_date_and_keeps_the_printed_source_first():
    ranked = [support("late", "One", 0.801, "2025-05-01"), support("early", "Two", 0.799, "2025-01-01"),
              support("undated", "Three", 0.8)]
    assert [s.seed for s in strongest(ranked, 3)[0]] == ["early", "late", "undated"]
    assert [s.seed for s in strongest(ranked, 1, keep_first=True)[0]] == ["late"]


def test_the_lists_of_further_sources_stay_out_of_the_markdown_and_the_pdf(builds):
    """briefing.md keeps each list's heading; source-lists.json holds the labels the page lists."""
    point = widest_point(builds[SEEDS])
    lists = json.loads((builds[SEEDS] / "source-lists.json").read_text("utf-8"))
    markdown = (builds[SEEDS] / "briefing.md").read_text("utf-8")
    assert len(lists[f"{point_anchor(markdown, point)}-others"]) == point["more_sources"]
    assert all(label not in markdown for labels in lists.values() for label in labels[:3])
    page = lxml_html.fromstring((builds[SEEDS] / "briefing.html").read_bytes())
    for anchor, labels in lists.items():
        assert [" ".join(li.text_content().split()) for li in page.xpath(f"//details[@id='{anchor}']//li")] == labels


def point_anchor(markdown: str, point: dict) -> str:
    """The anchor of the point that counts `point`'s further sources ("pt-1-1")."""
    found = re.search(r"\[([\d.]+)\]\{#(pt-[\d-]+) \.point-number\}[^\n]*and " + str(point["more_sources"]) + " more",
                      markdown)
    assert found, "no point says how many more sources it has"
    return found.group(2)


def test_lists_apart_or_in_the_markdown_give_the_same_page(builds, tmp_path):
    """The fill and html stages run again as the build ran them but without --source-lists: the
    lists go through briefing.md and pandoc, and the page is the build's but for the build id (it
    hashes what the briefing shows, here the lists with the Markdown)."""
    build = builds[SEEDS]
    project, folder = build.parents[2], build.relative_to(build.parents[2]).as_posix()
    dry = run_snakemake(project, "-n", "-p", "--forcerun", "fill", epoch=BUILD_EPOCH)
    commands = {found.group(2): found.group(1) for line in (dry.stdout + dry.stderr).splitlines()
                if (found := re.search(r"(\S+ -m pipeline (fill|html) .*?) 2> ", line))}
    fill = commands["fill"].replace(f" --source-lists {folder}/source-lists.json", "")
    html = commands["html"].replace(f" --source-lists {folder}/source-lists.json", "")
    fill = fill.replace(f"{folder}/briefing.md", f"{tmp_path}/briefing.md")
    for name in ("briefing.md", "briefing.html", "briefing.pdf"):
        html = html.replace(f"{folder}/{name}", f"{tmp_path}/{name}")
    for line in (fill, html):
        subprocess.run(line, shell=True, check=True, cwd=project, env=snakemake_env(epoch=BUILD_EPOCH))
    assert len((tmp_path / "briefing.md").read_bytes()) > len((build / "briefing.md").read_bytes())
    ident = re.compile(r"\b[0-9a-f]{12}\b")
    assert ident.sub("", (tmp_path / "briefing.html").read_text("utf-8")) == \
        ident.sub("", (build / "briefing.html").read_text("utf-8"))
    assert extract_text(tmp_path / "briefing.pdf") == extract_text(build / "briefing.pdf")


def extract_text(pdf: Path) -> str:
    return re.sub(r"\b[0-9a-f]{12}\b", "", " ".join(page.extract_text() for page in PdfReader(pdf).pages))


def test_a_label_reaches_the_page_as_text_and_paper_never_sees_the_lists():
    page = ('<p>x</p>\n<details class="more-sources" id="pt-1-1-others"><summary>\nThe 2 other sources\n'
            '</summary>\n</details>\n<p>y</p>\n')
    filled = with_source_lists(page, {"pt-1-1-others": ["<script>alert(1)</script> & co", "Ann  Lee"],
                                      "pt-9-9-others": ["not on the page"]})
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</li>\n<li>Ann Lee</li>" in filled
    assert "not on the page" not in filled and "<script>" not in filled
    assert without_source_lists(filled) == without_source_lists(page) == "<p>x</p>\n<p>y</p>\n"
    assert with_source_lists(page, {}) == page
