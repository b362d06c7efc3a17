"""The contract every claim and every report keeps, checked the same way by the example tests
of test_reliability.py and the property tests of test_fuzz.py (and `make fuzz`).

A violation is an AssertionError whose message names the invariant and the claim.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from factcheck.model import Claim
from factcheck.report.json_report import load_schema, report_validator


@cache
def claim_validator() -> Callable[[dict[str, Any]], Any]:
    """The claim schema compiled to Python code (fastjsonschema): every claim of a million-
    input campaign is validated, and the interpreting validator cost more than the claim's
    extraction. The schema uses nothing beyond draft 7, which fastjsonschema implements."""
    return fastjsonschema.compile(load_schema("claim"))


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
    try:
        claim_validator()(row)
    except fastjsonschema.JsonSchemaException as exc:
        raise AssertionError(exc.message, row) from None
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


def _decoded(path: str) -> str:
    """The text of a file as factcheck's loader decodes it (claims' offsets point into it)."""
    from factcheck.load import load_file

    doc = load_file(path)
    return doc.text if doc is not None else ""


def check_run(
    folder: Path,
    docs: list[tuple[str, bytes]],
    catalog: Any,
    references: Any,
    *,
    html: bool = False,
    reorder: bool = True,
) -> tuple[int, int]:
    """The whole pipeline on generated documents, asserting every invariant: load + extract +
    match + check run without an exception; every claim keeps its contract (``assert_claim``);
    every renderer runs, the JSON report is strict and valid, SARIF is strict JSON, CSV
    parses; and the findings are the same for the documents in reverse order (``reorder``).
    Returns the numbers of claims and findings."""
    import csv
    import io

    from factcheck.pipeline import run_check
    from factcheck.report import render

    paths = []
    for index, (suffix, data) in enumerate(docs):
        path = folder / f"doc{index}{suffix}"
        path.write_bytes(data)
        paths.append(str(path))
    from factcheck.errors import InputError

    try:
        report = run_check(paths, catalog, references)
    except InputError as exc:
        # Nothing to check is an input error (exit 2): only when no document was readable.
        assert "none of the inputs could be read" in str(exc), exc
        assert all(b"\x00" in data for _, data in docs), exc
        return 0, 0
    texts: dict[str, str] = {}
    for claim in report.claims:
        if claim.doc not in texts:
            texts[claim.doc] = _decoded(claim.doc)
        assert_claim(claim, texts[claim.doc])
    formats = ["text", "json", "sarif", "csv"] + (["html"] if html else [])
    rendered = {}
    for fmt in formats:
        out = io.StringIO()
        render(report, fmt, out, references=references, verbose=True)
        rendered[fmt] = out.getvalue()
    assert_report_json(rendered["json"])
    strict_json(rendered["sarif"])
    rows = list(csv.reader(io.StringIO(rendered["csv"])))
    assert len(rows) == len(report.claims) + 1, "the CSV report has not one row per claim"
    if reorder and len(paths) > 1:
        again = run_check(paths[::-1], catalog, references)
        assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in report.findings], (
            "the findings depend on the order of the inputs"
        )
    return len(report.claims), len(report.findings)
