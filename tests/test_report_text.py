"""The terminal report (factcheck/report/text.py) and the render() dispatcher."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from report_fixtures import BRIEF, MEMO, TIMELINE, empty_report, sample_report

from factcheck.report import FORMATS, render
from factcheck.report.text import (
    excerpt,
    find_finding,
    format_interval,
    format_number,
    render_explain,
    render_text,
)

# What Vim's default errorformat, flake8-style problem matchers and this test agree a finding is.
HEADLINE = re.compile(
    r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) (?P<rule>[a-z-]+) (?P<msg>.+)$"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def text_of(report, **options) -> str:
    out = io.StringIO()
    render_text(report, out, **options)
    return out.getvalue()


def headlines(text: str) -> list[re.Match]:
    return [m for line in text.splitlines() if (m := HEADLINE.match(line))]


def test_one_line_per_finding_sorted_by_place_with_context_indented():
    text = text_of(sample_report())
    lines = text.splitlines()
    found = headlines(text)
    # Info findings (verified, unverifiable) are left out by default.
    assert [(m["path"], int(m["line"]), m["sev"], m["rule"]) for m in found] == [
        (BRIEF, 9, "warning", "reference-mismatch"),
        (MEMO, 3, "error", "contradiction"),
        (MEMO, 3, "warning", "reference-mismatch"),
        (MEMO, 7, "warning", "change-mismatch"),
    ]
    # Every other line is indented context or the summary (two lines): nothing a problem
    # matcher misreads.
    for line in lines[:-2]:
        assert HEADLINE.match(line) or line.startswith("    ")
    # The contradiction names the other claim's place, its surface and its sentence...
    at = lines.index(next(line for line in lines if " contradiction " in line))
    assert lines[at + 1].startswith(f'    {BRIEF}:4:57: "about 70,000" — ')
    assert "illicit fentanyl at about 70,000 deaths" in lines[at + 1]
    # ...and the reference with its status, period, dataset, source and address.
    assert lines[at + 2].startswith(
        "    reference: 70,601 (final-secondary), 2021, us_overdose_deaths: "
    )
    assert "<https://nida.nih.gov/" in lines[at + 2]
    # The finding id is on the headline, for --explain.
    contradiction = next(f for f in sample_report().findings if f.rule == "contradiction")
    assert lines[at].endswith(f"[{contradiction.id}]")


def test_summary_counts_documents_claims_findings_and_time(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the report's relative paths are not the shipped files here
    counts, using = text_of(sample_report()).splitlines()[-2:]
    assert counts.startswith("3 documents, 8 claims: 1 error, 3 warnings, 2 info in 0.42 s")
    assert "2 info not shown" in counts
    # The summary always names the catalog and references the findings rest on.
    assert using == "using catalog claims.yaml only; references references only"
    assert text_of(empty_report()).splitlines() == [
        "1 document, 0 claims: 0 errors, 0 warnings, 0 info in 0.01 s",
        "using no catalog; no references",
    ]


def test_verbose_adds_info_findings_and_comparisons():
    text = text_of(sample_report(), verbose=True)
    rules = [m["rule"] for m in headlines(text)]
    assert "verified" in rules and "unverifiable" in rules
    assert any(m["path"] == TIMELINE and m["sev"] == "info" for m in headlines(text))
    assert (
        "    expected 70,601 (final-secondary), found more than 100,000 (+41.6%, tolerance 3%)"
        in text
    )
    assert "not shown" not in text


def test_quiet_prints_findings_only():
    text = text_of(sample_report(), quiet=True)
    assert len(headlines(text)) == 4
    assert "documents" not in text
    assert text_of(empty_report(), quiet=True) == ""


def test_color_only_when_asked():
    plain = text_of(sample_report())
    colored = text_of(sample_report(), color=True)
    assert "\x1b[" not in plain
    assert "\x1b[1;31merror\x1b[0m" in colored
    assert ANSI.sub("", colored) == plain


def test_a_message_with_newlines_stays_on_one_line():
    report = sample_report()
    report.findings[1].message = "first line\nsecond   line"
    text = text_of(report)
    assert any(
        line.endswith("first line second line [" + report.findings[1].id + "]")
        for line in text.splitlines()
    )


def test_explain_shows_the_whole_chain():
    report = sample_report()
    finding = next(f for f in report.findings if f.rule == "contradiction")
    out = io.StringIO()
    render_explain(report, finding.id, out)
    text = out.getvalue()
    assert text.startswith(f"{finding.id}: error contradiction\n")
    # Both sentences, each claim's interval after its qualifier, the reading and the rounding.
    assert "Our memo says that in 2021 more than 100,000 residents" in text
    assert "Federal figures put the toll from illicit fentanyl at about 70,000" in text
    assert "interval: [100,000, +inf) count" in text
    assert "interval: [66,500, 73,500] count" in text
    assert "read as:  about count of deaths" in text
    assert "written to the nearest 1,000" in text
    # The reference row with its status and source, the comparison and the reasoning.
    assert (
        "row:      us_overdose_deaths, row 13: us.overdose_deaths.synthetic_opioids, US, 2021"
        in text
    )
    assert "status:   final-secondary" in text
    assert "tolerance:  3%" in text
    assert "difference: +36.0%" in text
    assert "  3. rounding: both were written to the nearest 1,000" in text


def test_explain_accepts_a_unique_prefix_and_rejects_unknown_ids():
    report = sample_report()
    finding = report.findings[0]
    out = io.StringIO()
    render_explain(report, finding.id[:6], out)
    assert out.getvalue().startswith(finding.id)
    with pytest.raises(KeyError):
        render_explain(report, "fffffffffffff", io.StringIO())
    with pytest.raises(KeyError):
        render_explain(report, "", io.StringIO())
    with pytest.raises(KeyError, match="ambiguous"):
        find_finding(report, "f")


def test_explain_of_a_finding_without_reference():
    report = sample_report()
    finding = next(f for f in report.findings if f.rule == "unverifiable")
    out = io.StringIO()
    render_explain(report, finding.id, out)
    text = out.getvalue()
    assert "reference:" not in text
    assert "expected:   —" in text


def test_number_and_interval_formatting():
    assert format_number(70601.0) == "70,601"
    assert format_number(0.25) == "0.25"
    assert format_number(None) == "?"
    assert format_interval(None, 5) == "(-inf, 5]"
    long = "word " * 60 + "the 12,345 figure " + "word " * 60
    cut = excerpt(long, "12,345", width=60)
    assert "12,345" in cut and len(cut) <= 62 and cut.startswith("…") and cut.endswith("…")


def test_render_dispatches_every_format():
    report = sample_report()
    for fmt in FORMATS:
        out = io.StringIO()
        render(report, fmt, out, color=False, quiet=False, verbose=False, references=None)
        assert out.getvalue(), fmt
    with pytest.raises(ValueError):
        render(report, "xml", io.StringIO())
    with pytest.raises(TypeError):
        render(report, "text", io.StringIO(), colour=True)


def test_importing_the_text_format_loads_neither_pandas_nor_matplotlib():
    # The pre-commit hook prints text: it must not pay for the heavy libraries.
    code = (
        "import sys, io\n"
        "from factcheck.report import render\n"
        "from factcheck.report import text\n"
        "heavy = [m for m in ('pandas', 'matplotlib') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_comparisons_say_what_is_there_signed_or_as_a_factor():
    report = sample_report()
    text = text_of(report, verbose=True)
    assert "None" not in text  # an unverifiable claim has nothing to expect: no "expected None"
    finding = next(f for f in report.findings if f.rule == "reference-mismatch")
    for difference, shown in ((-0.405, "(-40.5%,"), (39.0, "(40 times,"), (-0.975, "(1/40,")):
        finding.difference = difference
        assert shown in text_of(report, verbose=True)
