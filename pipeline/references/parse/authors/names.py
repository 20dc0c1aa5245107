"""An author list split into CSL names: people as family and given names, organisations as literals."""

from __future__ import annotations

import re

from pipeline.references.parse.authors.bodies import (
    ORG_LINKS,
    ORG_WORDS,
    government_chain_end,
    is_body_hierarchy,
    is_institution_name,
    spells_out,
)
from pipeline.references.parse.authors.words import (
    CAPS_INITIALS,
    INITIALS,
    NAME_WORD,
    PARTICLES,
    bare,
    is_initials,
)

# A company by its legal form closing its name.
_COMPANY = re.compile(
    r"^[A-Z][^,;]*?,?\s+(?:Co|Inc|Corp|Ltd|LLC|L\.L\.C|plc|PLC|GmbH|AG|S\.A|N\.V|B\.V|Pty\.? Ltd)\.?$"
)
# Organisations by their short names joined by "and" or "&" ("FAO, IFAD, & WFP"): each an author.
_ACRONYM = r"[A-Z][A-Z&]{1,7}"
_ACRONYM_LIST = re.compile(rf"(?:{_ACRONYM},\s*)*{_ACRONYM},?\s+(?:&|and)\s+{_ACRONYM}\.?")
_ACRONYMS_ONLY = re.compile(r"(?:[A-Z][A-Z&]{1,7},\s*)+[A-Z][A-Z&]{1,7}\.?|[A-Z][A-Z&]{1,7}")  # "NOAA, NMFS"
_CAPITALS_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’-]+")
# "Knopman, D., ...", "van der Berg, P. & de Vries, K.": a family name (particles allowed) and initials.
_PERSON_LIST_START = re.compile(
    r"^(?:(?:van|von|de|der|den|del|della|di|da|du|dos|das|le|la|ten|ter|bin|al|el)\s+)*[^\s,]+,\s+"
    r"(?:[A-ZÀ-Þ]\.\s?-?)+(?:,|\s*&|\s+and\b|$)"
)
# A note in brackets after a name: an office's holder, a party, a person's dates.
_TRAILING_NOTE = re.compile(r"(\S.*?)\s+\(([^()]*)\)")


# "et al.", an editor's mark, and MLA's role after the names ("Lee, Ann, editor."): no one's name.
_NOT_NAMES = re.compile(r"\bet\.?\s+al\b\.?|\((?:eds?|hrsg|coord|dir|comp)\.?\)\.?|\beds?\.$|"
                        r",\s*(?-i:editors?\.?|eds?\.)[\s,;:]*$", re.IGNORECASE)


def parse_names(zone: str) -> list[dict]:
    """CSL names from an author list: [{family, given}] for people, [{literal}] for organisations."""
    zone = _NOT_NAMES.sub("", zone)
    zone = zone.strip(" ,;:·•")
    if not zone.strip("."):
        return []
    if _COMPANY.search(zone):  # "Harbour Co.", "Live Harbour, Inc.": "Co." is no initial
        return [{"literal": zone}]
    if _ACRONYM_LIST.fullmatch(zone):  # "FAO, IFAD, & WFP": three bodies
        return [{"literal": name} for name in re.findall(r"[A-Z][A-Z&]*[A-Z]", zone)]
    if _is_group_author(zone) or _ACRONYMS_ONLY.fullmatch(zone) or _is_body(zone) or _spelled_acronym(zone):
        return [{"literal": zone.rstrip(".")}]
    names: list[dict] = []
    for chunk in re.split(r"\s*;\s*|\s*/\s*|,?\s+(?:and|&|et|y|und)\s+|,?\s*&\s*|\s*…\s*", zone):
        chunk = chunk.strip(" ,")
        if len(chunk.split()) > 2 and _is_group_author(chunk):  # "Lowe, K., & the Harbour Study Group"
            names.append({"literal": chunk.rstrip(".")})
        else:
            names.extend(_names_in_chunk(chunk))
    return [name for name in names if name.get("family") or name.get("literal")]


def _spelled_acronym(zone: str) -> bool:
    """An organisation's short name, then its name in full: "HPA, Harbour Pilots’ Association"."""
    short, _, name = zone.partition(", ")
    return bool(re.fullmatch(r"[A-Z][A-Z&]{1,7}", short)) and spells_out(short, name.rstrip("."))


def _is_body(zone: str) -> bool:
    """A body and its offices, by commas or by sentences, or one institution's name."""
    chain = government_chain_end(zone + ".") or 0
    return is_body_hierarchy(zone) or is_institution_name(zone) or chain >= len(zone)


def _is_group_author(zone: str) -> bool:
    """An organisation, unless the text opens as a list of people ("Knopman, D., ...")."""
    return _looks_like_organisation(zone) and not _PERSON_LIST_START.match(zone)


def _looks_like_organisation(zone: str) -> bool:
    words = zone.split()
    if "," in zone or ";" in zone:
        head = re.split(r"[,;]", zone)[0]
        return bool(re.search(r"\((?:[A-Z]{2,})\)", zone)) or (
            len(head.split()) >= 3 and any(w.lower() in ORG_LINKS for w in head.split())
        )
    if len(words) == 1:
        return len(bare(words[0])) > 1 and not INITIALS.match(words[0])
    if any(word.lower() in {"of", "for", "the", "des", "du", "on"} for word in words):
        return True
    if words[0].lower() == "the" or zone.isupper() and len(words) > 2:
        return True
    return bool(ORG_WORDS.search(zone)) and not any(is_initials(w, None) for w in words)


def _names_in_chunk(chunk: str) -> list[dict]:
    parts = [part.strip() for part in chunk.split(",") if part.strip()]
    names, index = [], 0
    while index < len(parts):
        part, following = parts[index], parts[index + 1] if index + 1 < len(parts) else None
        words = part.split()
        family_only = not any(is_initials(word, before) for before, word in zip([None, *words], words, strict=False))
        last_pair = index + 2 == len(parts)
        given = following is not None and _is_given_part(following, not names, last_pair, len(words) == 1)
        if family_only and given:
            names.append(_person(family=part, given=following))
            index += 2
            if index < len(parts) and re.fullmatch(r"(?:Jr|Sr|III?|IV)\.?", parts[index]):
                names[-1]["suffix"] = parts[index]
                index += 1
            continue
        names.append(_natural_order_name(part))
        index += 1
    return names


def _is_given_part(part: str, first: bool, last_pair: bool = False, single_family: bool = False) -> bool:
    """Whether a comma part is the given name of the part before it ("Smith, J. L." or "Smith, John")."""
    words = part.split()
    if all(
        is_initials(word, None) or CAPS_INITIALS.match(word.rstrip(".")) or word.rstrip(".") in {"Jr", "Sr"}
        for word in words
    ):
        return True
    if len(words) == 2 and NAME_WORD.match(words[0]) and is_initials(words[1], None):
        return first or not NAME_WORD.match(words[0])  # "Robert D." after "Hershey"
    if first and last_pair and single_family and len(words) <= 3:
        return all(NAME_WORD.match(word) for word in words)  # "Brown, Patricia Leigh": one person
    return first and len(words) == 1 and bool(NAME_WORD.match(words[0]))


def _natural_order_name(part: str) -> dict:
    note = _TRAILING_NOTE.fullmatch(part)
    if note and re.fullmatch(r"[A-Z][a-z][\w'’-]*", note[2]):
        return {"family": note[2]}  # an office and who held it: "U.S. President (Reagan)"
    if note:  # "Jane Roe (D-CA)", "Marie Curie (1867-1934)": a note on the person, never the family name
        return _natural_order_name(note[1])
    words = part.split()
    if len(words) > 2 and re.fullmatch(r"(?:Jr|Sr|II|III|IV)\.?,?", words[-1]):  # "Martin Luther King Jr."
        return {**_natural_order_name(" ".join(words[:-1])), "suffix": words[-1].rstrip(",")}
    if len(words) == 1:
        return {"family": words[0].rstrip(".")}
    initials_from = len(words)
    while initials_from > 1 and is_initials(words[initials_from - 1], words[initials_from - 2]):
        initials_from -= 1
    if initials_from < len(words) and not is_initials(words[0], None):  # "Linley S", "Радаев В. В."
        return _person(family=" ".join(words[:initials_from]), given=" ".join(words[initials_from:]))
    if _CAPITALS_WORD.fullmatch(words[0]) and not any(word.isupper() for word in words[1:]):
        return _person(family=words[0], given=" ".join(words[1:]))  # French "MARUSEL Jacques"
    if re.fullmatch(r"[^\W\d_]\.?", words[-1]):  # a lone letter is no family name: "Bouisset c." typed in lower case
        return _person(family=" ".join(words[:-1]), given=words[-1])
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return _person(family=" ".join(words[start:]), given=" ".join(words[:start]))


def _person(family: str, given: str) -> dict:
    given = given.strip(" ,")
    bare = given.rstrip(".")
    if CAPS_INITIALS.match(bare.replace(" ", "")) and "." not in bare:
        given = " ".join(f"{letter}." for letter in bare.replace(" ", ""))
    elif given.endswith(".") and bare.split() and len(bare.split()[-1]) >= 3 and not INITIALS.match(given.split()[-1]):
        given = bare  # the full stop closed the name list ("Durkheim, Émile."), it abbreviates nothing
    name = {"family": family.strip(" ,.")}
    if given:
        name["given"] = given
    return name
