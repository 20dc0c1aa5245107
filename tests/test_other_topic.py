"""The pipeline on another topic, with its own seeds and config: no code changes."""

from __future__ import annotations

import json

from conftest import FIXTURES, briefing_dir, make_project, run_snakemake

TOPIC = FIXTURES / "topics" / "drought"


def test_another_topic_builds_cited_sections(tmp_path):
    project = make_project(tmp_path, TOPIC / "seeds", TOPIC / "config.yaml")
    run_snakemake(project)
    folder = briefing_dir(project)
    for section_id in ("shipping", "agriculture", "response"):
        section = json.loads((folder / "sections" / f"{section_id}.json").read_text("utf-8"))
        assert section["lead"] and section["lead"]["cites"], section_id
        assert all(point["cites"] for point in section["points"]), section_id
    html = (folder / "briefing.html").read_text("utf-8")
    assert "River shipping" in html and "Government response" in html
    assert "Share this article" not in html and "Leave a Reply" not in html
    assert (folder / "briefing.pdf").stat().st_size > 10_000
