"""The HTML report (``check --format html``): one self-contained page a reviewer opens offline.

Findings come first, each with its sentences and evidence; then, for every measure with both
claims and a reference series, a chart of the claims against the series; then every claim in a
table. The page has inline CSS and inline SVG charts and loads nothing: it opens the same from
an e-mail attachment, an archive or a CI artifact. All text from documents and datasets is
escaped; links are only made from http(s) addresses.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any, TextIO

from ..model import Claim, Finding, Report
from ..references import ReferenceSet
from ..wording import difference_short
from .text import (
    SEVERITY_ORDER,
    claim_place,
    configuration_line,
    finding_sort_key,
    format_interval,
    format_number,
    place_of,
    plural,
)

_URL = re.compile(r"https?://[^\s<>\"'`]+")
_TRAILING = ".,;:)]"


def render_html(
    report: Report, out: TextIO, references: ReferenceSet | None = None, catalog=None
) -> None:
    """Write the report as one HTML page. Charts need matplotlib and a ``references`` set;
    the ``catalog`` gives them their measures' labels and reference ids."""
    findings = sorted(
        report.findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), finding_sort_key(f))
    )
    about: dict[str, list[Finding]] = {}
    for finding in findings:
        for claim in finding.claims:
            about.setdefault(str(claim.get("id")), []).append(finding)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # The mark factcheck looks for, so that it never reads this report as a draft.
        f'<meta name="generator" content="{escape(_tool(report), quote=True)}">',
        f"<title>factcheck report: {_summary_text(report)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(report),
        "<main>",
        _findings_section(findings),
        _charts_section(report, references, catalog),
        _claims_section(report.claims, about),
        _inputs_section(report),
        "</main>",
        f"<footer>{escape(_tool(report))} · report format {escape(report.version)}</footer>",
        "</body>",
        "</html>",
    ]
    out.write("\n".join(part for part in parts if part) + "\n")


# --- header -----------------------------------------------------------------------------------


def _tool(report: Report) -> str:
    return f"{report.tool.get('name', 'factcheck')} {report.tool.get('version', '')}".strip()


def _counts(report: Report) -> dict[str, int]:
    given = (report.summary or {}).get("findings") or {}
    return {
        severity: int(given.get(severity, sum(f.severity == severity for f in report.findings)))
        for severity in ("error", "warning", "info")
    }


def _summary_text(report: Report) -> str:
    counts = _counts(report)
    return escape(
        f"{counts['error']} errors, {counts['warning']} warnings in "
        f"{plural(int(report.summary.get('documents', len(report.inputs))), 'document')}"
    )


def _header(report: Report) -> str:
    summary = report.summary or {}
    counts = _counts(report)
    badges = " ".join(
        f'<span class="badge {severity}">'
        f"{plural(counts[severity], severity) if severity != 'info' else f'{counts[severity]} info'}"
        "</span>"
        for severity in ("error", "warning", "info")
    )
    facts = [
        plural(int(summary.get("documents", len(report.inputs))), "document"),
        plural(int(summary.get("claims", len(report.claims))), "claim"),
    ]
    elapsed = summary.get("elapsed_seconds")
    if isinstance(elapsed, int | float):
        facts.append(f"{elapsed:.2f} s")
    config = []
    for label, item in (("catalog", report.catalog), ("references", report.references)):
        if item:
            config.append(
                f"<dt>{label}</dt><dd><code>{escape(str(item.get('path')))}</code> "
                f'<span class="hash">sha256 {escape(str(item.get("sha256", ""))[:16])}…</span></dd>'
            )
        else:
            config.append(f"<dt>{label}</dt><dd>none</dd>")
    using = escape(configuration_line(report).removeprefix("using ")).replace("; ", "<br>")
    config.append(f"<dt>checked against</dt><dd>{using}</dd>")
    return (
        "<header>"
        "<h1>factcheck report</h1>"
        f'<p class="summary">{badges} <span class="facts">{escape(" · ".join(facts))}</span></p>'
        f'<dl class="config"><dt>tool</dt><dd>{escape(_tool(report))}</dd>{"".join(config)}</dl>'
        "</header>"
    )


# --- findings ---------------------------------------------------------------------------------


def _findings_section(findings: list[Finding]) -> str:
    main = [f for f in findings if f.severity != "info"]
    info = [f for f in findings if f.severity == "info"]
    body = [f'<section id="findings"><h2>Findings ({len(findings)})</h2>']
    if not main:
        body.append('<p class="clean">No errors or warnings.</p>')
    body.extend(_finding(f) for f in main)
    if info:
        # Verified and unverifiable claims are many and rarely read: folded, but in the page.
        body.append(
            f'<details class="info-findings"><summary>{plural(len(info), "info finding")} '
            "(verified and unverifiable claims)</summary>"
        )
        body.extend(_finding(f) for f in info)
        body.append("</details>")
    body.append("</section>")
    return "\n".join(body)


def _finding(finding: Finding) -> str:
    severity = escape(finding.severity)
    claims = "".join(
        f'<li><a class="place" href="#{escape(str(c.get("id")), quote=True)}">'
        f"{escape(place_of(c))}</a>"
        f"<blockquote>{_marked(c)}</blockquote></li>"
        for c in finding.claims
    )
    evidence = []
    if finding.reference:
        evidence.append(("reference", _reference(finding.reference)))
    for label, value in (
        ("expected", finding.expected),
        ("actual", finding.actual),
        ("difference", difference_short(finding.difference)),
        ("tolerance", finding.tolerance),
    ):
        if value is not None and value != "":
            evidence.append((label, escape(str(value))))
    evidence_html = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in evidence)
    reasoning = ""
    if finding.explanation:
        steps = "".join(f"<li>{escape(step)}</li>" for step in finding.explanation)
        reasoning = f"<details><summary>reasoning</summary><ol>{steps}</ol></details>"
    return (
        f'<article class="finding {severity}" id="{escape(finding.id, quote=True)}">'
        f'<h3><span class="badge {severity}">{severity}</span> '
        f'<span class="rule" title="{escape(_rule_summary(finding.rule), quote=True)}">'
        f"{escape(finding.rule)}</span> "
        f'<span class="message">{escape(finding.message)}</span></h3>'
        f'<ol class="claims">{claims}</ol>'
        + (f'<dl class="evidence">{evidence_html}</dl>' if evidence else "")
        + reasoning
        + f'<p class="fid">id <code>{escape(finding.id)}</code></p></article>'
    )


def _rule_summary(rule_id: str) -> str:
    """The registry's one line for a rule, shown when the pointer rests on its id."""
    from ..rules import BY_ID

    rule = BY_ID.get(rule_id)
    return rule.summary if rule else ""


def _reference(ref: dict[str, Any]) -> str:
    status = str(ref.get("status") or "final")
    unit = ref.get("unit")
    value = format_number(ref.get("value"))
    if unit and unit not in ("count", "dimensionless"):
        value += f" {unit}"
    where = ", ".join(
        str(x) for x in (ref.get("place") or "any place", ref.get("period") or "any period")
    )
    row = f", row {ref['row']}" if ref.get("row") else ""
    text = (
        f"<strong>{escape(value)}</strong> "
        f'<span class="status {escape(_status_class(status), quote=True)}">{escape(status)}</span>'
        f" · {escape(where)} · {escape(str(ref.get('dataset')))}{escape(row)}"
    )
    if ref.get("source"):
        text += f'<br><span class="source">{linkify(str(ref["source"]))}</span>'
    if ref.get("url"):
        text += f'<br><span class="url">{linkify(str(ref["url"]))}</span>'
    return text


def _status_class(status: str) -> str:
    if status.startswith("provisional"):
        return "provisional"
    return "unconfirmed" if status == "final-unconfirmed" else "final"


def _marked(claim: dict[str, Any]) -> str:
    sentence, surface = str(claim.get("sentence") or ""), str(claim.get("surface") or "")
    return highlight(sentence, surface, claim.get("sentence_offset"))


def highlight(sentence: str, surface: str, offset: int | None = None) -> str:
    """The escaped sentence with the claim's own surface marked: at ``offset`` (the claim's
    ``sentence_offset``) when it is given and holds the surface, so "3" is not marked inside
    "2023"; else at the first occurrence of the surface."""
    shown = " ".join(surface.split())  # the sentence's white space is collapsed
    if offset is not None and shown and sentence[offset : offset + len(shown)] == shown:
        at = offset
    else:
        at = sentence.find(shown) if shown else -1
    if at < 0:  # the sentence was cleaned (markers, markup) and no longer holds the surface
        after = f' <span class="surface">(<mark>{escape(surface)}</mark>)</span>' if surface else ""
        return escape(sentence) + after
    end = at + len(shown)
    return f"{escape(sentence[:at])}<mark>{escape(shown)}</mark>{escape(sentence[end:])}"


def breakable(text: str) -> str:
    """Escaped, with line-break opportunities after the dots, slashes and colons of ids and
    paths, so a narrow column wraps them between parts rather than mid-word."""
    return re.sub(r"([./:])", r"\1<wbr>", escape(text))


def linkify(text: str) -> str:
    """Escape text and turn the http(s) addresses in it into links (nothing else: no
    ``javascript:`` or ``file:`` links from data)."""
    parts = []
    last = 0
    for match in _URL.finditer(text):
        url = match.group().rstrip(_TRAILING)
        start, end = match.start(), match.start() + len(url)
        parts.append(escape(text[last:start]))
        parts.append(f'<a href="{escape(url, quote=True)}" rel="noreferrer">{escape(url)}</a>')
        last = end
    parts.append(escape(text[last:]))
    return "".join(parts)


# --- charts -----------------------------------------------------------------------------------


def _charts_section(report: Report, references: ReferenceSet | None, catalog=None) -> str:
    """A chart per measure with claims and a reference series (the series of the measure's
    ``reference`` id, which may differ from its own; the catalog says so)."""
    by_measure: dict[str, list[Claim]] = {}
    for claim in report.claims:
        if claim.measure:
            by_measure.setdefault(claim.measure, []).append(claim)
    measure_of = catalog.get if catalog is not None else (lambda _id: None)

    def series_id(measure_id: str) -> str:
        measure = measure_of(measure_id)
        return (measure.reference or measure_id) if measure is not None else measure_id

    if references is None:
        measures = []
    else:
        measures = [m for m in sorted(by_measure) if references.series(series_id(m))]
    if not measures:
        return ""
    body = ['<section id="charts"><h2>Claims against the reference series</h2>']
    try:
        from .charts import measure_chart

        drawn = (
            measure_chart(
                m,
                by_measure[m],
                references.series(series_id(m)),
                label=getattr(measure_of(m), "label", None),
                references=references,
            )
            for m in measures
        )
        charts = [chart for chart in drawn if chart is not None]
    except ImportError as exc:  # matplotlib is an optional dependency (factcheck[html])
        body.append(
            f'<p class="note">Charts need matplotlib ({escape(str(exc))}): '
            "pip install 'factcheck[html]'.</p></section>"
        )
        return "\n".join(body)
    if not charts:
        return ""
    for chart in charts:
        notes = "".join(f"<li>{escape(note)}</li>" for note in chart.notes)
        if chart.over_time:
            how = (
                "by document and period, bars for the intervals they assert, arrows for "
                "open-ended ones; the reference series in grey, hollow marks for provisional "
                "or unconfirmed figures."
            )
        else:
            how = (
                "by document, bars for the intervals they assert, arrows for open-ended ones; "
                "the reference values, which hold for any period, as grey lines (dashed for "
                "provisional or unconfirmed figures)."
            )
        body.append(
            f'<figure class="chart" id="chart-{escape(chart.measure, quote=True)}">'
            f"{chart.svg}"
            f"<figcaption>{escape(chart.label)} (<code>{escape(chart.measure)}</code>): "
            f"{plural(chart.drawn, 'claim')} {how}"
            + (f'<ul class="notes">{notes}</ul>' if notes else "")
            + "</figcaption></figure>"
        )
    body.append("</section>")
    return "\n".join(body)


# --- tables -----------------------------------------------------------------------------------


def _unit_words(claim: Claim) -> str:
    """A claim's unit for a reader: pint's "dimensionless" is "times" for a multiplier."""
    if claim.unit == "dimensionless":
        return "times" if claim.kind == "multiplier" else "ratio"
    return claim.unit


def _claims_section(claims: list[Claim], about: dict[str, list[Finding]]) -> str:
    rows = []
    for claim in sorted(claims, key=lambda c: (c.doc, c.line, c.column)):
        findings = about.get(claim.id, [])
        worst = min(
            (f.severity for f in findings), key=lambda s: SEVERITY_ORDER.get(s, 3), default=""
        )
        links = " ".join(
            f'<a class="badge {escape(f.severity)}" href="#{escape(f.id, quote=True)}">'
            f"{escape(f.rule)}</a>"
            for f in findings
        )
        where = ", ".join(x for x in (claim.period, claim.place) if x)
        cells = [
            f'<td class="place">{breakable(claim_place(claim))}</td>',
            f"<td>{highlight(claim.sentence, claim.surface, claim.sentence_offset)}</td>",
            f'<td class="num">{escape(format_number(claim.value))}'
            f'<br><span class="interval">{escape(format_interval(claim.low, claim.high))}</span>'
            "</td>",
            f"<td>{escape(_unit_words(claim))}</td>",
            f"<td><code>{breakable(claim.measure or '')}</code><br>{escape(where)}</td>",
            f'<td class="links">{links}</td>',
        ]
        worst_class = f' class="{escape(worst)}"' if worst else ""
        rows.append(f'<tr id="{escape(claim.id, quote=True)}"{worst_class}>{"".join(cells)}</tr>')
    # Fixed column widths: long measure ids and paths wrap instead of widening the page.
    widths = (
        ("where", 15),
        ("sentence", 39),
        ("value", 12),
        ("unit", 9),
        ("measure", 15),
        ("findings", 10),
    )
    columns = "".join(f'<col style="width: {width}%">' for _, width in widths)
    header = "".join(f"<th>{name}</th>" for name, _ in widths)
    return (
        f'<section id="claims"><h2>All claims ({len(claims)})</h2>'
        f'<table class="claims"><colgroup>{columns}</colgroup><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _inputs_section(report: Report) -> str:
    rows = "".join(
        f"<tr><td>{escape(str(item.get('path')))}</td>"
        f'<td class="num">{escape(str(item.get("claims", "")))}</td>'
        f'<td class="hash">{escape(str(item.get("sha256", "")))}</td></tr>'
        for item in report.inputs
    )
    return (
        f'<section id="inputs"><h2>Inputs ({len(report.inputs)})</h2><table><thead><tr>'
        f"<th>document</th><th>claims</th><th>sha256</th></tr></thead><tbody>{rows}</tbody>"
        "</table></section>"
    )


CSS = """
:root { --error: #b3261e; --warning: #9a6700; --info: #0b6e99; --line: #d8dde3; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
       margin: 0 auto; max-width: 1100px; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem;
     margin-top: 2rem; }
h3 { font-size: 1rem; margin: 0 0 .5rem; font-weight: 600; }
code, .hash, .place { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
                      font-size: .85em; }
.hash { color: #656d76; }
.summary .facts { color: #656d76; margin-left: .5rem; }
dl.config { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0;
            font-size: .9rem; }
dl.config dt { color: #656d76; }
dl.config dd { margin: 0; }
.badge { display: inline-block; border-radius: 1em; padding: 0 .6em; font-size: .8rem;
         font-weight: 600; color: #fff; background: #656d76; text-decoration: none; }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.rule { font-family: ui-monospace, monospace; font-size: .85rem; color: #656d76; }
article.finding { border: 1px solid var(--line); border-left: 5px solid #656d76; border-radius: 6px;
                  padding: .8rem 1rem; margin: .8rem 0; }
article.finding.error { border-left-color: var(--error); }
article.finding.warning { border-left-color: var(--warning); }
article.finding.info { border-left-color: var(--info); }
ol.claims { padding-left: 1.2rem; margin: .3rem 0; }
ol.claims blockquote { margin: .1rem 0 .4rem; padding-left: .7rem; border-left: 3px solid var(--line);
                       color: #3d444d; }
mark { background: #fff3b0; padding: 0 .15em; border-radius: 3px; font-weight: 600; }
dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
              margin: .5rem 0; font-size: .92rem; }
dl.evidence dt { color: #656d76; }
dl.evidence dd { margin: 0; overflow-wrap: anywhere; }
.status { border: 1px solid; border-radius: 3px; padding: 0 .3em; font-size: .8rem; }
.status.final { color: #1a7f37; }
.status.provisional { color: var(--warning); }
.status.unconfirmed { color: var(--error); }
.source, .url { color: #3d444d; font-size: .88rem; }
.fid { margin: .3rem 0 0; font-size: .8rem; color: #656d76; }
details > summary { cursor: pointer; color: #3d444d; }
details.info-findings { margin-top: 1rem; }
.clean { color: #1a7f37; font-weight: 600; }
figure.chart { margin: 1rem 0 2rem; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: .88rem; color: #3d444d; }
table { border-collapse: collapse; width: 100%; font-size: .86rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left;
         vertical-align: top; }
td { overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.claims { table-layout: fixed; }
.interval { color: #656d76; font-size: .8rem; white-space: nowrap; }
td.links .badge { font-size: .72rem; margin: 0 .2em .2em 0; overflow-wrap: normal; }
tr.error td:first-child { box-shadow: inset 4px 0 var(--error); }
tr.warning td:first-child { box-shadow: inset 4px 0 var(--warning); }
tr.info td:first-child { box-shadow: inset 4px 0 var(--info); }
footer { margin-top: 2rem; color: #656d76; font-size: .8rem; }
@media print { details { display: block; } article.finding { break-inside: avoid; } }
"""
