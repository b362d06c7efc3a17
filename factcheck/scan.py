"""Whole-text tests cheap enough to run before a slower pattern makes a pass over a text."""

from __future__ import annotations

import re

_ASCII_DIGIT = re.compile(r"[0-9]")
_DIGIT = re.compile(r"\d")


def has_digit(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a decimal digit (any script's, as ``\\d`` means).

    An ASCII-only string (a flag CPython keeps, so the test is free) is searched for [0-9],
    several times faster than ``\\d``, which consults the Unicode tables at every character.
    """
    digit = _ASCII_DIGIT if text.isascii() else _DIGIT
    return digit.search(text, start, len(text) if end is None else end) is not None
