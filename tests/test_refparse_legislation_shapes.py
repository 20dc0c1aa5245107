"""Laws, codes and constitutions in the shapes Bluebook, MLA and UK practice write them (invented strings):
the law's name is its title, a body before the designation is its author, and the designation's
digits are never a date."""

from __future__ import annotations

from pipeline.references.parse.reference import parse_reference


def test_a_house_bill_written_without_full_stops_after_the_act_it_names() -> None:
    item = parse_reference("Clean Harbors Act of 1994 . HR 3310. 103rd Cong., 2nd sess.")
    assert (item["type"], item["number"], item["title"]) == ("bill", "HR 3310", "Clean Harbors Act of 1994")
    assert "issued" not in item  # 3310 is the bill's number, and the name's year dates no bill


def test_hr_inside_a_word_is_no_bill() -> None:
    item = parse_reference("Lowe, A. 2011. CHR 2010 Annual Review. Harbour Press.")
    assert item.get("type") != "bill"
    assert item["issued"] == {"date-parts": [[2011]]}


def test_a_program_named_before_its_title_of_the_code() -> None:
    item = parse_reference("Rural Broadband Program, Title 47 U.S.C § 1305 et seq. (2018).")
    assert item["title"] == "Rural Broadband Program"
    assert (item["container-title"], item["volume"], item["section"]) == ("U.S. Code", "47", "1305")
    assert item["issued"] == {"date-parts": [[2018]]}


def test_a_constitution_cited_by_its_provisions_is_the_title() -> None:
    for cite in ("U.S. Const. amend. XIV, § 1", "U.S. Constitution, art. 1, sec. 8, cl. 3", "Cal. Const. art. I, § 7"):
        item = parse_reference(f"{cite}.")
        assert (item["type"], item["title"]) == ("legislation", cite)
        assert "author" not in item and "number" not in item


def test_an_act_named_with_numbers_in_its_words() -> None:
    item = parse_reference("To provide emergency support for 5G networks during the COVID-19 emergency, "
                           "H.R. 7711, 116th Cong. (2020).")
    assert item["title"] == "To provide emergency support for 5G networks during the COVID-19 emergency"
    assert (item["type"], item["number"]) == ("bill", "H.R. 7711")


def test_an_act_of_parliament_by_its_chapter_takes_its_year() -> None:
    """The chapter is CSL's chapter-number, not a number, which styles print as a public law's ("Pub. L. No.")."""
    item = parse_reference("Harbour Safety Act 2004, c. 12 (UK).")
    assert (item["type"], item["title"], item["chapter-number"]) == ("legislation", "Harbour Safety Act 2004", "12")
    assert "number" not in item
    assert item["issued"] == {"date-parts": [[2004]]}


def test_mla_public_law_by_its_government_author_in_the_statutes_at_large() -> None:
    item = parse_reference("United States, Congress. Public Law 115-97. United States Statutes at Large, "
                           "vol. 131, 2017, pp. 2054-2238.")
    assert item["author"] == [{"literal": "United States, Congress"}]
    assert (item["title"], item["number"]) == ("Public Law 115-97", "115-97")
    assert (item["container-title"], item["volume"], item["page"]) == ("U.S. Statutes at Large", "131", "2054-2238")
    assert item["issued"] == {"date-parts": [[2017]]}


def test_a_governors_order_numbered_by_year_with_its_title_after_a_colon() -> None:
    item = parse_reference("Office of the Governor, Exec. Order No. 012-2023: An Order Creating a Water "
                           "Council (Ariz. May 2, 2023).")
    assert item["author"] == [{"literal": "Office of the Governor"}]
    assert item["title"] == "Exec. Order No. 012-2023: An Order Creating a Water Council"
    assert item["issued"] == {"date-parts": [[2023, 5, 2]]}


def test_a_committee_reports_volume_is_no_title() -> None:
    item = parse_reference("S. Rep. 104-77, vol. 2 (1996)")
    assert item["title"] == "S. Rep. 104-77"


def test_a_law_with_the_short_name_it_is_known_by_before_its_designation() -> None:
    item = parse_reference("Harbour Renewal and Jobs Act (HRJA; P.L. 119-42), §1203.")
    assert (item["type"], item["title"], item["number"]) == ("legislation", "Harbour Renewal and Jobs Act", "119-42")
    item = parse_reference("The Ports Policy Act of 2011 (PPACT11; P.L. 112-8).")
    assert (item["title"], item["number"]) == ("The Ports Policy Act of 2011", "112-8")


def test_a_provision_of_a_named_law_is_legislation_titled_as_cited() -> None:
    item = parse_reference("Section 412 of the Harbour Safety Act of 2019 (P.L. 116-77).")
    assert (item["type"], item["title"], item["number"]) == ("legislation", "Section 412 of the Harbour Safety Act of 2019",
                                                             "116-77")
    item = parse_reference("Title IV of the Coastal Trade Act of 1988 (19 U.S.C. §3101 et seq.).")
    assert (item["type"], item["title"], item["container-title"]) == ("legislation",
                                                                      "Title IV of the Coastal Trade Act of 1988", "U.S. Code")
    assert "issued" not in item  # the name's year dates the law's name, not this citation


def test_a_code_section_et_seq_and_a_laws_divisions_are_no_title() -> None:
    item = parse_reference("33 U.S.C. §1251 et seq.")
    assert (item["title"], item["volume"], item["section"]) == ("33 U.S.C. §1251", "33", "1251")
    item = parse_reference("P.L. 119-12, Division C, Title II.")
    assert (item["title"], item["number"]) == ("P.L. 119-12", "119-12")
    item = parse_reference("S. 1402, Part B Harbour Pilots Act.")  # a short title that opens with "Part B"
    assert (item["title"], item["number"]) == ("Part B Harbour Pilots Act", "S. 1402")


def test_a_constitutions_provisions_spelled_out_are_its_title() -> None:
    item = parse_reference("U.S. Constitution, Article II, Section 2, Clause 1.")
    assert (item["type"], item["title"]) == ("legislation", "U.S. Constitution, Article II, Section 2, Clause 1")


def test_acts_and_bills_in_the_commonwealth_styles_are_titled_by_their_names() -> None:
    # AGLC: the year is the name's, no date of the citation; McGill: the statute volume's year is
    cases = {
        "Harbour Safety Act 2004 (Cth) s 12.": ("legislation", "Harbour Safety Act 2004", None),
        "Coastal Works Regulations 2011 (No 2) (NSW) reg 7.": ("legislation", "Coastal Works Regulations 2011 (No 2)",
                                                              None),
        "Ferry Levy Bill 2016 (Vic) cl 4.": ("bill", "Ferry Levy Bill 2016", None),
        "Port Authority Act, RSO 1990, c P-17, s 4.": ("legislation", "Port Authority Act", [[1990]]),
        "Bill 31, Harbour Renewal Act, 2019, 1st Sess, 42nd Leg, 2019, SO 2019, c 5.": ("bill", "Harbour Renewal Act, 2019",
                                                                         [[2019]]),
    }
    for raw, (kind, title, issued) in cases.items():
        item = parse_reference(raw)
        assert (item["type"], item["title"], (item.get("issued") or {}).get("date-parts")) == (kind, title, issued), raw


def test_a_name_ending_in_act_is_no_law_inside_an_articles_title() -> None:
    item = parse_reference("Moss, C. (2019). The Harbour Act and its critics. Coastal Law Review, 4, 1-20.")
    assert item["title"] == "The Harbour Act and its critics" and item["type"] != "legislation"
