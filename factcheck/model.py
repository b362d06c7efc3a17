"""The data that flows through the pipeline: Document -> Claim -> Finding.

These dataclasses are the schema in code. Their JSON forms are the contracts described in
docs/ARCHITECTURE.md and the README, and validated by the JSON Schemas in ``factcheck/schemas/``.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.load.binary import PositionMap

# Qualifiers and kinds are closed vocabularies (the claim schema lists the same values).
QUALIFIERS = (
    "exact",
    "about",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "nearly",
    "range",
    "vague",
)
KINDS = (
    "count",
    "money",
    "percent",
    "measurement",
    "multiplier",
    "change",
    "rate",
    "duration",
    "rank",
    "age",
)


@dataclass(frozen=True)
class Marker:
    """A footnote or endnote marker found in the body, e.g. ``<sup>12</sup>`` or ``[12]``.

    ``start``/``end`` are offsets into ``Document.text``; ``label`` is what the marker says ("12").
    """

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Cell:
    """One value of a table, or of a "label: figure" list item, read as a sentence of its own.

    ``start``/``end`` are the value's text in ``Document.text``; the other fields are spans of
    ``Document.text`` that label it (see ``load.structure`` and ``extract.cells``).
    """

    start: int
    end: int
    context: tuple[tuple[int, int], ...] = ()  # heading, introducing sentence, caption
    columns: tuple[tuple[int, int], ...] = ()  # its column's header cells, top first
    row: tuple[tuple[int, int], ...] = ()  # the row headers' column header, the row header;
    # for a list item, its own label

    @property
    def labels(self) -> tuple[tuple[int, int], ...]:
        """Every label, the farthest first."""
        return self.context + self.columns + self.row


@dataclass(frozen=True)
class Block:
    """A table or a figure list item: text[start:end] is read cell by cell, never as prose."""

    start: int
    end: int
    cells: tuple[Cell, ...] = ()


@dataclass
class Document:
    """One input file, decoded, with the parts that may hold claims marked out.

    ``text`` is the original file as decoded. ``body`` has exactly the same length: every
    character that is not body prose (markup, code, front matter, footnote text, reference
    lists, navigation, citation markers) is replaced by a space, newlines are kept. Working on
    ``body`` lets the extractor ignore markup while every offset it finds is still an offset
    into the original text, so positions are exact by construction.
    """

    path: str
    text: str
    body: str
    markers: list[Marker] = field(default_factory=list)
    date: str | None = None  # ISO date of the document (front matter, dateline), if known
    warnings: list[str] = field(default_factory=list)
    # Tables and figure lists, in order of position (offsets into ``text``).
    blocks: list[Block] = field(default_factory=list)
    # Where ``text`` starts in the file, when it is one section of a larger one (see
    # load.sections); offsets into ``text`` plus ``offset`` are offsets into the whole file.
    offset: int = 0
    first_line: int = 1
    first_column: int = 1
    # For a document converted from a binary format (Word, PDF): where each character of
    # ``text`` is in the document (see load.binary); lines and columns then come from it.
    positions: PositionMap | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if len(self.body) != len(self.text):
            raise ValueError(f"{self.path}: body and text differ in length")
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    def place_at(self, offset: int, line: int, column: int) -> None:
        """Say that this text is a section of a larger file that starts at that position."""
        self.offset, self.first_line, self.first_column = offset, line, column

    def position(self, offset: int, *, end: bool = False) -> tuple[int, int]:
        """The 1-based (line, column) in the file of an offset into ``text``; columns count
        characters. In a converted document, the place's line (a Word paragraph) and the
        character within it; ``end`` says the offset is just past a span (it then belongs to
        the place before it)."""
        if self.positions:
            found = self.positions.line_column(offset, end=end)
            if found is not None:
                return found
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[line_index] + 1
        if line_index == 0:
            column += self.first_column - 1
        return self.first_line + line_index, column

    def location(self, start: int, end: int) -> dict[str, Any] | None:
        """Where text[start:end] is in a converted document (a claim's ``position``), or
        None for a text document, whose line and column say it all."""
        return self.positions.span(start, end) if self.positions else None


@dataclass(slots=True)
class Claim:
    """One numeric statement found in a document (see "The claim (contract)")."""

    doc: str
    start: int  # offset of the surface in Document.text
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    surface: str
    sentence: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    kind: str
    noun: str | None = None
    measure: str | None = None
    period: str | None = None
    place: str | None = None
    currency_year: int | None = None
    citation: str | None = None
    from_period: str | None = None
    to_period: str | None = None
    change: float | None = None
    factor: float | None = None
    # How many significant decimals the number was written with, for rounding-aware tolerance:
    # "1.22 million" was written to the nearest 0.01 million, so its resolution is 10,000.
    resolution: float | None = None
    # "the highest ever", "a record": the claim says its value is the maximum ("max") or
    # minimum ("min") over all periods, which other periods' claims can contradict.
    extreme: str | None = None
    # Why findings about this claim are not reported (an inline "factcheck: ignore"), if so,
    # and of which rules (None: of every rule).
    suppressed: str | None = None
    suppressed_rules: list[str] | None = None
    # Where the surface starts in ``sentence`` (a character offset), so that the match stage
    # can read the words around the number without searching for it.
    sentence_offset: int | None = None
    # What the match stage read about the number (its frame: the counted thing, agent,
    # substance, scope, span, ...) and why it attributed the claim to its measure or to none.
    frame: dict[str, Any] | None = None
    attribution: list[str] | None = None
    # In a Word or PDF document, where the number is in the document's own terms:
    # {"label": "¶14:23", "start": {"paragraph": 14, "char": 23}, "end": {...}} (load.binary).
    position: dict[str, Any] | None = None
    id: str = ""
    # Offset of the claim's sentence in the file, to tell one sentence from the next (internal).
    sentence_start: int | None = None
    # The sentence before, when this one refers back to it ("of these deaths") (internal).
    context_before: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = claim_id(self.doc, self.start, self.end, self.surface)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the claim: the contract fields, without internal offsets."""
        data = asdict(self)
        for name in CLAIM_INTERNAL_FIELDS:
            data.pop(name)
        return data

    def to_row(self) -> dict[str, Any]:
        """The claim as one row of a table (CSV): nested fields (frame, attribution) as JSON."""
        return {
            key: json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value
            for key, value in self.to_dict().items()
        }


# Offsets the pipeline uses that are not part of a claim's JSON form.
CLAIM_INTERNAL_FIELDS = ("start", "end", "sentence_start", "context_before")
# The fields of a claim's JSON form, in order (the columns of the CSV formats).
CLAIM_FIELDS = [name for name in Claim.__dataclass_fields__ if name not in CLAIM_INTERNAL_FIELDS]


def claim_order(claim: Claim) -> tuple[str, int, int, str]:
    """The total order of claims (by document, then place): the check stage groups, pairs
    and picks claims in this order, so that its findings, their primary place and their ids
    never depend on the order in which files were given or read."""
    return (claim.doc, claim.start, claim.end, claim.id)


def claim_id(doc: str, start: int, end: int, surface: str) -> str:
    """A stable identifier: the same claim at the same place always gets the same id."""
    digest = hashlib.sha1(f"{doc}\0{start}\0{end}\0{surface}".encode()).hexdigest()
    return "c" + digest[:12]


@dataclass(slots=True)
class Finding:
    """What the check stage concludes about one or more claims (see "The finding (contract)")."""

    rule: str  # contradiction, reference-mismatch, change-mismatch, relation-mismatch, verified, unverifiable
    severity: str  # error, warning, info
    message: str
    # Where each claim involved is ({"id", "doc", "line", "column", ...}); the first is the
    # primary place, where an editor's cursor goes.
    claims: list[dict[str, Any]]
    reference: dict[str, Any] | None = None  # dataset, value, period, source, url, status
    expected: Any = None
    actual: Any = None
    difference: float | None = None  # relative
    tolerance: Any = None
    measure: str | None = None
    explanation: list[str] = field(default_factory=list)  # the chain of reasoning, for --explain
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            key = "\0".join([self.rule] + [c["id"] for c in self.claims])
            if self.reference:
                key += "\0" + str(self.reference.get("dataset")) + str(self.reference.get("period"))
            self.id = "f" + hashlib.sha1(key.encode()).hexdigest()[:12]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, as ``asdict`` makes it; the claims named may be mappings that read
        the claim (check.findings.ClaimRef), written as plain dicts."""
        return {name: _plain(getattr(self, name)) for name in Finding.__dataclass_fields__}


def _plain(value: Any) -> Any:
    """A JSON value copied as ``asdict`` copies one, any mapping made a dict."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(item) for item in value)
    return value


REPORT_VERSION = "1.0"  # bump the minor for added fields, the major for anything else


@dataclass
class Report:
    """Everything one `factcheck check` run found, as the report formats present it.

    ``inputs`` holds one entry per document read: ``{"path", "sha256", "claims"}``;
    ``catalog`` and ``references`` say which configuration was used: ``{"path", "sha256"}``;
    ``summary`` counts documents, claims and findings by severity and rule, and the time taken.
    """

    tool: dict[str, Any]
    inputs: list[dict[str, Any]]
    catalog: dict[str, Any] | None
    references: dict[str, Any] | None
    claims: list[Claim]
    findings: list[Finding]
    summary: dict[str, Any]
    version: str = REPORT_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {key: list(value) if key in self.STREAMED else value for key, value in self.items()}

    STREAMED = ("claims", "findings")  # the parts that grow with the input

    def items(self) -> Iterator[tuple[str, Any]]:
        """The fields of the JSON form in order; claims and findings as iterators of their
        JSON forms, made one at a time, so that a writer can stream a large report."""
        yield "version", self.version
        yield "tool", self.tool
        yield "inputs", self.inputs
        yield "catalog", self.catalog
        yield "references", self.references
        yield "claims", (c.to_dict() for c in self.claims)
        yield "findings", (f.to_dict() for f in self.findings)
        yield "summary", self.summary
