"""The word classes author lists are read by: initials, name words, particles, connectors, quotes."""

from __future__ import annotations

import re

QUOTE_OPENERS = "“\"‘«„'"
CONNECTORS = {"and", "&", "et", "y", "und", "e", "…", "..."}
PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "dos", "das", "le", "la", "ten", "ter",
    "bin", "al", "el", "st", "st.", "mc", "zu", "d’", "d'",
}
INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ][a-zа-яё]?\.(?:-?[A-ZА-ЯЁ]\.)*|[A-Z]\.?-[A-Z]\.?)+$")
CAPS_INITIALS = re.compile(r"^[A-ZА-ЯЁ]{1,3}$")
NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ɏА-ЯЁΑ-Ω][\w'’\-.`]*$")


def bare(token: str) -> str:
    return token.rstrip(",;:.")


def is_initials(token: str, previous: str | None) -> bool:
    bare = token.rstrip(",;:")
    if INITIALS.match(bare):
        return True
    # Vancouver style ("Linley S, Liu YY"): capitals without dots right after a family name.
    return bool(
        previous
        and CAPS_INITIALS.match(bare.rstrip("."))
        and NAME_WORD.match(previous)
        and not previous.endswith((",", ";", "."))
        and not INITIALS.match(previous)
    )

