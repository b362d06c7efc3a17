"""HTML: tags and non-prose elements blanked at their exact source positions.

The stdlib HTMLParser reports where each construct starts (``getpos``); with a table of line
starts that is an offset into the text, and the construct's own raw text gives its end. Text
between tags stays where it is, so every body offset is an offset into the original file.
"""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

from factcheck.load import endnotes
from factcheck.load import text as plain
from factcheck.load.dates import DATE, to_iso
from factcheck.load.mask import Layout
from factcheck.load.structure import RawCell, RawList, RawTable

# Elements whose whole content is not body prose.
SKIP = frozenset(
    "script style nav header footer aside noscript template head title pre code svg math"
    " button select textarea iframe object".split()
)
# Containers of footnotes or reference lists, by class, id or role.
_NOTES_CONTAINER = re.compile(
    r"\b(?:foot|end)notes?\b|\breferences\b|\bbibliography\b|\bcitations\b|doc-(?:end|foot)notes?",
    re.IGNORECASE,
)
_NOTE_LINK = re.compile(r"#(?:fn|footnote|note|endnote|cite_note|ref|en)[-_:]?\w", re.IGNORECASE)
_MARKER_LABEL = re.compile(r"\[?(\d{1,3}[a-z]?|[a-z]|[*†‡§]{1,3})\]?")
_EXPONENT_UNITS = frozenset("m km cm mm ft mi in yd".split())
_HEADING = re.compile(r"h([1-6])")
_DATE_META = frozenset(
    "date dc.date dcterms.date dcterms.created article:published_time datepublished"
    " pubdate publishdate publication_date citation_publication_date".split()
)


class _Masker(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.layout = Layout()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.skip: tuple[str, int, int] | None = None  # tag, nesting depth, start offset
        self.sup: list[tuple[int, int]] | None = None  # data pieces inside <sup>
        self.sup_before = ""
        self.link: list[tuple[int, int]] | None = None  # data pieces inside a footnote link
        self.heading: tuple[int, int, list[str]] | None = None  # level, start, text
        self.references: tuple[int, int] | None = None  # level, start of a reference section
        self.shape = _Shape(self.layout)  # tables, lists and headings (see load.structure)

    # Positions -----------------------------------------------------------------------
    def parse_marked_section(self, i: int, report: int = 1) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            # "<![" without a section name: Python's parser raises; at close it then reads
            # the "<![…" as text, as a browser would.
            return -1

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _tag_end(self, start: int) -> int:
        end = self.text.find(">", start)
        return len(self.text) if end == -1 else end + 1

    # Tags ------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._pos()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        self.layout.hide(start, end)
        attr = {k.lower(): v or "" for k, v in attrs}
        self._read_date(tag, attr)
        if self.skip:
            if tag == self.skip[0]:
                self.skip = (tag, self.skip[1] + 1, self.skip[2])
            return
        self.shape.start(tag, attr, start, end)
        heading = _HEADING.fullmatch(tag)
        if heading:
            level = int(heading.group(1))
            if self.references and level <= self.references[0]:
                self.layout.hide(self.references[1], start)
                self.references = None
            self.heading = (level, start, [])
        notes = " ".join(attr.get(k, "") for k in ("class", "id", "role"))
        if tag in SKIP or _NOTES_CONTAINER.search(notes):
            self.skip = (tag, 1, start)
        elif tag == "sup":
            self.sup = []
            self.sup_before = self.text[max(0, start - 4) : start]
        elif tag == "a" and (
            _NOTE_LINK.match(attr.get("href", "")) or "footnote" in attr.get("class", "")
        ):
            self.link = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._pos()
        self.layout.hide(start, start + len(self.get_starttag_text() or ""))
        self._read_date(tag, {k.lower(): v or "" for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        start = self._pos()
        end = self._tag_end(start)
        self.layout.hide(start, end)
        if self.skip:
            name, depth, skip_start = self.skip
            if tag == name:
                if depth > 1:
                    self.skip = (name, depth - 1, skip_start)
                else:
                    self.layout.hide(skip_start, end)
                    self.skip = None
            return
        self.shape.end(tag, start)
        if tag == "sup" and self.sup is not None:
            word = re.split(r"[^A-Za-z]", self.sup_before)[-1]
            self._marker(self.sup, exponent=word in _EXPONENT_UNITS)
            self.sup = None
        elif tag == "a" and self.link is not None:
            self._marker(self.link)
            self.link = None
        elif self.heading and _HEADING.fullmatch(tag):
            level, h_start, words = self.heading
            self.heading = None
            if plain.REFERENCE_HEADING.fullmatch(" ".join("".join(words).split())):
                self.references = (level, h_start)

    def _marker(self, pieces: list[tuple[int, int]], exponent: bool = False) -> None:
        pieces = [(s, e) for s, e in pieces if self.text[s:e].strip()]
        if not pieces:
            return
        start, end = pieces[0][0], pieces[-1][1]
        label = re.sub(r"<[^>]*>", "", self.text[start:end]).strip()
        m = _MARKER_LABEL.fullmatch(label)
        if m is None or (exponent and label in ("2", "3")):
            return
        self.layout.mark(start, end, m.group(1))  # blanked with the other markers

    # Content ---------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        start = self._pos()
        piece = (start, start + len(data))
        for bucket in (self.sup, self.link):
            if bucket is not None:
                bucket.append(piece)
        if self.heading:
            self.heading[2].append(data)

    def _reference(self, start: int, raw_len: int, decoded: str) -> None:
        """A character reference: its character in the body at its first position."""
        end = start + raw_len
        if self.skip:
            return
        if self.heading:
            self.heading[2].append(decoded)
        if decoded.isspace() or len(decoded) > raw_len:
            for p in range(start, end):
                self.layout.replace[p] = " "
            return
        for i in range(raw_len):
            self.layout.replace[start + i] = decoded[i] if i < len(decoded) else " "

    def handle_entityref(self, name: str) -> None:
        self._reference_at(len("&") + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference_at(len("&#") + len(name))

    def _reference_at(self, raw_len: int) -> None:
        """The reference of ``raw_len`` characters here ("&amp", "&#8211"), and its ";" if any."""
        start = self._pos()
        if self.text.startswith(";", start + raw_len):
            raw_len += 1
        self._reference(start, raw_len, htmllib.unescape(self.text[start : start + raw_len]))

    def _hide_construct(self, opener: str, closer: str) -> None:
        start = self._pos()
        end = (
            self.text.find(closer, start + len(opener))
            if self.text.startswith(opener, start)
            else -1
        )
        end = self._tag_end(start) if end == -1 else end + len(closer)
        self.layout.hide(start, end)

    def handle_comment(self, data: str) -> None:
        self._hide_construct("<!--", "-->")

    def handle_decl(self, decl: str) -> None:
        self._hide_construct("<!", ">")

    def handle_pi(self, data: str) -> None:
        self._hide_construct("<?", ">")

    def unknown_decl(self, data: str) -> None:
        self._hide_construct("<![", "]]>")

    # Metadata --------------------------------------------------------------------------
    def _read_date(self, tag: str, attr: dict[str, str]) -> None:
        if self.layout.date:
            return
        value = ""
        if tag == "meta":
            key = (attr.get("name") or attr.get("property") or attr.get("itemprop") or "").lower()
            if key in _DATE_META:
                value = attr.get("content", "")
        elif tag == "time":
            value = attr.get("datetime", "")
        m = DATE.search(value[:100])
        if m:
            self.layout.date = to_iso(m)

    def finish(self) -> Layout:
        self.close()
        self.shape.finish(len(self.text))
        n = len(self.text)
        if self.skip:  # an element left open hides the rest
            self.layout.hide(self.skip[2], n)
        if self.references:
            self.layout.hide(self.references[1], n)
        return self.layout


class _Table:
    """A table being read: its rows, the open row and cell, whether in <thead>."""

    def __init__(self, start: int) -> None:
        self.raw = RawTable(start, start)
        self.row: list[RawCell] | None = None
        self.head_rows: list[bool] = []  # per row: in <thead>
        self.cell: RawCell | None = None
        self.in_head = False
        self.caption: int | None = None  # where an open <caption> starts

    def close_cell(self, at: int) -> None:
        if self.cell is not None:
            self.cell.end = at
            self.cell = None

    def close_row(self, at: int) -> None:
        self.close_cell(at)
        if self.row is not None:
            self.raw.rows.append(self.row)
            self.row = None
            self.raw.end = at

    def open_row(self, at: int) -> None:
        self.close_row(at)
        if not self.raw.rows:
            self.raw.start = at
        self.row = []
        self.head_rows.append(self.in_head)

    def done(self, at: int) -> RawTable:
        self.close_row(at)
        self.raw.end = at
        # The leading rows in <thead>, or made only of header cells, are the header rows.
        for in_head, row in zip(self.head_rows, self.raw.rows, strict=False):
            if not (in_head or (row and all(c.header for c in row))):
                break
            self.raw.header_rows += 1
        return self.raw


def _span_number(value: str) -> int:
    return int(value) if value.strip().isdigit() else 1


class _Shape:
    """Records the shape of tables and lists, and the headings' text, as tags go by."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.tables: list[_Table] = []
        self.lists: list[tuple[RawList, list[int]]] = []  # a list and its open item's start
        self.heading: int | None = None

    def _close_item(self, at: int) -> None:
        if self.lists and self.lists[-1][1]:
            raw, open_item = self.lists[-1]
            raw.items.append((open_item.pop(), at))

    def start(self, tag: str, attr: dict[str, str], start: int, end: int) -> None:
        if _HEADING.fullmatch(tag):
            self.heading = end
        elif tag == "table":
            if attr.get("role") not in ("presentation", "none"):
                self.tables.append(_Table(end))
        elif tag in ("ul", "ol"):
            self._close_item(start)  # a nested list ends its parent item's own text
            self.lists.append((RawList(start), []))
        elif tag == "li" and self.lists:
            self._close_item(start)
            self.lists[-1][1].append(end)
        elif self.tables:
            table = self.tables[-1]
            if tag == "caption":
                table.caption = end
            elif tag == "thead":
                table.in_head = True
            elif tag in ("tbody", "tfoot"):
                table.in_head = False
            elif tag == "tr":
                table.open_row(start)
            elif tag in ("td", "th"):
                if table.row is None:
                    table.open_row(start)
                table.close_cell(start)
                table.cell = RawCell(
                    end,
                    end,
                    header=tag == "th" or table.in_head,
                    colspan=_span_number(attr.get("colspan", "1")),
                    rowspan=_span_number(attr.get("rowspan", "1")),
                )
                table.row.append(table.cell)  # type: ignore[union-attr]

    def end(self, tag: str, start: int) -> None:
        if _HEADING.fullmatch(tag) and self.heading is not None:
            self.layout.headings.append((self.heading, start))
            self.heading = None
        elif tag == "table" and self.tables:
            self.layout.tables.append(self.tables.pop().done(start))
        elif tag in ("ul", "ol") and self.lists:
            self._close_item(start)
            self.layout.lists.append(self.lists.pop()[0])
        elif tag == "li":
            self._close_item(start)
        elif self.tables:
            table = self.tables[-1]
            if tag == "caption" and table.caption is not None:
                table.raw.caption = (table.caption, start)
                table.caption = None
            elif tag == "thead":
                table.in_head = False
            elif tag in ("td", "th"):
                table.close_cell(start)
            elif tag == "tr":
                table.close_row(start)

    def finish(self, n: int) -> None:
        """Elements left open end with the text."""
        while self.tables:
            self.layout.tables.append(self.tables.pop().done(n))
        while self.lists:
            self._close_item(n)
            self.layout.lists.append(self.lists.pop()[0])


def read(text: str) -> Layout:
    """The layout of an HTML document (or fragment)."""
    masker = _Masker(text)
    masker.feed(text)
    layout = masker.finish()
    endnotes.at_block_ends(text, layout)
    plain.urls(text, layout)
    return layout
