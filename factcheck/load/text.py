"""Plain text: which lines and characters are body prose, by generic layout rules.

Each rule is a small function over the text and its line spans that adds zones (or markers)
to a Layout. The Markdown reader reuses the rules that make sense there (reference-list
headings, tables of contents, URLs); bracketed "[12]" markers are found for every format in
``load.load_text``. Rules are conservative: a zone is only blanked when its shape leaves
little doubt, because blanking prose loses claims silently.
"""

from __future__ import annotations

import re

from factcheck.load import endnotes
from factcheck.load.dates import date_line, find_date
from factcheck.load.mask import Layout, line_spans, url_spans
from factcheck.load.structure import RawList

Spans = list[tuple[int, int]]

# A sentence ends with . ? or ! (maybe inside a closing quote or bracket) before a space or
# the end of the line.
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]?(?:\s|$)")
_BULLET = re.compile(r"[ \t]*(?:[•◦▪‣●·■□►▸*+-]|\d{1,2}[.)])[ \t]+(?=\S)")
_SYMBOL_BULLET = re.compile(r"[ \t]*[•◦▪‣●·■□►▸][ \t]+(?=\S)")
_NUMBER_ITEM = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+(?=\S)")
_DASH_BULLET = re.compile(r"[ \t]*[*+-][ \t]+(?=\S)")
_BREADCRUMB_SEP = re.compile(r" / | › | » | > | \| ")

# Short lines that are site navigation, not prose, when they stand alone near the top.
NAV_PHRASES = frozenset(
    """skip to main content|skip to content|skip to navigation|select page|download pdf|download
    |print|print this page|share|share this|share this article|top|back to top|jump to section
    |jump to|menu|main menu|open menu|close menu|toggle navigation|search|home|table of contents
    |contents|in this article|in this section|on this page|sign in|log in|subscribe|close|listen
    |listen to this article|email|facebook|twitter|linkedin|x|read more|advertisement""".replace(
        "\n", ""
    ).split("|")
)
NAV_PHRASES = frozenset(p.strip() for p in NAV_PHRASES)

# Lines of trailing website furniture: comment forms, share prompts, related links, legal.
# The strong ones are boilerplate even when written as a sentence.
_STRONG_BOILERPLATE = re.compile(
    r"leave a (?:reply|comment)|your email address will not be published|all rights? reserved"
    r"|^©|^copyright\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"required fields are"
    r"|more from (?:the )?author|related (?:posts|articles|stories|content|reading)"
    r"|you (?:may|might) also like|share (?:this|on)\b|follow us|sign up for|subscribe\b"
    r"|newsletter|all rights? reserved|copyright|©|privacy policy|terms (?:of (?:use|service)|and"
    r" conditions)|cookie|filed under|^tags?:|read more\b|recommended for you|about the author"
    r"|^posted in\b|^categories:",
    re.IGNORECASE,
)

REFERENCE_NAMES = (
    r"end ?notes|notes|references|sources|bibliography|works cited|footnotes|citations"
    r"|literature cited|notes and references|references and notes|sources and notes"
)
# A heading line naming a reference list, alone on its line: "Endnotes", "## References",
# "**Notes**", "7. Sources:".
REFERENCE_HEADING = re.compile(
    rf"[ \t]*(?:#{{1,6}}[ \t]*)?[*_]{{0,3}}(?:\d{{1,2}}\.?[ \t]+)?(?:{REFERENCE_NAMES})"
    rf"[*_]{{0,3}}:?[*_]{{0,3}}[ \t#]*",
    re.IGNORECASE,
)
# Headings of a table of contents or list of figures, which carry no prose.
TOC_HEADING = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]*)?[*_]{0,3}(?:table of contents|contents|table of figures"
    r"|list of figures|list of tables|table of tables)[*_]{0,3}:?[*_]{0,3}[ \t]*",
    re.IGNORECASE,
)
# The start of a citation entry in a reference list: "[12] …", "12. …", "• 12" alone.
_ENTRY = re.compile(r"[ \t]*(?:[•*-][ \t]*)?(?:\[(\d{1,3})\]|(\d{1,3})[.)]?)(?:[ \t]+(\S.*))?")
_CITATION_SIGN = re.compile(
    r"https?://|www\.|[“”\"]|\b(?:1[6-9]|20)\d\d\b|\bIbid\b|\bet al\b|\bId\.", re.IGNORECASE
)


def words(s: str) -> int:
    return len(s.split())


def is_prose(line: str) -> bool:
    """A line of running prose: several words and at least one sentence end."""
    bullet = _BULLET.match(line)
    if bullet:  # "2. " is a list number, not a sentence end
        line = line[bullet.end() :]
    return words(line) >= 8 and _SENTENCE_END.search(line) is not None


def is_nav_phrase(stripped: str) -> bool:
    return stripped.strip(" :|»›>").lower() in NAV_PHRASES


def _menu_item(stripped: str) -> bool:
    """A short bullet or numbered item without digits or sentence punctuation: a menu entry."""
    m = _BULLET.match(stripped)
    if not m:
        return False
    rest = stripped[m.end() :]
    return (
        words(rest) <= 12
        and not any(c.isdigit() for c in rest)
        and not rest.rstrip().endswith((".", "!", "?", ";", ","))
        and _SENTENCE_END.search(rest) is None
    )


def _breadcrumb(stripped: str) -> bool:
    parts = _BREADCRUMB_SEP.split(stripped)
    return (
        len(parts) >= 2
        and words(stripped) <= 14
        and all(0 < words(p) <= 6 for p in parts)
        and _SENTENCE_END.search(stripped) is None
    )


def first_prose_line(text: str, spans: Spans, limit: int = 300) -> int | None:
    for i, (s, e) in enumerate(spans[:limit]):
        if e - s > 40 and is_prose(text[s:e]):
            return i
    return None


def nav_header(text: str, spans: Spans, layout: Layout) -> None:
    """Blank the site furniture above the first paragraph of prose.

    Menus (runs of three or more short bullet items, or any run right after a "Jump to
    Section" style line), breadcrumbs ("Home / Topic / Title"), lone navigation phrases and
    a bare date line (kept as Document.date). Titles, subtitles and bylines stay body.
    """
    first = first_prose_line(text, spans)
    if first is None:
        return
    run: list[int] = []
    after_nav = False

    def flush() -> None:
        if len(run) >= 3 or (run and after_nav):
            for i in run:
                layout.hide(*spans[i])
        run.clear()

    for i in range(first):
        s, e = spans[i]
        stripped = text[s:e].strip()
        if not stripped:
            flush()
            continue
        if _menu_item(stripped):
            run.append(i)
            continue
        flush()
        after_nav = False
        if is_nav_phrase(stripped):
            layout.hide(s, e)
            after_nav = True
        elif _breadcrumb(stripped) or date_line(stripped):
            layout.hide(s, e)
    flush()


def reference_headings(text: str, spans: Spans) -> list[int]:
    """Indexes of lines that are a reference-list heading, after some prose."""
    found = []
    seen_prose = False
    for i, (s, e) in enumerate(spans):
        if e - s > 60:
            seen_prose = seen_prose or is_prose(text[s:e])
            continue
        if seen_prose and REFERENCE_HEADING.fullmatch(text, s, e):
            if _NUMBER_ITEM.match(text, s, e) and _in_numbered_run(text, spans, i):
                continue  # "7. Endnotes" in a list of sections is a contents entry
            found.append(i)
    return found


def _in_numbered_run(text: str, spans: Spans, i: int) -> bool:
    return any(
        0 <= j < len(spans) and _NUMBER_ITEM.match(text, *spans[j]) is not None
        for j in (i - 1, i + 1)
    )


def reference_section(text: str, spans: Spans, layout: Layout) -> int | None:
    """Blank from the first reference-list heading in the last two thirds to the end.

    Plain text has no reliable heading levels, so a reference list runs to the end of the
    document (whatever follows, author bios or site footers, is not body either). Returns
    the index of the heading line, or None.
    """
    for i in reference_headings(text, spans):
        if spans[i][0] >= len(text) // 3:
            layout.hide(spans[i][0], len(text))
            return i
    return None


def parse_entries(text: str, spans: Spans, first: int, last: int) -> dict[str, str]:
    """Reference-list entries between two line indexes: label -> text, whitespace squeezed."""
    entries: dict[str, list[str]] = {}
    current: list[str] | None = None
    for s, e in spans[first:last]:
        if e - s > 20000:
            current = None
            continue
        line = text[s:e]
        m = _ENTRY.fullmatch(line)
        if m:
            label = m.group(1) or m.group(2)
            current = entries.setdefault(label, [])
            if m.group(3):
                current.append(m.group(3))
        elif current is not None and line.strip():
            current.append(line.strip())
        elif current is not None and current:
            current = None  # a blank line after an entry's text ends it
    return {k: " ".join(v) for k, v in entries.items() if v}


def trailing_boilerplate(text: str, spans: Spans, end_line: int, layout: Layout) -> int:
    """Blank website furniture after the last paragraph of prose; returns its first line.

    Walking back from the end over lines that are boilerplate phrases or short lines without
    sentence punctuation (headlines of related articles); the zone starts at the earliest
    boilerplate phrase, so a lone last heading is not taken unless a phrase follows it.
    """
    start = end_line
    i = end_line - 1
    budget = 60  # furniture is a few dozen lines at most; never walk the whole document
    while i >= 0 and budget:
        s, e = spans[i]
        line = text[s:e].strip() if e - s < 1000 else "x " * 20
        if line:
            budget -= 1
            n = words(line)
            sentence = line.endswith((".", "!", "?")) and n > 6
            if n <= 25 and (
                _STRONG_BOILERPLATE.search(line) or (_BOILERPLATE.search(line) and not sentence)
            ):
                start = i
            elif n > 14 or line.endswith((".", "!", "?", "”", '"', ":")):
                break
        i -= 1
    if start < end_line:
        end = spans[end_line][0] if end_line < len(spans) else len(text)
        layout.hide(spans[start][0], end)
    return start


def trailing_citations(text: str, spans: Spans, end_line: int, layout: Layout) -> int:
    """Blank a numbered citation list ("[12] Author, “Title,” …") that ends the document.

    The run is the last block of entry lines (with their wrapped continuation lines) before
    ``end_line``; it needs two or more entries with increasing numbers, most of them with a
    citation sign (a URL, a quoted title, a year, Ibid). Returns the run's first line.
    """
    i = end_line - 1
    first_entry = None
    labels: list[int] = []
    signs = 0
    pending = 0  # non-entry lines seen since the last blank line (continuations, or prose)
    while i >= 0:
        s, e = spans[i]
        if e - s > 20000:
            break
        line = text[s:e]
        if not line.strip():
            if pending:
                break
            i -= 1
            continue
        m = _ENTRY.fullmatch(line)
        if m and m.group(3) is not None:
            labels.append(int(m.group(1) or m.group(2)))
            if _CITATION_SIGN.search(line):
                signs += 1
            first_entry = i
            pending = 0
        else:
            pending += 1
        i -= 1
    if first_entry is None or len(labels) < 2:
        return end_line
    labels.reverse()
    if any(b <= a for a, b in zip(labels, labels[1:], strict=False)) or signs * 2 < len(labels):
        return end_line
    end = spans[end_line][0] if end_line < len(spans) else len(text)
    layout.hide(spans[first_entry][0], end)
    return first_entry


def toc_lines(text: str, spans: Spans, layout: Layout) -> None:
    """Blank table-of-contents lines: dot leaders and a page number, and their headings."""
    for s, e in spans:
        n = e - s
        if n == 0 or n > 300:
            continue
        line = text[s:e]
        if _dot_leader(line) or TOC_HEADING.fullmatch(line):
            layout.hide(s, e)


def _dot_leader(line: str) -> bool:
    """Whether a line ends with a run of leader dots and a page number: "Intro..... 3"."""
    stripped = line.rstrip()
    digits = len(stripped) - len(stripped.rstrip("0123456789"))
    if not 1 <= digits <= 4:
        return False
    before = stripped[:-digits].rstrip()
    leader = len(before) - len(before.rstrip(". …"))
    dots = before[len(before) - leader :].count(".") + 3 * before[len(before) - leader :].count("…")
    return dots >= 4


def urls(text: str, layout: Layout) -> None:
    """Blank URLs: never prose, and full of digits that are not claims."""
    if "://" not in text and "www." not in text:
        return  # a fast test that spares most texts the pattern's pass
    for start, end in url_spans(text):
        layout.hide(start, end)


def list_markers(text: str, spans: Spans, layout: Layout) -> None:
    """Blank list bullets, and item numbers ("3. ") that start a list or continue one; a run
    of item lines is recorded as a list (see load.structure)."""
    previous_item = True  # the start of the text counts as a block start
    current: RawList | None = None

    def item(s: int, e: int, m: re.Match[str]) -> None:
        nonlocal current
        layout.hide(s, m.end())
        if current is None:
            current = RawList(s)
            layout.lists.append(current)
        current.items.append((m.end(), e))

    for s, e in spans:
        if s == e or text[s:e].isspace():
            previous_item = True
            continue
        if e - s > 20000:
            previous_item = False
            current = None
            continue
        m = _SYMBOL_BULLET.match(text, s, e) or _DASH_BULLET.match(text, s, e)
        if m:
            item(s, e, m)
            previous_item = True
            continue
        m = _NUMBER_ITEM.match(text, s, e)
        if m and previous_item:
            item(s, e, m)
            continue
        previous_item = False
        current = None


def read(text: str) -> Layout:
    """The layout of a plain-text document."""
    layout = Layout()
    spans = line_spans(text)
    layout.date = find_date(text, spans)
    nav_header(text, spans, layout)
    end_line = len(spans)
    notes: dict[str, str] = {}
    heading = reference_section(text, spans, layout)
    if heading is not None:
        notes = parse_entries(text, spans, heading + 1, len(spans))
        end_line = heading
    end_line = trailing_boilerplate(text, spans, end_line, layout)
    cited = trailing_citations(text, spans, end_line, layout)
    if cited < end_line:
        notes = notes or parse_entries(text, spans, cited, end_line)
        end_line = cited
    toc_lines(text, spans, layout)
    prose_end = spans[end_line][0] if end_line < len(spans) else len(text)
    endnotes.glued(text, prose_end, notes, layout)
    endnotes.at_ends(text, prose_end, layout)
    urls(text, layout)
    list_markers(text, spans, layout)
    return layout
