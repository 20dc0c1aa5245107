"""Reading CSL-JSON fields as comparable plain values: folded text, tokens, years, names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

from pipeline.text.dates import YEAR

# Letters NFKD does not decompose into ASCII.
_EXTRA_FOLDS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i",
})
_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`´](?=\w)")
_TOKEN = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)")

# Words that carry no identity in a title or an organization name (English and the languages
# reference lists most often mix in). Used for key words and blocking, never to reject a match.
STOPWORDS = frozenset(str.split("""
a an the of on in at to for from by with and or but as is are was were be its it this that these those
how why what when who whom which about into over under after before between against than via vs not no
le la les l un une des du de d et en au aux pour par sur dans
il lo gli i uno una del della delle dei degli di da e nel nella nei con per tra fra
der die das den dem des ein eine einer und im am zum zur von mit auf fur uber
el los las y por para con del al
"""))

# Lowercase name particles that belong to the family name ("van Kessel", "de Breucker").
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le",
                            "ter", "ten", "dos", "das", "do", "bin", "ibn", "al", "el", "st", "mac"})
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@lru_cache(maxsize=65536)  # names, venues and titles repeat across seeds; folding dominates run time
def fold(text: str | None) -> str:
    """Lowercase ASCII: "Zelenskyy’s Čašlav" -> "zelenskyys caslav"."""
    if not text:
        return ""
    text = _APOSTROPHES.sub("", str(text).translate(_EXTRA_FOLDS))
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def tokens(text: str | None) -> list[str]:
    """Folded alphanumeric words; dotted acronyms join ("U.S." -> "us")."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)
def _tokens(text: str | None) -> tuple[str, ...]:
    folded = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", fold(text))
    folded = re.sub(r"\b([a-z])\.(?=\s|$|[^a-z])", r"\1", folded)
    return tuple(_TOKEN.findall(folded))


def normalized_text(text: str | None) -> str:
    return " ".join(tokens(text))


def significant_tokens(text: str | None) -> list[str]:
    return [token for token in tokens(text) if token not in STOPWORDS and not token.isdigit()]


def text_field(item: dict[str, Any], name: str) -> str:
    """A CSL string field as stripped text ("" when missing or not a string)."""
    value = item.get(name)
    if isinstance(value, list):  # CSL processors accept a list for some fields; the first one counts.
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) else ""


def date_parts(item: dict[str, Any], name: str = "issued") -> list[int]:
    """The first date-parts row of a CSL date (`[2024, 8, 12]`), [] when absent or unreadable."""
    date = item.get(name)
    if not isinstance(date, dict):
        return []
    rows = date.get("date-parts")
    if isinstance(rows, list) and rows and isinstance(rows[0], list):
        parts = []
        for part in rows[0]:
            try:
                parts.append(int(part))
            except (TypeError, ValueError):
                break
        return parts
    text = date.get("raw") or date.get("literal") or ""
    match = _YEAR.search(str(text))
    return [int(match.group(1))] if match else []


def year_of(item: dict[str, Any]) -> int | None:
    parts = date_parts(item)
    return parts[0] if parts else None


def names(item: dict[str, Any], role: str = "author") -> list[dict[str, str]]:
    """The CSL name list of a role, keeping only well-formed entries."""
    value = item.get(role)
    if not isinstance(value, list):
        return []
    return [name for name in value if isinstance(name, dict) and (name.get("family") or name.get("literal"))]


def name_head(name: dict[str, str]) -> str:
    """The word a name is filed under: family name, or an organization's first significant word."""
    family = name.get("family")
    if family:
        words = [word for word in tokens(family) if word not in NAME_PARTICLES] or tokens(family)
        return "".join(words)
    words = significant_tokens(name.get("literal")) or tokens(name.get("literal"))
    return words[0] if words else ""


def name_words(name: dict[str, str]) -> set[str]:
    """Every folded word of a name, given names included: survives family/given swapped by a database."""
    parts = " ".join(str(name.get(key) or "") for key in ("family", "given", "literal"))
    return {word for word in tokens(parts) if len(word) > 1 and word not in NAME_PARTICLES}


def _tidy_case(word: str) -> str:
    """"SAKHRI" -> "Sakhri": a byline in capitals is a typographic choice, not the name's spelling."""
    if len(word) > 3 and word.isupper():
        return word.capitalize()
    return word


@lru_cache(maxsize=1)
def _family_first_surnames() -> frozenset[str]:
    text = resources.files("pipeline.data").joinpath("family-first-surnames.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def family_first(words: list[str]) -> bool:
    """'Li Yingying', 'Kim Jong Un': an East Asian family name first and none last."""
    surnames = _family_first_surnames()
    return 2 <= len(words) <= 3 and words[0].lower() in surnames and words[-1].lower() not in surnames


def split_display_name(display: str) -> dict[str, str]:
    """A byline name in Western order -> CSL name: "Ayesha Zafar" -> {"family": "Zafar", "given": "Ayesha"}.

    The family name is the last word, with lowercase particles before it ("Vincent van Gogh" -> "van
    Gogh") and a suffix ("Jr.") set aside. Bylines never say which part is the family name; a name
    that starts with a common East Asian family name and does not end with one ("Li Yingying") is
    read family-first (see family_first); a single word stays a literal.
    """
    words = [_tidy_case(word) for word in display.replace(",", " ").split()]
    if family_first(words):
        return {"family": words[0], "given": " ".join(words[1:])}
    suffix = ""
    if len(words) > 2 and words[-1].lower() in _NAME_SUFFIXES:
        suffix = words.pop()
    if len(words) < 2:
        return {"literal": " ".join(words)}
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in NAME_PARTICLES and words[start - 1].islower():
        start -= 1
    name = {"family": " ".join(words[start:]), "given": " ".join(words[:start])}
    if suffix:
        name["suffix"] = suffix
    return name
