"""SARIF 2.1.0 (``check --format sarif``), for code-scanning dashboards and review tools.

One run; a rule per entry of the rule registry (factcheck/rules.py); a result per finding,
located at its primary claim, with the other claims as related locations. Columns are counted in Unicode code points (as factcheck
counts them) and the run says so in ``columnKind``, so viewers highlight the right characters
in lines with non-ASCII text.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from .. import rules
from ..model import Finding, Report
from .text import describe_reference

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"


def render_sarif(
    report: Report, out: TextIO, *, verbose: bool = False, root: Path | None = None
) -> None:
    """Write the report as a SARIF 2.1.0 log (see ``sarif_log``)."""
    json.dump(
        sarif_log(report, verbose=verbose, root=root),
        out,
        ensure_ascii=False,
        indent=2,
        allow_nan=False,
    )
    out.write("\n")


def sarif_log(report: Report, *, verbose: bool = False, root: Path | None = None) -> dict[str, Any]:
    """The SARIF log as a dict.

    Results are the findings that report a problem; with ``verbose`` also the verified and
    unverifiable claims, as results of kind "pass" and "informational". They are left out by
    default because code-scanning dashboards list every result as an alert, whatever its kind.
    Relative paths are relative to ``root`` (the working directory of the run by default),
    which the log gives as %SRCROOT%.
    """
    findings = [f for f in report.findings if verbose or rules.get(f.rule).kind == "fail"]
    artifacts, artifact_index = _artifacts(report, findings)
    index = {rule.id: i for i, rule in enumerate(rules.RULES)}
    driver: dict[str, Any] = {
        "name": str(report.tool.get("name") or "factcheck"),
        "version": str(report.tool.get("version") or "0"),
        "rules": [_rule_descriptor(rule) for rule in rules.RULES],
    }
    if report.tool.get("informationUri"):  # the project has no public home to point to yet
        driver["informationUri"] = str(report.tool["informationUri"])
    base = (root or Path.cwd()).resolve().as_uri().rstrip("/") + "/"
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": base}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": [_result(f, index, artifact_index) for f in findings],
        "properties": {"reportVersion": report.version, "summary": report.summary},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _rule_descriptor(rule: rules.Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "defaultConfiguration": {"level": rules.sarif_level(rule.severity)},
        "properties": {"family": rule.family},
    }


def _artifacts(
    report: Report, findings: list[Finding]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One artifact per input, with its hash; documents only findings name come after."""
    artifacts: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for item in report.inputs:
        path = str(item["path"])
        if path in index:
            continue
        index[path] = len(artifacts)
        artifact: dict[str, Any] = {"location": artifact_location(path)}
        if item.get("sha256"):
            artifact["hashes"] = {"sha-256": item["sha256"]}
        artifacts.append(artifact)
    for finding in findings:
        for claim in finding.claims:
            path = str(claim.get("doc"))
            if path not in index:
                index[path] = len(artifacts)
                artifacts.append({"location": artifact_location(path)})
    return artifacts, index


def artifact_location(path: str) -> dict[str, Any]:
    """A relative path under %SRCROOT%, or a file: URI for an absolute one."""
    if PureWindowsPath(path).drive or path.startswith("/"):
        posix = PureWindowsPath(path).as_posix() if PureWindowsPath(path).drive else path
        return {"uri": "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")}
    relative = PurePosixPath(path.replace("\\", "/")).as_posix()
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def _location(claim: dict[str, Any], artifact_index: dict[str, int]) -> dict[str, Any]:
    path = str(claim.get("doc"))
    artifact = artifact_location(path)
    if path in artifact_index:
        artifact["index"] = artifact_index[path]
    region: dict[str, Any] = {}
    for sarif_key, key in (
        ("startLine", "line"),
        ("startColumn", "column"),
        ("endLine", "end_line"),
        ("endColumn", "end_column"),
    ):
        if isinstance(claim.get(key), int) and claim[key] >= 1:
            region[sarif_key] = claim[key]
    if claim.get("surface"):
        region["snippet"] = {"text": str(claim["surface"])}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if "startLine" in region:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    position = claim.get("position")
    if position:  # a Word or PDF document: the place as its reader names it ("p7:12:5")
        location["logicalLocations"] = [
            {"name": position["label"], "fullyQualifiedName": f"{path}:{position['label']}"}
        ]
    return location


def _result(
    finding: Finding, rule_index: dict[str, int], artifact_index: dict[str, int]
) -> dict[str, Any]:
    kind = rules.get(finding.rule).kind
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "kind": kind,
        # SARIF: a result that is not a failure has level "none".
        "level": rules.sarif_level(finding.severity) if kind == "fail" else "none",
        "message": {"text": _message(finding)},
        "partialFingerprints": {"factcheckFindingId/v1": finding.id},
        "properties": {
            "findingId": finding.id,
            "severity": finding.severity,
            "measure": finding.measure,
            "reference": finding.reference,
            "expected": finding.expected,
            "actual": finding.actual,
            "difference": finding.difference,
            "tolerance": finding.tolerance,
            "explanation": finding.explanation,
        },
    }
    if finding.claims:
        result["locations"] = [_location(finding.claims[0], artifact_index)]
    related = []
    for number, claim in enumerate(finding.claims[1:], start=1):
        location = _location(claim, artifact_index)
        location["id"] = number
        sentence = " ".join(str(claim.get("sentence") or "").split())
        location["message"] = {"text": f'"{claim.get("surface")}" — {sentence}'}
        related.append(location)
    if related:
        result["relatedLocations"] = related
    return result


def _message(finding: Finding) -> str:
    """The finding's message, with the reference it was checked against when there is one."""
    text = " ".join(finding.message.split())
    if finding.reference:
        text += f" (reference: {describe_reference(finding.reference)})"
    return text
