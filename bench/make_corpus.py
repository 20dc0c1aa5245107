"""Make a synthetic corpus of N seeds shaped like real ones: python bench/make_corpus.py N OUTDIR [--seed S].

Writes OUTDIR/seeds/ and OUTDIR/config.yaml. Every word is generated here from an invented topic (a
shipping corridor through a strait between two invented states): titles, bylines, dates, page
debris around the article (navigation, share and subscribe lines, comment forms), paragraphs of
sentences composed from templates and slot vocabularies, numbered notes and reference lists drawn
from a pool shared across seeds (a few works cited by most seeds, most by a few, some by one), the
occasional "Ibid.", near duplicates (a syndicated copy with other debris and one sentence changed),
and mixed formats: mostly .txt, some .md (front matter and footnotes) and .html pages, and a few
.pdf made with WeasyPrint. Nothing is read from seeds/ or from any data set. The same N and --seed
give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

STATES = ["Ostravia", "Kelmar", "Dunmere", "Valcoria", "Tessaly", "Brennholt"]
PORTS = ["Port Sarrow", "Halvik", "Menth Bay", "Corrin", "Lastrea", "Olbek"]
STRAIT = "Maravel Strait"
FIRST = ["Anna", "Piotr", "Leila", "Marcus", "Ines", "Tomas", "Yara", "Dmitri", "Helen", "Kofi", "Sana",
         "Jonas", "Mei", "Rafael", "Olga", "Idris", "Clara", "Viktor", "Nadia", "Emil"]
LAST = ["Varga", "Holm", "Okafor", "Lindqvist", "Petrov", "Moreau", "Castell", "Brandt", "Novak", "Aziz",
        "Keller", "Santos", "Ivers", "Mbeki", "Rautio", "Duarte", "Falk", "Sorensen", "Kaur", "Weil"]
ROLES = ["Foreign Minister", "Defence Minister", "Transport Minister", "Prime Minister", "port director",
         "coast guard commander", "shipping analyst", "union leader", "trade envoy", "naval spokesperson"]
OUTLETS = ["Harbour Ledger", "The Strait Observer", "Northern Maritime Review", "Kelmar Daily",
           "Ostravian Herald", "Policy Brief Online", "Global Trade Monitor", "Sea Lanes Quarterly",
           "Regional Affairs Institute", "The Coastal Times", "Centre for Maritime Studies", "Freight Wire"]
CARGO = ["grain", "crude oil", "fertiliser", "containers", "liquefied gas", "steel coils", "timber"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# Sentence templates per topic; {slots} are filled from the vocabularies above.
TOPICS = {
    "blockade": [
        "{state} closed the {strait} to {cargo} tankers on {day}, stranding {num} vessels near {port}.",
        "By {day}, at least {num} ships were waiting at anchor outside {port}, according to {outlet}.",
        "The naval patrols of {state} now stop every vessel bound for {port} and inspect its {cargo}.",
        "Satellite images show {num} warships of {state} positioned across the mouth of the {strait}.",
        "Traffic through the {strait} fell by {pct} percent in the week after the patrols began.",
        "Insurers raised war-risk premiums for voyages to {port} after the closure of the {strait}.",
    ],
    "talks": [
        "Negotiators from {state} and {state2} met in {port} on {day} to discuss reopening the corridor.",
        "The draft accord would let {cargo} convoys pass under escort for {num} days at a time.",
        "Under the proposal, a joint commission would inspect cargo at {port} and report every week.",
        "Diplomats said the talks stalled over who would police the corridor and inspect the holds.",
        "A second round of talks is planned for {day}, with observers from {state2} invited.",
        "The plan would cap naval deployments in the {strait} at {num} vessels on each side.",
    ],
    "economy": [
        "{cargo_cap} prices rose by {pct} percent after the {strait} closed, traders in {port} said.",
        "Exporters in {state} estimate losses of {num} million euros a month while the corridor is shut.",
        "Shipping lines rerouted {num} voyages around the southern cape, adding nine days to each trip.",
        "Freight rates on the {port} route doubled in {month}, according to {outlet}.",
        "Farmers in {state} cannot ship {cargo} abroad and their storage is nearly full.",
        "The central bank of {state2} warned that the closure could cut growth by {pct} percent.",
    ],
    "reactions": [
        "\u201cWe will not accept a blockade of our ports,\u201d {name}, the {role} of {state}, said on {day}.",
        "{name}, {state2}'s {role}, said the closure was a violation of the law of the sea.",
        "The {role} of {state}, {name}, told {outlet} that the patrols would continue until the talks end.",
        "According to {name}, a {role}, the corridor could reopen within weeks if both sides agree.",
        "{name} welcomed the talks but said the convoys must be escorted by neutral ships.",
        "Allies of {state2} expressed concern and called for the {strait} to be reopened at once.",
    ],
}
SECTIONS = {
    "blockade": ("The closure of the strait", "The naval closure of the strait: patrols, stranded ships,"
                 " inspections and the fall in traffic.", ["closed", "closure", "patrols", "warships",
                                                            "vessels", "strait", "stranded", "inspect"]),
    "talks": ("Talks on the corridor", "Negotiations to reopen the shipping corridor: the draft accord,"
              " escorted convoys, inspections and caps on naval deployments.",
              ["talks", "negotiators", "accord", "proposal", "convoys", "commission", "plan"]),
    "economy": ("Economic effects", "What the closure costs: prices, freight rates, rerouted voyages,"
                " exporters' losses and growth.", ["prices", "freight", "losses", "exporters", "rates",
                                                     "growth", "rerouted", "euros"]),
    "reactions": ("Reactions", "How ministers, officials and allies respond to the closure and the talks.",
                  ["said", "welcomed", "concern", "violation", "told", "accept"]),
}
TITLES = ["{state} Closes the {strait}: What Comes Next", "Ships Stranded as {state} Tightens Its Grip on the {strait}",
          "Talks in {port} and the Future of the Corridor", "The Price of a Closed Strait",
          "Why the {strait} Matters for {cargo_cap} Markets", "{state} and {state2}: A Corridor in Dispute",
          "Can Convoys Reopen the {strait}?", "Inside the Negotiations over {port}"]
TOP_DEBRIS = ["Home", "News", "Analysis", "Menu", "Search", "Subscribe", "Sign in", "Share this article",
              "Listen to this article", "Advertisement", "Home > Analysis > Maritime", "Skip to content"]
BOTTOM_DEBRIS = ["Related Articles", "Leave a Reply", "Your email address will not be published.",
                 "Share on Facebook", "Share on X", "Back to top", "Read more", "Tags: shipping, security",
                 "Comments are closed.", "Subscribe to our newsletter", "All rights reserved."]


def fill(template: str, rng: random.Random, when: date) -> str:
    """A template with its slots filled; dates fall in the weeks before the article's own."""
    states = rng.sample(STATES, 2)
    day = when - timedelta(days=rng.randrange(1, 60))
    cargo = rng.choice(CARGO)
    return template.format(
        state=states[0], state2=states[1], port=rng.choice(PORTS), strait=STRAIT, cargo=cargo,
        cargo_cap=cargo[0].upper() + cargo[1:], num=f"{rng.choice([2, 3, 5, 8, 12, 20, 40, 65, 120, 300]):,}",
        pct=rng.choice([3, 5, 8, 12, 15, 20, 30]), day=f"{day.day} {MONTHS[day.month - 1]}",
        month=MONTHS[day.month - 1], outlet=rng.choice(OUTLETS), role=rng.choice(ROLES),
        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}")


REF_TITLES = ["{state} and the {strait}: {theme}", "{theme} after the closure of the {strait}",
              "{cargo_cap} shipping through {port}: {theme}", "{theme}: lessons for {state}",
              "The {strait} crisis and {theme}", "{state2}'s view of {theme}"]
THEMES = ["risks and options", "a timeline", "the legal questions", "naval posture", "insurance markets",
          "the convoy proposal", "freight and prices", "what the talks could deliver", "port congestion",
          "the law of the sea", "escort arrangements", "food security", "energy supplies", "the inspection regime"]


def reference_pool(size: int, rng: random.Random) -> list[dict]:
    """Works the seeds cite; later ones are cited less (a Zipf-like draw picks them)."""
    pool = []
    for number in range(size):
        title = fill(rng.choice(REF_TITLES).replace("{theme}", rng.choice(THEMES)), rng, date(2025, 6, 1))
        outlet = rng.choice(OUTLETS)
        authors = [(rng.choice(LAST), rng.choice(FIRST)[0]) for _ in range(rng.choice([1, 1, 2, 3]))]
        pool.append({"authors": authors, "year": rng.choice([2023, 2024, 2025]),
                     "title": title[0].upper() + title[1:], "outlet": outlet,
                     "url": f"https://{outlet.lower().replace(' ', '')}.example/{2023 + number % 3}/{number}"})
    return pool


def format_reference(work: dict, style: int) -> str:
    """One work in one of the citation styles the seeds use (a shared work reads differently per seed)."""
    names = work["authors"]
    if style == 0:
        who = ", ".join(f"{last}, {first}." for last, first in names)
        return f"{who} {work['year']}. \u201c{work['title']}.\u201d {work['outlet']}. Available at: {work['url']}"
    if style == 1:
        who = " and ".join(f"{first}. {last}" for last, first in names)
        return f"{who}, \u201c{work['title']},\u201d {work['outlet']}, {work['year']}, {work['url']}."
    who = ", ".join(f"{last}, {first}." for last, first in names)
    return f"{who} ({work['year']}). {work['title']}. {work['outlet']}. {work['url']}"


def cited_works(pool: list[dict], rng: random.Random) -> list[dict]:
    count = rng.randint(0, 12)
    picks = {min(int(rng.paretovariate(1.1)) - 1, len(pool) - 1) for _ in range(count)}
    return [pool[i] for i in sorted(picks)]


def article(index: int, rng: random.Random, pool: list[dict]) -> dict:
    """One article's parts: title, byline, date, paragraphs (with note markers) and notes."""
    when = date(2025, 1, 1) + timedelta(days=rng.randrange(0, 180))
    topics = rng.sample(list(TOPICS), rng.randint(2, 4))
    works = cited_works(pool, rng)
    style = rng.randrange(3)
    notes = [format_reference(work, style) for work in works]
    if notes and rng.random() < 0.2:
        notes.append("Ibid.")
    paragraphs, marker = [], 1
    for topic in topics:
        for _ in range(rng.randint(1, 3)):
            sentences = [fill(t, rng, when) for t in rng.sample(TOPICS[topic], rng.randint(2, 4))]
            if marker <= len(notes):
                sentences[-1] = sentences[-1][:-1] + f" [{marker}]" + sentences[-1][-1]
                marker += 1
            paragraphs.append(" ".join(sentences))
    authors = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.choice([1, 1, 1, 2]))]
    return {"title": fill(rng.choice(TITLES), rng, when), "authors": authors, "date": when,
            "outlet": rng.choice(OUTLETS), "paragraphs": paragraphs, "notes": notes, "index": index}


def near_duplicate(original: dict, index: int, rng: random.Random) -> dict:
    """A syndicated copy: the same article with one sentence changed, under another outlet."""
    paragraphs = list(original["paragraphs"])
    spot = rng.randrange(len(paragraphs))
    paragraphs[spot] = paragraphs[spot].replace(" the ", " this ", 1)
    return {**original, "paragraphs": paragraphs, "outlet": rng.choice(OUTLETS), "index": index}


def as_text(doc: dict, rng: random.Random) -> str:
    """A pasted web page: debris, title, byline and date lines, the article, notes, more debris."""
    when = doc["date"]
    dateline = rng.choice([f"{MONTHS[when.month - 1]} {when.day}, {when.year}",
                           f"Published {when.day} {MONTHS[when.month - 1]} {when.year}", when.isoformat()])
    lines = rng.sample(TOP_DEBRIS, rng.randint(0, 4)) + [doc["title"], "", "By " + " and ".join(doc["authors"]),
                                                         dateline, ""]
    lines += [p + "\n" for p in doc["paragraphs"]]
    if doc["notes"]:
        lines += [rng.choice(["References", "Notes", "Sources"]), ""]
        lines += [f"[{n}] {note}\n" for n, note in enumerate(doc["notes"], 1)]
    lines.append(f"\u00a9 {when.year} {doc['outlet']}. All rights reserved.")
    lines += rng.sample(BOTTOM_DEBRIS, rng.randint(0, 4))
    return "\n".join(lines) + "\n"


def as_markdown(doc: dict, rng: random.Random) -> str:
    """A report saved as Markdown: YAML front matter, headings, footnotes for the notes."""
    head = ["---", f'title: "{doc["title"]}"', "author:", *[f"  - {a}" for a in doc["authors"]],
            f"date: {doc['date'].isoformat()}", "---", ""]
    body = []
    for n, paragraph in enumerate(doc["paragraphs"]):
        if n and n % 3 == 0:
            body += ["## " + rng.choice(["Background", "Outlook", "Assessment", "Details"]), ""]
        body += [re.sub(r" \[(\d+)\]", r"[^\1]", paragraph), ""]
    notes = [f"[^{n}]: {note}" for n, note in enumerate(doc["notes"], 1)]
    return "\n".join(head + body + notes) + "\n"


def as_html(doc: dict, rng: random.Random) -> str:
    """A saved article page: navigation, the article, a notes list, a footer."""
    from html import escape

    nav = "".join(f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in rng.sample(TOP_DEBRIS[:6], 4))
    paras = "".join(f"<p>{escape(p)}</p>" for p in doc["paragraphs"])
    notes = "".join(f"<li>{escape(n)}</li>" for n in doc["notes"])
    notes_block = f"<h2>References</h2><ol>{notes}</ol>" if notes else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(doc['title'])}</title>"
            f"<meta name='author' content='{escape(', '.join(doc['authors']))}'>"
            f"<meta name='date' content='{doc['date'].isoformat()}'></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>{escape(doc['title'])}</h1><p class='byline'>By {escape(' and '.join(doc['authors']))}"
            f"</p><time datetime='{doc['date'].isoformat()}'>{doc['date'].isoformat()}</time>{paras}{notes_block}"
            f"</article><footer><p>\u00a9 {doc['date'].year} {escape(doc['outlet'])}</p>"
            "<p>Subscribe to our newsletter</p></footer></body></html>\n")


def as_pdf(doc: dict, rng: random.Random) -> bytes:
    """A report as PDF through WeasyPrint (its metadata fixed so the bytes repeat)."""
    from weasyprint import HTML

    return HTML(string=as_html(doc, rng)).write_pdf(uncompressed_pdf=False)


def choose_format(rng: random.Random, index: int, pdfs_left: int) -> str:
    roll = rng.random()
    if pdfs_left and index % 250 == 7:
        return "pdf"
    return "md" if roll < 0.1 else "html" if roll < 0.18 else "txt"


def write_config(out: Path) -> None:
    lines = ["briefing:", '  title: "The Maravel Strait Corridor"', '  subtitle: "A synthetic corpus"', "",
             "seeds:", "  directory: seeds", "  on_bad_seed: skip", "", "sections:"]
    for ident, (title, description, keywords) in SECTIONS.items():
        lines += [f"  - id: {ident}", f"    title: {title}", "    description: >", f"      {description}",
                  f"    keywords: [{', '.join(keywords)}]"]
    lines += ["", "codebook:", "  - id: escorts", "    label: Escorted convoys", "    section: talks",
              "    markers: [escort, escorted, convoys]", "  - id: inspections", "    label: Cargo inspections",
              "    section: talks", "    markers: [inspect, inspection, inspections]"]
    (out / "config.yaml").write_text("\n".join(lines) + "\n")


def make_corpus(count: int, out: Path, seed: int = 0) -> list[Path]:
    """Write count seeds under out/seeds and out/config.yaml; returns the seed files in order."""
    rng = random.Random(seed)
    pool = reference_pool(max(40, count // 3), rng)
    (out / "seeds").mkdir(parents=True, exist_ok=True)
    write_config(out)
    docs: list[dict] = []
    files, pdfs_left = [], max(1, count // 250)
    for index in range(count):
        doc = (near_duplicate(rng.choice(docs), index, rng) if docs and rng.random() < 0.05
               else article(index, rng, pool))
        docs.append(doc)
        fmt = choose_format(rng, index, pdfs_left)
        pdfs_left -= fmt == "pdf"
        name = f"{index:05d}_{hashlib.sha256(f'{seed}:{index}'.encode()).hexdigest()[:16]}.{fmt}"
        path = out / "seeds" / name
        writer = {"txt": as_text, "md": as_markdown, "html": as_html}.get(fmt)
        if writer:
            path.write_text(writer(doc, rng), encoding="utf-8")
        else:
            path.write_bytes(as_pdf(doc, rng))
        files.append(path)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many seeds")
    parser.add_argument("outdir", type=Path, help="folder to write seeds/ and config.yaml into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (the same seed, the same corpus)")
    args = parser.parse_args(argv)
    files = make_corpus(args.count, args.outdir, args.seed)
    print(f"{len(files)} seeds in {args.outdir / 'seeds'}; config {args.outdir / 'config.yaml'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
