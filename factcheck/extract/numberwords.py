"""English number words: the one vocabulary, and the reader of a number written in words.

Every part of factcheck that needs to know what "seventeen", "a dozen", "two-thirds", "lakh"
or "tripled" means looks it up here: the number reader (numbers.py), the non-quantity rules
(filters.py), the context patterns (lexicon.py) and the time expressions ("the past five
years"). A word added here is known everywhere at once.

Why a reader of our own rather than a library: text2num 3.1 (the best kept of them) stops at
billions and refuses "a hundred", "half a million" and num2words' own "one thousand, two
hundred"; number-parser 0.3 refuses the commas too and costs about a millisecond a phrase.
Neither says where in the text the number ends, nor tells an ordinal ("twenty-first") or a
fraction ("three fifths") from a cardinal, which is what a claim needs: its exact span, its
kind and its interval. The grammar below is small; num2words (a dev dependency) writes the
test cases it is checked against, up to 10^15.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}  # fmt: skip
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
# Scales above a hundred. Each must be smaller than the one before it in a number ("two
# million three thousand"), which is how "a thousand thousand" is refused. Lakh and crore are
# the Indian scales (a lakh is 100,000, a crore 10,000,000).
BIG_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
              "quadrillion": 1e15, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
              "crore": 1e7, "crores": 1e7}  # fmt: skip
SCALES = {"hundred": 100.0, **BIG_SCALES}
CARDINALS = {**UNITS, **TEENS, **TENS}


def _ordinal(word: str) -> str:
    irregular = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                 "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}  # fmt: skip
    if word in irregular:
        return irregular[word]
    return word[:-1] + "ieth" if word.endswith("y") else word + "th"


UNIT_ORDINALS = {_ordinal(w): v for w, v in UNITS.items() if v}
TEEN_ORDINALS = {_ordinal(w): v for w, v in TEENS.items()}
TENS_ORDINALS = {_ordinal(w): v for w, v in TENS.items()}
SCALE_ORDINALS = {"hundredth": 100.0, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
                  "trillionth": 1e12}  # fmt: skip
ORDINALS = {**UNIT_ORDINALS, **TEEN_ORDINALS, **TENS_ORDINALS, **SCALE_ORDINALS}

# Denominators of fractions in words: "a third", "three fifths", "two-thirds", "one-eighth".
# "first" and "second" are never denominators; "half" and "quarter" have names of their own.
DENOMINATORS: dict[str, int] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
for _word, _value in ORDINALS.items():
    if _value >= 3:
        DENOMINATORS[_word] = int(_value)
        DENOMINATORS[_word + "s"] = int(_value)
PLURAL_DENOMINATORS = {w for w in DENOMINATORS if w.endswith("s")}

# Unicode vulgar fractions, as numerator and denominator.
VULGAR_FRACTIONS = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
    "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7), "⅛": (1, 8), "⅜": (3, 8),
    "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10),
}  # fmt: skip

# Scales abbreviated after digits ("13 bn", "$5m", "12M", "10k"); which of them count where
# is numbers.py's business (a lone "m" is as often metres as millions).
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
                "tn": 1e12, "tln": 1e12, "trn": 1e12}  # fmt: skip

DOZEN = 12
# Words that multiply: "twice as many", "thrice".
MULTIPLIER_WORDS = {"twice": 2, "thrice": 3}
# Verbs and adjectives of multiplication that are numbers by themselves.
FACTOR_WORDS = {"doubled": 2, "doubling": 2, "double": 2, "doubles": 2, "tripled": 3,
                "tripling": 3, "triple": 3, "triples": 3, "quadrupled": 4, "quadrupling": 4,
                "quadruple": 4, "quintupled": 5, "tenfold": 10, "twofold": 2, "threefold": 3,
                "fourfold": 4, "fivefold": 5, "hundredfold": 100}  # fmt: skip
# Vague magnitudes and the interval each one asserts ("hundreds" is at least two hundred).
VAGUE_PLURALS = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2e3, 9999),
    "millions": (2e6, 999e6), "billions": (2e9, 999e9), "trillions": (2e12, 999e12),
}  # fmt: skip
# "tens of thousands", "hundreds of millions": the outer plural's range, times the inner scale.
VAGUE_OUTER = {"tens": (20, 99), "hundreds": (200, 999), "thousands": (2e3, 9999)}
VAGUE_INNER = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
# Determiners that stand for a small vague amount after "a": "a few", "a couple".
FEW_WORDS = {"few": (2, 5), "couple": (2, 3)}

# Every word that can start or continue a number, and the regular expression source of
# the cardinal words alone (for the rules that look for number words next to a number).
ALL_NUMBER_WORDS = frozenset(
    [*CARDINALS, *SCALES, *ORDINALS, *DENOMINATORS, "dozen", *VAGUE_PLURALS, "tens",
     *MULTIPLIER_WORDS, *FEW_WORDS]
)  # fmt: skip
CARDINAL_WORD = r"(?:" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + r")"


def word_value(word: str) -> float | None:
    """The value of one cardinal or scale word ("seven", "twelve", "thousand"), else None."""
    word = word.lower()
    if word in CARDINALS:
        return float(CARDINALS[word])
    return SCALES.get(word)


# --- the reader ----------------------------------------------------------------------------

# Between two words of a number: spaces, one line break, a hyphen, or a comma after a scale
# ("one million, two hundred thousand", as num2words writes it).
_GAP_RE = re.compile(
    r"[ \t\u00a0\u2009\u202f]{1,3}|[ \t]?\n[ \t]?|[-\u2010\u2011]|,[ \t\u00a0]{1,2}"
)
_WORD_RE = re.compile(r"[A-Za-z]+\b")
_CONTINUES = frozenset([*CARDINALS, *SCALES, *ORDINALS, "and"])


@dataclass
class WordNumber:
    value: float
    end: int  # where the last word of the number ends
    ordinal: bool = False  # "twenty-first", "two hundred and forty-sixth"
    last_word: str = ""


def next_word(text: str, pos: int, limit: int) -> tuple[str, int, int, str] | None:
    """The word after ``pos`` across one gap of a number: (word in lower case, start, end,
    gap) where gap is "," "-" or " ". None when no word follows across such a gap."""
    g = _GAP_RE.match(text, pos, limit)
    if not g:
        return None
    m = _WORD_RE.match(text, g.end(), limit)
    if not m:
        return None
    gap = "," if "," in g.group() else "-" if g.group() in "-\u2010\u2011" else " "
    return m.group().lower(), m.start(), m.end(), gap


def read_words(text: str, start: int, limit: int, article: bool = False) -> WordNumber | None:
    """Read a cardinal (or ordinal) written in words from ``start``, where a word begins.

    The grammar of English cardinals, as num2words and writers use it: "forty-two", "two
    hundred and fifty", "twenty-five hundred", "one million, two hundred and three thousand",
    "three lakh"; an ordinal may end it ("twenty-first", "the two hundred and forty-sixth").
    Words that do not continue the grammar end the number: "one one" and "twenty thirty" are
    two numbers, not their sum. ``article`` is set when "a"/"an" stands before the first word,
    which must then be a scale ("a hundred and ten", "a million").
    """
    m = _WORD_RE.match(text, start, limit)
    if not m:
        return None
    word, w_start, w_end, gap = m.group().lower(), m.start(), m.end(), ""
    total = 0.0
    current = 0.0
    last = "article" if article else "start"
    last_big = float("inf")
    hundred_in_group = False
    pending = False  # after a comma, until the group shows a hundred or a scale
    best: WordNumber | None = None
    while True:
        ordinal = False
        if gap == "," and last != "big":
            break
        if word in UNITS:
            value = UNITS[word]
            if value == 0:
                if last == "start":
                    best = WordNumber(0.0, w_end, last_word=word)
                break
            if not (last in ("start", "hundred", "big", "and") or (last == "tens" and gap != ",")):
                break
            current += value
            last = "unit"
        elif word in TEENS or word in TENS:
            if last not in ("start", "hundred", "big", "and"):
                break
            current += TEENS.get(word) or TENS[word]
            last = "teen" if word in TEENS else "tens"
        elif word == "hundred":
            if last not in ("unit", "teen", "tens", "article") or hundred_in_group:
                break
            current = (current or 1) * 100
            hundred_in_group, last, pending = True, "hundred", False
        elif word in BIG_SCALES:
            scale = BIG_SCALES[word]
            if last not in ("unit", "teen", "tens", "hundred", "article") or scale >= last_big:
                break
            total += (current or 1) * scale
            current, last_big, hundred_in_group = 0.0, scale, False
            last, pending = "big", False
        elif word == "and":
            # "two hundred and fifty": "and" joins only after a hundred or a scale, and only
            # when a number word follows it ("a hundred and one", never "ninety and ten").
            after = next_word(text, w_end, limit)
            if last not in ("hundred", "big") or after is None or after[3] != " ":
                break
            if not (after[0] in CARDINALS or after[0] in UNIT_ORDINALS
                    or after[0] in TEEN_ORDINALS or after[0] in TENS_ORDINALS) \
                    or after[0] == "zero":  # fmt: skip
                break
            last = "and"
            word, w_start, w_end, gap = after
            continue
        elif word in UNIT_ORDINALS:
            if not (last in ("start", "hundred", "big", "and") or (last == "tens" and gap != ",")):
                break
            current += UNIT_ORDINALS[word]
            ordinal = True
        elif word in TEEN_ORDINALS or word in TENS_ORDINALS:
            if last not in ("start", "hundred", "big", "and"):
                break
            current += TEEN_ORDINALS.get(word) or TENS_ORDINALS[word]
            ordinal = True
        elif word in SCALE_ORDINALS:
            scale = SCALE_ORDINALS[word]
            if last not in ("unit", "teen", "tens", "hundred", "article"):
                break
            if scale == 100:
                if hundred_in_group:
                    break
                current, pending = (current or 1) * 100, False
            else:
                if scale >= last_big:
                    break
                total, current = total + (current or 1) * scale, 0.0
            ordinal, pending = True, False
        else:
            break
        if not pending:
            best = WordNumber(total + current, w_end, ordinal, word)
        if ordinal:
            break  # an ordinal ends the number
        following = next_word(text, w_end, limit)
        if following is None or following[0] not in _CONTINUES:
            break
        word, w_start, w_end, gap = following
        if gap == ",":
            pending = True
    return best
