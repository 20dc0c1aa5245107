"""Score document intake (the clean stage) on CRS products, each a Markdown web capture and a PDF.

    PYTHONPATH=. python bench/intake_score.py [EVAL] [--format md|pdf|all] [--json] [--show-failures N]
        [--show-debris] [--failures-from study|check|all]

Data: EVAL (default ../shared/eval/documents beside the repository) holds `<stem>.md`, `<stem>.pdf`
and `gold.jsonl` (its README says how each gold field was made). Each file goes through
`pipeline.intake.clean.clean_seed` with the default settings, as the build runs it; a PipelineError,
any other exception or a skipped document is a failed seed, listed with its error, and then
scores as an empty document (no metadata, no notes, no body) in every figure. A document without
a PDF is left out of the PDF figures.

Split: the products are split once into a `study` half (for looking at failures) and a `check`
half (for measuring what was not tuned on): a product goes to `check` when the first byte of the
SHA-256 of its gold `report_number` (UTF-8) is odd. Hashing the product number, not the file
stem, keeps two versions of one product in one half. Figures are printed for both halves and the
whole; --show-failures lists items of the study half unless --failures-from says otherwise.

Figures (targets in brackets; `*` marks a figure short of its target):
- failed seeds [0];
- title [>= 0.95]: equal after case folding, punctuation and symbols turned into spaces,
  whitespace collapsed;
- authors [>= 0.95]: the set of gold family names ("Family, Given": the part before the comma)
  equals the set of family names of the document's display names (the last word that is not a
  generational suffix, bench/intake_metrics.py); names compared by their letters and digits only;
- date [>= 0.95]: the first ten characters of the document's ISO `date` equal `publication_date`;
- url [>= 0.95]: equal after dropping the scheme, a leading "www." and a trailing slash (the host
  case-folded; path and query kept, so a search-result query string counts as wrong);
- notes recall and precision [>= 0.95]: a gold footnote is found when a predicted note has its
  number and a token-bag F1 with its text of at least 0.8, each predicted note finding at most
  one; recall = found / gold footnotes, precision = notes that found one / predicted notes, both
  pooled over documents (notes predicted for a document without footnotes all count as wrong);
- body F1 [>= 0.95 Markdown, >= 0.93 PDF]: bag of words (letter-and-digit runs, case-folded,
  repeats counted) of every paragraph's text (headings, paragraphs, list items) against gold
  `body_text`, micro-averaged (overlaps and sizes summed over documents); precision and recall
  beside it;
- debris share [<= 0.01]: share of all predicted paragraphs that carry Markdown syntax or are
  chrome. Markdown syntax: `**`, `__`, `](`, `[^`, a backtick, a `|`, an HTML tag or comment,
  or at the start a bullet (`- `, `* `, `+ `) or an ATX heading marker. Chrome: a paragraph of at
  most 12 words whose word sequence (the tokens above) is not a contiguous run of the gold body's
  word sequence, or a paragraph with no word at all. The gold body keeps the capture's conversion
  artefacts (words glued at a link's edge, ordinals that lost their suffix: "119 Congress"), so
  the run is looked for with ordinal suffixes dropped on both sides and with spaces between the
  words free to be lost or added (at word starts and ends): a PDF heading "119th Congress" or a
  capture's "IncentiveProgram" is the document's text, not chrome. Short document text the gold
  leaves out (a text box's heading, a table cell read as a paragraph) still counts.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Run as a script, the repository's root is not on the path; its `bench` folder must be, as the
# tests import it (one copy of the metrics module, whichever way this starts).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import intake_metrics as metrics  # noqa: E402
from pipeline.core.config import validate_config  # noqa: E402
from pipeline.core.errors import PipelineError  # noqa: E402
from pipeline.intake.clean import clean_seed  # noqa: E402

DEFAULT_EVAL = metrics.DEFAULT_EVAL
FORMATS = {"md": ("markdown", ".md"), "pdf": ("pdf", ".pdf")}
HALVES = ("study", "check", "all")
# (name, label, shown as, comparison, target); a figure without a target is shown for context.
FIGURES = [
    ("failed_seeds", "failed seeds", "count", "<=", 0),
    ("title", "title", "share", ">=", 0.95),
    ("authors", "author family names", "share", ">=", 0.95),
    ("date", "date", "share", ">=", 0.95),
    ("url", "url", "share", ">=", 0.95),
    ("notes_recall", "notes recall", "share", ">=", 0.95),
    ("notes_precision", "notes precision", "share", ">=", 0.95),
    ("body_f1", "body bag-of-words F1", "share", ">=", {"markdown": 0.95, "pdf": 0.93}),
    ("body_precision", "  body precision", "share", None, None),
    ("body_recall", "  body recall", "share", None, None),
    ("debris_share", "debris share (chrome or syntax)", "share", "<=", 0.01),
    ("syntax_share", "  with Markdown syntax", "share", None, None),
    ("chrome_share", "  chrome", "share", None, None),
]


@dataclass
class DocumentScore:
    stem: str
    half: str
    failure: str | None
    title: bool
    authors: bool
    date: bool
    url: bool
    notes_gold: int
    notes_found: int
    notes_predicted: int
    body_overlap: int
    body_predicted: int
    body_gold: int
    paragraphs: int
    flagged: list[tuple[str, str]]  # (reason, paragraph text) of debris paragraphs
    details: dict = field(default_factory=dict)  # what the failure listings show


def run_intake(path: Path, settings: dict) -> tuple[dict | None, str | None]:
    """(document, None), or (None, the error) when the seed failed in any way."""
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # the stage's warnings; the document keeps them
            document = clean_seed(str(path), path.stem, settings, sources={})
    except PipelineError as error:
        return None, f"PipelineError: {error.problem}"
    except Exception as error:  # the benchmark never dies: a crash is a failed seed, named by its type
        return None, f"{type(error).__name__}: {' '.join(str(error).split())[:300]}"
    if document.get("status") != "ok":
        return None, f"skipped: {document.get('error')}"
    return document, None


EMPTY_DOCUMENT = {"title": None, "authors": [], "date": None, "url": None, "notes": [], "paragraphs": []}


def score_document(row: dict, document: dict | None, failure: str | None) -> DocumentScore:
    document = document or EMPTY_DOCUMENT
    paragraphs = [p.get("text") or "" for p in document.get("paragraphs") or []]
    predicted_words, gold_words = metrics.tokens(" ".join(paragraphs)), metrics.tokens(row.get("body_text") or "")
    gold_notes = [(note["n"], note["text"]) for note in row.get("footnotes") or []]
    notes = [(note.get("number"), note.get("text") or "") for note in document.get("notes") or []]
    found = metrics.match_notes(gold_notes, notes)
    authors = [str(name) for name in document.get("authors") or []]
    title = metrics.normalize_title(document.get("title"))
    return DocumentScore(
        stem=row["stem"], half=metrics.split_half(row["report_number"]), failure=failure,
        title=bool(row.get("title")) and title == metrics.normalize_title(row["title"]),
        authors=metrics.families_match(row.get("authors") or [], authors),
        date=(document.get("date") or "")[:10] == row.get("publication_date"),
        url=metrics.normalize_url(document.get("url")) == metrics.normalize_url(row.get("url")),
        notes_gold=len(gold_notes), notes_found=len(found), notes_predicted=len(notes),
        body_overlap=metrics.bag_overlap(predicted_words, gold_words), body_predicted=len(predicted_words),
        body_gold=len(gold_words), paragraphs=len(paragraphs),
        flagged=debris_paragraphs(paragraphs, metrics.chrome_reference(row.get("body_text") or "")),
        details={"title": (document.get("title"), row.get("title")), "authors": (authors, row.get("authors")),
                 "date": (document.get("date"), row.get("publication_date")),
                 "url": (document.get("url"), row.get("url")),
                 "missed_notes": [note for i, note in enumerate(gold_notes) if i not in found][:3],
                 "notes": notes[:3], **body_differences(paragraphs, (row.get("body_text") or "").splitlines())})


def body_differences(paragraphs: list[str], gold_lines: list[str]) -> dict:
    """The longest paragraphs whose words are no run of the gold body, and the gold lines none of ours holds."""
    gold_body, ours = metrics.padded_sequence(" ".join(gold_lines)), metrics.padded_sequence(" ".join(paragraphs))
    extra = sorted((p for p in paragraphs if metrics.padded_sequence(p) not in gold_body), key=len, reverse=True)
    missing = [line for line in gold_lines if metrics.tokens(line) and metrics.padded_sequence(line) not in ours]
    return {"extra_paragraphs": extra[:3], "missing_lines": missing[:3], "missing_line_count": len(missing)}


def debris_paragraphs(paragraphs: list[str], reference: str) -> list[tuple[str, str]]:
    flagged = []
    for text in paragraphs:
        reasons = [name for name, hit in (("syntax", metrics.carries_markdown_syntax(text)),
                                          ("chrome", metrics.is_chrome(text, reference))) if hit]
        if reasons:
            flagged.append(("+".join(reasons), text))
    return flagged


def figures(scores: list[DocumentScore]) -> dict[str, dict]:
    """Every figure as {"value", "hit", "total"}; value None when there is nothing to measure."""
    def share(hit: int, total: int) -> dict:
        return {"value": hit / total if total else None, "hit": hit, "total": total}

    def total(name: str) -> int:
        return sum(getattr(score, name) for score in scores)

    overlap, predicted, gold = total("body_overlap"), total("body_predicted"), total("body_gold")
    flagged = [reason for score in scores for reason, _ in score.flagged]
    failed = sum(score.failure is not None for score in scores)
    return {
        "failed_seeds": {"value": failed, "hit": failed, "total": len(scores)},
        **{name: share(total(name), len(scores)) for name in ("title", "authors", "date", "url")},
        "notes_recall": share(total("notes_found"), total("notes_gold")),
        "notes_precision": share(total("notes_found"), total("notes_predicted")),
        "body_f1": share(2 * overlap, predicted + gold),
        "body_precision": share(overlap, predicted),
        "body_recall": share(overlap, gold),
        "debris_share": share(len(flagged), total("paragraphs")),
        "syntax_share": share(sum("syntax" in reason for reason in flagged), total("paragraphs")),
        "chrome_share": share(sum("chrome" in reason for reason in flagged), total("paragraphs")),
    }


def target_of(figure: tuple, fmt: str):
    target = figure[4]
    return target.get(fmt) if isinstance(target, dict) else target


def targets(fmt: str) -> dict[str, list]:
    """{figure: [comparison, target]} for the figures that have a target."""
    return {figure[0]: [figure[3], target_of(figure, fmt)] for figure in FIGURES if figure[3]}


def meets(value, comparison: str | None, target) -> bool | None:
    if comparison is None or value is None:
        return None
    return value >= target if comparison == ">=" else value <= target


def score_format(folder: Path, rows: list[dict], extension: str, settings: dict) -> list[DocumentScore]:
    scores = []
    for row in rows:
        path = folder / f"{row['stem']}{extension}"
        if path.is_file():
            scores.append(score_document(row, *run_intake(path, settings)))
    return scores


def by_half(scores: list[DocumentScore]) -> dict[str, dict]:
    return {half: figures([s for s in scores if half == "all" or s.half == half]) for half in HALVES}


def cell(figure: tuple, entry: dict, fmt: str) -> str:
    value = entry["value"]
    if value is None:
        return "n/a"
    short = meets(value, figure[3], target_of(figure, fmt)) is False
    if figure[2] == "count":
        text = f"{value} of {entry['total']}"
    elif figure[0].startswith("body_"):  # word counts: the fraction says nothing more
        text = f"{value:.3f}"
    else:
        text = f"{value:.3f} ({entry['hit']}/{entry['total']})"
    return text + (" *" if short else "")


def print_table(fmt: str, results: dict[str, dict]) -> None:
    sizes = {half: results[half]["failed_seeds"]["total"] for half in HALVES}
    print(f"\n{fmt}: {sizes['all']} documents (study {sizes['study']}, check {sizes['check']})")
    print(f"  {'figure':<34}{'study':<22}{'check':<22}{'all':<22}target")
    for figure in FIGURES:
        name, label, _, comparison, _ = figure
        target = "" if comparison is None else f"{comparison} {target_of(figure, fmt)}"
        row = "".join(f"{cell(figure, results[half][name], fmt):<22}" for half in HALVES)
        print(f"  {label:<34}{row}{target}")


def print_failures(scores: list[DocumentScore], limit: int) -> None:
    """The worst items of each figure, worst first; failed seeds only under their own heading."""
    read = [s for s in scores if not s.failure]
    section("failed seeds", [f"{s.stem}: {s.failure}" for s in scores if s.failure], limit)
    for name in ("title", "authors", "date", "url"):
        section(name, [f"{s.stem}\n      got  {s.details[name][0]!r}\n      gold {s.details[name][1]!r}"
                       for s in read if not getattr(s, name)], limit)
    section("notes recall", [missed_notes(s) for s in sorted(read, key=lambda s: s.notes_found / max(1, s.notes_gold))
                             if s.notes_found < s.notes_gold], limit)
    section("notes precision", [wrong_notes(s) for s in sorted(read, key=notes_precision)
                                if s.notes_found < s.notes_predicted], limit)
    section("body F1", [body_lines(s) for s in sorted(read, key=body_f1)], limit)
    section("debris", [debris_lines(s) for s in sorted(read, key=lambda s: -len(s.flagged) / max(1, s.paragraphs))
                       if s.flagged], limit)


def notes_precision(score: DocumentScore) -> float:
    return score.notes_found / score.notes_predicted if score.notes_predicted else 1.0


def body_f1(score: DocumentScore) -> float:
    return 2 * score.body_overlap / max(1, score.body_predicted + score.body_gold)


def missed_notes(s: DocumentScore) -> str:
    return (f"{s.stem}: found {s.notes_found} of {s.notes_gold} (predicted {s.notes_predicted})"
            f"\n      missed    {s.details['missed_notes'][:2]!r}\n      predicted {s.details['notes'][:2]!r}")


def wrong_notes(s: DocumentScore) -> str:
    return (f"{s.stem}: {s.notes_predicted - s.notes_found} of {s.notes_predicted} predicted notes find no footnote"
            f"\n      predicted {s.details['notes'][:2]!r}")


def body_lines(s: DocumentScore) -> str:
    head = f"{s.stem}: F1 {body_f1(s):.3f}, {s.details['missing_line_count']} gold lines missing"
    extra = "".join(f"\n      extra   {text[:110]!r}" for text in s.details["extra_paragraphs"])
    return head + extra + "".join(f"\n      missing {text[:110]!r}" for text in s.details["missing_lines"])


def debris_lines(s: DocumentScore) -> str:
    shown = "".join(f"\n      [{reason}] {text[:110]!r}" for reason, text in spread(s.flagged, 8))
    return f"{s.stem}: {len(s.flagged)} of {s.paragraphs} paragraphs" + shown


def print_debris(fmt: str, half: str, scores: list[DocumentScore]) -> None:
    flagged = [(s.stem, reason, text) for s in scores for reason, text in s.flagged]
    print(f"\n{fmt}: {len(flagged)} debris paragraphs in the {half} half")
    for stem, reason, text in flagged:
        print(f"  {stem[:24]:<24} [{reason}] {text[:140]!r}")


def spread(items: list, count: int) -> list:
    """`count` items taken evenly from first to last: debris at the top of a page looks alike."""
    if len(items) <= count:
        return items
    return [items[round(i * (len(items) - 1) / (count - 1))] for i in range(count)]


def section(title: str, lines: list[str], limit: int) -> None:
    print(f"\n-- {title}: {len(lines)} items" + (f", {limit} shown" if len(lines) > limit else ""))
    for line in lines[:limit]:
        print(f"  {line}")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval", nargs="?", type=Path, default=DEFAULT_EVAL,
                        help="the folder of <stem>.md, <stem>.pdf and gold.jsonl (default: %(default)s)")
    parser.add_argument("--format", choices=["md", "pdf", "all"], default="all", help="which files to score")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N",
                        help="list the N worst items of each figure after the table (with --json: add every "
                             "document's scores)")
    parser.add_argument("--failures-from", choices=HALVES, default="study",
                        help="the half whose items --show-failures and --show-debris list (default: %(default)s)")
    parser.add_argument("--show-debris", action="store_true",
                        help="list every debris paragraph of that half, with its document and reason")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.eval / "gold.jsonl").is_file():
        print(f"error: {args.eval}: no gold.jsonl there — pass the documents eval folder as the argument",
              file=sys.stderr)
        return 1
    rows, settings = metrics.load_gold(args.eval), validate_config({})
    chosen = ["md", "pdf"] if args.format == "all" else [args.format]
    split = {half: [row["stem"] for row in rows if metrics.split_half(row["report_number"]) == half]
             for half in HALVES[:2]}
    report = {"eval": str(args.eval), "split": split, "formats": {}}
    for key in chosen:
        fmt, extension = FORMATS[key]
        scores = score_format(args.eval, rows, extension, settings)
        results = by_half(scores)
        report["formats"][fmt] = {"figures": results, "targets": targets(fmt),
                                  "failed": {s.stem: s.failure for s in scores if s.failure},
                                  "documents": [asdict(s) for s in scores] if args.show_failures else None}
        if not args.json:
            print_table(fmt, results)
            shown = [s for s in scores if args.failures_from == "all" or s.half == args.failures_from]
            if args.show_failures:
                print(f"\n{fmt}: worst items of the {args.failures_from} half")
                print_failures(shown, args.show_failures)
            if args.show_debris:
                print_debris(fmt, args.failures_from, shown)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    elif chosen:
        print("\n* short of target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
