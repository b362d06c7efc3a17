"""Which time each quantity is about, and what a change runs from and to.

Called once per sentence, after its quantities and time expressions are read: the nearest
time in the number's own clause wins, relative times are resolved against the sentence's
year or the document's date, and changes get their from and to periods.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import lexicon as lx
from .periods import TimeExpr, first_year, last_year, previous_span, resolve
from .quantity import Quantity


@dataclass
class Found:
    """A quantity read in a sentence, before it becomes a Claim."""

    q: Quantity
    period: str | None = None
    from_period: str | None = None
    to_period: str | None = None
    change: float | None = None


def assign_periods(
    body: str,
    found: list[Found],
    times: list[TimeExpr],
    anchor_year: int | None,
    doc_year: int | None,
    span: tuple[int, int],
) -> None:
    """Give each quantity the time expression it is about, within the number's clause.

    A time expression right after a number, before the next number, is the number's own
    ("100,000 deaths in 2021"); otherwise the closest one before it ("In 2021, more than
    100,000..."); otherwise the first one after it. Another clause ("..., and 2.5 million
    crossed during the 2010s") has its own time. Ages, ranks and durations take only a time
    written right after them: "ages 18–44" in a sentence about 2024 is not about 2024.
    """
    starts = [f.q.start for f in found]
    used_by_change: set[int] = set()
    breaks = [m.start() for m in lx.PERIOD_CLAUSE_BREAK_RE.finditer(body, *span)] if times else []
    for i, item in enumerate(found):
        q = item.q
        next_number = starts[i + 1] if i + 1 < len(found) else None
        clause = [t for t in times if not _break_between(breaks, t, q)]
        # A duration inside "the previous six-year period" is that period.
        chosen = next((t for t in clause if t.start <= q.start < t.end), None)
        # "now" after the number is the tense of a formula ("...: Now, be it resolved"), not
        # its date, when the clause dates it before.
        dated_before = any(t.end <= q.start and t.period for t in clause)
        for t in clause if chosen is None else ():
            if t.keyword == "now" and dated_before:
                continue
            if t.start >= q.end and (next_number is None or t.start < next_number):
                if t.start - q.end <= 90:
                    chosen = t
                break
        if chosen is None and q.kind not in ("age", "rank", "duration"):
            before = [t for t in clause if t.end <= q.start]
            after = [t for t in clause if t.start >= q.end]
            chosen = before[-1] if before else after[0] if after else None
        if chosen is None:
            continue
        if (chosen.relative or "").startswith("prev:"):
            _assign_previous_span(item, chosen, times)
            continue
        period = resolve(chosen, anchor_year, doc_year)
        # Only a single year is a baseline: "since 2015" resolves to a span (2015 to the
        # document's year), and a span with a later year after it is no period at all.
        if (
            q.kind == "change"
            and period
            and _YEAR_ONLY_RE.fullmatch(period)
            and _is_baseline(body, q, chosen)
        ):
            # "In 2019, ... a 4.3% increase from the 2018 rate": the year after the change is
            # what it is measured against; the change runs from it to the clause's year.
            later = _later_year(chosen, clause, anchor_year)
            if later is not None:
                period = f"{period}/{later}"
        if (
            q.kind != "change"
            and chosen.is_span
            and chosen.end <= q.start
            and id(chosen) in used_by_change
        ):
            # "after a 39 percent increase between 2023 and 2024, the budget is $16.7 billion":
            # the level stands at the end of the change.
            # A span that does not resolve (no document date for "the past decade") leaves
            # the level without a period, never the string "None".
            end_year = last_year(period)
            period = str(end_year) if end_year is not None else None
        if q.kind == "change":
            used_by_change.add(id(chosen))
        item.period = period
        if q.kind == "change":
            if chosen.relative == "prior-year" and period:
                item.from_period, item.to_period = period, str(int(period) + 1)
                item.period = f"{item.from_period}/{item.to_period}"
            elif period and _TWELVE_MONTHS_RE.match(period):
                # "a 10 percent reduction over the twelve months ending in April 2024": this
                # window against the twelve months before it.
                item.from_period, item.to_period = _previous_window(period), period
            elif period and "/" in period:
                item.from_period, item.to_period = period.split("/")
            if q.factor is None and q.value is not None and q.unit == "percent" and q.direction:
                item.change = q.direction * q.value / 100
        if q.kind == "change" and q.factor is not None:
            item.change = None


# Words that make the time after a change its baseline: "an increase from the 2018 rate",
# "up 27 percent over the number who died in 2015", "higher than in 2018".
_BASELINE_RE = re.compile(r"\b(?:from|over|than|compared\s+(?:with|to)|relative\s+to)\b", re.I)
_YEAR_ONLY_RE = re.compile(r"\d{4}")


def _is_baseline(body: str, q: Quantity, t: TimeExpr) -> bool:
    """Whether a single year written after a change is the year it is measured from."""
    if t.start < q.end or t.is_span or not _YEAR_ONLY_RE.fullmatch(t.period or ""):
        return False
    return _BASELINE_RE.search(body, q.end, t.start) is not None


def _later_year(baseline: TimeExpr, clause: list[TimeExpr], anchor_year: int | None) -> int | None:
    """The year a change measured from ``baseline`` runs to: a later single year of its
    clause (the nearest before the baseline), else the sentence's year."""
    base = int(baseline.period)  # type: ignore[arg-type]
    years = [
        int(t.period)
        for t in clause
        if t is not baseline
        and t.start < baseline.start
        and _YEAR_ONLY_RE.fullmatch(t.period or "")
    ]
    later = [y for y in years if y > base]
    if later:
        return later[-1]
    if anchor_year is not None and anchor_year > base:
        return anchor_year
    return None


def _assign_previous_span(item: Found, expr: TimeExpr, times: list[TimeExpr]) -> None:
    """ "a rise of more than 25 percent on the preceding six-year term" (after a span
    such as 2018/2024): a change from 2012/2018 to 2018/2024; any other number, 2012/2018."""
    spans = previous_span(expr, times)
    if spans is None:
        return
    before, anchor = spans
    q = item.q
    if q.kind == "change":
        item.from_period, item.to_period = before, anchor
        item.period = f"{first_year(before)}/{last_year(anchor)}"
        if q.factor is None and q.value is not None and q.unit == "percent" and q.direction:
            item.change = q.direction * q.value / 100
    else:
        item.period = before


_TWELVE_MONTHS_RE = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


def _previous_window(period: str) -> str:
    """The same span of months one year earlier: "2023-05/2024-04" -> "2022-05/2023-04"."""
    y1, m1, y2, m2 = _TWELVE_MONTHS_RE.match(period).groups()  # type: ignore[union-attr]
    return f"{int(y1) - 1}-{m1}/{int(y2) - 1}-{m2}"


def _break_between(breaks: list[int], t: TimeExpr, q: Quantity) -> bool:
    """Whether a clause break lies between a time expression and a quantity."""
    low, high = (t.end, q.start) if t.end <= q.start else (q.end, t.start)
    i = bisect.bisect_left(breaks, low)
    return i < len(breaks) and breaks[i] < high


def _own_time(body: str, a: Quantity, b: Quantity, times: list[TimeExpr]) -> bool:
    """Whether a time expression stands between the two numbers of a "from ... to" pair or
    right after the second ("from 56,516 in 2020 to 73,654 in 2022")."""
    return any(a.end <= t.start <= b.end + 12 for t in times)


def link_from_to(body: str, found: list[Found], times: list[TimeExpr]) -> None:
    """ "from 56,516 in 2020 to 73,654 in 2022": the second number carries the change.

    When the second number has no time of its own ("By 2022, ... rising from 56,516 in 2020
    to 73,654"), it is about the sentence's other period, not the first number's.
    """
    for first, second in zip(found, found[1:], strict=False):
        a, b = first.q, second.q
        if a.unit != b.unit or a.kind not in ("count", "money", "percent", "rate"):
            continue
        if a.value in (None, 0) or b.value is None:
            continue
        between = body[a.end : b.start]
        left = body[max(0, a.start - 12) : a.start].lower().rstrip()
        # "from 15.2 to 12.7", or a bracketed pair after a change: "by 3.1% (9.7 to 10.0)".
        if not left.endswith(("from", "(")) or not re.search(r"\bto\b", between):
            continue
        if len(between) > 80:
            continue
        spans = [
            m
            for t in times
            if t.is_span
            and t.end <= a.start
            and (m := re.fullmatch(r"(\d{4})/(\d{4})", t.period or ""))
        ]
        span = spans[-1] if spans else None
        if span and not _own_time(body, a, b, times):
            # "From 2018 through 2019, the rate went from 15.2 to 12.7": the pair stands at
            # the two ends of the span.
            first.period, second.period = span.group(1), span.group(2)
        elif second.period == first.period and first.period is not None:
            # Dates written in the sentence come before named spans ("By 2022, the Biden
            # administration saw ..."): the latest of them.
            others = [t for t in times if t.period and t.period != first.period]
            dated = [t for t in others if t.keyword != "named"] or others
            second.period = (
                max((t.period for t in dated), key=lambda p: last_year(p) or 0) if dated else None
            )
        second.change = (b.value - a.value) / a.value
        second.from_period = first.period
        second.to_period = second.period
