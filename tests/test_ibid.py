"""Back-references (Ibid., Id., op. cit.), one bibliography per fixture in tests/fixtures/references/ibid/.

Each fixture lists raw entries (numbered 1..n) and `expect`: {number: the number it resolves to, or null
when it must stay unresolved}; optional `locators`: {number: page}.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.references.ibid import BackReference, classify_back_reference, resolve_back_references
from pipeline.references.parse.reference import parse_reference

CASES = sorted((Path(__file__).parent / "fixtures" / "references" / "ibid").glob("*.json"))


@pytest.mark.parametrize("case_file", CASES, ids=[case.stem for case in CASES])
def test_back_references_resolve_as_expected(case_file: Path) -> None:
    case = json.loads(case_file.read_text(encoding="utf-8"))
    entries = [(number, raw, parse_reference(raw)) for number, raw in enumerate(case["entries"], start=1)]
    resolutions = resolve_back_references(entries)
    assert {str(n): r.resolved_to for n, r in resolutions.items()} == case["expect"]
    for number, locator in case.get("locators", {}).items():
        assert resolutions[int(number)].locator == locator
    for resolution in resolutions.values():
        assert resolution.reason


def test_ibid_points_to_the_entry_before_it() -> None:
    entries = [
        (1, "Suter, T. 2024. “Zelensky congratulates Trump.” The Hill.", {"title": "Zelensky"}),
        (2, "Ibid.", {}),
    ]
    assert resolve_back_references(entries)[2].resolved_to == 1


@pytest.mark.parametrize(
    "raw",
    [
        "Identity and Violence. 2006.",
        "Idaho Statesman. 2020.",
        "Ibidem Press, 2001. “A Book.”",
        "Garamone, J. 2024. “Op. cit. in law.” DoD.",
    ],
)
def test_ordinary_references_are_not_back_references(raw: str) -> None:
    assert classify_back_reference(raw) is None


def test_ibid_locator_is_kept() -> None:
    assert classify_back_reference("Ibid., pp. 4–6.").locator == "4-6"


@pytest.mark.parametrize(("raw", "locator"), [
    ("Id. at 201 (quoting 20 U.S.C. §§ 9134(f)(1)(A)(i), (B)(i)).", "201"),
    ("Id. § 702.", "702"),
    ("Id. at 2663–64 (alteration in original) (Lee, J., concurring) (quoting Roe v. Marsh, 145 S. Ct. 2653 (2025)).",
     "2663-64"),
])
def test_a_bluebook_id_with_a_section_or_parentheticals_is_a_back_reference(raw: str, locator: str) -> None:
    """The parentheticals say what the cited passage does or quotes; they name no new work."""
    assert classify_back_reference(raw) == BackReference("ibid", locator=locator)
