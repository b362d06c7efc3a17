"""The JSON report (``check --format json``): ``Report.to_dict()``, described by
``factcheck/schemas/report.schema.json``.

The report schema refers to the claim schema by its ``$id`` instead of repeating it, so the claim
has one definition; ``report_validator`` builds a validator that knows both.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from ..model import Report

if TYPE_CHECKING:
    import jsonschema


def render_json(report: Report, out: TextIO) -> None:
    """Write the whole report as one JSON object (UTF-8 text, indented)."""
    json.dump(report.to_dict(), out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")


def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped in ``factcheck/schemas/`` ("claim", "report", "catalog"), with its rule
    enums from the registry."""
    from ..schema import load

    return load(name)


def report_validator() -> jsonschema.Draft202012Validator:
    """A validator for the JSON report, with the claim schema registered under its ``$id``."""
    # Imported here: jsonschema and referencing are not needed to write a report.
    import jsonschema
    from referencing import Registry, Resource

    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema))
        for schema in (load_schema("claim"), load_schema("report"))
    )
    return jsonschema.Draft202012Validator(load_schema("report"), registry=registry)
