"""Numbers as people write them: digits, number words, scales, fractions and vague magnitudes.

The scanner finds *anchors* (a run of digits, or a number word) with one linear regular
expression, and ``parse_number`` then reads the whole number phrase from there with small
anchored matches: "1.22 million", "one and a half", "two-thirds", "a dozen", "hundreds of
thousands". Everything here works on plain strings and offsets; context (qualifiers, units,
periods) is read by the other modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..scan import has_digit
from .lexicon import FACTOR_WORDS, word_trie

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Abbreviated scales written after digits: "13 bn", "$5m", "$2.5tn", "10k".
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2}
# Vague magnitudes and the interval each one asserts ("hundreds" is at least two hundred).
VAGUE_PLURALS = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2e3, 9999),
    "millions": (2e6, 999e6), "billions": (2e9, 999e9), "trillions": (2e12, 999e12),
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
}  # fmt: skip

_WORDS = sorted(
    [*SMALL, *TENS, *SCALES, "dozen", *VAGUE_PLURALS, "half", "thirds", "quarters", "few",
     "couple", "twice", "tens", "decade", "century", *ORDINALS],
    key=len,
    reverse=True,
)  # fmt: skip

# One pass over the text. Digits are matched possessively, so a line of 100,000 digits or of
# "1,1,1,..." is one match, never a backtracking storm. The look-behind keeps identifiers such
# as "R41576" or "H5N1" out: a number glued to a letter is not a quantity.
ANCHOR_RE = re.compile(
    # All kinds start a word, so positions inside words are skipped before the alternation.
    r"(?<!\w)(?=\w)"
    r"(?:(?P<digits>\d++(?:[.,]\d++)*+)"
    r"|(?P<factor>" + word_trie(FACTOR_WORDS) + r")\b"
    r"|(?P<word>" + word_trie(_WORDS) + r")\b)",
    re.IGNORECASE,
)

# Necessary conditions for an anchor, cheap enough to test a whole document before reading
# it sentence by sentence: a digit, or a number word anywhere (even inside another word).
_NUMBER_WORD_RE = re.compile(word_trie([*_WORDS, *FACTOR_WORDS]))  # on case-folded text


def may_hold_numbers(text: str) -> bool:
    """False only when ``text`` holds no number anchor at all (most text holds some).

    Runs at hundreds of MB/s where ANCHOR_RE, which checks a word boundary at every
    position, runs at tens: a 50 MB line of letters is dismissed in a fraction of a second.
    """
    return has_digit(text) or _NUMBER_WORD_RE.search(text.casefold()) is not None


_SPACE = r"\s*"
_SCALE_AFTER_RE = re.compile(
    r"(?:\s|-)?(?P<scale>hundred|thousand|million|billion|trillion)\b"
    r"|" + _SPACE + r"(?P<short>bn|mn|mln|tn|[kmb])\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z]+")


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
    is_fraction: bool = False  # "half", "two-thirds": a share of a whole
    is_vague: bool = False
    is_ordinal: bool = False
    multiplier_word: str | None = None  # "twice", "doubled" and the like are read elsewhere
    text: str = ""
    article: bool = False  # "a" standing for one before a unit: "nearly a decade"


def parse_digits(raw: str) -> tuple[float, float] | None:
    """The value and resolution of a digit string such as "1,234.5", or None if malformed.

    Thousands separators must group by three ("1,234,567"); anything else ("7,10") is a list
    of numbers, not one number, and is refused here.
    """
    if "," in raw:
        head, _, tail = raw.partition(".") if raw.count(".") == 1 else (raw, "", "")
        groups = head.split(",")
        if not (1 <= len(groups[0]) <= 3) or any(len(g) != 3 for g in groups[1:]):
            return None
        if "." in tail or "," in tail:
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
        decimals = len(raw.split(".")[1])
        resolution = 10.0**-decimals
    else:
        # "79,000" was rounded to the thousand; a round "100,000" is read as carrying two
        # significant digits (to the ten thousand), not one: writers round, but not that far.
        stripped = raw.rstrip("0")
        zeros = len(raw) - len(stripped) if stripped else 0
        resolution = 10.0 ** min(zeros, max(len(raw) - 2, 0))
    return value, resolution


def _next_word(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """The next word after ``pos`` (skipping spaces and one hyphen), with its span."""
    i = pos
    while i < limit and text[i] in " \t\n\u00a0-":
        i += 1
    if i - pos > 3:
        return None
    m = _WORD_RE.match(text, i, limit)
    if not m:
        return None
    return m.group(0).lower(), m.start(), m.end()


def _read_word_number(
    text: str, start: int, limit: int, after_article: bool = False
) -> tuple[float, int] | None:
    """Read a cardinal written in words from ``start``: "two hundred fifty thousand".

    ``after_article`` is set when "a"/"one" stands before a scale word ("a hundred"), so the
    phrase may begin with the scale. Returns the value and the end offset, or None.
    """
    total = 0.0
    current = 1.0 if after_article else 0.0
    end = start
    pos = start
    seen_any = False
    last = "scale" if after_article else "start"  # what the previous word was, for grammar
    # Scale words only fall ("two million three thousand"): "one million one million" is two
    # numbers, and a long run of them must not multiply up to infinity.
    last_scale = float("inf")
    while True:
        nxt = _next_word(text, pos, limit) if seen_any else None
        if not seen_any:
            m = _WORD_RE.match(text, pos, limit)
            if not m:
                return None
            nxt = (m.group(0).lower(), m.start(), m.end())
        if nxt is None:
            break
        word, w_start, w_end = nxt
        if word == "and" and seen_any:
            # "two hundred and fifty": take "and" only when a number word follows it.
            after = _next_word(text, w_end, limit)
            if after and (after[0] in SMALL or after[0] in TENS):
                pos = w_end
                continue
            break
        # Only the grammar of cardinals continues a number: "twenty five", "two hundred and
        # fifty thousand"; "one one" or "twenty thirty" are two numbers, not their sum.
        if word in SMALL and (
            last in ("start", "hundred", "scale") or (last == "tens" and SMALL[word] < 10)
        ):
            current += SMALL[word]
            last = "small"
        elif word in TENS and last in ("start", "hundred", "scale"):
            current += TENS[word]
            last = "tens"
        elif word == "hundred" and last in ("small", "scale") and (seen_any or after_article) \
                and current < 100 and last_scale > 100:  # fmt: skip
            current = (current or 1) * 100
            last = "hundred"
        elif word in SCALES and word != "hundred" and last in ("small", "tens", "hundred", "scale") \
                and (seen_any or after_article) and SCALES[word] < last_scale:  # fmt: skip
            total += (current or 1) * SCALES[word]
            current = 0
            last = "scale"
            last_scale = SCALES[word]
        else:
            break
        seen_any = True
        end = w_end
        pos = w_end
    if not seen_any:
        return None
    return total + current, end


def parse_number(text: str, m: re.Match[str], limit: int) -> Number | None:
    """The whole number phrase at an anchor match; ``limit`` is the end of the sentence."""
    if m.group("digits"):
        return _parse_digit_number(text, m, limit)
    if m.group("word"):
        return _parse_word_number(text, m, limit)
    return None  # a factor word ("tripled") is read by quantity.read_factor_word


def _parse_digit_number(text: str, m: re.Match[str], limit: int) -> Number | None:
    raw = m.group("digits")
    parsed = parse_digits(raw)
    if parsed is None:
        return None
    value, resolution = parsed
    end = m.end()
    number = Number(m.start(), end, value, resolution=resolution, text=raw)
    # Ordinal suffixes: "22nd", "5th" are ranks or dates, not amounts.
    suffix = re.match(r"(?:st|nd|rd|th)\b", text[end : end + 3], re.IGNORECASE)
    if suffix:
        number.is_ordinal = True
        number.end = end + suffix.end()
        return number
    scale = _SCALE_AFTER_RE.match(text, end, limit)
    if scale:
        factor = (
            SCALES[scale.group("scale").lower()]
            if scale.group("scale")
            else SHORT_SCALES[scale.group("short").lower()]
        )
        # A lone "m" after a number is metres or minutes as often as millions; take it as a
        # scale only after a currency sign ("$5m"), which the caller checks via is_words=False.
        if scale.group("short") and scale.group("short").lower() in ("m", "b"):
            if not re.search(r"[$€£]\s*$", text[max(0, m.start() - 4) : m.start()]):
                return number
        number.value = value * factor
        number.resolution = resolution * factor
        number.end = scale.end()
        # "1.5 million" followed by "thousand" does not happen; one scale is enough.
    return number


def _parse_word_number(text: str, m: re.Match[str], limit: int) -> Number | None:
    word = m.group("word").lower()
    start = m.start()
    if word in ORDINALS and word not in ("third", "fourth", "fifth", "second"):
        return Number(start, m.end(), float(ORDINALS[word]), is_words=True, is_ordinal=True)
    if word in ("decade", "century"):
        return _parse_a_span_of_time(text, m)
    if word in ("twice",):
        return Number(start, m.end(), 2.0, is_words=True, multiplier_word=word, text=word)
    if word in VAGUE_PLURALS or word == "tens":
        return _parse_vague(text, m, limit)
    if word in ("few", "couple"):
        return _parse_few(text, m)
    if word in ("half", "quarter", "third", "fourth", "fifth", "second", "thirds", "quarters"):
        return _parse_fraction_word(text, m, limit)
    if word == "dozen":
        # "a dozen" / "two dozen"
        before = text[max(0, start - 6) : start].lower()
        if re.search(r"\ba\s+$", before):
            return Number(
                start - len(re.search(r"a\s+$", before).group(0)), m.end(), 12.0, is_words=True
            )
        return Number(start, m.end(), 12.0, is_words=True)
    if word in SCALES:
        # "a hundred", "a million": the article is the number one.
        before = text[max(0, start - 6) : start]
        art = re.search(r"\b(?:a|an|one)\s+$", before, re.IGNORECASE)
        if not art:
            return None
        read = _read_word_number(text, start, limit, after_article=True)
        if read is None:
            return None
        value, end = read
        return Number(start - len(art.group(0)), end, value or SCALES[word], is_words=True,
                      resolution=SCALES[word], text=text[start - len(art.group(0)) : end])  # fmt: skip
    read = _read_word_number(text, start, limit)
    if read is None:
        return None
    value, end = read
    number = Number(start, end, value, is_words=True, resolution=1.0)
    # "one and a half", "two and a half million"
    half = re.match(r"\s+and\s+a\s+half\b", text[end : end + 16], re.IGNORECASE)
    if half:
        number.value = value + 0.5
        number.end = end + half.end()
        number.resolution = 0.5
    scale = _SCALE_AFTER_RE.match(text, number.end, limit)
    # A scale word right after the words is theirs only after "and a half": any other
    # _read_word_number would have taken, and one it refused ("one hundred one hundred")
    # starts the next number.
    if scale and scale.group("scale") and half:
        factor = SCALES[scale.group("scale").lower()]
        number.value = (number.value or 0) * factor
        number.resolution = (number.resolution or 1) * factor
        number.end = scale.end()
    # "two-thirds", "three quarters"
    frac = re.match(r"[-\s](thirds|quarters|fifths|third|quarter)\b", text[number.end : number.end + 10],
                    re.IGNORECASE)  # fmt: skip
    if frac and value and value < 10:
        denom = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifths": 5}[
            frac.group(1).lower()
        ]
        number.value = value / denom
        number.end += frac.end()
        number.is_fraction = True
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


def _parse_vague(text: str, m: re.Match[str], limit: int) -> Number:
    """ "hundreds of thousands", "tens of thousands", "billions", "dozens"."""
    word = m.group("word").lower()
    end = m.end()
    of_more = re.match(
        r"\s+of\s+(thousands|millions|billions)\b", text[end : end + 24], re.IGNORECASE
    )
    if word == "tens" and not of_more:
        return None  # type: ignore[return-value]
    if of_more:
        outer = {"tens": (20, 99), "hundreds": (200, 999), "thousands": (2e3, 9999)}.get(word)
        inner = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}[of_more.group(1).lower()]
        if outer:
            low, high = outer[0] * inner, outer[1] * inner
            end += of_more.end()
        else:
            low, high = VAGUE_PLURALS[word]
    else:
        low, high = VAGUE_PLURALS[word]
    return Number(m.start(), end, None, low=low, high=high, is_words=True, is_vague=True,
                  text=text[m.start() : end])  # fmt: skip


def _parse_few(text: str, m: re.Match[str]) -> Number | None:
    """ "a few" is two to five; "a couple (of)" two or three. Bare "few" is not a number."""
    start = m.start()
    art = re.search(r"\ba\s+$", text[max(0, start - 4) : start], re.IGNORECASE)
    if not art:
        return None
    low, high = (2, 5) if m.group("word").lower() == "few" else (2, 3)
    begin = start - len(art.group(0))
    return Number(begin, m.end(), None, low=low, high=high, is_words=True, is_vague=True,
                  text=text[begin : m.end()])  # fmt: skip


def _parse_fraction_word(text: str, m: re.Match[str], limit: int) -> Number | None:
    """ "half", "a third", "a quarter": fractions of a whole. Ordinal "third"/"second" is not."""
    word = m.group("word").lower()
    start = m.start()
    before = text[max(0, start - 8) : start]
    art = re.search(r"\b(?:a|an|one)[\s-]+$", before, re.IGNORECASE)
    if word == "half":
        begin = start - len(art.group(0)) if art else start
        return Number(begin, m.end(), 0.5, is_words=True, is_fraction=True,
                      text=text[begin : m.end()])  # fmt: skip
    if word in ("third", "quarter", "fourth", "fifth") and art:
        # "a third of", "one-fifth of": a fraction only when a share follows.
        after = text[m.end() : m.end() + 4].lower()
        if after.startswith(" of") or after.startswith("-") or word == "quarter":
            begin = start - len(art.group(0))
            return Number(begin, m.end(), 1 / {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5}[word],
                          is_words=True, is_fraction=True, text=text[begin : m.end()])  # fmt: skip
    if word in ORDINALS:
        return Number(start, m.end(), float(ORDINALS[word]), is_words=True, is_ordinal=True)
    return None
