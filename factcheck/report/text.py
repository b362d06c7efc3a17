"""The terminal report: lint-style lines an editor can jump to, and ``--explain`` for one finding.

The first line of each finding is ``path:line:col: severity rule message [id]``: the shape gcc,
flake8 and ruff print, so Vim's quickfix list, Emacs' compilation mode and VS Code's problem
matchers pick it up without configuration. Everything else about the finding (the other claims,
the reference) follows on indented lines, which those tools skip.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, TextIO

from ..model import Claim, Finding, Report
from ..wording import difference_short

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# ANSI SGR codes; the caller decides whether the stream is a terminal (and honours NO_COLOR).
_RESET = "\033[0m"
_STYLES = {
    "error": "\033[1;31m",
    "warning": "\033[1;33m",
    "info": "\033[36m",
    "path": "\033[1m",
    "dim": "\033[2m",
}

EXCERPT_WIDTH = 100


def render_text(
    report: Report,
    out: TextIO,
    *,
    color: bool = False,
    quiet: bool = False,
    verbose: bool = False,
    statistics: bool = False,
) -> None:
    """Write the findings one per line, with context lines, then a summary unless ``quiet``.

    Findings of severity info (verified and unverifiable claims) are written only when
    ``verbose``: a clean run should print nothing but the summary. With ``statistics``, a
    count per rule replaces the findings (as ruff's --statistics does).
    """
    paint = _painter(color)
    shown = [f for f in report.findings if verbose or f.severity != "info"]
    if statistics:
        for line in statistics_lines(shown):
            out.write(line + "\n")
        shown = []
    for finding in sorted(shown, key=finding_sort_key):
        out.write(_headline(finding, paint) + "\n")
        for line in _context_lines(finding, verbose):
            out.write("    " + line + "\n")
    if not quiet:
        hidden = sum(1 for f in report.findings if f.severity == "info") if not verbose else 0
        out.write(_summary(report, hidden=hidden, paint=paint) + "\n")
        out.write(configuration_line(report) + "\n")


def statistics_lines(findings: list[Finding]) -> list[str]:
    """``   3  reference-mismatch  error  A claim disagrees with the reference figure.``: a
    line per rule found, most frequent first, with its summary from the rule registry."""
    from collections import Counter

    from ..rules import BY_ID

    counts = Counter(f.rule for f in findings)
    if not counts:
        return []
    width = max(len(rule) for rule in counts)
    digits = len(str(max(counts.values())))
    lines = []
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        known = BY_ID.get(rule)
        summary = f"  {known.summary}" if known else ""
        lines.append(f"{count:>{digits}}  {rule:<{width}}{summary}")
    return lines


def finding_sort_key(finding: Finding) -> tuple[Any, ...]:
    """Order by the primary place (path, line, column), then severity and rule."""
    first = finding.claims[0] if finding.claims else {}
    return (
        str(first.get("doc") or ""),
        int(first.get("line") or 0),
        int(first.get("column") or 0),
        SEVERITY_ORDER.get(finding.severity, 3),
        finding.rule,
        finding.id,
    )


def claim_place(claim: Claim) -> str:
    """``place_of`` for a Claim: ``path:line:col``, or ``path:¶14:23`` in a Word or PDF
    document."""
    if claim.position:
        return f"{claim.doc}:{claim.position['label']}"
    return f"{claim.doc}:{claim.line}:{claim.column}"


def place_of(claim: dict[str, Any]) -> str:
    """``path:line:col`` of a claim as a finding refers to it; ``path:¶14:23`` (its
    position's label) in a Word or PDF document."""
    position = claim.get("position")
    if position:
        return f"{claim.get('doc')}:{position['label']}"
    return f"{claim.get('doc')}:{claim.get('line')}:{claim.get('column')}"


def _headline(finding: Finding, paint: _Paint) -> str:
    where = place_of(finding.claims[0]) if finding.claims else "factcheck"
    message = _one_line(finding.message)
    return (
        f"{paint('path', where)}: {paint(finding.severity, finding.severity)} "
        f"{finding.rule} {message} {paint('dim', '[' + finding.id + ']')}"
    )


def _context_lines(finding: Finding, verbose: bool) -> list[str]:
    lines = []
    for claim in finding.claims[1:]:
        sentence = excerpt(claim.get("sentence") or "", str(claim.get("surface") or ""))
        lines.append(f'{place_of(claim)}: "{claim.get("surface")}" — {sentence}')
    if finding.reference:
        lines.append("reference: " + describe_reference(finding.reference))
    if verbose and (finding.expected is not None or finding.actual is not None):
        lines.append(describe_comparison(finding))
    return lines


def describe_reference(ref: dict[str, Any]) -> str:
    """``70,601 (final-secondary), 2021, us_overdose_deaths: source <url>``."""
    value = format_number(ref.get("value"))
    unit = ref.get("unit")
    if unit and unit not in ("count", "dimensionless"):
        value += f" {unit}"
    parts = [f"{value} ({ref.get('status') or 'final'})"]
    period = ref.get("period")
    parts.append(str(period) if period else "any period")
    text = ", ".join(parts) + f", {ref.get('dataset')}"
    if ref.get("source"):
        text += f": {_one_line(str(ref['source']))}"
    if ref.get("url"):
        text += f" <{ref['url']}>"
    return text


def describe_comparison(finding: Finding) -> str:
    """``expected X, found Y (+41.6%, tolerance 3%)``: the parts a finding has, the difference
    signed (the claim against what it is checked with) or as a factor when large."""
    parts = []
    if finding.expected is not None:
        parts.append(f"expected {finding.expected}")
    if finding.actual is not None:
        parts.append(f"found {finding.actual}")
    details = []
    if finding.difference is not None:
        details.append(str(difference_short(finding.difference)))
    if finding.tolerance is not None:
        details.append(f"tolerance {finding.tolerance}")
    text = ", ".join(parts) or "no comparison"
    return text + (f" ({', '.join(details)})" if details else "")


def configuration_line(report: Report) -> str:
    """Which catalog and references the findings rest on: "using the shipped catalog and
    references", "using catalog claims.yaml + the shipped one; references refs/ only"."""
    from ..catalog import default_catalog_path
    from ..references import default_references_dir

    def describe(item: dict[str, Any] | None, what: str, shipped: Path, them: str) -> str:
        if not item:
            return f"no {what}"
        path = str(item.get("path"))
        if _same_path(path, shipped):
            return f"the shipped {what}"
        extends = item.get("extends")
        if not extends:
            return f"{what} {path} only"
        base = f"the shipped {them}" if _same_path(extends, shipped) else str(extends)
        return f"{what} {path} + {base}"

    catalog = describe(report.catalog, "catalog", default_catalog_path(), "one")
    references = describe(report.references, "references", default_references_dir(), "ones")
    if catalog == "the shipped catalog" and references == "the shipped references":
        return "using the shipped catalog and references"
    return f"using {catalog}; {references}"


def _same_path(a: str, b: Path) -> bool:
    try:
        return Path(a).resolve() == b.resolve()
    except OSError:
        return False


def _summary(report: Report, hidden: int, paint: _Paint) -> str:
    summary = report.summary or {}
    counts = summary.get("findings") or {}
    documents = summary.get("documents", len(report.inputs))
    claims = summary.get("claims", len(report.claims))
    parts = []
    for severity in ("error", "warning", "info"):
        number = counts.get(severity, sum(f.severity == severity for f in report.findings))
        noun = severity if severity == "info" or number == 1 else severity + "s"
        label = f"{number} {noun}"
        parts.append(paint(severity, label) if number else label)
    text = f"{plural(documents, 'document')}, {plural(claims, 'claim')}: {', '.join(parts)}"
    elapsed = summary.get("elapsed_seconds")
    if isinstance(elapsed, int | float):
        text += f" in {elapsed:.2f} s"
    if hidden:
        text += f" ({hidden} info not shown; -v shows them)"
    return text


# --- --explain ------------------------------------------------------------------------------


def find_finding(report: Report, finding_id: str) -> Finding:
    """The finding with this id, or the only one whose id starts with it; KeyError otherwise."""
    wanted = finding_id.strip()
    for finding in report.findings:
        if finding.id == wanted:
            return finding
    matches = [f for f in report.findings if wanted and f.id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise KeyError(f"finding id prefix '{wanted}' is ambiguous: {len(matches)} findings match")
    raise KeyError(f"no finding with id '{wanted}'")


def render_explain(report: Report, finding_id: str, out: TextIO) -> None:
    """Write the whole chain of reasoning behind one finding (``check --explain ID``).

    ``finding_id`` may be a unique prefix of the id. Raises KeyError for an unknown or
    ambiguous id.
    """
    finding = find_finding(report, finding_id)
    write = out.write
    write(f"{finding.id}: {finding.severity} {finding.rule}\n")
    write(f"  {_one_line(finding.message)}\n")
    if finding.measure:
        write(f"  measure: {finding.measure}\n")
    by_id = {claim.id: claim for claim in report.claims}
    for number, claim in enumerate(finding.claims, start=1):
        write(f"\nclaim {number}: {place_of(claim)} ({claim.get('id')})\n")
        write(f'  surface:  "{claim.get("surface")}"\n')
        write(f"  sentence: {_one_line(str(claim.get('sentence') or ''))}\n")
        full = by_id.get(str(claim.get("id")))
        if full is not None:
            write(f"  read as:  {full.qualifier} {full.kind}")
            if full.noun:
                write(f" of {full.noun}")
            write("\n")
        write(f"  interval: {format_interval(claim.get('low'), claim.get('high'))}")
        write(f" {claim.get('unit')}, value {format_number(claim.get('value'))}\n")
        details = []
        if claim.get("period"):
            details.append(f"period {claim['period']}")
        if full is not None:
            if full.place:
                details.append(f"place {full.place}")
            if full.resolution:
                details.append(f"written to the nearest {format_number(full.resolution)}")
            if full.currency_year:
                details.append(f"{full.currency_year} dollars")
            if full.change is not None:
                details.append(f"change {format_percent(full.change)}")
            if full.factor is not None:
                details.append(f"factor {format_number(full.factor)}")
        if details:
            write(f"  context:  {', '.join(details)}\n")
    if finding.reference:
        ref = finding.reference
        write("\nreference:\n")
        write(f"  {describe_reference(ref)}\n")
        row = f"{ref.get('dataset')}, row {ref['row']}" if ref.get("row") else ref.get("dataset")
        write(f"  row:      {row}: {ref.get('measure')}, {ref.get('place') or 'any place'}, ")
        write(f"{ref.get('period') or 'any period'}\n")
        if ref.get("low") is not None or ref.get("high") is not None:
            write(f"  interval: {format_interval(ref.get('low'), ref.get('high'))}\n")
        write(f"  status:   {ref.get('status') or 'final'}\n")
    write("\ncomparison:\n")
    write(f"  expected:   {_or_dash(finding.expected)}\n")
    write(f"  actual:     {_or_dash(finding.actual)}\n")
    difference = difference_short(finding.difference)
    write(f"  difference: {_or_dash(difference)}\n")
    write(f"  tolerance:  {_or_dash(finding.tolerance)}\n")
    if finding.explanation:
        write("\nreasoning:\n")
        for number, step in enumerate(finding.explanation, start=1):
            write(f"  {number}. {step}\n")


# --- formatting helpers, shared with the other formats --------------------------------------


def format_number(value: Any) -> str:
    """70601 -> "70,601"; 0.25 -> "0.25"; None -> "?"."""
    if value is None:
        return "?"
    if not isinstance(value, int | float):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "+inf" if value > 0 else "-inf" if value < 0 else "nan"
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def format_interval(low: Any, high: Any) -> str:
    """[66,500, 73,500]; an unbounded side is written as an infinity with an open bracket."""
    left = "(-inf" if low is None else f"[{format_number(low)}"
    right = "+inf)" if high is None else f"{format_number(high)}]"
    return f"{left}, {right}"


def format_percent(relative: float) -> str:
    return f"{relative * 100:+.1f}%"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def excerpt(sentence: str, surface: str, width: int = EXCERPT_WIDTH) -> str:
    """The sentence on one line, cut to ``width`` characters around the surface."""
    text = _one_line(sentence)
    if len(text) <= width:
        return text
    at = text.find(surface)
    start = max(0, min(at - width // 3, len(text) - width)) if at >= 0 else 0
    end = start + width
    # Cut between words, so no fragment of a word starts or ends the excerpt.
    if start:
        space = text.find(" ", start, at if at >= 0 else end)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", max(start, at + len(surface)) if at >= 0 else start, end)
        end = space if space > start else end
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _one_line(text: str) -> str:
    """Collapse newlines and runs of spaces: one finding, one line, whatever the message."""
    return " ".join(str(text).split())


def _or_dash(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, text: str) -> str:
        if not self.color or style not in _STYLES:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def _painter(color: bool) -> _Paint:
    return _Paint(color)
