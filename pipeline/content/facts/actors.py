"""People and bodies the sources name: a name split from the role the text gives it, and the aliases
of one actor merged.

A run of capitalized words is split at its last title word: 'US Defense Secretary Lloyd Austin' is
the role 'US Defense Secretary' and the name 'Lloyd Austin'; lower-case role nouns join the role
('North Korean leader Kim Jong Un'). Roles also come from appositions: 'Bryan Lanza, a former
adviser, ...' and 'Trump’s former national security adviser, Robert O’Brien'.

Names are one actor when their surnames match (Zelensky, Zelenskyy: string similarity, rapidfuzz)
and their given names do not differ; for names written family name first (Kim Jong Un, Li
Yingying: pipeline/data/family-first-surnames.txt) the whole name is the key. A possessive ('Putin’s
spokesman') names someone else, so the Kremlin and Putin's spokesman stay apart from Putin.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

TITLES = frozenset("""
president president-elect vice-president premier chancellor minister secretary secretary-general
professor prof. general gen. admiral adm. colonel col. lieutenant lt. major sergeant commander marshal
senator sen. representative rep. congressman congresswoman governor mayor ambassador envoy
spokesman spokeswoman spokesperson leader chief director adviser advisor official officials analyst
diplomat king queen prince princess pope chairman chairwoman chair head deputy emperor emir sheikh
dr. judge justice attorney founder ceo commissioner inspector superintendent administrator coordinator
manager negotiator
""".split())
ROLE_MODIFIERS = frozenset("former then acting deputy vice senior top chief foreign defense defence prime "
                           "national security military interior finance state".split())
HONORIFICS = frozenset("mr. ms. mrs. mr ms mrs sir dame".split())
ORGANIZATION_WORDS = frozenset("government administration ministry kremlin pentagon commission council "
                               "parliament congress nato eu un army forces office department agency authority "
                               "union committee court police".split())
SIMILAR_SURNAMES = 85  # rapidfuzz ratio: Zelensky / Zelenskyy 94, Putin / Peskov 36


@lru_cache(maxsize=1)
def family_first() -> frozenset[str]:
    text = resources.files("pipeline.data").joinpath("family-first-surnames.txt").read_text("utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())


def is_title(word: str) -> bool:
    return word.lower().strip(",") in TITLES


def plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def split_role(words: list[str]) -> tuple[str | None, str | None]:
    """(role, name) of a noun phrase's words: the name is what follows its last title word."""
    words = [w for w in words if w.lower() not in HONORIFICS]
    last_title = max((i for i, w in enumerate(words) if is_title(w)), default=-1)
    name = [w for w in words[last_title + 1:] if w[:1].isupper()]
    role = words[:last_title + 1]
    while role and role[0].lower() in ("the", "a", "an"):
        role = role[1:]
    return (" ".join(role) or None), (" ".join(name) or None)


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str:
    words = plain(name).replace("’", "'").split()
    if not words:
        return ""
    if len(words) > 1 and words[0] in family_first() and words[-1] not in family_first():
        return " ".join(words)
    return words[-1]


def family_name(name: str) -> str:
    """'Ayesha Zafar' -> 'Zafar'; 'Li Yingying' -> 'Li' (written family name first)."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in family_first() and words[-1].lower() not in family_first():
        return words[0]
    return words[-1] if words else name


def given_names(name: str) -> list[str]:
    words = plain(name).split()
    if len(words) > 1 and words[0] in family_first() and words[-1] not in family_first():
        return []  # the key is the whole name already
    return words[:-1]


def same_actor(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    key_a, key_b = surname_key(a), surname_key(b)
    if not key_a or not key_b or fuzz.ratio(key_a, key_b) < SIMILAR_SURNAMES:
        return False
    first_a, first_b = given_names(a), given_names(b)
    return not first_a or not first_b or fuzz.ratio(first_a[0], first_b[0]) >= SIMILAR_SURNAMES


def merge_actors(names: list[str]) -> dict[str, str]:
    """Each name -> the actor's display name (its longest form), in order of first mention.

    A name joins the first group all of whose names are the same actor as it. Every such group's
    first name has a surname key within SIMILAR_SURNAMES of the name's, so only those groups are
    tried, found by rapidfuzz over all the groups' first keys at once (not a Python loop per group).
    """
    from rapidfuzz import fuzz, process

    groups: list[list[str]] = []
    first_keys: list[str] = []
    for name in dict.fromkeys(names):
        key = surname_key(name)
        near = process.extract(key, first_keys, scorer=fuzz.ratio, score_cutoff=SIMILAR_SURNAMES,
                               limit=None) if key else []
        home = next((groups[index] for index in sorted(index for _, _, index in near)
                     if all(same_actor(name, other) for other in groups[index])), None)
        if home is None:
            groups.append([name])
            first_keys.append(key)
        else:
            home.append(name)
    display = {}
    for group in groups:
        best = max(group, key=lambda n: (len(n.split()), len(n)))
        display.update({name: best for name in group})
    return display


def actor_id(display: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", plain(display)).strip("-")


def kind_of(name: str, role: str | None) -> str:
    words = {w.lower() for w in name.split()}
    if words & ORGANIZATION_WORDS or (name.isupper() and len(name) > 1):
        return "organization"
    return "person"
