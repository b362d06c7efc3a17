"""The CSV report (factcheck/report/csv_report.py): one row per claim with its findings."""

from __future__ import annotations

import csv
import io

from report_fixtures import empty_report, sample_report

from factcheck.report.csv_report import COLUMNS, render_csv


def rows_of(report) -> list[dict[str, str]]:
    out = io.StringIO()
    render_csv(report, out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_one_row_per_claim_with_every_claim_field():
    report = sample_report()
    rows = rows_of(report)
    assert [row["id"] for row in rows] == [claim.id for claim in report.claims]
    assert list(rows[0]) == COLUMNS
    assert "start" not in COLUMNS and "findings" in COLUMNS and "worst_severity" in COLUMNS
    first = rows[0]
    assert first["surface"] == "about 70,000"
    assert first["value"] == "70000" and first["low"] == "66500"  # not 70000.0
    assert first["sentence"].startswith("Federal figures put the toll")


def test_findings_and_worst_severity():
    report = sample_report()
    by_surface = {row["surface"]: row for row in rows_of(report)}
    contradiction = next(f for f in report.findings if f.rule == "contradiction")
    mismatch = next(
        f
        for f in report.findings
        if f.claims[0]["surface"] == "more than 100,000" and f.rule == "reference-mismatch"
    )
    verified = next(f for f in report.findings if f.rule == "verified")
    memo = by_surface["more than 100,000"]
    # Worst first, each "severity:rule:finding_id", separated by semicolons.
    assert memo["findings"] == (
        f"error:contradiction:{contradiction.id};warning:reference-mismatch:{mismatch.id}"
    )
    assert memo["worst_severity"] == "error"
    # The other side of the contradiction is listed too.
    assert by_surface["about 70,000"]["findings"] == f"error:contradiction:{contradiction.id}"
    assert by_surface["19,413"]["findings"] == f"info:verified:{verified.id}"
    assert by_surface["19,413"]["worst_severity"] == "info"
    # A claim no finding is about has empty cells, not "nan".
    seizure = by_surface["12 tons"]
    assert seizure["findings"] == "" and seizure["worst_severity"] == ""
    assert seizure["measure"] == ""


def test_empty_report_has_the_header_only():
    out = io.StringIO()
    render_csv(empty_report(), out)
    assert out.getvalue() == ",".join(COLUMNS) + "\n"


def test_round_trip_through_pandas():
    import pandas as pd

    out = io.StringIO()
    render_csv(sample_report(), out)
    frame = pd.read_csv(io.StringIO(out.getvalue()), keep_default_na=False)
    assert len(frame) == 8
    assert (frame["worst_severity"] == "warning").sum() == 2


def test_a_carriage_return_in_a_cell_does_not_split_its_row():
    # Found by the fuzz campaign: a sentence read from a file with a bare carriage return
    # went out unquoted, and a CSV reader ended the row there.
    import dataclasses

    report = sample_report()
    first = report.claims[0]
    report.claims[0] = dataclasses.replace(first, sentence="Deaths rose\rsharply.\r\nThey fell.")
    rows = rows_of(report)
    assert [row["id"] for row in rows] == [claim.id for claim in report.claims]
    assert rows[0]["sentence"] == "Deaths rose\nsharply.\nThey fell."
