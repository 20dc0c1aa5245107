"""Court cases cited by a neutral citation, as courts of England, Wales, Canada and Australia number their
judgments (invented strings of those shapes)."""

from __future__ import annotations

from pipeline.references.parse.reference import parse_reference


def test_a_neutral_citation_closes_a_case_name_and_gives_its_year() -> None:
    english = parse_reference("Harbour Users Ltd v Secretary of State for Transport [2019] EWCA Civ 412")
    assert (english["type"], english["title"]) == ("legal_case", "Harbour Users Ltd v Secretary of State for Transport")
    assert english["issued"]["date-parts"][0][0] == 2019
    admin = parse_reference("R (on the application of Pilots Guild) v Port Authority [2021] EWHC 88 (Admin)")
    assert admin["title"] == "R (on the application of Pilots Guild) v Port Authority"
    canadian = parse_reference("Ferry Workers Union and Ann Lee v Attorney General of Nova Scotia (2016 NSSC 212)")
    assert canadian["title"] == "Ferry Workers Union and Ann Lee v Attorney General of Nova Scotia"
    assert canadian["issued"]["date-parts"][0][0] == 2016


def test_a_bracketed_year_without_a_court_number_is_no_neutral_citation() -> None:
    item = parse_reference("Lee v Harbour Board [2019] and the law of pilotage. Harbour Press, 2020.")
    assert item["type"] != "legal_case"
