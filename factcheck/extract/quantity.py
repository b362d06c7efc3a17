"""From a number to a quantity: its qualifier, unit, range, rate and kind.

``read_quantity`` looks only at the few words around one number, inside its sentence. It
returns the surface span (qualifier + number + unit, as written), the interval the text
asserts, and the kind of claim; or None when the number is not a quantity (an identifier, a
date, a list number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from . import numberwords as nw
from .numbers import ANCHOR_RE, Number, parse_digits, parse_number

_WINDOW = 48  # characters of left context read for qualifiers and currency signs
_RANGE_SEP_RE = re.compile(r"\s*(?P<sep>–|—|-|‒|to|and|or|through|thru)\s*", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\b(?:between|from)\s+(?:[$€£]|US\$)?\s*$", re.IGNORECASE)


@dataclass
class Quantity:
    start: int
    end: int  # the surface span in the text
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    kind: str
    resolution: float | None = None
    factor: float | None = None  # multipliers and factor changes ("tripled")
    direction: int = 0  # -1 a decrease, +1 an increase, 0 none stated
    number_end: int = 0  # end of the number itself (before a remote rate phrase)
    is_year_like: bool = False
    currency_year: int | None = None  # "in 2025 dollars"
    number_start: int = 0  # where the number itself starts (after a qualifier)


def _left(text: str, start: int, sent_start: int) -> str:
    return text[max(sent_start, start - _WINDOW) : start]


def read_quantity(text: str, number: Number, sent_start: int, sent_end: int) -> Quantity | None:
    """Read the quantity around ``number`` within the sentence [sent_start, sent_end)."""
    if number.is_ordinal:
        return _read_rank(text, number, sent_start, sent_end)
    start, end = number.start, number.end
    left = _left(text, start, sent_start)
    rank = lx.RANK_NUMBER_BEFORE_RE.search(left)
    if rank and number.value in _SMALL_RANKS and not number.is_fraction:
        # "the number one cause of death": a rank, written as "number" and a cardinal.
        begin = start - (len(left) - rank.start("no"))
        return Quantity(begin, end, number.value, number.value, number.value, "dimensionless",
                        "exact", "rank", 1.0, None, 0, end, number_start=start)  # fmt: skip
    value, low, high = number.value, number.low, number.high
    resolution = number.resolution
    qualifier = "vague" if number.is_vague else "exact"
    unit, kind = "count", "count"
    factor: float | None = None
    direction = 0

    # Currency before the number: "$16.7 billion", "US$ 5".
    cur = lx.CURRENCY_BEFORE_RE.search(left)
    if cur:
        unit, kind = lx.currency_of(cur.group("cur")), "money"
        start -= len(left) - cur.start()
        left = left[: cur.start()]

    # A range: "50 to 100", "350–370", "30 through 60", "between $1 million and $3 million".
    second = _read_range_end(text, number, end, sent_end, left)
    if second is not None and _is_a_change_from_to(left):
        # "fell 6%, from 13.5 to 12.7": two levels, each a claim, not one range. The first
        # takes the unit written after the second ("from 10 to 20 percent").
        later = read_quantity(text, second, second.start, sent_end)
        if later is not None and later.kind in ("percent", "measurement", "money", "rate"):
            if later.kind != "rate" and not number.scaled and not second.scaled:
                unit, kind = later.unit, later.kind
        second = None
    if second is not None:
        low_n, high_n = number, second
        lo, hi = _range_values(low_n, high_n)
        if lo is not None and hi is not None and lo <= hi:
            value, low, high = (lo + hi) / 2, lo, hi
            resolution = high_n.resolution
            qualifier = "range"
            end = second.end
            between = _BETWEEN_RE.search(left)
            if between:
                start -= len(left) - between.start()
                left = left[: between.start()]

    # Currency after the number: "5 million pesos".
    cur_after = lx.CURRENCY_AFTER_RE.match(text, end, sent_end)
    if cur_after and kind != "money":
        unit, kind = lx.CURRENCY_WORDS.get(cur_after.group("cur").lower(), "USD"), "money"
        end = cur_after.end()
    elif cur_after and kind == "money" and cur_after.group("cur").lower().startswith("dollar"):
        end = cur_after.end()  # "$5 million dollars": the word repeats the sign
    cents_too = _cents_after(text, end, sent_end) if kind == "money" and unit == "USD" else None
    if (
        cents_too is not None
        and value is not None
        and float(value).is_integer()
        and qualifier != "range"
    ):
        # "5 dollars 20 cents", "$5 and 20 cents": one amount in two units.
        cents_value, end = cents_too
        value = value + cents_value / 100
        low = high = None
        resolution = 0.01
    cents = lx.CENTS_RE.match(text, end, sent_end) if kind != "money" else None
    if cents and value is not None:
        unit, kind, end = "USD", "money", cents.end()
        value, resolution = value / 100, (resolution or 1) / 100
        low = low / 100 if low is not None else None
        high = high / 100 if high is not None else None

    currency_year = None
    if kind == "money":
        year = lx.CURRENCY_YEAR_RE.match(text, end, min(sent_end, end + 40))
        if year:
            currency_year = int(year.group("year"))
            end = year.end()

    # Percentages, shares, multipliers, units of measure, durations.
    pct = lx.PERCENT_RE.match(text, end, sent_end)
    share = (
        _read_share(text, end, sent_end, high if qualifier == "range" else value)
        if not pct and not number.is_fraction and value is not None
        else None
    )
    mult = lx.MULTIPLIER_AFTER_RE.match(text, end, sent_end) if not pct else None
    unit_m = lx.UNIT_AFTER_RE.match(text, end, sent_end) if kind != "money" else None
    if pct:
        unit = "percentage_point" if pct.group("pp") else "percent"
        kind = "percent"
        end = pct.end()
    elif number.is_fraction and not unit_m:
        unit, kind = "percent", "percent"
        value = value * 100 if value is not None else None
        low = low * 100 if low is not None else None
        high = high * 100 if high is not None else None
        resolution = None
    elif share is not None and value is not None:
        denominator, end = share
        # The interval too: "3–5 out of 10" is 30 to 50 percent, not 3 to 5.
        value = value / denominator * 100
        low = low / denominator * 100 if low is not None else None
        high = high / denominator * 100 if high is not None else None
        unit, kind, resolution = "percent", "percent", None
    elif mult and (mult.group("times") or mult.group("x") or mult.group("fold")):
        unit, kind = "dimensionless", "multiplier"
        end = mult.end()
        factor = value
        if mult.group("fold") and _increase_follows(text, end, sent_end):
            kind = "change"
    elif number.multiplier_word:  # "twice"
        unit, kind, factor = "dimensionless", "multiplier", value
    elif unit_m:
        word = unit_m.group("unit").lower()
        if word in lx.MEASURE_UNITS:
            unit, kind = lx.MEASURE_UNITS[word], "measurement"
        else:
            unit, kind = lx.DURATION_UNITS[word], "duration"
            if unit in lx.YEARS_IN and value is not None:
                # The interval too: "2-3 decades" is 20 to 30 years, not 2 to 3.
                scale = lx.YEARS_IN[unit]
                value, unit = value * scale, "year"
                low = low * scale if low is not None else None
                high = high * scale if high is not None else None
                resolution = (resolution or 1) * scale
            if lx.AGE_AFTER_RE.match(text, end, sent_end):
                kind, unit = "age", "year"
        end = unit_m.end()
    if lx.AGE_AFTER_RE.match(text, number.end, sent_end) and kind in ("count", "duration"):
        age = lx.AGE_AFTER_RE.match(text, number.end, sent_end)
        kind, unit, end = "age", "year", age.end()
    age_before = lx.AGE_BEFORE_RE.search(left)
    if age_before and kind == "count":
        kind, unit = "age", "year"
        start -= len(left) - age_before.start()
        left = left[: age_before.start()]

    number_end = end
    # Rates: "$1 million a day", "25.6 per 100,000", "350 people every week".
    per_capita = lx.PER_CAPITA_RE.match(text, end, sent_end)
    if per_capita and kind in ("count", "percent") and unit != "percent":
        unit, kind, end = "per_100k", "rate", per_capita.end()
    else:
        rate = _find_rate(text, end, sent_end)
        if rate is not None and kind in ("count", "money", "measurement"):
            per, rate_end, adjacent = rate
            unit = f"{unit} / {per}"
            kind = "rate"
            if adjacent:
                end = rate_end

    # Qualifier before: "more than", "about", "nearly".
    qual = lx.QUALIFIER_BEFORE_RE.search(left)
    near_bound = False
    if qual and qualifier != "range":
        phrase = qual.group("q").lower()
        qualifier = lx.qualifier_of(phrase)
        near_bound = phrase in lx.NEAR_BOUND
        start -= len(left) - qual.start()
    if qualifier in ("more_than", "at_least") and value is not None:
        pair = _upper_bound_after(text, end, sent_end, value, unit)
        if pair is not None:
            # "above 200 and below 400": one interval, not two open claims.
            high_q, unit, kind = pair
            value, low, high, qualifier = (value + high_q.value) / 2, value, high_q.value, "range"
            end, resolution, near_bound = high_q.end, high_q.resolution, False
            return Quantity(start, end, value, low, high, unit, qualifier, kind, resolution,
                            None, 0, end, False, currency_year, number.start)  # fmt: skip
    after = lx.QUALIFIER_AFTER_RE.match(text, end, sent_end)
    if after and qualifier in ("exact", "vague"):
        if after.group("more"):
            qualifier = "at_least"
        elif after.group("so"):
            qualifier = "about"
        end = after.end()

    # Changes: "a 27 percent decline", "fell 10 percent", "tripled".
    if kind in ("percent", "multiplier"):
        direction = _change_direction(text, left, number_end, sent_end)
        if direction and kind == "percent":
            kind = "change"
        if direction and kind == "multiplier" and mult is not None and mult.group("fold"):
            kind = "change"

    low, high = _interval(qualifier, value, low, high, resolution, near_bound)
    is_year_like = (
        not number.is_words
        and kind == "count"
        and qualifier == "exact"
        and value is not None
        and float(value).is_integer()
        and 1000 <= value <= 2100
        and re.fullmatch(r"\d{4}", number.text or "") is not None
    )
    return Quantity(start, end, value, low, high, unit, qualifier, kind, resolution, factor,
                    direction, number_end, is_year_like, currency_year, number.start)  # fmt: skip


def read_factor_word(text: str, m: re.Match[str], sent_start: int, sent_end: int) -> Quantity:
    """ "doubled", "tripled", "tenfold": a change by a factor, stated without digits."""
    factor = float(nw.FACTOR_WORDS[m.group(0).lower()])
    start, end = m.start(), m.end()
    left = _left(text, start, sent_start)
    qual = lx.QUALIFIER_BEFORE_RE.search(left)
    qualifier = "exact"
    if qual:
        qualifier = lx.qualifier_of(qual.group("q"))
        start -= len(left) - qual.start()
    low, high = _interval(qualifier, factor, None, None, None, False)
    return Quantity(start, end, factor, low, high, "dimensionless", qualifier, "change",
                    None, factor, 1, end, number_start=m.start())  # fmt: skip


def _read_rank(text: str, number: Number, sent_start: int, sent_end: int) -> Quantity | None:
    """ "fifth-largest", "22nd in the world", "second only to": a rank; "the second year in a
    row", "a third straight month": a count of consecutive periods. Plain ordinals are not
    claims."""
    rank = lx.RANK_AFTER_RE.match(text, number.end, sent_end)
    if rank:
        return Quantity(number.start, rank.end(), number.value, number.value, number.value,
                        "dimensionless", "exact", "rank", 1.0, None, 0, rank.end(),
                        number_start=number.start)  # fmt: skip
    to = lx.RANK_TO_RE.match(text, number.end, sent_end)
    if to and number.is_words:
        end = number.end + len(to.group(0).rstrip())
        return Quantity(number.start, end, number.value, number.value, number.value,
                        "dimensionless", "exact", "rank", 1.0, None, 0, end,
                        number_start=number.start)  # fmt: skip
    run = lx.CONSECUTIVE_AFTER_RE.match(text, number.end, sent_end)
    if run and (run.group("adj") or run.group("row")) and (number.value or 0) >= 2:
        unit = lx.DURATION_UNITS.get(run.group("unit").lower(), "count")
        kind = "duration" if unit != "count" else "count"
        return Quantity(number.start, run.end(), number.value, number.value, number.value,
                        unit, "exact", kind, 1.0, None, 0, run.end(),
                        number_start=number.start)  # fmt: skip
    return None


def _read_range_end(text: str, first: Number, end: int, sent_end: int, left: str) -> Number | None:
    """The second number of a range starting right after the first, if there is one."""
    sep = _RANGE_SEP_RE.match(text, end, sent_end)
    if not sep:
        return None
    word = sep.group("sep").lower()
    between = _BETWEEN_RE.search(left)
    if word == "and" and not (between and between.group(0).lower().startswith("between")):
        return None
    if word == "or" and not first.is_words:
        return None
    dash = word in ("-", "–", "—", "‒")
    pos = sep.end()
    cur = re.match(r"(?:US\$|\$|€)\s*", text[pos : pos + 5])
    if cur:
        pos += cur.end()
    m = ANCHOR_RE.match(text, pos)
    if not m:
        return None
    second = parse_number(text, m, sent_end)
    if second is None or second.is_ordinal or second.is_vague or second.value is None:
        return None
    if first.value is None:
        return None
    if dash and sep.group(0) != word and second.value <= first.value:
        return None  # "5 - 3" with spaces is arithmetic or a dash between clauses
    return second


def _range_values(first: Number, second: Number) -> tuple[float | None, float | None]:
    """Low and high of a range; "1 to 3 million" shares the second number's scale."""
    lo, hi = first.value, second.value
    if lo is None or hi is None:
        return None, None
    scale_words = ("million", "billion", "thousand", "trillion")
    if not any(w in first.text.lower() for w in scale_words if first.text):
        for word, factor in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6),
                             ("thousand", 1e3)):  # fmt: skip
            if second.text and word in second.text.lower() and lo * factor <= hi and lo < hi / 10:
                lo *= factor
                break
    return lo, hi


def _find_rate(text: str, end: int, sent_end: int) -> tuple[str, int, bool] | None:
    """A time base for a rate, right after the number or after its counted noun."""
    rate = lx.RATE_RE.match(text, end, sent_end)
    if rate:
        per = rate.group("per") or lx.RATE_ADVERBS[" ".join(rate.group("adv").lower().split())]
        return per.lower(), rate.end(), True
    # Up to three words of noun between the number and the time base: "350 people joining
    # every week". Another number in between means the rate belongs to that one.
    window = text[end : min(sent_end, end + 40)]
    m = re.match(r"(?:\s+[A-Za-z][\w'-]*){1,3}?(?=\s+(?:a|an|per|each|every)\s+"
                 r"(?:day|week|month|year)\b)", window)  # fmt: skip
    if m:
        rate = lx.RATE_RE.match(text, end + m.end(), sent_end)
        if rate:
            per = rate.group("per") or lx.RATE_ADVERBS[rate.group("adv").lower()]
            return per.lower(), rate.end(), False
    return None


def _increase_follows(text: str, end: int, sent_end: int) -> bool:
    return bool(re.match(r"\s+(?:increase|rise|jump|growth)", text[end : min(sent_end, end + 12)]))


def _change_direction(text: str, left: str, end: int, sent_end: int) -> int:
    """+1 or -1 when a change word sits right next to the number, else 0."""
    word = None
    after = lx.CHANGE_AFTER_RE.match(text, end, sent_end)
    if after:
        word = after.group("word")
        # "27 percent more potent" compares rather than changes: after a number, "more",
        # "less", "higher" and "lower" never mark a change, and "up"/"down" only in "up from".
        if word.lower() in ("more", "less", "higher", "lower", "up", "down"):
            rest = text[after.end() : after.end() + 8].lower()
            if word.lower() in ("more", "less", "higher", "lower") or not rest.startswith(" from"):
                word = None
    if word is None:
        before = lx.CHANGE_BEFORE_RE.search(left)
        if before:
            word = before.group("word")
            # "up by 40 percent" is a change; "up to 40 percent" and "more 40" are not.
            by = re.match(r"\w+\s+by\b", before.group(0), re.IGNORECASE)
            if word.lower() in ("more", "less", "higher", "lower") or (
                word.lower() in ("up", "down") and not by
            ):
                word = None
    if word is None:
        return 0
    return -1 if lx.DECREASE_RE.match(word) else 1


def _interval(
    qualifier: str,
    value: float | None,
    low: float | None,
    high: float | None,
    resolution: float | None,
    near_bound: bool,
) -> tuple[float | None, float | None]:
    """The interval a qualifier asserts around a value.

    The written precision is not applied here (the checker widens intervals by half the
    resolution, as statcheck does); this is the text's own claim: "more than 100,000" is
    [100000, inf), "about 79,000" is 79,000 give or take 5%, "nearly 200,000" is 90-100% of it.
    """
    if qualifier in ("range", "vague") or value is None:
        return low, high
    if qualifier == "exact":
        return value, value
    if qualifier in ("more_than", "at_least"):
        return value, value * 1.1 if near_bound else None
    if qualifier in ("less_than", "at_most"):
        return value * 0.9 if near_bound else None, value
    if qualifier == "nearly":
        return value * 0.9, value
    if qualifier == "about":
        margin = max(abs(value) * 0.05, (resolution or 0) / 2)
        return value - margin, value + margin
    return low, high


_SMALL_RANKS = {float(n) for n in range(1, 11)}
_CHANGE_WORD_RE = re.compile(
    r"\b(?:" + lx.DECREASE_WORDS + "|" + lx.INCREASE_WORDS + r")\b", re.IGNORECASE
)
# "from 13.5 to 12.7" after a change, or "by 3.1% (9.7 to 10.0)": the two ends of a change.
_CHANGE_FROM_RE = re.compile(
    r"(?:\bfrom|\bby\s+[\d.,]+\s*(?:%|percent|per\s+cent)\s*[,(]\s*(?:from)?|[,(]\s*from)\s*$",
    re.IGNORECASE,
)


def _is_a_change_from_to(left: str) -> bool:
    """Whether "X to Y" after ``left`` gives the two levels of a change rather than a range:
    "rose from 50 to 75", "fell 6%, from 13.5 to 12.7", "by 3.1% (9.7 to 10.0)". A
    plain "from 10 to 20" (a range of estimates) stays a range."""
    clause = re.split(r"[;:]", left)[-1]
    m = _CHANGE_FROM_RE.search(clause)
    if not m:
        return False
    return m.group(0).lower().startswith("by") or bool(_CHANGE_WORD_RE.search(clause[: m.start()]))


_CENTS_GAP_RE = re.compile(r"[ \t\u00a0]+(?:and[ \t\u00a0]+)?(?=[\dA-Za-z])", re.IGNORECASE)
_CENTS_WORD_RE = re.compile(r"[ \t\u00a0]*(?:cents?\b|¢)", re.IGNORECASE)


def _cents_after(text: str, end: int, sent_end: int) -> tuple[float, int] | None:
    """ "(5 dollars) 20 cents", "(two dollars and) fifty cents": the cents of an amount in
    two units, as (cents, end of the phrase)."""
    gap = _CENTS_GAP_RE.match(text, end, sent_end)
    if not gap:
        return None
    m = ANCHOR_RE.match(text, gap.end())
    if not m or not (m.group("digits") or m.group("word")):
        return None
    cents = parse_number(text, m, sent_end)
    if cents is None or cents.value is None or cents.is_fraction or cents.is_ordinal:
        return None
    if not (cents.value.is_integer() and 0 < cents.value < 100):
        return None
    unit = _CENTS_WORD_RE.match(text, cents.end, sent_end)
    return (cents.value, unit.end()) if unit else None


_NOT_A_SHARE_AFTER_RE = re.compile(
    r"\s*(?:[-\s](?:years?|months?|weeks?|days?|hours?|minutes?)\b|%|percent)", re.IGNORECASE
)


def _read_share(text: str, end: int, sent_end: int, value: float) -> tuple[float, int] | None:
    """ "(3) out of 4", "(one) in three", "(three) out of four hundred", "(one) in a million":
    the denominator of a share, read as a whole number, with the end of the phrase."""
    m = lx.SHARE_RE.match(text, end, sent_end)
    if not m:
        return None
    a = ANCHOR_RE.match(text, m.end())
    if not a or not (a.group("digits") or a.group("word")):
        return None
    den = parse_number(text, a, sent_end)
    if den is None or den.value is None or den.is_fraction or den.is_ordinal or den.is_vague:
        return None
    if m.group("art") and not den.scaled:
        return None  # "one in a hundred", "one in a million"; never "one in a way"
    if not den.value.is_integer() or den.value < 2 or value > den.value or value < 0:
        return None
    if re.fullmatch(r"\d{4}", den.text) and 1800 <= den.value <= 2100:
        return None  # "5 in 2021": a year
    if _NOT_A_SHARE_AFTER_RE.match(text, den.end, sent_end):
        return None  # "3 in 10 years", "one in 10%": not a share of a whole
    return den.value, den.end


_UPPER_BOUND_RE = re.compile(
    r"\s*,?\s*(?:and|but)\s+(?P<q>less\s+than|fewer\s+than|below|under|at\s+most|no\s+more\s+than|"
    r"not\s+more\s+than|up\s+to)\s+(?=[\d\w$€£.])",
    re.IGNORECASE,
)


def _upper_bound_after(
    text: str, end: int, sent_end: int, low: float, unit: str
) -> tuple[Quantity, str, str] | None:
    """ "(above 200) and below 400 (people)": the upper bound that closes a lower one, read as
    a quantity of its own, with the unit and kind the pair shares."""
    m = _UPPER_BOUND_RE.match(text, end, sent_end)
    if not m:
        return None
    pos = m.end()
    cur = re.match(r"(?:US\$|\$|€|£)\s*", text[pos : pos + 5])
    a = ANCHOR_RE.match(text, pos + (cur.end() if cur else 0))
    if not a or not (a.group("digits") or a.group("word")):
        return None
    second = parse_number(text, a, sent_end)
    if second is None or second.value is None or second.is_ordinal or second.is_vague:
        return None
    high_q = read_quantity(text, second, pos, sent_end)
    if high_q is None or high_q.value is None or high_q.value <= low:
        return None
    if unit != "count" and high_q.unit != unit:
        return None
    if high_q.kind not in ("count", "money", "percent", "measurement"):
        return None
    return high_q, high_q.unit, high_q.kind


_AMOUNT_RANGE_AFTER_RE = re.compile(
    r"\s*(?:[-–—‒]|to|through|thru)\s*(?:[$€£]\s*)?(?P<second>\d[\d,.]*)", re.IGNORECASE
)


def opens_a_range_of_amounts(text: str, start: int, end: int, limit: int) -> bool:
    """Whether the figure text[start:end] (a bare 2000, say) opens a range whose other end is
    above it and cannot be a year ("2000 - 3000 dollars", "1999 to 25000"): an amount."""
    m = _AMOUNT_RANGE_AFTER_RE.match(text, end, limit)
    first = text[start:end]
    if not m or not first.isdigit():
        return False
    parsed = parse_digits(m.group("second").rstrip(".,"))
    if parsed is None or parsed[0] <= int(first):
        return False
    return not (parsed[0].is_integer() and 1000 <= parsed[0] <= 2100)
