"""How many entries that read as prose the references stage makes from real CRS footnotes (no gold labels).

    PYTHONPATH=. python bench/notes_probe.py [--show]

The 250 footnotes of bench/data/crs-footnotes-probe.jsonl (13 CRS reports that are not among
../shared/eval/documents) become the pandoc footnotes of one invented Markdown seed, which the clean and
references stages read as a build does. An entry counts as prose when its title is empty, opens in lower
case or runs past 25 words, or when a name of its authors holds a digit or "for": signs that an
explanation, not a work, became the entry. The count is crude (a long real title counts too); it says
whether a change to note reading makes more or fewer such entries, and --show lists them. The set was
used for error analysis when it was collected, so it is study data now, not a check.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.core.config import validate_config  # noqa: E402
from pipeline.intake.clean import clean_seed  # noqa: E402
from pipeline.references.extract import build_references  # noqa: E402

PROBE = Path(__file__).resolve().parent / "data" / "crs-footnotes-probe.jsonl"
MAX_TITLE_WORDS = 25


def probe_seed(notes: list[str]) -> str:
    """A Markdown seed citing each note once, in order, as a pandoc footnote."""
    head = ['---', 'title: "Probe of footnotes"', 'author: "Ann Probe"', "date: 2025-01-01", "---", "", "# Text", ""]
    body = [f"The programme changed in year {n} of the review.[^{n}]\n" for n in range(1, len(notes) + 1)]
    return "\n".join(head + body + [f"[^{n}]: {note}" for n, note in enumerate(notes, 1)]) + "\n"


def reads_as_prose(item: dict) -> bool:
    title = " ".join(str(item.get("title") or "").split())
    names = [str(name.get("family") or name.get("literal") or "") for name in item.get("author") or []]
    return (not title or title[:1].islower() or len(title.split()) > MAX_TITLE_WORDS
            or any(any(ch.isdigit() for ch in name) or " for " in name for name in names))


def probe_entries(notes: list[str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        seed = Path(folder) / "probe.md"
        seed.write_text(probe_seed(notes), encoding="utf-8")
        with contextlib.redirect_stderr(io.StringIO()):  # the stages' warnings about the invented text
            document = clean_seed(str(seed), "probe", validate_config({}), {})
            return build_references(document)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the entries that read as prose")
    args = parser.parse_args(argv)
    notes = [json.loads(line)["raw"] for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip()]
    entries = probe_entries(notes)
    prose = [entry for entry in entries if reads_as_prose(entry)]
    print(f"{len(notes)} footnotes -> {len(entries)} entries, {len(prose)} read as prose")
    for entry in prose if args.show else []:
        print(f"  [{entry.get('citation-number')}] {entry.get('type')}: {str(entry.get('title'))[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
