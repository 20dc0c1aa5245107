"""A report that cites through CRS-style footnotes (several works a note, floor statements by four
senators, letters, bills, CRS reports citing CRS reports, laws, cases, hearings): the references stage
gives each work its own well-formed entry, and the bibliography stage merges none of the different
works, only the same work cited twice. The seed is tests/fixtures/references/government/*.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pypandoc
import pytest

from pipeline.bibliography.build import build_bibliography, main
from pipeline.references.extract import build_references
from pipeline.references.parse.reference import parse_reference
from pipeline.render.bibitems import citeproc_items

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "pipeline" / "schemas"
SEED = Path(__file__).parent / "fixtures" / "references" / "government" / "010_crs_oversight.json"
SEED_ID = SEED.stem


@pytest.fixture(scope="module")
def clean() -> dict:
    document = json.loads(SEED.read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads((SCHEMAS / "clean.schema.json").read_text("utf-8")))
    return document


@pytest.fixture(scope="module")
def references(clean) -> tuple[list[dict], dict]:
    return build_references(clean)


@pytest.fixture(scope="module")
def bibliography(clean, references):
    return build_bibliography({SEED_ID: references[0]}, {SEED_ID: clean})


def _works(items: list[dict], number: int) -> list[dict]:
    return [item for item in items if item["citation-number"] == number]


def _families(item: dict, role: str = "author") -> list[str]:
    return [name.get("family") or name["literal"] for name in item.get(role, [])]


def test_every_entry_is_well_formed(references) -> None:
    items, report = references
    jsonschema.validate(items, json.loads((SCHEMAS / "references.schema.json").read_text("utf-8")))
    jsonschema.validate(report, json.loads((SCHEMAS / "references-report.schema.json").read_text("utf-8")))
    assert report["unparsed"] == [] and report["uncited"] == []
    for item in items:
        assert item.get("title"), item["raw"]
        assert "| " not in item["title"] and ";" not in item["title"], item["title"]
        for name in item.get("author", []) + item.get("recipient", []):
            assert not (name.get("given") or "").startswith(("Sen.", "Rep.", "by ")), name
            assert " and " not in (name.get("family") or "") and "," not in (name.get("family") or ""), name


def test_a_note_citing_several_works_gives_one_entry_each(references) -> None:
    items, report = references
    counts = {record["number"]: record["works"] for record in report["split_notes"]}
    assert counts == {1: 2, 2: 4, 5: 2, 6: 2, 7: 2, 10: 3, 11: 2, 12: 2, 13: 2}
    assert [item["number"] for item in _works(items, 1)] == ["RL39112", "IF11872"]
    assert _families(_works(items, 1)[0]) == ["Kessel", "Amari", "Hollis"]
    assert _families(_works(items, 1)[1]) == ["Amari"]


def test_floor_statements_are_speeches_by_their_senators(references) -> None:
    statements = _works(references[0], 2)
    assert [_families(item) for item in statements] == [["Grassley"], ["Durbin"], ["Klobuchar"], ["Thune"]]
    assert {item["type"] for item in statements} == {"speech"}
    assert [item["page"] for item in statements] == ["S345", "S346", "S350", "S352"]
    assert all(item["issued"] == {"date-parts": [[2025, 1, 22]]} for item in statements)
    assert all(item["container-title"] == "Congressional Record" for item in statements)


def test_letters_name_sender_and_recipient(references) -> None:
    letters = _works(references[0], 3) + _works(references[0], 4)
    assert {item["type"] for item in letters} == {"personal_communication"}
    assert [_families(item) for item in letters] == [["Doe"], ["Doe"]]
    assert [_families(item, "recipient") for item in letters] == [["Roe"], ["Lee"]]


def test_bills_keep_their_numbers_and_take_no_year_from_them(references) -> None:
    bills = _works(references[0], 5)
    assert [(item["type"], item["number"], item["title"]) for item in bills] == [
        ("bill", "S. 2093", "Fair Access to Banking Act"), ("bill", "H.R. 2094", "Fair Access to Banking Act")]
    assert all(item["issued"] == {"date-parts": [[2025, 6, 18]]} for item in bills)
    laws = _works(references[0], 10)
    assert [(item.get("number"), item["title"]) for item in laws] == [
        ("114-17", "P.L. 114-17"), (None, "42 U.S.C. §1983"), (None, "42 U.S.C. §1985")]
    assert [item.get("section") for item in laws] == [None, "1983", "1985"]
    assert all("issued" not in item and item["type"] == "legislation" for item in laws)


def test_types_of_the_other_government_works(references) -> None:
    items = references[0]
    assert [item["type"] for item in _works(items, 11)] == ["legal_case", "legal_case"]
    assert [item["type"] for item in _works(items, 12)] == ["speech", "speech"]
    assert _families(_works(items, 12)[0]) == ["Calloway"]
    assert [item["type"] for item in _works(items, 13)] == ["legislation", "legislation"]
    assert {item["type"] for item in _works(items, 6) + _works(items, 7)} == {"report"}


def test_the_lead_in_is_cut_off_the_first_work(references) -> None:
    first = _works(references[0], 6)[0]
    assert first["raw"].startswith("CRS Report R45442") and first["title"].startswith("Congress's Authority")


def test_ibid_after_a_note_of_two_works_repeats_both(references, bibliography) -> None:
    repeated = _works(references[0], 8)
    assert [(item["number"], item["ibid-of"]) for item in repeated] == [("RL34417", 7), ("R48950", 7)]
    assert bibliography.mapping[SEED_ID]["8"] == bibliography.mapping[SEED_ID]["7"]


def test_different_works_stay_apart_and_the_same_work_merges(references, bibliography) -> None:
    mapping = bibliography.mapping[SEED_ID]
    different = [*mapping["1"], *mapping["2"], *mapping["3"], *mapping["4"], *mapping["5"], *mapping["6"],
                 *mapping["7"], *mapping["10"], *mapping["11"], *mapping["12"], *mapping["13"]]
    assert len(different) == len(set(different)) == 23
    assert mapping["9"] == mapping["1"][:1]  # the manual again, in short form
    assert mapping["14"] == mapping["2"][:1]  # Grassley's statement again
    merged = {(record["kept"]["key"], record["merged"]["key"]) for record in bibliography.report["merges"]}
    assert merged == {("1", "9"), ("2", "14")}


def test_the_stage_writes_lists_of_ids_the_map_schema_accepts(tmp_path, clean, references) -> None:
    (tmp_path / "references").mkdir()
    (tmp_path / "clean").mkdir()
    refs = tmp_path / "references" / f"{SEED_ID}.json"
    refs.write_text(json.dumps(references[0]), encoding="utf-8")
    (tmp_path / "clean" / f"{SEED_ID}.json").write_text(json.dumps(clean), encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(refs), "--clean", str(tmp_path / "clean" / f"{SEED_ID}.json"), "--output",
                 str(out / "bib.json"), "--map", str(out / "map.json"), "--report", str(out / "report.json")]) == 0
    for name, schema in (("bib.json", "bibliography.schema.json"), ("map.json", "bibliography-map.schema.json"),
                         ("report.json", "bibliography-report.schema.json")):
        jsonschema.validate(json.loads((out / name).read_text("utf-8")),
                            json.loads((SCHEMAS / schema).read_text("utf-8")))
    assert json.loads((out / "map.json").read_text("utf-8"))[SEED_ID]["2"][1] == "durbin2025nominations"


def test_an_issue_of_the_federal_register_cited_by_its_pages() -> None:
    item = parse_reference("Federal Register, vol. 91, no. 12 (January 20, 2026), pp. 2345-2360.")
    assert (item["type"], item["container-title"], item["volume"], item["issue"], item["page"]) == (
        "legislation", "Federal Register", "91", "12", "2345-2360")
    assert item["issued"] == {"date-parts": [[2026, 1, 20]]} and "author" not in item


def test_a_register_page_and_its_full_date_give_no_title_of_a_month_and_day() -> None:
    item = parse_reference("91 Federal Register 2345, January 20, 2026.")
    assert (item["title"], item["volume"], item["page"]) == ("91 Federal Register 2345", "91", "2345")
    assert item["issued"] == {"date-parts": [[2026, 1, 20]]}


def test_remarks_by_a_speaker_at_an_occasion_are_titled_as_cited_and_the_occasion_is_no_name() -> None:
    item = parse_reference("Remarks by Secretary Ann Lee at the Harbour Forum, Boston, May 5, 2025.")
    assert (item["type"], item["title"]) == ("speech", "Remarks by Secretary Ann Lee at the Harbour Forum")
    assert item["author"] == [{"family": "Lee", "given": "Ann"}]


def test_the_record_and_the_register_are_named_as_the_citation_names_them() -> None:
    """A container is never renamed: "Cong. Rec." stays "Cong. Rec.", "Federal Register" stays whole."""
    cited = {"171 Cong. Rec. S1234 (daily ed. Feb. 3, 2025) (statement of Sen. Ana Reyes).": "Cong. Rec.",
             "90 Fed. Reg. 4567 (Mar. 2, 2025).": "Fed. Reg.",
             "Congressional Record, daily edition, vol. 171 (February 3, 2025), p. S1234.": "Congressional Record",
             "Federal Register, vol. 90, no. 40 (March 2, 2025), pp. 4567-4570.": "Federal Register"}
    for raw, name in cited.items():
        assert parse_reference(raw)["container-title"] == name, raw


@pytest.mark.parametrize(("raw", "title", "fields"), [
    # a nickname with spaces before the designation, in the same parenthesis
    ("Harbour Improvement Act of 2019 (2019 harbour bill; P.L. 116-77).", "Harbour Improvement Act of 2019",
     {"number": "116-77"}),
    # the section of an Act cited after its name, then the Code
    ("Clean Harbours Act §404, 33 U.S.C. §1344.", "Clean Harbours Act §404",
     {"container-title": "U.S. Code", "volume": "33", "section": "1344"}),
    # an Act named by the date it was approved, cited by chapter and where it is printed
    ("Act of May 14, 1936, ch. 412, 49 Stat. 1320.", "Act of May 14, 1936",
     {"container-title": "U.S. Statutes at Large", "volume": "49", "page": "1320", "issued": {"date-parts": [[1936]]}}),
    # a short title written as a serial list
    ("Public Law 117-12, Ports Repair, Dredging, and Harbour Safety Act, 135 Stat. 90.",
     "Ports Repair, Dredging, and Harbour Safety Act", {"number": "117-12", "volume": "135"}),
    # a law cited at one of its provisions
    ("Section 3 of P.L. 118-44.", "P.L. 118-44", {"number": "118-44"}),
    # a part of the C.F.R., with a capital P
    ("9 C.F.R. Part 2120.", "9 C.F.R. Part 2120", {"container-title": "Code of Federal Regulations", "volume": "9"}),
    # a state's code whose subject is a word of its own
    ("Tex. Harbour Code Ann. § 11.021 (West 2020).", "Tex. Harbour Code Ann. § 11.021",
     {"issued": {"date-parts": [[2020]]}}),
])
def test_laws_cited_in_the_other_common_shapes(raw, title, fields) -> None:
    item = parse_reference(raw)
    assert (item["type"], item["title"]) == ("legislation", title), item
    assert {key: item.get(key) for key in fields} == fields
    assert "author" not in item


def test_laws_and_floor_statements_print_as_styles_print_them(tmp_path) -> None:
    """Through citeproc (the default style, as the html stage runs it): a public law is "Pub. L. No.
    117-77", not "Nos." as if its hyphen made a range; an Act cited by its chapter is no public law;
    a floor statement without a title shows its designation once."""
    raws = ["Harbour Improvement Act of 2021 (P.L. 117-77).", "Act of May 14, 1936, ch. 412, 49 Stat. 1320.",
            "171 Cong. Rec. S1234 (daily ed. Feb. 3, 2025) (statement of Sen. Ana Reyes)."]
    items = [{**parse_reference(raw), "id": f"w{index}"} for index, raw in enumerate(raws)]
    (tmp_path / "refs.json").write_text(json.dumps(citeproc_items(items)), encoding="utf-8")
    text = " ".join(pypandoc.convert_text("[@w0; @w1; @w2]", "plain", format="markdown", extra_args=[
        "--citeproc", f"--bibliography={tmp_path / 'refs.json'}"]).split())
    assert "Pub. L. No. 117\u201077" in text and "Nos." not in text
    assert "Act of May 14, 1936, 49 U.S. Statutes at Large 1320 (1936)" in text
    assert text.count("S1234") == 1


def test_a_designation_that_titles_its_work_prints_once(tmp_path) -> None:
    """A bill, public law, code section or Register page titled by its designation: citeproc gets no
    field it would print the designation from again ("H.R. 2012, H.R. 2012.", "42 U.S.C. §7401,
    42 U.S. Code § 7401."); a Register page cited with no title is titled by its designation, and
    bibliography.json's fields are kept for the merging."""
    raws = ["H.R. 2012.", "42 U.S.C. §7401 et seq.", "P.L. 113-132, 128 Stat. 1727 (2014).",
            "Federal Register, vol. 90, no. 40 (March 2, 2025), pp. 4567-4570.", "S. 2093, Fair Access to Harbours Act."]
    items = [{**parse_reference(raw), "id": f"w{index}"} for index, raw in enumerate(raws)]
    assert items[1]["volume"] == "42" and items[0]["number"] == "H.R. 2012"
    (tmp_path / "refs.json").write_text(json.dumps(citeproc_items(items)), encoding="utf-8")
    text = pypandoc.convert_text(" ".join(f"[@w{index}]" for index in range(len(raws))), "plain", format="markdown",
                                 extra_args=["--citeproc", f"--bibliography={tmp_path / 'refs.json'}"])
    entries = text.split("\n\n")[1:]
    assert "42 U.S.C. §7401." in entries and "H.R. 2012." in entries
    assert "90 Federal Register 4567 (2025)." in entries
    assert "P.L. 113-132, 128 U.S. Statutes at Large 1727 (2014)." in [" ".join(e.split()) for e in entries]
    assert "Fair Access to Harbours Act, S. 2093." in entries
    assert "[Untitled]" not in text


@pytest.mark.parametrize(("raw", "title"), [
    ("42 U.S.C. §4336(a)(2). Further, 42 U.S.C. §4336c lets an agency adopt another's procedures.", "42 U.S.C. §4336(a)(2)"),
    ("43 C.F.R. Part 46 and DOI, Handbook of Harbour Procedures, February 2026.", "43 C.F.R. Part 46"),
    ("42 U.S.C. §3121 note, Section 311.", "42 U.S.C. §3121 note"),
])
def test_a_code_section_takes_no_title_from_an_explanation_or_the_next_work(raw: str, title: str) -> None:
    """A sentence after a code section explains it; "and ..." after it is the next work; the notes
    printed under a section ("§3121 note") are cited as that section's."""
    assert parse_reference(raw)["title"] == title


@pytest.mark.parametrize(("raw", "title"), [
    ("P.L. 110-99, the Food, Harbours, and Energy Act of 2008.", "Food, Harbours, and Energy Act of 2008"),
    ("P.L. 101-380 established the Dock Liability Trust Fund.", "P.L. 101-380"),
])
def test_a_laws_short_title_is_a_name_not_what_the_law_did(raw: str, title: str) -> None:
    assert parse_reference(raw)["title"] == title


def test_a_register_rule_with_its_issue_in_brackets_and_a_range_of_code_subsections() -> None:
    rule = parse_reference('Department of Harbours, "Private Dock Insurance," 87(223) Federal Register 70733-70744, '
                           "November 21, 2022.")
    assert (rule["type"], rule["title"], rule["container-title"]) == ("legislation", "Private Dock Insurance",
                                                                      "Federal Register")
    assert (rule["volume"], rule["issue"], rule["page"]) == ("87", "223", "70733")
    code = parse_reference("42 U.S.C. §4012a(b)(1)-(3). For examples of rules, see 12 C.F.R. Part 12.")
    assert code["title"] == "42 U.S.C. §4012a(b)(1)-(3)"


@pytest.mark.parametrize("raw", [
    "CRS Report R45123, Points of Order, by James V. Saturno and Megan S. Lynch. Previously, the rule applied.",
    "CRS Report R45123, Points of Order, by James V. Saturno and Megan S. Lynch for more on the rule.",
])
def test_a_crs_byline_ends_where_the_note_goes_on(raw: str) -> None:
    assert [name["family"] for name in parse_reference(raw)["author"]] == ["Saturno", "Lynch"]


def test_a_crs_byline_keeps_a_middle_initial_before_a_pinpoint() -> None:
    item = parse_reference("CRS Report R48648, Harbour Vehicles, by Melissa N. Diaz, figure 6.")
    assert [name["family"] for name in item["author"]] == ["Diaz"]
