"""The JSON Schemas shipped in ``factcheck/schemas/``, completed from the rule registry.

The files leave the list of rule ids to the registry (factcheck/rules.py), so that a new rule
is one entry there: ``load`` fills every ``"x-rule-ids": true`` place with an ``enum`` of the
registered ids. ``bundled`` gives a schema that validates on its own: the report schema with
the claim schema it refers to embedded under ``$defs`` (what ``factcheck schema report``
prints).
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from . import rules

NAMES = ("claim", "report", "catalog")
# What each schema refers to by $id; bundled into it for a self-contained copy.
REFERS_TO = {"report": ("claim",)}


@cache
def _load(name: str) -> dict[str, Any]:
    if name not in NAMES:
        raise KeyError(f"no schema named {name!r}; choose one of {', '.join(NAMES)}")
    path = resources.files("factcheck").joinpath("schemas", f"{name}.schema.json")
    return _with_rule_ids(json.loads(path.read_text("utf-8")))


def load(name: str) -> dict[str, Any]:
    """A schema with its rule enums filled in (a fresh copy: callers may change it)."""
    return copy.deepcopy(_load(name))


def bundled(name: str) -> dict[str, Any]:
    """The schema with every schema it refers to embedded under ``$defs`` (each keeps its
    ``$id``, so the references by ``$id`` resolve inside the one document)."""
    schema = load(name)
    for other in REFERS_TO.get(name, ()):
        embedded = load(other)
        embedded.pop("$schema", None)
        schema.setdefault("$defs", {})[other] = embedded
    return schema


def _with_rule_ids(node: Any) -> Any:
    """Replace each ``"x-rule-ids": true`` marker with the enum of registered rule ids."""
    if isinstance(node, dict):
        if node.pop("x-rule-ids", False):
            node["enum"] = rules.rule_ids()
        for value in node.values():
            _with_rule_ids(value)
    elif isinstance(node, list):
        for value in node:
            _with_rule_ids(value)
    return node
