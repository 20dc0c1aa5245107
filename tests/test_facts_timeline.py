"""The timeline and the coverage matrix, on invented sentences and sections."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.content.coverage import coverage
from pipeline.content.facts.timeline import events, has_action
from pipeline.content.textstats import idf_weights, tokens


def sentences(*rows):
    return [SimpleNamespace(seed=seed, seed_id=f"id-{seed}", paragraph=0, sentence=i, text=text, words=tokens(text))
            for i, (seed, text) in enumerate(rows)]


def idf_of(*made):
    return idf_weights([s.words for s in made])


def test_one_event_reported_by_two_sources_is_one_entry_citing_both_in_date_order():
    a, b, c, d = sentences(("a", "On 3 March the council approved the new dam near Eastbrook."),
                           ("b", "The council approved the Eastbrook dam on 3 March."),
                           ("a", "On 1 March the mayor resigned."),
                           ("b", "On 2 March the river is high."))
    timeline = events([(a, "2025-03-03", "day"), (b, "2025-03-03", "day"), (c, "2025-03-01", "day"),
                       (d, "2025-03-02", "day")], idf_of(a, b, c, d))
    assert [(e["date"], e["cites"]) for e in timeline] == [("2025-03-01", ["id-a"]), ("2025-03-03", ["id-a", "id-b"])]


def test_only_day_or_month_dates_with_an_action_make_events():
    [a] = sentences(("a", "In 2024 the council approved the dam."))
    assert events([(a, "2024", "year")], idf_of(a)) == []
    assert has_action("Ruritania sent troops") and has_action("The army withdrew") and not has_action("It is calm")


def test_coverage_counts_the_points_resting_on_each_source():
    point = {"provenance": [{"seed": "a"}, {"seed": "b"}]}
    sections = [{"id": "one", "lead": point, "points": [{"provenance": [{"seed": "a"}]}]},
                {"id": "two", "lead": None, "points": []}]
    matrix = coverage(sections, ["a", "b", "c"])
    assert matrix["counts"] == {"a": {"one": 2, "two": 0}, "b": {"one": 1, "two": 0}, "c": {"one": 0, "two": 0}}
    assert matrix["totals"] == {"a": 2, "b": 1, "c": 0}
