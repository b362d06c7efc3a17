"""The contract every claim and every report keeps, checked the same way by the example tests
of test_reliability.py and the property tests of test_fuzz.py (and `make fuzz`).

A violation is an AssertionError whose message names the invariant and the claim.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

import jsonschema

from factcheck.model import Claim
from factcheck.report.json_report import load_schema, report_validator


@cache
def claim_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema("claim"))


@cache
def _report_validator() -> jsonschema.Draft202012Validator:
    return report_validator()


def _refuse_constant(name: str) -> Any:
    raise AssertionError(f"not strict JSON: {name}")


def strict_json(text: str) -> Any:
    """Parse JSON that must be strict: no NaN, Infinity or -Infinity."""
    return json.loads(text, parse_constant=_refuse_constant)


def assert_claim(claim: Claim, text: str) -> None:
    """One claim of a document whose original text is ``text`` keeps its contract."""
    row = claim.to_dict()
    errors = sorted(claim_validator().iter_errors(row), key=str)
    assert not errors, (errors[0].message, row)
    strict_json(json.dumps(row))  # finite numbers only
    assert claim.surface, row
    assert text.startswith(claim.surface, claim.start), (claim.surface, text[claim.start :][:40])
    assert claim.end == claim.start + len(claim.surface), row
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    assert low <= high, ("low > high", row)
    if claim.value is not None:
        assert low <= claim.value <= high, ("value outside its interval", row)


def assert_report_json(text: str) -> dict[str, Any]:
    """A JSON report as written: strict JSON, valid against the report schema."""
    data = strict_json(text)
    errors = sorted(_report_validator().iter_errors(data), key=str)
    assert not errors, errors[0].message
    return data
