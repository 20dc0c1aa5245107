"""What the briefing says about itself: its date, build, sources, metadata (the Markdown's front matter).

- "as of": build/facts.json's `as_of` (the facts stage decides it: the latest source date, else the
  latest date or event the sources report, else the build date), spelt out with its basis;
- the build date: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else now; it is also the
  PDF's creation date, so two builds with one SOURCE_DATE_EPOCH are byte-identical;
- the build identifier: the first 12 hex digits of the SHA-256 of the briefing's Markdown, written
  without it (render_briefing fills the template twice), so anyone can check it;
- the sources list's two parts: the analysed articles (the seeds' own items) and the works they
  cite, each with the articles that cite it ("cited in Zafar").
Config keys read: briefing.title, briefing.short_title, briefing.authors, briefing.subtitle.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import UTC, datetime

from pipeline.core.bibmap import cited_entries
from pipeline.core.errors import PipelineError
from pipeline.render.labels import short_name

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
GENERATOR = "briefing-pipeline"
BUILD_ID_DIGITS = 12


def build_time(environ: dict | None = None) -> datetime:
    """SOURCE_DATE_EPOCH when set, else the current time, in UTC to the second."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if value is None:
        return datetime.now(UTC).replace(microsecond=0)
    if not value.strip().isdigit():
        raise PipelineError("SOURCE_DATE_EPOCH", f"{value!r} is not a number of seconds",
                            "set it to a Unix time, e.g. $(git log -1 --format=%ct)")
    return datetime.fromtimestamp(int(value), UTC)


def spell_date(parts: tuple[int, ...], short: bool = False) -> str:
    """(2024, 11, 25) -> '25 November 2024' ('25 Nov 2024' short); (2024, 11) -> 'November 2024'; (2024,) -> '2024'."""
    month = [MONTHS[parts[1] - 1][:3] if short else MONTHS[parts[1] - 1]] if len(parts) >= 2 else []
    return " ".join(str(part) for part in [*parts[2:3], *month, parts[0]])


def spell_iso(value: str | None, short: bool = False) -> str:
    """'2024-10-31' -> '31 October 2024', '2024-11' -> 'November 2024', '2024-W44' -> 'week 44 of 2024';
    short: '31 Oct 2024', 'Nov 2024', 'week 44, 2024'."""
    if not value:
        return ""
    if "-W" in value:
        year, week = value.split("-W")
        return f"week {int(week)}, {year}" if short else f"week {int(week)} of {year}"
    return spell_date(tuple(int(part) for part in value.split("-")), short)


def as_of(facts_as_of: dict | None) -> dict:
    """The briefing's 'as of' date, spelt out, and what it is: build/facts.json's, the one source of it."""
    if not facts_as_of:
        return {"date": "not known", "basis": "nothing the sources say is dated, and no build date was set"}
    return {"date": spell_iso(facts_as_of["date"]), "basis": facts_as_of["basis"]}


def short_title(settings: dict) -> str:
    """briefing.short_title, else the title up to its first colon."""
    return settings["short_title"] or re.split(r"\s*:\s+", settings["title"], maxsplit=1)[0]


def cited_in(bib_map: dict, seed_items: dict[str, dict], cited: set[str]) -> dict[str, list[dict]]:
    """Each cited work that is not an analysed article -> the analysed articles the briefing cites
    that cite it (an article it does not cite has no entry of its own to link to)."""
    analysed = {item["id"] for item in seed_items.values()}
    found: dict[str, list[dict]] = {}
    for seed, numbers in bib_map.items():
        if seed not in seed_items or seed_items[seed]["id"] not in cited:
            continue
        citer = {"name": short_name(seed_items[seed]), "ref": seed_items[seed]["id"]}
        for _key, ident in cited_entries(numbers):
            if ident in cited and ident not in analysed and citer not in found.get(ident, []):
                found.setdefault(ident, []).append(citer)
    return dict(sorted(found.items()))


def cap_citers(found: dict[str, list[dict]], most: int | None) -> tuple[dict[str, list[dict]], dict[str, int]]:
    """The first `most` citers of each work, and how many more each has (works with more only)."""
    if most is None:
        return found, {}
    more = {ident: len(citers) - most for ident, citers in found.items() if len(citers) > most}
    return {ident: citers[:most] for ident, citers in found.items()}, more


def briefing_facts(sections: list[dict], seed_items: dict[str, dict], bib_map: dict, settings: dict,
                   built: datetime, facts_as_of: dict | None, cited: set[str]) -> dict:
    """Everything the front matter and the title block say about the briefing; `cited`: every id it cites."""
    analysed = [item for item in seed_items.values() if item["id"] in cited]
    topics = [section["title"] for section in sections]
    subject = f"A briefing on {', '.join(topics[:-1])} and {topics[-1]}" if len(topics) > 1 else \
        f"A briefing on {topics[0]}" if topics else "A briefing"
    count = len(analysed)
    citers, more = cap_citers(cited_in(bib_map, seed_items, cited), settings.get("limits", {}).get("cited_in"))
    return {"short_title": short_title(settings), "as_of": as_of(facts_as_of),
            "created": built.strftime("%Y-%m-%dT%H:%M:%SZ"), "generator": GENERATOR,
            "authors": settings["authors"] or [GENERATOR], "keywords": topics,
            "description": f"{subject}, drawn from {count} article{'s' if count != 1 else ''}.",
            "analysed": [item["id"] for item in analysed],
            "articles": f"{count} analysed article{'s' if count != 1 else ''}",
            "cited_in": citers, "cited_in_more": more}


def build_id(markdown: str) -> str:
    return hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:BUILD_ID_DIGITS]
