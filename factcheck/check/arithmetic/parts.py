"""Parts against their total.

Parts are summed only where the words say they make up the whole:

- a total word: "$4 million for roads and $7 million for bridges, $11 million in all"; "a total
  of 900 buses: 500 diesel and 400 electric" (after a colon the list is the whole; after a
  comma it may be a selection, so the parts may only not exceed it);
- a remainder: "Of the 60 patients, 31 were men; the remaining 27 were women"; "half went to
  salaries, 30 percent to buildings and the remaining 20 percent to transport" (shares with a
  remainder add up to 100%);
- a pair of words that splits a population: "Of the 60 patients, 31 were men and 29 were
  women" (men and women, boys and girls, insured and uninsured, ...).

Anywhere a part is given with its whole ("45 of the 150 schools", "52,404 deaths, including
33,091", "Of the 60 patients, 31 ..."), the part may not be larger than the whole. A figure that
is compared rather than listed ("up from", "than", "from ... to") is no part, and a list with one
in it is not summed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...interval import Interval
from ...match import words as w
from ...model import Finding
from ..evidence import fmt
from .figures import Figure, SentenceView, noun_of, plain, without_times
from .verdict import Check, amount, judged, rounded, total

RULE = "arithmetic-parts"

_TOTAL_BEFORE_RE = re.compile(
    r"(?:\ba\s+(?:combined\s+)?total\s+of|\btotal(?:l?ing|l?ed|s)|\bfor\s+a\s+total\s+of"
    r"|\badd(?:s|ed|ing)?\s+up\s+to|\bsum\s+of|\bin\s+all\s*,|\baltogether\s*,"
    r"|\bbring(?:s|ing)?\s+(?:the|its|their|our)\s+total\s+to"
    r"|\bthe\s+total\s+(?:is|was|of|came\s+to|reached|stood\s+at)"
    r"|\ba\s+combined)\s*$",
    re.IGNORECASE,
)
_TOTAL_AFTER_RE = re.compile(
    r"^(?:\s+[a-z][\w'-]*){0,3}?\s*,?\s+(?:in\s+all|in\s+total|all\s+told|altogether|combined"
    r"|in\s+sum)\b",
    re.IGNORECASE,
)
_COLON_AFTER_RE = re.compile(r"^(?:\s+[a-z][\w'-]*){0,3}\s*:\s*$", re.IGNORECASE)
_REMAINDER_BEFORE_RE = re.compile(
    r"\b(?:the\s+)?(?:remaining|other|rest\s*,|remainder\s*,|balance\s*,)\s*$", re.IGNORECASE
)
_REMAINDER_AFTER_RE = re.compile(r"^\s+(?:others|remaining|more\s+were\s+the\s+rest)\b",
                                 re.IGNORECASE)  # fmt: skip
_COMPARED_RE = re.compile(
    r"(?:\bfrom|\bthan|\bversus|\bvs\.?|\bagainst|\bcompared\s+(?:with|to)|\bup\s+from"
    r"|\bdown\s+from|\bover|\bto)\s*(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
# What may stand between two parts of a list, and what may not.
_LIST_JOIN_RE = re.compile(r",|\band\b|\bplus\b|\+|&|\bwhile\b|\bwith\b", re.IGNORECASE)
_LIST_BREAK_RE = re.compile(
    r";|\bthan\b|\bfrom\b|\bwhereas\b|\bbut\b|\bcompared\b|\bversus\b|\bup\s+to\b"
    r"|\bof\s+(?:the|these|those|them|which|whom)\b|\bamong\b|\bincluding\b|\bout\s+of\b",
    re.IGNORECASE,
)
_WHOLE_BEFORE_RE = re.compile(
    r"^\s*(?:of|among)(?:\s+(?:the|these|those|all(?:\s+the)?|its|their|our)"
    r"(?:\s+[\w.-]+(?:'s|’s))?)?\s*$",  # "Of the firm's 1,200 employees", "Of 1,000 adults"
    re.IGNORECASE,
)
# Pairs of words that split a population in two.
COMPLEMENTS = (
    ("men", "women"), ("man", "woman"), ("male", "female"), ("males", "females"),
    ("boys", "girls"), ("full-time", "part-time"), ("public", "private"), ("urban", "rural"),
    ("domestic", "foreign"), ("domestic", "international"), ("adults", "children"),
    ("passed", "failed"), ("won", "lost"), ("in favor", "against"), ("in favour", "against"),
)  # fmt: skip
_NEGATED_PREFIXES = ("un", "non-", "non", "in")


def check_parts(view: SentenceView) -> list[Finding]:
    findings = _with_total_word(view)
    findings += _of_the_whole(view)
    findings += _shares_with_remainder(view)
    findings += _part_and_whole(view)
    return findings


def compared(view: SentenceView, f: Figure) -> bool:
    """Whether a figure is compared with rather than counted: "up from 800", "than 40",
    "from 800 to", a figure in brackets restating the one before it ("33,091 (63.1%)")."""
    left = without_times(view.left(f, 30))
    if _COMPARED_RE.search(left):
        return True
    before = view.prev(f)
    return before is not None and re.fullmatch(r"\s*\(\s*", view.between(before, f)) is not None


def segment(view: SentenceView, f: Figure) -> int:
    """Which part of the sentence, between semicolons, a figure is in."""
    return view.text.count(";", 0, f.start)


def listed(view: SentenceView, parts: list[Figure], semicolon: bool = False) -> bool:
    """Whether figures read as one list: joined by commas or "and", nothing that starts a
    comparison or another whole between them (and no semicolon, unless ``semicolon``)."""
    for a, b in zip(parts, parts[1:], strict=False):
        gap = without_times(view.between(a, b))
        if semicolon:
            gap = gap.replace(";", ",")
        if not _LIST_JOIN_RE.search(gap) or _LIST_BREAK_RE.search(gap):
            return False
    return True


def _addable(f: Figure, unit: str) -> bool:
    return f.unit == unit and f.kind in ("count", "money", "percent", "measurement")


def _with_total_word(view: SentenceView) -> list[Finding]:
    findings = []
    for t in view.figures:
        if t.kind not in ("count", "money", "percent", "measurement"):
            continue
        marked = _TOTAL_BEFORE_RE.search(view.left(t, 40)) or _TOTAL_AFTER_RE.match(
            view.right(t, 40)
        )
        # "412 complaints: 190 about waiting, 150 about staff and 92 about food": a list after
        # a colon breaks the figure down; it may leave some out, never add some in.
        colon = not marked and _COLON_AFTER_RE.match(view.right(t, 40))
        if not marked and not colon:
            continue
        same = [f for f in view.figures if f is not t and _addable(f, t.unit)
                and segment(view, f) == segment(view, t)]  # fmt: skip
        before = [f for f in same if f.index < t.index]
        after = [f for f in same if f.index > t.index]
        if colon:
            before = []
        if before and after:
            continue  # parts on both sides: which are they?
        parts = before or after
        if len(parts) < 2 or any(compared(view, f) for f in parts) or not listed(view, parts):
            continue
        if before:
            gap = without_times(view.between(parts[-1], t))
            exact = not _LIST_BREAK_RE.search(gap)
        else:
            gap = without_times(view.between(t, parts[0]))
            if _LIST_BREAK_RE.search(gap):
                continue
            # "a total of 900 buses: 500 diesel and 400 electric" lists the whole.
            exact = ":" in gap and not colon
        findings.append(_sum_finding(view, t, parts, exact, suffixes=bool(before)))
    return findings


def _sum_finding(
    view: SentenceView, whole: Figure, parts: list[Figure], exact: bool, suffixes: bool
) -> Finding:
    """The parts' sum against the whole: equal when ``exact``, else at most the whole. With
    ``suffixes``, a list that only ends with the parts (the words before it may hold another
    figure of the same unit) is accepted when its last parts make the sum."""
    unit = whole.unit
    stated = Interval(whole.low, whole.high, unit)
    check = _sum_check(whole, parts, stated, unit, exact)
    if not check.agrees and suffixes:
        for k in range(1, len(parts) - 1):
            shorter = _sum_check(whole, parts[k:], stated, unit, exact)
            if shorter.agrees:
                check = shorter
                break
    return judged(check, f"{_plus(check.figures[1:])} = {fmt(_sum_value(check.figures[1:]))}")


def _sum_check(
    whole: Figure, parts: list[Figure], stated: Interval, unit: str, exact: bool
) -> Check:
    summed = total(parts, unit)
    implied = summed if exact else Interval(summed.low, float("inf"), unit)
    value = _sum_value(parts)
    if exact:
        total_text = amount(value, unit)
        wrong = f"the parts {_plus(parts)} add up to {total_text}, not the whole {whole.quote}"
        right = f"the parts {_plus(parts)} add up to the whole {whole.quote}"
    else:
        wrong = (
            f"the parts {_plus(parts)} add up to {amount(value, unit)}, more than the whole "
            f"{whole.quote}"
        )
        right = f"the parts {_plus(parts)} ({amount(value, unit)}) fit in the whole {whole.quote}"
    return Check(
        RULE,
        stated,
        implied,
        [whole, *parts],
        f"{_plus(parts)} = {fmt(value)}{rounded(summed.low, summed.high)}",
        wrong,
        right,
    )


def _plus(parts: Iterable[Figure]) -> str:
    return " + ".join(p.quote for p in parts)


def _sum_value(parts: Iterable[Figure]) -> float:
    return sum(p.claim.value or 0.0 for p in parts)


def whole_of(view: SentenceView) -> Figure | None:
    """The whole of "Of the 60 patients, ...": the sentence's first figure, when the words
    before it are only "Of the" (or "Among the", "Of these", ...)."""
    if not view.figures:
        return None
    first = view.figures[0]
    if first.kind not in ("count", "money", "measurement"):
        return None
    if not _WHOLE_BEFORE_RE.match(view.text[: first.start]):
        return None
    return first


def parts_of(view: SentenceView, whole: Figure, start: int = 0) -> list[Figure]:
    """The figures after ``start`` that read as parts of ``whole``: counts in its unit that
    count nothing else, or shares; not a rate, not a figure compared rather than counted."""
    parts = []
    sort = noun_of(whole.claim)[1]
    for f in view.figures[start:]:
        if f is whole or compared(view, f):
            continue
        if f.kind == "percent" or (f.unit == whole.unit and f.kind == whole.kind):
            own = noun_of(f.claim)[1]
            if own and sort and own != sort:
                continue  # "Of the 150 schools, 45 closed and 200 people ..."
            parts.append(f)
    return parts


def counts_within(part: Figure, whole: Figure) -> bool:
    """Whether a part's own words say it counts the whole's kind of thing: it names none
    ("45 closed"), the same ("45 schools"), or one of the same sort ("31 men" of patients).
    "200 teachers" of 150 schools may be anything."""
    if not part.claim.noun:
        return True
    head, sort = noun_of(part.claim)
    whole_head, whole_sort = noun_of(whole.claim)
    return head is None or head == whole_head or (sort is not None and sort == whole_sort)


def _of_the_whole(view: SentenceView) -> list[Finding]:
    whole = whole_of(view)
    if whole is None:
        return []
    return check_whole(view, whole, parts_of(view, whole, whole.index + 1))


def check_whole(view: SentenceView, whole: Figure, parts: list[Figure]) -> list[Finding]:
    """A whole and the parts that follow it: none larger than it; summed when the list says it
    is complete (a remainder, a pair that splits a population)."""
    findings = [_not_larger(part, whole) for part in parts
                if part.unit == whole.unit and counts_within(part, whole)]  # fmt: skip
    findings = [f for f in findings if f is not None]
    counts = [p for p in parts if p.unit == whole.unit]
    shares = [p for p in parts if p.kind == "percent"]
    if len(parts) < 2 or (counts and shares):
        return findings
    remainder = _remainder(view, parts[-1])
    # "31 were men; the remaining 27 were women": a remainder may follow a semicolon.
    if not listed(view, parts, semicolon=remainder):
        return findings
    if not (remainder or (len(parts) == 2 and complements(view, *parts))):
        return findings
    if counts:
        findings.append(_sum_finding(view, whole, parts, exact=True, suffixes=False))
    else:
        findings.append(_hundred(parts))
    return findings


def _not_larger(part: Figure, whole: Figure) -> Finding | None:
    """A part larger than its whole ("45 of the 40 schools"); nothing when it fits."""
    if part.low <= whole.high:
        return None
    check = Check(
        RULE,
        Interval(whole.low, whole.high, whole.unit),
        Interval(part.low, float("inf"), whole.unit),
        [part, whole],
        f"a part of {fmt(part.claim.value or 0)} needs a whole of at least that",
        f"the part {part.quote} is larger than its whole {whole.quote}",
        "",
    )
    if check.agrees:
        return None  # within the tolerance: no more than a rounding apart
    return judged(check, f"at least {fmt(part.claim.value or 0)}")


def _remainder(view: SentenceView, f: Figure) -> bool:
    """ "the remaining 40 percent", "the other 27", "the rest, 27", "27 others"."""
    return bool(_REMAINDER_BEFORE_RE.search(view.left(f, 30))
                or _REMAINDER_AFTER_RE.match(view.right(f, 30)))  # fmt: skip


def _own_words(view: SentenceView, f: Figure) -> set[str]:
    """The few words right after a figure (and right before it, for "men numbered 31")."""
    after = plain(view.right(f, 40)).split()[:5]
    before = plain(view.left(f, 25)).split()[-3:]
    words = {x.strip(",.;:()") for x in after + before}
    # Two-word complements ("in favour").
    words |= {" ".join(pair) for pair in zip(after, after[1:], strict=False)}
    return words


def complements(view: SentenceView, a: Figure, b: Figure) -> bool:
    """Whether two parts are the two halves of a population: men and women, insured and
    uninsured, smokers and non-smokers."""
    wa, wb = _own_words(view, a), _own_words(view, b)
    for x, y in COMPLEMENTS:
        if (x in wa and y in wb) or (y in wa and x in wb):
            return True
    for x in wa:
        if len(x) < 4:
            continue
        for prefix in _NEGATED_PREFIXES:
            if prefix + x in wb or any(y == prefix + x for y in wb):
                return True
    for y in wb:
        if len(y) < 4:
            continue
        if any(prefix + y in wa for prefix in _NEGATED_PREFIXES):
            return True
    return False


def _hundred(parts: list[Figure]) -> Finding:
    """Shares that make up a whole add up to 100%."""
    summed = total(parts, "percent")
    value = _sum_value(parts)
    check = Check(
        RULE,
        Interval(100.0, 100.0, "percent"),
        summed,
        parts,
        f"{_plus(parts)} = {fmt(value)}%{rounded(summed.low, summed.high, unit='%')}",
        f"the shares {_plus(parts)} make up the whole but add up to {fmt(value)}%, not 100%",
        f"the shares {_plus(parts)} add up to 100%",
    )
    return judged(check, f"{fmt(value)}% (the shares' sum)")


def _shares_with_remainder(view: SentenceView) -> list[Finding]:
    """ "Half went to salaries, 30 percent to buildings and the remaining 20 percent to
    transport": shares listed up to a remainder add up to 100% (with no whole figure; after
    "Of the N", ``_of_the_whole`` checks them)."""
    if whole_of(view) is not None:
        return []
    findings = []
    for r in view.figures:
        if r.kind != "percent" or not _remainder(view, r):
            continue
        shares = [f for f in view.figures[: r.index]
                  if f.kind == "percent" and segment(view, f) == segment(view, r)
                  and not compared(view, f)]  # fmt: skip
        # The list runs back from the remainder as long as it stays a list.
        run = [r]
        for f in reversed(shares):
            if not listed(view, [f, run[0]]):
                break
            run.insert(0, f)
        if len(run) < 2:
            continue
        best = None
        for k in range(len(run) - 1):
            finding = _hundred(run[k:])
            if finding.rule == "arithmetic-verified":
                best = finding
                break
            best = best or finding
        if best is not None:
            findings.append(best)
    return findings


def _part_and_whole(view: SentenceView) -> list[Finding]:
    """ "45 of the 150 schools", "52,404 deaths, including 33,091": the part fits in it."""
    findings = []
    for a, b in zip(view.figures, view.figures[1:], strict=False):
        if a.unit != b.unit or a.kind not in ("count", "money", "measurement"):
            continue
        gap = view.between(a, b)
        if re.fullmatch(r"\s*(?:out\s+)?of\s+(?:the|these|those|all(?:\s+the)?|its|their)?\s*", gap,
                        re.IGNORECASE):  # fmt: skip
            part, whole = a, b
        elif w.INCLUDING_RE.search(gap) and not _LIST_BREAK_RE.search(
            gap[: w.INCLUDING_RE.search(gap).start()]  # type: ignore[union-attr]
        ):
            part, whole = b, a
        else:
            continue
        if compared(view, part) or not counts_within(part, whole):
            continue
        finding = _not_larger(part, whole)
        if finding is not None:
            findings.append(finding)
    return findings
