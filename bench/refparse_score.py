"""Score pipeline.references.parse.reference on labelled reference strings, study and check halves side by side.

Usage: python bench/refparse_score.py [EVAL.jsonl] [--study-only] [--misses FIELD [--include-check]]
- Without EVAL: scores four sets and prints one table, a column each: the AnyStyle dev set
  (../shared/eval/refparse/anystyle-dev.jsonl) split into its study and check halves, and the hand-labelled
  strings of bench/data/references-labelled.jsonl (web pages, news, reports, bills, laws, cases, speeches,
  letters, books, articles: bench/data/README.md) split the same way, and the two web sets
  (bench/data/references-labelled-web.jsonl and -web2.jsonl: reference lists, notes and citation guides of public
  pages), all of them study data; then title and year by gold `type` for the labelled halves and the web set. The splits
  are stored in bench/data/ (bench/refparse_split.py made them once).
  Tune on the study halves only; the check halves say how the parser does on strings nobody tuned it on.
  --study-only leaves the check columns out, so that work in progress never sees them.
- With EVAL: scores that one file, as before.
- --misses FIELD prints, for each item that falls short on FIELD, the raw string, the gold and the parsed
  values: the error analysis to start from. It reads the study halves only (of both sets, or of EVAL when
  EVAL is one of the split files); --include-check adds the check halves, for a final look, not for tuning.
One JSON object a line: `raw` and `gold` (see shared/eval/README.md and bench/data/README.md).

Fields, each over the items whose gold has that field:
- url: exact match with gold `URL_compact` (the labelled set, which has none, gives `URL`), invisible
  format characters (soft hyphens, zero-width spaces: Unicode category Cf) removed from both, since a PDF
  line break leaves them and no URL contains them;
- url_gold_checked: the same, leaving out the items listed in bench/refparse_gold_url_errors.json, whose
  gold is not the reference's URL (an access note glued on, a bare "http://", a volume number), each
  checked by hand; printed beside the url score, never instead of it; AnyStyle data only (`URL_compact`);
- year: first year of `issued`, over the items whose gold has a year;
- year_strict: over every item, the parsed year equals the gold year, and an item whose gold has no year
  must parse with none: a year read out of "S. 2093" or "P.L. 114-17" is an error. Only for sets whose gold
  states a type (the hand-labelled set), whose labels leave `issued` out on purpose when the string states
  no date; the AnyStyle gold leaves it out by oversight too often to count against the parser;
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
from refparse_split import (  # noqa: E402  (a sibling module of this script)
    DEV_EVAL,
    DEV_SPLIT,
    LABELLED,
    LABELLED_SPLIT,
    LABELLED_WEB,
    LABELLED_WEB2,
    LABELLED_WEB3,
    WEB3_SPLIT,
    read_rows,
    split_dev,
    split_labelled,
)

REPO_ROOT = Path(__file__).resolve().parent.parent

GOLD_URL_ERRORS = json.loads((Path(__file__).resolve().parent / "refparse_gold_url_errors.json").read_text("utf-8"))
DEFAULT_EVAL = DEV_EVAL
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
    gold_url = without_format_characters(gold.get("URL_compact") or gold.get("URL"))
    if gold_url:
        parsed_url = without_format_characters(parsed.get("URL"))
        tally.add("url", parsed_url == gold_url)
        if gold.get("URL_compact") and item_id not in GOLD_URL_ERRORS:
            tally.add("url_gold_checked", parsed_url == gold_url)
    if gold.get("issued"):
        tally.add("year", _year(parsed) == _year(gold))
    if gold.get("type"):
        tally.add("year_strict", _year(parsed) == _year(gold))
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
    "year_strict": ("issued", "issued"),
    "title": ("title", "title"),
    "container_or_publisher": ("container-title", "container-title"),
    "author_family_recall": ("author", "author"),
    "author_every_word_as_family": ("author", "author"),
    "author_name_recall": ("author", "author"),
}
# The table's rows, in this order; the two stricter author figures stay in the single-file output.
TABLE_FIELDS = ("title", "container_or_publisher", "author_family_recall", "year", "year_strict", "url",
                "url_gold_checked")


def print_misses(rows: list[dict], field: str) -> None:
    gold_key, parsed_key = _SHOWN[field]
    for row in rows:
        tally, parsed = Tally(), parse_reference(row["raw"])
        score_row(tally, row["gold"], parsed, row.get("id", ""))
        if tally.totals.get(field) and tally.hits[field] < tally.totals[field]:
            gold_value = row["gold"].get(gold_key, row["gold"].get("URL")) if gold_key == "URL_compact" else \
                row["gold"].get(gold_key)
            print(f"{row.get('id') or row.get('source', '')}\n  raw    {row['raw']}")
            print(f"  gold   {gold_value} | {row['gold'].get('publisher', '')}")
            print(f"  parsed {parsed.get(parsed_key)} | {parsed.get('publisher', '')}")


def _rows(path: str | Path):
    with open(path, encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())


def score_rows(rows) -> tuple[dict[str, float], dict[str, int]]:
    tally = Tally()
    for row in rows:
        score_row(tally, row["gold"], parse_reference(row["raw"]), row.get("id", ""))
    return tally.scores(), tally.totals


def score_file(path: str | Path) -> tuple[dict[str, float], dict[str, int]]:
    return score_rows(_rows(path))


def load_sets(dev_path: Path = DEV_EVAL, labelled_path: Path = LABELLED,
              web_path: Path = LABELLED_WEB, web2_path: Path = LABELLED_WEB2) -> dict[str, list[dict]]:
    """The halves by their stored splits: dev study, dev check, labelled study, labelled check; the two web
    sets, which are study data only; then the third web set's study and check halves."""
    dev_study, dev_check = split_dev(read_rows(dev_path), json.loads(DEV_SPLIT.read_text("utf-8")))
    labelled_study, labelled_check = split_labelled(read_rows(labelled_path),
                                                    json.loads(LABELLED_SPLIT.read_text("utf-8")))
    web3_study, web3_check = split_labelled(read_rows(LABELLED_WEB3), json.loads(WEB3_SPLIT.read_text("utf-8")))
    return {"dev study": dev_study, "dev check": dev_check,
            "labelled study": labelled_study, "labelled check": labelled_check, "web study": read_rows(web_path),
            "web2 study": read_rows(web2_path), "web3 study": web3_study, "web3 check": web3_check}


def study_rows(path: Path) -> list[dict]:
    """The rows of `path` left for error analysis: its study half when it is a split file, else all of it."""
    rows = read_rows(path)
    if path.resolve() == DEV_EVAL.resolve():
        return split_dev(rows, json.loads(DEV_SPLIT.read_text("utf-8")))[0]
    if path.resolve() == LABELLED.resolve():
        return split_labelled(rows, json.loads(LABELLED_SPLIT.read_text("utf-8")))[0]
    if path.resolve() == LABELLED_WEB3.resolve():
        return split_labelled(rows, json.loads(WEB3_SPLIT.read_text("utf-8")))[0]
    return rows


def _cell(scores: dict[str, float], totals: dict[str, int], field: str) -> str:
    return f"{scores[field]:.3f} ({totals[field]:>3})" if totals.get(field) else "—"


def format_table(results: dict[str, tuple[dict[str, float], dict[str, int]]]) -> list[str]:
    """One row a field, one column a set: 'score (n)', '—' where the field does not apply."""
    names = list(results)
    lines = [f"| {'field':<24} | " + " | ".join(f"{name:<14}" for name in names) + " |",
             "|" + "-" * 26 + "|" + "|".join("-" * 16 for _ in names) + "|"]
    for field in TABLE_FIELDS:
        cells = [_cell(*results[name], field) for name in names]
        lines.append(f"| {field:<24} | " + " | ".join(f"{cell:<14}" for cell in cells) + " |")
    return lines


def format_by_type(halves: dict[str, list[dict]]) -> list[str]:
    """Title and year_strict per gold type, one pair of columns per half."""
    by_half = {name: {} for name in halves}
    for name, rows in halves.items():
        for row in rows:
            by_half[name].setdefault(row["gold"]["type"], []).append(row)
    kinds = sorted({kind for rows in by_half.values() for kind in rows})
    header = " | ".join(f"{name + ' title':<20} | {name + ' year_strict':<26}" for name in halves)
    lines = [f"| {'type':<22} | {header} |", "|" + "-" * 24 + ("|" + "-" * 22 + "|" + "-" * 28) * len(halves) + "|"]
    for kind in kinds:
        cells = []
        for name in halves:
            scores, totals = score_rows(by_half[name].get(kind, []))
            cells.append(f"{_cell(scores, totals, 'title'):<20} | {_cell(scores, totals, 'year_strict'):<26}")
        lines.append(f"| {kind:<22} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval", nargs="?", type=Path,
                        help="score this one file of labelled reference strings instead of the four halves")
    parser.add_argument("--misses", choices=sorted(_SHOWN),
                        help="print the study-half items that fall short on this field")
    parser.add_argument("--include-check", action="store_true", help="with --misses, show the check halves' misses too")
    parser.add_argument("--study-only", action="store_true",
                        help="leave the check halves out of the table: the figures to tune on")
    args = parser.parse_args(argv)
    for path in [args.eval] if args.eval else [DEV_EVAL, LABELLED]:
        if not path.is_file():
            print(f"error: {path}: evaluation file not found — pass its path as the first argument", file=sys.stderr)
            return 1
    if args.misses:
        paths = [args.eval] if args.eval else [DEV_EVAL, LABELLED, LABELLED_WEB, LABELLED_WEB2]
        for path in paths:
            print_misses(read_rows(path) if args.include_check else study_rows(path), args.misses)
        return 0
    if args.eval:
        scores, totals = score_file(args.eval)
        print(f"refparse scores on {args.eval}")
        for field, value in scores.items():
            print(f"  {field:<24} {value:.3f}  (n={totals[field]})")
        return 0
    sets = load_sets()
    if args.study_only:
        sets = {name: rows for name, rows in sets.items() if "check" not in name}
    print("refparse scores, study and check halves (score (n); — where the field does not apply)")
    print("\n".join(format_table({name: score_rows(rows) for name, rows in sets.items()})))
    print("\nhand-labelled set by type")
    by_type = {"study": sets["labelled study"], "check": sets.get("labelled check"), "web": sets["web study"],
               "web2": sets["web2 study"], "web3 study": sets["web3 study"], "web3 check": sets.get("web3 check")}
    print("\n".join(format_by_type({name: rows for name, rows in by_type.items() if rows is not None})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
