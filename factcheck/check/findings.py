"""Building findings: the claim and reference records a finding carries, and their wording."""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from ..model import Claim, ClaimRef
from ..references import Reference
from .evidence import fmt

SEVERITY_OF = {"far": "error", "near": "warning", "agree": "info"}
# Reference rows that cannot by themselves make a claim wrong: the figure may still change,
# or was never confirmed in the official source.
WEAK_STATUSES = ("provisional", "provisional-secondary", "final-unconfirmed")


def claim_ref(claim: Claim) -> ClaimRef:
    """The part of a claim a finding carries: where it is and what it says."""
    return ClaimRef(claim)


@lru_cache(maxsize=4096)
def reference_ref(ref: Reference) -> dict[str, Any]:
    """The reference row a finding carries. Cached, so the findings that cite one row share
    one record (a million verified claims cite a few hundred rows): never change it."""
    return {
        "dataset": ref.dataset,
        "measure": ref.measure,
        "value": ref.value,
        "low": ref.low,
        "high": ref.high,
        "unit": ref.unit,
        "period": ref.period,
        "place": ref.place,
        "status": ref.status,
        "source": ref.source,
        "url": ref.url,
        "row": ref.row,
    }


def shared(text: str) -> str:
    """One copy of a string that many findings repeat (a tolerance, the line that cites a
    reference row): a million findings need not hold a million copies of it."""
    return sys.intern(text)


def where(claim: Claim) -> str:
    if claim.position:  # a Word or PDF document: "brief.docx:¶14:23"
        return f"{claim.doc}:{claim.position['label']}"
    return f"{claim.doc}:{claim.line}"


def quote(claim: Claim) -> str:
    return f"“{' '.join(claim.surface.split())}”"


@lru_cache(maxsize=4096)
def describe_reference(ref: Reference) -> str:
    """ "70,601 (2021, final-secondary)". Cached: a reference row serves many claims."""
    bits = [b for b in (ref.period, ref.status) if b]
    value = reference_value(ref)
    if ref.unit not in ("count", "dimensionless"):
        value += f" {_unit_words(ref.unit, ref.value)}"  # "2 milligrams", not a bare "2"
    return f"{value} ({', '.join(bits)})" if bits else value


def reference_value(ref: Reference) -> str:
    """The reference's figure as its source states it: "70,601", or "over 7,000" for a bound."""
    if ref.low is not None and ref.high is None:
        return f"over {fmt(ref.low)}"
    return fmt(ref.value)


def _unit_words(unit: str, value: float) -> str:
    """A unit after a figure: "2 milligrams", "1 milligram"; symbols and compounds as they are."""
    if value == 1 or unit in _UNCOUNTED or unit.endswith("s") or not unit.isalpha():
        return unit
    return unit if unit.isupper() else unit + "s"


_UNCOUNTED = frozenset({"percent", "index"})  # "27 percent", "a 310 index"


def severity_for(verdict: str, refs: list[Reference]) -> str:
    """error for a contradiction, warning when it is only just outside the tolerance or rests
    only on provisional or unconfirmed figures."""
    severity = SEVERITY_OF[verdict]
    if severity == "error" and refs and all(r.status in WEAK_STATUSES for r in refs):
        return "warning"
    return severity


def in_text(label: str) -> str:
    """A catalog label inside a sentence: "Drug overdose deaths (US)" -> "drug overdose deaths (US)"."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label
