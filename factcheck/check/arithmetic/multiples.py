"""Multiples and comparisons between two stated figures.

- "The district pays 31 dollars, double the regional average of 22"; "300 riders, 1.5 times as
  many as the 200 on buses"; "12%, half the 30% spent on roads": the first figure against the
  multiple of the second. "Three times more than" is read both ways (three times, or four
  times: both are common), and either reading that fits is accepted.
- "$40 million, more than the $45 million of 2019"; "5,000 cars, fewer than the 4,000 made in
  2020"; "$40 million, up from $45 million": a comparison that the two figures contradict.

The two figures must be of one unit and count the same thing (their head nouns agree), the
multiple must stand between them, and nothing but a few nouns and "as many as", "the", "that
of", "than" may stand between the multiple and the second figure.
"""

from __future__ import annotations

import math
import re

from ...interval import Interval
from ...model import Finding
from ..evidence import fmt
from ..findings import claim_ref
from .changes import states_a_difference
from .figures import QUANTITIES, Figure, SentenceView, head_of, may_count_the_same, without_times
from .verdict import Check, amount, judged, rounded

RULE = "arithmetic-comparison"

_STOP_RE = re.compile(
    r";|\b(?:and|but|while|whereas|when|where|who|which|that\s+(?!of\b)|after|before|since"
    r"|because|if|although|though|per|each|every)\b",
    re.IGNORECASE,
)
# Between the first figure and the multiple: "31 dollars, double", "300 riders, or twice".
_X_THEN_F_RE = re.compile(
    r"^(?:\s*[\w'’-]+){0,4}?\s*(?:,|—|–|\(|:)?\s*(?:(?:is|was|were|are|or|about|nearly|almost"
    r"|roughly|some|more\s+than|over)\s+)*$",
    re.IGNORECASE,
)
# Between the multiple and the second figure.
_F_THEN_Y_RE = re.compile(
    r"^\s*(?P<how>as\s+(?:many|much|large|high|big|great|long|often|likely|fast|far)"
    r"(?:\s+[\w'’-]+){0,2}?\s+as|(?P<more>more|higher|greater|larger|bigger|above)\s+than"
    r"|(?P<less>less|fewer|lower|smaller|below)\s+than|that\s+of|those\s+of|the|of\s+the|of)\b"
    r"(?:\s+[\w'’-]+){0,5}?\s*(?:of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_COMPARE_RE = re.compile(
    r"^(?:\s*[\w'’-]+){0,4}?\s*,?\s*(?:which\s+is\s+|is\s+|was\s+|were\s+|are\s+)?(?:far\s+"
    r"|much\s+|well\s+|slightly\s+|still\s+|even\s+|somewhat\s+)?(?:(?P<more>more|higher"
    r"|greater|larger|bigger|above)|(?P<less>fewer|less|lower|smaller|below))\s+than\s+(?:the\s+"
    r"|a\s+|an\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?$"
    r"|^(?:\s*[\w'’-]+){0,3}?\s*,\s*(?:(?P<up>up)|(?P<down>down))\s+from\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


def check_multiples(view: SentenceView) -> list[Finding]:
    findings = []
    for f in view.figures:
        finding = _multiple(view, f)
        if finding is not None:
            findings.append(finding)
    for x, y in zip(view.figures, view.figures[1:], strict=False):
        finding = _comparison(view, x, y)
        if finding is not None:
            findings.append(finding)
    return findings


def _factor(f: Figure) -> Interval | None:
    """The multiple a figure states: "twice", "double", "1.5 times", "half", "a third"."""
    if f.claim.factor is not None and f.kind in ("multiplier", "change"):
        return Interval(f.low, f.high)
    if f.kind == "percent" and f.in_words and f.high <= 100:
        return Interval(f.low / 100, f.high / 100)  # "half the 30% spent on roads"
    return None


def _comparable(x: Figure, y: Figure) -> bool:
    if x.kind not in QUANTITIES or y.kind not in QUANTITIES:
        return False
    if x.unit != y.unit:
        # "31 dollars, double the regional average of 22": a bare second figure takes the
        # first one's unit.
        bare = y.unit == "count" and y.kind == "count" and head_of(y.claim) is None
        if not bare or x.unit == "percent":
            return False
    return may_count_the_same(x.claim, y.claim)


# A first figure that is itself the thing compared with ("than 40, ...", "from 800 ...").
_COMPARED_X_RE = re.compile(
    r"(?:\bfrom|\bthan|\bversus|\bvs\.?|\bagainst|\bcompared\s+(?:with|to))\s*(?:the\s+)?$",
    re.IGNORECASE,
)


def _is_compared(view: SentenceView, x: Figure) -> bool:
    return bool(_COMPARED_X_RE.search(without_times(view.left(x, 30))))


def _multiple(view: SentenceView, f: Figure) -> Finding | None:
    factor = _factor(f)
    x, y = view.prev(f), view.next(f)
    if factor is None or x is None or y is None or not _comparable(x, y) or _is_compared(view, x):
        return None
    if y.low < 0 or factor.low <= 0:
        return None
    gap_xf, gap_fy = without_times(view.between(x, f)), without_times(view.between(f, y))
    if _STOP_RE.search(gap_xf) or not _X_THEN_F_RE.match(gap_xf):
        return None
    m = _F_THEN_Y_RE.match(gap_fy)
    if m is None or _STOP_RE.search(gap_fy):
        return None
    if (
        f.kind == "percent"
        and m.group("how") is None
        and not gap_fy.strip().lower().startswith(("the", "of", "that of"))
    ):
        return None
    readings = [factor]
    if m.group("more") and f.kind == "multiplier":
        readings.append(Interval(factor.low + 1, factor.high + 1))  # "three times more than"
    if m.group("less"):
        readings = [Interval(1 / factor.high, 1 / factor.low)] if factor.low > 0 else []
    best = None
    for reading in readings:
        implied = Interval(y.low * reading.low, y.high * reading.high)
        value = (y.claim.value or 0) * reading.midpoint
        check = Check(
            RULE,
            Interval(x.low, x.high),
            implied,
            [x, f, y],
            f"{fmt(reading.midpoint)} × {fmt(y.claim.value or 0)} = {fmt(value)}"
            f"{rounded(implied.low, implied.high)}",
            f"{x.quote} is not {f.quote} {y.quote}, which would be {amount(value, x.unit)}: it is "
            f"{_times(x, y)} times {y.quote}",
            f"{x.quote} is {f.quote} {y.quote}",
        )
        finding = judged(check, f"{fmt(value)} ({f.claim.surface} {y.claim.surface})")
        if check.agrees:
            return finding
        best = best or finding
    return best


def _times(x: Figure, y: Figure) -> str:
    a, b = x.claim.value or 0, y.claim.value or 0
    return f"{a / b:.3g}" if b else "∞"


def _comparison(view: SentenceView, x: Figure, y: Figure) -> Finding | None:
    if not _comparable(x, y) or _is_compared(view, x) or states_a_difference(view, x):
        return None
    gap = without_times(view.between(x, y))
    m = _COMPARE_RE.match(gap)
    if m is None or _STOP_RE.search(gap):
        return None
    more = bool(m.group("more") or m.group("up"))
    word = next(g for g in (m.group("more"), m.group("less"), m.group("up"), m.group("down")) if g)
    if math.isinf(x.high) and not more:
        return None
    if more and x.high < y.low:
        went = "less than"
    elif not more and x.low > y.high:
        went = "more than"
    else:
        return None  # holds, or too close to tell after rounding
    said = f"{word} from" if m.group("up") or m.group("down") else f"{word} than"
    return Finding(
        rule=RULE,
        severity="error",
        message=f"{x.quote} is said to be {said} {y.quote}, but it is {went} it",
        claims=[claim_ref(x.claim), claim_ref(y.claim)],
        expected=f"{'more' if more else 'less'} than {y.claim.surface}",
        actual=x.claim.surface,
        difference=((x.claim.value or 0) - (y.claim.value or 0)) / (y.claim.value or 1),
        tolerance="the rounding of every figure and the qualifiers' intervals",
        explanation=[*x.steps(), *y.steps(),
                     f"“{said}” says {x.describe()} is {'above' if more else 'below'} "
                     f"{y.describe()}; it is {went} it"],
    )  # fmt: skip
