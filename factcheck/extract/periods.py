"""Time expressions: "in 2021", "from 2016 to 2020", "the 2010s", "the twelve months ending in
April 2024", "last year", "over the past decade"; and which one a number is about.

Years are found here before numbers are read, so a year used as a date is never mistaken for
a count: its span is handed to the number scanner as already taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import MONTH_NUMBERS, MONTHS
from .numberwords import CARDINAL_WORD, CARDINALS, ORDINALS

_Y = r"(?:1[89]\d\d|20\d\d)"
_M = r"(?:" + MONTHS + r")\.?"
_SPAN_WORDS = (
    r"(?:to|and|through|thru|until|till|-|–|—|‒|‑|−)"  # hyphen, en, em, figure dashes, minus
)
# Counts of years or months in words ("the past five years"): the one list of number words.
_NUM_WORDS = CARDINALS
_N = r"\d+|" + CARDINAL_WORD

# Alternatives are tried left to right at each position, longest forms first.
TIME_RE = re.compile(
    # Tried only where a word starts: the alternation is long, and most positions are inside
    # words (this halves the time extraction spends here).
    r"(?=\w)(?<![^\W\d_])"
    r"(?:(?P<ending>(?:the\s+)?(?:twelve|12)[-\s]months?\s+(?:period\s+)?end(?:ing|ed)\s+"
    r"(?:in\s+)?(?P<end_m>" + _M + r")\s+(?P<end_y>" + _Y + r"))"
    r"|(?P<span>(?:(?P<span_kw>from|between|since|during|in|over|for)\s+)?(?:FY\s?)?(?P<y1>"
    + _Y
    + r")"
    r"\s*"
    + _SPAN_WORDS
    + r"\s*(?:FY\s?)?(?P<y2>"
    + _Y
    + r"|(?<=[-–—‒‑−])\d\d)(?!\d|,\d|\.\d)(?!s\b))"
    r"|(?P<decade>(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(?P<dec>1[89]\d0|20\d0)s)\b"
    r"|(?P<month>(?P<mon>" + _M + r")\s+(?:(?P<day>\d{1,2}),?\s+)?(?P<my>" + _Y + r"))(?!\d|,\d)"
    r"|(?P<daymonth>(?P<dd>\d{1,2})\s+(?P<dmon>" + _M + r")\s+(?P<dmy>" + _Y + r"))(?!\d|,\d)"
    r"|(?P<fiscal>(?:FY|fiscal\s+year)\s?(?P<fy>" + _Y + r"|\d\d))\b"
    r"|(?P<year>(?:(?P<year_kw>in|during|by|since|of|for|until|through|before|after)\s+)?"
    r"(?<![\d,.$€£])(?P<yy>"
    + _Y
    + r"))(?!\d|,\d|%|\.\d|\s*(?:percent|per cent)|\s+(?:U\.?S\.?\s+)?dollars)"
    r"|(?P<prev>(?:the\s+)?(?:previous|prior|preceding)\s+(?P<prev_n>" + _N + r")"
    r"[-\s]years?[-\s](?:period|term|presidency|administration|tenure|sexenio))\b"
    r"|(?P<relative>(?:the\s+)?(?:prior|previous|preceding)\s+year|a\s+year\s+(?:earlier|before)"
    r"|last\s+year|this\s+year|(?:over\s+|in\s+|during\s+)?the\s+(?:past|last)\s+"
    r"(?:(?P<rel_n>" + _N + r")\s+)?"
    r"(?P<rel_unit>decades?|years?))\b"
    r"|(?P<ago>\b(?P<ago_n>" + _N + r"|a)\s+years?\s+ago)\b"
    r"|(?P<now>\b(?:now|currently|today|at\s+present)\b)"
    r"|(?P<same>\b(?:that|the\s+same|that\s+same)\s+year\b)"
    r"|(?P<next>(?:over|in|during|within)\s+the\s+(?:next|coming)\s+(?:(?P<next_n>"
    + _N
    + r")\s+)?(?P<next_unit>decades?|years?))\b"
    r"|(?P<since_in>\bsince\s+(?:[\w’'-]+\s+){1,6}?in\s+(?P<sy>" + _Y + r"))(?!\d|,\d))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    period: str | None  # ISO 8601; None for a relative one not yet resolved
    relative: str | None = None  # "prior-year" | "last-year" | "this-year" | "past:N" (years)
    is_span: bool = False
    keyword: str | None = None  # "by", "since", "in", "from" ...


def find_time_expressions(text: str, start: int, end: int) -> list[TimeExpr]:
    """All time expressions in text[start:end], in order."""
    found: list[TimeExpr] = []
    for m in TIME_RE.finditer(text, start, end):
        expr = _to_expr(m)
        if expr is not None:
            found.append(expr)
    return found


def _to_expr(m: re.Match[str]) -> TimeExpr | None:
    s, e = m.start(), m.end()
    if m.group("ending"):
        month = MONTH_NUMBERS[m.group("end_m").lower().rstrip(".")]
        year = int(m.group("end_y"))
        first_month, first_year = (month % 12) + 1, year - 1 if month != 12 else year
        if month == 12:
            first_month = 1
        return TimeExpr(s, e, f"{first_year}-{first_month:02d}/{year}-{month:02d}", is_span=True)
    if m.group("span"):
        y1 = int(m.group("y1"))
        y2_raw = m.group("y2")
        y2 = int(y2_raw) if len(y2_raw) == 4 else (y1 // 100) * 100 + int(y2_raw)
        if y2 <= y1 or y2 - y1 > 100:
            return None
        kw = (m.group("span_kw") or "").lower() or None
        # Fiscal years are not calendar years: "FY2020 to FY2022" stays fiscal.
        fy = "FY" if re.search(r"\bFY", m.group("span")) else ""
        return TimeExpr(s, e, f"{fy}{y1}/{fy}{y2}", is_span=True, keyword=kw)
    if m.group("decade"):
        dec = int(m.group("dec"))
        return TimeExpr(s, e, f"{dec}/{dec + 9}", is_span=True)
    if m.group("month"):
        month = MONTH_NUMBERS[m.group("mon").lower().rstrip(".")]
        return TimeExpr(s, e, f"{m.group('my')}-{month:02d}")
    if m.group("daymonth"):
        month = MONTH_NUMBERS[m.group("dmon").lower().rstrip(".")]
        return TimeExpr(s, e, f"{m.group('dmy')}-{month:02d}")
    if m.group("fiscal"):
        fy = m.group("fy")
        # "FY2022": a fiscal year is not the calendar year (a federal one starts in October).
        return TimeExpr(s, e, "FY" + (fy if len(fy) == 4 else f"20{fy}"), keyword="fy")
    if m.group("year"):
        kw = (m.group("year_kw") or "").lower() or None
        return TimeExpr(s, e, m.group("yy"), keyword=kw)
    if m.group("since_in"):
        return TimeExpr(s, e, m.group("sy"), keyword="since")
    if m.group("next"):
        n_raw = m.group("next_n")
        n = 1 if n_raw is None else int(n_raw) if n_raw.isdigit() else _NUM_WORDS[n_raw.lower()]
        years = n * (10 if m.group("next_unit").lower().startswith("decade") else 1)
        return TimeExpr(s, e, None, relative=f"next:{years}", is_span=True)
    if m.group("prev"):
        raw = m.group("prev_n").lower()
        n = int(raw) if raw.isdigit() else _NUM_WORDS[raw]
        return TimeExpr(s, e, None, relative=f"prev:{n}", is_span=True)
    if m.group("same"):
        return TimeExpr(s, e, None, relative="same-year")
    if m.group("ago"):
        # "two years ago": that many years before the document's date.
        raw = m.group("ago_n").lower()
        n = 1 if raw == "a" else int(raw) if raw.isdigit() else _NUM_WORDS[raw]
        return TimeExpr(s, e, None, relative=f"ago:{n}")
    if m.group("now"):
        return TimeExpr(s, e, None, relative="this-year", keyword="now")
    if m.group("relative"):
        phrase = " ".join(m.group("relative").lower().split())
        if (
            "prior" in phrase
            or "previous" in phrase
            or "preceding" in phrase
            or "earlier" in phrase
            or "before" in phrase
        ):
            return TimeExpr(s, e, None, relative="prior-year")
        if phrase == "last year":
            return TimeExpr(s, e, None, relative="last-year")
        if phrase == "this year":
            return TimeExpr(s, e, None, relative="this-year")
        n_raw = m.group("rel_n")
        n = 1 if n_raw is None else int(n_raw) if n_raw.isdigit() else _NUM_WORDS[n_raw.lower()]
        years = n * (10 if m.group("rel_unit").lower().startswith("decade") else 1)
        return TimeExpr(s, e, None, relative=f"past:{years}", is_span=True)
    return None


def resolve(expr: TimeExpr, anchor_year: int | None, doc_year: int | None) -> str | None:
    """The ISO period of an expression; relative ones need an anchor or the document's year."""
    if expr.period is not None:
        if expr.keyword == "since" and not expr.is_span and doc_year:
            return f"{expr.period}/{doc_year}" if int(expr.period) < doc_year else expr.period
        return expr.period
    rel = expr.relative or ""
    if rel == "same-year":
        return str(anchor_year) if anchor_year else None
    if rel == "prior-year":
        return str(anchor_year - 1) if anchor_year else None
    if rel == "last-year":
        return str(doc_year - 1) if doc_year else None
    if rel == "this-year":
        return str(doc_year) if doc_year else None
    if rel.startswith("ago:") and doc_year:
        return str(doc_year - int(rel[4:]))
    if rel.startswith("past:") and doc_year:
        return f"{doc_year - int(rel[5:])}/{doc_year}"
    if rel.startswith("next:") and doc_year:
        return f"{doc_year}/{doc_year + int(rel[5:])}"
    return None


_DATED_RE = re.compile(
    # Every month name starts with one of these letters: a cheap first test at each position.
    r"(?=[jfmasond])\b(?:" + MONTHS + r")\.?\s+(?:\d{1,2},?\s+)?(?P<y>" + _Y + r")\b",
    re.IGNORECASE,
)


def latest_dated_year(text: str) -> int | None:
    """The latest year of a full date (month and year) in a document, notes included: it was
    written after the events and sources it dates, so this stands in for its date when it
    states none (for relative periods such as "over the last decade")."""
    years = [int(m.group("y")) for m in _DATED_RE.finditer(text)]
    return max(years) if years else None


def previous_span(expr: TimeExpr, times: list[TimeExpr]) -> tuple[str, str] | None:
    """For "the previous six-year period": (that period, the span it precedes), the latter
    being the sentence's nearest dated span ("AMLO's tenure", 2018/2024 -> 2012/2018)."""
    n = int((expr.relative or "prev:0")[5:])
    spans = [t for t in times if t is not expr and t.period and "/" in t.period]
    if not spans or not n:
        return None
    anchor = min(spans, key=lambda t: (t.start > expr.start, abs(t.start - expr.start)))
    first = first_year(anchor.period)
    return (f"{first - n}/{first}", anchor.period) if first else None


def first_year(period: str | None) -> int | None:
    """The first year an ISO period covers ("2016/2020" -> 2016)."""
    if not period:
        return None
    m = re.match(r"(\d{4})", period)
    return int(m.group(1)) if m else None


def last_year(period: str | None) -> int | None:
    """The last year an ISO period covers ("2016/2020" -> 2020, "2023-05/2024-04" -> 2024)."""
    if not period:
        return None
    years = re.findall(r"\d{4}", period)
    return int(years[-1]) if years else None


# Named periods the document defines itself: "President Felipe Calderón (2006–2012)". Later
# mentions ("Calderón's presidency", "during Peña Nieto's final year", "AMLO's tenure") are then
# time expressions like any other.
# A span in parentheses, and the capitalised name right before it. The span is searched for
# first (it is rare and cheap to find), the name only where a span stands.
_PAREN_SPAN_RE = re.compile(r"\(\s*(?P<y1>" + _Y + r")\s*[–—-]\s*(?P<y2>" + _Y + r")\s*\)")
_NAME_BEFORE_RE = re.compile(r"(?P<name>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s*$")
_TITLES = frozenset("president prime minister gen general governor mayor secretary chancellor "
                    "king queen premier senator former the mr mrs ms dr".split())  # fmt: skip


_COUNT = _N
_COUNT_WORDS = _NUM_WORDS


class NamedPeriods:
    """Named spans (a president's terms), and a matcher for their mentions in a text.

    They come from the document itself ("President Felipe Calderón (2006–2012)") and from the
    catalog's ``periods`` (names and their spans, which drafts use without dates). A mention
    is a name followed by what of the span it means: "Calderón's presidency", "Peña Nieto's
    final year in office", "AMLO's first year", "Trump's first term", "the Sheinbaum
    administration in its first four months", "Fox's six-year presidency".
    """

    def __init__(
        self,
        body: str,
        known: list[tuple[tuple[str, ...], tuple[str, ...]]] = (),  # type: ignore[assignment]
        doc_year: int | None = None,
    ) -> None:
        self.spans: dict[str, list[tuple[str, str]]] = {}
        self.doc_year = doc_year
        for names, spans in known:
            pairs = [tuple(span.split("/")) for span in spans]
            for name in names:
                self.spans.setdefault(name, pairs)  # type: ignore[arg-type]
        for m in _PAREN_SPAN_RE.finditer(body):
            named = _NAME_BEFORE_RE.search(body, max(0, m.start() - 120), m.start())
            if named is None:
                continue
            words = [w for w in named.group("name").split() if w.lower().strip(".") not in _TITLES]
            if not words or int(m.group("y2")) <= int(m.group("y1")):
                continue
            for alias in _aliases(words):
                # The document's own dates win over the catalog's for the same name.
                self.spans[alias] = [(m.group("y1"), m.group("y2"))]
        self.pattern = None
        if self.spans:
            names = "|".join(re.escape(a) for a in sorted(self.spans, key=len, reverse=True))
            self.pattern = re.compile(
                r"\b(?P<alias>" + names + r")(?:['’]s)?\s+(?:"
                r"(?P<which>first|final|last)\s+(?:(?P<n>"
                + _COUNT
                + r")\s+)?(?P<unit>years?|months?)"
                r"(?:\s+in\s+office)?"
                r"|(?P<ord>first|second|third)\s+term"
                r"|(?:[\w-]+\s+)?(?:presidency|tenure|term|administration|government|sexenio|rule"
                r"|years\s+in\s+office|time\s+in\s+office)"
                r"(?:\s+in\s+its\s+first\s+(?P<in_n>" + _COUNT + r")\s+(?P<in_unit>months|years))?"
                r")\b",
                re.IGNORECASE,
            )

    def find(self, text: str, start: int, end: int) -> list[TimeExpr]:
        if self.pattern is None:
            return []
        found = []
        for m in self.pattern.finditer(text, start, end):
            alias = next((a for a in self.spans if a.lower() == m.group("alias").lower()), None)
            if alias is None or not m.group("alias")[:1].isupper():
                continue
            period = self._period(self.spans[alias], m)
            if period:
                # Numbers inside ("Fox's six-year presidency") stay claims: keyword "named".
                found.append(
                    TimeExpr(m.start(), m.end(), period, is_span="/" in period, keyword="named")
                )
        return found

    def _period(self, spans: list[tuple[str, str]], m: re.Match[str]) -> str | None:
        if m.group("ord"):
            k = int(ORDINALS[m.group("ord").lower()]) - 1
            return "/".join(spans[k]) if k < len(spans) else None
        first, last = self._current(spans)
        count, unit = m.group("n") or m.group("in_n"), m.group("unit") or m.group("in_unit")
        if m.group("which") and m.group("which").lower() in ("final", "last"):
            return last[:4] if not count else None
        if m.group("which") or m.group("in_n"):
            n = (
                1
                if count is None
                else int(count)
                if count.isdigit()
                else _COUNT_WORDS[count.lower()]
            )
            if unit.lower().startswith("month"):
                return _months_from(first, n)
            return first[:4] if n == 1 else f"{first[:4]}/{int(first[:4]) + n - 1}"
        return f"{first}/{last}"

    def _current(self, spans: list[tuple[str, str]]) -> tuple[str, str]:
        """Of several terms, the one the document's date falls in, else the latest."""
        if self.doc_year is not None:
            for first, last in spans:
                if int(first[:4]) <= self.doc_year <= int(last[:4]):
                    return first, last
        return spans[-1]


def _months_from(first: str, n: int) -> str:
    """The first ``n`` months of a span starting at ``first`` ("2024-10", 4 -> 2024-10/2025-01)."""
    year, month = int(first[:4]), int(first[5:7]) if len(first) > 4 else 1
    end = year * 12 + month - 1 + n - 1
    return f"{year}-{month:02d}/{end // 12}-{end % 12 + 1:02d}"


def _aliases(words: list[str]) -> list[str]:
    """ "Andrés Manuel López Obrador" -> itself, "López Obrador", "AMLO", "Obrador";
    "Felipe Calderón" -> itself and "Calderón"."""
    aliases = [" ".join(words)]
    if len(words) >= 3:
        aliases.append(" ".join(words[-2:]))  # Spanish double surnames: "Peña Nieto"
        aliases.append("".join(w[0] for w in words).upper())
    if len(words) >= 2:
        aliases.append(words[-1])
    return aliases
