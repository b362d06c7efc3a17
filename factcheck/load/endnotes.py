"""Endnotes glued into the prose: "…in 2024.1“Provisional Drug Overdose Data,” CDC, …htm. While…".

Scraped pages often inline each endnote right after its number. The number is recognisable
by its shape alone: digits glued between a sentence end and the next capitalised word or
opening quote never occur in prose. Where the note text ends is harder. In order:

1. If the document's own endnote list has an entry with the marker's label whose text is
   what follows the marker (whitespace aside), the note is exactly that text.
2. Otherwise, if URLs follow before the next marker or paragraph break, the note ends with
   the last of them (notes cite several sources, and explanatory notes put prose between
   them; body prose has no URLs).
3. Otherwise the note ends with the last citation-like sentence among the next few (an
   author or quoted title, a year, a publisher), or, if there is none, with its first sentence.
"""

from __future__ import annotations

import re

from factcheck.load.mask import Layout, url_spans
from factcheck.scan import has_digit

# Punctuation ending a sentence (maybe closed by a quote or bracket), then 1-3 digits, then an
# opening quote or a capital letter, with nothing in between.
# (The check that a non-space precedes comes after the punctuation, "(?<=\S.)", so that the
# pattern starts with a class of characters, which re scans for quickly.)
_NOTE_AFTER_PUNCTUATION = r"(?:[.!?](?<=\S.)[”\"’)]?|[”\"](?<=\S.))(\d{1,3})"
_GLUED = re.compile(_NOTE_AFTER_PUNCTUATION + r"(?=[“\"‘A-ZÀ-Þ])")
# A note number glued to the end of a paragraph ("… rose from 2015 to 2016.1" and the line
# ends; in HTML, the block closes): the note itself is elsewhere, only the marker is here.
_GLUED_AT_LINE_END = re.compile(_NOTE_AFTER_PUNCTUATION + r"(?=[ \t]*(?:\n|$))")
_GLUED_AT_BLOCK_END = re.compile(
    _NOTE_AFTER_PUNCTUATION + r"(?=[ \t]*</(?:p|li|div|h[1-6]|td|th|dd|blockquote)\s*>)",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d$")
_URL_START = re.compile(r"\s*<?(?:https?://|www\.)")
_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]{2,}")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n")
# A quote, or a run of sentence punctuation with its closing quotes and brackets, at a space.
_TOKEN = re.compile(r"[“”\"]|(?<![.!?…])[.!?…]+[”\"’)\]]*(?=\s|$)")  # runs tried once
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_CITATION_SIGN = re.compile(
    r"[,.?!…]”|”,|\([^()\n]{0,80}:[^()\n]{0,80}\d{4}\)|\((?:1[6-9]|20)\d\d\)|\bno\. ?\d"
    r"|\bet al\b|\bPress\b|\b(?:vol|pp?)\. ?\d|[A-Z][a-z]{2,8}\.? \d{1,2}, (?:1[6-9]|20)\d\d"
)
# Words ending in a period that do not end a sentence in a citation.
_ABBREVIATIONS = frozenset(
    "jr sr dr mr mrs ms st vol vols no nos gen sen rep gov lt col capt sgt prof inc corp co ltd"
    " dept univ ed eds trans p pp vs cf al ibid rev repr comp fig ch sec art para approx est"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_NAME_JOINERS = frozenset(
    "and et al de del della der di da do dos du la le van von y e al.".split()
)
MAX_WINDOW = 6000  # a note longer than this is not one; bounds the work per marker
MAX_SENTENCES = 5


def glued(text: str, end: int, notes: dict[str, str], layout: Layout) -> None:
    """Find glued endnote markers before ``end``; record them and blank their note text."""
    if not has_digit(text, 0, end):
        return  # no digit, no marker: spare the slower pattern a pass over the whole text
    found = [m for m in _GLUED.finditer(text, 0, end) if _plausible(text, m)]
    for k, m in enumerate(found):
        start = m.end()
        limit = min(found[k + 1].start() if k + 1 < len(found) else end, start + MAX_WINDOW)
        brk = _PARAGRAPH_BREAK.search(text, start, limit)
        if brk:
            limit = brk.start()
        layout.mark(m.start(1), m.end(1), m.group(1))
        stop = note_end(text, start, limit, notes.get(m.group(1)))
        layout.hide(m.end(1), stop)


def at_ends(
    text: str, end: int, layout: Layout, pattern: re.Pattern[str] = _GLUED_AT_LINE_END
) -> None:
    """Record the note numbers glued to the ends of paragraphs before ``end`` as markers."""
    if not has_digit(text, 0, end):
        return
    for m in pattern.finditer(text, 0, end):
        if _plausible(text, m, at_end=True):
            layout.mark(m.start(1), m.end(1), m.group(1))


def at_block_ends(text: str, layout: Layout) -> None:
    """The same in HTML, where a paragraph ends with its closing tag."""
    at_ends(text, len(text), layout, _GLUED_AT_BLOCK_END)


def _plausible(text: str, m: re.Match[str], at_end: bool = False) -> bool:
    """Reject decimals with a unit ("2.5Mt", "1.2GW"): after a number and a period, unless the
    number is a year ("in 2024.1“Title,”"), want an opening quote or a real word."""
    word_start = max(text.rfind(" ", max(0, m.start() - 300), m.start()), 0)
    if _URL_START.match(text, word_start):  # ".../files/3.10.11Kaufman.pdf" is a URL
        return False
    if not (text[m.start() - 1].isdigit() and text[m.start()] == "."):
        return True
    if _YEAR_BEFORE.search(text, max(0, m.start() - 5), m.start()):
        return True  # "in 2016.1"
    if at_end:
        return False  # "the ratio was 2.5": a decimal ends the paragraph
    return text[m.end()] in '“"‘' or _WORD.match(text, m.end()) is not None


def note_end(text: str, start: int, limit: int, expected: str | None) -> int:
    """Where the note that starts at ``start`` ends (see the module docstring)."""
    if expected:
        stop = match_loosely(text, start, limit, expected)
        if stop is not None:
            return stop
    found = list(url_spans(text, start, limit))
    if found:
        stop = found[-1][1]
        while stop < limit and text[stop] in ").":
            stop += 1
            if text[stop - 1] == ".":
                break
        if stop < limit and text[stop] in ",;":  # "…/page, accessed May 1, 2024." or "; Ibid."
            ends = sentence_ends(text, stop, limit)
            stop = ends[0] if ends else limit
        return stop
    ends = sentence_ends(text, start, limit)[:MAX_SENTENCES]
    tail = _rstrip(text, start, limit)
    if len(ends) < MAX_SENTENCES and tail > (ends[-1] if ends else start):
        ends.append(tail)  # the window ends inside a sentence (a paragraph break, a marker)
    if not ends:
        return start
    begin = start
    last_cited = None
    for stop in ends:
        if looks_cited(text[begin:stop]):
            last_cited = stop
        begin = stop
    return last_cited if last_cited is not None else ends[0]


def _rstrip(text: str, start: int, stop: int) -> int:
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return stop


def match_loosely(text: str, start: int, limit: int, expected: str) -> int | None:
    """The end of ``expected`` if the text at ``start`` says it, any whitespace run matching any."""
    i, j, n = start, 0, len(expected)
    while j < n:
        if expected[j].isspace():
            while j < n and expected[j].isspace():
                j += 1
            if i >= limit or not text[i].isspace():
                return None
            while i < limit and text[i].isspace():
                i += 1
        elif i < limit and text[i] == expected[j]:
            i += 1
            j += 1
        else:
            return None
    return i


def sentence_ends(text: str, start: int, limit: int) -> list[int]:
    """Sentence ends in text[start:limit], citation-aware (initials, "Jr.", quoted titles)."""
    ends = []
    depth = 0
    for tok in _TOKEN.finditer(text, start, limit):
        t = tok.group()
        if t == "“" or (t == '"' and (tok.start() == start or text[tok.start() - 1].isspace())):
            depth += 1
            continue
        if t in ("”", '"'):
            nxt = text[tok.end() : tok.end() + 1]
            if depth:
                depth -= 1
            elif nxt.isalpha():  # a misprinted opening quote: ”The Real War…
                depth += 1
            continue
        closers = t.count("”") + t.count('"')
        depth = max(0, depth - closers)
        if depth or _abbreviation(text, tok.start()):
            continue
        nxt = _next_char(text, tok.end(), limit)
        if nxt and not (nxt.isupper() or nxt in '“"‘'):
            continue
        if closers and _publisher_follows(text, tok.end(), limit):
            continue  # “Title?” Washington Post, June 24, 2019, …
        ends.append(tok.end())
    return ends


def _abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:dot]
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def _next_char(text: str, pos: int, limit: int) -> str:
    while pos < limit and text[pos].isspace():
        pos += 1
    return text[pos] if pos < limit else ""


def _publisher_follows(text: str, pos: int, limit: int) -> bool:
    chunk = text[pos : min(limit, pos + 150)]
    stop = chunk.find(". ")
    chunk = chunk if stop == -1 else chunk[:stop]
    return "," in chunk[:60] and _YEAR.search(chunk) is not None


def looks_cited(sentence: str) -> bool:
    """A citation: an author or quoted title first, then a year and a citation sign."""
    s = sentence.strip()
    if s.startswith(("Ibid", "Id.", "See ", "Cf.")):
        return True
    if not _YEAR.search(s) or not _CITATION_SIGN.search(s):
        return False
    if s[:1] in '“"':
        return True
    comma = s.find(",", 0, 90)
    if comma <= 0:
        return False
    names = s[:comma].split()
    return 1 <= len(names) <= 10 and all(w[0].isupper() or w in _NAME_JOINERS for w in names)
