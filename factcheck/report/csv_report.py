"""The CSV report (``check --format csv``): one row per claim, with the findings about it.

A reviewer sorts and filters this in a spreadsheet, so every claim gets a row, including the
ones no finding is about (their ``findings`` and ``worst_severity`` are empty).
"""

from __future__ import annotations

from typing import TextIO

from ..model import CLAIM_FIELDS, Report

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
COLUMNS = [*CLAIM_FIELDS, "findings", "worst_severity"]


def render_csv(report: Report, out: TextIO) -> None:
    """Write one row per claim: its fields, then ``findings`` ("severity:rule:finding_id",
    separated by semicolons) and ``worst_severity`` (error, warning, info or empty)."""
    import pandas as pd  # imported here: pandas costs a third of a second to load

    about: dict[str, list[tuple[str, str, str]]] = {}
    for finding in report.findings:
        for claim in finding.claims:
            entries = about.setdefault(str(claim.get("id")), [])
            entry = (finding.severity, finding.rule, finding.id)
            if entry not in entries:  # a claim named twice in one finding is listed once
                entries.append(entry)
    rows = []
    for claim in report.claims:
        row = {key: _line_breaks(value) for key, value in claim.to_row().items()}
        entries = sorted(
            about.get(claim.id, []), key=lambda e: (SEVERITY_RANK.get(e[0], 3), e[1], e[2])
        )
        row["findings"] = ";".join(":".join(entry) for entry in entries)
        row["worst_severity"] = entries[0][0] if entries else ""
        rows.append(row)
    # object dtype keeps each value as written: no 70000 -> 70000.0 from a column with a null.
    frame = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
    frame.to_csv(out, index=False, lineterminator="\n")


def _line_breaks(value: object) -> object:
    """A cell's carriage returns as line feeds. The rows end in "\n", so the writer quotes a
    cell holding a line feed but not one holding a bare carriage return, which every CSV
    reader (spreadsheets, Python's csv) takes for the end of the row: one claim's sentence
    from a file with old Mac line ends split its row in two."""
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value
