"""Which catalog measures a claim's words fit: the measures' terms, searched in its frame.

A measure's terms fit a claim when, in the claim's frame layers (its own words first, then the
total it belongs to, the clause's lead, the sentence; see ``frame``),

- every ``all`` pattern and at least one ``any`` pattern (if any are given) are found; the
  counted noun counts as the claim's own words;
- no ``none`` pattern is found in a layer as near as the farthest one the required terms
  were found in: a sentence's other numbers do not lend their exclusions, nor their terms;
- one of its ``nouns`` patterns (if given) matches the counted noun;
- the claim's unit is of the same sort as the measure's: same pint dimensionality, and counts,
  percentages, per-100k rates and plain numbers (multipliers) never cross, though pint calls
  all four dimensionless. A relative change ("fell 27 percent", "tripled") may be about any
  measure: its unit says nothing of the measure's;
- the kind agrees, when the measure names one;
- the place agrees (a claim without a place is in the catalog's default place; a measure
  without a place holds anywhere).

A measure's ``window`` still bounds how far from the number its terms are looked for (see
``Window``).
When several measures fit, the one whose terms are all in the number's own clause (its own
words, its total, the clause's lead) wins over one that borrows from the clause's other numbers
or from earlier clauses, then the most specific one (the most patterns
matched), then the one whose terms are nearest the number, then the one whose terms are in
the nearest layers, then the longest matches, then the id, so the answer never depends on the order of the catalog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..catalog import Catalog, Measure, normalize_place
from ..model import Claim
from ..regex_safety import PatternSet, UserPattern, built_once
from ..units import parse_unit, ureg
from .frame import LEAD, NEIGHBOURS, OWN, Frame, Layer

_RELATIVE_CHANGE_UNITS = ("percent", "dimensionless")


@dataclass(frozen=True)
class MatchResult:
    """One measure whose terms fit, with what made them fit (for explanations)."""

    measure: str
    patterns: int  # patterns matched: each 'all', one for 'any', one for 'nouns'
    farthest: int  # how far the terms were found: 0 in the number's clause, 1 in the clause's
    # other numbers' words, 2 in the sentence's earlier clauses
    layers: int  # the layers the terms were found in, summed
    distance: int  # characters between the number and the matched terms, summed
    length: int  # characters matched, summed
    matched: tuple[str, ...]  # the matched texts

    @property
    def sort_key(self) -> tuple[int, int, int, int, int, str]:
        # The attribution that borrows least from the rest of the sentence first, then the
        # most specific one.
        return (self.farthest, -self.patterns, self.distance, self.layers, -self.length,
                self.measure)  # fmt: skip


@dataclass(frozen=True)
class Refusal:
    """A measure whose terms did not fit, and why (for explanations)."""

    measure: str
    reason: str


def rank_measures(
    claim: Claim,
    catalog: Catalog,
    sentence: str,
    frame: Frame,
    refusals: list[Refusal] | None = None,
) -> list[MatchResult]:
    """Every measure whose terms fit the claim's frame, the best first. Measures whose
    required terms were all found but that were refused otherwise go to ``refusals``."""
    claim_place = normalize_place(claim.place) or catalog.default_place
    # The patterns that may occur anywhere the claim's terms are looked for: its sentence,
    # its counted noun, the sentence it refers back to. A measure one of whose required
    # terms is absent from all of them is not looked at further.
    terms: _CatalogTerms = built_once(catalog, "terms", lambda: _CatalogTerms.of(catalog))
    present = terms.patterns.found_in(sentence)
    for text in (claim.noun, *(layer.text for layer in frame.layers)):
        if text:
            present = present | terms.patterns.found_in(text)

    def occurs(pattern: UserPattern) -> bool:
        return terms.patterns.may_occur(pattern, present)

    results = []
    for measure, required in terms.measures:
        if not required <= present:
            continue
        if measure.kind is not None and claim.kind != measure.kind:
            continue
        if measure.place is not None and claim_place is not None and claim_place != measure.place:
            continue
        if not units_compatible(claim.unit, measure.unit, change=claim.kind == "change"):
            if not (measure.frame.span == "year" and _is_rate_of(claim.unit, measure.unit)):
                continue  # a count per day may be about a count per year, no other mismatch
        window = Window(measure.window, catalog.default_window)
        result = _match_terms(measure, claim.noun, sentence, frame, window, refusals, occurs)
        if result is not None:
            results.append(result)
    results.sort(key=lambda r: r.sort_key)
    return results


# -- units --------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def unit_signature(unit: str) -> tuple[frozenset, frozenset[str]]:
    """(dimensionality, sort tags) of a unit; raises ValueError for an unknown unit.

    The tags tell apart the dimensionless sorts: 'count' (things counted: deaths, pills),
    'percent', 'per_100k'; a plain number (a multiplier) has no tag."""
    parsed = parse_unit(unit)
    dims = frozenset(dict(parsed.dimensionality).items())
    tags: set[str] = set()
    for name in parsed._units:
        if name in ("percent", "percentage_point"):
            tags.add("percent")
        elif name == "per_100k":
            tags.add("per_100k")
        elif "count" in ureg.get_root_units(name)[1]._units:
            tags.add("count")
    return dims, frozenset(tags)


def units_compatible(claim_unit: str, measure_unit: str, change: bool = False) -> bool:
    """Whether a claim in ``claim_unit`` can be about a measure in ``measure_unit``.

    With ``change``, a relative change (percent or a factor) fits any measure, and a change in
    percentage points fits percentage measures only."""
    try:
        claim_sig = unit_signature(claim_unit)
        measure_sig = unit_signature(measure_unit)
    except ValueError:
        return False
    if change:
        if claim_unit in _RELATIVE_CHANGE_UNITS:
            return True
        if claim_unit in ("percentage_point", "percentage_points"):
            return "percent" in measure_sig[1]
    return claim_sig == measure_sig


def _is_rate_of(claim_unit: str, measure_unit: str) -> bool:
    """Whether the claim's unit is the measure's unit per some time ("count / day")."""
    try:
        claim_sig = unit_signature(claim_unit)
        per_year = unit_signature(f"({measure_unit}) / year")
    except ValueError:
        return False
    return claim_sig[0] == per_year[0] and ("count" in claim_sig[1]) == ("count" in per_year[1])


# -- terms --------------------------------------------------------------------------------

# One hit of a pattern: (layer, distance from the number, -length, the matched text).
Hit = tuple[int, int, int, str]


def _distance(start: int, end: int, frame: Frame) -> int:
    if end <= frame.start:
        return frame.start - end
    if start >= frame.end:
        return start - frame.end
    return 0


@dataclass(frozen=True)
class Window:
    """How far from the number terms are looked for. A measure's own window bounds the
    number's own words and its neighbours' (a measure whose words must follow the number says
    so: {before: 0, after: 40}); the catalog's default bounds only the neighbours' words. The
    clause's lead, the total and earlier clauses are the number's subject wherever they stand,
    and its own words are its own however long its noun phrase."""

    own: tuple[int, int] | None
    default: tuple[int, int] | None

    def span(self, frame: Frame, rank: int) -> tuple[int, int] | None:
        """Where in the sentence a hit of this rank may lie; None: anywhere."""
        if rank == OWN:
            bounds = self.own
        elif rank == NEIGHBOURS:
            bounds = self.own or self.default
        else:
            return None
        if bounds is None:
            return None
        return frame.start - bounds[0], frame.end + bounds[1]

    def allows(self, start: int, end: int, frame: Frame, rank: int) -> bool:
        span = self.span(frame, rank)
        return span is None or (start >= span[0] and end <= span[1])


@dataclass(frozen=True)
class _CatalogTerms:
    """A catalog's term patterns as one PatternSet, and for each measure with terms the set
    positions of its required ('all') patterns. Most patterns are absent from any one
    sentence: one scan of it for all of them (shared by its claims) tells which measures can
    fit at all, and spares searching each pattern again in every layer of every claim, where
    a search costs more to start than to run."""

    patterns: PatternSet
    measures: tuple[tuple[Measure, frozenset[int]], ...]

    @classmethod
    def of(cls, catalog: Catalog) -> _CatalogTerms:
        measures = [m for m in catalog.measures if m.has_terms]
        patterns = PatternSet(
            p for m in measures for p in (*m.all_terms, *m.any_terms, *m.none_terms, *m.nouns)
        )
        return cls(patterns, tuple((m, patterns.held(m.all_terms)) for m in measures))


def _nearest(
    pattern: re.Pattern[str],
    sentence: str,
    frame: Frame,
    noun: str | None,
    window: Window,
    occurs: Callable[[UserPattern], bool],
    max_rank: int | None = None,
) -> Hit | None:
    """The hit nearest the number: the nearest layer first, then the nearest place."""
    if not occurs(pattern):
        return None  # in none of the texts looked at
    best: Hit | None = None
    if noun:
        found = pattern.search(noun)
        if found and found.group():
            best = (OWN, 0, -len(found.group()), found.group())
    for layer in _layers_in_window(frame, window):
        if best is not None and layer.rank > best[0]:
            break
        if max_rank is not None and layer.rank > max_rank:
            break
        if layer.text is not None:  # another sentence: no distance to the number
            found = pattern.search(layer.text, layer.start, layer.end)
            if found and found.group():
                hit = (layer.rank, len(sentence), -len(found.group()), found.group())
                best = hit if best is None or hit < best else best
            continue
        for start, end, text in layer_hits(pattern, sentence, layer.start, layer.end):
            if start == end or not window.allows(start, end, frame, layer.rank):
                continue
            hit = (layer.rank, _distance(start, end, frame), -(end - start), text)
            if best is None or hit < best:
                best = hit
    return best


def _layers_in_window(frame: Frame, window: Window) -> list[Layer]:
    """The frame's layers (in rank order) that can hold a hit the window allows: a number
    among hundreds in one sentence has a neighbour layer for each of them, and going through
    them all for every pattern made such a sentence quadratic. Kept on the frame per window
    (a catalog has a few windows, and hundreds of patterns)."""
    found = frame.windowed.get(window)
    if found is None:
        found = []
        for layer in frame.layers:
            span = None if layer.text is not None else window.span(frame, layer.rank)
            if span is None or (layer.end > span[0] and layer.start < span[1]):
                found.append(layer)
        frame.windowed[window] = found
    return found


@lru_cache(maxsize=1 << 15)
def layer_hits(
    pattern: re.Pattern[str], sentence: str, start: int, end: int
) -> tuple[tuple[int, int, str], ...]:
    """Every match of a pattern in one stretch of a sentence: (start, end, text).

    Remembered, because the claims of one sentence share their stretches (one number's own
    words are each other number's neighbours; the clause's lead and the earlier clauses are
    everyone's): without it a sentence of k numbers searched each stretch k times."""
    return tuple((m.start(), m.end(), m.group()) for m in pattern.finditer(sentence, start, end))


def _match_terms(
    measure: Measure,
    noun: str | None,
    sentence: str,
    frame: Frame,
    window: Window,
    refusals: list[Refusal] | None,
    occurs: Callable[[UserPattern], bool],
) -> MatchResult | None:
    found: list[Hit] = []
    for pattern in measure.all_terms:
        hit = _nearest(pattern, sentence, frame, noun, window, occurs)
        if hit is None:
            return None
        found.append(hit)
    patterns = len(measure.all_terms)

    if measure.any_terms:
        hits = [
            h
            for p in measure.any_terms
            if (h := _nearest(p, sentence, frame, noun, window, occurs))
        ]
        if not hits:
            return None
        found.append(min(hits))
        patterns += 1

    if measure.nouns:
        if noun:
            hits = [
                (OWN, 0, -len(m.group()), m.group()) for p in measure.nouns if (m := p.search(noun))
            ]
        else:
            hits = [
                h
                for p in measure.nouns
                if (h := _nearest(p, sentence, frame, None, window, occurs))
            ]
        if not hits:
            return None
        found.append(min(hits))
        patterns += 1

    # Exclusions count in the layers as near as the measure's first required term, which names
    # its subject: words that only another number's part of the sentence holds do not exclude,
    # nor does the subject of a clause whose number names its own ("rates rose for deaths
    # for heroin by 3.1% and for alcohol by 1.2%").
    farthest = max((hit[0] for hit in found), default=OWN)
    subject_layer = found[0][0] if found else OWN
    tier = 0 if farthest <= LEAD else farthest - LEAD
    for pattern in measure.none_terms:
        hit = _nearest(pattern, sentence, frame, noun, window, occurs, max_rank=subject_layer)
        if hit is not None:
            if refusals is not None:
                refusals.append(Refusal(measure.id, f"'{hit[3]}' is named with it"))
            return None

    return MatchResult(
        measure=measure.id,
        patterns=patterns,
        farthest=tier,
        layers=sum(hit[0] for hit in found),
        distance=sum(hit[1] for hit in found),
        length=-sum(hit[2] for hit in found),
        matched=tuple(hit[3] for hit in found),
    )
