"""A whole given in one sentence, its parts and shares in the next.

"The district has 1,200 pupils. Of them, 40 percent (480 pupils) walk to school." The next
sentence must open by pointing back ("Of these", "Of them", "Among those", "480 of them") and
follow the first
directly, in the same paragraph (nothing but a space or a line break between them), and the
first must state exactly one count or amount for "these" to be.
"""

from __future__ import annotations

import re

from ...model import Finding
from .figures import SentenceView
from .parts import check_whole, compared, parts_of, whole_of
from .shares import bracket_pairs, bracketed_share

_BACK_RE = re.compile(r"\s*(?:of|among)\s+(?:these|those|them|this\s+total)\b", re.IGNORECASE)


_OF_THEM_RE = re.compile(r"^\s+(?:of|among)\s+(?:these|those|them)\b", re.IGNORECASE)


def may_continue(sentence: str) -> bool:
    """Whether a sentence may point back at the one before: it opens so ("Of these, ...") or
    says "of them" somewhere ("480 of them walk")."""
    return _BACK_RE.match(sentence) is not None or " of the" in sentence


def _points_back(view: SentenceView) -> bool:
    """ "Of these, 2,600 ...", "Among them, ...", or a first figure that is "480 of them"."""
    if _BACK_RE.match(view.text):
        return True
    first = view.figures[0] if view.figures else None
    return (
        first is not None
        and not view.text[: first.start].strip(" ,")
        and bool(_OF_THEM_RE.match(view.right(first, 20)))
    )


def adjacent(previous: SentenceView, view: SentenceView) -> bool:
    """Whether ``view`` directly follows ``previous`` in one paragraph."""
    if previous.doc != view.doc or previous.start is None or view.start is None:
        return False
    gap = view.start - (previous.start + len(previous.text))
    return 0 <= gap <= 1


def check_across(previous: SentenceView, view: SentenceView) -> list[Finding]:
    if not _points_back(view) or whole_of(view) is not None:
        return []
    wholes = [f for f in previous.figures
              if f.kind in ("count", "money") and "/" not in f.unit
              and not compared(previous, f) and not (f.claim.frame or {}).get("hypothetical")]  # fmt: skip
    if len(wholes) != 1:
        return []
    whole = wholes[0]
    findings = check_whole(view, whole, parts_of(view, whole))
    for part, share in bracket_pairs(view, loose=True):
        finding = bracketed_share(view, part, share, whole)
        if finding is not None:
            findings.append(finding)
    return findings
