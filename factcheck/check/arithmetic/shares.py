"""Shares against the counts they are a share of.

- "45 of the 150 schools, nearly a third"; "a rate of 92 percent, 1,104 of 1,200": a share
  written beside its part and whole is their ratio.
- "33,091 (63.1%)" or "63.1% (33,091)", with the whole given as such ("Of the 52,404 deaths,
  ...", "52,404 deaths, including 33,091 (63.1%)"): the same. Where the whole is only the
  sentence's earlier count of the same thing ("52,404 deaths occurred; 63.1% (33,091)
  involved ..."), agreement is reported as verified and disagreement not at all: the text
  does not say that count is the whole.
- "two in five, or 40 percent"; "a third (33%)": one share restated in another form.
"""

from __future__ import annotations

import re

from ...interval import Interval
from ...model import Finding
from ..evidence import fmt
from .figures import Figure, SentenceView, heads_agree, may_count_the_same, without_times
from .parts import compared, whole_of
from .verdict import VERIFIED, Check, judged, ratio, rounded

RULE = "arithmetic-share"

_OF_GAP_RE = re.compile(
    r"^\s*(?:out\s+)?of\s+(?:the|these|those|all(?:\s+the)?|its|their)?\s*$", re.IGNORECASE
)
# Between a part-of-whole pair and the share after it: "schools, nearly a third", "schools
# (30%)", "patients, or 40 percent", "students passed, a rate of".
_THEN_SHARE_RE = re.compile(
    r"^(?P<words>(?:\s*[a-z][\w'-]*){0,4}?)\s*(?:,|\(|—|–|:)\s*(?:or\s+|that\s+is,?\s+"
    r"|i\.e\.,?\s+)?(?:(?:a|an|the)\s+(?:(?:[a-z]+\s+)?(?:rate|share|proportion|percentage"
    r"|fraction)\s+of\s+)?)?$",
    re.IGNORECASE,
)
_SHARE_THEN_RE = re.compile(
    r"^\s*(?:,|\(|—|–|:)\s*(?:or\s+|that\s+is,?\s+|i\.e\.,?\s+)?$", re.IGNORECASE
)
_LOOSE_PAIR_GAP_RE = re.compile(
    r"^(?:\s+(?!(?:and|but|while|than|from|of)\b)[a-z][\w'-]*){1,4}\s*,\s*"
    r"(?:or\s+|(?:a|an|the)\s+(?:[a-z]+\s+)?(?:rate|share|proportion|percentage)\s+of\s+)$",
    re.IGNORECASE,
)
_NOT_APPOSED_RE = re.compile(
    r"\b(?:and|but|while|whereas|than|from|compared|versus|which|who|including|among|per)\b",
    re.IGNORECASE,
)
# Between a count and the share that restates it: "33,091 (63.1%)", "480, or 40 percent",
# "nearly half of them--just over 19,000".
_PAIR_GAP_RE = re.compile(
    r"^\s*(?:of\s+(?:them|these|those|the\s+total)(?:\s+[a-z]+)?\s*)?"
    r"(?:\(|,\s*or\s+|,\s*that\s+is,?\s+|-{2}|—|–)\s*"
    r"(?:(?:just|about|some|roughly|nearly|almost|around|approximately)\s+)?$",
    re.IGNORECASE,
)
_RESTATED_RE = re.compile(
    r"^(?:\s+[a-z][\w'-]*){0,2}?\s*(?:,\s*(?:or|that\s+is,?|i\.e\.,?)|\(|—|–)\s*$",
    re.IGNORECASE,
)
_COMMA_ONLY_RE = re.compile(r"^(?:\s+[a-z][\w'-]*){0,2}?\s*,\s*$", re.IGNORECASE)
_DIGIT_SHARE_RE = re.compile(r"\d\s*(?:%|percent|per\s*cent)", re.IGNORECASE)


def check_shares(view: SentenceView) -> list[Finding]:
    findings = _beside_part_and_whole(view)
    findings += _share_of_whole_beside_part(view)
    findings += _bracketed(view, whole_of(view))
    findings += _restated(view)
    return findings


def _is_share(f: Figure) -> bool:
    return f.kind == "percent" and f.unit == "percent"


# After a share, words that make it a share of something else or a difference: "12 percent
# of the state's total", "20 percent more than in 2019".
_SHARE_OF_ANOTHER_RE = re.compile(
    r"^\s+(?:of\s+(?!(?:them|these|those|the\s+total|all)\b)|more\b|less\b|fewer\b"
    r"|higher\b|lower\b|greater\b|above\b|below\b|up\b|down\b|increase|rise\b|decrease"
    r"|drop\b|fall\b|decline|points?\b)",
    re.IGNORECASE,
)


def _share_of_the_pair(view: SentenceView, f: Figure) -> bool:
    """A share that is of the part and whole it stands beside, not of something it names."""
    return _is_share(f) and not _SHARE_OF_ANOTHER_RE.match(view.right(f, 30))


def _beside_part_and_whole(view: SentenceView) -> list[Finding]:
    findings = []
    for part, whole in zip(view.figures, view.figures[1:], strict=False):
        if part.unit != whole.unit or part.kind not in ("count", "money", "measurement"):
            continue
        if not _OF_GAP_RE.match(view.between(part, whole)):
            continue
        share = None
        after = view.next(whole)
        if after is not None and _share_of_the_pair(view, after):
            m = _THEN_SHARE_RE.match(without_times(view.between(whole, after)))
            if m and not _NOT_APPOSED_RE.search(m.group(0)):
                share = after
        before = view.prev(part)
        if share is None and before is not None and _share_of_the_pair(view, before):
            if _SHARE_THEN_RE.match(without_times(view.between(before, part))):
                share = before
        finding = share_finding(share, part, whole) if share is not None else None
        if finding is not None:
            findings.append(finding)
    return findings


# "1,100 jobs, about 6 percent of its workforce of 18,000": between the share and its whole.
_SHARE_OF_RE = re.compile(
    r"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+(?:the\s+)?)?(?:(?:[\w'’-]+\s+){0,3}?of\s+)?$",
    re.IGNORECASE,
)
# Between a count and the share after it (", about"), or a whole and the count after it
# ("passengers complained, about").
_APPOSED_RE = re.compile(
    r"^(?:\s+(?!(?:and|but|while|whereas|than|from|of|to|which|who)\b)[a-z][\w'’-]*){0,3}\s*"
    r"(?:,|\(|—|–|-{2})\s*(?:or\s+|that\s+is,?\s+|some\s+|about\s+|roughly\s+|nearly\s+)?$",
    re.IGNORECASE,
)


def _share_of_whole_beside_part(view: SentenceView) -> list[Finding]:
    """ "The company cut 1,100 jobs, about 6 percent of its workforce of 18,000"; "Just 3
    percent of the 1.2 million passengers complained, about 36,000 people": a share of a
    whole, with the part it comes to beside it."""
    findings = []
    for share, whole in zip(view.figures, view.figures[1:], strict=False):
        if not _is_share(share) or whole.kind not in ("count", "money", "measurement"):
            continue
        if not _SHARE_OF_RE.match(without_times(view.between(share, whole))):
            continue
        before, after = view.prev(share), view.next(whole)
        part = None
        if (
            before is not None
            and before.unit == whole.unit
            and _APPOSED_RE.match(without_times(view.between(before, share)))
        ):
            part = before
        elif (
            after is not None
            and after.unit == whole.unit
            and _APPOSED_RE.match(without_times(view.between(whole, after)))
        ):
            part = after
        if part is None or compared(view, part) or not may_count_the_same(part.claim, whole.claim):
            continue
        finding = share_finding(share, part, whole)
        if finding is not None:
            findings.append(finding)
    return findings


def share_finding(share: Figure, part: Figure, whole: Figure, only_if_right: bool = False
                  ) -> Finding | None:  # fmt: skip
    """The share against part / whole. With ``only_if_right``, None unless it fits."""
    quotient = ratio(part, whole)
    if quotient is None:
        return None
    implied = Interval(quotient.low * 100, quotient.high * 100, "percent")
    value = 100 * (part.claim.value or 0) / (whole.claim.value or 1)
    check = Check(
        RULE,
        Interval(share.low, share.high, "percent"),
        implied,
        [share, part, whole],
        f"{fmt(part.claim.value or 0)} / {fmt(whole.claim.value or 0)} = {value:.3g}% "
        f"{rounded(implied.low, implied.high, lambda x: f'{x:.3g}', '%')}",
        f"{share.quote} does not fit {part.quote} of {whole.quote}, which is {value:.3g}%",
        f"{share.quote} fits {part.quote} of {whole.quote} ({value:.3g}%)",
    )
    finding = judged(check, f"{value:.3g}% ({part.claim.surface} of {whole.claim.surface})")
    if only_if_right and finding.rule != VERIFIED:
        return None
    return finding


def bracket_pairs(view: SentenceView, loose: bool = False) -> list[tuple[Figure, Figure]]:
    """(count, share) written one restating the other: "33,091 (63.1%)", "63.1% (33,091)",
    "480, or 40 percent"; with ``loose`` (where the whole is given as such), also a count
    and the share its clause ends with: "150 were positive, a rate of 7.5 percent"."""
    pairs = []
    for a, b in zip(view.figures, view.figures[1:], strict=False):
        gap = view.between(a, b)
        if not _PAIR_GAP_RE.match(gap) and not (loose and _LOOSE_PAIR_GAP_RE.match(gap)):
            continue
        if _is_share(b) and a.kind in ("count", "money") and not _is_share(a):
            pairs.append((a, b))
        elif _is_share(a) and b.kind in ("count", "money"):
            pairs.append((b, a))
    return pairs


def _bracketed(view: SentenceView, whole: Figure | None) -> list[Finding]:
    findings = []
    tight = bracket_pairs(view)
    for part, share in bracket_pairs(view, loose=whole is not None):
        if (part, share) not in tight and (whole is None or whole.unit != part.unit):
            continue  # a loose pair only against a whole given as such
        finding = bracketed_share(view, part, share, whole)
        if finding is not None:
            findings.append(finding)
    return findings


def bracketed_share(
    view: SentenceView, part: Figure, share: Figure, whole: Figure | None
) -> Finding | None:
    first = min(part, share, key=lambda f: f.index)
    explicit = whole if whole is not None and whole.unit == part.unit else None
    if explicit is None:
        explicit = _including_whole(view, first, part)
    if explicit is not None:
        return share_finding(share, part, explicit)
    # The sentence's earlier count of the same thing: verified if it fits, else silent.
    for candidate in reversed(view.figures[: first.index]):
        if candidate.unit == part.unit and candidate.kind == part.kind:
            if compared(view, candidate) or not heads_agree(candidate.claim, part.claim):
                return None
            return share_finding(share, part, candidate, only_if_right=True)
    return None


def _including_whole(view: SentenceView, first: Figure, part: Figure) -> Figure | None:
    """ "52,404 deaths, including 33,091 (63.1%)": the figure before "including"."""
    before = view.prev(first)
    if before is None or before.unit != part.unit:
        return None
    gap = view.between(before, first)
    if re.search(r"\b(?:including|of\s+(?:which|whom|these|those|them))\s*$", gap, re.IGNORECASE):
        return before
    return None


def _restated(view: SentenceView) -> list[Finding]:
    """ "two in five, or 40 percent": one share in two forms."""
    findings = []
    for a, b in zip(view.figures, view.figures[1:], strict=False):
        if not (_is_share(a) and _is_share(b)):
            continue
        gap = view.between(a, b)
        # "Two in five adults, or 40 percent"; a bare comma ("2 in 3 voters, 64 percent,")
        # only when the second share is not of something else.
        if not _RESTATED_RE.match(gap) and not (
            _COMMA_ONLY_RE.match(gap) and _share_of_the_pair(view, b)
        ):
            continue
        digits_a = bool(_DIGIT_SHARE_RE.search(a.claim.surface))
        digits_b = bool(_DIGIT_SHARE_RE.search(b.claim.surface))
        if digits_a == digits_b:
            continue  # "30 percent, or 40 percent" offers alternatives; a restatement converts
        written, words = (a, b) if digits_a else (b, a)
        check = Check(
            RULE,
            Interval(written.low, written.high, "percent"),
            Interval(words.low, words.high, "percent"),
            [b, a],
            f"{words.quote} is {fmt(words.claim.value or 0)}% ({words.describe()})",
            f"{b.quote} does not restate {a.quote}: {words.quote} is "
            f"{fmt(words.claim.value or 0)}%",
            f"{b.quote} restates {a.quote}",
        )
        findings.append(judged(check, f"{fmt(words.claim.value or 0)}%"))
    return findings
