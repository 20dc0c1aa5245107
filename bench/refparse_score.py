"""Score pipeline.references.parse.reference on labelled reference strings (AnyStyle's hand-tagged parser data).

Usage: python bench/refparse_score.py [EVAL.jsonl] [--misses FIELD]   (default
../shared/eval/refparse/anystyle-dev.jsonl relative to the repository root). --misses prints, for each
item that falls short on FIELD, the raw string, the gold and the parsed values: the error analysis to
start from. One JSON object a line: `raw` and `gold` (see shared/eval/README.md).

Fields, each over the items whose gold has that field:
- url: exact match with gold `URL_compact`, invisible format characters (soft hyphens, zero-width spaces:
  Unicode category Cf) removed from both, since a PDF line break leaves them and no URL contains them;
- url_gold_checked: the same, leaving out the items listed in bench/refparse_gold_url_errors.json, whose
  gold is not the reference's URL (an access note glued on, a bare "http://", a volume number), each
  checked by hand; printed beside the url score, never instead of it;
- year: first year of `issued`;
- title: exact after normalizing case, whitespace and punctuation;
- container_or_publisher: the parsed container-title or publisher equals (normalized) the gold
  container-title or publisher;
- author_family_recall: gold author strings are not split into persons, so their family names are
  read by the conventions the string is written in (bench/gold_names.py: "Family, Given", "Given
  Family", Vancouver "Family GF", organisations whole); each name word of them (two or more letters;
  bare initials and connectors such as "and" left out) is found when it is a word of a parsed
  author's family name or literal;
- author_every_word_as_family: stricter, every name word of the gold string must be a parsed family
  name or literal, so a correctly parsed given name ("Hisakata, Rumi") counts as a miss; its ceiling
  for a correct parser is about 0.88 on the dev set. Kept to compare with earlier figures;
- author_name_recall: every gold name word found anywhere in the parsed names (family, given, literal).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from pipeline.references.parse.reference import parse_reference

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_names import gold_family_text  # noqa: E402  (a sibling module of this script)

REPO_ROOT = Path(__file__).resolve().parent.parent

GOLD_URL_ERRORS = json.loads((Path(__file__).resolve().parent / "refparse_gold_url_errors.json").read_text("utf-8"))
DEFAULT_EVAL = REPO_ROOT / ".." / "shared" / "eval" / "refparse" / "anystyle-dev.jsonl"
_NAME_CONNECTORS = {"and", "et", "al", "und", "eds", "ed", "jr", "sr", "by"}


def normalize(text: str | None) -> str:
    """Lower case, punctuation and symbols dropped, whitespace collapsed."""
    if not text:
        return ""
    kept = "".join(" " if unicodedata.category(ch)[0] in "PSZ" else ch for ch in text.lower())
    return " ".join(kept.split())


def without_format_characters(text: str | None) -> str | None:
    return None if text is None else "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def name_words(text: str) -> set[str]:
    words = set()
    for word in normalize(text).split():
        original = next((w for w in text.replace(".", " ").split() if normalize(w) == word), word)
        if len(word) < 2 or word in _NAME_CONNECTORS or word.isdigit():
            continue
        if original.isupper() and len(word) <= 3 and len(text.split()) > 1:
            continue  # initials written without dots ("Liu YY")
        words.add(word)
    return words


def parsed_name_words(item: dict, parts: tuple[str, ...]) -> set[str]:
    words: set[str] = set()
    for name in item.get("author", []):
        for part in parts:
            words.update(normalize(name.get(part, "")).split())
    return words


def _year(item: dict) -> int | None:
    try:
        return int(item["issued"]["date-parts"][0][0])
    except (KeyError, IndexError, TypeError, ValueError):
        return None


class Tally:
    def __init__(self) -> None:
        self.hits: dict[str, float] = {}
        self.totals: dict[str, int] = {}

    def add(self, field: str, hit: float, weight: int = 1) -> None:
        self.hits[field] = self.hits.get(field, 0) + hit
        self.totals[field] = self.totals.get(field, 0) + weight

    def scores(self) -> dict[str, float]:
        return {field: self.hits[field] / self.totals[field] for field in self.totals if self.totals[field]}


def score_row(tally: Tally, gold: dict, parsed: dict, item_id: str = "") -> None:
    if gold.get("URL_compact"):
        gold_url = without_format_characters(gold["URL_compact"])
        tally.add("url", without_format_characters(parsed.get("URL")) == gold_url)
        if item_id not in GOLD_URL_ERRORS:
            tally.add("url_gold_checked", without_format_characters(parsed.get("URL")) == gold_url)
    if gold.get("issued"):
        tally.add("year", _year(parsed) == _year(gold))
    if gold.get("title"):
        tally.add("title", normalize(parsed.get("title")) == normalize(gold["title"]))
    gold_places = {normalize(gold.get(k)) for k in ("container-title", "publisher")} - {""}
    if gold_places:
        found = {normalize(parsed.get(k)) for k in ("container-title", "publisher")} - {""}
        tally.add("container_or_publisher", bool(found & gold_places))
    wanted = set().union(*(name_words(a) for a in gold.get("author") or []))
    if wanted:
        gold_families = set().union(*(name_words(gold_family_text(a)) for a in gold["author"])) & wanted
        families = parsed_name_words(parsed, ("family", "literal"))
        everything = parsed_name_words(parsed, ("family", "given", "literal"))
        tally.add("author_family_recall", len(gold_families & families), len(gold_families))
        tally.add("author_every_word_as_family", len(wanted & families), len(wanted))
        tally.add("author_name_recall", len(wanted & everything), len(wanted))


_SHOWN = {
    "url": ("URL_compact", "URL"),
    "url_gold_checked": ("URL_compact", "URL"),
    "year": ("issued", "issued"),
    "title": ("title", "title"),
    "container_or_publisher": ("container-title", "container-title"),
    "author_family_recall": ("author", "author"),
    "author_every_word_as_family": ("author", "author"),
    "author_name_recall": ("author", "author"),
}


def print_misses(path: str | Path, field: str) -> None:
    gold_key, parsed_key = _SHOWN[field]
    for row in _rows(path):
        tally, parsed = Tally(), parse_reference(row["raw"])
        score_row(tally, row["gold"], parsed, row.get("id", ""))
        if tally.totals.get(field) and tally.hits[field] < tally.totals[field]:
            print(f"{row.get('id', '')}\n  raw    {row['raw']}")
            print(f"  gold   {row['gold'].get(gold_key)} | {row['gold'].get('publisher', '')}")
            print(f"  parsed {parsed.get(parsed_key)} | {parsed.get('publisher', '')}")


def _rows(path: str | Path):
    with open(path, encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())


def score_file(path: str | Path) -> tuple[dict[str, float], dict[str, int]]:
    tally = Tally()
    for row in _rows(path):
        score_row(tally, row["gold"], parse_reference(row["raw"]), row.get("id", ""))
    return tally.scores(), tally.totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval", nargs="?", default=DEFAULT_EVAL, type=Path,
                        help="labelled reference strings, one JSON object a line (default: %(default)s)")
    parser.add_argument("--misses", choices=sorted(_SHOWN), help="print the items that fall short on this field")
    args = parser.parse_args(argv)
    if not args.eval.is_file():
        print(f"error: {args.eval}: evaluation file not found — pass its path as the first argument",
              file=sys.stderr)
        return 1
    if args.misses:
        print_misses(args.eval, args.misses)
        return 0
    scores, totals = score_file(args.eval)
    print(f"refparse scores on {args.eval}")
    for field, value in scores.items():
        print(f"  {field:<24} {value:.3f}  (n={totals[field]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
