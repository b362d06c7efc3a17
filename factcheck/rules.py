"""The rule registry: every kind of finding factcheck reports, in one table.

The checks name their findings by these ids; SARIF lists these rules (with these levels); the
JSON schemas take their rule enums from here; `--select`/`--ignore`, catalog suppressions and
inline `factcheck: ignore[...]` comments are validated against it; `factcheck rules` and the
README's table print it. A new rule is one entry in RULES (and the check that emits it).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str  # what findings, selections and suppressions name: "reference-mismatch"
    name: str  # a CamelCase name for SARIF viewers: "ReferenceMismatch"
    family: str  # a group to select or ignore at once: "reference"
    severity: str  # the severity of a clear case (a near miss may be reported one step lower)
    summary: str  # one line
    description: str  # what the rule checks and when it fires
    # "fail": a problem to fix; "pass": a claim found right; "informational": nothing to say
    # either way (SARIF's result kinds, which code-scanning tools read).
    kind: str = "fail"


RULES: tuple[Rule, ...] = (
    Rule(
        "contradiction",
        "Contradiction",
        "consistency",
        "error",
        "Two claims about the same figure disagree.",
        "Claims of the same measure, place and period (in one document or across documents) "
        "assert intervals that cannot be reconciled, even after their qualifiers, rounding and "
        "the measure's tolerance; or a value stated as the highest ever is exceeded by the "
        "same measure in another period. A miss within twice the tolerance is a warning.",
    ),
    Rule(
        "reference-mismatch",
        "ReferenceMismatch",
        "reference",
        "error",
        "A claim disagrees with the reference figure.",
        "The interval a claim asserts is farther from the reference figure for its measure, "
        "place and period than the measure's tolerance allows. A miss within twice the "
        "tolerance, or one that rests only on provisional or unconfirmed figures, is a warning.",
    ),
    Rule(
        "change-mismatch",
        "ChangeMismatch",
        "reference",
        "error",
        "A stated change disagrees with the figures it compares.",
        "A change or factor between two periods (“a 27 percent decline from the prior year”, "
        "“tripled from 2016 to 2020”) does not fit the reference figures of both periods "
        "(final with final, provisional with provisional) within the measure's tolerance.",
    ),
    Rule(
        "relation-mismatch",
        "RelationMismatch",
        "relation",
        "error",
        "Claims break a relation the catalog says must hold.",
        "A formula of the catalog's relations, evaluated with units and interval arithmetic "
        "over the claims (and reference figures for the measures no claim states), does not "
        "hold within the relation's tolerance.",
    ),
    Rule(
        "verified",
        "Verified",
        "reference",
        "info",
        "A claim agrees with the reference figure.",
        "The claim's interval meets the reference figure for its measure, place and period "
        "within the measure's tolerance (or a stated change fits the figures of both periods).",
        kind="pass",
    ),
    Rule(
        "unverifiable",
        "Unverifiable",
        "reference",
        "info",
        "No reference figure to check a claim against.",
        "The claim is of a catalog measure, but no reference figure applies to its place and "
        "period, or its unit does not convert to the reference's.",
        kind="informational",
    ),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(rule.family for rule in RULES))


def rule_ids() -> list[str]:
    """Every rule id, in registry order."""
    return [rule.id for rule in RULES]


def get(rule_id: str) -> Rule:
    """The rule with this id; KeyError names the known ones."""
    try:
        return BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule {rule_id!r}; known rules: {', '.join(BY_ID)}") from None


def matching(selector: str) -> list[str]:
    """The rule ids a selector names: a rule id, a family ("reference"), a glob
    ("*-mismatch") or ALL. ValueError for a selector that names no rule."""
    token = selector.strip()
    if token.upper() == "ALL":
        return rule_ids()
    if token in BY_ID:
        return [token]
    found = [r.id for r in RULES if r.family == token or fnmatch.fnmatchcase(r.id, token)]
    if not found:
        raise ValueError(
            f"{selector!r} names no rule: give a rule id ({', '.join(BY_ID)}), a family "
            f"({', '.join(FAMILIES)}), a glob such as '*-mismatch', or ALL"
        )
    return found


def split_selectors(values: Iterable[str]) -> list[str]:
    """Selectors as given on a command line or in configuration: each value may hold several,
    separated by commas ("contradiction,relation")."""
    return [part.strip() for value in values for part in str(value).split(",") if part.strip()]


def select(selected: Iterable[str] | None = None, ignored: Iterable[str] = ()) -> frozenset[str]:
    """The rule ids to report: those ``selected`` (every rule when None or empty) less those
    ``ignored``. ValueError names a selector that matches no rule."""
    chosen = split_selectors(selected or ())
    wanted = {r for s in chosen for r in matching(s)} if chosen else set(rule_ids())
    return frozenset(wanted - {r for s in split_selectors(ignored) for r in matching(s)})


def sarif_level(severity: str) -> str:
    """SARIF's name for a severity: info is a "note"."""
    return {"error": "error", "warning": "warning", "info": "note"}[severity]


def markdown_table() -> str:
    """The rules as the README shows them (a test keeps the README equal to this)."""
    rows = ["| rule | family | severity | what it reports |", "| --- | --- | --- | --- |"]
    rows += [f"| `{r.id}` | {r.family} | {r.severity} | {r.summary} |" for r in RULES]
    return "\n".join(rows)
