"""Tables and figure lists: which text labels each value (see ``model.Block`` and ``Cell``).

Read as prose, a table is one long run of numbers: each value takes the year of the next
row and the words of whatever cells stand near it. The readers therefore record the shape of
tables (rows of cells, header rows, the caption), of lists (their items) and the headings of
the document as they parse it (``RawTable``, ``RawList`` in ``Layout``); once the body is
built, ``build_blocks`` turns each into values and their labels:

- a table cell's labels are the heading above the table, its caption (or a line introducing
  it, "Table 2. …" or one ending with a colon), its column's header cells, and its row's
  header: the row's first cell when that column holds labels (header cells, words, years)
  rather than figures, with the header of that column in front ("Year 2021");
- a list item that gives a figure with a label ("2021: 70,601", "Heroin — 9,173 deaths")
  is a value whose labels are the heading above the list, the sentence introducing the list
  (when it ends with a colon) and the item's own label; a short item without a label
  ("70,601 in 2021") under such a sentence is a value labelled by the sentence. Items that
  are sentences of their own stay prose.

A table whose cells hold long text is a layout table, not data: it stays prose.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from factcheck.model import Block, Cell

Span = tuple[int, int]

# A data table's cells are short; a cell longer than this is page layout holding prose.
MAX_CELL_CHARS = 300
# A figure list item is a line, not a paragraph.
MAX_ITEM_CHARS = 160
# How far back the sentence introducing a table or list is looked for.
_INTRO_CHARS = 400


@dataclass
class RawCell:
    start: int  # the cell's content in the text (markup included; the body blanks it)
    end: int
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


@dataclass
class RawTable:
    start: int  # the first row's start
    end: int  # the last row's end
    rows: list[list[RawCell]] = field(default_factory=list)
    header_rows: int = 0  # the leading rows that are headers
    caption: Span | None = None

    def shifted(self, offset: int) -> RawTable:
        return RawTable(
            self.start + offset,
            self.end + offset,
            [
                [replace(c, start=c.start + offset, end=c.end + offset) for c in r]
                for r in self.rows
            ],
            self.header_rows,
            (self.caption[0] + offset, self.caption[1] + offset) if self.caption else None,
        )


@dataclass
class RawList:
    start: int  # where the list starts (its first bullet, or the <ul> tag)
    items: list[Span] = field(default_factory=list)  # each item's text, after its bullet

    def shifted(self, offset: int) -> RawList:
        return RawList(self.start + offset, [(s + offset, e + offset) for s, e in self.items])


# -- tables ------------------------------------------------------------------------------

_YEARS = re.compile(r"(?:FY\s?)?(?:1[89]|20)\d\d(?:\s*[-–—/]\s*(?:(?:1[89]|20)?\d\d))?\*?")


def _trim(body: str, start: int, end: int) -> Span | None:
    """The span without the blank (markup, white space) at its ends; None if all blank."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _longer(body: str, cell: RawCell, limit: int) -> bool:
    """Whether the cell's text (without markup) is longer than ``limit`` characters."""
    if cell.end - cell.start <= limit:
        return False
    return len(" ".join(body[cell.start : cell.end].split())) > limit


def _is_label(body: str, cell: RawCell) -> bool:
    """A header cell, or one that names rather than gives a figure: words, a year, nothing."""
    if cell.header:
        return True
    text = body[cell.start : cell.end].strip()
    return not text or any(ch.isalpha() for ch in text) or _YEARS.fullmatch(text) is not None


_MAX_SPAN = 1000  # the most columns or rows one cell may span (HTML allows 1000 and 65534)


def _grid(table: RawTable) -> list[list[tuple[int, RawCell]]]:
    """Each row's cells with their column index, spans laid out as a browser does."""
    # Per row, the column ranges filled by a cell above that spans rows; a span never runs
    # past the table, so the ranges are at most one per cell and row.
    taken: dict[int, list[tuple[int, int]]] = {}
    # Real tables span a few rows; past this many spanned cells a table's spans are ignored,
    # so that the layout costs time in proportion to the table's cells.
    budget = 8 * sum(len(row) for row in table.rows)
    grid = []
    for r, row in enumerate(table.rows):
        placed = []
        column = 0
        filled = sorted(taken.pop(r, []))
        k = 0
        for cell in row:
            while k < len(filled) and filled[k][1] <= column:
                k += 1
            while k < len(filled) and filled[k][0] <= column:
                column = filled[k][1]
                k += 1
            width = max(1, min(cell.colspan, _MAX_SPAN))
            placed.append((column, cell))
            rows_below = min(cell.rowspan, _MAX_SPAN, len(table.rows) - r) - 1
            if 0 < rows_below <= budget:
                budget -= rows_below
                for dr in range(1, rows_below + 1):
                    taken.setdefault(r + dr, []).append((column, column + width))
            column += width
        grid.append(placed)
    return grid


def _table_block(body: str, table: RawTable, context: tuple[Span, ...]) -> Block | None:
    if not table.rows or any(_longer(body, c, MAX_CELL_CHARS) for r in table.rows for c in r):
        return None  # a layout table: its cells are prose
    grid = _grid(table)
    heads, rows = grid[: table.header_rows], grid[table.header_rows :]
    first_column = [cell for row in rows for col, cell in row if col == 0]
    labelled_rows = (
        bool(first_column)
        and any(len(row) > 1 for row in rows)
        and all(_is_label(body, cell) for cell in first_column)
    )
    # Each column's header cells, top first (a header spanning columns heads each of them).
    by_column: dict[int, list[Span]] = {}
    for row in heads:
        for col, cell in row:
            span = _trim(body, cell.start, cell.end)
            if span:
                for c in range(col, col + max(1, min(cell.colspan, _MAX_SPAN))):
                    by_column.setdefault(c, []).append(span)

    def header_spans(column: int) -> list[Span]:
        return by_column.get(column, [])

    cells = []
    for row in rows:
        row_labels: list[Span] = []
        if labelled_rows:
            row_labels = list(header_spans(0))  # "Year", "Drug": what the row headers name
            first = next((cell for col, cell in row if col == 0), None)
            span = _trim(body, first.start, first.end) if first else None
            if span:
                row_labels.append(span)
        for col, cell in row:
            if (labelled_rows and col == 0) or cell.header:
                continue
            span = _trim(body, cell.start, cell.end)
            if span is None or not any(ch.isdigit() for ch in body[span[0] : span[1]]):
                continue
            cells.append(
                Cell(span[0], span[1], context, tuple(header_spans(col)), tuple(row_labels))
            )
    return Block(table.start, table.end, tuple(cells))


# -- lists -------------------------------------------------------------------------------

_QUALIFIER = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|less\s+than"
    r"|fewer\s+than|under|at\s+least|at\s+most|up\s+to|some|an\s+estimated|~|≈|>|<)\s*)?"
)
# What follows the label: a figure, maybe after a qualifier or a currency sign.
_FIGURE_START = re.compile(_QUALIFIER + r"[$€£]?\s?[-−]?\d", re.IGNORECASE)
# Where a label ends: a colon, a spaced dash or an equals sign.
_SEPARATORS = (re.compile(r":"), re.compile(r"\s[—–-]\s|—"), re.compile(r"\s=\s"))
# A label is a phrase, not a sentence: no full stop followed by a space inside it.
_SENTENCE_INSIDE = re.compile(r"[.!?;]\s")


_LABEL_NUMBERS = re.compile(r"per\s+100,?000|" + _YEARS.pattern, re.IGNORECASE)


def _names_only(label: str) -> bool:
    """Whether a label holds no figure of its own: digits only in years ("2021", "FY 2022",
    "2019–2020") or in "per 100,000"."""
    return not any(ch.isdigit() for ch in _LABEL_NUMBERS.sub(" ", label))


def _figure_item(
    body: str, start: int, end: int, introduced: bool
) -> tuple[Span | None, Span] | None:
    """(the label, the value) of a list item that gives a figure; None for a prose item."""
    span = _trim(body, start, end)
    if span is None or span[1] - span[0] > MAX_ITEM_CHARS:
        return None
    start, end = span
    item = body[start:end]
    if not any(ch.isdigit() for ch in item):
        return None
    for separator in _SEPARATORS:
        for m in separator.finditer(item):
            label = _trim(body, start, start + m.start())
            value = _trim(body, start + m.end(), end)
            if label is None or value is None or label[1] - label[0] > 80:
                continue
            if _SENTENCE_INSIDE.search(body, label[0], label[1]):
                continue
            if not _names_only(body[label[0] : label[1]]):
                break  # "Deaths rose 30%: from ... to ...": the label is a claim, the item prose
            if _FIGURE_START.match(body, value[0]) and "\n\n" not in item:
                return label, value
        if separator.search(item):
            break  # the first kind of separator the item has is its label's, if any
    # "70,601 in 2021" under "Deaths involving synthetic opioids:": the sentence labels it.
    words = item.split()
    if introduced and len(words) <= 10 and not item.rstrip().endswith((".", "!", "?")):
        return None, span
    return None


def _list_blocks(body: str, raw: RawList, context: tuple[Span, ...], introduced: bool):
    for start, end in raw.items:
        found = _figure_item(body, start, end, introduced)
        if found is None:
            continue
        label, value = found
        yield Block(start, end, (Cell(value[0], value[1], context, (), (label,) if label else ()),))


# -- what labels a block from outside: the heading above it, the sentence introducing it ---

_TABLE_CAPTION = re.compile(r"(?:Table|Exhibit)\s+[\dA-Z]{1,4}\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _intro(body: str, pos: int, headings: list[Span], starts: list[int]) -> Span | None:
    """The sentence right before ``pos`` that introduces what follows: one ending with a
    colon ("Final counts by year:"), or a table caption line ("Table 2. Deaths by drug")."""
    end = pos
    while end > 0 and body[end - 1].isspace() and pos - end < _INTRO_CHARS:
        end -= 1
    if end == 0 or body[end - 1].isspace():
        return None
    window = max(0, end - _INTRO_CHARS)
    breaks = list(_PARAGRAPH_BREAK.finditer(body, window, end))
    start = breaks[-1].end() if breaks else window
    span = _trim(body, start, end)
    if span is None:
        return None
    start, end = span
    # A heading is a label of its own: the introduction is what follows the last one.
    i = bisect.bisect_left(starts, end) - 1
    if i >= 0 and headings[i][1] > start:
        if headings[i][1] >= end:
            return None
        start = headings[i][1]
    span = _trim(body, start, end)
    if span is None:
        return None
    start, end = span
    if body[end - 1] == ":":
        # The sentence the colon ends, not the paragraph before it.
        ends = list(re.finditer(r"[.!?][\"”’)]?\s", body[start : end - 1]))
        start = start + ends[-1].end() if ends else start
        return _trim(body, start, end - 1)
    if _TABLE_CAPTION.match(body, start) and "\n" not in body[start:end]:
        return span
    return None


# How much text may stand between a heading and the table or list it titles.
_HEADING_GAP = 600


def _heading_before(
    body: str, headings: list[Span], starts: list[int], pos: int, others: list[Span]
) -> Span | None:
    """The heading that titles what starts at ``pos``: the nearest one above it, unless
    another table or list, or more than a paragraph of text, stands between them (then it
    heads a section, not this table or list)."""
    i = bisect.bisect_right(starts, pos) - 1
    while i >= 0 and headings[i][1] > pos:
        i -= 1
    if i < 0:
        return None
    heading = headings[i]
    gap = _trim(body, heading[1], pos)
    if gap is not None and gap[1] - gap[0] > _HEADING_GAP:
        return None
    k = bisect.bisect_left(others, (heading[1], -1))
    if k < len(others) and others[k][0] < pos and others[k][1] <= pos:
        return None  # another table or list lies between
    return heading


def build_blocks(
    body: str,
    tables: list[RawTable],
    lists: list[RawList],
    headings: list[Span],
) -> list[Block]:
    """The tables and figure list items of a document, with the labels of every value."""
    if not tables and not lists:
        return []
    headings = sorted(h for h in (_trim(body, *h) for h in headings) if h)
    starts = [h[0] for h in headings]
    others = sorted(
        [(min(t.start, t.caption[0]) if t.caption else t.start, t.end) for t in tables]
        + [(x.start, x.items[-1][1]) for x in lists if x.items]
    )
    blocks: list[Block] = []

    def context(pos: int, caption: Span | None = None) -> tuple[tuple[Span, ...], bool]:
        heading = _heading_before(body, headings, starts, pos, others)
        intro = _intro(body, pos, headings, starts)
        caption = _trim(body, *caption) if caption else None
        spans = tuple(s for s in (heading, intro, caption) if s)
        return spans, intro is not None

    for table in tables:
        spans, _ = context(table.caption[0] if table.caption else table.start, table.caption)
        block = _table_block(body, table, spans)
        if block is not None:
            blocks.append(block)
    for raw in lists:
        if not raw.items:
            continue
        spans, introduced = context(raw.start)
        blocks.extend(_list_blocks(body, raw, spans, introduced))
    blocks.sort(key=lambda b: (b.start, -b.end))
    # Blocks never overlap: of nested structures (a list in a table cell) the outer one is read.
    kept: list[Block] = []
    for block in blocks:
        if not kept or block.start >= kept[-1].end:
            kept.append(block)
    return kept
