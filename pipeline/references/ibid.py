"""Resolving back-references in a bibliography: "Ibid.", "Ibid., p. 4", "Id." and "Author, op. cit.".

"Ibid." points at the entry just before it (following a chain of Ibids); "op. cit." names an author
and points at that author's latest earlier entry. A back-reference with nothing parseable to point
at is reported as unresolved, never bound to a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LOCATOR = r"(?:,?\s*(?:at\s+)?(?:(?:pp?|pages?|s|para|ch)\.?\s*|§§?\s*)?(?P<locator>\d[\w\-–, ()]*?))?"
# Bluebook's parentheticals after a back-reference ("Id. at 201 (quoting 20 U.S.C. §9134(f))", "(plurality
# opinion)"): what the cited passage does, not another work; one level of brackets inside them.
_PARENTHETICALS = r"(?:\s*\((?:[^()]|\([^()]*\))*\))*"
_IBID = re.compile(rf"^\s*(?:ibid(?:em)?|id)\s*\.?{_LOCATOR}{_PARENTHETICALS}\s*\.?\s*$", re.IGNORECASE)
_OP_CIT = re.compile(rf"^\s*(?P<author>[^\d].*?),?\s+op\.?\s*cit\.?{_LOCATOR}\s*\.?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class BackReference:
    """What a back-reference entry says: its kind, the author it names and the locator it adds."""

    kind: str  # "ibid" | "op-cit"
    author: str | None = None
    locator: str | None = None


@dataclass(frozen=True)
class Resolution:
    number: int
    resolved_to: int | None
    reason: str
    locator: str | None = None


def classify_back_reference(raw: str) -> BackReference | None:
    """The back-reference raw is, or None for an ordinary reference."""
    match = _IBID.match(raw or "")
    if match:
        return BackReference("ibid", locator=_clean_locator(match["locator"]))
    match = _OP_CIT.match(raw or "")
    if match:
        return BackReference(
            "op-cit", author=match["author"].strip(" ,."), locator=_clean_locator(match["locator"])
        )
    return None


def _clean_locator(locator: str | None) -> str | None:
    return locator.strip(" ,.").replace("–", "-") if locator else None


def resolve_back_references(entries: list[tuple[int, str, dict]]) -> dict[int, Resolution]:
    """For each back-reference among (number, raw, parsed item) entries, the entry it points at, by number."""
    return {entries[position][0]: found for position, found in resolve_by_position(entries).items()}


def resolve_by_position(entries: list[tuple[int, str, dict]]) -> dict[int, Resolution]:
    """For each back-reference, by its position in entries, the number of the entry it points at.

    A note that cites several works gives several entries with one number; "Ibid." after it points at
    that note, and so at every work in it."""
    resolutions: dict[int, Resolution] = {}
    for position, (number, raw, _item) in enumerate(entries):
        back = classify_back_reference(raw)
        if back is None:
            continue
        if back.kind == "ibid":
            resolutions[position] = _resolve_ibid(number, entries[:position], resolutions, back.locator)
        else:
            resolutions[position] = _resolve_op_cit(number, back, entries[:position], resolutions)
    return resolutions


def _resolve_ibid(
    number: int, earlier: list, resolutions: dict[int, Resolution], locator: str | None
) -> Resolution:
    if not earlier:
        return Resolution(number, None, "Ibid. is the first entry: nothing before it to point at", locator)
    previous_number, _raw, previous_item = earlier[-1]
    if len(earlier) - 1 in resolutions:
        previous = resolutions[len(earlier) - 1]
        if previous.resolved_to is None:
            return Resolution(
                number, None, f"the entry before it ([{previous_number}]) is itself unresolved", locator
            )
        return Resolution(
            number,
            previous.resolved_to,
            f"Ibid. after [{previous_number}], which is Ibid. of [{previous.resolved_to}]",
            locator,
        )
    if not is_parsed(previous_item):
        return Resolution(
            number, None, f"the entry before it ([{previous_number}]) could not be parsed", locator
        )
    return Resolution(
        number, previous_number, f"Ibid. points to the entry before it ([{previous_number}])", locator
    )


def _resolve_op_cit(
    number: int, back: BackReference, earlier: list, resolutions: dict[int, Resolution]
) -> Resolution:
    wanted = _name_key(back.author or "")
    for position in range(len(earlier) - 1, -1, -1):
        previous_number, _raw, item = earlier[position]
        if position in resolutions or not is_parsed(item):
            continue
        if wanted and wanted in {
            _name_key(name.get("family") or name.get("literal") or "") for name in item.get("author", [])
        }:
            return Resolution(
                number,
                previous_number,
                f"op. cit. names {back.author}: their latest earlier entry is [{previous_number}]",
                back.locator,
            )
    return Resolution(number, None, f"op. cit. names {back.author!r}, who has no earlier entry", back.locator)


def _name_key(name: str) -> str:
    """A comparable family name: "Garamone, J." and "J. Garamone" both give "garamone"."""
    name = name.split(",")[0] if "," in name else (name.split() or [""])[-1]
    return re.sub(r"[^\w]", "", name.lower())


def is_parsed(item: dict) -> bool:
    """Whether parsing found something to identify the work by."""
    return bool(item.get("title") or item.get("URL") or item.get("DOI"))
