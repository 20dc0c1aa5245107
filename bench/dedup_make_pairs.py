"""Make invented raw-string pairs for de-duplication: one work rendered in several styles, and hard negatives.

    python bench/dedup_make_pairs.py [--source TRAIN.jsonl] [--works 400]
                                     [--output bench/data/dedup-pairs-invented.jsonl]

A second set beside the LinkedBooks pairs, of other domains (academic articles in many fields and
styles): each work is a labelled reference of GROBID's citation training corpus
(`shared/train/references/grobid/train.jsonl`, CC BY 4.0, GROBID / Patrice Lopez), written once as
it was printed and once or twice more from its labelled fields, through another style (APA,
Vancouver, Chicago, IEEE, MLA) with the variations one work meets across bibliographies: the title in
capitals or lower case, a bracketed language note, only the first page or another page range, a
conference suffix on the journal's name, "et al.", no volume. Those strings are one work (label 1).
Label 0 pairs are works that really differ: the nearest other work by title words and first author,
an erratum of the article, and the article published again in another year.

Rows have the LinkedBooks shape (a, a_id, b, b_id, label, cluster_file) plus `half`: the groups of
works that pairs connect are split study/check by a hash of their first work's id (fixed, so a rerun
gives the same file). Tune on the study half only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaldata import REPO_ROOT  # noqa: E402

SEED = 20261205
TRAIN = REPO_ROOT / ".." / "shared" / "train" / "references" / "grobid" / "train.jsonl"
OUTPUT = Path(__file__).resolve().parent / "data" / "dedup-pairs-invented.jsonl"
LANGUAGES = ("Spanish", "German", "French", "Italian", "Portuguese", "Russian", "Chinese", "Japanese", "Polish")
MEETINGS = ("Annual Meeting", "International Conference", "Congress", "Symposium", "Scientific Sessions")


def usable(item: dict[str, Any]) -> bool:
    gold = item["gold"]
    title = gold.get("title") or ""
    year = (gold.get("issued") or {}).get("date-parts", [[None]])[0][0]
    return (bool(gold.get("author")) and len(re.findall(r"[^\W\d_]{3,}", title)) >= 4 and isinstance(year, int)
            and bool(gold.get("container-title")) and len(item["raw"]) < 400)


def person(name: str) -> tuple[str, str]:
    """(family, initials) of a name as the corpus wrote it: "Kaas, R.", "Z. Lu", "BARIL, Jean"."""
    name = " ".join(name.split()).strip(" ,;")
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
    elif re.fullmatch(r".+\s[A-Z]{1,3}", name):  # Vancouver: "Tigertt WD"
        family, given = name.rsplit(" ", 1)
        given = " ".join(given)
    else:
        words = name.split()
        family, given = words[-1], " ".join(words[:-1])
    initials = "".join(f"{part[0].upper()}." for part in re.findall(r"[^\W\d_][\w'’]*", given))
    return family.strip(". ").capitalize() if family.isupper() else family.strip(". "), initials


def fields(item: dict[str, Any]) -> dict[str, Any]:
    gold = item["gold"]
    return {"people": [person(name) for name in gold["author"] if name.strip(" ,.;")],
            "title": " ".join(gold["title"].split()).strip(" .,"),
            "container": " ".join(gold["container-title"].split()),
            "year": gold["issued"]["date-parts"][0][0], "volume": gold.get("volume") or "",
            "issue": gold.get("issue") or "", "page": re.sub(r"\s*[-–]\s*", "-", gold.get("page") or "")}


def vary(work: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The work as another bibliography prints it: one or two of the variations of one work."""
    work = dict(work)
    for change in rng.sample(("case", "note", "pages", "meeting", "etal", "volume"), k=rng.choice((1, 2))):
        if change == "case":
            work["title"] = rng.choice((str.upper, str.lower, str.title))(work["title"])
        elif change == "note":
            work["title"] += rng.choice((" [{}]", " [in {}]", " (in {})")).format(rng.choice(LANGUAGES))
        elif change == "pages" and work["page"]:
            first = work["page"].split("-")[0]
            end = str(int(first) + rng.randrange(1, 12)) if first.isdigit() else ""
            work["page"] = rng.choice((first, f"{first}-{end}" if end else first))
        elif change == "meeting":
            work["container"] += rng.choice((f"; {work['year']} {rng.choice(MEETINGS)}",
                                             f": Abstracts of the {rng.choice(MEETINGS)}"))
        elif change == "etal" and len(work["people"]) > 1:
            work["etal"] = True
            work["people"] = work["people"][:1]
        elif change == "volume":
            work["volume"] = work["issue"] = ""
    return work


def _names(work: dict[str, Any], shape: str) -> str:
    people = work["people"]
    if shape == "apa":
        text = ", ".join(f"{family}, {given}".strip(", ") for family, given in people)
    elif shape == "vancouver":
        text = ", ".join(f"{family} {given.replace('.', '')}".strip() for family, given in people)
    else:
        text = ", ".join(f"{given} {family}".strip() for family, given in people)
    return text + (" et al." if work.get("etal") else "")


def render(work: dict[str, Any], style: str) -> str:
    names, title, container, year = _names(work, style), work["title"], work["container"], work["year"]
    volume, issue, page = work["volume"], work["issue"], work["page"]
    if style == "apa":
        numbers = f", {volume}" + (f"({issue})" if issue else "") if volume else ""
        return f"{names} ({year}). {title}. {container}{numbers}" + (f", {page}." if page else ".")
    if style == "vancouver":
        numbers = f";{volume}" + (f"({issue})" if issue else "") if volume else ""
        return f"{names}. {title}. {container}. {year}{numbers}" + (f":{page}." if page else ".")
    if style == "chicago":
        numbers = f" {volume}" + (f", no. {issue}" if issue else "") if volume else ""
        return f"{names}. “{title}.” {container}{numbers} ({year})" + (f": {page}." if page else ".")
    numbers = (f", vol. {volume}" if volume else "") + (f", no. {issue}" if issue and volume else "")
    return f"{names}, “{title},” {container}{numbers}" + (f", pp. {page}" if page else "") + f", {year}."


STYLES = ("apa", "vancouver", "chicago", "ieee")


def negatives(work: dict[str, Any], rng: random.Random) -> list[str]:
    """Other works close to this one: its erratum, and the same title in another year (a new edition)."""
    style = rng.choice(STYLES)
    notice = rng.choice(("Erratum", "Correction"))
    erratum = dict(work, title=f"{notice}: {work['title']}", page=str(rng.randrange(1, 999)))
    later = dict(work, year=work["year"] + rng.randrange(1, 6), volume="", issue="", page="")
    return [render(erratum, style), render(later, style)]


def _title_words(item: dict[str, Any]) -> set[str]:
    return {word.lower() for word in re.findall(r"[^\W\d_]{4,}", item["gold"]["title"])}


def nearest(items: Sequence[dict[str, Any]]) -> list[int]:
    """For each item, the other item sharing most title words (the first author's family name counts two)."""
    words = [_title_words(item) for item in items]
    families = [person(item["gold"]["author"][0])[0].lower() for item in items]
    best = []
    for i in range(len(items)):
        scores = [(len(words[i] & words[j]) + 2 * (families[i] == families[j]), -j)
                  for j in range(len(items)) if j != i]
        best.append(-max(scores)[1])
    return best


def make_pairs(source: Sequence[dict[str, Any]], count: int, seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    items = rng.sample([item for item in source if usable(item)], count)
    strings: dict[str, str] = {}
    rows: list[dict[str, Any]] = []

    def add(work_id: str, text: str) -> str:
        string_id = hashlib.sha256(text.encode()).hexdigest()[:16]
        strings.setdefault(string_id, text)
        return string_id

    printed = [add(str(n), " ".join(item["raw"].split())) for n, item in enumerate(items)]
    for n, item in enumerate(items):
        work = fields(item)
        styles = rng.sample(STYLES, k=rng.choice((1, 1, 2)))
        own = [printed[n]] + [add(str(n), render(vary(work, rng), style)) for style in styles]
        rows += [_row(strings, a, b, 1, n) for k, a in enumerate(own) for b in own[k + 1:] if a != b]
        if rng.random() < 0.5:
            rows += [_row(strings, rng.choice(own), add(str(n), other), 0, n) for other in negatives(work, rng)]
    for n, other in enumerate(nearest(items)):
        rows.append(_row(strings, printed[n], printed[other], 0, n))
    return _with_halves(rows)


def _row(strings: dict[str, str], a: str, b: str, label: int, work: int) -> dict[str, Any]:
    return {"a": strings[a], "a_id": a, "b": strings[b], "b_id": b, "label": label, "cluster_file": f"work-{work}"}


def _with_halves(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row's half: the connected group of works its strings belong to, hashed."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for row in rows:
        parent[find(row["a_id"])] = find(row["b_id"])
    for row in rows:
        digest = hashlib.sha256(f"{SEED}:{find(row['a_id'])}".encode()).digest()
        row["half"] = "study" if digest[0] % 2 == 0 else "check"
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(TRAIN))
    parser.add_argument("--works", type=int, default=400)
    parser.add_argument("--output", default=str(OUTPUT))
    args = parser.parse_args(argv)
    with open(args.source, encoding="utf-8") as handle:
        source = [json.loads(line) for line in handle if line.strip()]
    rows = make_pairs(source, args.works)
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    halves = {half: sum(row["half"] == half for row in rows) for half in ("study", "check")}
    print(f"{len(rows)} pairs ({sum(row['label'] == 1 for row in rows)} same-work), halves {halves}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
