"""Claims held compactly: one copy of each repeated string.

A check of many documents holds every claim until the report is written. Read from the
claim cache (JSON), every claim has its own copy of its document's path, unit, kind,
sentence, the reasons of its attribution and the words of its frame, although most of
them repeat from claim to claim ("count", "exact", the same measure's reasons). Sharing
one copy of each (sys.intern) takes a third of a claim's memory off a dense draft's claims
and changes no value. Frames and attributions that are equal value for value (the same
reading of the same words, the same reasons) are likewise held once per document: nothing
changes a claim's frame or attribution after the match stage. So are equal numbers (a
line, a sentence's offset, a claim's bounds equal to its value, a resolution): read from the
cache, each is an object of its own of 24 to 28 bytes. A claim's surface and id, which it
can make again from its sentence and place, are not held at all (Claim.drop_derived).
"""

from __future__ import annotations

import sys
from typing import Any

from .model import Claim

# The string fields of a claim that repeat across claims (not its id, surface or offsets).
_REPEATED = ("doc", "sentence", "unit", "qualifier", "kind", "noun", "measure", "period",
             "place", "citation", "from_period", "to_period", "extreme", "suppressed",
             "context_before")  # fmt: skip
# The number fields of a claim whose values repeat across a document's claims (not start and
# end, which differ from claim to claim).
_INTS = ("line", "end_line", "sentence_start")
_FLOATS = ("value", "low", "high", "resolution", "factor")


def share_strings(claims: list[Claim]) -> list[Claim]:
    """The same claims, their repeated strings replaced by one shared copy each (in place:
    the claims' own lists and dicts are kept, only the strings in them are swapped), and
    their surface and id dropped where they can be made again. The claims must be final:
    nothing may change their sentence or offsets afterwards."""
    intern = sys.intern
    frames: dict[Any, Any] = {}  # each distinct frame (and attribution) once, by its value
    ints: dict[int, int] = {}
    floats: dict[float, float] = {}
    for claim in claims:
        for name in _INTS:
            value = getattr(claim, name)
            if type(value) is int:
                setattr(claim, name, ints.setdefault(value, value))
        for name in _FLOATS:
            value = getattr(claim, name)
            # 0.0 and -0.0 are equal but written apart: zero is left as it is
            if type(value) is float and value:
                setattr(claim, name, floats.setdefault(value, value))
        for name in _REPEATED:
            value = getattr(claim, name)
            if type(value) is str:
                setattr(claim, name, intern(value))
        if claim.attribution:
            _share_in(claim.attribution)
            claim.attribution = frames.setdefault(_frozen(claim.attribution), claim.attribution)
        if claim.frame:
            _share_in(claim.frame)
            claim.frame = frames.setdefault(_frozen(claim.frame), claim.frame)
        if claim.position:
            _share_in(claim.position)
        claim.drop_derived()  # the surface and id, made again when read
    return claims


def _share_in(value: list[Any] | dict[str, Any]) -> None:
    """Swap the strings of a JSON list or dict, at any depth, for their shared copies."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in list(items):
        if type(item) is str:
            value[key] = sys.intern(item)
        elif isinstance(item, (list, dict)):
            _share_in(item)


def _frozen(value: Any) -> Any:
    """A hashable key of a JSON value that tells apart whatever its JSON text tells apart:
    key order, a list from a string, True from 1, 1 from 1.0 and 0.0 from -0.0."""
    if isinstance(value, dict):
        return (dict, tuple((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list):
        return (list, tuple(_frozen(item) for item in value))
    if isinstance(value, float):
        return (float, repr(value))
    return (type(value), value)
