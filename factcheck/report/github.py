"""GitHub Actions annotations (``check --format github``): one workflow command per finding,

    ::error file=drafts/brief.md,line=8,col=10,endLine=8,endColumn=27,title=factcheck reference-mismatch::“more than 100,000” is ...

which a workflow step's log turns into annotations on the pull request's files. Verified and
unverifiable claims (notices) only with -v. Data and properties are escaped as the runner
expects (%, CR, LF; and : and , inside properties).
"""

from __future__ import annotations

from typing import TextIO

from ..model import Finding, Report
from .text import finding_sort_key

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(report: Report, out: TextIO, *, verbose: bool = False) -> None:
    for finding in sorted(report.findings, key=finding_sort_key):
        if finding.severity == "info" and not verbose:
            continue
        out.write(annotation(finding) + "\n")


def annotation(finding: Finding) -> str:
    claim = finding.claims[0] if finding.claims else {}
    properties = [("file", claim.get("doc")), ("line", claim.get("line")),
                  ("col", claim.get("column")), ("endLine", claim.get("end_line")),
                  ("endColumn", claim.get("end_column")),
                  ("title", f"factcheck {finding.rule}")]  # fmt: skip
    shown = ",".join(f"{key}={_property(value)}" for key, value in properties if value is not None)
    message = " ".join(finding.message.split()) + f" [{finding.id}]"
    return f"::{COMMANDS.get(finding.severity, 'warning')} {shown}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: object) -> str:
    return _data(str(value)).replace(":", "%3A").replace(",", "%2C")
