"""Property tests of the number reader: what num2words writes reads back to the number, every
small fraction reads back in each of its written forms, and no text makes the reader raise or
report a position outside the text.

In CI the examples are derandomized (the same on every run); at a desk they are new each time.
"""

from __future__ import annotations

import math
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words

from factcheck.extract import extract_document
from factcheck.extract.numbers import read_numbers
from factcheck.extract.numberwords import VULGAR_FRACTIONS
from factcheck.model import Document

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)
UNICODE = {pq: ch for ch, pq in VULGAR_FRACTIONS.items()}


def claims_of(text: str):
    return extract_document(Document(path="t.txt", text=text, body=text))


def the_number(text: str):
    numbers = read_numbers(text)
    assert len(numbers) == 1, [(n.text, n.value) for n in numbers]
    return numbers[0]


# --- cardinals ------------------------------------------------------------------------------

integers = st.one_of(
    st.integers(0, 10**15),
    st.integers(0, 10_000),  # the small ones, where "and" and hyphens sit closest
    st.sampled_from([10**k for k in range(16)] + [10**k + 1 for k in range(16)]),
)


@SETTINGS
@given(n=integers, with_and=st.booleans())
def test_every_integer_written_by_num2words_reads_back(n, with_and):
    words = num2words(n)
    if not with_and:
        words = words.replace(" and ", " ")
    number = the_number(words)
    assert (number.start, number.end) == (0, len(words))
    assert number.value == n
    assert not (number.is_fraction or number.is_ordinal)


@SETTINGS
@given(n=st.integers(2, 10**15), with_and=st.booleans())
def test_every_integer_in_words_is_a_claim_of_itself(n, with_and):
    words = num2words(n) if with_and else num2words(n).replace(" and ", " ")
    text = f"Officials counted {words} arrests."
    (claim,) = claims_of(text)
    assert (claim.value, claim.unit, claim.surface) == (n, "count", words)


@SETTINGS
@given(n=st.integers(1, 10**6))
def test_every_ordinal_written_by_num2words_reads_as_an_ordinal(n):
    words = num2words(n, to="ordinal")
    number = the_number(words)
    assert (number.value, number.is_ordinal, number.end) == (n, True, len(words))


# --- fractions ------------------------------------------------------------------------------


@st.composite
def fractions(draw):
    q = draw(st.integers(2, 12))
    p = draw(st.integers(1, q - 1))
    return p, q


def _in_words(p: int, q: int, style: int) -> str:
    one = {2: "half", 4: "quarter"}.get(q) or num2words(q, to="ordinal")
    many = {2: "halves", 4: "quarters"}.get(q) or one + "s"
    if p == 1:
        return (f"one-{one}", f"one {one}", f"a {one}")[style % 3]
    return (f"{num2words(p)} {many}", f"{num2words(p)}-{many}")[style % 2]


@SETTINGS
@given(pq=fractions(), style=st.integers(0, 5))
def test_every_fraction_in_words_reads_back(pq, style):
    p, q = pq
    written = _in_words(p, q, style)
    number = the_number(written)
    assert number.is_fraction and number.end == len(written)
    assert number.value == pytest.approx(p / q, rel=1e-12)


@SETTINGS
@given(pq=fractions(), whole=st.integers(0, 99), slash=st.sampled_from(["/", "\u2044"]))
def test_every_slash_fraction_reads_back(pq, whole, slash):
    p, q = pq
    written = f"{whole} {p}{slash}{q}" if whole else f"{p}{slash}{q}"
    number = the_number(written)
    assert number.end == len(written)
    assert number.value == pytest.approx(whole + p / q, rel=1e-12)
    assert number.is_fraction == (whole == 0)


@SETTINGS
@given(pq=st.sampled_from(sorted(UNICODE)), whole=st.integers(0, 99), space=st.booleans())
def test_every_unicode_fraction_reads_back(pq, whole, space):
    p, q = pq
    written = (f"{whole} " if space else f"{whole}") + UNICODE[pq] if whole else UNICODE[pq]
    number = the_number(written)
    assert number.end == len(written)
    assert number.value == pytest.approx(whole + p / q, rel=1e-12)


@SETTINGS
@given(pq=fractions(), form=st.sampled_from(["slash", "words", "unicode"]), style=st.integers(0, 5))
def test_every_fraction_of_a_whole_is_a_share(pq, form, style):
    p, q = pq
    if form == "unicode" and pq not in UNICODE:
        form = "slash"
    written = {
        "slash": f"{p}/{q}",
        "unicode": UNICODE.get(pq, ""),
        "words": _in_words(p, q, style),
    }[form]
    (claim,) = claims_of(f"By then {written} of the voters had come.")
    assert claim.unit == "percent"
    assert claim.value == pytest.approx(100 * p / q, rel=1e-12)


# --- any text -------------------------------------------------------------------------------

PIECES = [
    "0", "1", "7", "12", "1,234", "4,56,789", "1 234", "1\u2009234", "1\u202f234", "1'234",
    ".075", "3.4", "1/4", "4 3/4", "24/7", "9/11", "½", "¾", "⅔", "1⁄4", "12M", "3.4b", "$5m",
    "5 m", "10k", "7 bln", "2 tn", "45ml", "200t", "lakh", "crore", "one", "twenty-one",
    "hundred", "and", "a", "half", "quarter", "third", "thirds", "dozen", "million", "of",
    "in", "out of", "between", "to", "through", "-", " - ", "–", ",", ".", ":", "(", ")", "[",
    "]", "%", "percent", "dollars", "cents", "above", "below", "more than", "less than",
    "number", "second", "year", "in a row", "ago", "caliber", "Goal", "U.S.C.", "p.m.", "\n",
]  # fmt: skip
number_soup = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
glued_soup = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _check_reader(text: str) -> None:
    for number in read_numbers(text):
        assert 0 <= number.start < number.end <= len(text), number
        assert number.text == text[number.start : number.end]
        for x in (number.value, number.low, number.high):
            assert x is None or math.isfinite(x), number


def _check_claims(text: str) -> None:
    for claim in claims_of(text):
        assert text[claim.start : claim.end] == claim.surface
        for x in (claim.value, claim.low, claim.high):
            assert x is None or math.isfinite(x), claim
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high, claim


@SETTINGS
@given(text=st.one_of(st.text(max_size=300), number_soup, glued_soup))
def test_the_reader_never_raises_and_every_position_is_in_the_text(text):
    _check_reader(text)
    _check_claims(text)


# --- long runs of number shapes cost time in proportion to their length --------------------

RUNS = {
    "space-grouped digits": lambda n: "1" + " 234" * (n // 4),
    "thin-space-grouped digits": lambda n: "1" + "\u2009234" * (n // 4),
    "Indian commas": lambda n: "1" + ",23" * (n // 3) + ",456",
    "num2words commas": lambda n: "one thousand, " * (n // 15),
    "vulgar fractions": lambda n: "½" * n,
    "slashes": lambda n: "1/" * (n // 2),
    "fractions of fractions": lambda n: "a quarter of a " * (n // 15),
    "mixed numbers": lambda n: "4" + " 3/4" * (n // 4),
    "halves": lambda n: "half a " * (n // 7),
    "scales": lambda n: "1 lakh crore " * (n // 13),
    "shares": lambda n: "one in " * (n // 7),
    "bounds": lambda n: "above 2 and below " * (n // 18),
    "changes": lambda n: "rose from 1 to " * (n // 15),
    "cents": lambda n: "5 dollars 20 cents " * (n // 19),
}


def _cpu_seconds(text: str) -> float:
    t0 = time.process_time()
    claims_of(text)
    return time.process_time() - t0


@pytest.mark.parametrize("name", list(RUNS))
def test_a_long_run_of_a_number_shape_is_read_in_linear_time(name):
    # CPU time of this process, so a loaded machine slows both sizes alike; a quadratic
    # reader would take 16 times as long on four times the text.
    small, large = (_cpu_seconds(RUNS[name](n)) for n in (10_000, 40_000))
    assert large < 8 * small + 0.5, (small, large)
