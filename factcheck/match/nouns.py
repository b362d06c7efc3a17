"""A comparable form of counted nouns, to group claims that no measure matched."""

from __future__ import annotations

import re
from functools import lru_cache

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
