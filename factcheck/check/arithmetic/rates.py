"""Rates against the figures they restate.

- Over another span: "36,500 calls a year, about 100 a day"; "$2 million a week, or roughly
  $100 million a year"; "36,500 calls in 2023, about 100 a day" (a count of one year).
- Per head, with both counts stated: "$6 million for 3,000 pupils, or $2,000 per pupil";
  "12 nurses for 90 patients, one nurse for every 9 patients".

Only a restatement is checked: the rate must follow its figures after a comma, a bracket or
"or" ("$14 million a day in February" and "$13 billion in 2021" in two sentences are two
facts, not one restated).
"""

from __future__ import annotations

import re

from ...interval import Interval
from ...model import Finding
from ..evidence import fmt
from .figures import Figure, SentenceView, head_of, noun_of, plain, same_dimension, without_times
from .parts import compared
from .verdict import Check, amount, judged, ratio, rounded

RULE = "arithmetic-rate"

# The words before a figure that restates what comes before it: ", or", " (", ", that is".
_APPOSED_END_RE = re.compile(
    r"(?:,|\(|—|–|:)\s*(?:or\s+|that\s+is,?\s+|i\.e\.,?\s+|the\s+equivalent\s+of\s+"
    r"|equivalent\s+to\s+|which\s+is\s+|or\s+(?:about|roughly|some|nearly|almost)\s+)?$"
    r"|\s+or\s+$",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"^(?:FY)?\d{4}$")
# Words that make a rate hold over part of the time only (working days, peak hours), so that
# it does not convert to another span by the calendar.
_PART_OF_THE_TIME_RE = re.compile(
    r"\b(?:peak|busiest|rush|weekdays?|weekends?|working|business|school|shift|opening"
    r"|season(?:al)?|on\s+average\s+during)\b",
    re.IGNORECASE,
)
_ONE_FOR_EVERY_RE = re.compile(
    r"(?P<lead>.*?)\b(?:one|a|an|1)\s+(?P<x>[a-z][\w-]*)(?:\s+[a-z][\w-]*)?\s+(?:for|to)\s+every\s*$",
    re.IGNORECASE,
)
_PER_HEAD_RE = re.compile(
    r"^(?:\s+(?!(?:per|for|each|a|an|and|or|of|in|on)\b)[a-z][\w'-]*){0,2}?"
    r"\s+(?:per|for\s+(?:each|every)|each|a|an)\s+(?P<z>[a-z][\w-]*)\b",
    re.IGNORECASE,
)
_TIME_WORDS = frozenset(
    "second minute hour day night week month quarter year decade century "
    "fortnight weekday weekend".split()
)


def check_rates(view: SentenceView) -> list[Finding]:
    findings = _over_another_span(view)
    findings += _one_for_every(view)
    findings += _per_head(view)
    return findings


def _per_time(f: Figure) -> str | None:
    """The unit of a figure as a rate over time: its own ("count / day"), or per year for a
    count or amount dated to a single year ("36,500 calls in 2023")."""
    if f.kind == "rate" and "/" in f.unit and f.unit != "per_100k":
        return f.unit
    if f.kind in ("count", "money") and _YEAR_RE.match(f.claim.period or ""):
        return f"{f.unit} / year"
    return None


def _over_another_span(view: SentenceView) -> list[Finding]:
    findings = []
    for a, b in zip(view.figures, view.figures[1:], strict=False):
        if b.kind != "rate":
            continue
        unit_a, unit_b = _per_time(a), _per_time(b)
        if unit_a is None or unit_b is None or unit_a == unit_b:
            continue
        if not same_dimension(unit_a, unit_b) or compared(view, b):
            continue
        gap = without_times(view.between(a, b))
        if not _APPOSED_END_RE.search(gap) or len(gap.split()) > 5:
            continue
        if re.search(r"\b(?:and|but|while|whereas|than|from|compared|versus)\b", gap, re.I):
            continue
        if _PART_OF_THE_TIME_RE.search(view.right(b, 40)) or _PART_OF_THE_TIME_RE.search(gap):
            continue  # "200 calls a day, or 10 an hour at peak times": not the same average
        try:
            implied = Interval(a.low, a.high, unit_a).to(unit_b)
        except ValueError:
            continue
        value = Interval(a.claim.value or 0, a.claim.value or 0, unit_a).to(unit_b).low
        per = unit_b.split("/")[-1].strip()
        check = Check(
            RULE,
            Interval(b.low, b.high, unit_b),
            implied,
            [b, a],
            f"{a.quote} is {fmt(value)} a {per}"
            f"{rounded(implied.low, implied.high, lambda x: f'{x:,.4g}')}",
            f"{b.quote} does not restate {a.quote}, which is {amount(value, unit_b)} a {per}",
            f"{b.quote} restates {a.quote} ({fmt(value)} a {per})",
        )
        findings.append(judged(check, f"{fmt(value)} a {per}"))
    return findings


def _own_head(f: Figure) -> str | None:
    """The head noun written with the figure ("14 clinics"), else the one the match stage
    read for it."""
    return noun_of(f.claim)[0] or head_of(f.claim)


def _counts_of(view: SentenceView, head: str, skip: Figure) -> list[Figure]:
    return [
        f
        for f in view.figures
        if f is not skip and f.kind == "count" and f.unit == "count" and _own_head(f) == head
        and not compared(view, f)
    ]  # fmt: skip


def _one_for_every(view: SentenceView) -> list[Finding]:
    """ "12 nurses for 90 patients, one nurse for every 9 patients": 90 / 12 against 9."""
    from ...match.words import singular

    findings = []
    for n in view.figures:
        if n.kind != "count" or n.index == 0:
            continue
        m = _ONE_FOR_EVERY_RE.match(view.left(n, 60))
        if m is None or not _APPOSED_END_RE.search(m.group("lead")):
            continue
        x, y = singular(m.group("x")), _own_head(n)
        if not y or x == y:
            continue
        xs, ys = _counts_of(view, x, n), _counts_of(view, y, n)
        if len(xs) != 1 or len(ys) != 1:
            continue
        findings.append(_per_finding(n, ys[0], xs[0], f"{plain(m.group('x'))}"))
    return findings


def _per_head(view: SentenceView) -> list[Finding]:
    """ "$6 million for 3,000 pupils, or $2,000 per pupil": 6 million / 3,000 against 2,000."""
    from ...match.words import singular

    findings = []
    for q in view.figures:
        if q.kind not in ("count", "money") or q.index == 0:
            continue
        m = _PER_HEAD_RE.match(view.right(q, 30))
        if m is None or singular(m.group("z")) in _TIME_WORDS:
            continue
        if not _APPOSED_END_RE.search(view.between(view.figures[q.index - 1], q)):
            continue
        z = singular(m.group("z"))
        denominators = _counts_of(view, z, q)
        numerators = [
            f for f in view.figures[: q.index]
            if f is not q and f.unit == q.unit and f.kind == q.kind and f not in denominators
            and not compared(view, f)
            and (q.kind == "money" or not _own_head(q) or _own_head(f) == _own_head(q))
        ]  # fmt: skip
        if len(denominators) != 1 or len(numerators) != 1:
            continue
        findings.append(_per_finding(q, numerators[0], denominators[0], m.group("z")))
    return findings


def _per_finding(stated: Figure, top: Figure, bottom: Figure, per: str) -> Finding:
    quotient = ratio(top, bottom)
    if quotient is None:
        quotient = Interval(0.0, float("inf"))
    value = (top.claim.value or 0) / (bottom.claim.value or 1)
    check = Check(
        RULE,
        Interval(stated.low, stated.high),
        quotient,
        [stated, top, bottom],
        f"{fmt(top.claim.value or 0)} / {fmt(bottom.claim.value or 0)} = {value:,.4g}"
        f"{rounded(quotient.low, quotient.high, lambda x: f'{x:,.4g}')}",
        f"{stated.quote} per {per} does not fit {top.quote} for {bottom.quote}, which is "
        f"{amount(value, top.unit)} per {per}",
        f"{stated.quote} per {per} fits {top.quote} for {bottom.quote}",
    )
    return judged(check, f"{value:,.4g} per {per}")
