"""A merge's stated reason is true of the pair it reports: every field the reason names agrees.

De-duplication runs on fixtures (the two-styles bibliography, the CRS-notes seed, the ASySD records and
the LinkedBooks string pairs); for each merge the reason is read back phrase by phrase and each
claim checked on the two items directly, not through the matcher's own comparisons.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from bench.dedup_score import read_jsonl, record_to_csl, scorable
from pipeline.bibliography.build import collect
from pipeline.bibliography.dedup import find_duplicates
from pipeline.bibliography.fingerprint import clean_title
from pipeline.bibliography.rawmatch import edition_year
from pipeline.bibliography.volumes import volume_cited
from pipeline.references.extract import build_references
from pipeline.references.parse.reference import parse_reference
from pipeline.text.cslfields import names, normalized_text, significant_tokens, text_field, tokens, year_of
from pipeline.text.designations import compact_number
from pipeline.text.urls import normalize_doi, normalize_url

FIXTURES = Path(__file__).parent / "fixtures"
TWO_STYLES = FIXTURES / "bibliography" / "two-styles"
GOVERNMENT = FIXTURES / "references" / "government" / "010_crs_oversight.json"


def _load(folder: Path) -> dict:
    return {path.stem: json.loads(path.read_text("utf-8")) for path in sorted(folder.glob("*.json"))}


def _two_styles() -> list[list[dict]]:
    found = collect(_load(TWO_STYLES / "references"), _load(TWO_STYLES / "clean"),
                    json.loads((TWO_STYLES / "corpus.json").read_text("utf-8")))
    return [[citation.item for citation in found.citations]]


def _government() -> list[list[dict]]:
    clean = json.loads(GOVERNMENT.read_text("utf-8"))
    items, _report = build_references(clean)
    return [items]


def _records() -> list[list[dict]]:
    return [[record_to_csl(record) for record in read_jsonl(FIXTURES / "dedup" / "asysd-stroke-subset.jsonl")]]


def _string_pairs() -> list[list[dict]]:
    pairs = scorable(read_jsonl(FIXTURES / "dedup" / "linkedbooks-pairs-subset.jsonl"))
    return [[parse_reference(pair["a"]), parse_reference(pair["b"])] for pair in pairs]


def _year(item: dict, raw_too: bool) -> int | None:
    return year_of(item) or (edition_year(text_field(item, "raw")) if raw_too else None)


def _volume(item: dict) -> str:
    return str(item.get("volume") or "").lower() or volume_cited(text_field(item, "raw"))


def _first_page(item: dict) -> str:
    return re.split(r"\s*[-–—,]\s*", str(item.get("page") or "").strip(), maxsplit=1)[0].lower()


def _author_words(item: dict) -> set[str]:
    """Every word of every name, given names too: databases swap family and given names."""
    return {word for name in names(item) for key in ("family", "given", "literal") for word in tokens(name.get(key))
            if len(word) > 1}


def _authors_agree(a: dict, b: dict) -> bool:
    heads = [[tokens(name.get("family") or name.get("literal")) for name in names(item)][:1] for item in (a, b)]
    if all(heads) and fuzz.ratio("".join(heads[0][0]), "".join(heads[1][0])) >= 85:
        return True
    return bool(_author_words(a) & _author_words(b))


def _venue_words(item: dict) -> set[str]:
    venue = f"{text_field(item, 'container-title')} {text_field(item, 'publisher')}"
    return set(significant_tokens(venue)) | _author_words(item)


def _title_words_shared(a: dict, b: dict) -> bool:
    """Half the words naming the shorter one's work (its string's author and title, before the first
    year; its title when it has no string) are in the other, spelt alike or, for longer words, nearly
    so (OCR and old spellings: "Venetia" / "Venezia")."""
    words = [significant_tokens(_before_year(text_field(item, "raw")) or text_field(item, "title")) for item in (a, b)]
    short, other = sorted(((words[0], b), (words[1], a)), key=lambda pair: len(set(pair[0])))[0]
    found = set(tokens(f"{text_field(other, 'raw')} {text_field(other, 'title')}"))

    def present(word: str) -> bool:
        return word in found or len(word) >= 5 and any(fuzz.ratio(word, seen) >= 80 for seen in found)

    return bool(short) and sum(map(present, set(short))) >= 0.5 * len(set(short))


def _before_year(raw: str) -> str:
    return re.split(r"(?<!\d)(?:1[4-9]\d\d|20\d\d)(?!\d)", raw, maxsplit=1)[0]


def _check_claims(reason: str, a: dict, b: dict) -> list[str]:
    """The claims of the reason that do not hold of a and b."""
    false = []
    raw_reason = reason.startswith("reference strings agree")

    def claim(holds: bool, what: str) -> None:
        if not holds:
            false.append(what)

    if (doi := re.match(r"same DOI (\S+)", reason)):
        claim(normalize_doi(text_field(a, "DOI") or text_field(a, "URL")) == doi[1] ==
              normalize_doi(text_field(b, "DOI") or text_field(b, "URL")), "DOI")
    if (url := re.match(r"same URL (\S+)", reason)):
        claim(normalize_url(text_field(a, "URL")) == url[1] == normalize_url(text_field(b, "URL")), "URL")
    if reason == "identical reference string":
        claim(tokens(text_field(a, "raw")) == tokens(text_field(b, "raw")), "reference string")
    if (number := re.match(r"same number (\S+?),?(?:\s|$)", reason)):
        claim(compact_number(text_field(a, "number")) == number[1] == compact_number(text_field(b, "number")),
              "number")
    if (title := re.match(r"title (\d+)%", reason)):
        # Titles as the matcher compares them: without database notes such as "[Chinese]".
        ratio = fuzz.ratio(*(normalized_text(clean_title(text_field(item, "title"))) for item in (a, b)))
        claim(ratio >= int(title[1]) - 1, "title similarity")
    if "main title agrees" in reason:
        claim(_title_words_shared(a, b), "main title")
    if "title words" in reason:
        claim(_title_words_shared(a, b), "title words")
    for year in re.findall(r"\byear (\d{4})", reason):
        claim(_year(a, raw_reason) == int(year) == _year(b, raw_reason), f"year {year}")
    for volume in re.findall(r"\bvolume (\w+)", reason):
        claim(_volume(a) == volume == _volume(b), f"volume {volume}")
    if re.search(r"\bauthors\b(?! or venue to compare)", reason):
        claim(_authors_agree(a, b), "authors")
    if re.search(r"\bvenue agrees?\b|and venue agree", reason):
        claim(bool(_venue_words(a) & _venue_words(b)), "venue")
    if "first page" in reason:
        claim(bool(_first_page(a)) and _first_page(a) == _first_page(b), "first page")
    return false


@pytest.mark.parametrize("groups", [_two_styles, _government, _records, _string_pairs],
                         ids=["two-styles", "crs-notes", "asysd-records", "linkedbooks-pairs"])
def test_every_reported_merge_is_true_of_its_pair(groups) -> None:
    merges = 0
    for items in groups():
        for cluster in find_duplicates(items):
            for merge in cluster.merges:
                merges += 1
                a, b = items[merge.kept], items[merge.merged]
                false = _check_claims(merge.reason, a, b)
                assert not false, f"{merge.reason!r} is untrue of {false}: {a.get('raw') or a.get('title')!r} / " \
                                  f"{b.get('raw') or b.get('title')!r}"
    assert merges


@pytest.mark.parametrize(
    ("reason", "a", "b"),
    [
        ("title 100%, year 2025, authors agree",
         {"title": "Nominations", "author": [{"family": "Grassley"}], "issued": {"date-parts": [[2025]]}},
         {"title": "Nominations", "author": [{"family": "Durbin"}], "issued": {"date-parts": [[2025]]}}),
        ("reference strings agree on title words, authors, year 2025, volume 171",
         {"raw": "Sen. Chuck Grassley, Nominations, 2025, vol. 171", "author": [{"family": "Grassley"}]},
         {"raw": "Sen. Dick Durbin, Nominations, 2024, vol. 171", "author": [{"family": "Durbin"}]}),
    ],
)
def test_the_check_catches_a_false_reason(reason: str, a: dict, b: dict) -> None:
    assert _check_claims(reason, a, b)
