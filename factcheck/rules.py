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
        "arithmetic-change",
        "ArithmeticChange",
        "arithmetic",
        "error",
        "A stated change does not fit the two figures it runs between.",
        "A change stated beside its own endpoints (“rose 25 percent, from 800 to 1,000”, "
        "“tripled, from 4 to 12”, “halved”, “a ten-fold increase”, “up 6 points, from 31% "
        "to 37%”, “fell from 90 to 120”) is not what the endpoints give, after the rounding of "
        "every figure and the qualifiers' intervals. A percent change that fits as percentage "
        "points (or points that fit as a percent change) is a warning: a points/percent "
        "confusion.",
    ),
    Rule(
        "arithmetic-parts",
        "ArithmeticParts",
        "arithmetic",
        "error",
        "Parts do not add up to the total the text gives them.",
        "Parts the text says make up a whole (“$4 million for roads and $7 million for "
        "bridges, $11 million in all”; “Of the 60 patients, 31 were men and 27 were women”; "
        "“the remaining 40 percent”) do not sum to it, or a part is larger than its whole "
        "(“45 of the 40 schools”). Parts are summed only where the words say they are the "
        "whole: a total word, a remainder, a colon before the list, or a pair that splits a "
        "population (men and women).",
    ),
    Rule(
        "arithmetic-share",
        "ArithmeticShare",
        "arithmetic",
        "error",
        "A share does not fit the counts it is a share of.",
        "A percentage or fraction stated with its part and whole (“45 of the 150 schools, "
        "nearly a third”; “1,104 of 1,200, a rate of 92 percent”; “33,091 (63.1%)” of a "
        "total given as such), or restated in another form (“two in five, or 40 percent”), "
        "is not the ratio of its figures.",
    ),
    Rule(
        "arithmetic-rate",
        "ArithmeticRate",
        "arithmetic",
        "error",
        "A rate does not fit the total or the other rate it restates.",
        "A figure restated over another span (“36,500 calls a year, about 100 a day”; “$2 "
        "million a week, or roughly $100 million a year”) or per head with both counts "
        "stated (“12 nurses for 90 patients, one for every 9”; “$6 million for 3,000 pupils, "
        "or $2,000 per pupil”) does not follow from them.",
    ),
    Rule(
        "arithmetic-comparison",
        "ArithmeticComparison",
        "arithmetic",
        "error",
        "A multiple or comparison between two stated figures does not hold.",
        "“31, double the regional average of 22”; “1.5 times as many”; “three times more "
        "than” (both common readings are accepted); “more than”, “fewer than”, “up from” "
        "or “down from” between two stated figures that say otherwise.",
    ),
    Rule(
        "arithmetic-verified",
        "ArithmeticVerified",
        "arithmetic",
        "info",
        "The text's own arithmetic holds.",
        "A change, sum, share, rate or multiple that the checks above recomputed from the "
        "text's own figures fits them, within the rounding of every figure and the "
        "qualifiers' intervals.",
        kind="pass",
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
