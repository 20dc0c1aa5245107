"""Score the PDF reader (pipeline.intake.formats.pdf) on PDFs with a gold body text and footnotes.

Usage: PYTHONPATH=. python bench/pdf_score.py [--eval DIR] [STEM ...]   (default DIR:
../shared/eval/documents relative to the repository root, whose gold.jsonl gives, per document,
`pdf_file`, `body_text` and `footnotes` [{"n", "text"}]).

Per document and on average:
- order: word-level Levenshtein similarity of the reader's body text (the lines it marks as not the
  document's text, [n] markers and the "# " and "• " prefixes left out) to the gold body, so words
  out of reading order cost as much as missing ones;
- precision / recall: the bag of words the two share, over the reader's words and over the gold's
  (low precision: text the gold leaves out that the reader kept, such as tables, captions, notices);
- notes: gold footnotes, the reader's notes, and those with the gold's number whose text matches the
  gold's at a fuzz ratio of 90 or more (quotes curled alike).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bench.intake_metrics import DEFAULT_EVAL, load_gold
from pipeline.core.errors import PipelineError
from pipeline.intake.formats.pdf import extract_pdf


def words(text: str) -> list[str]:
    text = re.sub(r"\[\d+\]", "", text).replace("’", "'").replace("‘", "'")
    return re.findall(r"\w+", text.casefold())


def plain_quotes(text: str) -> str:
    return text.translate(str.maketrans("“”‘’", "\"\"''"))


def score(gold: dict, pdf: Path) -> dict:
    started = time.perf_counter()
    found = extract_pdf(pdf.read_bytes(), str(pdf))
    kept = [line for number, line in enumerate(found.text.split("\n"), start=1) if number not in found.dropped_lines]
    ours, theirs = words("\n".join(kept)), words(gold["body_text"])
    shared = sum((Counter(ours) & Counter(theirs)).values())
    notes = {note["number"]: plain_quotes(note["text"]) for note in found.notes}
    matched = sum(1 for note in gold["footnotes"]
                  if note["n"] in notes and fuzz.ratio(notes[note["n"]], plain_quotes(note["text"])) >= 90)
    return {"order": Levenshtein.normalized_similarity(ours, theirs), "precision": shared / max(1, len(ours)),
            "recall": shared / max(1, len(theirs)), "gold_notes": len(gold["footnotes"]), "notes": len(notes),
            "matched_notes": matched, "seconds": time.perf_counter() - started}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder with gold.jsonl and the PDFs")
    parser.add_argument("stems", nargs="*", help="score only these documents (gold `stem`)")
    args = parser.parse_args(argv)
    golds = [gold for gold in load_gold(args.eval) if not args.stems or gold["stem"] in args.stems]
    results = []
    for gold in golds:
        try:
            result = score(gold, args.eval / gold["pdf_file"])
        except PipelineError as error:
            print(f"{gold['stem'][:48]:48} {error.one_line()}")
            continue
        results.append(result)
        print(f"{gold['stem'][:48]:48} order={result['order']:.3f} P={result['precision']:.3f} "
              f"R={result['recall']:.3f} notes {result['matched_notes']}/{result['gold_notes']} "
              f"(read {result['notes']}) {result['seconds']:.1f}s")
    if not results:
        return 1
    mean = {key: sum(r[key] for r in results) / len(results) for key in ("order", "precision", "recall")}
    notes = {key: sum(r[key] for r in results) for key in ("gold_notes", "notes", "matched_notes")}
    print(f"mean of {len(results)}: order={mean['order']:.3f} P={mean['precision']:.3f} R={mean['recall']:.3f}; "
          f"notes matched {notes['matched_notes']}/{notes['gold_notes']} (read {notes['notes']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
