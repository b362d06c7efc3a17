"""Generators of fuzz inputs: documents as factcheck meets them, and worse.

Shared by the property tests (tests/test_fuzz.py, a few dozen examples per run, through
hypothesis) and the long campaign (tests/fuzz_campaign.py, `make fuzz`, a seeded random
source: a million inputs must not pay hypothesis's bookkeeping per example). Each generator
is written once against a small ``Draw`` interface with two implementations, one over a
hypothesis ``draw`` (``HypothesisDraw``: shrinking works) and one over ``random.Random``
(``RandomDraw``). An input is a list of documents; a document is (suffix, bytes), the suffix
picking the reader (.txt, .md, .html; .docx, .odt and .pdf from ``binary_document``).

Two sizes:

- ``snippet``: one sentence-to-paragraph-sized document, the size where reading bugs live:
  numbers in every form the extractor reads (digits, words, scales, fractions, ranges,
  percentages, money with currency signs and any Unicode spacing, qualifiers, periods, places,
  footnote markers), tables of a few rows, HTML fragments with character references, runs of
  the extractor's special pieces (test_properties.TOKENS), pathological repeats (a piece
  hundreds of times over), arbitrary Unicode, digit-heavy text, bytes that are not UTF-8;
- ``document`` / ``documents``: whole documents (prose of a few paragraphs, Markdown with
  front matter, footnotes, tables and lists, HTML pages) and one to five of them together.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st
from test_properties import TOKENS  # the pieces the extractor treats specially

T = TypeVar("T")

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
         " in January 2023", " (2006–2012)", " in FY2024", " in 2019-20"]  # fmt: skip
PLACES = ["", " in the US", " in Mexico", " nationwide", " in Texas", " in the United States",
          " across Canada", " in China"]  # fmt: skip
MARKERS = ["", "[1]", "[12]", "[1][2]", "[3, 4]", "<sup>1</sup>", "[^1]", "¹", " (1)"]
DASHES = ["–", "—", "-", " to ", " and "]
ENDS = [".", ".", ";", "!", "?", "", "..."]
ODD_DIGITS = ["١٢٣", "𝟙𝟚", "½", "²", "Ⅻ", "1e5", "1,2,3", "1.1.1", "1 000", "1'000", "１２"]
# Pieces that, repeated, have made readers slow or wrong: number words that multiply, markers
# on one line, separators, brackets, signs, tags and character references.
REPEATS = ["one hundred ", "a hundred ", "million ", "thousand ", "[1]", "[1] ", "<sup>1</sup>",
           "1,", "1.", "1 ", "1-", "1–", "$", "$1 ", "%", "(", ")", "((1)) ", "-", "—", "<b>",
           "<p>", "&#49;", "&amp;", "| 1 ", "\n| 1 | 2 |", "about ", "more than ", "the ", " ",
           "\u00a0", "\n", "\n\n", "x", "a", "1e", "½", "twenty-", "and one ", "[^1]",
           "in 2021 ", "2021–", "per 100,000 "]  # fmt: skip
BINARY_DOC_SUFFIXES = [".txt", ".md", ".html"]


class Draw:
    """The choices a generator makes; see the module docstring."""

    def pick(self, options: Sequence[T]) -> T:
        raise NotImplementedError

    def integer(self, low: int, high: int) -> int:
        raise NotImplementedError

    def text(self, max_size: int, alphabet: str | None = None) -> str:
        raise NotImplementedError

    def binary(self, min_size: int, max_size: int) -> bytes:
        raise NotImplementedError

    def boolean(self) -> bool:
        return self.integer(0, 1) == 1

    def many(self, make: Callable[[Draw], T], low: int, high: int) -> list[T]:
        return [make(self) for _ in range(self.integer(low, high))]


class HypothesisDraw(Draw):
    def __init__(self, draw: Callable[[Any], Any]) -> None:
        self.draw = draw

    def pick(self, options):
        return self.draw(st.sampled_from(options))

    def integer(self, low, high):
        return self.draw(st.integers(low, high))

    def text(self, max_size, alphabet=None):
        return self.draw(st.text(alphabet=alphabet, max_size=max_size) if alphabet else
                         st.text(max_size=max_size))  # fmt: skip

    def binary(self, min_size, max_size):
        return self.draw(st.binary(min_size=min_size, max_size=max_size))


# Where arbitrary characters come from in RandomDraw: mostly ASCII, often the Unicode blocks
# that hold spaces, digits, dashes, quotes and symbols, sometimes any code point at all.
_ANY_RANGES = [(0x20, 0x7E)] * 4 + [(0x00, 0x1F), (0xA0, 0x17F), (0x2000, 0x206F),
               (0x2070, 0x218F), (0x0660, 0x0669), (0x3000, 0x303F), (0xFF00, 0xFF5E),
               (0x1D7CE, 0x1D7FF), (0xFFF0, 0xFFFF), (0x00, 0x10FFFF)]  # fmt: skip


class RandomDraw(Draw):
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, options):
        return options[self.rng.randrange(len(options))]

    def integer(self, low, high):
        return self.rng.randint(low, high)

    def text(self, max_size, alphabet=None):
        size = self.rng.randint(0, max_size)
        if alphabet:
            return "".join(self.rng.choices(alphabet, k=size))
        chars = []
        for _ in range(size):
            low, high = self.pick(_ANY_RANGES)
            code = self.rng.randint(low, high)
            if 0xD800 <= code <= 0xDFFF:  # surrogates are not characters
                code = 0xFFFD
            chars.append(chr(code))
        return "".join(chars)

    def binary(self, min_size, max_size):
        return self.rng.randbytes(self.rng.randint(min_size, max_size))


# -- numbers and prose -------------------------------------------------------------------------


def digits(d: Draw) -> str:
    kind = d.integer(0, 7)
    n = d.integer(0, 10**12)
    if kind == 0:
        return str(n % 1000)
    if kind == 1:
        return f"{n:,}"
    if kind == 2:
        return f"{n % 10_000}.{d.integer(0, 99)}"
    if kind == 3:
        return str(d.pick([1999, 2000, 2016, 2021, 2024, 2030]))
    if kind == 4:
        return d.pick(["0", "0.5", "1.22", "107,941", "100,000", "56,516", "3.5", "-4", "+12"])
    if kind == 5:
        return d.pick(ODD_DIGITS)
    if kind == 6:
        return "&#" + str(48 + n % 10) + ";" + str(n % 100)
    return str(n)


def number_phrase(d: Draw) -> str:
    """A number as a writer may put it: qualifier, currency, digits or words, range, unit."""
    space = d.pick(SPACES)
    qualifier = d.pick(QUALIFIERS)
    value = d.pick(WORDS) if d.boolean() else digits(d)
    if d.integer(0, 3) == 0:
        value = d.pick(CURRENCIES).format(s=space) + value
    if d.integer(0, 4) == 0:
        value = value + d.pick(DASHES) + digits(d)
    return f"{qualifier}{value}{d.pick(SCALES)}{d.pick(UNITS)}"


def sentence(d: Draw) -> str:
    parts = [d.pick(NOUNS).capitalize(), " ", d.pick(VERBS), " ", number_phrase(d)]
    if d.boolean():
        parts += [", ", d.pick(["up from ", "against ", "or ", "less than "]), number_phrase(d)]
    parts += [d.pick(TIMES), d.pick(PLACES)]
    return "".join(parts) + d.pick(ENDS) + d.pick(MARKERS)


def paragraph(d: Draw) -> str:
    return " ".join(d.many(sentence, 1, 5))


def prose(d: Draw) -> str:
    return "\n\n".join(d.many(paragraph, 1, 4)) + "\n"


# -- structure -----------------------------------------------------------------------------------


def table(d: Draw, html: bool) -> str:
    """A table of a few rows: a header (or none), figures with units, markers, empty cells."""
    columns = d.integer(1, 4)

    def cell(d: Draw) -> str:
        return d.pick(["", digits(d), number_phrase(d), d.pick(NOUNS), d.pick(TIMES).strip(),
                       digits(d) + d.pick(MARKERS)])  # fmt: skip

    header = [d.pick(["Year", "Deaths", "Rate per 100,000", "Share (%)", "$ millions", ""])
              for _ in range(columns)]  # fmt: skip
    rows = [[cell(d) for _ in range(d.integer(max(1, columns - 1), columns + 1))]
            for _ in range(d.integer(1, 5))]  # fmt: skip
    if html:
        caption = d.pick(["", "<caption>Deaths by year</caption>", "<caption>1,200</caption>"])
        head = "<tr>" + "".join(f"<th>{h}" for h in header) + "\n"
        span = d.pick(["", " rowspan=2", " colspan=9", " colspan=0"])
        body = "".join("<tr>" + "".join(f"<td{span if i == 0 else ''}>{c}</td>"
                                        for i, c in enumerate(row)) + "</tr>\n"
                       for row in rows)  # fmt: skip
        return f"<table>{caption}{head}{body}</table>"
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * columns]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def html_fragment(d: Draw, body: str) -> str:
    """Prose in HTML: wrapped in a tag, with entities, comments, scripts or unclosed tags."""
    wrap = d.pick(["<p>{}</p>", "<div>{}", "<li>{}</li>", "{}<br>", "<td>{}</td>", "<h2>{}</h2>",
                   "<p>{}", "<blockquote><p>{}</p></blockquote>", "<span>{}</span>", "{}"])  # fmt: skip
    extra = d.pick(["", "<script>var x = 100;</script>", "<nav>Home 1 2 3</nav>",
                    "<!-- 5 million -->", "<b>", "<sup>", "&amp; &nbsp; &#8211;", "&#x31;&#x32;",
                    "<time datetime='2024-01-01'>2024</time>", "<style>p{width:12px}</style>",
                    "<!-- factcheck: ignore -->", "<a href='/a/2021/12'>12</a>"])  # fmt: skip
    inner = "\n".join(wrap.format(p.strip()) for p in body.split("\n\n"))
    return d.pick(["{}{}", "<html><body>{}{}</body></html>\n"]).format(extra, inner)


def markdown(d: Draw) -> str:
    return "".join([
        d.pick(["", "---\ndate: 2024-05-01\n---\n", "# A brief\n\n", "> "]),
        prose(d),
        d.pick(["", "\n[^1]: A note with 12 pages.\n", "\n```\n5 10 15\n```\n",
                "\n| a | b |\n|---|---|\n| 1,200 | 3 |\n", "\n- 1. Item 12\n",
                "\n<!-- factcheck: ignore -->\n", "\n## References\n1. Author, 2021.\n",
                "\n## Deaths\n\nBy year:\n\n- 2021: 70,601\n- 2022 — 73,838 deaths\n",
                "\n| Year | Rate per 100,000 |\n|---|---|\n| 2021 | 32.4 |\n| | |\n",
                "\n" + table(d, html=False) + "\n"]),
    ])  # fmt: skip


def html_page(d: Draw) -> str:
    extras = d.pick(["", "<table><caption>Deaths</caption><tr><th>Year<th>Deaths"
                     "<tr><td rowspan=2>2021<td>70,601<tr><td colspan=9>1.5</table>",
                     "<h2>Deaths</h2><ul><li>2021: 70,601<li>2022<ul><li>x: 3</ul></ul>",
                     table(d, html=True)])  # fmt: skip
    return f"<html><body>{extras}{html_fragment(d, prose(d))}</body></html>\n"


def token_text(d: Draw, most: int = 50) -> str:
    return d.pick(["", " "]).join(d.pick(TOKENS) for _ in range(d.integer(0, most)))


def repeats(d: Draw) -> str:
    """A pathological repeat: one or two pieces hundreds of times, in a sentence or alone."""
    pieces = d.pick(REPEATS) + (d.pick(REPEATS) if d.boolean() else "")
    # Mostly tens of times (a sentence's worth); one in fifty, hundreds (a run-on paragraph).
    run = pieces * (d.integer(2, 400) if d.integer(0, 49) == 0 else d.integer(2, 40))
    return d.pick(["{}", "Deaths reached {} in 2021.", "{}5", "About {} people died.",
                   "<p>{}</p>", "| {} | 2 |\n|---|---|\n| 1 | {} |"]).format(run, run)  # fmt: skip


def damaged(d: Draw, text: str) -> bytes:
    """Text with bytes that are not UTF-8 spliced in."""
    data = bytearray(text.encode("utf-8"))
    for _ in range(d.integer(1, 4)):
        at = d.integer(0, len(data))
        data[at:at] = d.binary(1, 4)
    return bytes(data)


# -- inputs --------------------------------------------------------------------------------------

_NOISE = "0123456789,.  -–—$%()[]<>/\nkmb&#;"


def snippet(d: Draw) -> tuple[str, bytes]:
    """(suffix, bytes) of one sentence- or paragraph-sized document."""
    kind = d.integer(0, 19)
    if kind <= 5:  # one sentence, as text, Markdown or an HTML fragment
        suffix = d.pick([".txt", ".md", ".html"])
        text = sentence(d)
        if suffix == ".html":
            text = html_fragment(d, text)
    elif kind <= 8:  # a paragraph or two
        suffix = d.pick([".txt", ".md", ".html"])
        text = "\n\n".join(d.many(paragraph, 1, 2))
        if suffix == ".html":
            text = html_fragment(d, text)
    elif kind <= 10:  # a table of a few rows, with or without a sentence before it
        suffix = d.pick([".md", ".html"])
        lead = sentence(d) + "\n\n" if d.boolean() else ""
        text = lead + table(d, html=suffix == ".html")
    elif kind <= 12:
        suffix, text = d.pick([".txt", ".md", ".html"]), token_text(d, 30)
    elif kind <= 14:
        suffix, text = d.pick([".txt", ".md", ".html"]), repeats(d)
    elif kind == 15:
        suffix, text = d.pick([".txt", ".md", ".html"]), d.text(200)
    elif kind == 16:
        suffix, text = ".txt", d.text(200, _NOISE)
    elif kind == 17:  # a sentence with its spacing and digits made exotic
        suffix = d.pick([".txt", ".md"])
        text = sentence(d)
        for _ in range(d.integer(1, 3)):
            at = d.integer(0, len(text))
            text = (
                text[:at] + d.pick(SPACES + ODD_DIGITS + ["\u200b", "\ufeff", "\u2028"]) + text[at:]
            )
    elif kind == 18:
        return d.pick(BINARY_DOC_SUFFIXES), damaged(d, sentence(d))
    else:
        suffix, text = d.pick([".txt", ".md"]), d.pick(TOKENS) + number_phrase(d)
    return suffix, text.encode("utf-8")


def whole_document(d: Draw) -> tuple[str, bytes]:
    """(suffix, bytes) of one whole generated document."""
    kind = d.integer(0, 9)
    if kind <= 3:
        suffix, text = d.pick([".txt", ".md"]), prose(d)
    elif kind == 4:
        suffix, text = ".md", markdown(d)
    elif kind == 5:
        suffix, text = ".html", html_page(d)
    elif kind == 6:
        suffix, text = d.pick([".txt", ".md", ".html"]), token_text(d)
    elif kind == 7:
        suffix, text = d.pick([".txt", ".md", ".html"]), d.text(300)
    elif kind == 8:
        suffix, text = ".txt", d.text(300, _NOISE)
    else:
        return d.pick(BINARY_DOC_SUFFIXES), damaged(d, prose(d))
    return suffix, text.encode("utf-8")


def whole_documents(d: Draw) -> list[tuple[str, bytes]]:
    """One to five whole documents, checked together."""
    return d.many(whole_document, 1, 5)


# -- Word and PDF ------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_COMMENTS = ["Check this figure.", "factcheck: ignore", "factcheck: ignore[contradiction] counted "
             "differently", "factcheck: off", "factcheck: on", "Source: table 12, 2,000 pages."]  # fmt: skip


def _split_runs(d: Draw, p, text: str) -> None:
    """``text`` as runs of paragraph ``p``, cut at a few places (Word cuts runs anywhere, in
    a number too), some bold, some superscript."""
    cuts = sorted({d.integer(0, len(text)) for _ in range(d.integer(0, 3))})
    for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True):
        if a < b:
            run = p.add_run(text[a:b])
            style = d.integer(0, 9)
            run.bold = style == 0 or None
            if style == 1:
                run.font.superscript = True


def _tracked(d: Draw, p) -> None:
    """A tracked change in paragraph ``p``: a figure deleted and another inserted."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for tag, inner in (("w:del", "w:delText"), ("w:ins", "w:t")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), str(d.integer(1, 999)))
        change.set(qn("w:author"), "Editor")
        run = OxmlElement("w:r")
        text = OxmlElement(inner)
        text.text = " " + number_phrase(d) + " "
        text.set(qn("xml:space"), "preserve")
        run.append(text)
        change.append(run)
        p._p.append(change)


def _note_reference(p, number: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    run.append(ref)
    p._p.append(run)


_WHEN = (2024, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb'(w:date|dcterms:(?:created|modified)[^>]*)(="|>)\d{4}-[0-9T:.Z-]+')


def _with_footnotes(data: bytes, notes: list[str]) -> bytes:
    """A saved python-docx document made the same bytes every time (python-docx stamps the
    zip's entries and the comments with the time), and given a footnotes part when there are
    notes (python-docx cannot write one)."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    body = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
        f" {escape(text)}</w:t></w:r></w:p></w:footnote>"
        for k, text in enumerate(notes, start=1)
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{_W}">{body}</w:footnotes>'
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            part = _STAMP.sub(rb"\g<1>\g<2>2024-01-01T00:00:00Z", zin.read(info.filename))
            item = zipfile.ZipInfo(info.filename, _WHEN)
            item.compress_type = zipfile.ZIP_DEFLATED
            if not notes:
                zout.writestr(item, part)
                continue
            if item.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" '
                                    b'ContentType="application/vnd.openxmlformats-officedocument'
                                    b'.wordprocessingml.footnotes+xml"/></Types>')  # fmt: skip
            elif item.filename == "word/_rels/document.xml.rels":
                part = part.replace(b"</Relationships>", b'<Relationship Id="rIdNotes" Type="'
                                    b"http://schemas.openxmlformats.org/officeDocument/2006/"
                                    b'relationships/footnotes" Target="footnotes.xml"/>'
                                    b"</Relationships>")  # fmt: skip
            zout.writestr(item, part)
        if notes:
            item = zipfile.ZipInfo("word/footnotes.xml", _WHEN)
            item.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(item, xml)
    return out.getvalue()


def word_document(d: Draw) -> tuple[str, bytes]:
    """(".docx", bytes) of a Word document written with python-docx: paragraphs cut into runs
    anywhere, headings, list paragraphs, a table, sometimes a tracked change, comments (a
    factcheck directive among them), footnotes; one in ten damaged (cut short, bytes
    overwritten, or its document.xml cut)."""
    import io

    import docx

    document = docx.Document()
    paragraphs = []
    notes: list[str] = []
    for _ in range(d.integer(0, 6)):
        kind = d.integer(0, 9)
        if kind == 0:
            document.add_heading(sentence(d)[:80], level=d.integer(1, 3))
        elif kind == 1:
            document.add_paragraph(sentence(d), style=d.pick(["List Bullet", "List Number"]))
        elif kind == 2:
            rows, columns = d.integer(1, 4), d.integer(1, 3)
            grid = document.add_table(rows=rows, cols=columns)
            grid.cell(0, 0).text = d.pick(["Year", "Deaths", "Rate per 100,000", ""])
            for r in range(rows):
                for c in range(columns):
                    if r or c:
                        grid.cell(r, c).text = d.pick(["", digits(d), number_phrase(d),
                                                       d.pick(TIMES).strip()])  # fmt: skip
        else:
            p = document.add_paragraph()
            _split_runs(d, p, paragraph(d) if kind <= 6 else sentence(d))
            if kind == 7:
                _tracked(d, p)
                p.add_run(d.pick(["", " in 2022.", " deaths."]))
            elif kind == 8:
                notes.append(sentence(d))
                _note_reference(p, len(notes))
            paragraphs.append(p)
    for _ in range(d.integer(0, 2) if paragraphs else 0):
        p = d.pick(paragraphs)
        if p.runs:
            document.add_comment(p.runs, text=d.pick(_COMMENTS), author="Reviewer")
    out = io.BytesIO()
    document.save(out)
    data = _with_footnotes(out.getvalue(), notes)
    if d.integer(0, 9) == 0:
        data = _damaged_zip(d, data)
    return ".docx", data


_ODF_NS = " ".join(
    f'xmlns:{k}="urn:oasis:names:tc:opendocument:xmlns:{v}"'
    for k, v in (("office", "office:1.0"), ("text", "text:1.0"), ("table", "table:1.0"),
                 ("style", "style:1.0"), ("draw", "drawing:1.0"))
)  # fmt: skip


def odt_document(d: Draw) -> tuple[str, bytes]:
    """(".odt", bytes) of an OpenDocument text written by hand: paragraphs with spans (some
    raised), runs of spaces (text:s), tabs and line breaks; headings, lists, a table with
    spanned cells, notes, comments (a directive among them), a tracked deletion, a frame; one
    in ten damaged."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    def inline(text: str) -> str:
        out, last = [], 0
        for _ in range(d.integer(0, 3)):
            at = d.integer(last, len(text))
            out.append(escape(text[last:at]))
            out.append(d.pick(['<text:s text:c="3"/>', "<text:tab/>", "<text:line-break/>",
                               '<text:span text:style-name="Up">1</text:span>',
                               f'<text:span text:style-name="B">{escape(number_phrase(d))}</text:span>',
                               '<text:note text:note-class="footnote"><text:note-citation>1'
                               f"</text:note-citation><text:note-body><text:p>{escape(sentence(d))}"
                               "</text:p></text:note-body></text:note>",
                               "<office:annotation><text:p>"
                               f"{escape(d.pick(_COMMENTS))}</text:p></office:annotation>",
                               "<draw:frame><draw:text-box><text:p>12 boxes</text:p>"
                               "</draw:text-box></draw:frame>",
                               '<text:change text:change-id="c1"/>']))  # fmt: skip
            last = at
        return "".join(out) + escape(text[last:])

    body = ['<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>'
            f"{escape(sentence(d))}</text:p></text:deletion></text:changed-region>"
            "</text:tracked-changes>"]  # fmt: skip
    for _ in range(d.integer(0, 6)):
        kind = d.integer(0, 6)
        if kind == 0:
            body.append(
                f'<text:h text:outline-level="{d.integer(0, 11)}">{inline(sentence(d))}</text:h>'
            )
        elif kind == 1:
            items = "".join(f"<text:list-item><text:p>{inline(sentence(d))}</text:p></text:list-item>"
                            for _ in range(d.integer(1, 3)))  # fmt: skip
            body.append(f"<text:list>{items}</text:list>")
        elif kind == 2:
            rows = []
            for r in range(d.integer(1, 4)):
                cells = []
                for _ in range(d.integer(1, 3)):
                    if d.integer(0, 4) == 0:
                        cells.append("<table:covered-table-cell/>")
                        continue
                    span = d.pick(["", ' table:number-columns-spanned="2"',
                                   ' table:number-rows-spanned="2"'])  # fmt: skip
                    value = d.pick(["Year", digits(d), number_phrase(d), d.pick(TIMES).strip()])
                    cells.append(f"<table:table-cell{span}><text:p>{escape(value)}</text:p>"
                                 "</table:table-cell>")  # fmt: skip
                row = f"<table:table-row>{''.join(cells)}</table:table-row>"
                header = r == 0 and d.boolean()
                rows.append(f"<table:table-header-rows>{row}</table:table-header-rows>" if header
                            else row)  # fmt: skip
            body.append(f"<table:table>{''.join(rows)}</table:table>")
        else:
            style = d.pick(["", ' text:style-name="Ruled"'])
            body.append(f"<text:p{style}>{inline(paragraph(d))}</text:p>")
    styles = ('<office:automatic-styles><style:style style:name="Up" style:family="text">'
              '<style:text-properties style:text-position="super 58%"/></style:style>'
              '<style:style style:name="Ruled" style:family="paragraph"><style:paragraph-properties'
              ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
              ' fo:border-bottom="0.5pt solid #000000"/></style:style></office:automatic-styles>')  # fmt: skip
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
               f"{styles}<office:body><office:text>{''.join(body)}</office:text></office:body>"
               "</office:document-content>")  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype", _WHEN), "application/vnd.oasis.opendocument.text"
        )
        item = zipfile.ZipInfo("content.xml", _WHEN)
        item.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(item, content)
    data = out.getvalue()
    if d.integer(0, 9) == 0:
        data = _damaged_zip(d, data)
    return ".odt", data


def _damaged_zip(d: Draw, data: bytes) -> bytes:
    import io
    import zipfile

    how = d.integer(0, 2)
    if how == 0:
        return data[: d.integer(0, len(data))]
    if how == 1:
        spoiled = bytearray(data)
        for _ in range(d.integer(1, 8)):
            spoiled[d.integer(0, len(spoiled) - 1)] = d.integer(0, 255)
        return bytes(spoiled)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            part = zin.read(item.filename)
            if item.filename in ("word/document.xml", "content.xml"):
                part = part[: d.integer(0, len(part))]
            zout.writestr(item, part)
    return out.getvalue()


_PDF_FONTS = (b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
              b" /F2 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >>")  # fmt: skip


def _pdf_page(d: Draw, lines: list[str]) -> bytes:
    """A page's content: lines from the top, mostly Helvetica 10 pt, some paragraph gaps, a
    small note line at the bottom, a Courier line, a page number, a raised marker."""
    from pdf_build import pdf_string

    ops = [b"BT"]
    y = 185.0
    for line in lines:
        font, size = (b"F2", 9) if d.integer(0, 14) == 0 else (b"F1", d.pick([10, 10, 10, 7]))
        y -= size * 1.2 + (size if d.integer(0, 5) == 0 else 0)
        if y < 5:
            break
        ops.append(b"/%s %d Tf 1 0 0 1 20 %.1f Tm (%s) Tj" % (font, size, y, pdf_string(line)))
        if d.integer(0, 9) == 0:
            ops.append(b"/F1 6 Tf 0 4 Td (%d) Tj" % d.integer(1, 20))
    if d.boolean():
        ops.append(b"/F1 8 Tf 1 0 0 1 140 8 Tm (%d) Tj" % d.integer(1, 300))
    ops.append(b"ET")
    return b"\n".join(ops)


def pdf_document(d: Draw) -> tuple[str, bytes]:
    """(".pdf", bytes) of a PDF with a text layer written by hand (pdf_build.hand_pdf): prose
    broken into lines of 30-60 characters (hyphenated at a line end sometimes), on one to three
    pages; one in ten damaged (cut short, or bytes overwritten)."""
    from pdf_build import hand_pdf

    words = prose(d).split()
    width = d.integer(30, 60)
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) > width and line:
            if d.integer(0, 7) == 0 and len(word) > 5:
                cut = d.integer(2, len(word) - 2)
                lines.append(line + " " + word[:cut] + "-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    per_page = d.integer(6, 14)
    pages = [(_pdf_page(d, lines[k : k + per_page]), _PDF_FONTS)
             for k in range(0, len(lines), per_page)][:3]  # fmt: skip
    data = hand_pdf(pages)
    if d.integer(0, 9) == 0:
        spoiled = bytearray(data[: d.integer(1, len(data))] if d.boolean() else data)
        for _ in range(d.integer(0, 6)):
            spoiled[d.integer(0, len(spoiled) - 1)] = d.integer(0, 255)
        data = bytes(spoiled)
    return ".pdf", data


def binary_document(d: Draw) -> tuple[str, bytes]:
    """A Word document (three in five), an OpenDocument text or a PDF."""
    kind = d.integer(0, 4)
    return pdf_document(d) if kind == 0 else odt_document(d) if kind == 1 else word_document(d)


# The same generators as hypothesis strategies, for the property tests.
def _strategy(make: Callable[[Draw], T]) -> Callable[[], st.SearchStrategy[T]]:
    return st.composite(lambda draw: make(HypothesisDraw(draw)))


document = _strategy(whole_document)
word_documents = _strategy(word_document)
pdf_documents = _strategy(pdf_document)
odt_documents = _strategy(odt_document)
snippets = _strategy(snippet)
documents = st.lists(document(), min_size=1, max_size=5)
