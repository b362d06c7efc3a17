"""Reference datasets: the official figures that claims are checked against.

A references directory is a Frictionless Data Package (see "Reference data" in the README and
docs/ARCHITECTURE.md): ``datapackage.json`` lists the CSV files, and every CSV has at least the
columns ``measure, place, period, value, unit``. An empty place or period means the figure
holds for any (a pharmacological constant, an event's death toll).

Everything is validated when the directory is loaded, and every problem is reported with the
file and CSV line it is on: a bad reference row found only while checking would surface as a
wrong verdict on someone's draft instead of as an error in the data.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.units import parse_unit

# The status vocabulary, most trustworthy first (lookups return rows in this order).
# "-secondary": read only in a third-party page quoting the official source;
# "final-unconfirmed": not found in any source read, the best available value.
STATUSES = (
    "final",
    "final-secondary",
    "final-unconfirmed",
    "provisional",
    "provisional-secondary",
)
_STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}

REQUIRED_COLUMNS = ("measure", "place", "period", "value", "unit")
# A figure with no status column is taken as final: that is what a reference usually is.
DEFAULT_STATUS = "final"
# The identity of a row across files: one figure per measure, place, period and release.
IDENTITY = ("measure", "place", "period", "status", "vintage")

# A dotted id; written without a repeated group (the project's patterns are linear) and
# completed by the checks in _is_measure_id.
_MEASURE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
_PLACE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
_DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"  # "2021-22" is no month
_PERIOD = re.compile(rf"{_DATE}(?:/{_DATE})?")
# Plain decimal numbers only: "70,601" or "1_000" in a data file is a mistake, not a number.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Reference:
    """One reference figure: a row of a reference CSV.

    ``place`` and ``period`` are None when the figure holds for any place or period. ``row`` is
    the 1-based line of the CSV file the row starts on (the header is line 1), so messages can
    point at it; ``dataset`` is the datapackage resource name.
    """

    dataset: str
    measure: str
    place: str | None
    period: str | None
    value: float
    low: float | None
    high: float | None
    unit: str
    status: str
    source: str | None
    url: str | None
    note: str | None
    row: int
    vintage: str | None = None  # the release a provisional figure comes from
    path: str = ""  # the CSV file, as it was found

    @property
    def location(self) -> str:
        """``file:line`` of the row, for messages."""
        return f"{self.path}:{self.row}"

    @property
    def confirmed(self) -> bool:
        """True if the figure was read in the cited official source itself."""
        return self.status in ("final", "provisional")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Dataset:
    """One datapackage resource: a CSV file of references."""

    name: str
    title: str
    path: str
    rows: tuple[Reference, ...]
    description: str = ""
    sources: tuple[dict[str, str], ...] = ()

    @property
    def measures(self) -> tuple[str, ...]:
        return tuple(sorted({ref.measure for ref in self.rows}))


@dataclass
class ReferenceSet:
    """All reference datasets of a directory, indexed by measure."""

    directory: Path
    datasets: dict[str, Dataset]
    name: str = ""
    title: str = ""
    extends: Path | None = None  # the directory of the datasets this set adds to, if any
    _by_measure: dict[str, list[Reference]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for dataset in self.datasets.values():
            for ref in dataset.rows:
                self._by_measure.setdefault(ref.measure, []).append(ref)

    def __iter__(self) -> Iterator[Reference]:
        for dataset in self.datasets.values():
            yield from dataset.rows

    def __len__(self) -> int:
        return sum(len(dataset.rows) for dataset in self.datasets.values())

    def measures(self) -> list[str]:
        return sorted(self._by_measure)

    def lookup(self, measure: str, place: str | None, period: str | None) -> list[Reference]:
        """The rows that apply to a claim about ``measure`` in ``place`` during ``period``.

        A row applies when its place and period are equal to the claim's or empty (it holds for
        any). A claim with no place or period (None) is matched only by rows that hold for any.
        Rows are ordered best first: exact matches before rows that hold for any, then by status
        (final before secondary, unconfirmed and provisional figures), then newest release
        first. Every applicable row is returned so the caller can say which one it used.
        """
        rows = [
            ref
            for ref in self._by_measure.get(measure, ())
            if (ref.place is None or ref.place == place)
            and (ref.period is None or ref.period == period)
        ]
        rows.sort(key=lambda ref: ref.vintage or "", reverse=True)
        rows.sort(key=lambda ref: (ref.place is None, ref.period is None, _rank(ref)))
        return rows

    def series(self, measure: str) -> list[Reference]:
        """Every row of a measure, ordered by period, then best status, newest release first."""
        rows = list(self._by_measure.get(measure, ()))
        rows.sort(key=lambda ref: ref.vintage or "", reverse=True)
        rows.sort(key=lambda ref: (ref.period or "", _rank(ref)))
        return rows


def _rank(ref: Reference) -> int:
    return _STATUS_RANK.get(ref.status, len(STATUSES))


def default_references_dir() -> Path:
    """The reference datasets shipped with the package (a symlink to the repository's
    ``references/`` in a source checkout, a copy in an installed wheel)."""
    return Path(__file__).parent / "data" / "references"


# --- Loading ------------------------------------------------------------------------------------


def load_references(
    directory: str | Path | None = None, *, _seen: tuple[Path, ...] = ()
) -> ReferenceSet:
    """Load and validate a references directory (the shipped one if None).

    A datapackage.json with ``"extends": "default"`` (or a directory relative to it) adds its
    datasets to those (see ``_extended``). Raises ConfigError naming the file and line of
    every problem found.
    """
    directory = Path(directory) if directory is not None else default_references_dir()
    package_path = directory / "datapackage.json"
    package = _read_package(directory, package_path)
    problems: list[str] = []
    datasets: dict[str, Dataset] = {}
    first_seen: dict[tuple[Any, ...], Reference] = {}
    for number, resource in enumerate(package["resources"], start=1):
        dataset = _load_resource(directory, package_path, number, resource, problems)
        if dataset is None:
            continue
        if dataset.name in datasets:
            problems.append(f"{package_path}: two resources are named '{dataset.name}'")
            continue
        datasets[dataset.name] = dataset
        for ref in dataset.rows:
            key = tuple(getattr(ref, name) for name in IDENTITY)
            first = first_seen.setdefault(key, ref)
            if first is not ref and first.dataset != ref.dataset:
                problems.append(
                    f"{ref.location}: the same measure, place, period, status and vintage as "
                    f"{first.location}"
                )
    if problems:
        raise ConfigError("\n".join(problems))
    own = ReferenceSet(
        directory=directory,
        datasets=datasets,
        name=str(package.get("name") or ""),
        title=str(package.get("title") or ""),
    )
    return _extended(own, package.get("extends"), package_path, _seen)


def _extended(
    own: ReferenceSet, extends: Any, package_path: Path, seen: tuple[Path, ...]
) -> ReferenceSet:
    """``own`` added to the datasets it extends ("default": the shipped ones, or a directory
    relative to it): a dataset of the same name, or a row of the same measure, place,
    period, status and vintage, replaces the other's."""
    if not extends:
        return own
    base_dir = default_references_dir() if extends == "default" else own.directory / str(extends)
    if base_dir.resolve() in (*seen, own.directory.resolve()):
        raise ConfigError(f"{package_path}: extends itself ({extends})")
    base = load_references(base_dir, _seen=(*seen, own.directory.resolve()))
    replaced = {tuple(getattr(ref, name) for name in IDENTITY) for ref in own}
    datasets = {
        name: replace(
            dataset,
            rows=tuple(
                r for r in dataset.rows if tuple(getattr(r, n) for n in IDENTITY) not in replaced
            ),
        )
        for name, dataset in base.datasets.items()
        if name not in own.datasets
    }
    datasets.update(own.datasets)
    return ReferenceSet(own.directory, datasets, own.name, own.title, extends=base.directory)


def _read_package(directory: Path, package_path: Path) -> dict[str, Any]:
    if not directory.is_dir():
        raise ConfigError(f"{directory}: references directory not found")
    try:
        text = package_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{package_path}: not found (a references directory is described by its "
            "datapackage.json)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{package_path}: cannot read: {exc}") from None
    try:
        package = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{package_path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise ConfigError(f"{package_path}: needs a 'resources' list")
    return package


def _load_resource(
    directory: Path,
    package_path: Path,
    number: int,
    resource: Any,
    problems: list[str],
) -> Dataset | None:
    """One resource of the package as a Dataset, or None after adding its problems."""
    if not isinstance(resource, dict):
        problems.append(f"{package_path}: resource {number} is not an object")
        return None
    name = resource.get("name")
    if not isinstance(name, str) or not name:
        problems.append(f"{package_path}: resource {number} has no name")
        return None
    where = f"{package_path}: resource '{name}'"
    relative = resource.get("path")
    if not isinstance(relative, str) or not relative:
        problems.append(f"{where}: needs a 'path' to one CSV file")
        return None
    if "://" in relative:
        problems.append(
            f"{where}: remote data ({relative}) is not supported; factcheck reads no network"
        )
        return None
    if Path(relative).is_absolute() or ".." in Path(relative).parts:
        problems.append(f"{where}: path '{relative}' must be relative and inside {directory}")
        return None
    csv_path = directory / relative
    if not csv_path.is_file():
        problems.append(f"{where}: file {csv_path} not found")
        return None
    schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
    key = schema.get("primaryKey") or list(IDENTITY)
    if isinstance(key, str):
        key = [key]
    table = _read_csv(csv_path, resource.get("encoding") or "utf-8", problems)
    if table is None:
        return None
    columns, records = table
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        names = ", ".join(f"'{column}'" for column in missing)
        problems.append(f"{csv_path}: missing required column {names}")
        return None
    if schema.get("primaryKey"):
        absent = [column for column in key if column not in columns]
        if absent:
            problems.append(f"{where}: primaryKey names {absent}, not columns of {csv_path}")
            return None
    else:
        key = [column for column in key if column in columns]
    rows = _read_rows(name, csv_path, records, key, problems)
    raw_sources = resource.get("sources")
    sources = (
        tuple(s for s in raw_sources if isinstance(s, dict))
        if isinstance(raw_sources, list)
        else ()
    )
    return Dataset(
        name=name,
        title=str(resource.get("title") or ""),
        path=str(csv_path),
        rows=tuple(rows),
        description=str(resource.get("description") or ""),
        sources=sources,
    )


def _read_csv(
    path: Path, encoding: str, problems: list[str]
) -> tuple[list[str], list[tuple[int, dict[str, str]]]] | None:
    """The columns of a CSV file and its rows, each with the line it starts on.

    The standard csv module rather than pandas: a pre-commit hook loads the references on every
    commit, and pandas alone takes longer to import than the whole check of a draft.
    """
    try:
        with open(path, encoding=encoding, newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                problems.append(f"{path}: empty file; the first line must name the columns")
                return None
            columns = [column.strip() for column in header]
            rows = []
            line = reader.line_num + 1
            for record in reader:
                start, line = line, reader.line_num + 1
                if not any(cell.strip() for cell in record):
                    continue  # a blank line
                if len(record) != len(columns):
                    problems.append(
                        f"{path}:{start}: {len(record)} fields, the header has {len(columns)}"
                    )
                    continue
                rows.append((start, dict(zip(columns, record, strict=True))))
    except UnicodeDecodeError as exc:
        problems.append(f"{path}: not {encoding} text ({exc.reason} at byte {exc.start})")
        return None
    except csv.Error as exc:
        problems.append(f"{path}: not a valid CSV file: {exc}")
        return None
    except (OSError, LookupError, ValueError) as exc:
        problems.append(f"{path}: cannot read: {exc}")
        return None
    return columns, rows


def _read_rows(
    dataset: str,
    csv_path: Path,
    records: list[tuple[int, dict[str, str]]],
    key: list[str],
    problems: list[str],
) -> list[Reference]:
    rows: list[Reference] = []
    first_line_of: dict[tuple[str, ...], int] = {}
    for row_line, record in records:
        cells = {column: value.strip() for column, value in record.items()}
        where = f"{csv_path}:{row_line}"
        before = len(problems)
        ref = _parse_row(dataset, str(csv_path), row_line, cells, where, problems)
        if ref is None or len(problems) > before:
            continue
        identity = tuple(cells.get(column, "") for column in key)
        first = first_line_of.setdefault(identity, row_line)
        if first != row_line:
            shown = ", ".join(f"{c}={v!r}" for c, v in zip(key, identity, strict=True))
            problems.append(f"{where}: duplicate key ({shown}), first at line {first}")
            continue
        rows.append(ref)
    return rows


def _parse_row(
    dataset: str,
    path: str,
    line: int,
    cells: dict[str, str],
    where: str,
    problems: list[str],
) -> Reference | None:
    for column in ("measure", "value", "unit"):
        if not cells[column]:
            problems.append(f"{where}: empty value in column '{column}'")
            return None
    measure, unit = cells["measure"], cells["unit"]
    place, period = cells["place"] or None, cells["period"] or None
    if not _is_measure_id(measure):
        problems.append(
            f"{where}: measure '{measure}' is not a dotted id like us.cpi_u.annual_average"
        )
    if place is not None and not _PLACE.fullmatch(place):
        problems.append(f"{where}: place '{place}' is not an ISO 3166 code like US or MX")
    if period is not None and not _PERIOD.fullmatch(period):
        problems.append(
            f"{where}: period '{period}' is not an ISO 8601 year, month, date or interval "
            "(2021, 2023-05, 2023-05/2024-04)"
        )
    try:
        parse_unit(unit)
    except ValueError:
        problems.append(f"{where}: unit '{unit}' is not a unit factcheck knows")
    value = _number(cells, "value", where, problems)
    low = _number(cells, "low", where, problems)
    high = _number(cells, "high", where, problems)
    if value is not None:
        if low is not None and value < low:
            problems.append(f"{where}: value {cells['value']} is below low {cells['low']}")
        if high is not None and value > high:
            problems.append(f"{where}: value {cells['value']} is above high {cells['high']}")
    status = cells["status"] if "status" in cells else DEFAULT_STATUS
    if not status:
        problems.append(f"{where}: empty value in column 'status'")
    elif status not in _STATUS_RANK:
        problems.append(f"{where}: status '{status}' is not one of {', '.join(STATUSES)}")
    if value is None:
        return None
    return Reference(
        dataset=dataset,
        measure=measure,
        place=place,
        period=period,
        value=value,
        low=low,
        high=high,
        unit=unit,
        status=status,
        source=cells.get("source") or None,
        url=cells.get("url") or None,
        note=cells.get("note") or None,
        row=line,
        vintage=cells.get("vintage") or None,
        path=path,
    )


def _is_measure_id(text: str) -> bool:
    return bool(_MEASURE.fullmatch(text)) and ".." not in text and not text.endswith(".")


def _number(cells: dict[str, str], column: str, where: str, problems: list[str]) -> float | None:
    text = cells.get(column, "")
    if not text:
        return None
    if not _NUMBER.fullmatch(text) or not math.isfinite(float(text)):
        problems.append(f"{where}: {column} '{text}' is not a number (write plain digits: 70601)")
        return None
    return float(text)


# --- Text for the command line ------------------------------------------------------------------


def format_reference_list(refset: ReferenceSet) -> str:
    """One line per dataset: name, number of rows, number of measures, title."""
    lines = [
        (
            name,
            _plural(len(dataset.rows), "row"),
            _plural(len(dataset.measures), "measure"),
            dataset.title,
        )
        for name, dataset in refset.datasets.items()
    ]
    return _table(lines, header=None)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def format_reference_show(refset: ReferenceSet, id: str) -> str:
    """A table of the rows of a dataset (by name) or of a measure (by id), with status and
    source; raises KeyError if ``id`` is neither."""
    if id in refset.datasets:
        dataset = refset.datasets[id]
        rows = list(dataset.rows)
        title = f"{dataset.name}: {dataset.title}" if dataset.title else dataset.name
        intro = [title, f"{dataset.path}: {len(rows)} rows, {len(dataset.measures)} measures"]
        show_measure = True
    elif id in refset.measures():
        rows = refset.series(id)
        names = sorted({ref.dataset for ref in rows})
        intro = [f"{id}: {len(rows)} rows in {', '.join(names)}"]
        show_measure = False
    else:
        raise KeyError(id)
    sources: dict[tuple[str, str], int] = {}
    table = []
    for ref in rows:
        number = sources.setdefault((ref.source or "", ref.url or ""), len(sources) + 1)
        cells = [ref.measure] if show_measure else []
        cells += [
            ref.place or "any",
            ref.period or "any",
            _format_number(ref.value),
            _format_interval(ref.low, ref.high),
            ref.unit,
            ref.status,
            ref.vintage or "",
            f"[{number}]",
        ]
        table.append(tuple(cells))
    header = (("measure",) if show_measure else ()) + (
        "place",
        "period",
        "value",
        "interval",
        "unit",
        "status",
        "vintage",
        "source",
    )
    notes = ["", "Sources:"]
    for (source, url), number in sources.items():
        notes.append(f"[{number}] {source or '(no source given)'}")
        if url:
            notes.append(f"    {url}")
    value_column = header.index("value")
    body = _table(table, header, right=(value_column,))
    return "\n".join(intro) + "\n\n" + body + "\n".join(notes) + "\n"


def _format_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,}"


def _format_interval(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return ""
    return f"{_format_number(low)}..{_format_number(high)}"


def _table(
    rows: list[tuple[str, ...]], header: tuple[str, ...] | None, right: tuple[int, ...] = ()
) -> str:
    """Columns separated by two spaces, left-aligned except the ``right`` ones (numbers)."""
    everything = ([header] if header else []) + rows
    if not everything:
        return ""
    widths = [max(len(row[i]) for row in everything) for i in range(len(everything[0]))]
    lines = []
    for row in everything:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
