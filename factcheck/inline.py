"""Suppressions written in a draft itself, in a comment of whatever syntax suits the format
(``<!-- factcheck: ignore -->`` in Markdown and HTML):

- ``factcheck: ignore`` — the claims on the directive's line and on the line after it;
- ``factcheck: off`` … ``factcheck: on`` — the claims of every line from one to the other
  (to the end of the file when no ``on`` follows);
- ``factcheck: ignore-file`` — every claim of the file, wherever the directive stands.

Each may name the rules it silences, ``factcheck: ignore[contradiction, relation]`` (rule ids,
families or globs, as --select takes them); without a list it silences every rule. Text after
the directive, up to the end of its comment or line, is its reason:
``<!-- factcheck: ignore[contradiction] counted differently -->``.
A list naming no rule is an input error, so a typo never silently silences nothing.

A suppressed claim still serves as evidence for others; findings about it are not reported
(the check stage drops them, see ``check._without_suppressed``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from . import rules
from .errors import InputError
from .model import Claim, Document

# The reason runs to the end of its comment (``-->`` or ``*/``) or of the line, whichever comes
# first: prose after the comment on the same line belongs to the draft, not to the reason.
_DIRECTIVE = re.compile(
    r"factcheck:[ \t]*(?P<verb>ignore-file|ignore|off|on)\b"
    r"(?:\[(?P<rules>[^\]\n]{0,200})\])?(?P<reason>(?:(?!-->|\*/)[^\n]){0,300})",
    re.IGNORECASE,
)
_REASON_TRIM = " \t:-–>*/#"


@dataclass(frozen=True)
class _Span:
    first: int  # lines, 1-based and inclusive
    last: float  # math.inf for a block left open
    rules: frozenset[str] | None  # None: every rule
    reason: str


@dataclass
class Directives:
    """The directives read so far in one file (a large file is read in sections: one object
    follows them all, so a block opened in one section goes on in the next)."""

    spans: list[_Span] = field(default_factory=list)
    _open: list[tuple[int, frozenset[str] | None, str]] = field(default_factory=list)

    def scan(self, doc: Document) -> Directives:
        """Add the directives of one document (or section of a file)."""
        if "factcheck" not in doc.text:
            return self
        for m in _DIRECTIVE.finditer(doc.text):
            line, _ = doc.position(m.start())
            verb = m.group("verb").lower()
            selected = _rules(m.group("rules"), doc.path, line)
            reason = "inline: " + (m.group("reason").strip(_REASON_TRIM).strip() or verb)
            if verb == "ignore":
                self.spans.append(_Span(line, line + 1, selected, reason))
            elif verb == "ignore-file":
                self.spans.append(_Span(1, math.inf, selected, reason))
            elif verb == "off":
                self._open.append((line, selected, reason))
            else:  # on: closes every block open
                self.spans += [_Span(first, line, r, why) for first, r, why in self._open]
                self._open.clear()
        return self

    def covering(self, line: int) -> list[_Span]:
        open_blocks = [_Span(first, math.inf, r, why) for first, r, why in self._open]
        return [s for s in self.spans + open_blocks if s.first <= line <= s.last]

    def apply(self, claims: list[Claim]) -> None:
        """Mark the claims the directives cover: ``suppressed`` (the reason) and
        ``suppressed_rules`` (None when every rule is silenced)."""
        if not self.spans and not self._open:
            return
        for claim in claims:
            spans = self.covering(claim.line)
            if not spans:
                continue
            claim.suppressed = spans[0].reason
            if any(s.rules is None for s in spans):
                claim.suppressed_rules = None
            else:
                silenced: set[str] = set()
                for span in spans:
                    silenced |= span.rules or set()
                claim.suppressed_rules = sorted(silenced)


def _rules(listed: str | None, path: str, line: int) -> frozenset[str] | None:
    if listed is None:
        return None
    selectors = rules.split_selectors([listed])
    if not selectors:
        raise InputError(f"{path}:{line}: an empty rule list in a factcheck directive")
    try:
        return frozenset(r for s in selectors for r in rules.matching(s))
    except ValueError as exc:
        raise InputError(f"{path}:{line}: {exc}") from None


def suppresses(claim: Claim, rule: str) -> bool:
    """Whether an inline directive silences findings of ``rule`` about this claim."""
    if claim.suppressed is None:
        return False
    return claim.suppressed_rules is None or rule in claim.suppressed_rules
