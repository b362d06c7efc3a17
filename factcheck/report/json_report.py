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
    """Write the whole report as one JSON object (UTF-8 text, indented): the same text as
    ``json.dump(report.to_dict(), out, indent=2)``, but claims and findings are written one
    at a time, so memory does not hold the JSON form of them all at once."""
    out.write("{")
    for index, (key, value) in enumerate(report.items()):
        out.write(("," if index else "") + "\n  " + _dumps(key, 1) + ": ")
        if key not in Report.STREAMED:
            out.write(_dumps(value, 1))
            continue
        first = True
        for item in value:
            out.write(("[" if first else ",") + "\n    " + _dumps(item, 2))
            first = False
        out.write("[]" if first else "\n  ]")
    out.write("\n}\n")


def _dumps(value: Any, depth: int) -> str:
    """``value`` as json.dump(indent=2) writes it ``depth`` levels deep (a string in JSON
    never holds a raw newline, so indenting every line is exact)."""
    text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("\n", "\n" + "  " * depth)


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
