"""Document dates: a date line near the top ("July 2, 2025", "Published March 3, 2024")."""

from __future__ import annotations

import re

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = r"(?:1[89]|20)\d\d"
DATE = re.compile(
    rf"(?P<iy>{_YEAR})-(?P<im>[01]\d)(?:-(?P<id>[0-3]\d))?(?!\d)"
    rf"|(?P<m1>{_MONTH})\.?[ \t]+(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?[ \t]+)?(?P<y1>{_YEAR})\b"
    rf"|(?P<d2>[0-3]?\d)[ \t]+(?P<m2>{_MONTH})\.?,?[ \t]+(?P<y2>{_YEAR})\b",
    re.IGNORECASE,
)
# What may stand before a date on a date line: "Published", "Updated:", a weekday.
_PREFIX = re.compile(
    r"(?:(?:published|updated|last updated|posted|date|dated|released|issued)\b[ \t:]*(?:on[ \t]+)?)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?",
    re.IGNORECASE,
)


def to_iso(match: re.Match[str]) -> str | None:
    """The ISO form (YYYY-MM-DD or YYYY-MM) of a DATE match, or None if it is not a real date."""
    g = match.groupdict()
    if g["iy"]:
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"]) if g["id"] else None
    else:
        name = g["m1"] or g["m2"]
        year = int(g["y1"] or g["y2"])
        month = _MONTHS[name[:3].lower()]
        d = g["d1"] or g["d2"]
        day = int(d) if d else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def date_line(line: str) -> str | None:
    """The date of a line that is only a date (with an optional "Published" or weekday)."""
    s = line.strip().strip("*_").strip()
    if not s or len(s) > 60:
        return None
    prefix = _PREFIX.match(s)
    rest = s[prefix.end() :] if prefix else s
    m = DATE.match(rest)
    if not m or rest[m.end() :].strip(" .\t"):
        return None
    return to_iso(m)


def find_date(text: str, spans: list[tuple[int, int]], max_lines: int = 40) -> str | None:
    """The first date line among the first ``max_lines`` non-blank lines."""
    seen = 0
    for s, e in spans:
        if s == e or text[s:e].isspace():
            continue
        seen += 1
        if seen > max_lines:
            return None
        if e - s > 100:  # a date line is short; never copy a long line
            continue
        found = date_line(text[s:e])
        if found:
            return found
    return None
