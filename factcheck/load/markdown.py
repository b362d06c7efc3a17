"""Markdown: the block structure from markdown-it-py, the inline markup by a small scanner.

markdown-it gives every block token the source lines it spans (``token.map``), which is
enough to blank code, front matter, HTML comments, footnote definitions and thematic breaks
exactly. It does not give character positions of inline markup, so a linear scanner walks the
source of each inline block (paragraphs, headings, table rows) and blanks the markup
characters themselves: emphasis marks, link targets, images, inline code, escapes, HTML tags.
"""

from __future__ import annotations

import html as htmllib
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from factcheck.load import endnotes
from factcheck.load import html as htmlreader
from factcheck.load import text as plain
from factcheck.load.dates import DATE, find_date, to_iso
from factcheck.load.mask import Layout, line_spans
from factcheck.load.structure import RawCell, RawList, RawTable

_PARSER = (
    MarkdownIt("commonmark", {"html": True})
    .use(front_matter_plugin)
    .use(footnote_plugin)
    .enable("table")
    # Inline parsing is the slow half of markdown-it and its tokens carry no positions; the
    # scanner below does that job, so only the block structure is parsed.
    .disable("inline")
)

# A paragraph that is a footnote's text: "<sup>12</sup> Author, …" (seed-style exports).
_LONE_CR = re.compile(r"\r(?!\n)")
_SUP_NOTE = re.compile(r"[ \t>]*<sup>[ \t]*\w{1,4}[ \t]*</sup>", re.IGNORECASE)
# Right after a thematic break, "[12] …", "12. …" or "^12 …" paragraphs are footnote text too.
_NUMBERED_NOTE = re.compile(r"[ \t>]*(?:\[\d{1,3}\]|\d{1,3}\.|\^\d{1,3})[ \t]")
_NOTE_NUMBER = re.compile(r"[ \t]*\d{1,3}[ \t]*")
_LIST_MARKER = re.compile(r"[ \t>]*?([-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_QUOTE_MARKS = re.compile(r"(?:[ \t]*>)+")
_ATX_OPEN = re.compile(r"[ \t>]*?(#{1,6})(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"(?<![ \t])[ \t]+(#+)[ \t]*$")  # a space run is tried once
_FRONT_DATE = re.compile(r"^(?:date|published|updated)[ \t]*:[ \t]*['\"]?([^'\"\n]+)", re.M | re.I)

_INLINE = re.compile(
    # Every alternative starts with one of these characters: checking that first lets the
    # scan skip plain prose a character at a time instead of trying each alternative.
    r"(?=[\\`<\[!\]*_~&])"
    r"(?:(?P<esc>\\[!-/:-@\[-`{-~\n])"
    r"|(?P<code>`+)"
    r"|(?P<auto><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>|<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>)"
    r"|(?P<comment><!--)"
    r"|(?P<sup><sup>[ \t]*(?P<label>\w{1,4})[ \t]*</sup>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<fnref>\[\^(?P<fnlabel>[^\]\s]{1,20})\])"
    r"|(?P<image>!\[)"
    r"|(?P<open>\[)"
    r"|(?P<target>\]\((?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)|\]\[[^\[\]\n]*\])"
    r"|(?P<close>\])"
    r"|(?P<emph>\*+|_+|~~)"
    r"|(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});))"
)


def read(text: str) -> Layout:
    """The layout of a Markdown document."""
    layout = Layout()
    spans = line_spans(text)
    walker = _Walker(text, spans, layout)
    # markdown-it reads a lone "\r" as a line break; Document lines break at "\n" only.
    tokens = _PARSER.parse(_LONE_CR.sub(" ", text) if "\r" in text else text)
    walker.walk(tokens)
    _record_structure(text, spans, tokens, layout)
    for first, last in walker.inline_blocks:
        scan_inline(text, spans[first][0], spans[last - 1][1], layout)
    plain.toc_lines(text, spans, layout)
    end_line = walker.reference_line if walker.reference_line is not None else len(spans)
    notes = (
        plain.parse_entries(text, spans, end_line + 1, len(spans)) if end_line < len(spans) else {}
    )
    plain.trailing_citations(text, spans, end_line, layout)
    # Scraped pages saved as Markdown glue endnotes into the prose as plain text does. A
    # reference section ends at the next heading here, so prose may follow it: look to the end.
    endnotes.glued(text, len(text), notes, layout)
    endnotes.at_ends(text, len(text), layout)
    plain.urls(text, layout)
    layout.date = layout.date or find_date(text, spans)
    return layout


class _Walker:
    """Walks the block tokens and blanks what is not body, line by line."""

    def __init__(self, text: str, spans: list[tuple[int, int]], layout: Layout) -> None:
        self.text, self.spans, self.layout = text, spans, layout
        self.covered = bytearray(len(spans))
        self.inline_blocks: list[tuple[int, int]] = []
        self.reference: tuple[int, int] | None = None  # heading level, first line
        self.reference_line: int | None = None

    def lines(self, first: int, last: int) -> None:
        """Blank whole lines [first, last)."""
        last = min(last, len(self.spans))
        if first < last:
            self.layout.hide(self.spans[first][0], self.spans[last - 1][1])

    def line(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def walk(self, tokens: list[Token]) -> None:
        hidden_until = -1  # index of the token closing a hidden container
        after_break = False
        depth_hidden = 0
        for k, tok in enumerate(tokens):
            if tok.map:
                first, last = tok.map
                for i in range(first, min(last, len(self.spans))):
                    self.covered[i] = 1
            if tok.type in ("footnote_block_open", "footnote_open"):
                depth_hidden += 1
                continue
            if tok.type in ("footnote_block_close", "footnote_close"):
                depth_hidden -= 1
                continue
            if depth_hidden or k <= hidden_until:
                if tok.map:
                    self.lines(*tok.map)
                continue
            if tok.type == "heading_open":
                after_break = False
                self._heading(tok, tokens[k + 1])
            elif tok.type == "paragraph_open":
                hide, after_break = self._paragraph(tok, tokens[k + 1], after_break)
                if hide:
                    hidden_until = _closing(tokens, k)
            elif tok.type == "ordered_list_open" and after_break:
                hidden_until = _closing(tokens, k)  # a numbered footnote list after a rule
                self.lines(*tok.map)
            elif tok.type == "inline" and tok.map and tok.level >= 0:
                self.inline_blocks.append((tok.map[0], tok.map[1]))
            else:
                after_break = self._block(tok, after_break)
        self._end_reference(len(self.spans))
        for i, covered in enumerate(self.covered):
            s, e = self.spans[i]
            if not covered and e > s and not self.text[s:e].isspace():
                self.layout.hide(s, e)  # link reference definitions leave no token

    def _block(self, tok: Token, after_break: bool) -> bool:
        t = tok.type
        if t == "front_matter":
            self.lines(*tok.map)
            m = _FRONT_DATE.search(tok.content)
            if m:
                d = DATE.search(m.group(1))
                self.layout.date = to_iso(d) if d else None
        elif t == "hr":
            self.lines(*tok.map)
            return True
        elif t in ("fence", "code_block"):
            self.lines(*tok.map)
        elif t == "html_block":
            s, e = self.spans[tok.map[0]][0], self.spans[min(tok.map[1], len(self.spans)) - 1][1]
            if tok.content.lstrip().startswith("<!--"):
                self.layout.hide(s, e)
            else:
                self.layout.extend(htmlreader.read(self.text[s:e]).shift(s))
        elif t == "list_item_open":
            m = _LIST_MARKER.match(self.line(tok.map[0]))
            if m:
                base = self.spans[tok.map[0]][0]
                self.layout.hide(base + m.start(1), base + m.end(1))
        elif t == "blockquote_open":
            for i in range(*tok.map):
                m = _QUOTE_MARKS.match(self.line(i))
                if m:
                    self.layout.hide(self.spans[i][0], self.spans[i][0] + m.end())
        elif t == "table_open":
            first, last = tok.map
            for i in range(first, last):
                s, _ = self.spans[i]
                for m in re.finditer(r"\|", self.line(i)):
                    self.layout.hide(s + m.start(), s + m.end())
            self.lines(first + 1, first + 2)  # the |---|---| delimiter row
        return after_break and t in ("bullet_list_close", "ordered_list_close")

    def _heading(self, tok: Token, inline: Token) -> None:
        first, last = tok.map
        level = int(tok.tag[1])
        if self.reference and level <= self.reference[0]:
            self._end_reference(first)
        if tok.markup.startswith("#"):
            line, base = self.line(first), self.spans[first][0]
            m = _ATX_OPEN.match(line)
            if m:
                self.layout.hide(base + m.start(1), base + m.end(1))
            m = _ATX_CLOSE.search(line)
            if m:
                self.layout.hide(base + m.start(1), base + m.end(1))
        else:
            self.lines(last - 1, last)  # the setext underline
        if self.reference is None and _is_reference_title(inline.content):
            self.reference = (level, first)

    def _paragraph(self, tok: Token, inline: Token, after_break: bool) -> tuple[bool, bool]:
        """Whether to hide this paragraph as footnote text; whether a note block goes on."""
        first, last = tok.map
        head = self.line(first)
        if _SUP_NOTE.match(head) or (after_break and _NUMBERED_NOTE.match(head)):
            self.lines(first, last)
            return True, True
        if after_break and _is_note_continuation(
            head, "\n".join(self.line(i) for i in range(first, last))
        ):
            self.lines(first, last)
            return True, True
        # A line alone at the top level as heading: ended by any heading. Inside a list
        # ("7. Endnotes" in a table of contents) or a quote it is an entry, not a heading.
        alone = last - first == 1 and tok.level == 0
        if alone and self.reference is None and _is_reference_title(inline.content):
            self.reference = (7, first)
        return False, False

    def _end_reference(self, line: int) -> None:
        if self.reference is None:
            return
        first = self.reference[1]
        if self.reference_line is None:
            self.reference_line = first
        self.lines(first, line)
        self.reference = None


_URL_IN_NOTE = re.compile(r"https?://|<www\.", re.IGNORECASE)


_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")


def _record_structure(
    text: str, spans: list[tuple[int, int]], tokens: list[Token], layout: Layout
) -> None:
    """The shape of the tables and lists, and the headings' lines (see load.structure)."""
    open_lists: list[RawList] = []
    table: RawTable | None = None
    in_head = False
    for k, tok in enumerate(tokens):
        t = tok.type
        if t == "heading_open" and tok.map:
            first, last = tok.map
            last = last - 1 if not tok.markup.startswith("#") else last  # not the underline
            if first < last <= len(spans):
                layout.headings.append((spans[first][0], spans[last - 1][1]))
        elif t == "table_open" and tok.map:
            table = RawTable(spans[tok.map[0]][0], spans[min(tok.map[1], len(spans)) - 1][1])
        elif t == "thead_open":
            in_head = True
        elif t == "thead_close":
            in_head = False
        elif t == "tr_open" and tok.map and table is not None:
            s, e = spans[tok.map[0]]
            table.rows.append(_row_cells(text, s, e, in_head))
            table.header_rows += in_head
        elif t == "table_close" and table is not None:
            layout.tables.append(table)
            table = None
        elif t in ("bullet_list_open", "ordered_list_open") and tok.map:
            open_lists.append(RawList(spans[tok.map[0]][0]))
        elif t in ("bullet_list_close", "ordered_list_close") and open_lists:
            layout.lists.append(open_lists.pop())
        elif t == "list_item_open" and tok.map and open_lists:
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            if following is None or following.type != "paragraph_open" or not following.map:
                continue  # an item that opens with a code block or a list is no figure line
            first, last = following.map
            m = _LIST_MARKER.match(text, spans[first][0], spans[first][1])
            start = m.end() if m else spans[first][0]
            open_lists[-1].items.append((start, spans[min(last, len(spans)) - 1][1]))


def _row_cells(text: str, start: int, end: int, header: bool) -> list[RawCell]:
    """The cells of a pipe table's row: the text between unescaped pipes."""
    cuts = [m.start() for m in _CELL_SEPARATOR.finditer(text, start, end)]
    line = text[start:end]
    bounds = [start] + [c + 1 for c in cuts]
    ends = cuts + [end]
    cells = [RawCell(a, b, header) for a, b in zip(bounds, ends, strict=True)]
    # A leading or trailing pipe opens or closes the row: no cell before or after it.
    if cells and not line[: cells[0].end - start].strip(" \t>"):
        cells = cells[1:]
    if cells and cuts and not text[cuts[-1] + 1 : end].strip():
        cells = cells[:-1]
    return cells


def _is_note_continuation(head: str, paragraph: str) -> bool:
    """Right after a rule, a paragraph that opens in lower case and cites a URL is the end of
    a footnote carried over from the previous page ("…the seven units align…; Fact Book 2023,
    10–11, <https://…>."), not body text."""
    return head.lstrip()[:1].islower() and bool(_URL_IN_NOTE.search(paragraph))


def _closing(tokens: list[Token], k: int) -> int:
    """Index of the token that closes the container opened at ``k``."""
    level = tokens[k].level
    for j in range(k + 1, len(tokens)):
        if tokens[j].level == level and tokens[j].nesting == -1:
            return j
    return len(tokens)


def _is_reference_title(content: str) -> bool:
    title = content.strip().strip("*_").strip()
    return len(title) < 40 and plain.REFERENCE_HEADING.fullmatch(title) is not None


def scan_inline(text: str, start: int, end: int, layout: Layout) -> None:
    """Blank the inline markup in text[start:end]; record footnote references as markers."""
    code_runs = _code_runs(text, start, end)
    opens: list[tuple[int, bool]] = []  # "[" positions, and whether "![" (an image)
    pos = start
    while pos < end:
        m = _INLINE.search(text, pos, end)
        if m is None:
            break
        kind = m.lastgroup if m.lastgroup not in ("label", "fnlabel") else None
        if kind is None:
            kind = next(k for k in ("sup", "fnref") if m.group(k))
        pos = m.end()
        s, e = m.span()
        if kind == "esc":
            layout.hide(s, s + 1)
        elif kind == "code":
            close = code_runs.get(s)
            if close is not None:
                layout.hide(s, close)
                pos = close
        elif kind == "auto" or kind == "tag":
            layout.hide(s, e)
        elif kind == "comment":
            stop = text.find("-->", e, end)
            pos = end if stop == -1 else stop + 3
            layout.hide(s, pos)
        elif kind == "sup":
            layout.hide(s, m.start("label"))
            layout.hide(m.end("label"), e)
            layout.mark(m.start("label"), m.end("label"), m.group("label"))
        elif kind == "fnref":
            layout.mark(s, e, m.group("fnlabel"))
        elif kind in ("image", "open"):
            opens.append((s, kind == "image"))
        elif kind == "target":
            if opens:
                o, image = opens.pop()
                ref = m.group(0)[2:-1] if m.group(0).startswith("][") else None
                if not image and ref is not None and _NOTE_NUMBER.fullmatch(text[o + 1 : s]) \
                        and _NOTE_NUMBER.fullmatch(ref):  # fmt: skip
                    # "[1][2]" has the shape of a reference link but is two note markers.
                    layout.mark(o, s + 1, text[o + 1 : s].strip())
                    layout.mark(s + 1, e, ref.strip())
                    continue
                layout.hide(o, e if image else o + 1)
            layout.hide(s, e)
        elif kind == "close":
            if opens:
                opens.pop()
        elif kind == "emph":
            if _is_markup(text, s, e):
                layout.hide(s, e)
        elif kind == "entity":
            _entity(text, s, e, layout)


def _code_runs(text: str, start: int, end: int) -> dict[int, int]:
    """Opening backtick run position -> end of its code span (CommonMark: equal run lengths)."""
    runs = [(m.start(), m.end() - m.start()) for m in re.finditer("`+", text[start:end])]
    by_length: dict[int, list[int]] = {}
    for i, (_, n) in enumerate(runs):
        by_length.setdefault(n, []).append(i)
    cursor = dict.fromkeys(by_length, 0)
    spans: dict[int, int] = {}
    i = 0
    while i < len(runs):
        pos, n = runs[i]
        same = by_length[n]
        c = cursor[n]
        while c < len(same) and same[c] <= i:
            c += 1
        cursor[n] = c
        if c < len(same):
            j = same[c]
            spans[start + pos] = start + runs[j][0] + n
            i = j + 1
        else:
            i += 1
    return spans


def _is_markup(text: str, s: int, e: int) -> bool:
    """Emphasis marks, not a lone "*" between spaces or an "_" inside a word."""
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if before.isspace() and after.isspace():
        return False
    return not (text[s] == "_" and before.isalnum() and after.isalnum())


def _entity(text: str, s: int, e: int, layout: Layout) -> None:
    raw = text[s:e]
    decoded = htmllib.unescape(raw)
    if decoded == raw:
        return
    if decoded.isspace() or len(decoded) > len(raw):
        decoded = ""
    for i in range(e - s):
        layout.replace[s + i] = decoded[i] if i < len(decoded) else " "
