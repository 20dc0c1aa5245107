"""The facts stage end to end: the default briefing's build/facts.json, and another topic's facts
filled from its own config alone."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from conftest import FIXTURES, briefing_dir, evidence_dir, make_project, run_snakemake, seed_files
from pipeline.content.facts.build import main as facts_main

TOPIC = FIXTURES / "topics" / "reservoir"


@pytest.fixture(scope="module")
def facts(default_build) -> dict:
    return json.loads((briefing_dir(default_build) / "facts.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def topic(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("reservoir"), TOPIC / "seeds", TOPIC / "config.yaml")
    run_snakemake(project, str((briefing_dir(project) / "facts.json").relative_to(project)))
    return project


def topic_facts(project) -> dict:
    return json.loads((briefing_dir(project) / "facts.json").read_text("utf-8"))


def test_the_default_facts_match_their_schema(facts):
    schema = json.loads(resources.files("pipeline.schemas").joinpath("facts.schema.json").read_text("utf-8"))
    assert [e.message for e in Draft202012Validator(schema).iter_errors(facts)] == []


def test_the_800_mile_and_1300_km_zone_agree(facts):
    zone = [g for g in facts["figure_groups"] if g["head"] == "zone"]
    assert len(zone) == 1 and zone[0]["status"] == "agree"
    texts = {m["text"] for m in zone[0]["members"]}
    assert "800-mile" in texts and any("1,300 kilometers" in t for t in texts)


def test_the_3000_and_10000_troops_are_a_change_with_their_dates(facts):
    [troops] = [g for g in facts["figure_groups"] if g["head"] == "troop" and g["status"] == "changed"]
    assert [(c["from"], c["from_date"], c["to"], c["to_date"], c["direction"]) for c in troops["changes"]] == [
        (3000, "2024-10-23", 10000, "2024-10-31", "growth")]
    assert len(troops["sources"]) >= 3


def test_the_undated_sources_are_as_of_the_latest_event_they_report(facts):
    assert facts["as_of"]["date"] == "2024-11-10" and "latest event" in facts["as_of"]["basis"]
    assert max(event["date"] for event in facts["timeline"]) <= facts["as_of"]["date"]


def test_the_timeline_has_events_on_23_and_31_october_2024_in_order(facts):
    dates = [event["date"] for event in facts["timeline"]]
    assert "2024-10-23" in dates and "2024-10-31" in dates and dates == sorted(dates)
    assert all(event["cites"] and event["provenance"] for event in facts["timeline"])


def test_at_least_five_distinct_speakers_with_roles_and_aliases_merged(facts):
    named = [s for s in facts["speakers"] if s["name"] and s["roles"] and s["kind"] == "person"]
    assert len(named) >= 5
    zelensky = [s for s in facts["speakers"] if s["name"] and "Zelensk" in s["name"]]
    assert len(zelensky) == 1 and {"Zelensky", "Volodymyr Zelenskyy"} <= set(zelensky[0]["aliases"])
    cha = next(s for s in facts["speakers"] if s["name"] == "Victor Cha")
    assert cha["roles"] == ["Georgetown Professor"] and cha["statements"][0]["outlet"] == "PBS News"


def test_the_codebook_terms_have_their_statuses(facts):
    statuses = {term["id"]: term["status"] for term in facts["terms"]}
    assert set(statuses) == {"freeze-front-line", "demilitarized-zone", "nato-deferred", "us-arms", "zone-policing"}
    assert statuses["nato-deferred"] == "agree" and statuses["zone-policing"] == "single"


def test_the_bottom_line_has_three_to_five_cited_judgments_none_a_section_lead(facts, default_build):
    leads = [json.loads(p.read_text("utf-8"))["lead"]["text"] for p in (briefing_dir(default_build) / "sections").glob("*.json")]
    assert 3 <= len(facts["bluf"]) <= 5
    for judgment in facts["bluf"]:
        assert judgment["cites"]
        assert all(lead not in judgment["text"] and judgment["text"] not in lead for lead in leads)


def test_every_fact_points_at_its_sentence_and_cites_the_seed(facts, default_build):
    clean = {p.stem: json.loads(p.read_text("utf-8")) for p in seed_files(evidence_dir(default_build), "clean")}
    items = facts["figures"] + facts["dates"] + facts["timeline"] + [
        st for s in facts["speakers"] for st in s["statements"]]
    for item in items:
        for where in item["provenance"]:
            paragraph = clean[where["seed"]]["paragraphs"][where["paragraph"]]
            assert paragraph["sentences"][where["sentence"]]["text"] == where["source_text"]
        assert item["cites"]


def test_another_topic_fills_terms_figures_and_timeline_from_its_config_alone(topic):
    facts = topic_facts(topic)
    statuses = {term["id"]: term["status"] for term in facts["terms"]}
    assert statuses == {"rationing": "agree", "pipeline-cost": "differ", "irrigation": "differ",
                        "desalination": "unmentioned"}
    groups = {g["head"]: g for g in facts["figure_groups"]}
    assert groups["pipeline"]["status"] == "agree"  # 25 miles and 40 kilometres
    assert groups["household"]["status"] == "changed"
    assert groups["household"]["changes"][0]["from_date"] == "2025-03-03"
    assert groups["household"]["changes"][0]["to_date"] == "2025-03-11"  # "on Tuesday" in a 12 March article
    assert {"2025-03-03", "2025-03-10", "2025-03-13"} <= {e["date"] for e in facts["timeline"]}
    ruiz = [s for s in facts["speakers"] if s["name"] and "Ruiz" in s["name"]]
    assert len(ruiz) == 1 and any("Commissioner" in role for role in ruiz[0]["roles"])
    assert facts["as_of"]["date"] == "2025-03-15"


def test_changing_the_codebook_alone_changes_only_the_terms(topic, tmp_path):
    evidence = evidence_dir(topic)
    config = {"codebook": [{"id": "harvest", "label": "The harvest", "markers": ["harvest"]}],
              "facts": {"synonyms": [["household", "home"]]}}
    output = tmp_path / "facts.json"
    facts_main([*map(str, seed_files(evidence, "clean")), "--corpus", str(evidence / "corpus.json"),
                "--bibliography", str(evidence / "bibliography.json"), "--map", str(evidence / "bibliography-map.json"),
                    "--settings", json.dumps(config), "--output", str(output)])
    changed, original = json.loads(output.read_text("utf-8")), topic_facts(topic)
    assert [(t["id"], t["status"]) for t in changed["terms"]] == [("harvest", "single")]
    for key in ("figures", "figure_groups", "timeline", "speakers", "dates"):
        assert changed[key] == original[key], key


def test_the_facts_are_the_same_whatever_the_hash_seed(default_build, tmp_path):
    """Python randomizes set order per process; quantulum3's readings once followed it."""
    import os
    import subprocess
    import sys

    evidence = evidence_dir(default_build)
    config = json.dumps({"codebook": [], "facts": {"synonyms": [["troop", "soldier"]]}})
    outputs = []
    for seed in ("0", "2"):
        output = tmp_path / f"facts-{seed}.json"
        subprocess.run([sys.executable, "-m", "pipeline", "facts", *map(str, seed_files(evidence, "clean")),
                        "--bibliography", str(evidence / "bibliography.json"), "--map", str(evidence / "bibliography-map.json"),
                        "--settings", config, "--output", str(output)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}, cwd=default_build)
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]


def test_sources_one_author_wrote_are_told_apart_by_year_else_by_a_word_of_their_titles():
    from pipeline.content.facts.build import source_labels

    author = ["Ann Lee"]
    documents = [{"seed": "a", "authors": author, "date": "2024-03-01", "title": "The Harbour Dues"},
                 {"seed": "b", "authors": author, "date": "2026-04-02", "title": "The Kelp Licences"},
                 {"seed": "c", "authors": author, "date": "2026-04-09", "title": "The Northern Moorings"},
                 {"seed": "d", "authors": ["Karl Moss"], "date": "2026-01-05", "title": "X"}]
    assert source_labels(documents) == {"a": "Lee 2024", "b": "Lee, Kelp", "c": "Lee, Northern", "d": "Moss"}


def test_labels_read_alike_are_told_apart_by_a_word_that_can_name_the_work():
    from pipeline.content.seedlabels import told_apart

    documents = [{"seed": "a", "date": "2026-04-01", "title": "The U.S. Harbour’s Dredging Program"},
                 {"seed": "b", "date": "2026-04-03", "title": "The U.S. Harbour’s Berth Fees"}]
    labels = told_apart({"a": "Lee and M’Bai", "b": "Lee and M'Bai"}, documents)  # one name, two apostrophes
    assert labels == {"a": "Lee and M’Bai, Dredging", "b": "Lee and M'Bai, Berth"}
