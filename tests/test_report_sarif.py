"""The SARIF report (factcheck/report/sarif.py): valid SARIF 2.1.0, readable by a SARIF library."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from report_fixtures import BRIEF, MEMO, empty_report, sample_report

from factcheck import rules
from factcheck.report.sarif import artifact_location, render_sarif

# The official schema is shared test data beside the project; it is never copied into it.
OFFICIAL_SCHEMA = (
    Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)


def sarif_of(report, verbose: bool = True) -> dict:
    out = io.StringIO()
    render_sarif(report, out, verbose=verbose, root=Path("/srv/drafts"))
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def official_validator() -> jsonschema.Draft4Validator:
    if not OFFICIAL_SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {OFFICIAL_SCHEMA}")
    schema = json.loads(OFFICIAL_SCHEMA.read_text("utf-8"))
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("verbose", [False, True])
@pytest.mark.parametrize("make", [sample_report, empty_report])
def test_output_is_valid_against_the_official_schema(official_validator, make, verbose):
    log = sarif_of(make(), verbose)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in official_validator.iter_errors(log)]
    assert errors == []


def test_log_run_and_rules():
    log = sarif_of(sample_report())
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] == "0.1.0"
    # No made-up address: the project has no public home yet.
    assert "informationUri" not in driver
    # A rule per registry entry, whether or not this run found one, at its default level.
    assert [r["id"] for r in driver["rules"]] == rules.rule_ids()
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule, registered in zip(driver["rules"], rules.RULES, strict=True):
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] == levels[registered.severity]
    assert driver["rules"][rules.rule_ids().index("reference-mismatch")][
        "defaultConfiguration"
    ] == {"level": "error"}
    assert run["columnKind"] == "unicodeCodePoints"
    # Relative artifact paths resolve against the directory the run was made in.
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///srv/drafts/"}}


def test_verified_claims_are_results_of_kind_pass_only_when_asked_for():
    report = sample_report()
    quiet = sarif_of(report, verbose=False)["runs"][0]["results"]
    assert {r["ruleId"] for r in quiet} == {f.rule for f in report.findings if f.severity != "info"}
    assert all(r["kind"] == "fail" for r in quiet)
    loud = sarif_of(report, verbose=True)["runs"][0]["results"]
    verified = next(r for r in loud if r["ruleId"] == "verified")
    assert verified["kind"] == "pass" and verified["level"] == "none"
    unverifiable = next(r for r in loud if r["ruleId"] == "unverifiable")
    assert unverifiable["kind"] == "informational" and unverifiable["level"] == "none"


def test_artifacts_carry_the_inputs_hashes():
    report = sample_report()
    run = sarif_of(report)["runs"][0]
    assert [a["location"] for a in run["artifacts"]] == [
        {"uri": item["path"], "uriBaseId": "%SRCROOT%"} for item in report.inputs
    ]
    assert [a["hashes"]["sha-256"] for a in run["artifacts"]] == [
        i["sha256"] for i in report.inputs
    ]


def test_one_result_per_finding_with_location_related_locations_and_evidence():
    report = sample_report()
    run = sarif_of(report)["runs"][0]
    results = run["results"]
    assert len(results) == len(report.findings)
    levels = {"error": "error", "warning": "warning", "info": "none"}
    for finding, result in zip(report.findings, results, strict=True):
        assert result["ruleId"] == finding.rule
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == levels[finding.severity]
        assert result["message"]["text"].startswith(finding.message)
        assert result["partialFingerprints"] == {"factcheckFindingId/v1": finding.id}
        assert result["properties"]["expected"] == finding.expected
        assert result["properties"]["tolerance"] == finding.tolerance
    contradiction = next(r for r in results if r["ruleId"] == "contradiction")
    location = contradiction["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": MEMO, "uriBaseId": "%SRCROOT%", "index": 1}
    assert location["region"] == {
        "startLine": 3,
        "startColumn": 28,
        "endLine": 3,
        "endColumn": 45,
        "snippet": {"text": "more than 100,000"},
    }
    (related,) = contradiction["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == BRIEF
    assert related["physicalLocation"]["region"]["startLine"] == 4
    assert related["message"]["text"].startswith('"about 70,000" — Federal figures')
    assert contradiction["properties"]["reference"]["value"] == 70601
    assert contradiction["properties"]["difference"] == pytest.approx(0.3605)
    assert "70,601 (final-secondary)" in contradiction["message"]["text"]


def test_paths_become_uris():
    assert artifact_location("drafts/a b.md") == {
        "uri": "drafts/a%20b.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location("drafts\\memo.md")["uri"] == "drafts/memo.md"
    assert artifact_location("/srv/drafts/memo.md") == {"uri": "file:///srv/drafts/memo.md"}
    assert artifact_location("C:\\drafts\\memo.md") == {"uri": "file:///C:/drafts/memo.md"}


def test_read_back_with_sarif_tools(tmp_path):
    loader = pytest.importorskip("sarif.loader")
    report = sample_report()
    path = tmp_path / "report.sarif"
    with path.open("w", encoding="utf-8") as out:
        render_sarif(report, out, verbose=True)
    sarif_file = loader.load_sarif_file(str(path))
    assert sarif_file.get_result_count() == len(report.findings)
    assert sarif_file.get_distinct_tool_names() == ["factcheck"]
    records = sarif_file.get_records()
    # The library reads each result's file and line from its physical location.
    got = sorted((r["Location"], int(r["Line"]), r["Code"], r["Severity"]) for r in records)
    want = sorted(
        (
            f.claims[0]["doc"],
            f.claims[0]["line"],
            f.rule,
            {"info": "none"}.get(f.severity, f.severity),
        )
        for f in report.findings
    )
    assert got == want
    assert sarif_file.get_rules_by_id("contradiction")[0]["name"] == "Contradiction"
