"""Shared helpers of the readers: a Layout (what to hide) and the linear-time body builder.

Readers never rebuild strings as they go. They only record ranges to blank (and, for HTML
character references, single replacement characters); ``build_body`` turns the ranges into
the body in one pass, so a 50 MB file costs one sort and one join.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from factcheck.load.structure import RawList, RawTable
from factcheck.model import Marker

_NOT_NEWLINE = re.compile(r"[^\r\n]+")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+")
_URL_TRAIL = ".,;:!?)]}’'\"”"  # punctuation of the sentence around a URL, not part of it


@dataclass
class Layout:
    """What a reader found in one text: zones to blank, markers, replacements, a date."""

    zones: list[tuple[int, int]] = field(default_factory=list)  # not body: blanked
    markers: list[Marker] = field(default_factory=list)  # blanked too, and reported
    replace: dict[int, str] = field(default_factory=dict)  # offset -> char the body shows
    date: str | None = None
    warnings: list[str] = field(default_factory=list)
    # The shape of tables and lists, and the headings' text (see load.structure).
    tables: list[RawTable] = field(default_factory=list)
    lists: list[RawList] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)

    def hide(self, start: int, end: int) -> None:
        if end > start:
            self.zones.append((start, end))

    def mark(self, start: int, end: int, label: str) -> None:
        self.markers.append(Marker(start, end, label))

    def shift(self, offset: int) -> Layout:
        """The same layout for a text that starts ``offset`` characters later."""
        return Layout(
            zones=[(s + offset, e + offset) for s, e in self.zones],
            markers=[Marker(m.start + offset, m.end + offset, m.label) for m in self.markers],
            replace={k + offset: v for k, v in self.replace.items()},
            date=self.date,
            warnings=list(self.warnings),
            tables=[t.shifted(offset) for t in self.tables],
            lists=[x.shifted(offset) for x in self.lists],
            headings=[(s + offset, e + offset) for s, e in self.headings],
        )

    def extend(self, other: Layout) -> None:
        self.zones.extend(other.zones)
        self.markers.extend(other.markers)
        self.replace.update(other.replace)
        self.warnings.extend(other.warnings)
        self.tables.extend(other.tables)
        self.lists.extend(other.lists)
        self.headings.extend(other.headings)
        self.date = self.date or other.date


def url_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of every URL in text[start:end], without the punctuation that follows it."""
    for m in _URL.finditer(text, start, len(text) if end is None else end):
        stop = m.end()
        while stop > m.start() and text[stop - 1] in _URL_TRAIL:
            stop -= 1
        yield m.start(), stop


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the end before its "\\n" (and a "\\r" before that)."""
    spans = []
    start = 0
    find = text.find
    while True:
        nl = find("\n", start)
        if nl == -1:
            end = len(text)
            spans.append((start, end - 1 if end > start and text[end - 1] == "\r" else end))
            return spans
        end = nl - 1 if nl > start and text[nl - 1] == "\r" else nl
        spans.append((start, end))
        start = nl + 1


def merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of half-open ranges."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def inside(merged: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of the merged ranges."""
    i = bisect.bisect_right(merged, (pos, float("inf"))) - 1
    return i >= 0 and merged[i][0] <= pos < merged[i][1]


def _blank(segment: str) -> str:
    if "\n" not in segment and "\r" not in segment:
        return " " * len(segment)
    return _NOT_NEWLINE.sub(lambda m: " " * len(m.group()), segment)


def build_body(
    text: str, ranges: list[tuple[int, int]], replace: dict[int, str] | None = None
) -> str:
    """``text`` with every range blanked (newlines kept) and single characters replaced.

    A replacement outside the blanked ranges shows its character instead of the original
    one (HTML character references); inside a blanked range the blank wins.
    """
    zones = merge(ranges)
    edits = [(s, e, "") for s, e in zones]
    if replace:
        edits.extend((p, p + 1, ch) for p, ch in replace.items() if not inside(zones, p))
        edits.sort()
    pieces: list[str] = []
    pos = 0
    n = len(text)
    for s, e, fill in edits:
        s, e = max(s, pos), min(e, n)
        if e <= s:
            continue
        pieces.append(text[pos:s])
        pieces.append(fill if fill else _blank(text[s:e]))
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)
