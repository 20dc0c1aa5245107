"""A note that cites several works split into one reference string per work (pipeline.references.notes),
and the references stage giving each work its own item under the note's number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.references.extract import build_references
from pipeline.references.notes import split_works
from pipeline.references.parse.government.legal import parse_government

FIRST_SENATOR = ('Sen. Ada Whitcombe, "Harbor Dues," remarks in the Senate, Congressional Record, daily edition, '
            "vol. 170, part 9 (March 4, 2024), p. S1201")
SECOND_SENATOR = ('Sen. Tomas Ferrell, "Harbor Dues," remarks in the Senate, Congressional Record, daily edition, '
          "vol. 170, part 9 (March 4, 2024), p. S1202.")
MANUAL = ("CRS Report RL39112, Congressional Review of Harbor Agencies, coordinated by Nora Kessel, Paul Amari, and "
          "Diane R. Hollis")
IN_FOCUS = "CRS In Focus IF11872, Harbor Agency Investigations, by Paul Amari."


@pytest.mark.parametrize(
    ("note", "works"),
    [
        (f"{MANUAL}; {IN_FOCUS}", [MANUAL, IN_FOCUS]),
        (f"{FIRST_SENATOR}; {SECOND_SENATOR}", [FIRST_SENATOR, SECOND_SENATOR]),
        ("S. 2093, Fair Access to Banking Act, introduced June 18, 2025; H.R. 2012, Harbor Pilots Act, introduced "
         "March 3, 2025.",
         ["S. 2093, Fair Access to Banking Act, introduced June 18, 2025",
          "H.R. 2012, Harbor Pilots Act, introduced March 3, 2025."]),
        ("P.L. 114-17, 129 Stat. 201; 42 U.S.C. §1983.", ["P.L. 114-17, 129 Stat. 201", "42 U.S.C. §1983."]),
        # ", and " before a designation that opens the next work
        ("CRS In Focus IF13119, Harbour Reserves: A Summary, by Ann Lee and Ben Marsh, and CRS In Focus IF12006, "
         "Dock Leasing, by Carl Ode.",
         ["CRS In Focus IF13119, Harbour Reserves: A Summary, by Ann Lee and Ben Marsh",
          "CRS In Focus IF12006, Dock Leasing, by Carl Ode."]),
        # prose that names the law it rests on cites that law, once
        ("The dock programme was authorized under Title IX of P.L. 111-11, as P.L. 111-11 directed.", ["P.L. 111-11"]),
        # an agency and its office by their short names, then the title
        ("Harbor Agency, Report to Congress, 2021; and HA, TRS, Report on Dock Fees—FY2023.",
         ["Harbor Agency, Report to Congress, 2021", "HA, TRS, Report on Dock Fees—FY2023."]),
        ("Loper Bright Enterprises v. Raimondo, 603 U.S. 369 (2024); see also Quay v. Marsh, 512 F.3d 88 (4th Cir. "
         "2008).",
         ["Loper Bright Enterprises v. Raimondo, 603 U.S. 369 (2024)", "Quay v. Marsh, 512 F.3d 88 (4th Cir. 2008)."]),
        ("See, e.g., CRS Report R45442, Congress's Authority, by Todd Garvey. Cf. CRS Report R44000, Harbor "
         "Oversight, by Todd Garvey.",
         ["CRS Report R45442, Congress's Authority, by Todd Garvey", "CRS Report R44000, Harbor Oversight, by Todd "
          "Garvey."]),
        ("Letter from Jane Doe, Secretary of the Harbor Board, to Sen. John Roe, March 3, 2025; Letter from Jane Doe, "
         "Secretary of the Harbor Board, to Rep. Ann Lee, March 3, 2025.",
         ["Letter from Jane Doe, Secretary of the Harbor Board, to Sen. John Roe, March 3, 2025",
          "Letter from Jane Doe, Secretary of the Harbor Board, to Rep. Ann Lee, March 3, 2025."]),
        ("Ibid.; see also CRS Report R12345, Harbor Pilots, by Ann B. Jones.",
         ["Ibid.", "CRS Report R12345, Harbor Pilots, by Ann B. Jones."]),
    ],
)
def test_a_note_listing_several_works_splits_into_them(note: str, works: list[str]) -> None:
    assert split_works(note) == works


@pytest.mark.parametrize(
    ("note", "work"),
    [
        ("For more information on site visits, see CRS Report RS21744, Site Visits: Fact Sheet on Schedules, "
         "Costs, Permissions, and Travel, by Marion T. Healey.",
         "CRS Report RS21744, Site Visits: Fact Sheet on Schedules, Costs, Permissions, and Travel, by Marion "
         "T. Healey."),
        ("The Senate confirmed twelve harbor commissioners that week. See CRS Report RL30412, Senate Review of "
         "Harbor Nominations, by Elena Rybak.",
         "CRS Report RL30412, Senate Review of Harbor Nominations, by Elena Rybak."),
        ("See CRS Report RL30412, Senate Review of Harbor Nominations, by Elena Rybak.",
         "CRS Report RL30412, Senate Review of Harbor Nominations, by Elena Rybak."),
        # an explanation that dates what it tells is still no work of its own
        ("As of May 3, 2024, $41 million in dock grants had been approved. For running totals, see Harbor "
         "Grants Office, Dock Grant Awards, https://grants.example.gov/awards.",
         "Harbor Grants Office, Dock Grant Awards, https://grants.example.gov/awards."),
        # "please see", and an explanation after the address the work closes with
        ("For general information on dock commissions, please see Harbor Office, Dock Commissions, "
         "https://harbor.example.gov/commissions. The office issued no notice in FY2025.",
         "Harbor Office, Dock Commissions, https://harbor.example.gov/commissions."),
        # an author that is a body with its short name, and a title in capitals
        ("For the grants of all years, see Harbor Accountability Office (HAO), COVID-19: Dock Grants, HAO-20-625,"
         " June 25, 2020.",
         "Harbor Accountability Office (HAO), COVID-19: Dock Grants, HAO-20-625, June 25, 2020."),
        # a lead-in with no comma before its signal, after sentences of explanation
        ("Most ports closed their ferry desks in 2021. For details see CRS Report R41234, Ferry Desks in the "
         "Northern Ports.",
         "CRS Report R41234, Ferry Desks in the Northern Ports."),
        # a page named, then its address
        ("The board has nine members from four states. For more information, see Northern Harbor Compact "
         "Program at https://compact.example.gov/.",
         "Northern Harbor Compact Program at https://compact.example.gov/."),
        # a work with no name before its address, after an explaining lead-in
        ("For a summary of the grants by state, see Table 3-1, Dock Grants by State, available at "
         "https://grants.example.gov/table.pdf.",
         "Table 3-1, Dock Grants by State, available at https://grants.example.gov/table.pdf."),
        # the part of a work the note points into
        ('For the fees, see the "Pilot Fees" section in CRS Report RS20123, Harbor Pilots: Fees and Rules.',
         "CRS Report RS20123, Harbor Pilots: Fees and Rules."),
    ],
)
def test_an_explanatory_lead_in_and_a_signal_are_cut_off_the_work(note: str, work: str) -> None:
    assert split_works(note) == [work]


@pytest.mark.parametrize(
    "reference",
    [
        "Smith, J.; Doe, K. (2019). Harbour tides. Journal of Ports, 3(2), 1-9.",  # an author list's "; "
        "Smith J, Doe K. Harbour tides. Environ Res. 2019;172:1-9.",  # a journal's "2019;172"
        "Smith J, Doe K. Harbour tides; a review. Environ Res. 2019; 172:1-9.",
        "Okafor, N. (2020). A new way home; Journal of Harbour Studies 2 (1), 4-9.",
        "“Tides; a subtitle after a semicolon,” Harbour Journal, 2019.",  # inside quotation marks
        "Lee, K. (2021). Ports (see also the appendix; Harbour Press edition). Harbour Press.",  # in brackets
        "Kim, J. and Park, J. 2024. “Harbour pact signed.” Reuters. Available at: https://www.example.com/pact",
        "Ibid.",
        "",
    ],
)
def test_a_reference_to_one_work_is_left_as_written(reference: str) -> None:
    assert split_works(reference) == [reference]


def _clean(references: list[dict]) -> dict:
    markers = [ref["number"] for ref in references]
    return {"seed": "t", "status": "ok", "references": references,
            "paragraphs": [{"index": 0, "kind": "paragraph", "text": "x",
                            "sentences": [{"index": 0, "text": "x", "markers": markers}]}]}


def test_each_work_of_a_note_is_an_item_with_the_note_number() -> None:
    items, report = build_references(_clean([{"number": 1, "raw": f"{MANUAL}; {IN_FOCUS}"},
                                             {"number": 2, "raw": "Ibid."}]))
    assert [(item["citation-number"], item.get("number")) for item in items] == [
        (1, "RL39112"), (1, "IF11872"), (2, "RL39112"), (2, "IF11872")]
    assert [item.get("ibid-of") for item in items] == [None, None, 1, 1]
    assert report["split_notes"] == [{"number": 1, "works": 2}]
    assert report["uncited"] == [] and report["unparsed"] == []


# Pieces of government notes, in any order: designations, signals, quotes, brackets, dates, offices.
_NOTE_PIECES = st.sampled_from([
    "S. 2093", "H.R. 12", "; ", ", ", ". ", "See also ", "see ", "Cf. ", '"', "“", "”", "(", ")", "Sen. ",
    "Letter from ", " to ", "CRS Report R1234", " v. ", "603 U.S. 369", "(2024)", "January 22, 2025",
    "vol. 171", "Executive Order 14110 of ", "Pub. L. No. 117-58", "42 U.S.C. §1983", "89 Fed. Reg. 12345",
    "Testimony of ", "hearing", "U.S. Congress", "House Committee on Ports", "re: ", "by ", "Jane Doe", "Ibid.",
    "Memorandum ", "171 Cong. Rec. S1 ", "(statement of ", "Smith, J.", "2019;172:1-9", "Harbor Words", " ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NOTE_PIECES, max_size=14).map("".join))
def test_splitting_and_reading_any_note_never_fails(note: str) -> None:
    works = split_works(note)
    assert works and all(isinstance(work, str) for work in works)
    found = parse_government(note)
    if found:
        assert all(isinstance(part, int) for part in found.get("issued", {}).get("date-parts", [[0]])[0])
        assert all(name.get("family") or name.get("literal") for name in found.get("author", []))


@pytest.mark.parametrize(("note", "cites"), [
    ("MORETTI, G., Le dogane del porto franco, Trieste, 1719,", True),
    ("Moretti, Le dogane del porto franco, Trieste 1719, p. 12.", True),
    ("Giulia Moretti, Le dogane del porto franco (Trieste, 1719), c. 4v;", True),
    ("L. Bassani e P. Zorzi, Il sale e la laguna, in Studi lagunari, Padova 1968, pp. 3-9.", True),
    ("Moretti Giulia, Cronaca delle dogane, Trieste, 1719.", True),
    ("Moretti, who kept the customs books, wrote in 1719 that the port was idle.", False),
    ("Congress, In 2019, extended the program, which lapsed in 2021.", False),
    ("The Senate passed the bill on June 5, 2019.", False),
    ("Harbor Office, Annual Survey of the Docks, p. 14.", True),
    ("H.Doc. 118-40, pp. 7-9; S.Doc. 118-12, p. 3.", True),
    ("Cronaca delle dogane, a cura di Paola Zorzi, 1988.", True),
    ("Le dogane e il porto (Milano: Einaudi, 1977).", True),
    ("1719 Moretti G., Le dogane del porto franco, Trieste.", True),
    ("Moretti, Giulia. Le dogane del porto. Trieste, 1719", True),
    ("Since 2019, the office has kept its records online, as Congress asked.", False),
    ("The rule took effect in March 2021, after a comment period of 60 days.", False),
    ("Funding rose in FY2023, Congress said, to $2 billion.", False),
])
def test_a_note_in_the_humanities_citation_order_cites(note, cites):
    from pipeline.intake.notes import cites_a_work
    assert cites_a_work(note) is cites


@pytest.mark.parametrize(("note", "cites"), [
    ("Dalgaard KT, Orme PW. Tidal silting of small harbours. Coast Eng 1994; 21:310-18.", True),
    ("Orme P W and Dalgaard K 2011 Silt transport in closed basins J. Coast. Res. 27 4410", True),
    ("K. T. Dalgaard, P. Orme, Tidal silting of small harbours, Coast. Eng. 21(3):310, 1994.", True),
    ("Dalgaard, K., Orme, P. Tidal silting of small harbours 1994 Coastal Engineering 21", True),
    ("Dalgaard KT et al. Tidal silting of small harbours. Coast Eng. 1994;21:310.", True),
    ("The dredgers worked 10:30-11:00 each day in 2019, weather permitting.", False),
    ("In 2019 the ratio of silt to sand was 3:1 in most basins.", False),
    ("K. Dalgaard, the harbour master, retired.", False),
])
def test_a_note_in_a_journal_citation_style_cites(note, cites):
    from pipeline.intake.notes import cites_a_work
    assert cites_a_work(note) is cites


@pytest.mark.parametrize(("note", "cites"), [
    ("171 Cong. Rec. S1200 (daily ed. Mar. 4, 2025) (statement of Sen. Ana Reyes).", True),
    ("33 U.S.C. §§ 2201-2215.", True),
    ("Harbor Pilots Ass'n v. Tidewater Co., 612 F. Supp. 3d 44, 51 (D. Md. 2023).", True),
    ("Quayside Marine, 88 F. 4th at 212.", True),
    ("NOAA, 90 Federal Register 4567-4570, 2025.", True),
    ("The senator spoke for 40 minutes; 12 members stayed in the chamber.", False),
])
def test_a_note_citing_law_by_volume_series_and_page_cites(note, cites):
    """Published law and its record as designations.py reads them, reporters' later series included."""
    from pipeline.intake.notes import cites_a_work
    assert cites_a_work(note) is cites


def test_an_empty_numbered_footnote_row_keeps_the_run_of_numbers():
    from pipeline.intake.formats.blockshapes import table_notes

    first, third = "Harbor Office, Annual Survey of the Docks, p. 14.", "Moretti, G., Le dogane, Trieste, 1719."
    notes = table_notes([["1.", first], ["2.", ""], ["3.", third]])
    assert [(note["number"], note["text"]) for note in notes] == [(1, first), (3, third)]
    assert table_notes([["1.", first], ["3.", third]]) is None  # a number skipped: not a run of notes


@pytest.mark.parametrize(
    ("note", "works"),
    [
        # prose after a whole work explains it, and cites only the law it names
        ("CRS Report RS20123, Harbor Pilots: Fees and Rules. Section 12 of the act (P.L. 116-12, as amended) "
         "waived the fees charged to pilots from March 2020 through September 2021. This did not reduce the "
         "fees owed before then.",
         ["CRS Report RS20123, Harbor Pilots: Fees and Rules.", "P.L. 116-12"]),
        # a work's byline, then whom to ask: no part of the work
        ("CRS Report R40123, Dock Fees: Frequently Asked Questions. Congressional offices may contact the "
         "analyst named on the report with questions about the fees.",
         ["CRS Report R40123, Dock Fees: Frequently Asked Questions."]),
        # prose throughout, naming laws and bills: those are what it cites
        ("As part of the debate on H.R. 12, a senator offered S.Amdt. 21, which was the text of S. 340, the "
         "Harbor Fees Act of 2025. The amendment was agreed to by voice vote in the Senate on July 1, 2025.",
         ["H.R. 12", "S. 340"]),
    ],
)
def test_prose_after_or_instead_of_a_work_is_no_part_of_it(note: str, works: list[str]) -> None:
    assert split_works(note) == works


def test_an_inline_links_text_titles_the_linked_work_where_it_names_one() -> None:
    from pipeline.intake.notes import link_citation

    url = "https://example.org/laws/view?id=12"
    assert link_citation({"url": url, "text": "33 U.S.C. § 1251"}) == f"33 U.S.C. § 1251. {url}"
    assert link_citation({"url": url, "text": "Section 4 of the Harbour Renewal Act of 2019"}).startswith("Section 4")
    for words in ("authorizing", "lasted 127 days", "large and persistent deficits", "Minister Lee",
                  "According to the Harbour Board", None):
        assert link_citation({"url": url, "text": words}) == url  # the sentence's words, or a name alone


def test_a_urls_last_segment_that_is_an_identifier_leaves_the_page_untitled() -> None:
    from pipeline.references.parse.shapes.webpage import slug_title

    assert slug_title("https://reports.example.org/crs-product/IN12672") is None  # not "Crs product"
    assert slug_title("https://example.org/2026/02/26/harbour-sets-deadline") == "Harbour sets deadline"
