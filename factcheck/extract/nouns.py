"""The counted noun: what a number counts or measures ("fentanyl overdoses", "soldiers")."""

from __future__ import annotations

import re

# Words that end a noun phrase: prepositions, conjunctions, auxiliaries, common verbs of the
# domain, and time words. A noun phrase here is short: at most four words.
_STOP = frozenset(
    """in on at by for from to with per since during than that which who whose whom where when
    and or but as is are was were be been being have has had will would could can may might
    must shall should do does did each every a an the this these those it its their his her
    our your my last over under between into across through according annually daily weekly
    monthly yearly ago before after while because if so not no nor also only just more less
    most least about around some nearly almost roughly approximately up down out off
    died die dies killed kill kills lost die went came made make makes took take takes said
    says say reported report reports estimated estimate found find were year years month
    months week weeks day days today now then there here what how why all both either
    neither such other another same own very too""".split()
)
_WORD_RE = re.compile(r"\s+(?P<w>[A-Za-z][A-Za-z'’-]*)")
_OF_RE = re.compile(r"\s+of(?=\s)", re.IGNORECASE)


def counted_noun(text: str, end: int, sent_end: int, skip_of: bool) -> str | None:
    """The noun phrase right after a quantity ending at ``end``, or None.

    ``skip_of`` lets "hundreds of thousands of Americans" and "two milligrams of fentanyl"
    reach the noun behind "of".
    """
    pos = end
    if skip_of:
        m = _OF_RE.match(text, pos, sent_end)
        if m:
            pos = m.end()
    words: list[str] = []
    while len(words) < 4:
        m = _WORD_RE.match(text, pos, sent_end)
        if not m:
            break
        word = m.group("w").rstrip("'’-")
        low = word.lower()
        if low in _STOP:
            break
        # A past-tense verb after a noun ends the phrase ("eight cartels designated").
        if words and low.endswith("ed") and len(low) > 4:
            break
        words.append(word)
        pos = m.end()
    return " ".join(words) if words else None
