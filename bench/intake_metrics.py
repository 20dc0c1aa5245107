"""The scoring helpers of bench/intake_score.py: gold and halves, normalizing, names, bags of words, notes, debris.

Every function but `load_gold` takes and returns plain data, so tests can call them on small
invented inputs; bench/pdf_score.py and its quality test read the same gold through `load_gold`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from bench.evaldata import eval_path

# The CRS documents eval folder beside the repository: <stem>.md, <stem>.pdf and gold.jsonl.
DEFAULT_EVAL = eval_path("documents")
# A note is the gold footnote when its token F1 against it reaches this: a note that lost or gained
# a clause (a URL split off, a continuation paragraph missing) falls below it, a note that differs
# by a few characters of quoting or spacing stays above.
NOTE_SIMILARITY = 0.8
# A paragraph of at most this many words that is not in the gold body counts as page chrome: room
# for a breadcrumb, a row of links, a label with its value, a button's text. Longer debris shows
# as lost body precision instead.
CHROME_MAX_WORDS = 12
# Generational suffixes that may follow a family name in a display name ("Paul K. Kerr Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})

_WORD = re.compile(r"[^\W_]+")
_HTML_TAG = re.compile(r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LIST_MARKER = re.compile(r"^\s*[-*+]\s")
_ATX_HEADING = re.compile(r"^\s*#{1,6}(?:\s|$)")
_INLINE_MARKS = ("**", "__", "](", "[^", "`", "|")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def load_gold(folder: Path) -> list[dict]:
    """The rows of `folder`/gold.jsonl, sorted by stem."""
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return sorted(rows, key=lambda row: row["stem"])


def split_half(report_number: str) -> str:
    """`check` when the first byte of the SHA-256 of the product number is odd, else `study`."""
    return "check" if hashlib.sha256(report_number.encode("utf-8")).digest()[0] % 2 else "study"


def tokens(text: str | None) -> list[str]:
    """The words of `text`: runs of letters and digits, NFKC-normalized and case-folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold())


def normalize_title(text: str | None) -> str:
    """Case-folded, punctuation and symbols turned into spaces, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    kept = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in folded)
    return " ".join(kept.split())


def _name_key(word: str) -> str:
    """A family name reduced to its letters and digits: "M’Bai" and "M'Bai" are one name."""
    return "".join(tokens(word))


def gold_family_name(author: str) -> str:
    """The family name of a gold "Family, Given" string, as a comparison key."""
    return _name_key(author.split(",", 1)[0])


def display_family_name(name: str) -> str:
    """The family name of a display name ("Paul K. Kerr", "Paul K. Kerr, Jr."), as a comparison key.

    The last word that is not a generational suffix, with the lower-case words right before it
    ("Ludwig van Beethoven" gives "van Beethoven", unless the whole name is lower case). A name
    still written "Family, Given" is read the same way and so gives a given name or initial: the
    document's names are display names.
    """
    words = [word for word in name.split() if _name_key(word)]
    while len(words) > 1 and _name_key(words[-1]) in NAME_SUFFIXES:
        words.pop()
    if not words:
        return ""
    start = len(words) - 1
    while start > 0 and not words[-1].islower() and words[start - 1].islower():
        start -= 1
    return _name_key(" ".join(words[start:]))


def families_match(gold_authors: list[str], display_names: list[str]) -> bool:
    """The set of gold family names equals the set of the display names' family names."""
    return {gold_family_name(a) for a in gold_authors} == {display_family_name(n) for n in display_names}


def normalize_url(url: str | None) -> str:
    """Scheme dropped, host case-folded without "www.", trailing slash dropped; query and path kept."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = parts.netloc.casefold().removeprefix("www.")
    rest = parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")
    return host + rest + (f"#{parts.fragment}" if parts.fragment else "")


def bag_overlap(predicted: list[str], gold: list[str]) -> int:
    """How many tokens the two bags share, counting repeats (multiset intersection)."""
    return sum((Counter(predicted) & Counter(gold)).values())


def f1(overlap: int, n_predicted: int, n_gold: int) -> float:
    """F1 of a bag overlap; two empty bags agree perfectly."""
    if n_predicted == 0 and n_gold == 0:
        return 1.0
    return 2 * overlap / (n_predicted + n_gold)


def text_similarity(a: str, b: str) -> float:
    """Token-bag F1 of two texts."""
    left, right = tokens(a), tokens(b)
    return f1(bag_overlap(left, right), len(left), len(right))


def match_notes(gold: list[tuple[int, str]], predicted: list[tuple[int, str]]) -> list[int]:
    """Indexes into `gold` of the footnotes some predicted note finds, each predicted note used once.

    A predicted note finds a gold footnote when it has the same number and a similar text
    (`text_similarity` >= NOTE_SIMILARITY).
    """
    used: set[int] = set()
    found: list[int] = []
    for gold_index, (number, text) in enumerate(gold):
        for index, (candidate_number, candidate_text) in enumerate(predicted):
            if index in used or str(candidate_number) != str(number):
                continue
            if text_similarity(candidate_text, text) >= NOTE_SIMILARITY:
                used.add(index)
                found.append(gold_index)
                break
    return found


def carries_markdown_syntax(text: str) -> bool:
    """Markdown or HTML left in a body paragraph.

    Inline: `**`, `__`, a link's `](`, a footnote's `[^`, a backtick, a `|` (prose has no use for
    one; in a converted page it separates table cells), an HTML tag or comment. At the start: a
    bullet (`- `, `* `, `+ `) or an ATX heading marker (`#` to `######` then a space or nothing).
    """
    if any(mark in text for mark in _INLINE_MARKS):
        return True
    return bool(_LIST_MARKER.match(text) or _ATX_HEADING.match(text) or _HTML_TAG.search(text))


def padded_sequence(text: str) -> str:
    """The tokens of `text` joined by single spaces with a space each side: for whole-word search."""
    return " " + " ".join(tokens(text)) + " "


def _unsuffixed(word: str) -> str:
    """ "119th" as "119": the captures' gold lost superscript ordinal suffixes, a PDF keeps them."""
    return _ORDINAL.sub(r"\1", word)


def chrome_reference(gold_body: str) -> str:
    """The gold body as `is_chrome` searches it: its words, ordinal suffixes dropped, padded."""
    return " " + " ".join(map(_unsuffixed, tokens(gold_body))) + " "


def _in_reference(words: list[str], reference: str) -> bool:
    """The words are a run of the reference, or would be with spaces lost or added between them
    (the gold keeps words a link's edge glued together, "oftencreates"; a capture's adjacent bold
    runs glue words the gold splits), matched at word starts and ends."""
    if " " + " ".join(words) + " " in reference:
        return True
    letters = "".join(words)
    return re.search(" " + " ?".join(map(re.escape, letters)) + " ", reference) is not None


def is_chrome(text: str, reference: str) -> bool:
    """A paragraph of at most CHROME_MAX_WORDS words whose words are not a run of the gold body.

    `reference` is `chrome_reference(gold body text)`. Document text the gold writes otherwise
    (an ordinal without its suffix, words glued or split at a link's or an emphasis's edge) is not
    chrome. A paragraph with no word at all (a rule, a lone bullet or bar) is chrome.
    """
    words = [_unsuffixed(word) for word in tokens(text)]
    if not words:
        return True
    return len(words) <= CHROME_MAX_WORDS and not _in_reference(words, reference)
