"""The data that flows through the pipeline: Document -> Claim -> Finding.

These dataclasses are the schema in code. Their JSON forms are the contracts described in
docs/ARCHITECTURE.md and the README, and validated by the JSON Schemas in ``factcheck/schemas/``.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
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


@dataclass
class ClaimFields:
    """The fields of a claim, in order, with their types and defaults: the schema of ``Claim``
    in code (never made itself; ``Claim`` holds them more compactly)."""

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

    def __post_init__(self) -> None:  # the dataclass's __init__ calls it: Claim's does not
        raise TypeError("ClaimFields is a schema: make a Claim")


# The fields that almost every claim leaves at None: held in one dict per claim (None when
# all are None) rather than a slot each. A million claims hold a million of each slot; these
# ten slots were a quarter of a claim's own size.
RARE_CLAIM_FIELDS = ("currency_year", "citation", "from_period", "to_period", "change",
                     "factor", "extreme", "suppressed", "suppressed_rules", "position",
                     "context_before")  # fmt: skip

# The fields a claim makes again from its others when read (see Claim.drop_derived).
DERIVED_CLAIM_FIELDS = ("surface", "id")


class Claim:
    """One numeric statement found in a document (see "The claim (contract)"); its fields
    are ``ClaimFields``'. A slotted object: the fields of RARE_CLAIM_FIELDS in one dict, the
    end held as the length from the start, the surface and id made again when read once
    ``drop_derived`` has dropped them (docs/ARCHITECTURE.md, "Holding many claims and
    findings"). ``dataclasses.fields``, ``asdict`` and ``replace`` read it as they read a
    dataclass."""

    __slots__ = tuple(
        name
        for name in ClaimFields.__dataclass_fields__
        if name not in RARE_CLAIM_FIELDS and name not in DERIVED_CLAIM_FIELDS and name != "end"
    ) + ("_rare", "_surface", "_length")
    __dataclass_fields__ = ClaimFields.__dataclass_fields__
    __dataclass_params__ = ClaimFields.__dataclass_params__  # type: ignore[attr-defined]
    __match_args__ = ClaimFields.__match_args__
    __eq__ = ClaimFields.__eq__  # field by field, as a dataclass compares
    __repr__ = ClaimFields.__repr__
    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        doc: str,
        start: int,
        end: int,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        surface: str,
        sentence: str,
        value: float | None,
        low: float | None,
        high: float | None,
        unit: str,
        qualifier: str,
        kind: str,
        noun: str | None = None,
        measure: str | None = None,
        period: str | None = None,
        place: str | None = None,
        currency_year: int | None = None,
        citation: str | None = None,
        from_period: str | None = None,
        to_period: str | None = None,
        change: float | None = None,
        factor: float | None = None,
        resolution: float | None = None,
        extreme: str | None = None,
        suppressed: str | None = None,
        suppressed_rules: list[str] | None = None,
        sentence_offset: int | None = None,
        frame: dict[str, Any] | None = None,
        attribution: list[str] | None = None,
        position: dict[str, Any] | None = None,
        id: str = "",
        sentence_start: int | None = None,
        context_before: str | None = None,
    ) -> None:
        self.doc, self.start = doc, start
        # The end is held as the surface's length in the text: a small number, where an
        # offset into a large file is an object of 28 bytes of its own. So moving a claim's
        # start moves its whole span.
        self._length = end - start
        self.line, self.column, self.end_line, self.end_column = line, column, end_line, end_column
        self._surface: str | None = surface
        self.sentence = sentence
        self.value, self.low, self.high = value, low, high
        self.unit, self.qualifier, self.kind = unit, qualifier, kind
        self.noun, self.measure, self.period, self.place = noun, measure, period, place
        self.resolution = resolution
        self.sentence_offset, self.frame, self.attribution = sentence_offset, frame, attribution
        self.sentence_start = sentence_start
        rare = (currency_year, citation, from_period, to_period, change, factor, extreme,
                suppressed, suppressed_rules, position, context_before)  # fmt: skip
        self._rare: dict[str, Any] | None = None
        if rare.count(None) != len(rare):
            self._rare = {
                k: v for k, v in zip(RARE_CLAIM_FIELDS, rare, strict=True) if v is not None
            }
        if id:  # else made from the claim (claim_id) when read
            self._set_rare("id", id)

    @property
    def end(self) -> int:
        return self.start + self._length

    @end.setter
    def end(self, value: int) -> None:
        self._length = value - self.start

    # A claim's surface and id are most of its own strings, and most claims can make them
    # again: the surface is its sentence's characters at sentence_offset, the id a hash of
    # its place. ``compact.share_strings`` drops those that can be made again (a surface of
    # None, no id among the rare fields) once the claim is final; they are made again each
    # time they are read.
    @property
    def surface(self) -> str:
        surface = self._surface
        if surface is None:
            start = self.sentence_offset
            return self.sentence[start : start + self._length]  # type: ignore[operator]
        return surface

    @surface.setter
    def surface(self, value: str) -> None:
        self._surface = value

    @property
    def id(self) -> str:
        rare = self._rare
        held = None if rare is None else rare.get("id")
        return held or claim_id(self.doc, self.start, self.end, self.surface)

    @id.setter
    def id(self, value: str) -> None:
        self._set_rare("id", value or None)

    def given_id(self) -> str:
        """The id the claim holds, "" when it makes its id from its place (``id``)."""
        rare = self._rare
        return "" if rare is None else rare.get("id", "")

    def _set_rare(self, name: str, value: Any) -> None:
        """Hold a field among the rare ones (None: not at all)."""
        rare = self._rare
        if value is not None:
            if rare is None:
                self._rare = {name: value}
            else:
                rare[name] = value
        elif rare is not None:
            rare.pop(name, None)
            if not rare:
                self._rare = None

    def drop_derived(self) -> None:
        """Stop holding the surface and id where they can be made again from the claim's
        other fields. Only for a final claim: a later change of its sentence, offsets or
        place would change what they are made as."""
        surface = self._surface
        if surface is not None and self.sentence_offset is not None:
            start = self.sentence_offset
            if self.sentence[start : start + self._length] == surface:
                self._surface = None
        rare = self._rare
        if rare is not None and rare.get("id") == claim_id(
            self.doc, self.start, self.end, self.surface
        ):
            self._set_rare("id", None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the claim: the contract fields, without internal offsets."""
        # As asdict copies it (nested lists and dicts copied), without its deep copy of
        # every string and number: a JSON report of many claims spent a third of its time there.
        return {name: _plain(getattr(self, name)) for name in CLAIM_FIELDS}

    def to_row(self) -> dict[str, Any]:
        """The claim as one row of a table (CSV): nested fields (frame, attribution) as JSON."""
        return {
            key: json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value
            for key, value in self.to_dict().items()
        }


def _rare_field(name: str) -> property:
    """A field of RARE_CLAIM_FIELDS: read from and written to the claim's dict of them."""

    def get(claim: Claim) -> Any:
        rare = claim._rare
        return None if rare is None else rare.get(name)

    def set_(claim: Claim, value: Any) -> None:
        claim._set_rare(name, value)

    return property(get, set_, doc=f"the claim's {name} (None for most claims)")


for _name in RARE_CLAIM_FIELDS:
    setattr(Claim, _name, _rare_field(_name))


# Offsets the pipeline uses that are not part of a claim's JSON form.
CLAIM_INTERNAL_FIELDS = ("start", "end", "sentence_start", "context_before")
# The fields of a claim's JSON form, in order (the columns of the CSV formats).
CLAIM_FIELDS = [name for name in Claim.__dataclass_fields__ if name not in CLAIM_INTERNAL_FIELDS]


def claim_order(claim: Claim) -> tuple[str, int, int, str]:
    """The total order of claims (by document, then place): the check stage groups, pairs
    and picks claims in this order, so that its findings, their primary place and their ids
    never depend on the order in which files were given or read. (The surface last, not the
    id that is made from these four: as total an order, without hashing every claim.)"""
    return (claim.doc, claim.start, claim.end, claim.surface)


def in_claim_order(claims: list[Claim], focus: Collection[str] = ()) -> list[Claim]:
    """The claims in claim_order, the claims of the documents in ``focus`` after all others:
    the list itself when it is in that order already (as extraction and the pipeline give
    it), else a new list. Sorted document by document, so that the sort keys (a tuple and a
    surface per claim) are made for one document's claims at a time, not for a million."""
    if _in_order(claims, focus):
        return claims
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        found = by_doc.get(claim.doc)
        if found is None:
            by_doc[claim.doc] = [claim]
        else:
            found.append(claim)
    ordered: list[Claim] = []
    for doc in sorted(by_doc, key=lambda doc: (doc in focus, doc)):
        group = by_doc.pop(doc)
        group.sort(key=claim_order)
        ordered += group
    return ordered


def _in_order(claims: list[Claim], focus: Collection[str]) -> bool:
    """Whether the claims are in the order in_claim_order gives (two at a time: no key
    is kept)."""
    previous = None
    for claim in claims:
        if previous is not None:
            doc, before = claim.doc, previous.doc
            if doc != before:
                if not (before in focus, before) < (doc in focus, doc):
                    return False
            elif claim.start <= previous.start and claim_order(previous) > claim_order(claim):
                return False
        previous = claim
    return True


def claim_id(doc: str, start: int, end: int, surface: str) -> str:
    """A stable identifier: the same claim at the same place always gets the same id."""
    digest = hashlib.sha1(f"{doc}\0{start}\0{end}\0{surface}".encode()).hexdigest()
    return "c" + digest[:12]


# The fields of a claim a finding carries (its place and what it says), in their JSON order.
CLAIM_REF_FIELDS = ("id", "doc", "line", "column", "end_line", "end_column", "surface",
                    "sentence", "sentence_offset", "value", "low", "high", "unit", "period",
                    "measure", "position")  # fmt: skip
_GETTERS = {name: attrgetter(name) for name in CLAIM_REF_FIELDS}


class ClaimRef(Mapping):
    """The part of a claim a finding carries, read from the claim rather than copied into a
    dict of its own: a report of a million claims has as many findings, and a dict of 16
    keys each doubled the memory a check takes. A read-only mapping of CLAIM_REF_FIELDS
    (Finding.to_dict writes it as a plain dict); the check stage never changes these fields
    of a claim once it is extracted."""

    __slots__ = ("_claim",)

    def __init__(self, claim: Claim) -> None:
        self._claim = claim

    def __getitem__(self, key: str) -> Any:
        return _GETTERS[key](self._claim)  # KeyError for any other key, as a dict's

    def __iter__(self) -> Iterator[str]:
        return iter(CLAIM_REF_FIELDS)

    def __len__(self) -> int:
        return len(CLAIM_REF_FIELDS)

    def __repr__(self) -> str:
        return f"ClaimRef({dict(self)!r})"


# The fields of a finding's JSON form, in order.
FINDING_FIELDS = ("rule", "severity", "message", "claims", "reference", "expected", "actual",
                  "difference", "tolerance", "measure", "explanation", "id")  # fmt: skip

_HEX12 = re.compile("[0-9a-f]{12}")


class Recipe(tuple):
    """(make, *shared): how findings are worded when read (Finding.word_later_by), by
    ``make(*the finding's claims, *shared)``. One recipe serves all the findings of a
    subject or group (a tuple of its own per finding was a quarter of a finding's size)."""

    __slots__ = ()


class Finding:
    """What the check stage concludes about one or more claims (see "The finding (contract)").

    Held compactly: a check of a million claims makes hundreds of thousands of findings, and
    their sentences were most of the memory it took. A finding may be worded only when read
    (``word_later``): it then holds the function that made it and that function's
    arguments (the claims, reference rows and figures it compared) instead of its message,
    explanation, expected and actual, and makes the same words each time they are asked
    for. The claims it names through ClaimRef views are held as the claims themselves.
    """

    __slots__ = ("rule", "severity", "_claims", "reference", "difference", "tolerance",
                 "measure", "_id", "_words")  # fmt: skip

    def __init__(
        self,
        rule: str,  # contradiction, reference-mismatch, ..., verified, unverifiable
        severity: str,  # error, warning, info
        message: str = "",
        # Where each claim involved is ({"id", "doc", "line", "column", ...}); the first is
        # the primary place, where an editor's cursor goes.
        claims: list[Mapping[str, Any]] | None = None,
        reference: dict[str, Any] | None = None,  # dataset, value, period, source, url, status
        expected: Any = None,
        actual: Any = None,
        difference: float | None = None,  # relative
        tolerance: Any = None,
        measure: str | None = None,
        explanation: list[str] | None = None,  # the chain of reasoning, for --explain
        id: str = "",
    ) -> None:
        self.rule, self.severity = rule, severity
        # (message, explanation, expected, actual), or (make, *args) or a Recipe that makes
        # them again
        self._words: tuple[Any, ...] = (
            message, explanation if explanation is not None else [], expected, actual)  # fmt: skip
        self.claims = claims if claims is not None else []
        self.reference = reference
        self.difference, self.tolerance, self.measure = difference, tolerance, measure
        if not id:
            key = "\0".join((rule, *self.claim_ids()))
            if reference:
                key += "\0" + str(reference.get("dataset")) + str(reference.get("period"))
            id = "f" + hashlib.sha1(key.encode()).hexdigest()[:12]
        self.id = id

    @property
    def id(self) -> str:
        held = self._id
        return held if held.__class__ is str else f"f{held:012x}"

    @id.setter
    def id(self, value: str) -> None:
        # An id as made above ("f" and 12 hex digits) is held as its number: half the size.
        if len(value) == 13 and value[0] == "f" and _HEX12.fullmatch(value, 1):
            self._id: int | str = int(value[1:], 16)
        else:
            self._id = value

    @property
    def claims(self) -> list[Mapping[str, Any]]:
        held = self._claims
        if held.__class__ is Claim:
            return [ClaimRef(held)]
        if held.__class__ is tuple:
            return [ClaimRef(claim) for claim in held]
        return held

    def claim_ids(self) -> tuple[str, ...]:
        """The ids of the claims named, in order, without making their views (``claims``)."""
        held = self._claims
        if held.__class__ is Claim:
            return (held.id,)  # type: ignore[union-attr]
        return tuple(c.id if c.__class__ is Claim else c["id"] for c in held)

    def first_claim(self) -> Claim | None:
        """The first claim named, when the finding holds the claim itself (as the check
        stage's findings do), else None."""
        held = self._claims
        first = held if held.__class__ is Claim else held[0] if held else None
        return first if first.__class__ is Claim else None

    def primary_place(self) -> tuple[str, int, int]:
        """(doc, line, column) of the first claim named: where an editor's cursor goes, and
        what findings are sorted by."""
        held = self._claims
        first = held if held.__class__ is Claim else held[0]
        if first.__class__ is Claim:
            return first.doc, first.line, first.column  # type: ignore[union-attr]
        return first["doc"], first["line"], first["column"]

    @claims.setter
    def claims(self, value: list[Mapping[str, Any]]) -> None:
        if self._words.__class__ is Recipe:  # its words are made from its claims: made now
            self._words = self._worded()
        # ClaimRef views are held as their claims (a list and a view each cost more than the
        # claim's reference); any other mappings (plain dicts) as given.
        if len(value) == 1 and value[0].__class__ is ClaimRef:  # most findings: one claim
            self._claims = value[0]._claim  # type: ignore[attr-defined]
        elif all(ref.__class__ is ClaimRef for ref in value):
            claims = tuple(ref._claim for ref in value)  # type: ignore[attr-defined]
            self._claims = claims[0] if len(claims) == 1 else claims
        else:
            self._claims = value

    def _reword(self, index: int, value: Any) -> None:
        words = list(self._worded())
        words[index] = value
        self._words = tuple(words)

    def _worded(self) -> tuple[Any, ...]:
        """(message, explanation, expected, actual), made again if the finding was worded
        later. The last finding so worded is remembered: a report reads its message, then its
        explanation."""
        words = self._words
        if words[0].__class__ is str:
            return words
        global _last_worded
        if _last_worded[0] is self:
            return _last_worded[1]
        if words.__class__ is Recipe:
            held = self._claims
            claims = (held,) if held.__class__ is Claim else held
            made = words[0](*claims, *words[1:])._words
        else:
            made = words[0](*words[1:])._words
        assert made[0].__class__ is str, "the function that makes a finding words it"
        _last_worded = (self, made)
        return made

    def word_later(self, make: Callable[..., Finding], *args: Any) -> Finding:
        """This finding, its words dropped and made again when read, by ``make(*args)``: the
        function that made the finding, which must make the same finding from the same
        arguments (a pure function of claims, reference rows, catalog and figures)."""
        self._words = (make, *args)
        _forget_words(self)
        return self

    def word_later_by(self, recipe: Recipe) -> Finding:
        """As word_later, with ``make(*this finding's claims, *shared)``: one recipe
        shared by many findings, which must hold their claims themselves (as the check
        stage's do), in the order ``make`` takes them."""
        held = self._claims
        assert held.__class__ is Claim or all(c.__class__ is Claim for c in held)
        self._words = recipe
        _forget_words(self)
        return self

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, as ``asdict`` made it when a finding was a dataclass; the claims
        named are written as plain dicts."""
        message, explanation, expected, actual = self._worded()
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": message,
            "claims": _plain(self.claims),
            "reference": _plain(self.reference),
            "expected": _plain(expected),
            "actual": _plain(actual),
            "difference": self.difference,
            "tolerance": _plain(self.tolerance),
            "measure": self.measure,
            "explanation": list(explanation),
            "id": self.id,
        }

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in FINDING_FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={value!r}" for name, value in zip(FINDING_FIELDS, self._values(), strict=True)
        )
        return f"Finding({fields})"


def _worded_field(index: int, name: str) -> property:
    """A finding's message, explanation, expected or actual: read from its words (made
    again if it was worded later), set by replacing that one word."""

    def get(finding: Finding) -> Any:
        return finding._worded()[index]

    def set_(finding: Finding, value: Any) -> None:
        finding._reword(index, value)

    return property(get, set_, doc=f"the finding's {name}")


# The order of a finding's words in Finding._words.
for _index, _name in enumerate(("message", "explanation", "expected", "actual")):
    setattr(Finding, _name, _worded_field(_index, _name))


# The finding last worded again, and its words.
_last_worded: tuple[Any, tuple[Any, ...]] = (None, ("", [], None, None))


def _forget_words(finding: Finding) -> None:
    """The finding's words are to be made anew: forget them if they were the last made."""
    global _last_worded
    if _last_worded[0] is finding:
        _last_worded = (None, ("", [], None, None))


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
