"""The bottom line up front: up to five judgments composed from the structured facts by fixed
templates, each citing the sources it rests on. Nothing is said that a source does not say: the
judgments restate figures, terms and statements the facts file holds, with who gives them.

1. the corroborated figures, with their range and dates (figure groups of two or more sources);
2. the plan terms as reported, and by whom (the codebook);
3. the main disagreement (a term on which sources differ, else figures in conflict, each source
   giving one of the values: one that gives several counts several things);
4. what each side has said (the speakers quoted most, one statement each, verbatim).

A judgment names at most NAMED sources (and figures) of what it rests on, in the facts' order, and
says how many others do ("and 212 other sources"); it cites the ones it names. Its length, and
the bibliography, do not grow with the number of seeds.
"""

from __future__ import annotations

from datetime import date

from pipeline.content.facts.units import spoken_amount

MAX_JUDGMENTS = 5
NAMED = 3  # sources or figures a judgment names before counting the rest: a sentence, not a list


def spoken_date(value: str | None) -> str | None:
    """'2024-10-31' -> '31 October 2024'; '2024-10' -> 'October 2024'."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-") if p.isdigit()]
    if len(parts) == 3:
        return f"{parts[2]} {date(*parts):%B %Y}"
    return f"{date(parts[0], parts[1], 1):%B %Y}" if len(parts) == 2 else str(parts[0])


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:,.1f}"


def lower_first(label: str) -> str:
    """'Continued US arms' -> 'continued US arms'; 'NATO membership deferred' stays."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def listing(items: list[str], others: str = "other sources") -> str:
    """'A', 'A and B', 'A, B and C'; past NAMED items, 'A, B, C and 4 other sources'."""
    if len(items) > NAMED:
        return ", ".join(items[:NAMED]) + f" and {len(items) - NAMED} {others}"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def cited_by(sources: list[dict]) -> list[str]:
    """The ids the first NAMED of a term's sources cite (those a judgment names)."""
    return list(dict.fromkeys(c for source in sources[:NAMED] for c in source["cites"]))


def as_written(text: str) -> str:
    """A figure's words with a bare number grouped as the briefing prints numbers: '3000' -> '3,000'."""
    return f"{int(text):,}" if text.isdigit() else text


def figure_judgment(group: dict, labels: dict[str, str]) -> dict:
    members = group["members"]
    who = listing([labels[s] for s in group["sources"]])
    # a share is of something: "the share of Ukrainian territory", not "the Ukrainian territory"
    thing = f"share of {group['label']}" if group["dimension"] == "percent" and group["share"] else group["label"]
    if group["status"] == "changed":
        steps = [f"{as_written(c['from_text'])} ({spoken_date(c['from_date'])}) to {as_written(c['to_text'])} "
                 f"({spoken_date(c['to_date'])})" for c in group["changes"]]
        verb = "rose" if all(c["direction"] == "growth" for c in group["changes"]) else "changed"
        text = f"The figure for {thing} {verb} from {'; then '.join(steps)}, as {who} report."
    else:
        stated = listing([f"{as_written(m['text'])} ({labels[m['seed']]})" for m in members], "more figures")
        first = members[0]
        low, high = (number(v / first["factor"]) for v in group["range"])
        span = spoken_amount(f"{low}–{high}" if low != high else low, first["unit_symbol"])
        text = f"{who} agree on the {thing}: {stated}, one value within the precision each states ({span})."
    # each figure cites its own article, so the group's first NAMED citations are its first NAMED sources'
    return {"kind": "figures", "text": text, "cites": group["cites"][:NAMED], "basis": group["id"]}


def terms_judgment(terms: list[dict], labels: dict[str, str]) -> dict | None:
    reported = [t for t in terms if t["sources"]]
    if not reported:
        return None
    parts = []
    for term in reported:
        who = listing([labels[s["seed"]] for s in term["sources"]])
        values = sorted({v for s in term["sources"] for v in s["values"]})
        parts.append(f"{lower_first(term['label'])}{' (' + ', '.join(values) + ')' if values else ''} — {who}")
    cites = list(dict.fromkeys(c for t in reported for c in cited_by(t["sources"])))
    return {"kind": "terms", "text": "The terms the sources report: " + "; ".join(parts) + ".", "cites": cites,
            "basis": "terms"}


def disagreement_judgment(terms: list[dict], groups: list[dict], labels: dict[str, str]) -> dict | None:
    differing = [t for t in terms if t["status"] == "differ"]
    if differing:
        term = max(differing, key=lambda t: len(t["sources"]))
        giving = [s for s in term["sources"] if s["values"]]
        sides = [f"{labels[s['seed']]}: {', '.join(s['values'])}" for s in giving[:NAMED]]
        more = f"; and {len(giving) - NAMED} other sources" if len(giving) > NAMED else ""
        text = f"The sources differ on {lower_first(term['label'])} ({'; '.join(sides)}{more})."
        return {"kind": "disagreement", "text": text, "cites": cited_by(giving), "basis": term["id"]}
    # A kind that names no thing ("approximately $2.0 billion" and "$5.5 billion", alike only in
    # their sentences) gives the sources nothing they could be said to differ on; nor does a thing
    # named by no owner (a "46-year history" of one Act and a "90-year history" of another).
    conflicts = [g for g in groups if g["status"] == "conflict" and g["head"] and g["qualifier"]
                 and one_value_a_source(g)]
    if conflicts:
        group = max(conflicts, key=lambda g: len(g["sources"]))
        stated = listing(list(dict.fromkeys(f"{m['text']} ({labels[m['seed']]})" for m in group["members"])),
                         "more figures")
        return {"kind": "disagreement", "text": f"The sources give different figures for {group['label']}: {stated}.",
                "cites": group["cites"][:NAMED], "basis": group["id"]}
    return None


def one_value_a_source(group: dict) -> bool:
    """Whether each source gives one value of the figures in conflict. A source that gives several
    ("authorized at $27.5 billion", "$43.3 billion over five years") counts several things of the
    kind, and the spread is no disagreement among the sources."""
    seen: set[str] = set()
    for value in group["values"]:
        if seen & set(value["sources"]):
            return False
        seen |= set(value["sources"])
    return True


OFFICES = frozenset("president president-elect prime minister chancellor secretary leader king premier "
                    "spokesman spokeswoman spokesperson envoy ambassador".split())


def side_of(person: dict) -> str:
    """The side a speaker speaks for: the first capitalized, non-title word of a role ('Ukrainian
    President' -> Ukrainian), else the speaker."""
    for role in person["roles"]:
        for word in role.split():
            if word[:1].isupper() and word.lower() not in OFFICES and not word.lower().startswith("president"):
                return word
    return person["name"]


def sides_judgment(speakers: list[dict], labels: dict[str, str], count: int = 3) -> dict | None:
    """One statement each from the speakers holding an office, most named first, one per side."""
    people = [s for s in speakers if s["kind"] == "person" and s["name"]
              and any(w.lower() in OFFICES for r in s["roles"] for w in r.split())]
    people.sort(key=lambda s: (-s["sources_naming"], -len(s["statements"])))
    chosen, sides = [], set()
    for person in people:
        if side_of(person) in sides:
            continue
        sides.add(side_of(person))
        chosen.append(person)
        if len(chosen) == count:
            break
    if len(chosen) < 2:
        return None
    parts, cites = [], []
    for person in chosen:
        statement = person["statements"][0]
        role = f" ({person['roles'][-1]})" if person["roles"] else ""
        text = statement["text"]
        said = f"“{text}”" if statement["kind"] == "quote" else (text if text.startswith("to ") else f"that {text}")
        source = labels[statement["provenance"][0]["seed"]]
        parts.append(f"{person['name']}{role} {statement['verb']} {said} ({source})")
        cites += statement["cites"]
    return {"kind": "speakers", "text": "What each side has said: " + "; ".join(parts) + ".",
            "cites": list(dict.fromkeys(cites)), "basis": "speakers"}


def bottom_line(groups: list[dict], terms: list[dict], speakers: list[dict], labels: dict[str, str]) -> list[dict]:
    # A kind that names no thing ("30 days" in two sentences) gives the sources nothing to agree on.
    corroborated = sorted((g for g in groups if g["status"] in ("agree", "changed") and len(g["sources"]) > 1
                           and g["head"]), key=lambda g: (-len(g["sources"]), g["id"]))
    others = [j for j in (terms_judgment(terms, labels), disagreement_judgment(terms, groups, labels),
                          sides_judgment(speakers, labels)) if j]
    slots = max(1, MAX_JUDGMENTS - len(others))
    return ([figure_judgment(g, labels) for g in corroborated[:slots]] + others)[:MAX_JUDGMENTS]
