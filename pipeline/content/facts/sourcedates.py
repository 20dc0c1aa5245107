"""Each source's date, the briefing's as-of date, and what each source's dates are resolved against.

as_of is the latest date a source gives for itself (`date` in build/clean/<shard>/<seed>.json). When no
source gives one, it is the latest date the sources state with a year (in their text, or as the
date of a work they cite): an article is written after what it reports and cites. The dates the
sources leave the year out of ("On November 10") are then read against that date, and when one of
them is an event reported in the past tense later than it, the as-of date moves to the latest such
event (reported_after), once: a briefing "as of 23 October" must not report 10 November. Only when
nothing is dated at all is it the build date, read from SOURCE_DATE_EPOCH (never the wall clock, so
that a rebuild of the same sources is the same file); without that, there is none.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from pipeline.content.facts.dates import FUTURE_TENSE, DateBase, find_dates
from pipeline.content.facts.timeline import has_action
from pipeline.core.bibmap import cited_entries

# A date after these words looks ahead ("by 2030", "until 2045"): it says nothing of when a text was written.
LOOKS_AHEAD = re.compile(r"\b(?:by|until|till|before|through|next|ahead of|in the next)\s+(?:the\s+)?$", re.I)
LOOKS_AHEAD_SPAN = re.compile(r"(?:by|until|till|before|through)\b", re.I)


def parse_iso(value: str | None) -> tuple[date, str] | None:
    """'2024-11-25' -> (date, 'day'); '2024-11' -> month; '2024' -> year."""
    if not value:
        return None
    parts = [int(p) for p in re.findall(r"\d+", value)[:3]]
    precision = ("year", "month", "day")[len(parts) - 1]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), precision
    except (ValueError, IndexError):
        return None


def stated_dates(document: dict) -> list[tuple[date, str]]:
    """Dates with a year the text states about the past (no base needed to read them)."""
    found = []
    for paragraph in document["paragraphs"]:
        for sentence in paragraph["sentences"]:
            text = sentence["text"]
            if FUTURE_TENSE.search(text):
                continue
            for mention in find_dates(text, None):
                ahead = LOOKS_AHEAD.search(text[:mention.start]) or LOOKS_AHEAD_SPAN.match(mention.text)
                if not ahead and (parsed := parse_iso(mention.value)):
                    found.append(parsed)
    return found


def cited_dates(seed_map: dict, bibliography: dict[str, dict]) -> list[tuple[date, str]]:
    """The issued dates of the works a seed cites."""
    found = []
    for _key, ident in cited_entries(seed_map):
        parts = (bibliography.get(ident, {}).get("issued") or {}).get("date-parts") or [[]]
        if parts[0] and (parsed := parse_iso("-".join(str(p) for p in parts[0]))):
            found.append(parsed)
    return found


def epoch_date(epoch: str | None) -> date | None:
    if not epoch or not epoch.strip().isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=UTC).date()


def as_of(documents: list[dict], bib_map: dict, bibliography: dict[str, dict], epoch: str | None,
          stated: dict[str, list] | None = None) -> dict | None:
    """{'date', 'precision', 'basis'}: the moment the briefing speaks from. stated: seed -> its
    stated_dates where already read (a seed's extract keeps them); the others are read here."""
    own = [parsed for d in documents if (parsed := parse_iso(d.get("date")))]
    if own:
        latest = max(own)
        return {"date": iso(*latest), "precision": latest[1], "basis": "latest source date"}
    known = stated or {}
    found = [p for d in documents
             for p in (known[d["seed"]] if d["seed"] in known else stated_dates(d))
             + cited_dates(bib_map.get(d["seed"], {}), bibliography)]
    if found:
        latest = max(found)
        return {"date": iso(*latest), "precision": latest[1], "basis": STATED_BASIS}
    build = epoch_date(epoch)
    if build:
        return {"date": build.isoformat(), "precision": "day", "basis": "build date (SOURCE_DATE_EPOCH)"}
    return None


STATED_BASIS = "no source gives its own date: the latest date the sources state or cite"
EVENT_BASIS = "no source gives its own date: the latest event the sources report"


def reported_after(briefing_as_of: dict | None, dated: list[tuple[object, str, str]]) -> dict | None:
    """The as-of date an undated corpus's reported events call for, when later than the one it has.

    dated: (sentence, ISO date, precision) as the facts stage read them against `briefing_as_of`;
    only day- and month-precision dates of sentences reporting a past action count (the timeline's
    events), never one that looks ahead.
    """
    if not briefing_as_of or briefing_as_of["basis"] != STATED_BASIS:
        return None
    current = parse_iso(briefing_as_of["date"])
    events = [parsed for sentence, value, precision in dated
              if precision in ("day", "month") and has_action(sentence.text) and not FUTURE_TENSE.search(sentence.text)
              and (parsed := parse_iso(value))]
    latest = max(events, default=None)
    if latest is None or current is None or latest[0] <= current[0]:
        return None
    return {"date": iso(*latest), "precision": latest[1], "basis": EVENT_BASIS}


def iso(day: date, precision: str) -> str:
    return day.isoformat() if precision == "day" else (f"{day:%Y-%m}" if precision == "month" else str(day.year))


def base_for(document: dict, briefing_as_of: dict | None) -> DateBase | None:
    """The source's own date, known; else the briefing's as-of date, standing in for it."""
    own = parse_iso(document.get("date"))
    if own:
        return DateBase(own[0], True)
    stand_in = parse_iso(briefing_as_of["date"]) if briefing_as_of else None
    return DateBase(stand_in[0], False) if stand_in else None
