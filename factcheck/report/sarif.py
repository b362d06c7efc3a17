"""SARIF 2.1.0 (``check --format sarif``), for code-scanning dashboards and review tools.

One run; a rule per finding kind; a result per finding, located at its primary claim, with the
other claims as related locations. Columns are counted in Unicode code points (as factcheck
counts them) and the run says so in ``columnKind``, so viewers highlight the right characters
in lines with non-ASCII text.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from ..model import Finding, Report
from .text import describe_reference

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
# The project has no public home yet; this is the namespace its schemas use too. A caller may
# put a real address in report.tool["informationUri"].
INFORMATION_URI = "https://factcheck.invalid/"
SRCROOT = "%SRCROOT%"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# Every rule kind, always in this order, so that a rule's index is the same in every run.
RULES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "contradiction",
        "Contradiction",
        "Two claims about the same figure disagree.",
        "Two or more claims about the same measure, place and period assert intervals that do "
        "not overlap, even after allowing for their qualifiers, rounding and the measure's "
        "tolerance.",
        "error",
    ),
    (
        "reference-mismatch",
        "ReferenceMismatch",
        "A claim disagrees with the reference figure.",
        "The interval a claim asserts is farther from the reference dataset's figure for the "
        "same measure, place and period than the measure's tolerance allows.",
        "warning",
    ),
    (
        "change-mismatch",
        "ChangeMismatch",
        "A stated change disagrees with the figures it compares.",
        "A claimed change or factor between two periods does not match the change computed from "
        "the claims or reference figures for those periods.",
        "warning",
    ),
    (
        "relation-mismatch",
        "RelationMismatch",
        "Claims break a relation the catalog says must hold.",
        "A formula of the catalog's relations, evaluated with units on the claimed values, does "
        "not hold within tolerance.",
        "warning",
    ),
    (
        "verified",
        "Verified",
        "A claim agrees with the reference figure.",
        "The claim's interval is within tolerance of the reference dataset's figure.",
        "note",
    ),
    (
        "unverifiable",
        "Unverifiable",
        "No reference figure to check a claim against.",
        "The claim matched a catalog measure, but no reference row applies to its place and "
        "period.",
        "note",
    ),
)
RULE_INDEX = {rule[0]: index for index, rule in enumerate(RULES)}


def render_sarif(report: Report, out: TextIO) -> None:
    """Write the report as a SARIF 2.1.0 log."""
    json.dump(sarif_log(report), out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict (what ``render_sarif`` writes)."""
    artifacts, artifact_index = _artifacts(report)
    rules = list(RULES)
    # A rule kind this module does not know yet still gets a descriptor, appended at the end.
    extra = sorted({f.rule for f in report.findings} - set(RULE_INDEX))
    rules += [(rule, rule, rule, rule, "warning") for rule in extra]
    index = {rule[0]: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": str(report.tool.get("name") or "factcheck"),
        "version": str(report.tool.get("version") or "0"),
        "informationUri": str(report.tool.get("informationUri") or INFORMATION_URI),
        "rules": [_rule_descriptor(*rule) for rule in rules],
    }
    results = [_result(f, index, artifact_index) for f in report.findings]
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "properties": {"reportVersion": report.version, "summary": report.summary},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _rule_descriptor(rule_id: str, name: str, short: str, full: str, level: str) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": level},
    }


def _artifacts(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
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
    for finding in report.findings:
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
    return {"physicalLocation": physical}


def _result(
    finding: Finding, rule_index: dict[str, int], artifact_index: dict[str, int]
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS.get(finding.severity, "warning"),
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
