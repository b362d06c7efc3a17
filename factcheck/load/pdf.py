"""PDF -> text a text reader reads, with a map back to page, line and column.

The library is pypdfium2 (PDFium, the engine of Chrome's viewer), chosen by measurement on
LibreOffice PDFs of the examples and the seed documents (benchmarks/pdf_libraries.py): its
text has the same word recall (0.986-1.0) and reading order as pdfplumber's and pypdf's,
at 400-1200 pages/s against 7-12 (pdfplumber) and 25-40 (pypdf); it gives each character's
origin (baseline) and font size, which find superscript markers and paragraph gaps, and it
marks a hyphen at a line end (U+FFFE), which finds hyphenation. Ligatures are normalised
here (no library did it).

A page is read as PDFium's lines (its text split at line ends): "line" in a position is the
line's number in that list, "column" the character's place in the line (both 1-based), so a
position points at the words PDFium shows there. On each page:

- running headers and footers are lines at the top or bottom of pages whose text, digits
  aside, comes back on several pages; bare page numbers ("7", "Page 7 of 30", "- 7 -",
  "vii") at the top or bottom are dropped too;
- footnotes are the run of lines at the page bottom, in a smaller font than the body, the
  first of which starts with the number of a marker; they are notes, not body, and left out;
- lines set in a fixed-pitch font in a document of proportional text are code (a listing,
  a command line) and left out, as a Markdown reader leaves out a code block;
- a marker is a run of 1-3 digits in a smaller font raised above the line's baseline; it is
  written "[12]", which every text reader takes as a citation marker;
- lines are joined into paragraphs: a line that reaches the right edge of the text column
  goes on in the next one (joined with a space), a short line ends its own, and a vertical gap
  larger than the line spacing (or a change of font size) starts a new paragraph (a blank
  line). A paragraph goes on across a page break the same way, past the footnotes and footer.
- a hyphen at a line end is dropped ("over-" + "dose" -> "overdose") unless the document
  shows it is part of the word: the hyphenated form appears within a line somewhere, or
  both halves are words the document uses more than once (and the first is no prefix such as
  "trans" or "inter") and the joined form is not one of its words, or a half is a number
  or capitalised ("COVID-19", "anti-American").

Everything is read page by page: two passes over the pages (the first collects only the lines
at the page edges and the document's words, for headers and hyphens), and the text is handed
on in pieces of about ``CHUNK_CHARS`` characters that end at a paragraph end, so memory stays
bounded whatever the page count. A page without text gets a warning that OCR is not
supported; an encrypted or corrupt file raises InputError naming it.
"""

from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from factcheck.errors import InputError
from factcheck.load.sections import SECTION_CHARS

# A piece of text handed on is as large as a section of a text file (load.sections): a PDF
# is read whole like the text it holds, unless it is very long; a piece ends a paragraph.
CHUNK_CHARS = SECTION_CHARS
EDGE_LINES = 2  # lines at the top and at the bottom of a page looked at as header or footer
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st"}
)  # fmt: skip
_HYPHEN_MARK = "\ufffe"  # PDFium's sign for a hyphen at a line end (the lines are joined)
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]"
    r"|(?=[ivxlc])(?:x{0,3})(?:ix|iv|v?i{0,3})|(?=[ivxlc])l?x{0,3}(?:ix|iv|v?i{0,3})",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_MARKER = re.compile(r"\d{1,3}")
_LEADER_NUMBER = re.compile(r"(?:\.{3,}|…)\s*\d{1,4}$")
_URL_START = re.compile(r"\(?(?:https?://|www\.)")
_URL_GOES_ON = re.compile(r"[/%=&?#_.\-~]|\d")  # URL characters across the break
_PLAIN_NUMBER = re.compile(r"\d[\d,.]*")
# Prefixes a hyphenation program splits off, never words of their own in a compound.
_PREFIXES = frozenset("trans inter intra counter super multi semi sub pre pro dis mis un".split())
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[•◦▪‣●■□►▸])\s")
# Fixed-pitch families by name: Courier, Liberation/DejaVu/Noto/Roboto Mono, Consolas, the
# TeX typewriter fonts (CMTT, LMMono), Menlo, Monaco, Source Code Pro, Fixedsys.
_FIXED_PITCH_NAME = re.compile(rb"(?i)mono|courier|consol|menlo|monaco|typewriter|fixed|cmtt|code")
_SENTENCE_END = re.compile(r"[.!?:;][\"”’)\]]?$")


@dataclass
class Line:
    """One of PDFium's lines on a page, with what its characters' geometry says."""

    number: int  # 1-based on the page
    text: str  # the line's characters, ligatures normalised (same length as PDFium's)
    hyphen: bool  # it ended in a hyphen PDFium marked (the hyphen is the last character)
    first: int = 0  # index of the line's first character in PDFium's page text
    baseline: float = 0.0
    size: float = 0.0  # the font size of most of its characters
    left: float = 0.0
    right: float = 0.0
    markers: list[tuple[int, int]] = field(default_factory=list)  # superscript digit runs
    url: bool = False  # it goes on with a URL the line before broke off
    mono: bool = False  # set in a fixed-pitch font (every character looked at)


@dataclass(frozen=True)
class Stretch:
    """text[offset : offset + length] is page ``page``'s line ``line`` from ``column`` on;
    ``doc_line`` is that line's number counted through the whole document."""

    offset: int
    length: int
    page: int
    line: int
    column: int
    doc_line: int


@dataclass
class Piece:
    """Converted text of some pages: what a text reader reads, and where it came from.
    Characters the converter adds (spaces and newlines between lines, the brackets of a
    marker) belong to no stretch."""

    text: str
    stretches: list[Stretch]
    warnings: list[str]
    first_page: int
    last_page: int

    def position(self, offset: int) -> tuple[int, int, int]:
        """(page, line, column) of the character at ``offset`` (an added character counts
        as the end of the stretch before it)."""
        import bisect

        k = max(bisect.bisect_right([st.offset for st in self.stretches], offset) - 1, 0)
        st = self.stretches[k]
        return st.page, st.line, st.column + min(max(offset - st.offset, 0), st.length)


# --- opening ---------------------------------------------------------------------------------


def open_document(stream: BinaryIO, name: str):
    """A pypdfium2 document of the stream, or InputError naming the file."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(stream, autoclose=False)
    except pdfium.PdfiumError as err:
        why = str(err)
        if "password" in why.lower():
            raise InputError(
                f"{name}: the PDF is encrypted (password protected); decrypt it first "
                "(e.g. qpdf --decrypt) to check it"
            ) from None
        raise InputError(f"{name}: not a readable PDF (corrupt or truncated): {why}") from None


# --- pass 1: edges and words -----------------------------------------------------------------


@dataclass
class Survey:
    """What the first pass learns about the whole document."""

    pages: int = 0
    edges: Counter[tuple[str, str]] = field(default_factory=Counter)  # (top|bottom, text)
    words: Counter[str] = field(default_factory=Counter)  # lowercased, seen within lines
    blank: list[int] = field(default_factory=list)  # pages of images without any text
    broken: list[int] = field(default_factory=list)  # pages PDFium could not load

    def repeated(self, where: str, text: str) -> bool:
        need = 2 if self.pages <= 4 else 3
        return self.edges[(where, _edge_key(text))] >= need


def _edge_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()).lower())


def _raw_lines(page_text: str) -> list[tuple[str, bool]]:
    """PDFium's page text as (line, ended in a marked hyphen) pairs."""
    out = []
    for row in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parts = row.split(_HYPHEN_MARK)
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            out.append((part.translate(_LIGATURES) + ("" if last else "-"), not last))
    return out


def _on_page(doc, index: int, read):
    """``read(textpage)`` for page ``index``, or None when PDFium cannot load the page."""
    import pypdfium2 as pdfium

    try:
        page = doc[index]
    except pdfium.PdfiumError:
        return None
    tp = page.get_textpage()
    try:
        return read(tp)
    finally:
        tp.close()
        page.close()


def _has_image(doc, index: int) -> bool:
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        return next(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]), None) is not None
    finally:
        page.close()


def survey(doc) -> Survey:
    s = Survey(pages=len(doc))
    for index in range(len(doc)):
        text = _on_page(doc, index, lambda tp: tp.get_text_range())
        if text is None:
            s.broken.append(index + 1)
            continue
        lines = [t for t, _ in _raw_lines(text) if t.strip()]
        if not lines:
            if _has_image(doc, index):  # a scanned page; an empty one says nothing
                s.blank.append(index + 1)
            continue
        for t in lines[:EDGE_LINES]:
            s.edges[("top", _edge_key(t))] += 1
        for t in lines[-EDGE_LINES:]:
            s.edges[("bottom", _edge_key(t))] += 1
        s.words.update(_whole_words(_raw_lines(text)))
    return s


def _whole_words(lines: list[tuple[str, bool]]) -> Iterator[str]:
    """The lowercased words of lines, without the halves of words hyphenated at a line end."""
    after_hyphen = False
    for t, hyphen in lines:
        found = _WORD.findall(t[:-1] if hyphen else t)
        if after_hyphen and found:
            found = found[1:]
        if hyphen and found:
            found = found[:-1]
        yield from (w.lower() for w in found)
        after_hyphen = hyphen


# --- pass 2: the lines of a page with their geometry -----------------------------------------


def page_lines(tp) -> list[Line]:
    """The lines of a page's text page, with baseline, size, edges and superscript markers."""
    import pypdfium2.raw as raw

    text = tp.get_text_range()
    count = tp.count_chars()
    if len(text) != count:  # characters outside the BMP: index by PDFium's count instead
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(count))
    x, y = ctypes.c_double(), ctypes.c_double()
    lo, hi, bo, to = (ctypes.c_double() for _ in range(4))

    def origin(i: int) -> tuple[float, float]:
        raw.FPDFText_GetCharOrigin(tp, i, ctypes.byref(x), ctypes.byref(y))
        return x.value, y.value

    lines = []
    pos = 0
    for number, (line_text, hyphen) in enumerate(_raw_lines(text), start=1):
        n = len(line_text)
        line = Line(number, line_text, hyphen, first=pos)
        # PDFium's text: the line's characters, then "\r\n" or the hyphen mark (one char).
        pos += n + (0 if hyphen else 2)
        chars = [
            i for i in range(line.first, line.first + n) if not line_text[i - line.first].isspace()
        ]
        if chars:
            sample = sorted({chars[0], chars[len(chars) // 2], chars[-1], *chars[1:3]})
            sizes = [raw.FPDFText_GetFontSize(tp, i) for i in sample]
            line.mono = all(_fixed_pitch(tp, i) for i in sample)
            line.size = max(sizes)  # a superscript is never bigger than the text
            base = [
                origin(i)[1] for i, z in zip(sample, sizes, strict=True) if z >= 0.9 * line.size
            ]
            line.baseline = statistics.median(base)
            line.left = origin(chars[0])[0]
            raw.FPDFText_GetCharBox(tp, chars[-1], ctypes.byref(lo), ctypes.byref(hi),
                                    ctypes.byref(bo), ctypes.byref(to))  # fmt: skip
            line.right = hi.value
            for m in _MARKER.finditer(line_text):
                i = line.first + m.start()
                size = raw.FPDFText_GetFontSize(tp, i)
                rise = origin(i)[1] - line.baseline
                if size < 0.85 * line.size and rise > 0.15 * line.size:
                    line.markers.append((m.start(), m.end()))
                elif size < 0.85 * line.size and m.start() == 0 and n > m.end():
                    line.markers.append((m.start(), m.end()))  # a note's number, set small
        lines.append(line)
    return _visual_lines(lines)


def _fixed_pitch(tp, index: int) -> bool:
    """Whether the character's font is fixed-pitch: its descriptor says so (flag 1), or, for
    a font without one (the standard Courier), its name is that of a fixed-pitch family."""
    import pypdfium2.raw as raw

    flags = ctypes.c_int()
    name = ctypes.create_string_buffer(64)
    raw.FPDFText_GetFontInfo(tp, index, name, 64, ctypes.byref(flags))
    return bool(flags.value & 1) or bool(_FIXED_PITCH_NAME.search(name.value))


def _visual_lines(lines: list[Line]) -> list[Line]:
    """PDFium's lines with those that share a baseline made one: PDFium ends a line at a
    superscript ("…security.¹" / "The next…") and before a note's raised number."""
    merged: list[Line] = []
    for ln in lines:
        a = merged[-1] if merged else None
        if (
            a is not None
            and a.text.strip()
            and ln.text.strip()
            and not a.hyphen
            and abs(ln.baseline - a.baseline) < 0.5 * max(ln.size, a.size)
            and ln.left >= a.right - 1
        ):
            sep = "" if a.text.endswith(" ") or ln.text.startswith(" ") else " "
            shift = len(a.text) + len(sep)
            a.markers += [(s + shift, e + shift) for s, e in ln.markers]
            if ln.size > a.size:
                a.baseline, a.size = ln.baseline, ln.size
            a.text += sep + ln.text
            a.hyphen, a.right = ln.hyphen, ln.right
            a.mono = a.mono and ln.mono
            continue
        merged.append(ln)
    for number, ln in enumerate(merged, start=1):
        ln.number = number
    return merged


# --- pass 2: what each line is ---------------------------------------------------------------


def classify(lines: list[Line], s: Survey, body_size: float) -> tuple[list[Line], list[Line]]:
    """The page's body lines and its footnote lines (headers, footers, page numbers dropped)."""
    kept = [ln for ln in lines if ln.text.strip()]
    dropped: set[int] = set()  # ids: on a page of few lines, the top ones are the bottom ones
    for where, edge in (("top", kept[:EDGE_LINES]), ("bottom", kept[-EDGE_LINES:])):
        for ln in edge:
            stripped = ln.text.strip()
            if _PAGE_NUMBER.fullmatch(stripped) or s.repeated(where, stripped):
                dropped.add(id(ln))
    kept = [ln for ln in kept if id(ln) not in dropped]
    # Footnotes sit at the bottom of the page, or of each column: a column ends where the
    # next line starts higher up.
    body: list[Line] = []
    notes: list[Line] = []
    segment: list[Line] = []
    for ln in kept + [None]:
        if ln is None or (segment and ln.baseline > segment[-1].baseline + segment[-1].size):
            n = _notes_at_bottom(segment, body_size)
            body += segment[: len(segment) - n]
            notes += segment[len(segment) - n :]
            segment = []
        if ln is not None:
            segment.append(ln)
    return body, notes


def _notes_at_bottom(lines: list[Line], body_size: float) -> int:
    """How many lines at the end of a column are footnotes: the run of lines in a smaller
    font at the bottom, if one of them starts with a note number (the lines above the first
    number end a note carried over from the page before) or it stands apart from the text
    above it."""
    k = len(lines)
    numbered = False
    while k > 0 and lines[k - 1].size < 0.92 * body_size:
        k -= 1
        numbered = numbered or _note_start(lines[k])
    if k == len(lines) or k == 0:
        return 0  # no smaller print, or nothing but: a page of notes is not told from a table
    apart = lines[k - 1].baseline - lines[k].baseline > 1.5 * lines[k - 1].size
    return len(lines) - k if numbered or apart else 0


def _note_start(ln: Line) -> bool:
    stripped = ln.text.lstrip()
    return bool(ln.markers and ln.markers[0][0] == len(ln.text) - len(stripped)) or bool(
        re.match(r"\d{1,3}(?:\s|$)", stripped)
    )


# --- pass 2: hyphens -------------------------------------------------------------------------


def keep_hyphen(before: str, after: str, words: Counter[str] | set[str]) -> bool:
    """Whether a hyphen at a line end between ``before`` and ``after`` is part of the word.

    ``before`` is the last word of the line (without the hyphen), ``after`` the first word of
    the next line, ``words`` the document's words as seen within lines (lowercased)."""
    a, b = before.lower(), after.lower()
    if not a or not b:
        return True
    if f"{a}-{b}" in words:
        return True  # the document writes it with a hyphen within a line
    if a + b in words:
        return False
    if a[-1].isdigit() or b[0].isdigit() or after[0].isupper():
        return True  # "COVID-19", "2016-2020", "anti-American"
    # Two words the document uses on their own, each more than once ("fentanyl" + "related"),
    # unless the first is a prefix a hyphenation program splits off ("trans-formed").
    if a in _PREFIXES or len(a) < 3 or len(b) < 3:
        return False
    return _count(words, a) >= 2 and _count(words, b) >= 2


def _count(words: Counter[str] | set[str], word: str) -> int:
    if isinstance(words, Counter):
        return words[word]
    return 2 if word in words else 0


# --- pass 2: paragraphs and the converted text -----------------------------------------------


class Writer:
    """Builds a piece's text and stretches from body lines."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.stretches: list[Stretch] = []
        self.size = 0

    def add(self, s: str, page: int, ln: Line, column: int, doc_line: int) -> None:
        """Characters of a page line, from ``column`` (1-based) on."""
        if s:
            self.stretches.append(Stretch(self.size, len(s), page, ln.number, column, doc_line))
            self.parts.append(s)
            self.size += len(s)

    def separator(self, s: str) -> None:
        """Characters the converter adds (a space, a newline, a marker's bracket)."""
        if self.parts:
            self.parts.append(s)
            self.size += len(s)

    def text(self) -> str:
        return "".join(self.parts)


def _last_word(text: str) -> str:
    m = re.search(r"([^\W_]+)-$", text)
    return m.group(1) if m else ""


def _first_word(text: str) -> str:
    m = re.match(r"\s*([^\W_]+)", text)
    return m.group(1) if m else ""


def write_line(w: Writer, page: int, ln: Line, doc_line: int) -> None:
    """A body line's characters, markers written "[12]", a final marked hyphen left out (the
    caller decides whether it stays)."""
    text = ln.text
    end = len(text) - 1 if ln.hyphen else len(text.rstrip())
    pos = len(text) - len(text.lstrip())
    for ms, me in ln.markers:
        if ms < pos:
            continue
        w.add(text[pos:ms], page, ln, pos + 1, doc_line)
        w.separator("[")
        w.add(text[ms:me], page, ln, ms + 1, doc_line)
        w.separator("]")
        pos = me
    w.add(text[pos:end], page, ln, pos + 1, doc_line)


def convert_pages(stream: BinaryIO, name: str) -> Iterator[Piece]:
    """The PDF's text in pieces of about CHUNK_CHARS characters (see the module docstring)."""
    doc = open_document(stream, name)
    try:
        s = survey(doc)
        warnings = []
        if s.blank and len(s.blank) == s.pages:
            warnings.append(
                f"{name}: no text layer on any page (a scanned document?): OCR is not "
                "supported, nothing was read"
            )
        elif s.blank:
            warnings.append(
                f"{name}: {len(s.blank)} page(s) without a text layer (scanned?), not read: "
                f"{_listed(s.blank)}; OCR is not supported"
            )
        if s.broken:
            warnings.append(f"{name}: page(s) {_listed(s.broken)} could not be read (damaged)")
        yield from _pieces(doc, s, name, warnings)
    finally:
        doc.close()


def _listed(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages[:10]) + (" …" if len(pages) > 10 else "")


def _pieces(doc, s: Survey, name: str, warnings: list[str]) -> Iterator[Piece]:
    w = Writer()
    first_page = 1
    pitches: list[float] = []  # recent line spacings of body text
    sizes: Counter[float] = Counter()  # body font sizes seen, by line count
    prev: Line | None = None  # the last body line written
    prev_page = prev_doc_line = 0
    page_lines_seen = 0  # lines on the pages before this one: a line number through the PDF
    rights: dict[int, float] = {}  # text columns' right edges, by where their lines start
    starts: Counter[int] = Counter()  # how many lines start there
    # Body lines so far in a fixed-pitch font (True) and in a proportional one (False): in
    # proportional text, lines set in a fixed-pitch font are code (a listing, a command) and
    # are left out, as a Markdown reader leaves out a code block; a document typed in a
    # fixed-pitch font throughout is read whole.
    fixed: Counter[bool] = Counter()
    # Directives said in PDF comments anchored in the paragraph being written, and where the
    # paragraph starts (page, line, line through the document).
    pending: list[str] = []
    start: tuple[int, Line, int] | None = None
    for index in range(len(doc)):
        page_no = index + 1
        lines = _on_page(doc, index, page_lines) or []
        lines_before, page_lines_seen = page_lines_seen, page_lines_seen + len(lines)
        if not any(ln.text.strip() for ln in lines):
            continue
        page_sizes = Counter(round(ln.size, 1) for ln in lines if ln.text.strip())
        sizes.update(page_sizes)
        body_size = sizes.most_common(1)[0][0]
        body, _notes = classify(lines, s, body_size)
        fixed.update(ln.mono for ln in body)
        if fixed[False] > fixed[True]:
            body = [ln for ln in body if not ln.mono]
        if not body:
            continue
        body_lines = [ln for ln in body if abs(ln.size - body_size) < 0.1 * body_size]
        # A text column's right edge: the furthest a body line starting where it starts has
        # reached so far (columns side by side each have their own).
        for ln in body_lines or body:
            key = _column_key(ln)
            rights[key] = max(rights.get(key, 0.0), ln.right)
            starts[key] += 1
        density = statistics.median(_density(ln) for ln in body_lines or body)
        anchored = _anchor_notes(_directive_notes(doc, index), body, name, page_no, warnings)
        for ln in body:
            if prev is not None:
                key = _column_key(prev)
                # A column is where many lines start; a centred title's line is in none.
                right = rights[key] if starts[key] >= 3 else max(rights.values())
                sep = _separator(prev, ln, prev_page, page_no, pitches, right, density)
                ln.url = sep in ("url", "hyphen") and _url_tail(prev)
                if sep in ("\n", "\n\n"):
                    _write_directives(w, pending, start, (prev_page, prev, prev_doc_line))
                    start = (page_no, ln, lines_before + ln.number)
                if sep == "hyphen":
                    if keep_hyphen(_last_word(prev.text), _first_word(ln.text), s.words):
                        w.add("-", prev_page, prev, len(prev.text), prev_doc_line)
                elif sep == "\n\n" and w.size >= CHUNK_CHARS:
                    # A piece ends with a paragraph; the next starts with this line.
                    yield Piece(w.text(), w.stretches, warnings, first_page, prev_page)
                    warnings = []
                    w = Writer()
                    first_page = page_no
                elif sep != "url":
                    w.separator(sep)
            if (
                prev is not None
                and prev_page == page_no
                and abs(ln.size - prev.size) < 0.1 * ln.size
            ):
                gap = prev.baseline - ln.baseline
                if gap > 0:
                    pitches.append(gap)
                    del pitches[:-200]
            if prev is None:
                start = (page_no, ln, lines_before + ln.number)
            pending += anchored.get(id(ln), [])
            write_line(w, page_no, ln, lines_before + ln.number)
            prev, prev_page, prev_doc_line = ln, page_no, lines_before + ln.number
    if prev is not None:
        _write_directives(w, pending, start, (prev_page, prev, prev_doc_line))
    if w.parts or warnings:
        yield Piece(w.text(), w.stretches, warnings, first_page, prev_page or first_page)
    del name


# --- pass 2: factcheck directives in PDF comments -------------------------------------------


def _directive_notes(doc, index: int) -> list[tuple[str, float, float]]:
    """The PDF comments (text annotations, as Word and LibreOffice export their comments) of
    a page that say a factcheck directive: (what they say, x, y of their middle)."""
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        found = []
        for k in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, k)
            try:
                if raw.FPDFAnnot_GetSubtype(annot) not in (raw.FPDF_ANNOT_TEXT,
                                                           raw.FPDF_ANNOT_FREETEXT):  # fmt: skip
                    continue
                size = raw.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
                if size <= 2 or size > 1 << 16:
                    continue
                buffer = ctypes.create_string_buffer(size)
                raw.FPDFAnnot_GetStringValue(annot, b"Contents",
                                             ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)),
                                             size)  # fmt: skip
                said = " ".join(buffer.raw.decode("utf-16-le", "replace").rstrip("\x00").split())
                if "factcheck:" not in said.lower():
                    continue
                rect = raw.FS_RECTF()
                raw.FPDFAnnot_GetRect(annot, rect)
                found.append((said, (rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2))
            finally:
                raw.FPDFPage_CloseAnnot(annot)
        return found
    finally:
        page.close()


def _anchor_notes(
    notes: list[tuple[str, float, float]], body: list[Line], name: str, page: int,
    warnings: list[str],
) -> dict[int, list[str]]:  # fmt: skip
    """id(line) -> the directives of the comments that stand on that body line: the line
    whose height holds the comment's middle, the nearest one within a line's height."""
    out: dict[int, list[str]] = {}
    for said, x, y in notes:
        near = [
            (abs(y - (ln.baseline + 0.35 * ln.size)), abs(x - (ln.left + ln.right) / 2), k)
            for k, ln in enumerate(body)
            if abs(y - (ln.baseline + 0.35 * ln.size)) < 1.2 * max(ln.size, 1.0)
        ]
        if not near:
            warnings.append(f"{name}: a factcheck comment on page {page} stands on no line of "
                            f"text, not applied: {said[:60]}")  # fmt: skip
            continue
        out.setdefault(id(body[min(near)[2]]), []).append(said)
    return out


def _write_directives(w: Writer, pending: list[str], start, end) -> None:
    """The directives of the comments anchored in the paragraph just written, after it, each
    on a paragraph of its own mapped to the paragraph's lines: "ignore" holds for the whole
    paragraph (as a Word comment's does), written as "off" at its first line and "on" at its
    last; other directives stand at its first line."""
    from factcheck.load.binary import paragraph_directive

    for said in pending:
        page, ln, doc_line = start
        text, closes = paragraph_directive(said)
        w.separator("\n\n")
        w.add(text, page, ln, 1, doc_line)
        if closes:
            page, ln, doc_line = end
            w.separator("\n\n")
            w.add("factcheck: on", page, ln, 1, doc_line)
    pending.clear()


def _column_key(ln: Line) -> int:
    return round(ln.left / 24)  # lines starting within about a third of an inch


def _url_tail(ln: Line) -> bool:
    """Whether a line ends inside a URL: its last word starts one, or the whole line goes on
    with the one the line before broke off."""
    last = ln.text.rstrip().rsplit(" ", 1)[-1]
    return bool(_URL_START.match(last)) or (ln.url and " " not in ln.text.strip())


def _low(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 10]


def _density(ln: Line) -> float:
    return len(ln.text.strip()) / max(ln.right - ln.left, 1.0)


def _separator(
    prev: Line,
    ln: Line,
    prev_page: int,
    page: int,
    pitches: list[float],
    right: float,
    density: float,
) -> str:
    """What goes between two body lines: "hyphen", "url" (glued), " ", "\n" or "\n\n"."""
    # A line is full when the next line's first word would not have fitted after it: the
    # paragraph goes on. A line stretched to the edge by justification before a manual line
    # break (a list of contents) has far fewer characters than its width holds: it ends.
    word = len(_first_word(ln.text) or "x") + 1
    char_width = (ln.right - ln.left) / max(len(ln.text.strip()), 1)
    full = prev.right + word * char_width > right and _density(prev) >= 0.75 * density
    same_size = abs(ln.size - prev.size) < 0.1 * max(ln.size, prev.size)
    if page == prev_page:
        gap = prev.baseline - ln.baseline
        # The line spacing: the smaller gaps seen lately (gaps between paragraphs are larger).
        pitch = max(_low(pitches), 0.9 * prev.size) if pitches else 1.2 * prev.size
        if not same_size or gap > 1.3 * pitch or gap < -0.5 * pitch and not full:
            return "\n\n"
    elif not (full or prev.hyphen) or not same_size:
        return "\n\n"
    if _LEADER_NUMBER.search(prev.text.rstrip()):
        return "\n"  # an entry of a table of contents: "Introduction ..... 3"
    if prev.hyphen:
        return "hyphen"
    if _SENTENCE_END.search(prev.text.rstrip()) and _LIST_ITEM.match(ln.text):
        return "\n"  # "…profits." / "3. The next item": a list goes on, even after a full line
    last = prev.text.rstrip().rsplit(" ", 1)[-1]
    nxt = ln.text.lstrip().split(" ", 1)[0]
    if _url_tail(prev) and not _SENTENCE_END.search(last):
        if _URL_GOES_ON.search(last[-1] + nxt) and not _PLAIN_NUMBER.fullmatch(nxt):
            return "url"  # a URL broken at the line end goes on in the next line
    if full and last.endswith(("–", "—", "/")) and nxt[:1].isalnum():
        return "url"  # "1948–" / "1960", "post-9/" / "11": no space was there
    return " " if full else "\n"


def read(stream: BinaryIO, name: str) -> Iterator:
    """The converter of ``load.binary``: the PDF as Converted pieces of plain text."""
    from factcheck.load.binary import Converted, Place, PositionMap

    for piece in convert_pages(stream, name):
        positions = PositionMap()
        for st in piece.stretches:
            fields = (("page", st.page), ("line", st.line))
            place = Place(f"p{st.page}:{st.line}:{{}}", fields, st.doc_line, "column")
            positions.add(st.offset, st.length, place, st.column)
        yield Converted(piece.text, "text", positions, piece.warnings)
