"""The extract stage: Document -> list[Claim].

One pass over the document's body, sentence by sentence. In each sentence the time
expressions are found first (so years used as dates are taken), then every number anchor is
read as a quantity with its qualifier, unit and kind, and given its noun, period, place and
citation. Nothing here reads files or the catalog file: measure matching is a function the
caller passes in.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import Claim, Document
from . import lexicon as lx
from .filters import is_not_a_quantity
from .nouns import counted_noun
from .numbers import ANCHOR_RE, parse_number
from .periods import (
    NamedPeriods,
    TimeExpr,
    find_time_expressions,
    first_year,
    last_year,
    latest_dated_year,
    previous_span,
    resolve,
)
from .places import find_places, nearest_place
from .quantity import Quantity, read_factor_word, read_quantity
from .sentences import Sentence, split_sentences

# A measure matcher takes the claim and the text around it and returns a measure id or None.
MeasureMatcher = Callable[[Claim, str], "str | None"]

# "the highest ever", "a record high", "the most ... in history": the sentence says one of its
# numbers is the extreme of the whole series.
_RECORD_RE = re.compile(
    r"\b(?P<max>highest|largest|most|deadliest|worst|record|peak|greatest)\b(?:[^.;]{0,60}?)"
    r"\b(?:ever|in\s+(?:[\w'’]+\s+){0,3}history|on\s+record|all-time|to\s+date)\b"
    r"|\b(?:all-time|record)[\s-]+(?P<max2>high|peak)\b|\b(?P<min>lowest)\b[^.;]{0,40}?\bever\b",
    re.IGNORECASE,
)
# An inline suppression: "factcheck: ignore" in a comment on the line before a claim (or on
# its own line), in whatever comment syntax suits the format.
_IGNORE_RE = re.compile(r"factcheck:\s*ignore\b(?P<reason>[^\n]*)", re.IGNORECASE)

__all__ = ["extract_document", "MeasureMatcher"]


@dataclass
class _Found:
    """A quantity read in a sentence, before it becomes a Claim."""

    q: Quantity
    period: str | None = None
    from_period: str | None = None
    to_period: str | None = None
    change: float | None = None


def extract_document(
    doc: Document,
    *,
    matcher: MeasureMatcher | None = None,
    default_place: str | None = None,
) -> list[Claim]:
    """Every numeric claim in the document, in order of position."""
    body = doc.body
    doc_year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    if doc_year is None:
        doc_year = latest_dated_year(doc.text)
    sentences = list(split_sentences(body))
    sentence_starts = [s.start for s in sentences]
    markers_by_sentence = _assign_markers(doc, sentence_starts)
    claims: list[Claim] = []
    ignored_lines = _ignored_lines(doc)
    named = NamedPeriods(body)
    carried_year: int | None = None  # the last explicit year of the text so far
    for index, sentence in enumerate(sentences):
        found, times = _read_sentence(body, sentence, named)
        explicit = [t for t in times if t.period]
        anchor_year = last_year(explicit[0].period) if explicit else carried_year
        _assign_periods(body, found, times, anchor_year, doc_year, (sentence.start, sentence.end))
        _link_from_to(body, found, times)
        if found:
            text = sentence.text(body)
            places = find_places(body, sentence.start, sentence.end)
            citation = ",".join(markers_by_sentence.get(index, [])) or None
            new = [
                _to_claim(doc, body, sentence, text, item, places, citation, default_place, matcher)
                for item in found
            ]
            _mark_extreme(text, new)
            for claim in new:
                claim.suppressed = ignored_lines.get(claim.line)
            claims.extend(new)
        if explicit:
            carried_year = last_year(explicit[-1].period)
    return claims


def _read_sentence(
    body: str, sentence: Sentence, named: NamedPeriods
) -> tuple[list[_Found], list[TimeExpr]]:
    """The quantities and the time expressions of one sentence."""
    s_start, s_end = sentence.start, sentence.end
    anchors = list(_anchors(body, s_start, s_end))
    if not anchors:
        return [], []  # most sentences hold no number: nothing to read, not even a year
    times = find_time_expressions(body, s_start, s_end)
    own = named.find(body, s_start, s_end)
    if own:
        times = sorted(times + own, key=lambda t: t.start)
    # "the previous six-year period" is a time, but its "six-year" is also a claim.
    taken = [(t.start, t.end) for t in times if not (t.relative or "").startswith("prev:")]
    for m in lx.URL_RE.finditer(body, s_start, s_end):
        taken.append((m.start(), m.end()))
    for m in lx.PHONE_RE.finditer(body, s_start, s_end):
        taken.append((m.start(), m.end()))
    taken.sort()
    taken_starts = [t[0] for t in taken]

    def is_taken(pos: int) -> bool:
        i = bisect.bisect_right(taken_starts, pos) - 1
        return i >= 0 and taken[i][0] <= pos < taken[i][1]

    found: list[_Found] = []
    last_end = s_start
    for kind, m in anchors:
        if m.start() < last_end or is_taken(m.start()):
            continue
        if kind == "factor":
            if re.match(r"\s+down\b|-digit", body[m.end() : m.end() + 6]):
                continue  # "doubling down", "double-digit" are idioms
            q = read_factor_word(body, m, s_start, s_end)
        else:
            number = parse_number(body, m, s_end)
            if number is None:
                continue
            if is_not_a_quantity(body, number):
                continue
            q = read_quantity(body, number, s_start, s_end)
            if q is None or q.is_year_like:
                continue
            if (
                number.is_words
                and number.value == 1
                and q.kind == "count"
                and not number.is_fraction
            ):
                continue  # "one" alone is an article, not a count
        if q.start < last_end:
            q.start = m.start()  # a qualifier must not reach back into the previous claim
        found.append(_Found(q))
        last_end = q.end
    return found, times


def _anchors(body: str, start: int, end: int) -> Iterator[tuple[str, re.Match[str]]]:
    """Number anchors and factor words ("tripled") of a span, merged in order of position."""
    numbers = (("number", m) for m in ANCHOR_RE.finditer(body, start, end))
    factors = (("factor", m) for m in lx.FACTOR_WORD_RE.finditer(body, start, end))
    yield from heapq.merge(numbers, factors, key=lambda item: item[1].start())


def _assign_periods(
    body: str,
    found: list[_Found],
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
        for t in clause if chosen is None else ():
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
        if (
            q.kind != "change"
            and chosen.is_span
            and chosen.end <= q.start
            and id(chosen) in used_by_change
        ):
            # "after a 39 percent increase between 2023 and 2024, the budget is $16.7 billion":
            # the level stands at the end of the change.
            period = str(last_year(period))
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


def _assign_previous_span(item: _Found, expr: TimeExpr, times: list[TimeExpr]) -> None:
    """ "an increase of more than 25 percent over the previous six-year period" (after a span
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


def _link_from_to(body: str, found: list[_Found], times: list[TimeExpr]) -> None:
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
        left = body[max(0, a.start - 12) : a.start].lower()
        if not left.rstrip().endswith("from") or not re.search(r"\bto\b", between):
            continue
        if len(between) > 80:
            continue
        if second.period == first.period and first.period is not None:
            others = [t.period for t in times if t.period and t.period != first.period]
            second.period = max(others, key=lambda p: last_year(p) or 0) if others else None
        second.change = (b.value - a.value) / a.value
        second.from_period = first.period
        second.to_period = second.period


def _assign_markers(doc: Document, sentence_starts: list[int]) -> dict[int, list[str]]:
    """Footnote markers belong to the sentence they follow."""
    result: dict[int, list[str]] = {}
    for marker in doc.markers:
        index = bisect.bisect_right(sentence_starts, marker.start) - 1
        if index >= 0:
            result.setdefault(index, []).append(marker.label)
    return result


def _surface_span(doc: Document, q: Quantity) -> tuple[int, int]:
    """The surface as written, without blanked markup: "about <b>120,000</b>" keeps "120,000".

    The span read from the body may straddle markup (a tag between qualifier and number); the
    surface is the unbroken stretch of prose around the number, so that the original text at
    the claim's position starts with it.
    """
    body, text = doc.body, doc.text
    start, end = q.start, q.end
    anchor = min(max(q.number_start, start), end - 1)
    i = anchor
    while i > start and not (body[i - 1] != text[i - 1]):
        i -= 1
    j = anchor
    while j < end and body[j] == text[j]:
        j += 1
    start, end = i, j
    # The surface never starts or ends with white space.
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _to_claim(
    doc: Document,
    body: str,
    sentence: Sentence,
    sentence_text: str,
    item: _Found,
    places: list[tuple[int, str]],
    citation: str | None,
    default_place: str | None,
    matcher: MeasureMatcher | None,
) -> Claim:
    q = item.q
    start, end = _surface_span(doc, q)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    noun = counted_noun(
        body,
        q.number_end,
        sentence.end,
        skip_of=q.kind in ("measurement", "percent") or q.qualifier == "vague",
    )
    value = q.value
    claim = Claim(
        doc=doc.path,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        surface=doc.text[start:end],
        sentence=sentence_text,
        value=value,
        low=q.low,
        high=q.high,
        unit=q.unit,
        qualifier=q.qualifier,
        kind=q.kind,
        noun=noun,
        period=item.period,
        place=nearest_place(places, start),
        currency_year=q.currency_year,
        citation=citation,
        from_period=item.from_period,
        to_period=item.to_period,
        change=item.change,
        factor=q.factor if q.kind in ("change", "multiplier") else None,
        resolution=q.resolution,
    )
    # Measures are matched on the place the text names: a sentence that names none may still
    # be about a measure of another place ("killed during the president's final year").
    if matcher is not None:
        claim.measure = matcher(claim, sentence_text)
    if claim.place is None:
        claim.place = default_place
    return claim


def _mark_extreme(sentence_text: str, claims: list[Claim]) -> None:
    """Flag the claim a "highest ever" sentence is about: the latest one in time."""
    m = _RECORD_RE.search(sentence_text)
    if not m:
        return
    candidates = [c for c in claims if c.kind in ("count", "money", "rate", "measurement")]
    if not candidates:
        return
    dated = [c for c in candidates if c.period]
    target = max(dated, key=lambda c: last_year(c.period) or 0) if dated else candidates[-1]
    target.extreme = "min" if m.group("min") else "max"


def _ignored_lines(doc: Document) -> dict[int, str]:
    """Lines whose claims are suppressed inline: the directive's line and the line after it."""
    lines: dict[int, str] = {}
    if "factcheck" not in doc.text:
        return lines
    for m in _IGNORE_RE.finditer(doc.text):
        line, _ = doc.position(m.start())
        reason = m.group("reason").strip(" :-–>*/#").strip() or "ignored inline"
        lines[line] = lines[line + 1] = f"inline: {reason}"
    return lines


def period_years(period: str | None) -> tuple[int | None, int | None]:
    """First and last year of a period, for callers that group by year."""
    return first_year(period), last_year(period)
