"""The claims sorted once by what they are about, for every check that groups them.

The checks against references, against each other, of stated records and of relations all
group the claims of a catalog measure by measure, place and period. With a million claims,
walking the list once per check costs more than the comparisons themselves, so the walk is
done once here and each check reads the groups it needs. Every group keeps the claims in
the order they were given (claim_order), which is what the checks' choices rest on.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..model import Claim, claim_order

# A group's key: (measure, place, period), the place defaulting to the catalog's.
SubjectKey = tuple[str, str | None, str | None]


@dataclass(slots=True)
class Subjects:
    """The claims by subject.

    ``levels``: the claims of a measure that state a level, not a change, by (measure,
    place, period), in order of each key's first claim; ``records``: the (measure, place)
    of those that state a record; ``changes``: the claims of a measure
    that state a change; ``unmeasured``: the claims attributed to no measure."""

    levels: dict[SubjectKey, list[Claim]] = field(default_factory=dict)
    changes: list[Claim] = field(default_factory=list)
    unmeasured: list[Claim] = field(default_factory=list)
    # The (measure, place) of every level claim that says it is the highest ever.
    records: set[tuple[str, str | None]] = field(default_factory=set)

    def by_measure_and_place(self, wanted: set[tuple[str, str | None]]) -> dict:
        """The level claims of the ``wanted`` (measure, place) pairs over every period, each
        list in claim order, as a walk over all the claims would have built it."""
        merged: dict = defaultdict(list)
        for (measure, place, _period), group in self.levels.items():
            if (measure, place) in wanted:
                merged[(measure, place)].extend(group)
        return {key: _in_order(group) for key, group in merged.items()}

    def by_period_and_measure(self, wanted: set[str]) -> dict:
        """The level claims of the ``wanted`` measures by period, then measure, over every
        place, each list in claim order."""
        nested: dict = defaultdict(lambda: defaultdict(list))
        for (measure, _place, period), group in self.levels.items():
            if measure in wanted:
                nested[period][measure].extend(group)
        for by_measure in nested.values():
            for measure, group in by_measure.items():
                by_measure[measure] = _in_order(group)
        return nested


def _in_order(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=claim_order)


def index_claims(claims: list[Claim], catalog: Catalog) -> Subjects:
    """One walk over the claims (given in claim_order)."""
    subjects = Subjects()
    levels: dict[SubjectKey, list[Claim]] = {}
    changes, unmeasured = subjects.changes, subjects.unmeasured
    default_place = catalog.default_place
    for claim in claims:
        measure = claim.measure
        if not measure:
            unmeasured.append(claim)
        elif claim.kind == "change":
            changes.append(claim)
        else:
            place = claim.place or default_place
            key = (measure, place, claim.period)
            if claim.extreme == "max":
                subjects.records.add((measure, place))
            group = levels.get(key)
            if group is None:
                levels[key] = [claim]
            else:
                group.append(claim)
    subjects.levels = levels
    return subjects
