"""Sentence boundaries in a document body, with offsets into the original text.

The body has markup and notes blanked out, so a footnote block that interrupted a sentence
leaves a run of blank lines in the middle of it. A paragraph break therefore ends a sentence
only when the next text does not continue it (it starts with a capital, a digit, a bullet or a
quote, rather than a lower-case word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Words that end with a period without ending the sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sr jr gen col lt sgt capt gov sen rep rev no nos vol vols pp p fig figs "
    "art sec ch inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec vs etc al approx "
    "est e.g i.e u.s u.n u.k d.c a.m p.m ph.d op cf ed eds".split()
)

# A candidate boundary: sentence-final punctuation (with closing quotes or brackets) followed
# by white space, or a line break. One linear pass finds them all.
_BOUNDARY_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # exclusive

    def text(self, body: str) -> str:
        """The sentence as prose: white space (including blanked markup) collapsed."""
        return " ".join(body[self.start : self.end].split())


def _next_visible(body: str, pos: int) -> int:
    """Offset of the first non-space character at or after ``pos`` (len(body) if none)."""
    m = re.compile(r"\S").search(body, pos)
    return m.start() if m else len(body)


def _continues(body: str, pos: int) -> bool:
    """Whether the text at ``pos`` carries on the sentence before it (starts lower-case)."""
    return pos < len(body) and body[pos].islower()


def _carries_on_after_break(body: str, pos: int) -> bool:
    """After a line break that ends no sentence ("purchased for" + footnote block + "$32,000"),
    a lower-case word, a number or an amount carries the sentence on."""
    return pos < len(body) and (body[pos].islower() or body[pos].isdigit() or body[pos] in "$€£")


# No real sentence is longer than this; a longer run without a full stop (a list joined with
# semicolons, a table flattened into one line) is cut at clause boundaries, so that the work
# done per number, which looks at its sentence, stays bounded.
MAX_SENTENCE = 2000
# Where a run-on sentence may be cut, best first.
_CUTS = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))


def split_sentences(body: str, text: str | None = None) -> Iterator[Sentence]:
    """Yield the sentences of a body (see _sentences), none longer than MAX_SENTENCE."""
    for sentence in _sentences(body, text):
        if sentence.end - sentence.start <= MAX_SENTENCE:
            yield sentence
        else:
            yield from _cut(body, sentence)


def _cut(body: str, sentence: Sentence) -> Iterator[Sentence]:
    """A run-on sentence in pieces of at most MAX_SENTENCE characters, each ending after a
    semicolon or colon if there is one, else after a comma, else at a space."""
    start = sentence.start
    while sentence.end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        window = body[start + MAX_SENTENCE // 2 : limit]
        cut = None
        for pattern in _CUTS:
            hits = [m.end() for m in pattern.finditer(window)]
            if hits:
                cut = start + MAX_SENTENCE // 2 + hits[-1]
                break
        end = cut if cut is not None else limit
        yield Sentence(start, end)
        start = _next_visible(body, end)
    if start < sentence.end:
        yield Sentence(start, sentence.end)


def _sentences(body: str, text: str | None = None) -> Iterator[Sentence]:
    """Yield the sentences of a body, skipping spans that are only white space.

    With the original ``text``, a sentence left unfinished before a blanked block (a page's
    footnotes) carries on after it, whatever letter the next line starts with.
    """
    start = _next_visible(body, 0)
    carried_to = -1  # a line break here carried the sentence on to this visible character
    for m in _BOUNDARY_RE.finditer(body):
        end = m.end()
        if end <= start or end <= carried_to:
            # The other line breaks of a blank stretch (a blanked table or code block) see
            # the same line before them and the same text after: they carry it on as well.
            continue
        nxt = _next_visible(body, end)
        if m.group(0) == "\n":
            carried_to = nxt
            line_before = body[start:end].rstrip()
            # A line break ends a sentence unless the next line carries it on in lower case
            # (wrapped text, or a sentence resumed after a blanked footnote block).
            if not line_before or _continues(body, nxt):
                continue
            if line_before[-1] not in '.!?:"”’)' and (
                _carries_on_after_break(body, nxt)
                or (
                    text is not None
                    and not text[start + len(line_before) : nxt].isspace()
                    and _is_prose(line_before)
                    and not _BLOCK_TAG_RE.search(text, start + len(line_before), nxt)
                )
            ):
                continue
            # Wrapped prose ending mid-clause (a comma or a hyphen) also carries on, but a
            # paragraph that ends with a semicolon or colon and is followed, after a blank
            # line, by one that starts with a capital is a clause of its own (the "Whereas
            # ...;" paragraphs of a resolution, the items of a list of findings).
            paragraph_ends = (
                line_before[-1] in ";:" and "\n" in body[end:nxt] and body[nxt : nxt + 1].isupper()
            )
            if (
                line_before[-1] in ",;:-–("
                and body[nxt : nxt + 1] not in ("•", "*", "-")
                and not paragraph_ends
            ):
                continue
        else:
            if _continues(body, nxt):
                continue
            punct_at = m.start()
            if body[punct_at] == "." and _is_abbreviation(body, punct_at):
                continue
            # "3.5" never reaches here (no space after the dot); "in the U.S. The" does.
        yield Sentence(start, end)
        start = nxt
    if start < len(body) and body[start:].strip():
        yield Sentence(start, len(body.rstrip()) if body.rstrip() else len(body))


# An HTML block boundary between two lines (a paragraph, heading or list item ends or
# starts): what follows, in capitals, is a new sentence, not the rest of an interrupted one.
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|div|tr|td|th|table|caption|section|article|blockquote|br)\b",
    re.IGNORECASE,
)


def _is_prose(line: str) -> bool:
    """Running text rather than a heading or a label: long, mostly lower-case words."""
    return len(line) > 60 and sum(1 for ch in line[-60:] if ch.islower()) > 30


def _is_abbreviation(body: str, dot: int) -> bool:
    m = _WORD_BEFORE_RE.search(body, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    # Initials such as "J." or "R." in "Andrew J. R. Mack".
    return len(word) == 1 and word.isalpha() and body[m.start(1)].isupper()
