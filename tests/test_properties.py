"""Property-based tests: extraction never raises, and every position it reports is exact.

Whatever the text, in whatever format, load + extract must return claims (possibly none)
whose (line, column) points at the claim's surface in the original text, whose end position
is where that surface ends, and whose numbers are finite with low <= high. Positions are
recomputed here independently of ``Document.position``: lines split on "\\n", columns count
characters, both 1-based.
"""

from __future__ import annotations

import bisect
import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.load import load_text
from factcheck.pipeline import extract_claims

FORMATS = ("text", "markdown", "html")
SETTINGS = settings(
    max_examples=200,
    deadline=None,  # a loaded shared machine must not turn a slow example into a failure
    suppress_health_check=[HealthCheck.too_slow],
    # In CI the examples are the same on every run, so a submission lands or fails on its own
    # merits; at a developer's desk they are new each time, to keep finding new corners.
    derandomize=bool(os.environ.get("CI")),
)

# Pieces the extractor treats specially, so random joins of them reach its corners: markers,
# currency and percent signs, dashes of every width, qualifiers, scales, number words, changes,
# periods, markup of the three formats, URLs, and stray punctuation.
TOKENS = [
    "<sup>1</sup>", "<sup>12</sup>", "<sup>", "</sup>", "[12]", "[1]", "[^1]", "[^1]: a note",
    "$", "\\$", "US$", "€", "%", " percent", " per cent", " percentage points", "–", "—", "-",
    "about", "more than", "nearly", "at least", "up to", "between", "and", "to", "from",
    "fewer than", "some", "roughly", "over", "under", "just over", "as much as",
    "0", "1", "7", "12", "1,234", "56,516", "1.22", "0.5", "100,000", "2021", "2016", "1999",
    "3.5%", "70%", "10x", "350–370", "2006–2012", "13 bn", "$16.7 billion", "1.22 million",
    "million", "billion", "trillion", "thousand", "hundreds of thousands", "tens of",
    "one", "two", "eleven", "fifty", "a hundred", "a dozen", "half", "a third", "two-thirds",
    "one and a half", "tripled", "doubled", "ten-fold", "times", "fold",
    "mg", "milligrams", "kg", "kilogram", "micrograms", "lb", "miles", "km",
    "deaths", "overdoses", "people", "a day", "a year", "every week", "per 100,000 people",
    "in", "by", "during", "the 2010s", "the prior year", "over the past decade", "since",
    "twelve months ending in April 2024", "January 5, 2023", "FY2024", "fiscal year 2023",
    "Mexico", "US", "American", "Mexican", "Texas", "ages 18–44", "fifth-largest",
    "Executive Order 14157", "R41576", "10 U.S.C. § 2808", "p. 12", "vol. 3", "No. 4",
    "https://example.org/a/2021/12", "www.example.com/1", "doi:10.1000/182", "(555) 123-4567",
    ".", ",", ";", ":", "(", ")", "'", '"', "“", "”", "’", "…", "!", "?", "*", "**", "_", "`",
    "```", "# ", "## ", "> ", "- ", "1. ", "---", "|", "\n", "\n\n", "\r\n", "\t", "  ",
    "<p>", "</p>", "<br>", "<script>", "</script>", "<style>", "<nav>", "</nav>", "<!--",
    "-->", "<!-- factcheck: ignore -->", "&amp;", "&nbsp;", "&#8211;", "&lt;", "<a href='x'>",
    "</a>", "<table><tr><td>", "</td></tr></table>", "Endnotes", "References", "Notes",
    "\ufeff", "\u00a0", "\u200b", "\u2028", "\ufffd", "𝟙𝟚", "١٢٣", "½", "²", "Ⅻ",
]  # fmt: skip

token_text = st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join)
glued_text = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
digit_text = st.text(alphabet="0123456789,.  -–—$%()[]<>/\nkmb", max_size=300)
any_text = st.text(max_size=400)
mixed_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=40).map(
    " ".join
)

_CATALOG = None


def _catalog():
    # Loaded once, lazily: a module-level fixture would not mix with @given examples.
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = load_catalog(default_catalog_path())
    return _CATALOG


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _offset(starts: list[int], text: str, line: int, column: int) -> int:
    assert 1 <= line <= len(starts), f"line {line} of {len(starts)}"
    line_end = starts[line] - 1 if line < len(starts) else len(text)
    assert 1 <= column <= line_end - starts[line - 1] + 1, f"column {column} on line {line}"
    return starts[line - 1] + column - 1


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def _finite_or_none(x: float | None) -> bool:
    return x is None or math.isfinite(x)


def check_claims_of(text: str, fmt: str, with_catalog: bool = False) -> None:
    doc = load_text(text, "x.md", fmt)
    claims = extract_claims(doc, _catalog() if with_catalog else None)
    starts = _line_starts(text)
    for c in claims:
        assert c.surface, c
        start = _offset(starts, text, c.line, c.column)
        assert text.startswith(c.surface, start), (c.surface, text[start : start + 40])
        assert (c.end_line, c.end_column) == _position(starts, start + len(c.surface)), c
        assert (c.end_line, c.end_column) >= (c.line, c.column)
        for name in ("value", "low", "high", "change", "factor"):
            assert _finite_or_none(getattr(c, name)), (name, c)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high, c


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=any_text)
def test_arbitrary_unicode(fmt: str, text: str) -> None:
    check_claims_of(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=digit_text)
def test_digit_heavy_text(fmt: str, text: str) -> None:
    check_claims_of(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=token_text)
def test_joined_tokens(fmt: str, text: str) -> None:
    check_claims_of(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=glued_text)
def test_glued_tokens(fmt: str, text: str) -> None:
    check_claims_of(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=mixed_text)
def test_tokens_and_noise_with_the_catalog(fmt: str, text: str) -> None:
    # The measure matcher runs on the claims too: it must not raise on odd sentences.
    check_claims_of(text, fmt, with_catalog=True)


# --- markers are never values (example-based: the property above cannot see meaning) -------

_MARKERS = {
    "glued [N][N]": ("The shelter fed 500 families in 2020.[1][2] It closed later.", "1,2"),
    "[N] after a space": ("The shelter fed 500 families in 2020 [3]. It closed later.", "3"),
}


@pytest.mark.parametrize(
    ("case", "fmt"),
    [pytest.param(case, fmt, id=f"{case}-{fmt}") for case in _MARKERS for fmt in FORMATS],
)
def test_bracket_markers_are_citations_not_values(case: str, fmt: str) -> None:
    text, citation = _MARKERS[case]
    claims = extract_claims(load_text(text, "x.md", fmt))
    assert [(c.surface, c.citation) for c in claims] == [("500", citation)]
