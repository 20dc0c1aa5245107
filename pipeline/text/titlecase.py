"""Whether words are written as a name or a title is: each in capitals, a number or a small word."""

from __future__ import annotations

# The words a name or title keeps in lower case: "Section 122 of the Trade Act", "An Act respecting ...",
# "Ministère de la Défense", "Roe v. Wade".
SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with respecting de la v. vs.".split())


def in_title_case(words: list[str]) -> bool:
    """Every word capitalized or a number, small words aside (words stripped of their punctuation)."""
    return all(word[:1].isupper() or word[:1].isdigit() or word.lower() in SMALL_WORDS for word in words if word)
