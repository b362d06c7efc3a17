"""Numbers that are not quantities: identifiers, dates, list numbers, times, codes.

Each rule looks at a few characters around the number. They run before a number is read as a
quantity, so their cost is one short match each.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .numbers import Number

_MONTH_BEFORE_RE = re.compile(r"\b(?:" + lx.MONTHS + r")\.?\s+$", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(r"\s+(?:" + lx.MONTHS + r")\b", re.IGNORECASE)
_LIST_NUMBER_RE = re.compile(r"[.)]\s")
_GLUED_UNIT_RE = re.compile(r"(?:x|mg|mcg|kg|km|g|lbs?|k|m|mn|bn|tn)\b", re.IGNORECASE)


def is_not_a_quantity(text: str, number: Number) -> bool:
    """True when the number names or dates something rather than counting it."""
    start, end = number.start, number.end
    before = text[max(0, start - 32) : start]
    if number.is_words:
        return (
            _is_lone_one(text, number)
            or _is_in_a_title(text, number)
            or bool(_COMPOUND_ADJECTIVE_RE.match(text, number.end))
            or _is_in_a_word_sequence(text, number)
        )
    prev = text[start - 1] if start else ""
    prev2 = text[start - 2] if start > 1 else ""
    nxt = text[end] if end < len(text) else ""
    # Glued to letters by a hyphen or a slash: "COVID-19", "F-35", "9/11", "24/7".
    if prev in "-/" and prev2.isalnum():
        return True
    if nxt == "/" and text[end + 1 : end + 2].isdigit():
        return True
    # Times of day and ratios: "3:30".
    if nxt == ":" and text[end + 1 : end + 2].isdigit():
        return True
    # Glued to letters after: "5G", "1260H"; but "50x", "2mg", "10k" are quantities.
    if nxt.isalpha() and not _GLUED_UNIT_RE.match(text, end):
        return True
    if lx.IDENTIFIER_BEFORE_RE.search(before):
        return True
    if lx.IDENTIFIER_AFTER_RE.match(text, end):
        return True
    value = number.value or 0
    if value <= 31 and float(value).is_integer():
        if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(text, end):
            return True
    # A number opening a line and followed by "." or ")" numbers a list item.
    if _LIST_NUMBER_RE.match(text, end) and _opens_line(text, start):
        return True
    return False


# "three dimensional", "two-pronged", "four-way": number words inside a compound adjective.
_COMPOUND_ADJECTIVE_RE = re.compile(
    r"[\s-](?:dimensional|pronged|sided|faceted|way|legged|layered|tiered)\b", re.IGNORECASE
)
_TITLE_WORD_RE = re.compile(r"\s+(?:of\s+)?[A-Z][a-z]")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:\"“(]\s*|\n\s*)$")


def _is_in_a_title(text: str, number: Number) -> bool:
    """ "the Three Warfares doctrine", "Seven Pillars of Wisdom": a capitalised number word
    followed by a capitalised word, in mid-sentence, is part of a name."""
    if not number.text or not number.text[:1].isupper():
        return False
    if _SENTENCE_START_RE.search(text[max(0, number.start - 4) : number.start]):
        return False
    return bool(_TITLE_WORD_RE.match(text, number.end))


_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_WORD_AFTER_RE = re.compile(r"[\s,]+" + _NUMBER_WORD + r"\b", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"\b" + _NUMBER_WORD + r"[\s,]+$", re.IGNORECASE)


def _is_in_a_word_sequence(text: str, number: Number) -> bool:
    """ "one two three", "twenty thirty forty": number words in a row that do not make one
    number are counting or a list, not an amount."""
    return bool(
        _WORD_AFTER_RE.match(text, number.end)
        or _WORD_BEFORE_RE.search(text[max(0, number.start - 12) : number.start])
    )


def _opens_line(text: str, start: int) -> bool:
    """Only spaces between the start of the line and ``start`` (looks back over spaces only,
    so a number deep in a long line costs nothing)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _is_lone_one(text: str, number: Number) -> bool:
    """ "one study", "one of the": the word "one" is an article here, not a count."""
    if number.article:
        return False
    return (number.text or "").lower() in ("one", "a", "an") and (number.value == 1)
