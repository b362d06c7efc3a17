"""The values of tables and figure lists, each read as a sentence of its own with its labels.

The loader gives every value of a table or figure list its labels (``model.Cell``: the
heading or caption, the sentence introducing it, its column and row headers, a list item's
own label). A value is read where it stands, from its own text only, so that it never takes
its neighbours' words; what its own text does not say comes from the labels, nearest first:

- **period**: a time in the value's own text, else the nearest label's (the row header
  "2021" before the column header before the caption), never the next row's;
- **place**: likewise, the value's own, else the nearest label's;
- **unit**: a bare figure under a header that states its unit ("Rate per 100,000",
  "Share (%)", "Deaths (thousands)") is read in that unit;
- **what it counts**: the claim's ``sentence`` is composed as "<labels, farthest first>:
  <the value's text>" (for instance "Synthetic-opioid deaths, Deaths, Year, 2021: 70,601"),
  and ``sentence_offset`` points at the value in it, so that the match stage reads the
  labels as the number's lead exactly as it reads a sentence's subject. The claim's
  position (line, column) is the value's real place in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Cell, Claim
from . import lexicon as lx
from .nouns import counted_noun
from .periods import NamedPeriods, TimeExpr, find_time_expressions
from .places import find_places
from .sentences import Sentence

# Punctuation that would make a label a clause of its own in the composed sentence (the
# match stage reads a clause's lead as its numbers' subject): a label is one phrase.
_FISCAL = re.compile(r"\bfiscal\s+years?\b|\bFYs?\b", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_CLAUSE_PUNCTUATION = re.compile(r"\s*(?:;|\s[—–]\s)\s*")


@dataclass
class CellSentence:
    """A value's span, and the sentence composed for it from its labels."""

    cell: Cell
    sentence: Sentence  # the value's text in the body
    text: str  # "<labels>: <value>"
    prefix: int  # where the value's text starts in ``text``


def _label_text(body: str, start: int, end: int) -> str:
    text = " ".join(body[start:end].split())
    return _CLAUSE_PUNCTUATION.sub(", ", text).rstrip(" :")


def compose(body: str, cell: Cell) -> CellSentence:
    labels = [t for a, b in cell.labels if (t := _label_text(body, a, b))]
    value = " ".join(body[cell.start : cell.end].split())
    prefix = ", ".join(labels) + ": " if labels else ""
    return CellSentence(cell, Sentence(cell.start, cell.end), prefix + value, len(prefix))


class Labels:
    """What the labels of a document's values say of time and place, each label read once
    (a caption or heading labels every value of its table)."""

    def __init__(self, body: str, named: NamedPeriods) -> None:
        self.body, self.named = body, named
        self._times: dict[tuple[int, int], list[TimeExpr]] = {}
        self._places: dict[tuple[int, int], list[tuple[int, str]]] = {}

    def _times_of(self, span: tuple[int, int]) -> list[TimeExpr]:
        if span not in self._times:
            found = find_time_expressions(self.body, *span) + self.named.find(self.body, *span)
            self._times[span] = sorted(found, key=lambda t: t.start)
        return self._times[span]

    def times(self, cs: CellSentence) -> list[TimeExpr]:
        """The time expressions of the labels that stand before the value, farthest first:
        the period assignment takes the last time before a number as its own. Under a label
        that speaks of fiscal years ("Fiscal year", "FY"), a header's bare year is one."""
        cell = cs.cell
        fiscal = any(_FISCAL.search(self.body, *span) for span in cell.labels)
        own = set(cell.columns + cell.row)
        times: list[TimeExpr] = []
        for span in cell.labels:
            if span[1] > cs.sentence.start:
                continue
            for t in self._times_of(span):
                if fiscal and span in own and t.keyword is None and _YEAR.fullmatch(t.period or ""):
                    t = replace(t, period="FY" + t.period, keyword="fy")
                times.append(t)
        return times

    def place(self, cs: CellSentence) -> str | None:
        """The place the nearest label names, if any."""
        for span in reversed(cs.cell.labels):
            if span not in self._places:
                self._places[span] = find_places(self.body, *span)
            if self._places[span]:
                return self._places[span][-1][1]
        return None


# Units a header states for the bare figures below it or beside it.
_PER_100K = re.compile(r"\bper\s+100,?000\b|\bper\s+100k\b", re.IGNORECASE)
_PERCENT = re.compile(r"\(\s*%\s*\)|%|\bper\s?cent\b|\bpercentage\b", re.IGNORECASE)
_SCALE = re.compile(
    r"\((?:\s*\$)?\s*(?P<paren>thousands|millions|billions|000s?)\s*\)"
    r"|\bin\s+(?P<in>thousands|millions|billions)\b",
    re.IGNORECASE,
)
_SCALES = {"thousands": 1e3, "000": 1e3, "000s": 1e3, "millions": 1e6, "billions": 1e9}
_RATE = re.compile(r"\brates?\b", re.IGNORECASE)


def _has_words(body: str, span: tuple[int, int]) -> bool:
    return any(ch.isalpha() for ch in body[span[0] : span[1]])


def _subject(body: str, cell: Cell) -> tuple[int, int] | None:
    """The header that names what the value is: its column's (the lowest one with words),
    else its row's; not the header of the row headers' column ("Year")."""
    for span in reversed(cell.columns):
        if _has_words(body, span):
            return span
    if cell.row and _has_words(body, cell.row[-1]):
        return cell.row[-1]
    return None


# "(lb)", "(kilograms)", "in pounds"; "($)", "(USD)", "in dollars", "($ millions)".
_MEASURE_UNIT = re.compile(r"\(\s*(?P<paren>[A-Za-zµμ ]{1,12}?)\s*\)|\bin\s+(?P<in>[a-z]+)\b", re.I)
_MONEY = re.compile(r"\(\s*(?:US\s?)?\$|\bUSD\b|\bU\.?S\.?\s+dollars\b|\bin\s+dollars\b", re.I)


def _stated_unit(label: str, claim: Claim) -> bool:
    """Give the claim the unit the label states, if it states one."""
    stated = True
    if _PER_100K.search(label):
        claim.unit, claim.kind = "per_100k", "rate"
    elif _PERCENT.search(label):
        claim.unit, claim.kind = "percent", "percent"
    elif _MONEY.search(label):
        claim.unit, claim.kind = "USD", "money"
    else:
        unit = next(
            (
                lx.MEASURE_UNITS[word.lower()]
                for m in _MEASURE_UNIT.finditer(label)
                if (word := (m.group("paren") or m.group("in")).strip()).lower() in lx.MEASURE_UNITS
            ),
            None,
        )
        if unit is not None:
            claim.unit, claim.kind = unit, "measurement"
        else:
            stated = False
    m = _SCALE.search(label)
    if m:
        factor = _SCALES[(m.group("paren") or m.group("in")).lower()]
        for name in ("value", "low", "high", "resolution"):
            number = getattr(claim, name)
            if number is not None:
                setattr(claim, name, number * factor)
    return stated or m is not None


def apply_headers(body: str, cs: CellSentence, claim: Claim) -> None:
    """What a bare figure's headers say of its unit and of what it counts.

    The value's own headers come first: one that states a unit ("Rate per 100,000",
    "Share (%)", "Deaths (thousands)") gives it. A header naming a rate takes its "per
    100,000" from the caption or heading. Where the value's headers are years alone ("2021:
    21.8" under "Death rates per 100,000:"), the caption, heading or introducing sentence
    state its unit. Otherwise the header that names the value ("Deaths") is its counted
    noun, as the words after a number in a sentence are: a figure under "Deaths" is a count
    of deaths, whatever rates a caption also mentions."""
    if claim.kind != "count" or claim.unit != "count" or claim.noun or claim.value is None:
        return
    cell = cs.cell
    own = cell.columns + cell.row
    for a, b in reversed(own):
        if _stated_unit(body[a:b], claim):
            return
    subject = _subject(body, cell)
    if subject is None:
        for a, b in reversed(cell.context):
            if _stated_unit(body[a:b], claim):
                return
        return
    if _RATE.search(body, *subject):
        if any(_PER_100K.search(body, a, b) for a, b in cell.labels):
            claim.unit, claim.kind = "per_100k", "rate"
        return
    claim.noun = counted_noun(
        " " + " ".join(body[subject[0] : subject[1]].split()), 0, 10**6, False
    )
