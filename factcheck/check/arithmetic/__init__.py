"""A text's own arithmetic: the checks an editor could do with a calculator, in any domain,
with no catalog entry and no reference figure.

Each family of check is a module that reads one sentence's figures (``figures.SentenceView``)
and returns findings: stated changes against their endpoints (``changes``), parts against their
total (``parts``), shares against counts (``shares``), rates against the figures they restate
(``rates``), multiples and comparisons (``multiples``). ``across`` carries a whole stated in
one sentence to the parts and shares of the next ("Of these, ...").

The check runs over the claims in their total order, one sentence at a time: a sentence
with a single figure costs a comparison of offsets, so a million claims stay cheap. Where the
text does not clearly say which figures are the parts, the total or the endpoints, nothing is
checked: an arithmetic finding that is wrong would cost the reader's trust in all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import compress, islice
from operator import attrgetter, eq

from ...model import Claim, Finding
from . import across
from .changes import check_changes
from .figures import SentenceView, sentence_view
from .multiples import check_multiples
from .parts import check_parts
from .rates import check_rates
from .shares import check_shares

FAMILIES: tuple[Callable[[SentenceView], list[Finding]], ...] = (
    check_changes,
    check_parts,
    check_shares,
    check_rates,
    check_multiples,
)


def check_arithmetic(claims: list[Claim]) -> list[Finding]:
    """Every arithmetic finding about the claims (given in claim_order)."""
    findings: list[Finding] = []
    for i, j in _sentences_to_read(claims):
        view = sentence_view(claims[i:j])
        if len(view.figures) >= 2:
            for family in FAMILIES:
                findings.extend(family(view))
        if i > 0 and len(view.figures) >= 2 and across.may_continue(view.text):
            start, _ = _extent(claims, i - 1)
            previous = sentence_view(claims[start:i])
            if across.adjacent(previous, view):
                findings.extend(across.check_across(previous, view))
    return findings


def _sentences_to_read(claims: list[Claim]) -> Iterator[tuple[int, int]]:
    """The (start, end) ranges of ``claims`` that are one sentence with two figures or more,
    in order. (A sentence of one figure has nothing to compute, not even with the sentence
    before: "Of these, 2,600 ..." needs a second figure to be checked.)

    Most sentences hold one figure; they are passed over by comparisons done in C (map,
    compress), so that a million claims cost a fraction of a second.
    """
    texts = list(map(attrgetter("sentence"), claims))
    covered = 0
    for k in compress(range(len(texts) - 1), map(eq, texts, islice(texts, 1, None))):
        if k < covered:
            continue
        i, j = _extent(claims, k)
        covered = j
        if j - i > 1:
            yield i, j


def _extent(claims: list[Claim], k: int) -> tuple[int, int]:
    """The range of the claims of the sentence claim ``k`` is in."""
    key = claims[k]

    def same(other: Claim) -> bool:
        return (other.sentence == key.sentence and other.sentence_start == key.sentence_start
                and other.doc == key.doc)  # fmt: skip

    i, j = k, k + 1
    while i > 0 and same(claims[i - 1]):
        i -= 1
    while j < len(claims) and same(claims[j]):
        j += 1
    return i, j
