"""GitLab Code Quality (``check --format gitlab``): a JSON array of issues that a merge request
widget shows beside the changed lines (artifacts:reports:codequality).

Each issue has a description, check_name (the rule), a fingerprint (the finding id, stable
across runs), a severity (error: major, warning: minor, info: info) and a location (path and
line). Verified and unverifiable claims only with -v.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..model import Finding, Report
from .text import finding_sort_key

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render_gitlab(report: Report, out: TextIO, *, verbose: bool = False) -> None:
    issues = [
        issue(f)
        for f in sorted(report.findings, key=finding_sort_key)
        if verbose or f.severity != "info"
    ]
    json.dump(issues, out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")


def issue(finding: Finding) -> dict[str, Any]:
    claim = finding.claims[0] if finding.claims else {}
    return {
        "type": "issue",
        "description": " ".join(finding.message.split()),
        "check_name": finding.rule,
        "fingerprint": finding.id,
        "severity": SEVERITIES.get(finding.severity, "minor"),
        "location": {
            "path": str(claim.get("doc")),
            "lines": {
                "begin": int(claim.get("line") or 1),
                "end": int(claim.get("end_line") or claim.get("line") or 1),
            },
        },
    }
