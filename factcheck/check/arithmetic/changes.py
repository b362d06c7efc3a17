"""Stated changes against the endpoints stated beside them.

"Admissions rose 25 percent, from 800 to 1,000", "fell by a third (from 90 to 60)", "tripled,
from 4 to 12", "halved, from 300 to 150", "a ten-fold increase, from 2,000 to 20,000", "grew
25% to 1,000 from 800", "from 800 to 1,000, an increase of 25 percent", "rose by 200, from 800
to 1,000", "up 6 points, from 31% to 37%". The endpoints are the two figures of a "from A to
B" (or "to B from A", or "(A to B)" right after the change); the change is the figure right
before or right after them, with nothing but dates and punctuation between. A percent change
of two percentages that fits as percentage points (or points that fit as a percent change) is
a points/percent confusion: a warning. "Fell from 90 to 120" says the wrong direction.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...interval import Interval
from ...model import Finding
from ..evidence import fmt
from . import figures as fg
from .figures import Figure, SentenceView, direction_of, without_times
from .verdict import Check, judged, pct, rounded

RULE = "arithmetic-change"

_FROM_BEFORE_RE = re.compile(r"(?:^|[\s,(—–-])from\s*$", re.IGNORECASE)
_TO_GAP_RE = re.compile(r"^\s*to\s*$", re.IGNORECASE)
_TO_BEFORE_RE = re.compile(r"\bto\s*$", re.IGNORECASE)
_REVERSED_GAP_RE = re.compile(
    r"^(?:\s+(?!(?:and|but|while|whereas|after|before|when|than)\b)[a-z][\w'-]*){0,3}?"
    r"[\s,]*(?:(?:up|down)\s+)?from\s*$",
    re.IGNORECASE,
)
_COMPARED_GAP_RE = re.compile(
    r"^(?:\s*[a-z][\w'-]*){0,3}?\s*,\s*(?:compared\s+(?:with|to)|against|versus|vs\.?"
    r"|(?:up|down)\s+from)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
_PAREN_BEFORE_RE = re.compile(r"\(\s*$")
# Between a change and the endpoints after it: "rose 25 percent, from", "by 4.9% (from".
_CHANGE_THEN_FROM_RE = re.compile(
    r"^(?:\s+(?!(?:from|and|but|while|whereas|as|when|after|though|yet|to)\b)[a-z][\w'-]*){0,3}?"
    r"[\s,(—–-]*(?:(?:up|down)\s+)?from\s*$",
    re.IGNORECASE,
)
_CHANGE_THEN_TO_RE = re.compile(r"^[\s,]*to\s*$", re.IGNORECASE)
# Between the endpoints and a change after them: ", an increase of", ", or", ", up", " (".
_ENDS_THEN_CHANGE_RE = re.compile(
    r"^(?:\s+(?!(?:and|but|while|whereas|as|when|after|though|yet)\b)[a-z][\w'-]*){0,2}?"
    r"\s*[,(—–:]\s*(?P<or>or\s+|that\s+is\s+|i\.e\.,?\s+)?(?:(?:up|down)\s+|(?:an?\s+|the\s+)?"
    r"(?:\w+\s+)?(?:increase|rise|jump|gain|growth|hike|surge|climb|decrease|decline|drop|fall"
    r"|reduction|cut|change|loss|dip)\s+(?:of\s+)?|an?\s+)?$",
    re.IGNORECASE,
)
_HALVED_RE = re.compile(
    r"\b(?:halved|halving|halves|cut\s+(?:in|by)\s+half)\b[\s,]*(?:(?:up|down)\s+)?from\s*$",
    re.IGNORECASE,
)
_CUT_IN_RE = re.compile(r"\b(?:cut|slashed|reduced|split)\s+in\s*$", re.IGNORECASE)
# A verb of change right before "from A to B", with at most an adverb between.
_VERB_FROM_RE = re.compile(
    r"\b(?P<word>" + fg.lx.DECREASE_WORDS + "|" + fg.lx.INCREASE_WORDS + r")"
    r"(?:\s+\w+ly)?\s+from\s*$",
    re.IGNORECASE,
)
_VERB_TO_RE = re.compile(
    r"\b(?P<word>" + fg.lx.DECREASE_WORDS + "|" + fg.lx.INCREASE_WORDS + r")"
    r"(?:\s+\w+ly)?\s+to\s*$",
    re.IGNORECASE,
)
# Between a level and the change after it: "$40 million, up", "21.6 per 100,000 population
# and a", "70,630 deaths, ".
_LEVEL_THEN_CHANGE_RE = re.compile(
    r"^(?:\s+(?!(?:but|while|whereas|when|after|though|from|than|to)\b)[a-z][\w'’-]*){0,3}?"
    r"\s*(?:,|\band\b|\()?\s*(?:(?:an?|the)\s+)?(?:(?:up|down)\s+)?$",
    re.IGNORECASE,
)
# Between the change and the figure it is measured from: "from", "over the", "more than the",
# "increase from the 2018 rate (".
_CHANGE_THEN_BASE_RE = re.compile(
    r"^\s*(?:(?:percent(?:age)?|per\s+cent|points?)\s+)?(?:(?:increase|rise|jump|gain|growth"
    r"|decrease|decline|drop|fall|reduction|cut|loss)\s+)?(?:(?P<more>more|higher|greater|larger"
    r"|bigger|above)\s+than|(?P<less>less|fewer|lower|smaller|below)\s+than|from|over|on"
    r"|compared\s+(?:with|to)|versus)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?\(?\s*$",
    re.IGNORECASE,
)
_POINTS_HEADS = ("point", "percentage point", "percentage-point")
_FOLD_RE = re.compile(r"fold|times", re.IGNORECASE)


@dataclass
class Pair:
    start: Figure  # the figure the change runs from
    end: Figure  # the figure it runs to
    first: Figure  # whichever of them is written first
    last: Figure
    # "from A to B" says it changed; "B, compared with A" or "B, up from A" only compares,
    # and is checked only against a change stated with it.
    stated: bool = True


def check_changes(view: SentenceView) -> list[Finding]:
    findings = []
    pairs = endpoint_pairs(view)
    for pair in pairs:
        findings.extend(_check_pair(view, pair))
    paired = {id(f) for pair in pairs for f in (pair.start, pair.end)}
    for c in view.figures:
        found = _level_change_base(view, c, paired)
        if found is not None:
            findings.append(found)
    return findings


def states_a_difference(view: SentenceView, x: Figure) -> bool:
    """Whether a figure is the change or difference stated after a level ("$4.10, 25 cents
    more than ...", "$40 million, up 25% from ..."), not a level compared with another."""
    b = view.prev(x)
    return (
        b is not None
        and b.unit != "percent"
        and bool(_LEVEL_THEN_CHANGE_RE.match(without_times(view.between(b, x))))
        and (b.unit == x.unit or x.unit == "percent")
    )


def _level_change_base(view: SentenceView, c: Figure, paired: set[int]) -> Finding | None:
    """ "$40 million, up 25% from $32 million"; "70,630, 4.3% more than the 67,367 of 2018";
    "a rate of 21.6, 4.3% up on the 2018 rate (20.7)": the figure before the
    change is where it went, the figure after it where it came from."""
    b, a = view.prev(c), view.next(c)
    if b is None or a is None or id(a) in paired or id(b) in paired:
        return None
    if a.kind not in fg.QUANTITIES or b.kind not in fg.QUANTITIES or a.unit != b.unit:
        return None
    if not fg.heads_agree(a.claim, b.claim) or _stated_kind(c, a) is None:
        return None
    m = _CHANGE_THEN_BASE_RE.match(fg.without_years(view.between(c, a)))
    if m is None or not _LEVEL_THEN_CHANGE_RE.match(without_times(view.between(b, c))):
        return None
    direction = direction_of(view, c)
    if m.group("more"):
        direction = direction or 1
    elif m.group("less"):
        direction = direction or -1
    if direction == 0 and c.kind != "change":
        return None  # "40 million, 25% from 32 million" says no change
    found = _judge(view, Pair(a, b, b, a), c, direction)
    return found[0] if found else None


def endpoint_pairs(view: SentenceView) -> list[Pair]:
    """Every "from A to B" (and "to B from A", "(A to B)") of the sentence."""
    pairs = []
    for a, b in zip(view.figures, view.figures[1:], strict=False):
        if not (_level(view, a) and _level(view, b)) or a.unit != b.unit:
            continue
        if not fg.heads_agree(a.claim, b.claim):
            continue
        gap = without_times(view.between(a, b))
        left = without_times(view.left(a, 30))
        if _TO_GAP_RE.match(gap) and (
            _FROM_BEFORE_RE.search(left)
            or (_PAREN_BEFORE_RE.search(left) and _change_before(view, a) is not None)
        ):
            pairs.append(Pair(a, b, a, b))
        elif _REVERSED_GAP_RE.match(gap) and _TO_BEFORE_RE.search(without_times(view.left(a, 30))):
            pairs.append(Pair(b, a, a, b))
        elif _COMPARED_GAP_RE.match(gap):
            # "$88 million, compared with $102 million a year earlier, a 14 percent drop"
            pairs.append(Pair(b, a, a, b, stated=False))
    return pairs


def _level(view: SentenceView, f: Figure) -> bool:
    """A figure that is a level: a quantity, or a percentage the reader took for a change
    because a change word stands before it ("fell to 3.1%", "from 3.4%")."""
    if f.kind in fg.QUANTITIES:
        return True
    return (
        f.kind == "change"
        and f.claim.factor is None
        and bool(re.search(r"\b(?:to|from)\s*$", view.left(f, 10), re.IGNORECASE))
    )


def _change_before(view: SentenceView, first: Figure) -> Figure | None:
    """The change figure written right before the endpoints ("rose 25 percent, from ...",
    "by 1.9% (10.4 to 10.6)"; "grew 25% to 1,000 from 800")."""
    candidate = view.prev(first)
    if candidate is None or _stated_kind(candidate, first) is None:
        return None
    gap = without_times(view.between(candidate, first))
    left = without_times(view.left(first, 30))
    if _CHANGE_THEN_FROM_RE.match(gap) or _CHANGE_THEN_TO_RE.match(gap):
        return candidate
    if re.fullmatch(r"\s*\(\s*", gap) and _PAREN_BEFORE_RE.search(left):
        return candidate
    return None


def _change_after(view: SentenceView, last: Figure) -> Figure | None:
    """The change figure written right after the endpoints (", an increase of 25 percent")."""
    candidate = view.next(last)
    if candidate is None:
        return None
    m = _ENDS_THEN_CHANGE_RE.match(without_times(view.between(last, candidate)))
    if m is None:
        return None
    kind = _stated_kind(candidate, last)
    if kind is None or (kind == "relative" and candidate.kind != "change" and not m.group("or")):
        return None
    return candidate


def _stated_kind(c: Figure, endpoint: Figure) -> str | None:
    """How a figure states a change: "relative" (percent), "points", "factor", "absolute"
    (in the endpoints' unit), or None when it states none."""
    claim = c.claim
    if claim.unit == "percentage_point" or (
        claim.kind == "count" and fg.head_of(claim) in _POINTS_HEADS
    ):
        # Points of an index ("rose 2.5 points, from 101.2 to 103.7") are its difference.
        return "points" if endpoint.unit == "percent" else "absolute"
    if claim.factor is not None and claim.kind in ("change", "multiplier"):
        return "factor"
    if claim.unit == "percent" and claim.kind in ("change", "percent"):
        return "relative"
    if claim.unit == endpoint.unit and claim.kind == endpoint.kind and claim.kind != "percent":
        return "absolute"
    return None


def _check_pair(view: SentenceView, pair: Pair) -> list[Finding]:
    a, b = pair.start, pair.end
    if a.low <= 0 or math.isinf(a.high) or math.isinf(b.high):
        return []
    change = _change_before(view, pair.first) if pair.stated else None
    change = change or _change_after(view, pair.last)
    if change is None and not pair.stated:
        return []
    if change is None:
        left = without_times(view.left(pair.first, 60))
        if _HALVED_RE.search(left):
            half = Interval(0.5 * 0.95, 0.5 * 1.05)
            return [_factor_finding(view, pair, None, half, "“halved”")]
        return _direction_only(view, pair, left)
    return _judge(view, pair, change)


def _judge(view: SentenceView, pair: Pair, change: Figure, direction: int = 0) -> list[Finding]:
    """The change against the pair, as the change is stated (``direction``: the way the
    words say it went, when the change's own words do not say)."""
    a = pair.start
    if a.low <= 0 or math.isinf(a.high) or math.isinf(pair.end.high):
        return []
    kind = _stated_kind(change, a)
    if kind is None:
        return []
    direction = direction_of(view, change) or direction
    if kind == "absolute" and direction == 0:
        return []  # a same-unit figure with no change word beside it is no change
    if change.kind == "percent" and _CUT_IN_RE.search(view.left(change, 20)):
        # "cut in half, from $4 to $2": a factor of one half.
        return [_factor_finding(view, pair, change, Interval(change.low / 100, change.high / 100),
                                change.quote)]  # fmt: skip
    if kind in ("factor", "relative") and (pair.end.low < 0 or change.low < 0):
        return []  # a ratio of signed figures (temperatures, balances) says nothing here
    if kind == "factor":
        return [_factor_of(view, pair, change, direction)] if change.low > 0 else []
    if kind == "relative":
        return [_relative(view, pair, change, direction)]
    if kind == "points":
        return [_points(view, pair, change, direction)]
    return [_absolute(view, pair, change, direction)]


def _implied_factor(a: Figure, b: Figure) -> Interval:
    return Interval(b.low / a.high, b.high / a.low)


def _ends(pair: Pair) -> str:
    return f"{pair.start.quote} → {pair.end.quote}"


def _went(a: Figure, b: Figure) -> str:
    """ "a rise of 25.0%" for the endpoints as written."""
    x, y = a.claim.value or 0.0, b.claim.value or 0.0
    if not x:
        return "a change"
    change = (y - x) / x
    return f"a {'rise' if change >= 0 else 'fall'} of {abs(change):.1%}"


def _figures(change: Figure | None, pair: Pair) -> list[Figure]:
    return ([change] if change else []) + [pair.start, pair.end]


def _factor_of(view: SentenceView, pair: Pair, change: Figure, direction: int) -> Finding:
    """ "tripled", "a ten-fold increase", "fell ten-fold": the factor from A to B."""
    stated = Interval(change.low, change.high)
    fold = bool(_FOLD_RE.search(change.claim.surface))
    if fold and direction < 0:
        stated = Interval(1 / change.high, 1 / change.low)
    finding = _factor_finding(view, pair, change, stated, change.quote)
    if finding.rule != "arithmetic-verified" and fold and stated.low >= 1:
        # "a three-fold increase" is read by some as four times the start: accept either.
        other = _factor_finding(view, pair, change, Interval(stated.low + 1, stated.high + 1),
                                change.quote)  # fmt: skip
        if other.rule == "arithmetic-verified":
            return other
    return finding


def _factor_finding(
    view: SentenceView, pair: Pair, change: Figure | None, stated: Interval, said: str
) -> Finding:
    a, b = pair.start, pair.end
    implied = _implied_factor(a, b)
    factor = (b.claim.value or 0) / (a.claim.value or 1)
    check = Check(
        RULE,
        stated,
        implied,
        _figures(change, pair) if change else [b, a],
        f"{fmt(b.claim.value or 0)} / {fmt(a.claim.value or 0)} = {factor:.3g}"
        f"{rounded(implied.low, implied.high)}",
        f"{said} does not fit {_ends(pair)}: that is a factor of {factor:.3g} "
        f"({_went(a, b)}), not {fmt(stated.midpoint)}",
        f"{said} fits {_ends(pair)} (a factor of {factor:.3g})",
    )
    return judged(check, f"a factor of {factor:.3g} ({_ends(pair)})")


def _relative(view: SentenceView, pair: Pair, change: Figure, direction: int) -> Finding:
    a, b = pair.start, pair.end
    implied = _implied_factor(a, b)
    if direction == 0:
        # No word says which way: the size alone is checked, in the endpoints' direction.
        direction = 1 if (b.claim.value or 0) >= (a.claim.value or 0) else -1
    stated = Interval(
        *sorted((1 + direction * change.low / 100, 1 + direction * change.high / 100))
    )
    actual = (b.claim.value or 0) / (a.claim.value or 1) - 1
    check = Check(
        RULE,
        stated,
        implied,
        _figures(change, pair),
        f"{fmt(b.claim.value or 0)} / {fmt(a.claim.value or 0)} − 1 = {pct(actual)}"
        f"{rounded(implied.low - 1, implied.high - 1, pct)}",
        f"{change.quote} does not fit {_ends(pair)}, which is {_went(a, b)}",
        f"{change.quote} fits {_ends(pair)} ({_went(a, b)})",
        show=lambda x: pct(x - 1),
        show_gap=lambda x: f"{100 * x:.2g} percentage points",
    )
    finding = judged(check, f"{pct(actual)} ({_ends(pair)})")
    if check.agrees or a.unit != "percent":
        return finding
    # Two percentages: "fell 4 percent, from 40% to 36%" is a fall of 4 points, not 4 percent.
    points = _points_check(pair, change, direction)
    if points.agrees:
        finding.severity = "warning"
        finding.message = (
            f"{change.quote} fits {_ends(pair)} as percentage points ({fmt(_points_of(pair))} "
            f"points), but as a percent change it is {_went(a, b)}: points and percent confused?"
        )
        finding.explanation.append(f"read as points instead: {points.computation}, which fits")
    return finding


def _points_of(pair: Pair) -> float:
    return abs((pair.end.claim.value or 0) - (pair.start.claim.value or 0))


def _points_check(pair: Pair, change: Figure, direction: int) -> Check:
    a, b = pair.start, pair.end
    stated = Interval(*sorted((direction * change.low, direction * change.high)))
    implied = Interval(b.low - a.high, b.high - a.low)
    diff = (b.claim.value or 0) - (a.claim.value or 0)
    return Check(
        RULE,
        stated,
        implied,
        _figures(change, pair),
        f"{fmt(b.claim.value or 0)} − {fmt(a.claim.value or 0)} = {diff:+.3g} points"
        f"{rounded(implied.low, implied.high, lambda x: f'{x:+.3g}')}",
        f"{change.quote} does not fit {_ends(pair)}, a change of {diff:+.3g} points",
        f"{change.quote} fits {_ends(pair)} ({diff:+.3g} points)",
        show=lambda x: f"{x:+.3g} points",
    )


def _points(view: SentenceView, pair: Pair, change: Figure, direction: int) -> Finding:
    a, b = pair.start, pair.end
    if direction == 0:
        direction = 1 if (b.claim.value or 0) >= (a.claim.value or 0) else -1
    check = _points_check(pair, change, direction)
    diff = (b.claim.value or 0) - (a.claim.value or 0)
    finding = judged(check, f"{diff:+.3g} points ({_ends(pair)})")
    if check.agrees:
        return finding
    # "rose 10 points, from 40% to 44%": a rise of 10 percent, not 10 points.
    implied = _implied_factor(a, b)
    stated = Interval(
        *sorted((1 + direction * change.low / 100, 1 + direction * change.high / 100))
    )
    relative = Check(RULE, stated, implied, check.figures, "", "", "")
    if relative.agrees:
        finding.severity = "warning"
        finding.message = (
            f"{change.quote} fits {_ends(pair)} as a percent change ({_went(a, b)}), but the "
            f"difference is {diff:+.3g} percentage points: points and percent confused?"
        )
    return finding


def _absolute(view: SentenceView, pair: Pair, change: Figure, direction: int) -> Finding:
    """ "rose by 200, from 800 to 1,000": the difference of the endpoints."""
    a, b = pair.start, pair.end
    stated = Interval(*sorted((direction * change.low, direction * change.high)), a.unit)
    implied = Interval(b.low - a.high, b.high - a.low, a.unit)
    diff = (b.claim.value or 0) - (a.claim.value or 0)
    check = Check(
        RULE,
        stated,
        implied,
        _figures(change, pair),
        f"{fmt(b.claim.value or 0)} − {fmt(a.claim.value or 0)} = {fmt(diff)}",
        f"{change.quote} does not fit {_ends(pair)}, a difference of {fmt(diff)}",
        f"{change.quote} fits {_ends(pair)} (a difference of {fmt(diff)})",
    )
    return judged(check, f"{fmt(diff)} ({_ends(pair)})")


def _direction_only(view: SentenceView, pair: Pair, left: str) -> list[Finding]:
    """ "Deaths fell from 52,000 to 61,000", "rose to 2,800 from 3,100": the verb says one
    way, the figures the other. (", up from" and ", down from" are the comparisons'.)"""
    if pair.start is pair.first:
        m = _VERB_FROM_RE.search(left)
    elif re.search(r"\b(?:up|down)\s+from\b", view.between(pair.first, pair.last), re.I):
        return []
    else:
        m = _VERB_TO_RE.search(left)
    if m is None or m.group("word").lower() in ("more", "less", "higher", "lower", "up", "down"):
        return []
    says = -1 if fg.lx.DECREASE_RE.match(m.group("word")) else 1
    a, b = pair.start, pair.end
    if says > 0 and b.high < a.low:
        went = "fall"
    elif says < 0 and b.low > a.high:
        went = "rise"
    else:
        return []
    return [
        Finding(
            rule=RULE,
            severity="error",
            message=f"“{m.group('word')}” does not fit {_ends(pair)}, which is a {went}",
            claims=[fg_ref(b), fg_ref(a)],
            expected=f"a {went} ({_ends(pair)})",
            actual=m.group("word"),
            difference=None,
            tolerance="the rounding of every figure and the qualifiers' intervals",
            explanation=[
                *a.steps(),
                *b.steps(),
                f"the verb “{m.group('word')}” says the figure went "
                f"{'up' if says > 0 else 'down'}; from {a.describe()} to "
                f"{b.describe()} it went {'down' if says > 0 else 'up'}",
            ],
        )  # fmt: skip
    ]


def fg_ref(f: Figure) -> dict:
    from ..findings import claim_ref

    return claim_ref(f.claim)
