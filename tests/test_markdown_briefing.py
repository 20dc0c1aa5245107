"""A briefing from Markdown captures of reports (page furniture, metadata heads, tables, notes tables,
inline links, a publisher's disclaimer): only prose becomes a point, and sources are cited by author
and date. The seeds are invented documents in the shapes real captures have."""

from __future__ import annotations

import json
import re

from conftest import FIXTURES, briefing_dir, evidence_dir, make_project, run_snakemake, seed_files

TOPIC = FIXTURES / "topics" / "harbors"
NOT_PROSE = re.compile(r"\*\*|\]\(|\|| · |^#|^[-•]\s|Disclaimer|prepared for the members|Download PDF|"
                       r"Read Aloud|Show Details|ABOUT THIS NOTE|Related:|Version: \d")


def points(folder) -> list[dict]:
    found = []
    for path in sorted((folder / "sections").glob("*.json")):
        section = json.loads(path.read_text("utf-8"))
        found += [section["lead"], *section["points"]] if section["lead"] else section["points"]
    return found


def test_markdown_captures_give_prose_points_cited_by_author_and_date(tmp_path):
    project = make_project(tmp_path, TOPIC / "seeds", TOPIC / "config.yaml")
    run_snakemake(project)
    evidence, folder = evidence_dir(project), briefing_dir(project)
    made = points(folder)
    assert len(made) >= 4
    for point in made:
        assert not NOT_PROSE.search(point["text"]), point["text"]
        assert len(point["text"].split()) >= 6 and point["cites"], point["text"]
    clean = {path.stem: json.loads(path.read_text("utf-8")) for path in seed_files(evidence, "clean")}
    assert clean["dredging"]["authors"] == ["Maria L. Ortega", "Sam Lee"]
    assert clean["ferry-berths"]["date"] == "2025-11-20"
    assert clean["port-budget"]["tables"][0]["rows"][1] == ["Dredging", "19", "24"]
    html = (folder / "briefing.html").read_text("utf-8")
    assert re.search(r"Ortega\s+(?:and|&amp;|&)\s+Lee,?\s+2026", html), "the capture is cited by its authors and year"
    assert re.search(r"Novak,?\s+2025", html) and re.search(r"Okafor,?\s+2026", html)
    assert "expensive.1" not in html  # a note number a capture glued to the text is the note's marker
