"""Charts for the HTML report: the claimed values of a measure against its reference series.

Drawn with matplotlib's object API (a ``Figure``, no pyplot), so nothing global is left behind,
and written as SVG text to be inlined in the page: crisp at any zoom, searchable, and no file
beside the report. matplotlib is imported inside the functions that need it: it takes about half
a second to import and only the HTML format uses it.
"""

from __future__ import annotations

import calendar
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..model import Claim
from ..references import Reference, ReferenceSet

# ISO 8601 year, month or day, alone or as an interval ("2016/2020", "2023-05/2024-04",
# "2019/.."); written without nested quantifiers (the project's patterns are linear).
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# How reference rows are drawn by status: a confirmed final figure is a filled dot; a figure
# not read in its source, or a provisional one that a later release may revise, is hollow.
STATUS_STYLES = {
    "final": ("o", True, "final"),
    "final-secondary": ("o", True, "final"),
    "final-unconfirmed": ("o", False, "final, unconfirmed"),
    "provisional": ("D", False, "provisional"),
    "provisional-secondary": ("D", False, "provisional"),
}
REFERENCE_COLOR = "#444444"
DOC_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b")
DOC_MARKERS = ("s", "^", "v", "P", "X", "*", "h")


@dataclass
class Chart:
    """One measure's chart: SVG markup to inline, and notes on the claims it could not draw."""

    measure: str
    svg: str
    drawn: int
    notes: list[str] = field(default_factory=list)
    over_time: bool = True  # False: by document, for a measure that does not change with time
    label: str = ""  # the measure's label from the catalog (its id when there is none)


def period_span(period: str | None) -> tuple[float, float] | None:
    """The period as decimal years [start, end): "2021" -> (2021.0, 2022.0).

    Returns None for no period or one that is not ISO 8601; an open interval ("2019/..") is
    taken as its first part.
    """
    if not period:
        return None
    first, _, last = period.partition("/")
    start = _date_span(first)
    if start is None:
        return None
    end = _date_span(last) if last and last != ".." else None
    return (start[0], end[1]) if end is not None else start


def _date_span(text: str) -> tuple[float, float] | None:
    match = _DATE.fullmatch(text)
    if not match:
        return None
    year = int(match.group(1))
    if match.group(2) is None:
        return float(year), float(year + 1)
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return None
    if match.group(3) is None:
        return year + (month - 1) / 12, year + month / 12
    try:
        day = date(year, month, int(match.group(3)))
    except ValueError:
        return None
    days = 366 if calendar.isleap(year) else 365
    offset = (day.timetuple().tm_yday - 1) / days
    return year + offset, year + offset + 1 / days


def convert(value: float | None, unit: str, target: str) -> float | None:
    """``value`` in ``target`` units, or None when the two units do not measure the same thing.

    Counts and percentages are both dimensionless to pint, but 40 percent of something is not
    0.4 of a count: dimensionless values are only ever drawn in their own unit.
    """
    if value is None or unit == target:
        return value
    from ..units import parse_unit, quantity

    try:
        source, goal = parse_unit(unit), parse_unit(target)
    except ValueError:
        return None
    if source.dimensionless or goal.dimensionless or source.dimensionality != goal.dimensionality:
        return None
    return float(quantity(value, unit).to(goal).magnitude)


def measure_chart(
    measure: str,
    claims: Sequence[Claim],
    series: Sequence[Reference],
    label: str | None = None,
    references: ReferenceSet | None = None,
) -> Chart | None:
    """Chart the claims of one measure, by document, against the measure's reference series.

    Over time when the series or the claims have periods: claims are points at the middle of
    their period with error bars for their intervals (an interval open on one side is an arrow
    to the edge of the plot), reference rows are joined by a line through the best row of each
    period. A measure that does not change with time (a lethal dose, a potency) is drawn by
    document instead, against its reference values as horizontal lines. None when there is
    nothing to draw.

    The chart agrees with the findings: a claim the check does not count against the
    reference (suppressed inline or in the catalog) is not drawn; money stated in another
    year's dollars is drawn after the CPI conversion the check applied (``references`` holds
    the CPI); a reference that is only a bound ("over 7,000") is an arrow, not a point.
    """
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit: the same output everywhere
    from matplotlib.figure import Figure

    unit = series[0].unit if series else (claims[0].unit if claims else "")
    notes: list[str] = []
    points: list[_Point] = []
    for claim in claims:
        if _not_counted(claim):
            notes.append(f"{_where(claim)} ({claim.surface}) is suppressed ({claim.suppressed}): "
                         "not checked, not drawn")  # fmt: skip
            continue
        factor, year = _dollars_of_period(claim, references)
        if factor is not None:
            notes.append(f"{_where(claim)} ({claim.surface}) is in {claim.currency_year} dollars, "
                         f"drawn in {year} dollars (CPI-U, x {factor:.4f}), as it is checked")  # fmt: skip
        point = _point(claim, unit, factor or 1.0)
        if point is None and claim.kind == "change":
            notes.append(f"{_where(claim)} ({claim.surface}) is a change, not a level: not drawn")
        elif point is None:
            notes.append(f"{_where(claim)} ({claim.surface}) is not in {unit} or has no value")
        else:
            points.append(point)
    dated_refs = [ref for ref in series if period_span(ref.period) is not None]
    over_time = bool(dated_refs) or any(p.span is not None for p in points)
    if over_time:
        for point in points:
            if point.span is None:
                notes.append(f"{point.where} ({point.surface}) has no period to place it in time")
        points = [p for p in points if p.span is not None]
    timeless_refs = [ref for ref in series if ref.period is None]
    if not points:  # a reference series alone is the references' business, not this report's
        return None

    with matplotlib.rc_context(
        {
            # Text stays text (searchable, small); ids are stable and differ between charts.
            "svg.fonttype": "none",
            "svg.hashsalt": f"factcheck:{measure}",
            "text.parse_math": False,  # a "$" in a file name is not the start of TeX
            "font.size": 9,
        }
    ):
        fig = Figure(figsize=(9, 4.2))
        ax = fig.add_subplot()
        xs: list[float] = []  # period edges or document slots, for the x limits
        ys: list[float] = []
        bounds: list[tuple[float, float, float]] = []  # open-ended reference rows
        if over_time:
            bounds = _draw_series(ax, dated_refs, unit, xs, ys)
        _draw_constants(ax, timeless_refs, unit, ys)
        docs = sorted({p.doc for p in points})
        open_ends = []
        for index, doc in enumerate(docs):
            color = DOC_COLORS[index % len(DOC_COLORS)]
            marker = DOC_MARKERS[index % len(DOC_MARKERS)]
            mine = [p for p in points if p.doc == doc]
            for number, point in enumerate(mine):
                if over_time:
                    # Documents are nudged apart so claims about one year do not hide each other.
                    x = point.middle + (index - (len(docs) - 1) / 2) * 0.12
                    xs.extend(point.span)
                else:
                    # One slot per document; its claims side by side within the slot.
                    x = index + (number - (len(mine) - 1) / 2) * min(0.15, 0.6 / len(mine))
                    xs.append(index)
                _draw_claim(ax, x, point, color, marker, over_time)
                ys.extend(v for v in (point.value, point.low, point.high) if v is not None)
                if point.high is None:
                    open_ends.append((x, point.value, 1.0, color))
                if point.low is None:
                    open_ends.append((x, point.value, 0.0, color))
            # An empty plot call gives the document one legend entry.
            ax.plot([], [], marker, color=color, label=f"{doc} ({len(mine)})")
        open_ends += [(x, value, edge, REFERENCE_COLOR) for x, value, edge in bounds]
        headroom = any(edge == 1.0 for *_, edge, _ in open_ends)
        _set_limits(ax, xs, ys, headroom=headroom, over_time=over_time)
        for x, value, edge, color in open_ends:
            # From the point to the top (or bottom) edge: "more than" has no upper end.
            ax.annotate(
                "",
                xy=(x, edge),
                xycoords=ax.get_xaxis_transform(),
                xytext=(x, value),
                textcoords="data",
                arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.4, "shrinkA": 0},
                zorder=3,
            )
        if over_time:
            _year_ticks(ax)
        else:
            ax.set_xticks(range(len(docs)), docs, rotation=15 if len(docs) > 3 else 0)
            ax.set_xlim(-0.6, max(len(docs), 1) - 0.4)
        _finish(ax, label or measure, unit)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    # Inline SVG needs neither the XML declaration nor the DOCTYPE.
    svg = svg[svg.find("<svg") :]
    return Chart(measure=measure, svg=svg, drawn=len(points), notes=notes, over_time=over_time,
                 label=label or measure)  # fmt: skip


def _not_counted(claim: Claim) -> bool:
    """Whether the check leaves the claim out of its comparison with the reference."""
    if claim.suppressed is None:
        return False
    return claim.suppressed_rules is None or "reference-mismatch" in claim.suppressed_rules


def _dollars_of_period(
    claim: Claim, references: ReferenceSet | None
) -> tuple[float | None, int | None]:
    """The CPI factor that moves the claim's dollars to those of its period's year, as the
    check does (see check.evidence.normalized), with that year; (None, None) when none."""
    from ..check.evidence import cpi_factor
    from ..extract.periods import last_year

    year = last_year(claim.period) if claim.period else None
    if references is None or not claim.currency_year or not year or year == claim.currency_year:
        return None, None
    factor = cpi_factor(references, claim.currency_year, year)
    return (factor, year) if factor is not None else (None, None)


@dataclass
class _Point:
    """A claim converted to the chart's unit."""

    doc: str
    where: str
    surface: str
    span: tuple[float, float] | None
    value: float
    low: float | None
    high: float | None

    @property
    def middle(self) -> float:
        assert self.span is not None
        return (self.span[0] + self.span[1]) / 2


def _point(claim: Claim, unit: str, factor: float = 1.0) -> _Point | None:
    def scaled(number: float | None) -> float | None:
        converted = convert(number, claim.unit, unit)
        return None if converted is None else converted * factor

    low, high, value = scaled(claim.low), scaled(claim.high), scaled(claim.value)
    if value is None:
        value = low if low is not None else high
    if value is None:
        return None
    span = period_span(claim.period)
    return _Point(claim.doc, _where(claim), claim.surface, span, value, low, high)


def _draw_claim(ax, x: float, point: _Point, color: str, marker: str, over_time: bool) -> None:
    below = 0.0 if point.low is None else max(point.value - point.low, 0.0)
    above = 0.0 if point.high is None else max(point.high - point.value, 0.0)
    ax.errorbar(
        [x],
        [point.value],
        yerr=[[below], [above]],
        xerr=_period_bar(point.span) if over_time and point.span else None,
        fmt=marker,
        color=color,
        markersize=7,
        capsize=4,
        elinewidth=1.4,
        zorder=3,
    )


def _draw_series(
    ax, series: Sequence[Reference], unit: str, xs: list, ys: list
) -> list[tuple[float, float, float]]:
    """The reference rows over time; returns the open-ended ones ("over 7,000") as (x, bound,
    edge) for arrows, drawn once the limits are known, instead of points."""
    best: dict[str, tuple[float, float]] = {}
    labelled: set[str] = set()
    bounds: list[tuple[float, float, float]] = []
    for ref in series:  # ordered by period, best status first
        span = period_span(ref.period)
        value = convert(ref.value, ref.unit, unit)
        if span is None or value is None:
            continue
        x = (span[0] + span[1]) / 2
        bound = _open_bound(ref, unit)
        if bound is not None:
            edge_value, edge = bound
            ax.plot([x], [edge_value], "_", color=REFERENCE_COLOR, markersize=12, mew=2,
                    zorder=2, label="reference: a bound only" if "bound" not in labelled else None)  # fmt: skip
            labelled.add("bound")
            bounds.append((x, edge_value, edge))
            xs.extend(span)
            ys.append(edge_value)
            continue
        best.setdefault(str(ref.period), (x, value))
        marker, filled, label = STATUS_STYLES.get(ref.status, ("o", False, ref.status))
        ax.errorbar(
            [x],
            [value],
            xerr=_period_bar(span),
            fmt=marker,
            markersize=6,
            color=REFERENCE_COLOR,
            markerfacecolor=REFERENCE_COLOR if filled else "white",
            markeredgewidth=1.3,
            zorder=2,
            label=f"reference: {label}" if label not in labelled else None,
        )
        labelled.add(label)
        xs.extend(span)
        ys.append(value)
        for bound in (ref.low, ref.high):
            bound = convert(bound, ref.unit, unit)
            if bound is not None:
                ys.append(bound)
    line = sorted(best.values())
    if len(line) > 1:
        ax.plot(*zip(*line, strict=True), "-", color=REFERENCE_COLOR, linewidth=1, zorder=1)
    return bounds


def _open_bound(ref: Reference, unit: str) -> tuple[float, float] | None:
    """(the bound, 1.0 for "at least" / 0.0 for "at most") of a reference that is a bound
    only; None for a figure."""
    if ref.low is not None and ref.high is None:
        bound = convert(ref.low, ref.unit, unit)
        return None if bound is None else (bound, 1.0)
    if ref.high is not None and ref.low is None:
        bound = convert(ref.high, ref.unit, unit)
        return None if bound is None else (bound, 0.0)
    return None


def _draw_constants(ax, refs: Sequence[Reference], unit: str, ys: list[float]) -> None:
    """Reference values that hold for any period: horizontal lines across the plot."""
    labelled: set[str] = set()
    for ref in refs:
        value = convert(ref.value, ref.unit, unit)
        if value is None:
            continue
        bound = _open_bound(ref, unit)
        if bound is not None:  # "over 7,000": a dotted line at the bound, not a value
            ax.axhline(bound[0], color=REFERENCE_COLOR, linewidth=1.3, linestyle=":", zorder=1,
                       label=("reference, any period: at least" if bound[1] else
                              "reference, any period: at most"))  # fmt: skip
            ys.append(bound[0])
            continue
        _marker, filled, label = STATUS_STYLES.get(ref.status, ("o", False, ref.status))
        ax.axhline(
            value,
            color=REFERENCE_COLOR,
            linewidth=1.3,
            linestyle="-" if filled else "--",
            zorder=1,
            label=f"reference, any period: {label}" if label not in labelled else None,
        )
        labelled.add(label)
        ys.append(value)


def _year_ticks(ax) -> None:
    from matplotlib.ticker import FixedLocator, FuncFormatter

    # A year's values sit in the middle of the year: the tick labelled 2021 is at 2021.5.
    first, last = ax.get_xlim()
    years = list(range(math.floor(first), math.ceil(last) + 1))
    step = max(1, math.ceil(len(years) / 12))
    ax.xaxis.set_major_locator(FixedLocator([y + 0.5 for y in years[::step]]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: str(math.floor(x))))


def _finish(ax, measure: str, unit: str) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(_axis_number(unit)))
    ax.set_title(measure, loc="left", fontsize=10)
    ax.set_ylabel(axis_label(unit))
    ax.grid(True, axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)


# How a unit reads on an axis: counts are numbers of things, a dimensionless value a ratio.
_AXIS_LABELS = {
    "count": "number",
    "dimensionless": "ratio (times)",
    "percent": "percent",
    "USD": "US dollars",
}


def axis_label(unit: str) -> str:
    """The y axis label of a unit: "number", "ratio (times)", "US dollars", "milligrams"."""
    if unit in _AXIS_LABELS:
        return _AXIS_LABELS[unit]
    return unit if unit.endswith("s") or " " in unit or "/" in unit else unit + "s"


def _period_bar(span: tuple[float, float]) -> list[list[float]] | None:
    """A horizontal bar over a period of more than a year ("2016/2020"); none for a year or
    less, where the point says it all."""
    if span[1] - span[0] <= 1.01:
        return None
    half = (span[1] - span[0]) / 2
    return [[half], [half]]


def _set_limits(ax, xs: list[float], ys: list[float], headroom: bool, over_time: bool) -> None:
    if xs and over_time:
        # At least three years wide, so a single period still gets a labelled tick.
        first, last = math.floor(min(xs)), math.ceil(max(xs))
        if last - first < 3:
            first, last = first - 1, last + 1
        ax.set_xlim(first - 0.1, last + 0.1)
    if ys:
        low, high = min(ys), max(ys)
        if low >= 0:
            low = 0.0  # counts and shares read best from zero
        if high <= 0:
            high = 0.0
        pad = (high - low) * 0.1 or 1.0
        # Room above the highest point for the arrow of a "more than" claim to be seen.
        top = high + pad * (3 if headroom else 1)
        ax.set_ylim(low - (pad if low < 0 else 0), top)


def _axis_number(unit: str):
    suffix = "%" if unit == "percent" else ""

    def format_tick(value: float, _pos: int) -> str:
        if abs(value) >= 1e6:
            return f"{value / 1e6:,.1f}M{suffix}"
        if float(value).is_integer():
            return f"{int(value):,}{suffix}"
        return f"{value:,.2f}{suffix}"

    return format_tick


def _where(claim: Claim) -> str:
    from .text import claim_place

    return claim_place(claim)
