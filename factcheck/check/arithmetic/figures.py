"""The figures of one sentence as the arithmetic checks read them: where each stands in the
sentence, the interval it asserts, and the words around it.

A figure's interval is the one every other check uses (check/evidence.py: the qualifier's
interval, widened by half the last digit written), with one addition: a figure written as a
word ("a third", "doubled", "two in five") has no digits to round, and is read as loosely as
"about" (±5%), since nobody writes "a third" for exactly 33.33%.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ...extract import lexicon as lx
from ...match.words import singular, sort_of_noun
from ...model import Claim
from ...units import parse_unit
from ..evidence import claim_bounds, claim_evidence, describe_interval, fmt

# How loosely a figure written in words is read: as "about".
WORD_LOOSENESS = 0.05
# Kinds of figure that state a quantity the arithmetic can add, divide or compare.
QUANTITIES = ("count", "money", "percent", "rate", "measurement")


@dataclass
class Figure:
    """One claim of a sentence, placed in the sentence's text."""

    claim: Claim
    index: int  # its place among the sentence's figures
    start: int  # its span in the sentence's text
    end: int
    low: float  # the interval it asserts, after qualifier, rounding and word looseness
    high: float

    @property
    def unit(self) -> str:
        return self.claim.unit

    @property
    def kind(self) -> str:
        return self.claim.kind

    @property
    def in_words(self) -> bool:
        """Written as a word with no digit to round ("a third", "tripled", "two in five"), or
        a whole factor ("three times")."""
        claim = self.claim
        return claim.qualifier == "exact" and (
            claim.resolution is None or (claim.factor is not None and claim.resolution >= 1)
        )

    @property
    def quote(self) -> str:
        return f"“{' '.join(self.claim.surface.split())}”"

    def steps(self) -> list[str]:
        """How its interval was read, for --explain."""
        steps = [f"{self.quote}: {s}" for s in claim_evidence(self.claim).steps]
        if self.in_words and self.kind in ("percent", "change", "multiplier"):
            steps = steps[:1]  # not rounded: read as loosely as "about" instead
            steps.append(
                f"{self.quote}: written in words, read as loosely as “about” (± "
                f"{WORD_LOOSENESS:.0%}): {fmt(self.low)} to {fmt(self.high)}"
            )
        return steps

    def describe(self) -> str:
        from ...interval import Interval

        return describe_interval(Interval(self.low, self.high, self.unit))


def figure_bounds(claim: Claim) -> tuple[float, float] | None:
    """The interval a claim asserts for arithmetic, or None when it gives nothing to compute
    with (no value, a vague magnitude such as "hundreds")."""
    if claim.value is None or claim.qualifier == "vague":
        return None
    low, high = claim_bounds(claim)
    if claim.qualifier == "exact" and (
        (claim.resolution is None and claim.kind in ("percent", "change", "multiplier"))
        # "three times", "ten-fold": a whole factor is not "anything from 2.5 to 3.5"
        or (claim.factor is not None and (claim.resolution or 0) >= 1)
    ):
        value = float(claim.value)
        low, high = value * (1 - WORD_LOOSENESS), value * (1 + WORD_LOOSENESS)
    if math.isnan(low) or math.isnan(high) or low > high:
        return None
    return low, high


@dataclass
class SentenceView:
    """A sentence's text and its figures, in order."""

    doc: str
    text: str
    start: int | None  # the sentence's offset in the file (None when unknown)
    figures: list[Figure] = field(default_factory=list)

    def between(self, a: Figure, b: Figure) -> str:
        return self.text[a.end : b.start]

    def left(self, f: Figure, size: int = 60) -> str:
        """The words before a figure, back to the figure before it (or ``size`` characters)."""
        start = max(0, f.start - size)
        if f.index > 0:
            start = max(start, self.figures[f.index - 1].end)
        return self.text[start : f.start]

    def right(self, f: Figure, size: int = 60) -> str:
        """The words after a figure, up to the next figure (or ``size`` characters)."""
        end = min(len(self.text), f.end + size)
        if f.index + 1 < len(self.figures):
            end = min(end, self.figures[f.index + 1].start)
        return self.text[f.end : end]

    def prev(self, f: Figure) -> Figure | None:
        return self.figures[f.index - 1] if f.index > 0 else None

    def next(self, f: Figure) -> Figure | None:
        return self.figures[f.index + 1] if f.index + 1 < len(self.figures) else None


def sentence_view(claims: list[Claim]) -> SentenceView:
    """The view of one sentence's claims (all of one sentence, in order of position)."""
    first = claims[0]
    text = first.sentence
    view = SentenceView(first.doc, text, first.sentence_start)
    for claim in claims:
        bounds = figure_bounds(claim)
        if bounds is None:
            continue
        surface = " ".join(claim.surface.split())
        start = claim.sentence_offset
        if start is None or not text.startswith(surface, start):
            start = text.find(surface)
            if start < 0:
                continue  # the sentence does not hold it as written: nothing to read
        view.figures.append(Figure(claim, len(view.figures), start, start + len(surface), *bounds))
    view.figures.sort(key=lambda f: f.start)
    for index, figure in enumerate(view.figures):
        figure.index = index
    return view


# --- the words around figures ---------------------------------------------------------------

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Times that stand between figures without being figures ("from 800 in 2020 to 1,000 in 2021",
# "rose 25 percent between 2019 and 2021, from ..."), removed before the words are read.
TIME_RE = re.compile(
    r"\b(?:in|during|over|between|from|since|through|to|and|by|for|until|of|on|at|the)?\s*"
    r"(?:(?:fiscal\s+(?:year\s+)?|fy\s*|calendar\s+year\s+)?(?:" + _MONTHS + r"\s+)?"
    r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?"
    r"|(?:last|this|next|the\s+(?:previous|prior|following|same)|a|one)\s+(?:year|month|quarter)"
    r"(?:\s+(?:earlier|before|ago|later))?"
    r"|" + _MONTHS + r")\b",
    re.IGNORECASE,
)


_YEAR_RE = re.compile(r"\b(?:FY\s*)?(?:19|20)\d\d\b", re.IGNORECASE)


def without_years(text: str) -> str:
    """The words with bare years removed, prepositions kept ("from last year's", "from the
    2018 rate" -> "from the  rate")."""
    return _YEAR_RE.sub(" ", text)


def without_times(text: str) -> str:
    """The words with their dates removed ("from 2020 to 2021, from" -> ", from")."""
    return TIME_RE.sub(" ", text)


_DIRECTION_BEFORE_RE = re.compile(
    r"\b(?P<word>" + lx.DECREASE_WORDS + "|" + lx.INCREASE_WORDS + r")"
    r"(?:\s+(?:by|of))?(?:\s+(?:just|only|some|about|nearly|almost|roughly|an?\s+estimated))?\s*$",
    re.IGNORECASE,
)
_DIRECTION_AFTER_RE = re.compile(
    r"^\s*(?:(?:percent(?:age)?|per\s+cent|points?|%)\s+)?(?P<word>(?:increase|rise|jump|gain"
    r"|growth|hike|surge|climb|decrease|decline|drop|fall|cut|reduction|loss|dip|slide)\w*)\b",
    re.IGNORECASE,
)
_INCREASE_RE = re.compile(r"^(?:" + lx.INCREASE_WORDS + r")$", re.IGNORECASE)
# "more" and "less" after a number compare ("25 percent more potent"), before it they are
# no direction of a change ("more 40"): neither says which way a change went.
_NOT_A_DIRECTION = ("more", "less", "higher", "lower")


def direction_of(view: SentenceView, f: Figure) -> int:
    """+1 or -1 when a change word stands right next to the figure ("rose 25 percent", "a 25
    percent decline", "up 6 points", "fell by a third"), else 0."""
    left = view.left(f, 40)
    m = _DIRECTION_BEFORE_RE.search(left)
    word = m.group("word").lower() if m else None
    if word in _NOT_A_DIRECTION:
        word = None
    if word is None:
        m = _DIRECTION_AFTER_RE.match(view.right(f, 30))
        word = m.group("word").lower() if m else None
    if word is None:
        return 0
    if lx.DECREASE_RE.match(word):
        return -1
    if _INCREASE_RE.match(word) or word.startswith(("increase", "rise", "jump", "gain", "growth",
                                                      "hike", "surge", "climb")):  # fmt: skip
        return 1
    return -1


def same_dimension(a: str, b: str) -> bool:
    """Whether two units convert into each other (count and count, USD a week and a year)."""
    if a == b:
        return True
    try:
        pa, pb = parse_unit(a), parse_unit(b)
    except ValueError:
        return False
    return pa.dimensionality == pb.dimensionality


def may_count_the_same(a: Claim, b: Claim) -> bool:
    """Whether two figures may count the same thing: the same head noun, or nouns whose sorts
    are not both known and different ("passengers" and "people" may; "beds" and "nurses" of
    known, different sorts may not). The noun reader's other readings say too little to
    refuse."""
    if head_of(a) and head_of(a) == head_of(b):
        return True
    sort_a, sort_b = noun_of(a)[1], noun_of(b)[1]
    return not (sort_a and sort_b and sort_a != sort_b)


def heads_agree(a: Claim, b: Claim) -> bool:
    """Whether two figures may count the same thing: neither names a different head noun."""
    ha, hb = head_of(a), head_of(b)
    return not ha or not hb or ha == hb


# Words the noun reader sometimes leaves as a head ("the 20 units of May" -> "of").
_NOT_A_HEAD = frozenset("of against in to for on at by with and or the from than as".split())


def noun_of(claim: Claim) -> tuple[str | None, str | None]:
    """(singular head, sort) of the noun written with the figure itself, not the one the
    match stage lent it from a total: "200 teachers" -> ("teacher", None)."""
    head, sort = sort_of_noun(claim.noun)
    if not head or head.lower() in _NOT_A_HEAD:
        return None, None
    return singular(head), sort


def head_of(claim: Claim) -> str | None:
    """The singular head noun the match stage read for a figure, if it read a real one."""
    head = (claim.frame or {}).get("head")
    if not head or head.lower() in _NOT_A_HEAD:
        return None
    return singular(head)


def plain(text: str) -> str:
    """Lower case with runs of white space as one space."""
    return " ".join(text.lower().split())
