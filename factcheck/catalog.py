"""claims.yaml -> Catalog: the measures claims are matched to, relations, suppressions.

Loading validates everything a run depends on, so that a mistake in the catalog is reported
once, up front, as ``file:line: what is wrong`` (a ConfigError, exit code 2), instead of as a
traceback or a silent non-match halfway through a run:

- YAML syntax, and duplicate keys (which YAML itself silently accepts);
- the JSON Schema ``factcheck/schemas/catalog.schema.json``;
- units parse with the shared registry, tolerances are valid for their measure's unit;
- regular expressions compile for RE2, a linear-time engine (see ``regex_safety``);
- YAML aliases do not expand the document past a bound (an "alias bomb");
- measure and relation ids are unique, relations parse, use only known measures and compare
  quantities of the same dimension; suppressions name known measures.

Lines come from the YAML node tree: one parse with ``yaml.compose`` gives both the data and a
map from each JSON path (``measures[3].unit``) to the line it is written on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import yaml

from factcheck.errors import ConfigError
from factcheck.interval import Interval
from factcheck.model import Claim, claim_id
from factcheck.regex_safety import UnsafePattern, UserPattern, compile_user_pattern
from factcheck.relations import (
    RelationExpr,
    RelationSyntaxError,
    evaluate,
    evaluate_side,
    parse_relation,
)
from factcheck.units import parse_unit, ureg

if TYPE_CHECKING:
    import jsonschema

JsonPath = tuple[str | int, ...]

# Place names a catalog may use instead of ISO codes (claims carry ISO codes).
_PLACE_ALIASES = {
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "america": "US",
    "mexico": "MX",
    "méxico": "MX",
    "mex": "MX",
    "china": "CN",
    "prc": "CN",
    "colombia": "CO",
    "canada": "CA",
}
ANY_PLACE = "any"


def normalize_place(place: str | None) -> str | None:
    """ISO code for a place name ("Mexico" -> "MX"); codes pass through upper-cased."""
    if place is None:
        return None
    text = " ".join(place.strip().split())
    alias = _PLACE_ALIASES.get(text.lower())
    if alias:
        return alias
    if len(text) <= 3 and text.isalpha():
        return text.upper()
    return text


@dataclass(frozen=True)
class Tolerance:
    """How far a figure may be from another and still agree.

    ``relative`` is a share of the value (0.02 for "2%"); ``absolute`` is an amount in
    ``unit`` (None: the unit of the measure it applies to)."""

    text: str
    relative: float | None = None
    absolute: float | None = None
    unit: str | None = None

    @classmethod
    def parse(cls, value: str | int | float) -> Tolerance:
        """'2%', 3, '500', '0.5 mg' -> Tolerance; ValueError if it is none of these."""
        if isinstance(value, bool):
            raise ValueError(f"'{value}' is not a tolerance")
        if isinstance(value, (int, float)):
            if value < 0:
                raise ValueError(f"'{value}' is not a tolerance: it cannot be negative")
            return cls(str(value), absolute=float(value))
        text = str(value).strip()
        match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(%|.+)?", text)
        if not match:
            raise ValueError(
                f"'{value}' is not a tolerance: write a relative one such as '2%' "
                "or an absolute quantity such as '500' or '0.5 mg'"
            )
        number, unit = float(match.group(1)), match.group(2)
        if unit == "%":
            return cls(text, relative=number / 100)
        if unit:
            parse_unit(unit.strip())  # raises ValueError naming the unit
            return cls(text, absolute=number, unit=unit.strip())
        return cls(text, absolute=number)

    def margin(self, value: float, unit: str) -> float:
        """The allowed difference, in ``unit``, around ``value``."""
        if self.relative is not None:
            return abs(value) * self.relative
        assert self.absolute is not None
        if self.unit is None:
            return self.absolute
        return float(ureg.Quantity(self.absolute, parse_unit(self.unit)).to(parse_unit(unit)).m)

    def widen(self, interval: Interval) -> Interval:
        """The interval grown by this tolerance on both sides."""
        if self.relative is not None:
            return interval.widen(relative=self.relative)
        return interval.widen(absolute=self.margin(0.0, interval.unit))

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class FrameSpec:
    """What a measure counts, as slots a claim's frame must fill (factcheck.match.slots).

    None in a slot means no constraint. ``agent`` and ``substance`` name entries of the
    catalog's vocabulary."""

    counts: tuple[str, ...] | None = None
    mode: str | None = None  # "asserted" or "any"
    scope: str | None = None  # "whole" or "any"
    span: str | None = None  # "year" or "any"
    agent: tuple[str, ...] | None = None
    substance: tuple[str, ...] | None = None
    unit_price: str | None = None  # the price of one of these (mass, pills): not of an amount

    def merged(self, defaults: FrameSpec) -> FrameSpec:
        """This spec with the catalog's default slots filled in where it says nothing."""
        return FrameSpec(
            **{
                slot.name: getattr(defaults, slot.name)
                if getattr(self, slot.name) is None
                else getattr(self, slot.name)
                for slot in fields(self)
            }
        )


@dataclass(frozen=True)
class Measure:
    """One thing numbers can be about ("deaths involving synthetic opioids in the US")."""

    id: str
    label: str
    unit: str
    tolerance: Tolerance
    place: str | None  # ISO code; None: the figure holds anywhere
    kind: str | None = None
    all_terms: tuple[UserPattern, ...] = ()
    any_terms: tuple[UserPattern, ...] = ()
    none_terms: tuple[UserPattern, ...] = ()
    nouns: tuple[UserPattern, ...] = ()
    window: tuple[int, int] | None = None  # characters (before, after) the number
    reference: str = ""  # the measure id in references/ (this id unless given)
    description: str = ""
    line: int = 0
    frame: FrameSpec = field(default_factory=FrameSpec)

    @property
    def has_terms(self) -> bool:
        return bool(self.all_terms or self.any_terms or self.nouns)


@dataclass(frozen=True)
class Relation:
    """A formula that must hold between measures, such as doses per kilogram."""

    id: str
    expr: str
    parsed: RelationExpr
    tolerance: Tolerance
    description: str = ""
    line: int = 0

    @property
    def measures(self) -> frozenset[str]:
        return self.parsed.measures


@dataclass(frozen=True)
class Suppression:
    """A known, accepted exception: findings about this claim (or measure) are not reported."""

    reason: str
    claim: str | None = None  # "path:line" or a claim id
    measure: str | None = None
    rule: str | None = None
    line: int = 0
    base: str | None = None  # the catalog's folder, which a relative "path:line" starts from

    def matches(self, claim: Claim, rule: str | None = None) -> bool:
        if self.rule is not None and rule is not None and rule != self.rule:
            return False
        if self.measure is not None and claim.measure != self.measure:
            return False
        if self.claim is None:
            return True
        if self.claim == claim.id or self.claim == self._id_from_base(claim):
            return True
        path, _, line = self.claim.rpartition(":")
        if not line.isdigit() or int(line) != claim.line:
            return False
        doc = PurePosixPath(claim.doc.replace("\\", "/"))
        wanted = PurePosixPath(path.replace("\\", "/"))
        # A relative path in the catalog is the file's path from the catalog's folder, so a
        # run from a subfolder (which names the file "a.md") silences the same claim; it also
        # matches the same file named from any directory above.
        if not wanted.is_absolute() and self.base is not None:
            if os.path.realpath(claim.doc) == os.path.realpath(Path(self.base) / wanted):
                return True
        return doc == wanted or (
            not wanted.is_absolute() and doc.parts[-len(wanted.parts) :] == wanted.parts
        )

    def _id_from_base(self, claim: Claim) -> str | None:
        """The claim's id in a run from the catalog's folder (ids hash the path as written),
        so an id copied from such a run silences the claim from any folder."""
        if self.base is None or not self.claim or not self.claim.startswith("c"):
            return None
        real = os.path.realpath(claim.doc)
        if not os.path.isfile(real):
            return None  # standard input without a name, or a deleted file
        shown = os.path.relpath(real, os.path.realpath(self.base)).replace(os.sep, "/")
        return claim_id(shown, claim.start, claim.end, claim.surface)


@dataclass(frozen=True)
class NamedPeriod:
    """A period drafts name instead of dating: a president's terms, in order."""

    names: tuple[str, ...]
    spans: tuple[str, ...]  # ISO 8601 intervals, "2024-10/2030-09"
    line: int = 0


@dataclass(frozen=True)
class Catalog:
    path: str
    version: int
    default_tolerance: Tolerance
    default_place: str | None
    default_window: tuple[int, int] | None
    measures: tuple[Measure, ...]
    relations: tuple[Relation, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    periods: tuple[NamedPeriod, ...] = ()
    # Words for frame slots: {"agent": {"dea": pattern, ...}, "substance": {...}}.
    vocabulary: dict[str, dict[str, re.Pattern[str]]] = field(default_factory=dict, compare=False)
    extends: str | None = None  # the catalog this one adds to (its path), if any
    _by_id: dict[str, Measure] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({m.id: m for m in self.measures})

    def __contains__(self, measure_id: object) -> bool:
        return measure_id in self._by_id

    def measure(self, measure_id: str) -> Measure:
        """The measure with this id; KeyError if there is none."""
        return self._by_id[measure_id]

    def get(self, measure_id: str | None) -> Measure | None:
        return self._by_id.get(measure_id) if measure_id else None

    def tolerance_for(self, measure_id: str | None) -> Tolerance:
        measure = self.get(measure_id)
        return measure.tolerance if measure else self.default_tolerance

    def suppression_for(self, claim: Claim, rule: str | None = None) -> Suppression | None:
        """The first suppression that covers this claim (and rule), if any."""
        for suppression in self.suppressions:
            if suppression.matches(claim, rule):
                return suppression
        return None


def default_catalog_path() -> Path:
    """The catalog shipped in the package (a copy of the repository's claims.yaml)."""
    return Path(__file__).resolve().parent / "data" / "claims.yaml"


@lru_cache(maxsize=1)
def catalog_schema() -> dict[str, Any]:
    """The JSON Schema of the catalog, as shipped in the package (rule ids from the registry)."""
    from .schema import load

    return load("catalog")


def load_catalog(path: str | Path, *, validated: Path | None = None) -> Catalog:
    """Read and validate a catalog; every problem is reported in one ConfigError.

    ``validated`` is a folder (in the claim cache) that remembers catalogs found valid against
    the schema, so that a pre-commit run on an unchanged catalog skips loading jsonschema and
    validating (a tenth of its budget); the other checks of the catalog run every time.

    A catalog with ``extends: default`` (or a path, relative to the catalog) adds to another:
    its measures and relations come first and replace the other's of the same id; its
    defaults and vocabulary entries replace the other's one by one; suppressions and named
    periods are added.
    """
    data, lines, base = _read_extended(Path(path), (), validated)
    catalog = _build(data, lines, str(path), validated)
    return replace(catalog, extends=base) if base else catalog


def _read_extended(
    path: Path, seen: tuple[Path, ...], validated: Path | None = None
) -> tuple[Any, dict[JsonPath, int], str | None]:
    """A catalog's data with what it extends merged in, its lines, and the path extended."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{name}: cannot read the catalog: {exc}") from exc
    data, lines = _parse_yaml(text, name)
    if not isinstance(data, dict) or not data.get("extends"):
        return data, lines, None
    wanted = str(data["extends"])
    base = default_catalog_path() if wanted == "default" else path.parent / wanted
    if base.resolve() in seen or base.resolve() == path.resolve():
        raise ConfigError(f"{name}:{lines.get(('extends',), 1)}: extends itself ({wanted})")
    if not base.is_file():
        raise ConfigError(f"{name}:{lines.get(('extends',), 1)}: extends {base}, not found")
    base_data, base_lines, _ = _read_extended(base, (*seen, path.resolve()), validated)
    _build(base_data, base_lines, str(base), validated)  # the base's problems, in its file
    merged = dict(data)
    merged.pop("extends")
    merged["defaults"] = {**(base_data.get("defaults") or {}), **(data.get("defaults") or {})}
    own_words, base_words = data.get("vocabulary") or {}, base_data.get("vocabulary") or {}
    if isinstance(own_words, dict):  # per slot, an entry of the same name replaces the other's
        merged["vocabulary"] = {
            slot: {**(base_words.get(slot) or {}), **(own_words.get(slot) or {})}
            for slot in {**base_words, **own_words}
        }
    for section in ("measures", "relations", "suppress", "periods"):
        if not isinstance(data.get(section) or [], list):
            return data, lines, None  # the schema will say what is wrong
    for section in ("measures", "relations"):
        own = data.get(section) or []
        ids = {item.get("id") for item in own if isinstance(item, dict)}
        merged[section] = own + [i for i in base_data.get(section) or [] if i.get("id") not in ids]
    for section in ("suppress", "periods"):
        merged[section] = (data.get(section) or []) + (base_data.get(section) or [])
    return merged, lines, str(base)


# -- YAML with line numbers ---------------------------------------------------------------


# libyaml's loader when PyYAML was built with it: the catalog is read on every run, and the
# pure-Python one takes a tenth of a second of a pre-commit hook's budget.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# An alias copies what its anchor names, so a few lines of aliases to aliases can stand for
# billions of nodes (an "alias bomb"). A catalog may reuse a list of terms here and there.
MAX_ALIASES = 1000
MAX_EXPANDED_NODES = 200_000


def _check_aliases(text: str, name: str) -> None:
    """Refuse a document whose aliases are too many or expand it past MAX_EXPANDED_NODES,
    naming the line of the alias that crosses the bound. One pass over the parser's events:
    each anchored node's expanded size is counted once, then added at every alias to it."""
    if "*" not in text:
        return  # no alias can be written without one
    sizes: dict[str, int] = {}  # anchor -> nodes it expands to
    opened: list[tuple[str | None, int]] = []  # (anchor, expanded count at its start)
    expanded = aliases = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            expanded += sizes.get(event.anchor, 1)
            if aliases > MAX_ALIASES or expanded > MAX_EXPANDED_NODES:
                line = event.start_mark.line + 1
                too_many = (
                    f"more than {MAX_ALIASES:,} aliases"
                    if aliases > MAX_ALIASES
                    else f"aliases that expand it past {MAX_EXPANDED_NODES:,} values"
                )
                raise ConfigError(
                    f"{name}:{line}: invalid YAML: the catalog has {too_many} (an alias "
                    "bomb?); write the repeated parts out"
                )
        elif isinstance(event, yaml.ScalarEvent):
            expanded += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            opened.append((event.anchor, expanded))
            expanded += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, began = opened.pop()
            if anchor:
                sizes[anchor] = expanded - began


def _parse_yaml(text: str, name: str) -> tuple[Any, dict[JsonPath, int]]:
    try:
        _check_aliases(text, name)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, name) from None
    except yaml.YAMLError:
        pass  # the same error is reported with its line by the parse below
    try:
        # The reader refuses control characters: the Python one as soon as it is built, the
        # C one while parsing.
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, name) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise ConfigError(f"{name}:1: the catalog is empty")
        lines: dict[JsonPath, int] = {}
        duplicates: list[str] = []
        _map_lines(node, (), lines, duplicates, name)
        if duplicates:
            raise ConfigError("\n".join(duplicates))
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, name) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        detail = f"{context}: {problem}" if context else problem
        raise ConfigError(f"{name}:{line}: invalid YAML: {detail}") from None
    finally:
        loader.dispose()
    return data, lines


def _reader_error(exc: yaml.reader.ReaderError, text: str, name: str) -> ConfigError:
    line = text.count("\n", 0, exc.position) + 1
    return ConfigError(
        f"{name}:{line}: invalid YAML: {exc.reason} (character #x{exc.character:04x})"
    )


def _map_lines(
    node: yaml.Node, path: JsonPath, lines: dict[JsonPath, int], dups: list[str], name: str
) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in seen:
                where = _format_path((*path, key))
                dups.append(
                    f"{name}:{key_line}: {where}: duplicate key (first written on line {seen[key]})"
                )
                continue
            seen[key] = key_line
            # The key's line, not the value's: a block value starts on the next line.
            lines[(*path, key)] = key_line
            _map_lines(value_node, (*path, key), lines, dups, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            _map_lines(item, (*path, index), lines, dups, name)


def _format_path(path: JsonPath) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


class _Problems:
    """Collects ``file:line: path: message`` lines, so that one run reports every problem."""

    def __init__(self, name: str, lines: dict[JsonPath, int]) -> None:
        self.name = name
        self.lines = lines
        self.items: list[tuple[int, str]] = []

    def line_of(self, path: JsonPath) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def add(self, path: JsonPath, message: str) -> None:
        line = self.line_of(path)
        self.items.append((line, f"{self.name}:{line}: {_format_path(path)}: {message}"))

    def raise_if_any(self) -> None:
        if self.items:
            ordered = [text for _, text in sorted(self.items, key=lambda item: item[0])]
            raise ConfigError("\n".join(dict.fromkeys(ordered)))


# -- schema -------------------------------------------------------------------------------


def _schema_problems(data: Any, problems: _Problems, validated: Path | None = None) -> None:
    key = None
    if validated is not None:
        # The data and the schema it was checked against, whatever file they came from.
        seen = json.dumps([catalog_schema(), data], sort_keys=True, default=str)
        key = hashlib.sha256(seen.encode("utf-8")).hexdigest()
        if (validated / key).is_file():
            return
    import jsonschema  # imported here: it is a tenth of a pre-commit run's start-up

    validator = jsonschema.Draft202012Validator(catalog_schema())
    found = False
    for error in validator.iter_errors(data):
        path: JsonPath = tuple(error.absolute_path)
        problems.add(*_describe(error, path))
        found = True
    if key is not None and not found:
        try:
            validated.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
            (validated / key).touch()  # type: ignore[operator]
        except OSError:
            pass  # an unwritable cache: validate again next time


def _describe(error: jsonschema.ValidationError, path: JsonPath) -> tuple[JsonPath, str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    custom = schema.get("x-error")
    instance = error.instance
    if error.validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        field_name = extra[0] if extra else "?"
        return (*path, field_name), (
            f"unknown field '{field_name}' (expected one of: {', '.join(allowed)})"
        )
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        if missing == "reason":
            return path, "missing field 'reason': every exception must say why it is accepted"
        return path, f"missing field '{missing}'"
    if custom and error.validator in ("oneOf", "anyOf", "pattern", "type", "minimum"):
        shown = instance if not isinstance(instance, (dict, list)) else "this entry"
        if isinstance(shown, str):
            shown = f"'{shown}'"
        return path, f"{shown} {custom}"
    if error.validator == "const":
        return path, f"{instance!r} is not supported (expected {error.validator_value!r})"
    return path, error.message


# -- building the catalog -----------------------------------------------------------------


def _build(
    data: Any, lines: dict[JsonPath, int], name: str, validated: Path | None = None
) -> Catalog:
    problems = _Problems(name, lines)
    _schema_problems(data, problems, validated)
    # Later checks rely on the shapes the schema guarantees.
    problems.raise_if_any()

    defaults = data.get("defaults") or {}
    default_tolerance = _tolerance(defaults.get("tolerance", "2%"), ("defaults", "tolerance"),
                                   None, problems)  # fmt: skip
    default_place = _place(defaults.get("place", "US"))
    default_window = _window(defaults.get("window"))
    vocabulary = {
        slot: {
            name: pattern
            for name, source in (entries or {}).items()
            if (pattern := _pattern(source, ("vocabulary", slot, name), problems)) is not None
        }
        for slot, entries in (data.get("vocabulary") or {}).items()
    }
    default_frame = _frame_spec(defaults.get("frame") or {}, ("defaults", "frame"), {}, problems)

    raw_measures = enumerate(data.get("measures") or [])
    parsed_measures = [
        (
            index,
            _measure(
                raw,
                ("measures", index),
                defaults,
                default_tolerance,
                problems,
                _frame_spec(
                    raw.get("frame") or {}, ("measures", index, "frame"), vocabulary, problems
                ).merged(default_frame),  # fmt: skip
            ),
        )
        for index, raw in raw_measures
    ]
    measures = _unique_ids("measures", parsed_measures, problems)
    by_id = {m.id: m for m in measures}

    parsed_relations = [
        (index, _relation(raw, ("relations", index), by_id, default_tolerance, problems))
        for index, raw in enumerate(data.get("relations") or [])
    ]
    relations = _unique_ids("relations", parsed_relations, problems)

    suppressions: list[Suppression] = []
    for index, raw in enumerate(data.get("suppress") or []):
        at: JsonPath = ("suppress", index)
        if raw.get("measure") is not None and raw["measure"] not in by_id:
            problems.add((*at, "measure"), f"unknown measure '{raw['measure']}'")
            continue
        suppressions.append(
            Suppression(
                reason=raw["reason"].strip(),
                claim=raw.get("claim"),
                measure=raw.get("measure"),
                rule=raw.get("rule"),
                line=problems.line_of(at),
                base=os.path.dirname(os.path.abspath(name)),
            )
        )

    periods = []
    for index, raw in enumerate(data.get("periods") or []):
        at = ("periods", index)
        spans = tuple(raw["spans"])
        for k, span in enumerate(spans):
            first, last = span.split("/")
            if last < first:
                problems.add((*at, "spans", k), f"'{span}' ends before it starts")
        names = tuple(" ".join(n.split()) for n in raw["names"])
        periods.append(NamedPeriod(names, spans, problems.line_of(at)))

    problems.raise_if_any()
    return Catalog(
        path=name,
        version=int(data["version"]),
        default_tolerance=default_tolerance,
        default_place=default_place,
        default_window=default_window,
        measures=tuple(measures),
        relations=tuple(relations),
        suppressions=tuple(suppressions),
        periods=tuple(periods),
        vocabulary=vocabulary,
    )


def _frame_spec(
    raw: dict[str, Any], at: JsonPath, vocabulary: dict[str, dict], problems: _Problems
) -> FrameSpec:
    """A measure's frame slots; vocabulary names must exist in the catalog's vocabulary."""
    for slot in ("agent", "substance"):
        for k, name in enumerate(raw.get(slot) or []):
            if name not in vocabulary.get(slot, {}):
                known = ", ".join(sorted(vocabulary.get(slot, {}))) or "none defined"
                problems.add((*at, slot, k), f"unknown {slot} '{name}' (vocabulary: {known})")

    def listed(key: str) -> tuple[str, ...] | None:
        return tuple(raw[key]) if raw.get(key) else None

    return FrameSpec(
        counts=listed("counts"),
        mode=raw.get("mode"),
        scope=raw.get("scope"),
        span=raw.get("span"),
        agent=listed("agent"),
        substance=listed("substance"),
        unit_price=raw.get("unit_price"),
    )


def _pattern(source: str, at: JsonPath, problems: _Problems) -> re.Pattern[str] | None:
    found = _patterns([source], at, problems)
    return found[0] if found else None


def _unique_ids(section: str, parsed: list[tuple[int, Any]], problems: _Problems) -> list[Any]:
    """The parsed entries of a section (None where parsing failed), each id kept once: a
    repeated id is reported with the line of its first definition."""
    kept = []
    first_line: dict[str, int] = {}
    for index, item in parsed:
        if item is None:
            continue
        if item.id in first_line:
            problems.add(
                (section, index, "id"),
                f"'{item.id}' is already defined on line {first_line[item.id]}",
            )
            continue
        first_line[item.id] = item.line
        kept.append(item)
    return kept


def _place(value: Any) -> str | None:
    if value is None or str(value).strip().lower() == ANY_PLACE:
        return None
    return normalize_place(str(value))


def _window(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, int):
        return (value, value)
    return (int(value["before"]), int(value["after"]))


def _tolerance(value: Any, at: JsonPath, unit: str | None, problems: _Problems) -> Tolerance:
    try:
        tolerance = Tolerance.parse(value)
    except ValueError as exc:
        problems.add(at, str(exc))
        return Tolerance("0%", relative=0.0)
    if tolerance.unit is not None and unit is not None:
        try:
            ureg.Quantity(1, parse_unit(tolerance.unit)).to(parse_unit(unit))
        except Exception:  # noqa: BLE001 - pint raises several kinds for incompatible units
            problems.add(at, f"'{value}' cannot be compared with the measure's unit '{unit}'")
    return tolerance


def _measure(
    raw: dict[str, Any],
    at: JsonPath,
    defaults: dict[str, Any],
    default_tolerance: Tolerance,
    problems: _Problems,
    frame: FrameSpec,
) -> Measure | None:
    unit = raw["unit"]
    unit_ok = True
    try:
        parse_unit(unit)
    except ValueError as exc:
        problems.add((*at, "unit"), str(exc))
        unit_ok = False
    if "tolerance" in raw:
        tolerance = _tolerance(raw["tolerance"], (*at, "tolerance"), unit if unit_ok else None,
                               problems)  # fmt: skip
    else:
        tolerance = default_tolerance
        if unit_ok and default_tolerance.unit is not None:
            _tolerance(defaults["tolerance"], (*at, "unit"), unit, problems)
    terms = raw.get("terms") or {}
    compiled = {
        group: _patterns(terms.get(group) or [], (*at, "terms", group), problems)
        for group in ("all", "any", "none")
    }
    nouns = _patterns(raw.get("nouns") or [], (*at, "nouns"), problems)
    place = _place(raw["place"]) if "place" in raw else _place(defaults.get("place", "US"))
    # The catalog's default window stays in Catalog.default_window: only a window of its own
    # bounds a measure's terms in the number's own words (match.terms.Window).
    window = _window(raw["window"]) if "window" in raw else None
    return Measure(
        id=raw["id"],
        label=raw["label"],
        unit=unit,
        tolerance=tolerance,
        place=place,
        kind=raw.get("kind"),
        all_terms=compiled["all"],
        any_terms=compiled["any"],
        none_terms=compiled["none"],
        nouns=nouns,
        window=window,
        reference=raw.get("reference") or raw["id"],
        description=raw.get("description", ""),
        line=problems.line_of(at),
        frame=frame,
    )


def _patterns(sources: list[str], at: JsonPath, problems: _Problems) -> tuple[UserPattern, ...]:
    compiled = []
    for index, source in enumerate(sources):
        try:
            compiled.append(compile_user_pattern(source))
        except UnsafePattern as exc:
            problems.add((*at, index), f"'{source}' is refused: {exc}")
    return tuple(compiled)


def _relation(
    raw: dict[str, Any],
    at: JsonPath,
    measures: dict[str, Measure],
    default_tolerance: Tolerance,
    problems: _Problems,
) -> Relation | None:
    try:
        parsed = parse_relation(raw["expr"])
    except RelationSyntaxError as exc:
        problems.add((*at, "expr"), str(exc))
        return None
    unknown = sorted(parsed.measures - set(measures))
    if unknown:
        problems.add((*at, "expr"), "unknown measure " + ", ".join(f"'{m}'" for m in unknown))
        return None
    # Evaluate once on unit values: both sides must be quantities of the same dimension.
    ones = {m: Interval.point(1.0, measures[m].unit) for m in parsed.measures}
    try:
        lhs, rhs = evaluate(parsed, ones)
        rhs.to(lhs.unit)
    except ValueError:
        problems.add(
            (*at, "expr"),
            f"the two sides are not comparable: {_side_unit(parsed, ones, 0)} "
            f"against {_side_unit(parsed, ones, 1)}",
        )
        return None
    tolerance = (
        _tolerance(raw["tolerance"], (*at, "tolerance"), lhs.unit, problems)
        if "tolerance" in raw
        else default_tolerance
    )
    return Relation(
        id=raw["id"],
        expr=raw["expr"],
        parsed=parsed,
        tolerance=tolerance,
        description=raw.get("description", ""),
        line=problems.line_of(at),
    )


def _side_unit(parsed: RelationExpr, ones: dict[str, Interval], side: int) -> str:
    try:
        return evaluate_side(parsed.rhs if side else parsed.lhs, ones).unit
    except ValueError:
        return "a sum of different units"
