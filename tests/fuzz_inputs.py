"""Generators of fuzz inputs: documents as factcheck meets them, and worse.

Shared by the property tests (tests/test_fuzz.py, a few hundred examples per run) and the long
campaign (tests/fuzz_campaign.py, `make fuzz`). A document is (suffix, bytes): the suffix picks
the reader (.txt, .md, .html). The mix:

- prose: sentences built from the project's own words around numbers in every form the
  extractor reads (digits, words, scales, fractions, ranges, percentages, money with currency
  signs and any Unicode spacing, qualifiers, periods, places, footnote markers);
- markup: the same prose in Markdown and HTML structure, with character references, comments,
  footnotes, tables and unclosed tags;
- tokens: random joins of the pieces the extractor treats specially (test_properties.TOKENS);
- noise: arbitrary Unicode text, digit-heavy text, and bytes that are not UTF-8.
"""

from __future__ import annotations

from hypothesis import strategies as st
from test_properties import TOKENS  # the pieces the extractor treats specially

SPACES = [" ", " ", " ", "\u00a0", "\u2009", "\u202f", "\t", "\u3000", "\n", ""]
QUALIFIERS = ["", "about ", "more than ", "nearly ", "at least ", "up to ", "some ", "over ",
              "fewer than ", "just over ", "roughly ", "between ", "almost "]  # fmt: skip
CURRENCIES = ["$", "US$", "US{s}$", "U.S.{s}$", "USD{s}", "MX$", "€", "EUR{s}", "£", "¥", "RMB{s}"]
SCALES = ["", " million", " billion", " thousand", " trillion", " bn", "m", "k", " hundred"]
WORDS = ["one", "two", "three", "eleven", "twelve", "twenty", "fifty", "ninety-nine", "a hundred",
         "one hundred", "a dozen", "half", "a third", "two-thirds", "one and a half",
         "a million", "hundreds of thousands", "tens of", "a few", "dozens of", "zero"]  # fmt: skip
UNITS = ["", " deaths", " overdoses", " people", " pills", " kilograms", " kg", " milligrams",
         " mg", " micrograms", " pounds", " tons", " percent", "%", " percentage points",
         " times", "x", "-fold", " years", " months", " per 100,000", " a day", " a year",
         " out of 10", " in 5", " dollars", " pesos", " cents"]  # fmt: skip
NOUNS = ["fentanyl overdose deaths", "synthetic opioid deaths", "seizures", "pills", "arrests",
         "Americans", "residents", "officers", "cartel members", "homicides", "the budget",
         "the street price", "lethal doses", "kilograms of fentanyl"]  # fmt: skip
VERBS = ["rose to", "fell to", "reached", "were counted at", "stood at", "came to", "doubled to",
         "tripled from", "declined by", "increased by", "was", "totalled", "topped"]  # fmt: skip
TIMES = ["", " in 2021", " in 2022", " in 2016", " from 2016 to 2020", " between 2019 and 2023",
         " in fiscal year 2023", " over the past decade", " in the prior year", " since 2015",
         " during the 2010s", " in the twelve months ending in April 2024", " last year",
         " in January 2023", " (2006–2012)"]  # fmt: skip
PLACES = ["", " in the US", " in Mexico", " nationwide", " in Texas", " in the United States",
          " across Canada", " in China"]  # fmt: skip
MARKERS = ["", "[1]", "[12]", "[1][2]", "[3, 4]", "<sup>1</sup>", "[^1]", "¹", " (1)"]
DASHES = ["–", "—", "-", " to ", " and "]


def _digits(draw) -> str:
    kind = draw(st.integers(0, 7))
    n = draw(st.integers(0, 10**12))
    if kind == 0:
        return str(n % 1000)
    if kind == 1:
        return f"{n:,}"
    if kind == 2:
        return f"{n % 10_000}.{draw(st.integers(0, 99))}"
    if kind == 3:
        return str(draw(st.sampled_from([1999, 2000, 2016, 2021, 2024, 2030])))
    if kind == 4:
        return draw(st.sampled_from(["0", "0.5", "1.22", "107,941", "100,000", "56,516", "3.5"]))
    if kind == 5:
        return draw(st.sampled_from(["١٢٣", "𝟙𝟚", "½", "²", "Ⅻ", "1e5", "1,2,3", "1.1.1"]))
    if kind == 6:
        return "&#" + str(48 + n % 10) + ";" + str(n % 100)
    return str(n)


@st.composite
def number_phrase(draw) -> str:
    """A number as a writer may put it: qualifier, currency, digits or words, range, unit."""
    space = draw(st.sampled_from(SPACES))
    qualifier = draw(st.sampled_from(QUALIFIERS))
    value = draw(st.sampled_from(WORDS)) if draw(st.booleans()) else _digits(draw)
    if draw(st.integers(0, 3)) == 0:
        currency = draw(st.sampled_from(CURRENCIES)).format(s=space)
        value = currency + value
    if draw(st.integers(0, 4)) == 0:
        value = value + draw(st.sampled_from(DASHES)) + _digits(draw)
    scale = draw(st.sampled_from(SCALES))
    unit = draw(st.sampled_from(UNITS))
    return f"{qualifier}{value}{scale}{unit}"


@st.composite
def sentence(draw) -> str:
    subject = draw(st.sampled_from(NOUNS)).capitalize()
    parts = [subject, " ", draw(st.sampled_from(VERBS)), " ", draw(number_phrase())]
    if draw(st.booleans()):
        parts += [", ", draw(st.sampled_from(["up from ", "against ", "or ", "less than "])),
                  draw(number_phrase())]  # fmt: skip
    parts += [draw(st.sampled_from(TIMES)), draw(st.sampled_from(PLACES))]
    end = draw(st.sampled_from([".", ".", ";", "!", "?", "", "..."]))
    return "".join(parts) + end + draw(st.sampled_from(MARKERS))


@st.composite
def prose(draw) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        sentences = draw(st.lists(sentence(), min_size=1, max_size=5))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


@st.composite
def markdown(draw) -> str:
    body = draw(prose())
    pieces = [
        draw(st.sampled_from(["", "---\ndate: 2024-05-01\n---\n", "# A brief\n\n", "> "])),
        body,
        draw(st.sampled_from(["", "\n[^1]: A note with 12 pages.\n", "\n```\n5 10 15\n```\n",
                              "\n| a | b |\n|---|---|\n| 1,200 | 3 |\n", "\n- 1. Item 12\n",
                              "\n<!-- factcheck: ignore -->\n", "\n## References\n1. Author, 2021.\n",
                              "\n## Deaths\n\nBy year:\n\n- 2021: 70,601\n- 2022 — 73,838 deaths\n",
                              "\n| Year | Rate per 100,000 |\n|---|---|\n| 2021 | 32.4 |\n| | |\n"])),
    ]  # fmt: skip
    return "".join(pieces)


@st.composite
def html(draw) -> str:
    paragraphs = draw(prose()).split("\n\n")
    wrap = draw(st.sampled_from(["<p>{}</p>", "<div>{}", "<li>{}</li>", "{}<br>", "<td>{}</td>"]))
    inner = "\n".join(wrap.format(p.strip()) for p in paragraphs)
    extras = draw(st.sampled_from(["", "<script>var x = 100;</script>", "<nav>Home 1 2 3</nav>",
                                   "<!-- 5 million -->", "<b>", "<sup>", "&amp; &nbsp; &#8211;",
                                   "<time datetime='2024-01-01'>2024</time>",
                                   "<table><caption>Deaths</caption><tr><th>Year<th>Deaths"
                                   "<tr><td rowspan=2>2021<td>70,601<tr><td colspan=9>1.5</table>",
                                   "<h2>Deaths</h2><ul><li>2021: 70,601<li>2022<ul><li>x: 3</ul></ul>"]))  # fmt: skip
    return f"<html><body>{extras}{inner}</body></html>\n"


def _token_text(draw) -> str:
    glue = draw(st.sampled_from(["", " "]))
    return glue.join(draw(st.lists(st.sampled_from(TOKENS), max_size=50)))


@st.composite
def document(draw) -> tuple[str, bytes]:
    """(suffix, bytes) of one generated document."""
    kind = draw(st.integers(0, 9))
    any_suffix = st.sampled_from([".txt", ".md", ".html"])
    if kind <= 3:
        suffix, text = draw(st.sampled_from([".txt", ".md"])), draw(prose())
    elif kind == 4:
        suffix, text = ".md", draw(markdown())
    elif kind == 5:
        suffix, text = ".html", draw(html())
    elif kind == 6:
        suffix, text = draw(any_suffix), _token_text(draw)
    elif kind == 7:
        suffix, text = draw(any_suffix), draw(st.text(max_size=300))
    elif kind == 8:
        alphabet = "0123456789,.  -–—$%()[]<>/\nkmb&#;"
        suffix, text = ".txt", draw(st.text(alphabet=alphabet, max_size=300))
    else:
        # Damaged encodings: prose with bytes that are not UTF-8 spliced in.
        data = bytearray(draw(prose()).encode("utf-8"))
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data)))
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        return draw(any_suffix), bytes(data)
    return suffix, text.encode("utf-8")


documents = st.lists(document(), min_size=1, max_size=5)
