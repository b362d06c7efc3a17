"""The JSON report (factcheck/report/json_report.py) and factcheck/schemas/report.schema.json."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import jsonschema
import pytest
from report_fixtures import empty_report, sample_report

from factcheck.model import REPORT_VERSION
from factcheck.report.json_report import load_schema, render_json, report_validator
from factcheck.schema import bundled

SCHEMAS = Path(__file__).resolve().parents[1] / "factcheck" / "schemas"


def load(name: str) -> dict:
    """A shipped schema, its rule enums filled in from the registry."""
    return load_schema(name)


def validator() -> jsonschema.Draft202012Validator:
    """Built from the self-contained schema `factcheck schema report` prints, independently of
    report_validator(), as a consumer would: no registry of other schemas."""
    return jsonschema.Draft202012Validator(bundled("report"))


def rendered(report) -> dict:
    out = io.StringIO()
    render_json(report, out)
    return json.loads(out.getvalue())


def test_the_schema_is_valid_2020_12_and_refers_to_the_claim_schema():
    schema = load("report")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # One definition of a claim: the report schema points at the claim schema's $id.
    assert schema["properties"]["claims"]["items"] == {"$ref": load("claim")["$id"]}


@pytest.mark.parametrize("make", [sample_report, empty_report])
def test_rendered_reports_are_valid(make):
    data = rendered(make())
    errors = [e.message for e in validator().iter_errors(data)]
    assert errors == []
    assert list(report_validator().iter_errors(data)) == []


def test_render_json_is_report_to_dict_unescaped_and_indented():
    report = sample_report()
    report.claims[0].sentence = "Déjà vu: “about 70,000” — again."
    out = io.StringIO()
    render_json(report, out)
    text = out.getvalue()
    assert json.loads(text) == json.loads(json.dumps(report.to_dict()))
    assert "Déjà vu: “about 70,000” — again." in text  # ensure_ascii=False
    assert text.startswith('{\n  "version": ') and text.endswith("}\n")


def test_the_report_carries_version_tool_inputs_and_configuration():
    data = rendered(sample_report())
    assert data["version"] == REPORT_VERSION
    assert data["tool"] == {"name": "factcheck", "version": "0.1.0"}
    assert [i["path"] for i in data["inputs"]] == [
        "drafts/brief.md",
        "drafts/memo.md",
        "notes/timeline.html",
    ]
    assert sum(i["claims"] for i in data["inputs"]) == len(data["claims"]) == 8
    assert data["catalog"]["path"] == "claims.yaml"
    assert len(data["references"]["sha256"]) == 64
    # Every claim a finding names is in the claims list.
    ids = {c["id"] for c in data["claims"]}
    assert all(c["id"] in ids for f in data["findings"] for c in f["claims"])


def test_standard_input_has_no_hash():
    data = rendered(sample_report())
    data["inputs"][0] = {"path": "-", "sha256": None, "claims": 2}
    assert list(validator().iter_errors(data)) == []


def broken(mutate) -> list[str]:
    data = copy.deepcopy(rendered(sample_report()))
    mutate(data)
    return [e.message for e in validator().iter_errors(data)]


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("summary"),
        lambda d: d.update(version="one"),
        lambda d: d["tool"].pop("version"),
        lambda d: d["inputs"][0].update(sha256="not a hash"),
        lambda d: d["findings"][0].update(rule="typo"),
        lambda d: d["findings"][0].update(severity="fatal"),
        lambda d: d["findings"][0].update(id="123"),
        lambda d: d["findings"][0]["claims"][0].pop("line"),
        lambda d: d["findings"][1]["reference"].update(status="maybe"),
        lambda d: d["findings"][1].update(difference="41%"),
        lambda d: d["summary"]["findings"].pop("error"),
        lambda d: d["summary"]["by_rule"].update(typo=1),
        # The claim schema is applied through the $ref: a claim without a qualifier fails.
        lambda d: d["claims"][0].pop("qualifier"),
        lambda d: d["claims"][0].update(kind="guess"),
    ],
)
def test_the_schema_rejects_broken_reports(mutate):
    assert broken(mutate)


def test_the_schema_allows_added_fields():
    # The contract grows by adding fields: consumers must not break on them, nor must the schema.
    def add(data):
        data["generated_at"] = "2025-01-01T00:00:00Z"
        data["findings"][0]["suppressed"] = None
        data["claims"][0]["extreme"] = "max"

    assert broken(add) == []
