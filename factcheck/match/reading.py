"""What a number's frame says about its own unit and kind, where its words alone did not.

Extraction reads a number with the words right beside it. Some of what a number is, the
sentence says elsewhere:

- a **rate per 100,000**: "the death rate on rural roads went from 15.2 in 2010 to 12.7 in
  2020": the bare figures are rates because the clause says "rate" and the document gives its
  rates per 100,000 elsewhere ("9 robberies per 100,000" says it after its noun);
- a **count per day**: "40 patients ... are now admitted every day" (the time follows the verb);
- a **change**: "admissions went up for heroin by 3.1%", "the steepest rate rises were seen
  among admissions for heroin (18.0%)": a percentage
  governed by a change verb or noun is the change, not a share.

Each reading is recorded in the claim's attribution, so `--explain` and `extract` show it.
"""

from __future__ import annotations

import re

from ..model import Claim
from . import words as w
from .frame import CONTEXT, LEAD, OWN, Frame

_PER_100K_AFTER_RE = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,3}per\s+100,?000\b|^\s*(?:[a-z-]+\s+){0,3}per\s+100k\b", re.IGNORECASE
)
_PER_TIME_RE = re.compile(r"\b(?:each|every|a|per)\s+(?P<unit>day|week|month)\b", re.IGNORECASE)
_BY_BEFORE_RE = re.compile(r"\bby\s+$", re.IGNORECASE)
_DECREASE_RE = re.compile(
    r"\b(?:decrease[sd]?|decreasing|decline[sd]?|declining|drop(?:ped|s)?|fell|fall(?:s|en)?"
    r"|dip(?:ped)?|shr[aiu]nk|reduc(?:ed|tion)|went\s+down|lower)\b",
    re.IGNORECASE,
)
_YEARS_RE = re.compile(r"^(\d{4})/(\d{4})$")


def read_units(claim: Claim, frame: Frame, sentence: str, doc_has_per_100k: bool) -> str | None:
    """Change the claim's unit or kind where its frame says what it is; return the reason."""
    if claim.kind == "count" and claim.unit == "count" and claim.value is not None:
        after = sentence[frame.end : frame.end + 60]
        if _PER_100K_AFTER_RE.match(after):
            return _as_rate(claim, "its words say 'per 100,000'")
        if not claim.noun and doc_has_per_100k and abs(claim.value) < 100_000:
            rate = _nearest_rate_word(sentence, frame)
            if rate:
                return _as_rate(
                    claim,
                    f"its clause speaks of a '{rate}' and the document gives rates per 100,000",
                )
        m = _PER_TIME_RE.search(frame.core(sentence), frame.end - _own_start(frame))
        if m and claim.noun:
            unit = m.group("unit").lower()
            claim.unit, claim.kind = f"count / {unit}", "rate"
            return f"read as a count per {unit}: '{m.group()}' follows it"
    if claim.kind == "percent" and claim.unit == "percent" and claim.value is not None:
        change = _change_word(sentence, frame)
        if change:
            sign = -1 if _DECREASE_RE.search(change) else 1
            claim.kind = "change"
            claim.change = sign * claim.value / 100
            m = _YEARS_RE.match(claim.period or "")
            if m and not claim.from_period:
                claim.from_period, claim.to_period = m.group(1), m.group(2)
            return f"read as a change: '{change}' governs it"
    return None


def _own_start(frame: Frame) -> int:
    return min((lay.start for lay in frame.layers if lay.rank == OWN), default=frame.start)


def _as_rate(claim: Claim, why: str) -> str:
    claim.unit, claim.kind = "per_100k", "rate"
    return f"read as a rate per 100,000: {why}"


def _nearest_rate_word(sentence: str, frame: Frame) -> str | None:
    """'rate' in the number's own words before it, its clause's lead or an earlier clause."""
    for rank, offset, text in frame.texts(sentence, CONTEXT):  # not the sentence before
        if rank not in (OWN, LEAD, CONTEXT):
            continue
        limit = frame.start - offset if rank == OWN else len(text)
        m = w.RATE_WORD_RE.search(text, 0, max(0, limit))
        if m:
            return m.group()
    return None


def _change_word(sentence: str, frame: Frame) -> str | None:
    """The change verb or noun that governs a percentage: 'went up ... by 3.1%', or the
    noun phrase a bracketed figure stands for ('rate rises ... (18.0%)')."""
    before = sentence[frame.clause_start : frame.start]
    if frame.parenthetical:
        own = sentence[_own_start(frame) : frame.start]
        m = w.CHANGE_WORD_RE.search(own) or w.CHANGE_WORD_RE.search(before)
        return m.group() if m else None
    if _BY_BEFORE_RE.search(before):
        found = list(w.CHANGE_WORD_RE.finditer(before))
        return found[-1].group() if found else None
    return None
