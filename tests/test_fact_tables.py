"""The render stage's fact tables, who-said-what grouping and timeline figure, on invented facts."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from pipeline.render.actors import distinct_roles, group_by_actor
from pipeline.render.chart import (
    MONTH_LABEL_IN,
    alt_text,
    assign_levels,
    clusters,
    event_span,
    month_ticks,
    timeline_svg,
)
from pipeline.render.tables import (
    change_status,
    compared_values,
    excerpt,
    figure_rows,
    plain_number,
    short_date,
    stated_value,
    term_rows,
)

SENTENCES = ["Officials counted 800 homes on 3 March.", "By 11 March the count was 1,200 homes.",
             "The mayor said the pipeline would cost about $45 million.", "The union said nothing."]


def documents() -> dict:
    paragraph = {"sentences": [{"text": text, "markers": [1] if n == 1 else []} for n, text in enumerate(SENTENCES)]}
    return {"a": {"seed": "a", "paragraphs": [paragraph]}, "b": {"seed": "b", "paragraphs": [paragraph]}}


BIB_MAP = {"a": {"@seed": "article-a", "1": ["cited-work"]}, "b": {"@seed": "article-b"}}


def prov(seed: str, sentence: int) -> dict:
    return {"seed": seed, "paragraph": 0, "sentence": sentence, "source_text": SENTENCES[sentence]}


def figure(ident: str, seed: str, sentence: int, value: float, day: str | None, **fields) -> dict:
    record = {"id": ident, "text": f"{value:g}", "value": value, "unit_symbol": "", "dimension": "count",
              "counted": "homes", "head": "home", "qualifier": None, "hedge": None, "subset": False, "share": False,
              "date": day,
              "provenance": [prov(seed, sentence)]}
    return {**record, **fields}


FACTS = {
    "figures": [figure("f1", "b", 0, 800, "2025-03-03"), figure("f2", "a", 1, 1200, "2025-03-11", hedge="about"),
                figure("f3", "a", 2, 24, None, unit_symbol="hours", dimension="[time]", head=None, counted=None),
                figure("f4", "b", 3, 12, None, counted="wells", head="well")],
    "figure_groups": [
        {"id": "g1", "label": "homes", "share": False, "status": "changed", "dimension": "count", "head": "home",
         "figures": ["f1", "f2"], "values": [{"figures": ["f1"]}, {"figures": ["f2"]}],
         "changes": [{"from_text": "800", "from_date": "2025-03-03", "to_text": "about 1,200", "to_date": "2025-03-11",
                      "direction": "growth"}]},
        {"id": "g2", "label": "24 hours", "share": False, "status": "agree", "dimension": "[time]", "head": None,
         "figures": ["f3"],
         "values": [{"figures": ["f3"]}], "changes": []}],
}


def test_a_figure_is_printed_as_its_source_states_it():
    assert stated_value({"text": "around 10,000", "value": 10000.0, "hedge": "around"}) == "around 10,000"
    assert stated_value({"text": "4-5", "value": 4.5, "hedge": None}) == "4–5"
    assert stated_value({"text": "18.8%", "value": 18.8, "hedge": None}) == "18.8"
    assert plain_number("3000") == "3,000" and plain_number("at least 10,000") == "at least 10,000"
    assert short_date("2024-10-31") == "31 Oct 2024" and short_date("2024-11") == "Nov 2024" and short_date(None) == "—"


def test_a_change_says_what_each_value_rose_to_or_from_with_its_date():
    statuses = change_status(FACTS["figure_groups"][0])
    assert statuses == {"f1": "Changed: rose to about 1,200 by 11 Mar 2025",
                        "f2": "Changed: up from 800 on 3 Mar 2025"}


def test_key_figures_are_the_compared_counts_in_date_order_then_one_source_counts_each_citing_its_sentence():
    rows = figure_rows(FACTS, documents(), BIB_MAP)
    assert [(r["number"], r["label"], r["value"], r["date"], r["status"]) for r in rows] == [
        ("F1", "Homes", "800", "3 Mar 2025", "Changed: rose to about 1,200 by 11 Mar 2025"),
        ("F2", "Homes", "about 1,200", "11 Mar 2025", "Changed: up from 800 on 3 Mar 2025"),
        ("F3", "Wells", "12", "—", "One source")]  # the '24 hours' group counts nothing: no key figure
    assert rows[1]["cites"] == ["article-a", "cited-work"]  # the article and the work its sentence cites
    assert rows[1]["sources"] == [{"seed": "a", "id": "article-a", "citing": ["cited-work"]}]
    assert rows[1]["provenance"][0]["marker_ids"] == ["cited-work"] and rows[1]["anchor"] == "fig-2"


def test_a_term_row_quotes_the_words_around_what_matched_and_a_term_no_source_mentions_has_one_row():
    text = SENTENCES[2]
    start = text.index("$45")
    term = {"id": "cost", "label": "Cost", "status": "single", "sources": [
        {"seed": "a", "values": ["about $45 million"], "statements": [
            {**prov("a", 2), "values": ["about $45 million"], "match": [start + 1, len(text) - 1]}]}]}
    [row] = term_rows(term, documents(), BIB_MAP)
    assert row["quote"] == {"before": "… mayor said the pipeline would cost about $", "gap_before": False,
                            "match": "45 million", "gap_after": False, "after": "."}
    assert row["stated"] == ["about $45 million"] and row["status"] == "One source" and row["cites"] == ["article-a"]
    [none] = term_rows({"id": "x", "label": "X", "status": "unmentioned", "sources": []}, documents(), BIB_MAP)
    assert none["quote"] is None and none["status"] == "Not mentioned" and none["number"] is None
    words = " ".join(f"w{n}" for n in range(30))
    long = excerpt({"source_text": words, "match": [words.index("w15"), words.index("w15") + 3]})
    assert (long["before"], long["match"], long["after"]) == ("… w8 w9 w10 w11 w12 w13 w14", "w15",
                                                              "w16 w17 w18 w19 w20 w21 w22 …")


def test_a_section_grouped_by_actor_puts_each_point_under_its_speaker_and_adds_their_other_statements():
    def point(seed, sentence):
        return {"text": SENTENCES[sentence], "cites": [BIB_MAP[seed]["@seed"]], "provenance": [
            {**prov(seed, sentence), "marker_ids": []}]}

    section = {"lead": point("a", 0), "points": [point("a", 2), point("b", 3)], "quotes": []}
    speakers = [
        {"id": "union", "name": None, "roles": ["farmers' union"], "kind": "organization", "sources_naming": 1,
         "statements": [{"provenance": [prov("b", 1)]}]},
        {"id": "ann-mayor", "name": "Ann Mayor", "roles": ["Mayor", "the city's Mayor"], "kind": "person",
         "sources_naming": 2, "statements": [{"provenance": [prov("a", 2)]}, {"provenance": [prov("a", 1)]},
                                             {"provenance": [prov("b", 0)]}]}]
    group_by_actor(section, speakers, {("b", 0, 0)}, documents(), BIB_MAP)
    groups = [(g["actor"]["name"], g["actor"]["roles"], [i["text"] for i in g["entries"]]) for g in section["groups"]]
    assert groups == [
        ("Ann Mayor", ["the city's Mayor"], [SENTENCES[2], SENTENCES[1]]),  # its point, then a statement; b's
        ("Farmers' union", [], [SENTENCES[1]]),                             # sentence 0 another section shows
        ("Other points", [], [SENTENCES[3]])]
    assert section["points"] == [item for group in section["groups"] for item in group["entries"]]
    assert distinct_roles(["President", "Russian President", "Putin"], "Putin") == ["Russian President"]


def test_the_timeline_figure_breaks_its_axis_at_long_gaps_and_lifts_labels_that_would_collide():
    spans = [event_span(d) for d in ("2022-02", "2024-10-23", "2024-10-31", "2024-11-06")]
    assert spans[0] == (date(2022, 2, 1), date(2022, 2, 28))
    assert clusters(spans) == [[0], [1, 2, 3]]
    assert assign_levels([(0.0, 0.34), (0.1, 0.44), (0.5, 0.84)]) == [0, 1, 0]


def test_a_long_panel_of_the_timeline_labels_only_as_many_months_or_years_as_fit_under_it():
    three_years = (date(2022, 11, 1), date(2025, 10, 1))  # 36 months: a label each is a smear at 4 inches
    bounds, labelled, shown = month_ticks(three_years, 4.0)
    assert len(bounds) == 36 and len(labelled) * MONTH_LABEL_IN <= 4.0 and shown == "%b %Y"
    assert [day.strftime(shown) for day in labelled[:2]] == ["Jan 2023", "Jul 2023"]
    bounds, labelled, shown = month_ticks((date(1990, 3, 1), date(2024, 6, 1)), 4.0)
    assert shown == "%Y" and [day.year for day in labelled[:2]] == [1995, 2000]
    assert month_ticks((date(2019, 12, 16), date(2019, 12, 25)), 0.9)[1] == [date(2019, 12, 20)]  # one event's days
    every_month = month_ticks(three_years)[1]  # room enough: the middle of each month inside the panel
    assert len(every_month) == 35 and every_month[:2] == [date(2022, 11, 15), date(2022, 12, 15)]


def test_the_timeline_figure_is_the_same_svg_every_time_with_no_date_and_says_what_it_shows():
    events = [{"label": "T1", "date": "2024-10-23"}, {"label": "T2", "date": "2024-10-31"},
              {"label": "T3", "date": "2024-11"}]
    svg = timeline_svg(events)
    assert svg == timeline_svg(events) and svg.startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg and ">T2</text>" in svg  # text stays text (svg.fonttype none)
    assert alt_text(events, "the timeline table") == (
        "A timeline of the 3 dated events in the timeline table, from 23 October 2024 to November 2024, each "
        "marked with its row: T1 23 October 2024; T2 31 October 2024; T3 November 2024.")


def test_the_fill_stage_imports_matplotlib_only_to_draw_a_timeline():
    code = "import sys, pipeline.render.fill; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_compared_values_shown_never_come_all_from_one_source_of_a_group_several_give():
    values = [{"base_value": v, "sources": [seed]} for v, seed in ((1, "a"), (2, "a"), (3, "a"), (4, "b"))]
    shown = compared_values(values, 3, lambda value: len(value["sources"]))
    assert [v["base_value"] for v in shown] == [1, 2, 4]  # "Conflict" rows show the sources that differ
    assert compared_values(values[:3], 2, lambda value: 1) == values[:2]  # one source only: as ranked


def test_a_timeline_panel_of_one_days_event_is_labelled_with_that_day_not_a_monday_beside_it():
    svg = timeline_svg([{"label": "T1", "date": "1971-08-15"}, {"label": "T2", "date": "2020-07-01"}])
    assert ">15 Aug 1971</text>" in svg and "16 Aug 1971" not in svg  # 16 August 1971 was a Monday


def test_a_conflict_one_source_gives_several_values_of_reads_so_and_one_no_owner_names_is_no_comparison():
    facts = {"figures": [figure("f1", "a", 0, 10, None, dimension="percent", counted="levy", head="levy"),
                         figure("f2", "b", 1, 15, None, dimension="percent", counted="levy", head="levy"),
                         figure("f3", "b", 2, 10, None, dimension="percent", counted="levy", head="levy")],
             "figure_groups": [{"id": "g1", "label": "levy", "share": False, "status": "conflict", "dimension": "percent",
                                "head": "levy", "qualifier": "Harbour Board", "figures": ["f1", "f2", "f3"], "changes": [],
                                "values": [{"figures": ["f1", "f3"], "sources": ["a", "b"]},
                                           {"figures": ["f2"], "sources": ["b"]}]}]}
    rows = figure_rows(facts, documents(), BIB_MAP)
    assert {row["status"] for row in rows} == {"Several values"}  # b states both: no source set against another

    unowned = {**facts, "figure_groups": [{**facts["figure_groups"][0], "qualifier": None}]}
    rows = figure_rows(unowned, documents(), BIB_MAP)
    assert {row["status"] for row in rows} == {"One source"}  # whose levy? each figure as its source gives it
