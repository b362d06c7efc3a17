"""Whether a claim's frame fills a measure's slots (``frame:`` in claims.yaml).

The terms say a sentence is about a measure's subject; the slots say whether this number is
one of the measure's figures: the right sort of thing counted, asserted rather than
hypothetical, the whole population rather than part of it, one year rather than a running
total, the right agent and substance. Each check returns why it refuses, or None.
"""

from __future__ import annotations

import re

from ..catalog import FrameSpec
from ..model import Claim
from .frame import Frame

_MULTI_YEAR_RE = re.compile(r"^(\d{4})/(\d{4})$")
# Kinds a running total or a multi-year span says nothing against: a change over years, a
# ratio or a constant.
_SPAN_FREE_KINDS = frozenset({"change", "multiplier", "percent", "rank", "age"})
# Kinds whose head noun is the thing counted (a change or a share counts nothing itself).
_COUNTED_KINDS = frozenset({"count", "rate"})


def refusal(claim: Claim, frame: Frame, spec: FrameSpec) -> str | None:
    """Why the frame does not fill the spec's slots, or None if it does."""
    if (
        spec.counts
        and frame.sort
        and claim.kind in _COUNTED_KINDS
        and frame.sort not in spec.counts
    ):
        return f"it counts {frame.sort} ('{frame.head}'), not {' or '.join(spec.counts)}"
    if spec.mode == "asserted" and frame.hypothetical:
        return f"it is hypothetical or a capacity ('{frame.hypothetical}')"
    if spec.scope == "whole" and frame.subset:
        return f"it is about part of the population ('{frame.subset}')"
    if spec.span == "year" and claim.kind not in _SPAN_FREE_KINDS:
        if frame.cumulative:
            return f"it is a total over a longer span ('{frame.cumulative}')"
        m = _MULTI_YEAR_RE.match(claim.period or "")
        if m and m.group(1) != m.group(2):
            return f"it is a total over several years ({claim.period})"
    if spec.unit_price and spec.unit_price in frame.amounts:
        return f"it is the price of {frame.amounts[spec.unit_price]}, not of one"
    if spec.agent:
        named = frame.vocabulary.get("agent", ())
        if not named:
            return f"no agent is named (the measure counts {', '.join(spec.agent)})"
        if not set(named) & set(spec.agent):
            return f"its agent is {', '.join(named)}, not {', '.join(spec.agent)}"
    if spec.substance:
        named = frame.vocabulary.get("substance", ())
        if named and named[0] not in spec.substance:
            return f"it is about {named[0]}, not {', '.join(spec.substance)}"
    return None
