r"""pysbd's English rules with its search for abbreviations made cheaper, its results unchanged.

pysbd looks, in each line of a paragraph, for each of its 188 English abbreviations that occurs in
the lowered line: a regular expression finds it after a line start or white space, case ignored
(`(?:^|\s|\r|\n)abbr`), and for each place found, a substitution turns the full stop after it
into "∯" where the next word says it is no sentence end. Most of that work changes nothing: "st"
inside "strait", "al" starting "also". `language()` gives pysbd a language class whose replacer
first asks whether the abbreviation stands, with a full stop after it, at the start of a word: one
str.find in a copy of the line where every white space character is a space and every character is
replaced by the ASCII letter re's case folding takes it for (re itself says which, once a
character). Only then does pysbd's own code run. That search was a quarter of cleaning a seed.

Why the text comes out the same: each substitution needs white space (or the line's start), the
abbreviation as the line spells it there, and a full stop; for an abbreviation of ASCII letters,
that is " abbr." in " " + the folded copy. While pysbd works through its list, its substitutions
only turn full stops into "∯", never make one, so the copy made once may say yes where the text no
longer has the full stop (pysbd's code then runs, as before) but never no where it has. The seven
abbreviations with another character (a ".", which the expression reads as any character) skip the
pre-check.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache


@lru_cache(maxsize=1)
def language():
    """pysbd's English, with the replacer below (built once: pysbd is imported lazily)."""
    from pysbd.lang.english import English

    class Replacer(English.AbbreviationReplacer):
        def search_for_abbreviations_in_string(self, text):
            # pysbd 0.3.4's loop as it stands there, but for the pre-check marked below.
            lowered = text.lower()
            starts = word_starts(text)
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped not in lowered:
                    continue
                if _is_letters(stripped) and " " + stripped.lower() + "." not in starts:  # the pre-check
                    continue  # nothing below would change the text
                abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
                if not abbrev_match:
                    continue
                next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
                char_array = re.findall(next_word_start, text)
                for ind, match in enumerate(abbrev_match):
                    text = self.scan_for_replacements(text, match, ind, char_array)
            return text

    return type("English", (English,), {"AbbreviationReplacer": Replacer})


def _is_letters(text: str) -> bool:
    return text.isascii() and text.isalpha()


def word_starts(text: str) -> str:
    """" " + text with each white space character a space and each character folded as re's
    IGNORECASE folds it against ASCII letters: " abbr." is in it where a word is abbr and a stop."""
    return " " + text.translate(_FOLDED)


class _Folding(dict):
    """str.translate's table, filled a character at a time as lines bring new ones."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold(chr(code))
        return folded


def _fold(char: str) -> str:
    if char.isspace():
        return " "
    letters = [letter for letter in string.ascii_lowercase if re.fullmatch(letter, char, re.IGNORECASE)]
    # A character re takes for one ASCII letter becomes it; any other stays what it is (no letter
    # matches it; and none is taken for two letters, case folding being a function).
    return letters[0] if len(letters) == 1 else char


_FOLDED = _Folding()
