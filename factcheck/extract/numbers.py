"""Numbers as people write them: digits, number words, scales, fractions and vague magnitudes.

The scanner finds *anchors* (a run of digits, a leading decimal point, a vulgar fraction, or a
number word) with one linear regular expression, and ``parse_number`` then reads the whole
number phrase from there with small anchored matches: "1.22 million", "1 234 567", "4,56,789",
".075", "4 3/4", "12M", "one hundred and forty-two", "two and a half million", "three fifths",
"half a dozen", "a quarter million", "hundreds of thousands". Everything here works on plain
strings and offsets; what a number counts (qualifiers, units, periods) is read by the other
modules. The number words themselves live in numberwords.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..scan import has_digit
from . import numberwords as nw
from .lexicon import CURRENCY_BEFORE_RE, UNIT_AFTER_RE, word_trie

# Words that start a number phrase. "quarter" and the ordinals start fractions ("a quarter",
# "a fifth of") and ranks ("second to", "fifth-largest"); "decade"/"century" the qualified
# spans of time ("nearly a decade").
_WORDS = sorted(
    {*nw.CARDINALS, *nw.SCALES, *nw.ORDINALS, "half", "quarter", "dozen", *nw.VAGUE_PLURALS,
     "tens", *nw.FEW_WORDS, *nw.MULTIPLIER_WORDS, "decade", "century"},
    key=len,
    reverse=True,
)  # fmt: skip
_VULGAR = "".join(nw.VULGAR_FRACTIONS)

# One pass over the text. Digits are matched possessively, so a line of 100,000 digits or of
# "1,1,1,..." is one match, never a backtracking storm. The look-behind keeps out numbers glued
# to what comes before: identifiers ("R41576", "H5N1"), affiliation and footnote markers
# ("PhD1,2", "opioids.1", "fentanyl.2,3,4") and the minutes of a clock time ("4:15").
ANCHOR_RE = re.compile(
    r"(?<![\w.,:])(?=[\w.])"
    r"(?:(?P<digits>\d++(?:[.,]\d++)*+|\.\d++)"
    r"|(?P<vulgar>[" + _VULGAR + r"])"
    r"|(?P<factor>" + word_trie(nw.FACTOR_WORDS) + r")\b"
    r"|(?P<word>" + word_trie(_WORDS) + r")\b)",
    re.IGNORECASE,
)

# Necessary conditions for an anchor, cheap enough to test a whole document before reading
# it sentence by sentence: a digit, a vulgar fraction, or a number word anywhere (even inside
# another word).
# Two patterns, not one alternation: a pattern of words alone lets re skip ahead on their
# first letters, which a class of other characters in the same pattern would spoil (tenfold).
_NUMBER_WORD_RE = re.compile(word_trie([*_WORDS, *nw.FACTOR_WORDS]))
_VULGAR_RE = re.compile("[" + _VULGAR + "]")


def may_hold_numbers(text: str) -> bool:
    """False only when ``text`` holds no number anchor at all (most text holds some).

    Runs at hundreds of MB/s where ANCHOR_RE, which checks a word boundary at every
    position, runs at tens: a 50 MB line of letters is dismissed in a fraction of a second.
    """
    if has_digit(text) or _NUMBER_WORD_RE.search(text.casefold()) is not None:
        return True
    return not text.isascii() and _VULGAR_RE.search(text) is not None


@dataclass
class Number:
    """A number phrase found in the text."""

    start: int
    end: int
    value: float | None  # None for vague magnitudes
    low: float | None = None  # set for vague magnitudes ("hundreds of thousands")
    high: float | None = None
    resolution: float | None = None  # the place value of the last digit written
    is_words: bool = False
    is_fraction: bool = False  # "half", "two-thirds", "3/4", "¾": a share of a whole
    is_vague: bool = False
    is_ordinal: bool = False
    multiplier_word: str | None = None  # "twice", "doubled" and the like are read elsewhere
    text: str = ""
    article: bool = False  # "a" standing for one before a unit: "nearly a decade"
    fraction_form: str | None = None  # "words", "slash" ("2/3") or "vulgar" ("⅔")
    scaled: bool = False  # a scale word or abbreviation is part of it ("12M", "a million")


def read_numbers(text: str) -> list[Number]:
    """Every number phrase of ``text`` in order, without context rules (no filters, units or
    qualifiers): what the reader alone makes of the text. For tests and tools."""
    found: list[Number] = []
    last_end = 0
    for m in ANCHOR_RE.finditer(text):
        if m.start() < last_end or m.group("factor"):
            continue
        number = parse_number(text, m, len(text))
        if number is not None:
            found.append(number)
            last_end = number.end
    return found


def parse_number(text: str, m: re.Match[str], limit: int) -> Number | None:
    """The whole number phrase at an anchor match; ``limit`` is the end of the sentence."""
    if m.group("digits"):
        return _parse_digit_number(text, m, limit)
    if m.group("vulgar"):
        return _parse_vulgar(text, m.start(), limit)
    if m.group("word"):
        return _parse_word_number(text, m, limit)
    return None  # a factor word ("tripled") is read by quantity.read_factor_word


# --- digits -------------------------------------------------------------------------------


def round_resolution(raw: str) -> float:
    """The place value of the last significant digit of an integer written as ``raw``:
    "79,000" was rounded to the thousand; a round "100,000" is read as carrying two
    significant digits (to the ten thousand), not one: writers round, but not that far."""
    stripped = raw.rstrip("0")
    zeros = len(raw) - len(stripped) if stripped else 0
    return 10.0 ** min(zeros, max(len(raw) - 2, 0))


def parse_digits(raw: str) -> tuple[float, float] | None:
    """The value and resolution of a digit string such as "1,234.5", or None if malformed.

    Thousands separators must group by three ("1,234,567"), or in the Indian way by two after
    the first thousand ("4,56,789", "12,34,56,789"); anything else ("7,10", "1,2,3") is a list
    of numbers or of footnote markers, not one number, and is refused here.
    """
    if "," in raw:
        head, _, tail = raw.partition(".") if raw.count(".") == 1 else (raw, "", "")
        groups = head.split(",")
        western = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        indian = (
            len(groups) >= 3
            and 1 <= len(groups[0]) <= 2
            and all(len(g) == 2 for g in groups[1:-1])
            and len(groups[-1]) == 3
        )
        if not (western or indian) or "." in tail or "," in tail:
            return None
        raw = "".join(groups) + ("." + tail if tail else "")
    if raw.count(".") > 1:
        return None
    if len(raw) > 30:
        return None  # a run of digits that long is data (an identifier, a hash), not an amount
    try:
        value = float(raw)
    except ValueError:
        return None
    if "." in raw:
        return value, 10.0 ** -len(raw.split(".")[1])
    return value, round_resolution(raw)


# Thousands separated by a thin space, a narrow no-break space, a no-break space, an
# apostrophe ("1'234'567") or a plain space ("1 234 567"), the same one throughout.
# At most nine more groups (a figure in the quadrillions): a longer run is a row of numbers
# or data, and reading it again from each of its groups would cost its length squared.
_SPACED_GROUPS_RE = re.compile(
    r"(?P<sep>[ \u00a0\u2009\u202f'’])\d{3}(?!\d)(?:(?P=sep)\d{3}(?!\d)){0,8}+"
    r"(?!(?P=sep)\d)(?P<dec>\.\d++)?"
)
_ORDINAL_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# "2/3", "1⁄4" (with the fraction slash), and "4 3/4", "4-3/4" after a whole number.
_SLASH_RE = re.compile(r"[/\u2044](?P<den>\d{1,3})(?![\d/\u2044]|[.,]\d)")
_MIXED_RE = re.compile(
    r"(?:[ \u00a0]|-)(?P<num>\d{1,2})[/\u2044](?P<den>\d{1,3})(?![\d/\u2044]|[.,]\d)"
    r"|[ \u00a0]?(?P<vulgar>[" + _VULGAR + r"])"
)
_CALIBER_RE = re.compile(r"\s*[-\s]?caliber\b", re.IGNORECASE)
_SCALE_WORD_RE = re.compile(
    r"(?:[ \t\u00a0]|-)?(?P<scale>hundred|thousand|million|billion|trillion|quadrillion|"
    r"lakhs?|lacs?|crores?)\b(?:[ \u00a0](?P<crore>crores?)\b)?",
    re.IGNORECASE,
)
_SHORT_SCALE_RE = re.compile(
    r"(?P<space>[ \u00a0]?)(?P<short>bn|bln|mn|mln|tn|tln|trn|[kKmMbB])(?![A-Za-z0-9])"
)
# What counts in millions: a plural noun after "5m" ("2.5m people", "3m doses").
_PLURAL_NOUN_AFTER_RE = re.compile(
    r"[ \u00a0](?:[a-z]+s|people|persons|children|men|women|cattle|sheep|fish)\b"
)


def _parse_digit_number(text: str, m: re.Match[str], limit: int) -> Number | None:
    raw = m.group("digits")
    start, end = m.start(), m.end()
    if raw.isdigit() and len(raw) <= 3:
        grouped = _SPACED_GROUPS_RE.match(text, end, limit)
        if grouped and _groups_are_unambiguous(text, start, grouped, limit):
            raw = raw + grouped.group(0).replace(grouped.group("sep"), ",")
            end = grouped.end()
    parsed = parse_digits(raw)
    if parsed is None:
        return None
    value, resolution = parsed
    # "6.50 caliber rifles" is six rifles of .50 caliber typed without a space: a calibre in
    # inches is always below one, so the whole part is a count and the rest an identifier.
    if "." in raw and raw[0] != "." and _CALIBER_RE.match(text, end, limit):
        whole, decimals = raw.split(".")
        if len(decimals) in (2, 3) and int(whole.replace(",", "")) >= 1:
            end = start + len(whole)
            value, resolution = float(whole.replace(",", "")), 1.0
    number = Number(start, end, value, resolution=resolution, text=text[start:end])
    # Ordinal suffixes: "22nd", "5th" are ranks or dates, not amounts.
    suffix = _ORDINAL_SUFFIX_RE.match(text, end, min(limit, end + 3))
    if suffix and raw.isdigit():
        number.is_ordinal = True
        number.end = suffix.end()
        number.text = text[start : number.end]
        return number
    if raw.isdigit():
        slash = _SLASH_RE.match(text, end, limit)
        if slash:
            return _slash_fraction(text, number, int(raw), slash)
        mixed = _MIXED_RE.match(text, end, limit)
        if mixed:
            _add_mixed_fraction(number, mixed)
    _apply_scale(text, number, raw, limit)
    number.text = text[number.start : number.end]
    return number


def _groups_are_unambiguous(text: str, start: int, grouped: re.Match[str], limit: int) -> bool:
    """Whether "1 234" is one number. Thin and no-break spaces and apostrophes only ever group
    digits; a plain space may instead separate two numbers ("3 500-mg pills", a table row),
    so it groups only where no number stands next to the figure and no unit is glued on."""
    if grouped.group("sep") != " ":
        return True
    before = text[max(0, start - 2) : start]
    after = text[grouped.end() : min(limit, grouped.end() + 2)]
    if re.search(r"\d\s$", before) or re.match(r"\s?\d|[-/–]", after):
        return False
    return True


def _slash_fraction(text: str, number: Number, num: int, slash: re.Match[str]) -> Number | None:
    """ "2/3", "1/4": a fraction when the numerator is below the denominator. "24/7" and
    "9/11" are read as they are written here; filters.py decides whether they count."""
    den = int(slash.group("den"))
    if not 1 <= num < den:
        return number  # not a fraction: the filters see a number glued to "/"
    number.end = slash.end()
    number.value = num / den
    number.is_fraction, number.fraction_form, number.resolution = True, "slash", None
    number.text = text[number.start : number.end]
    return number


def _add_mixed_fraction(number: Number, mixed: re.Match[str]) -> None:
    """ "4 3/4", "4-3/4", "4¾", "4 ¾": a whole number and a fraction of one."""
    if mixed.group("vulgar"):
        num, den = nw.VULGAR_FRACTIONS[mixed.group("vulgar")]
    else:
        num, den = int(mixed.group("num")), int(mixed.group("den"))
        if not 1 <= num < den:
            return
    number.value = (number.value or 0) + num / den
    number.end = mixed.end()
    number.resolution = 1 / den


def _currency_before(text: str, start: int) -> bool:
    return CURRENCY_BEFORE_RE.search(text[max(0, start - 6) : start]) is not None


def _apply_scale(text: str, number: Number, raw: str, limit: int) -> None:
    """A scale after the digits: "1.5 million", "3 crore", "1.5 lakh crore", "13 bn", "12M",
    "$5m", "10k". A lone "m" is metres as often as millions, and "b" a sub-item ("Goal 2b"):
    they scale only after a currency sign, or ("5m people", "3.4b") where nothing else fits."""
    end = number.end
    word = _SCALE_WORD_RE.match(text, end, limit)
    if word:
        factor = nw.SCALES[word.group("scale").lower()]
        if word.group("crore"):
            factor *= nw.BIG_SCALES["crore"]
        _scale(number, factor, word.end())
        return
    short = _SHORT_SCALE_RE.match(text, end, limit)
    if not short:
        return
    letters, spaced = short.group("short"), bool(short.group("space"))
    money = _currency_before(text, number.start)
    if letters in ("k", "K", "M", "m", "b", "B") and spaced and not money:
        return  # "5 m" is a length, "5 k" nothing we know
    if letters == "m" and not money:
        if (
            not _PLURAL_NOUN_AFTER_RE.match(text, short.end(), limit)
            or _article_before(text, number.start) is not None
        ):
            return  # "a 5m wall", "5m tall": metres
        if UNIT_AFTER_RE.match(text, short.end(), limit):
            return
    if letters in ("b", "B") and not money and "." not in raw:
        return
    if letters == "M" and not money and _NAMED_AFTER_RE.match(text, short.end(), limit):
        return  # "3M Company", "the 3M board": a name
    _scale(number, nw.SHORT_SCALES[letters.lower()], short.end())


_NAMED_AFTER_RE = re.compile(r"['’]s\b|\s+(?:[A-Z]|company\b|co\b|corp|board\b|shares?\b)")


def _scale(number: Number, factor: float, end: int) -> None:
    number.value = (number.value or 0) * factor
    number.resolution = (number.resolution or 1) * factor
    number.end = end
    number.scaled = True


def _parse_vulgar(text: str, start: int, limit: int) -> Number:
    """ "¾", "½ of", "⅔ million": a Unicode vulgar fraction standing alone."""
    num, den = nw.VULGAR_FRACTIONS[text[start]]
    number = Number(start, start + 1, num / den, is_fraction=True, fraction_form="vulgar")
    _fraction_of_something(text, number, limit)
    number.text = text[number.start : number.end]
    return number


# --- words --------------------------------------------------------------------------------

_ARTICLE_BEFORE_RE = re.compile(r"\b(?P<art>an?)[\s-]+$", re.IGNORECASE)
# After a fraction: "of a million", "a dozen", "of an hour": the fraction scales what follows.
_OF_A_RE = re.compile(
    r"[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?:an?[ \t\u00a0]+)?|-(?=[A-Za-z])", re.IGNORECASE
)
_AND_A_FRACTION_RE = re.compile(
    r"(?:[ \t\u00a0]+|-)and(?:[ \t\u00a0]+|-)(?:(?P<a>an?|one)[ \t\u00a0-]+(?P<one>half|third|quarter|"
    r"fourth|fifth|sixth|eighth|tenth)|(?P<num>two|three|four|five|seven)[ \t\u00a0-]+"
    r"(?P<den>thirds|quarters|fourths|fifths|sixths|eighths|tenths))\b",
    re.IGNORECASE,
)
# Where "a third" ends a fraction rather than naming the third of something ("a third party",
# "and a third on health"): "of", a punctuation mark, or a verb or comparative after it.
_FRACTION_ENDS_RE = re.compile(
    r"[ \t\u00a0]+of\b|\s*(?:[.,;:!?)\]]|$)|[ \t\u00a0]+(?:more|less|fewer|than|were|was|are|"
    r"is|had|have|has|said|say|says|percent)\b",
    re.IGNORECASE,
)


def _article_before(text: str, start: int) -> int | None:
    """The start of "a"/"an" right before ``start``, if it is there."""
    art = _ARTICLE_BEFORE_RE.search(text[max(0, start - 4) : start])
    return start - len(art.group(0)) if art else None


def _parse_word_number(text: str, m: re.Match[str], limit: int) -> Number | None:
    word = m.group("word").lower()
    start = m.start()
    if word in ("decade", "century"):
        return _parse_a_span_of_time(text, m)
    if word in nw.MULTIPLIER_WORDS:
        value = float(nw.MULTIPLIER_WORDS[word])
        return Number(start, m.end(), value, is_words=True, multiplier_word=word, text=word)
    if word in nw.VAGUE_PLURALS or word == "tens":
        return _parse_vague(text, m)
    if word in nw.FEW_WORDS:
        return _parse_few(text, m)
    if word == "dozen":
        begin = _article_before(text, start)
        number = Number(start if begin is None else begin, m.end(), 12.0, is_words=True,
                        resolution=1.0)  # fmt: skip
        number.text = text[number.start : number.end]
        return number
    if word in ("half", "quarter") or (word in nw.DENOMINATORS and word in nw.ORDINALS):
        fraction = _parse_fraction_word(text, m, limit)
        if fraction is not None or word in ("half", "quarter"):
            return fraction
    if word in nw.SCALES:
        # "a hundred", "a million": the article is the number one.
        begin = _article_before(text, start)
        if begin is None:
            return None
        read = nw.read_words(text, start, limit, article=True)
        if read is None:
            return None
        number = Number(begin, read.end, read.value, is_words=True, resolution=1.0,
                        is_ordinal=read.ordinal, scaled=True)  # fmt: skip
        return _after_words(text, number, read, limit)
    read = nw.read_words(text, start, limit)
    if read is None:
        return None
    number = Number(start, read.end, read.value, is_words=True, resolution=1.0,
                    is_ordinal=read.ordinal, scaled=read.last_word in nw.SCALES)  # fmt: skip
    return _after_words(text, number, read, limit)


def _after_words(text: str, number: Number, read: nw.WordNumber, limit: int) -> Number:
    """What may follow a number in words: a denominator ("three fifths"), "and a half", a
    dozen ("two dozen"), and after those a scale ("two and a half million")."""
    if number.is_ordinal:
        number.text = text[number.start : number.end]
        return number
    value = read.value
    after = nw.next_word(text, number.end, limit)
    if after and after[3] != "," and after[0] in nw.DENOMINATORS and 1 <= value < 100 \
            and value.is_integer() and not number.scaled:  # fmt: skip
        plural = after[0] in nw.PLURAL_DENOMINATORS
        if plural or (value == 1 and read.last_word == "one"):
            number.value = value / nw.DENOMINATORS[after[0]]
            number.end = after[2]
            number.is_fraction, number.fraction_form, number.resolution = True, "words", None
            _fraction_of_something(text, number, limit)
            number.text = text[number.start : number.end]
            return number
    if after and after[0] == "dozen" and after[3] != "," and not number.scaled:
        number.value, number.end = value * nw.DOZEN, after[2]
    mixed = _AND_A_FRACTION_RE.match(text, number.end, limit)
    if mixed and not number.scaled:
        if mixed.group("one"):
            number.value = value + 1 / nw.DENOMINATORS[mixed.group("one").lower()]
            number.resolution = 1 / nw.DENOMINATORS[mixed.group("one").lower()]
        else:
            den = nw.DENOMINATORS[mixed.group("den").lower()]
            number.value = value + nw.UNITS[mixed.group("num").lower()] / den
            number.resolution = 1 / den
        number.end = mixed.end()
        scale = _SCALE_WORD_RE.match(text, number.end, limit)
        if scale and not scale.group("crore"):
            _scale(number, nw.SCALES[scale.group("scale").lower()], scale.end())
    number.text = text[number.start : number.end]
    return number


def _fraction_of_something(text: str, number: Number, limit: int) -> None:
    """A fraction followed by a scale or a unit scales it: "half a million", "a quarter
    million", "two thirds of a million", "half a dozen", "a quarter of a century", "½ mile".
    With a scale it becomes a plain amount; with a unit, the unit is read by the caller."""
    gap = _OF_A_RE.match(text, number.end, limit)
    if not gap:
        return
    pos = gap.end() - 1  # the last character of the gap, for next_word to step over
    nxt = nw.next_word(text, pos, limit)
    if nxt is None:
        return
    word, _, w_end, _ = nxt
    if word in nw.SCALES or word == "dozen":
        factor = nw.SCALES.get(word, nw.DOZEN)
        number.value = (number.value or 0) * factor
        number.end = w_end
        number.is_fraction, number.scaled = False, True
        number.resolution = factor / 10 if factor >= 1000 else 1.0
        return
    if UNIT_AFTER_RE.match(text, pos, limit):
        # "a quarter of a century", "½ mile": an amount of the unit, which the caller reads;
        # the span takes in the "of a" between them.
        if gap.group(0).strip(" \t\u00a0-"):
            number.end = pos
        number.is_fraction = False


def _parse_fraction_word(text: str, m: re.Match[str], limit: int) -> Number | None:
    """ "half", "a third of", "a quarter", "an eighth": a fraction of a whole. An ordinal
    after an article names a thing ("a third party", "a second time") unless the phrase ends
    there or goes on with "of"."""
    word = m.group("word").lower()
    start = m.start()
    begin = _article_before(text, start)
    if word == "half":
        pass
    elif begin is None:
        return None
    elif word != "quarter" and not _FRACTION_ENDS_RE.match(text, m.end(), limit):
        return None
    number = Number(start if begin is None else begin, m.end(), 1 / nw.DENOMINATORS[word],
                    is_words=True, is_fraction=True, fraction_form="words")  # fmt: skip
    _fraction_of_something(text, number, limit)
    number.text = text[number.start : number.end]
    return number


_QUALIFIED_ARTICLE_RE = re.compile(
    r"\b(?:nearly|almost|more\s+than|over|about|roughly|around|less\s+than|under|just\s+over|"
    r"well\s+over|close\s+to|at\s+least|some)\s+(?P<art>an?)\s+$",
    re.IGNORECASE,
)


def _parse_a_span_of_time(text: str, m: re.Match[str]) -> Number | None:
    """ "nearly a decade", "more than a century": the article is the number one, and the
    word after it the unit. Without a qualifier ("a decade ago") it is a date, not a claim."""
    before = text[max(0, m.start() - 24) : m.start()]
    q = _QUALIFIED_ARTICLE_RE.search(before)
    if not q:
        return None
    start = m.start() - len(before) + q.start("art")
    end = m.start() - len(before) + q.end("art")
    return Number(
        start, end, 1.0, resolution=None, is_words=True, text=text[start:end], article=True
    )


_OF_MORE_RE = re.compile(r"\s+of\s+(thousands|millions|billions)\b", re.IGNORECASE)


def _parse_vague(text: str, m: re.Match[str]) -> Number | None:
    """ "hundreds of thousands", "tens of thousands", "billions", "dozens"."""
    word = m.group("word").lower()
    end = m.end()
    of_more = _OF_MORE_RE.match(text, end, min(len(text), end + 24))
    if word == "tens" and not of_more:
        return None
    low, high = nw.VAGUE_PLURALS.get(word, (0, 0))
    if of_more and word in nw.VAGUE_OUTER:
        inner = nw.VAGUE_INNER[of_more.group(1).lower()]
        outer = nw.VAGUE_OUTER[word]
        low, high = outer[0] * inner, outer[1] * inner
        end = of_more.end()
    return Number(m.start(), end, None, low=low, high=high, is_words=True, is_vague=True,
                  text=text[m.start() : end])  # fmt: skip


def _parse_few(text: str, m: re.Match[str]) -> Number | None:
    """ "a few" is two to five; "a couple (of)" two or three. Bare "few" is not a number."""
    begin = _article_before(text, m.start())
    if begin is None or text[begin : m.start()].strip().lower() != "a":
        return None
    low, high = nw.FEW_WORDS[m.group("word").lower()]
    return Number(begin, m.end(), None, low=low, high=high, is_words=True, is_vague=True,
                  text=text[begin : m.end()])  # fmt: skip
