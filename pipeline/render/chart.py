"""The timeline figure: the events of build/facts.json on a time axis, drawn by matplotlib as SVG.

Each event is a stem and a dot at its date, labelled with its row of the timeline table ("T3"); an
event dated to a month only is a bar across that month, above the days, so that no stem crosses
it. Events far apart in time (February 2022 and October 2024) get panels of their own with a broken
axis between them, so that the weeks most events fall in are not squeezed into a corner. Labels
that would collide climb to the next level. Under the axis, a panel of days is marked by its
Mondays when their dates fit, else by its months.

The SVG is the same bytes for the same events: matplotlib is told a fixed hash salt for its ids,
no date in its metadata, and text as text (svg.fonttype none, in the briefing's sans-serif face),
which keeps it small and searchable. matplotlib is imported only when a timeline is drawn; the fill
stage has load_matplotlib run in a second process (pipeline/core/aside.py) as soon as it knows there
is a timeline, and timeline_svg run there, so the import runs beside its other work.
"""

from __future__ import annotations

import io
import math
from datetime import date, timedelta

from pipeline.render.facts import spell_iso

# A gap this many days or longer between two events breaks the axis, when there is room for it.
BREAK_DAYS = 60
MAX_PANELS = 3
MIN_PANEL_SHARE = 0.14  # of the figure's width
WIDTH_IN, LEVEL_IN, BASE_IN = 6.6, 0.22, 0.5
LABEL_IN = 0.34  # room a label takes to the right of its dot
WEEK_LABEL_IN = 0.5  # room a date under the axis takes ("23 Sep")
MONTH_LABEL_IN, YEAR_LABEL_IN = 0.6, 0.4  # ... a month ("Sep 2025"), a year ("2025")
MONTH_STEPS, YEAR_STEPS = (1, 2, 3, 6), (1, 2, 5, 10, 20, 50, 100)
INK, ACCENT, MUTED, RULE = "#1b1f24", "#1f4e79", "#505965", "#c3cad2"
FONT = "DejaVu Sans"


def event_span(value: str) -> tuple[date, date]:
    """The first and last day an ISO date of day or month precision covers."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    first = date(parts[0], parts[1], 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def clusters(spans: list[tuple[date, date]]) -> list[list[int]]:
    """Indexes of the events (in date order) grouped where a gap of BREAK_DAYS or more separates them;
    at most MAX_PANELS groups, the smallest gaps closed first."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    gaps = [((spans[b][0] - max(spans[i][1] for i in order[:n + 1])).days, n)
            for n, b in enumerate(order[1:])]
    breaks = sorted(n for days, n in sorted(gaps, reverse=True)[:MAX_PANELS - 1] if days >= BREAK_DAYS)
    groups, start = [], 0
    for n in breaks:
        groups.append(order[start:n + 1])
        start = n + 1
    groups.append(order[start:])
    return groups


def panel_limits(spans: list[tuple[date, date]]) -> tuple[date, date]:
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    pad = timedelta(days=max(4, round((last - first).days * 0.06)))
    return first - pad, last + pad + timedelta(days=1)


def panel_shares(limits: list[tuple[date, date]]) -> list[float]:
    days = [(end - start).days for start, end in limits]
    shares = [max(d / sum(days), MIN_PANEL_SHARE) for d in days]
    return [share / sum(shares) for share in shares]


def assign_levels(extents: list[tuple[float, float]]) -> list[int]:
    """A level per event (its extent in inches, label included, in order): the lowest one free there."""
    ends: list[float] = []
    levels = []
    for left, right in extents:
        level = next((n for n, end in enumerate(ends) if end <= left), len(ends))
        if level == len(ends):
            ends.append(0.0)
        ends[level] = right
        levels.append(level)
    return levels


def month_ticks(limits: tuple[date, date], width_in: float = math.inf) -> tuple[list[date], list[date], str]:
    """Boundaries inside the panel (minor ticks), the days labelled, and their labels' format: the
    middle of each month ("Oct 2024"), or, where the panel is too narrow for a label a month, of
    every second, third, sixth month; then each year's boundary, every year or more ("2024")."""
    start, end = limits
    months = [date(start.year + (start.month - 1 + n) // 12, (start.month - 1 + n) % 12 + 1, 1)
              for n in range((end.year - start.year) * 12 + end.month - start.month + 1)]
    # A panel of a few days around one event may hold no month's middle: its own middle names it.
    middles = [m.replace(day=15) for m in months if start <= m.replace(day=15) <= end] or [start + (end - start) / 2]
    step = next((step for step in MONTH_STEPS if len(middles) / step * MONTH_LABEL_IN <= width_in), None)
    if step is not None:  # every step-th month from January on, or the first one when none of those is inside
        labelled = [day for day in middles if (day.month - 1) % step == 0] or middles[:1]
        return [m for m in months if m >= start], labelled, "%b %Y"
    years = [date(year, 1, 1) for year in range(start.year, end.year + 1) if date(year, 1, 1) >= start]
    every = next((n for n in YEAR_STEPS if len(years) / n * YEAR_LABEL_IN <= width_in), YEAR_STEPS[-1])
    return years, [day for day in years if day.year % every == 0], "%Y"


def week_ticks(limits: tuple[date, date], width_in: float) -> list[date] | None:
    """Mondays inside the panel, when a label fits under each (else the months are labelled)."""
    start, end = limits
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    ticks = [monday + timedelta(weeks=n) for n in range((end - monday).days // 7 + 1)]
    return ticks if ticks and len(ticks) * WEEK_LABEL_IN <= width_in else None


def _ticks(axis, limits, width_in: float, event_days: list[date], mdates) -> None:
    """event_days: the days of the panel's events given to the day. A panel of one such day is labelled
    with it (a Monday beside it, "16 Aug 1971" under an event of the 15th, read as the event's date)."""
    bounds, middles, shown = month_ticks(limits, width_in)
    days = sorted(set(event_days))
    if len(days) == 1 and len(middles) <= 1:
        weeks = days
    else:
        weeks = week_ticks(limits, width_in) if days else None
    axis.set_xticks([mdates.date2num(day) for day in bounds], minor=True)
    if weeks:
        labels = [f"{day.day} {day:%b}" + (f" {day.year}" if n == 0 else "") for n, day in enumerate(weeks)]
        axis.set_xticks([mdates.date2num(day) for day in weeks], labels)
        axis.tick_params(axis="x", which="major", length=3, labelsize=7, colors=MUTED, pad=3)
    else:
        axis.set_xticks([mdates.date2num(day) for day in middles], [day.strftime(shown) for day in middles])
        axis.tick_params(axis="x", which="major", length=0, labelsize=7, colors=MUTED, pad=4)
    axis.tick_params(axis="x", which="minor", length=3 if not weeks else 0, colors=MUTED)


def _draw_panel(axis, events: list[dict], spans, limits, levels, mdates, width_in: float) -> None:
    axis.set_xlim(mdates.date2num(limits[0]), mdates.date2num(limits[1]))
    axis.axhline(0, color=MUTED, linewidth=0.8, zorder=1)
    for event, (first, last), level in zip(events, spans, levels, strict=True):
        start, end = mdates.date2num(first), mdates.date2num(last + timedelta(days=1))
        height = level + 1
        if first == last:
            axis.vlines(start, 0, height, color=RULE, linewidth=0.8, zorder=1)
            axis.plot([start], [height], "o", color=ACCENT, markersize=4.5, zorder=3)
        else:
            axis.hlines(height, start, end, color=ACCENT, linewidth=3.2, alpha=0.55, zorder=2)
        axis.annotate(event["label"], (end if first != last else start, height), xytext=(4, 0),
                      textcoords="offset points", va="center", ha="left", fontsize=7.5, color=INK)
    _ticks(axis, limits, width_in, [first for first, last in spans if first == last], mdates)
    axis.set_yticks([])
    for side in ("left", "right", "top", "bottom"):
        axis.spines[side].set_visible(False)


def _break_marks(axis, left: bool) -> None:
    """Two short slanted strokes where the axis is cut."""
    kwargs = {"transform": axis.transAxes, "color": MUTED, "clip_on": False, "linewidth": 0.8}
    x = 0.0 if left else 1.0
    for offset in (-0.012, 0.012):
        axis.plot([x + offset - 0.01, x + offset + 0.01], [-0.05, 0.05], **kwargs)


def load_matplotlib():
    """matplotlib with the Agg backend, and the parts timeline_svg draws with."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates
    import matplotlib.figure

    return matplotlib


def timeline_svg(events: list[dict]) -> str:
    """events: [{"label": "T1", "date": "2024-10-23"}] (day or month precision) -> an SVG document."""
    matplotlib = load_matplotlib()
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    spans = [event_span(event["date"]) for event in events]
    groups = clusters(spans)
    limits = [panel_limits([spans[i] for i in group]) for group in groups]
    shares = panel_shares(limits)
    # Days first, from the axis up; months above them all, so that no stem crosses a bar.
    levels, extents, offset = [0] * len(events), {}, 0.0
    for group, (start, end), share in zip(groups, limits, shares, strict=True):
        per_day = WIDTH_IN * share / (end - start).days
        for i in group:
            left = offset + (spans[i][0] - start).days * per_day
            right = offset + ((spans[i][1] - start).days + 1) * per_day if spans[i][0] != spans[i][1] else left
            extents[i] = (left, right + LABEL_IN)
        offset += WIDTH_IN * share
    days = [i for group in groups for i in group if spans[i][0] == spans[i][1]]
    months = [i for group in groups for i in group if spans[i][0] != spans[i][1]]
    for i, level in zip(days, assign_levels([extents[i] for i in days]), strict=True):
        levels[i] = level
    above = max((levels[i] for i in days), default=-1) + 1
    for i, level in zip(months, assign_levels([extents[i] for i in months]), strict=True):
        levels[i] = above + level
    height = BASE_IN + LEVEL_IN * (max(levels) + 2)
    settings = {"svg.hashsalt": "briefing-pipeline", "svg.fonttype": "none", "font.family": FONT,
                "font.size": 7.5, "axes.unicode_minus": False}
    with matplotlib.rc_context(settings):
        figure = Figure(figsize=(WIDTH_IN, height))
        axes = figure.subplots(1, len(groups), sharey=True, gridspec_kw={"width_ratios": shares, "wspace": 0.06},
                               squeeze=False)[0]
        for n, (axis, group) in enumerate(zip(axes, groups, strict=True)):
            _draw_panel(axis, [events[i] for i in group], [spans[i] for i in group], limits[n],
                        [levels[i] for i in group], mdates, WIDTH_IN * shares[n])
            axis.set_ylim(-0.15, max(levels) + 1.6)
            if n > 0:
                _break_marks(axis, left=True)
            if n < len(groups) - 1:
                _break_marks(axis, left=False)
        figure.subplots_adjust(left=0.02, right=0.97, top=1 - 0.04 / height, bottom=BASE_IN * 0.5 / height)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def alt_text(events: list[dict], table: str) -> str:
    """What the figure shows, in words: its span and each label's date."""
    dates = sorted(event["date"] for event in events)
    listed = "; ".join(f"{event['label']} {spell_iso(event['date'])}" for event in events)
    return (f"A timeline of the {len(events)} dated events in {table}, from {spell_iso(dates[0])} to "
            f"{spell_iso(dates[-1])}, each marked with its row: {listed}.")
