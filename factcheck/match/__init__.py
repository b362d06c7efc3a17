"""The match stage: what each number counts, and which catalog measure it is about.

``match_claims`` runs after extraction and before checking. For each sentence it reads the
frame of every number (``frame``: its own words, the total it belongs to, the clause's lead),
finds the measures whose terms fit that frame (``terms``), and keeps the best one whose slots
the frame fills (``slots``). When the text does not say clearly what a number counts, the
claim is attributed to nothing. Every claim carries its frame and the reasons for its
attribution (``Claim.frame``, ``Claim.attribution``), which ``factcheck extract`` writes out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..catalog import Catalog
from ..model import Claim
from . import slots
from .frame import Frame, find_vocabulary, read_frames
from .nouns import normalize_noun
from .reading import read_units
from .terms import MatchResult, Refusal, rank_measures, unit_signature, units_compatible
from .words import PER_100K_RE

__all__ = [
    "match_claims",
    "match_measure",
    "rank_measures",
    "normalize_noun",
    "unit_signature",
    "units_compatible",
    "MatchResult",
]


def match_claims(claims: list[Claim], catalog: Catalog) -> list[Claim]:
    """Attribute each claim to a measure of the catalog, or to none (in place; returned)."""
    per_100k = {c.doc for c in claims if c.unit == "per_100k" or PER_100K_RE.search(c.sentence)}
    for sentence, group in _by_sentence(claims):
        frames = read_frames(sentence, group)
        for claim, frame in zip(group, frames, strict=True):
            find_vocabulary(sentence, frame, catalog.vocabulary)
            reread = read_units(claim, frame, sentence, claim.doc in per_100k)
            claim.measure, claim.attribution = _attribute(claim, frame, catalog, sentence)
            if reread:
                claim.attribution.append(reread)
            claim.frame = frame.to_dict() or None
            # The catalog's default place is given after matching: a sentence that names no
            # place may still be about a measure of another place.
            if claim.place is None:
                claim.place = catalog.default_place
    return claims


def match_measure(claim: Claim, catalog: Catalog, sentence: str | None = None) -> str | None:
    """The measure of one claim read on its own in its sentence (for tests and tools)."""
    sentence = sentence if sentence is not None else claim.sentence
    frame = read_frames(sentence, [claim])[0]
    find_vocabulary(sentence, frame, catalog.vocabulary)
    return _attribute(claim, frame, catalog, sentence)[0]


def _attribute(
    claim: Claim, frame: Frame, catalog: Catalog, sentence: str
) -> tuple[str | None, list[str]]:
    refusals: list[Refusal] = []
    ranked = rank_measures(claim, catalog, sentence, frame, refusals)
    reasons: list[str] = []
    chosen = None
    for result in ranked:
        spec = catalog.measure(result.measure).frame
        why_not = slots.refusal(claim, frame, spec)
        if why_not is None:
            chosen = result
            break
        reasons.append(f"not {result.measure}: {why_not}")
    for refused in refusals[:3]:
        reasons.append(f"not {refused.measure}: {refused.reason}")
    if chosen is not None:
        words = ", ".join(f"'{m}'" for m in chosen.matched)
        reasons.insert(0, f"{chosen.measure}: its terms {words} are in its frame")
    elif not ranked and not refusals:
        reasons.insert(0, "no measure's terms are in its frame")
    return (chosen.measure if chosen else None), reasons


def _by_sentence(claims: Iterable[Claim]) -> Iterator[tuple[str, list[Claim]]]:
    """Consecutive claims of one sentence, together."""
    group: list[Claim] = []
    key = None
    for claim in claims:
        this = (claim.doc, claim.sentence_start, claim.sentence)
        if group and this != key:
            yield group[0].sentence, group
            group = []
        key = this
        group.append(claim)
    if group:
        yield group[0].sentence, group
