"""Numbers that are not quantities: identifiers, dates, list numbers, markers, times, names.

Each rule looks at a few characters around the number. They run before a number is read as a
quantity, so their cost is one short match each. The rules go by the form of the text around
the number (a parenthesis, a capital, a glued letter, a following "ago"), never by document.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from . import numberwords as nw
from .numbers import Number

_MONTH_BEFORE_RE = re.compile(r"\b(?:" + lx.MONTHS + r")\.?\s+$", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(r"\s+(?:" + lx.MONTHS + r")\b", re.IGNORECASE)
_LIST_NUMBER_RE = re.compile(r"[.)]\s")
# Units and scales that may be glued to digits ("45ml", "200t", "30km", "50x"), case as
# written: "5G" and "1260H" are names, "5g" is five grams.
_GLUED_UNIT_RE = re.compile(
    r"(?:"
    + "|".join(sorted((u for u in lx.MEASURE_UNITS if " " not in u), key=len, reverse=True))
    + r"|x|yrs?|hrs?|mins?|mn|bn|tn|k)(?![A-Za-z])"
)
# "(14)", "(1)toxic", "(1,2)", "(1–4)", "[3]": list numbers and citation markers. A bare
# whole number alone in brackets never states a quantity in prose; "(12.7)" or "(18.0%)" do.
_BRACKETED_AFTER_RE = re.compile(r"(?:\s*[,–—-]\s*\d{1,3})*\s*[)\]]")
# Clock times: "4 p.m.", "4pm", "4 o'clock" (and "4:15", read below).
_CLOCK_AFTER_RE = re.compile(r"\s?(?:[ap]\.\s?m\.|[ap]m\b|o['’]clock\b)", re.IGNORECASE)
# Relative dates: "two years ago", "a couple of months ago".
_AGO_AFTER_RE = re.compile(
    r"(?:\s+of)?\s+(?:years?|months?|weeks?|days?|decades?|centuries|century|hours?)\s+ago\b",
    re.IGNORECASE,
)
# Descriptors: "any other 5-year age group", "in 10-year bands".
_DESCRIPTOR_AFTER_RE = re.compile(
    r"-(?:year|yr)[\s-]+(?:age[\s-]+)?(?:groups?|bands?|brackets?|cohorts?)\b", re.IGNORECASE
)
# "the previous five years combined": a period that another figure is about.
_PERIOD_BEFORE_RE = re.compile(r"\b(?:previous|prior|preceding)\s+$", re.IGNORECASE)
_PERIOD_AFTER_RE = re.compile(r"\s+(?:years|months|weeks|decades)\b", re.IGNORECASE)
# Chemical names: "4-fluorofentanyl", "3-methylfentanyl", "2-chloro-...".
_CHEMICAL_AFTER_RE = re.compile(
    r"-(?:[a-z]+-)?(?:methyl|ethyl|propyl|butyl|phenyl|benzyl|acetyl|fluoro|chloro|bromo|iodo|"
    r"hydroxy|amino|nitro|oxo|methoxy|carbo|fentanyl|piperidin|anilino)",
)
# Dashed pairs that are no range: a model ("Boeing 757–200", the second below the first) or an
# even split ("50-50").
_PAIR_AFTER_RE = re.compile(r"[-–‒](?P<second>\d+)(?![\d.,])")
# The hour of "half past four", "a quarter to five".
_CLOCK_BEFORE_RE = re.compile(r"\b(?:half|quarter)\s+(?:past|to)\s+$", re.IGNORECASE)
# A footnote marker after a year and its full stop: "in 2016.1 Later reports".
_YEAR_MARKER_RE = re.compile(r"(?:1[89]|20)\d\d\.\d{1,2}")
_SENTENCE_AFTER_RE = re.compile(r"\s+[A-Z“\"]|\s*$")
_DASHED_RUN_RE = re.compile(r"[-–]\d+[-–]\d")
# Spelled-out years: "in the year of our Lord two thousand and nine".
_YEAR_WORD_BEFORE_RE = re.compile(r"\byear\s+(?:of\s+our\s+Lord\s+)?$", re.IGNORECASE)


def is_not_a_quantity(text: str, number: Number) -> bool:
    """True when the number names or dates something rather than counting it."""
    start, end = number.start, number.end
    before = text[max(0, start - 32) : start]
    if _AGO_AFTER_RE.match(text, end) or _DESCRIPTOR_AFTER_RE.match(text, end):
        return True
    if _PERIOD_BEFORE_RE.search(before) and _PERIOD_AFTER_RE.match(text, end):
        return True
    if _CLOCK_BEFORE_RE.search(before) and (number.value or 0) <= 12:
        return True
    if number.is_words:
        return (
            _is_lone_one(text, number)
            or _is_in_a_title(text, number)
            or _is_an_idiom(text, number)
            or _is_in_a_word_sequence(text, number)
            or _is_a_year_in_words(number, before)
        )
    prev = text[start - 1] if start else ""
    prev2 = text[start - 2] if start > 1 else ""
    nxt = text[end] if end < len(text) else ""
    # Glued to letters or digits by a hyphen, dash or slash: "COVID-19", "F-35", "9/11",
    # "24/7", the "200" of "757–200".
    if prev in "-/–‒" and prev2.isalnum():
        return True
    if nxt in "/\u2044" and text[end + 1 : end + 2].isdigit():
        return True
    if number.fraction_form == "slash" and not _counts_something(text, number):
        return True  # "the 9/11 attacks", "on 3/4": a name or a date, not two thirds
    # Times of day and ratios: "3:30", "4 p.m.".
    if nxt == ":" and text[end + 1 : end + 2].isdigit():
        return True
    if _CLOCK_AFTER_RE.match(text, end) and (number.value or 0) <= 12:
        return True
    # Glued to letters after: "5G", "1260H", "2b"; but "50x", "2mg", "45ml" are quantities.
    if nxt.isalpha() and not _GLUED_UNIT_RE.match(text, end):
        return True
    if _CHEMICAL_AFTER_RE.match(text, end):
        return True
    if _YEAR_MARKER_RE.fullmatch(number.text) and _SENTENCE_AFTER_RE.match(text, end):
        return True
    if prev in "([" and _BRACKETED_AFTER_RE.match(text, end) and _is_whole(number):
        return True
    if _DASHED_RUN_RE.match(text, end):
        return True  # "1-800-555-0143", "12-34-56": a code in dashed groups
    pair = _PAIR_AFTER_RE.match(text, end)
    if pair and _is_whole(number):
        first, second = number.value or 0, float(pair.group("second"))
        if second < first or (second == first and first + second == 100):
            return True  # "757–200" names a model, "50-50" a split
    if _is_a_name_and_number(text, number, before):
        return True
    if lx.IDENTIFIER_BEFORE_RE.search(before) and not lx.RANK_NUMBER_BEFORE_RE.search(before):
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


# "Windows 11 launched", "the Fortune 500 list", "an S&P 500 company", "Apollo 11": a name,
# then a plain number that counts nothing after it (no plural noun, unit or range follows).
_NAME_BEFORE_RE = re.compile(r"(?<![.!?:;\n(\"“]\s)(?<![.!?:;\n(\"“])\b[A-Z][\w&]*\s$")
_COUNTED_AFTER_NAME_RE = re.compile(
    r"\s*(?:[-–—‒,.;:)%]|$|(?:to|and|or|through|in|out|of|per|percent|times|[a-z]+s|people|"
    r"children|men|women|million|billion|thousand|hundred|trillion)\b)|\s+[A-Z]\w*\s",
)
_STARTS_SENTENCE_RE = re.compile(r"(?:^|[.!?:;\"“(]\s*|\n\s*)\S+\s$")


def _is_a_name_and_number(text: str, number: Number, before: str) -> bool:
    if not _is_whole(number) or not _NAME_BEFORE_RE.search(before):
        return False
    if _STARTS_SENTENCE_RE.search(before) or lx.QUALIFIER_BEFORE_RE.search(before):
        return False  # "Over 500 people", "Texas: 500"
    if lx.UNIT_AFTER_RE.match(text, number.end) or lx.CURRENCY_AFTER_RE.match(text, number.end):
        return False
    return not _COUNTED_AFTER_NAME_RE.match(text, number.end)


def _is_whole(number: Number) -> bool:
    """A plain whole number as written: no decimals, separators, scale or fraction."""
    return number.text.isdigit() and len(number.text) <= 4


_COUNTED_AFTER_FRACTION_RE = re.compile(
    r"\s+of\b|\s*(?:%|percent\b)|(?:\s|-)?(?:" + "|".join(
        sorted((re.escape(u) for u in {**lx.MEASURE_UNITS, **lx.DURATION_UNITS}), key=len,
               reverse=True)
    ) + r"|cups?|teaspoons?|tablespoons?|million|billion|thousand|trillion)\b",
    re.IGNORECASE,
)  # fmt: skip
_QUALIFIER_BEFORE_FRACTION_RE = re.compile(
    r"\b(?:about|nearly|almost|roughly|over|under|more\s+than|less\s+than|some|around|"
    r"approximately|only|just)\s+$",
    re.IGNORECASE,
)


def _counts_something(text: str, number: Number) -> bool:
    """Whether a slash fraction ("2/3") is a share or an amount: it is followed by "of" or a
    unit, or stands after a qualifier. Otherwise "9/11" or "on 3/4" name a day."""
    return bool(
        _COUNTED_AFTER_FRACTION_RE.match(text, number.end)
        or _QUALIFIER_BEFORE_FRACTION_RE.search(text[max(0, number.start - 24) : number.start])
    )


# "three dimensional", "two-pronged", "one-sided", "half-life", "one-off": number words inside
# a compound adjective or a fixed phrase.
_COMPOUND_ADJECTIVE_RE = re.compile(
    r"[\s-](?:dimensional|pronged|sided|faceted|way|legged|layered|tiered)\b"
    r"|-(?:life|lives|hearted|baked|truths?|brothers?|sisters?|moon|mast|off|liners?|"
    r"stop|time|timer|size|sized|track|shot|party|handed|faced|star|piece|on-one)\b"
    r"|\s+(?:past|to\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve))\b(?=[\s,.;])",
    re.IGNORECASE,
)


def _is_an_idiom(text: str, number: Number) -> bool:
    """ "one-sided", "half-life", "half past", "a two-way street", "three dimensional"."""
    m = _COMPOUND_ADJECTIVE_RE.match(text, number.end)
    if not m:
        return False
    if m.group(0).lstrip().lower().startswith(("past", "to ")):
        # "half past four", "a quarter to five": clock times; only after a fraction word.
        return number.is_fraction or number.text.lower().endswith(("half", "quarter"))
    return True


_TITLE_WORD_RE = re.compile(r"\s+(?:of\s+)?[A-Z][a-z]")
_TITLE_BEFORE_RE = re.compile(r"[A-Z][a-z]+\s+(?:of\s+(?:the\s+)?)?$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:\"“(]\s*|\n\s*)$")


def _is_in_a_title(text: str, number: Number) -> bool:
    """ "the Three Warfares doctrine", "Seven Pillars of Wisdom", "the Group of Seven", "the
    Big Four": a capitalised number word next to a capitalised word, in mid-sentence, is part
    of a name."""
    if not number.text or not number.text[:1].isupper():
        return False
    before = text[max(0, number.start - 24) : number.start]
    if _SENTENCE_START_RE.search(before[-4:]):
        return False
    return bool(_TITLE_WORD_RE.match(text, number.end) or _TITLE_BEFORE_RE.search(before))


_WORD_AFTER_RE = re.compile(r"[\s,]+" + nw.CARDINAL_WORD + r"\b", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"\b" + nw.CARDINAL_WORD + r"[\s,]+$", re.IGNORECASE)


def _is_in_a_word_sequence(text: str, number: Number) -> bool:
    """ "one two three", "twenty thirty forty": number words in a row that do not make one
    number are counting or a list, not an amount."""
    return bool(
        _WORD_AFTER_RE.match(text, number.end)
        or _WORD_BEFORE_RE.search(text[max(0, number.start - 12) : number.start])
    )


def _is_a_year_in_words(number: Number, before: str) -> bool:
    """ "in the year of our Lord two thousand and nine": a date, formally written."""
    value = number.value or 0
    return 1000 <= value <= 2100 and bool(_YEAR_WORD_BEFORE_RE.search(before))


def _opens_line(text: str, start: int) -> bool:
    """Only spaces between the start of the line and ``start`` (looks back over spaces only,
    so a number deep in a long line costs nothing)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


_SHARE_AFTER_RE = re.compile(r"\s+(?:in|out\s+of)\s+(?:an?\s+)?(?:\d|" + nw.CARDINAL_WORD + r"\b|"
                             r"hundred|thousand|million|billion)", re.IGNORECASE)  # fmt: skip


def _is_lone_one(text: str, number: Number) -> bool:
    """ "one study", "one of the": the word "one" is an article here, not a count. "One in
    three" and "the number one cause" are a share and a rank."""
    if number.article:
        return False
    if not ((number.text or "").lower() in ("one", "a", "an") and number.value == 1):
        return False
    if _SHARE_AFTER_RE.match(text, number.end):
        return False
    return not lx.RANK_NUMBER_BEFORE_RE.search(text[max(0, number.start - 24) : number.start])
