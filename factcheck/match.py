"""Which catalog measure a claim is about.

A measure matches a claim when, in the text around the number (its window),

- every ``all`` pattern and at least one ``any`` pattern (if any are given) are found, and no
  ``none`` pattern is; the counted noun is searched too, as if it stood next to the number;
- one of its ``nouns`` patterns (if given) matches the counted noun;
- the claim's unit is of the same sort as the measure's: same pint dimensionality, and counts,
  percentages, per-100k rates and plain numbers (multipliers) never cross, though pint calls
  all four dimensionless. A relative change ("fell 27 percent", "tripled") may be about any
  measure: its unit says nothing of the measure's;
- the kind agrees, when the measure names one;
- the place agrees (a claim without a place is in the catalog's default place; a measure
  without a place holds anywhere).

When several measures match, the most specific wins: the one with the most patterns matched,
then the one whose matches are nearest the number, then the longest matches, then the id, so
the answer never depends on the order of the catalog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.catalog import Catalog, Measure, normalize_place
from factcheck.extract.lexicon import CLAUSE_BREAK_RE
from factcheck.model import Claim
from factcheck.units import parse_unit, ureg

_RELATIVE_CHANGE_UNITS = ("percent", "dimensionless")


@dataclass(frozen=True)
class MatchResult:
    """One measure that matched, with what made it match (for explanations)."""

    measure: str
    patterns: int  # patterns matched: each 'all', one for 'any', one for 'nouns'
    distance: int  # characters between the number and the matched terms, summed
    length: int  # characters matched, summed
    matched: tuple[str, ...]  # the matched texts

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        return (-self.patterns, self.distance, -self.length, self.measure)


def match_measure(
    claim: Claim, catalog: Catalog, context: str, number_at: int | None = None
) -> str | None:
    """The id of the measure the claim is about, or None.

    ``context`` is the text around the number (the sentence). ``number_at`` is the offset of
    the claim's surface in it, when the caller knows it; otherwise the surface is looked up."""
    ranked = rank_measures(claim, catalog, context, number_at)
    return ranked[0].measure if ranked else None


def rank_measures(
    claim: Claim, catalog: Catalog, context: str, number_at: int | None = None
) -> list[MatchResult]:
    """Every measure that matches the claim, the best first."""
    anchor = _locate(claim, context, number_at)
    claim_place = normalize_place(claim.place) or catalog.default_place
    results = []
    regions: dict[tuple[int, int] | None, tuple[int, str]] = {}  # one per window size
    for measure in catalog.measures:
        if not measure.has_terms:
            continue  # a measure only for references and relations
        if measure.kind is not None and claim.kind != measure.kind:
            continue
        if measure.place is not None and claim_place is not None and claim_place != measure.place:
            continue
        if not units_compatible(claim.unit, measure.unit, change=claim.kind == "change"):
            continue
        window = measure.window or catalog.default_window
        if window not in regions:
            regions[window] = _region(context, anchor, window)
        start, region = regions[window]
        result = _match_terms(measure, claim.noun, region, start, anchor)
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


# -- terms --------------------------------------------------------------------------------


def _locate(claim: Claim, context: str, number_at: int | None) -> tuple[int, int] | None:
    """(start, end) of the claim's number in the context, or None if it cannot be found."""
    surface = claim.surface or ""
    if number_at is not None:
        return number_at, number_at + len(surface)
    candidates = [surface, surface.replace("\\", "").replace("*", "").strip()]
    lowered = context.lower()
    for candidate in candidates:
        if not candidate:
            continue
        starts = [m.start() for m in re.finditer(re.escape(candidate.lower()), lowered)]
        if not starts:
            continue
        if len(starts) > 1 and claim.noun:
            # The same number twice in a sentence: take the one followed by its noun.
            noun = claim.noun.lower()
            for start in starts:
                after = lowered[start + len(candidate) :].lstrip()
                if after.startswith(noun):
                    return start, start + len(candidate)
        return starts[0], starts[0] + len(candidate)
    digits = re.search(r"\d[\d,.]*", surface)
    if digits:
        found = context.find(digits.group())
        if found >= 0:
            return found, found + len(digits.group())
    return None


def _distance(start: int, end: int, anchor: tuple[int, int] | None) -> int:
    if anchor is None:
        return 0
    if end <= anchor[0]:
        return anchor[0] - end
    if start >= anchor[1]:
        return start - anchor[1]
    return 0


def _nearest(
    pattern: re.Pattern[str],
    region: str,
    offset: int,
    noun: str | None,
    anchor: tuple[int, int] | None,
) -> tuple[int, int, str] | None:
    """(distance, -length, text) of the match nearest the number, the longest on ties."""
    best: tuple[int, int, str] | None = None
    if noun:
        found = pattern.search(noun)
        if found and found.group():
            best = (0, -len(found.group()), found.group())
    for found in pattern.finditer(region):
        if not found.group():
            continue
        candidate = (
            _distance(offset + found.start(), offset + found.end(), anchor),
            -len(found.group()),
            found.group(),
        )
        if best is None or candidate < best:
            best = candidate
    return best


def _clip_to_clause(context: str, start: int, end: int, anchor: tuple[int, int]) -> tuple[int, int]:
    """Narrow [start, end) to the clause the number is in."""
    for m in CLAUSE_BREAK_RE.finditer(context, start, anchor[0]):
        start = m.end()
    after = CLAUSE_BREAK_RE.search(context, anchor[1], end)
    if after:
        end = after.start()
    return start, end


def _region(
    context: str, anchor: tuple[int, int] | None, window: tuple[int, int] | None
) -> tuple[int, str]:
    """(offset, text) of the part of the context a measure's terms are searched in: the
    window around the number, narrowed to the number's clause."""
    if anchor is not None and window is not None:
        start = max(0, anchor[0] - window[0])
        end = min(len(context), anchor[1] + window[1])
    else:
        start, end = 0, len(context)
    if anchor is not None:
        start, end = _clip_to_clause(context, start, end, anchor)
    return start, context[start:end]


def _match_terms(
    measure: Measure,
    noun: str | None,
    region: str,
    start: int,
    anchor: tuple[int, int] | None,
) -> MatchResult | None:
    # Most measures fail on their required terms: look for those first, cheaply, before the
    # exclusions and before measuring distances.
    for pattern in measure.all_terms:
        if not (pattern.search(region) or (noun and pattern.search(noun))):
            return None
    for pattern in measure.none_terms:
        if pattern.search(region) or (noun and pattern.search(noun)):
            return None

    found: list[tuple[int, int, str]] = []
    for pattern in measure.all_terms:
        hit = _nearest(pattern, region, start, noun, anchor)
        if hit is None:
            return None
        found.append(hit)
    patterns = len(measure.all_terms)

    if measure.any_terms:
        hits = [_nearest(p, region, start, noun, anchor) for p in measure.any_terms]
        hits = [h for h in hits if h is not None]
        if not hits:
            return None
        found.append(min(hits))
        patterns += 1

    if measure.nouns:
        if noun:
            hits = [(0, -len(m.group()), m.group()) for p in measure.nouns if (m := p.search(noun))]
        else:
            hits = [h for p in measure.nouns if (h := _nearest(p, region, start, None, anchor))]
        if not hits:
            return None
        found.append(min(hits))
        patterns += 1

    return MatchResult(
        measure=measure.id,
        patterns=patterns,
        distance=sum(hit[0] for hit in found),
        length=-sum(hit[1] for hit in found),
        matched=tuple(hit[2] for hit in found),
    )


# -- nouns --------------------------------------------------------------------------------

_ARTICLES = frozenset({"a", "an", "the"})
_KEEP_S = ("ss", "us", "is", "'s")


@lru_cache(maxsize=4096)
def normalize_noun(noun: str | None) -> str:
    """A comparable form of a counted noun: lower case, no articles, no plural s, single
    spaces. "the Fentanyl  overdoses" and "fentanyl overdose" both become "fentanyl overdose".
    Used to group claims that no measure matched."""
    if not noun:
        return ""
    text = noun.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    words = []
    for word in text.split():
        if word in _ARTICLES:
            continue
        words.append(_singular(word))
    return " ".join(words)


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(_KEEP_S) or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]
