"""The extract stage: Document -> list[Claim].

One pass over the document's body, sentence by sentence. In each sentence the time
expressions are found first (so years used as dates are taken), then every number anchor is
read as a quantity with its qualifier, unit and kind, and given its noun, period, place and
citation. Nothing here reads files or the catalog: what a number counts, and which catalog
measure it is about, is read afterwards by the match stage (factcheck.match), from the
sentence each claim carries and the claim's offset in it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable

from ..model import Claim, Document
from . import cells
from . import lexicon as lx
from .filters import is_not_a_quantity
from .nouns import counted_noun
from .numbers import ANCHOR_RE, may_hold_numbers, parse_number
from .periods import (
    NamedPeriods,
    TimeExpr,
    find_time_expressions,
    last_year,
    latest_dated_year,
)
from .places import find_places, nearest_place
from .quantity import Quantity, opens_a_range_of_amounts, read_factor_word, read_quantity
from .sentences import Sentence, split_sentences
from .timing import Found, assign_periods, link_from_to

# "the highest ever", "a record high", "the most ... in history": the sentence says one of its
# numbers is the extreme of the whole series.
_RECORD_RE = re.compile(
    r"\b(?P<max>highest|largest|most|deadliest|worst|record|peak|greatest)\b(?:[^.;]{0,60}?)"
    r"\b(?:ever|in\s+(?:[\w'’]+\s+){0,3}history|on\s+record|all-time|to\s+date)\b"
    r"|\b(?:all-time|record)[\s-]+(?P<max2>high|peak)\b|\b(?P<min>lowest)\b[^.;]{0,40}?\bever\b",
    re.IGNORECASE,
)

__all__ = ["extract_document"]


def extract_document(
    doc: Document,
    *,
    named_periods: Iterable[tuple[tuple[str, ...], tuple[str, ...]]] = (),
) -> list[Claim]:
    """Every numeric claim in the document, in order of position."""
    if not may_hold_numbers(doc.body):
        return []
    doc_year = int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None
    if doc_year is None:
        doc_year = latest_dated_year(doc.text)
    named = NamedPeriods(doc.body, list(named_periods), doc_year)
    # Tables and figure lists are read value by value (cells.py); the prose is the rest.
    body = _prose(doc)
    sentences = list(split_sentences(body, doc.text))
    sentence_starts = [s.start for s in sentences]
    markers_by_sentence = _assign_markers(doc, sentence_starts)
    claims: list[Claim] = []
    carried_year: int | None = None  # the last explicit year of the text so far
    previous: Sentence | None = None  # the sentence before
    previous_year: int | None = None  # the last year it states
    previous_span: str | None = None  # the last span of years it states ("2015/2016")
    for index, sentence in enumerate(sentences):
        found, times = _read_sentence(body, sentence, named)
        explicit = [t for t in times if t.period]
        anchor_year = last_year(explicit[0].period) if explicit else carried_year
        assign_periods(body, found, times, anchor_year, doc_year, (sentence.start, sentence.end))
        link_from_to(body, found, times)
        _period_from_antecedent(body, sentence, found)
        _period_from_earlier_clause(found, explicit)
        if not explicit and previous_span:
            # "Between 2018 and 2019, admissions rose for every drug. The steepest rises
            # were for heroin (18.0%) and for alcohol (9.5%)."
            for item in found:
                if item.q.kind == "change" and item.period is None:
                    item.period = previous_span
                    item.from_period, item.to_period = previous_span.split("/")
        text = sentence.text(body) if found else ""
        refers_back = previous is not None and _refers_back(body, sentence, found)
        back: str | None = None
        places = find_places(body, sentence.start, sentence.end) if found else []
        if refers_back:
            # "Around 70,000 of these deaths involved fentanyl": the sentence before says
            # which deaths, when and where.
            back = previous.text(body)
            for item in found:
                if item.period is None and previous_year is not None:
                    item.period = str(previous_year)
            if not places:
                places = [(sentence.start, code) for _, code in
                          find_places(body, previous.start, previous.end)[:1]]  # fmt: skip
        if found:
            citation = ",".join(markers_by_sentence.get(index, [])) or None
            new = [
                claim
                for item in found
                if _keeps_contract(
                    claim := _to_claim(doc, body, sentence, text, item, places, citation)
                )
            ]
            _mark_extreme(text, new)
            for claim in new:
                claim.context_before = back
            claims.extend(new)
        if explicit:
            carried_year = last_year(explicit[-1].period)
        previous, previous_year = sentence, (last_year(explicit[-1].period) if explicit else None)
        spans = [t.period for t in explicit if t.is_span and re.fullmatch(r"\d{4}/\d{4}", t.period)]
        previous_span = spans[-1] if spans else None
    if doc.blocks:
        claims.extend(_read_cells(doc, named, doc_year))
        claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _prose(doc: Document) -> str:
    """The body without its tables and figure lists (blanked, newlines kept)."""
    if not doc.blocks:
        return doc.body
    body, pieces, last = doc.body, [], 0
    for block in doc.blocks:
        pieces += [body[last : block.start], re.sub(r"[^\n]", " ", body[block.start : block.end])]
        last = block.end
    pieces.append(body[last:])
    return "".join(pieces)


def _read_cells(doc: Document, named: NamedPeriods, doc_year: int | None) -> list[Claim]:
    """The claims of every table cell and figure list item, each read on its own with its
    labels (see cells.py)."""
    body = doc.body
    labels = cells.Labels(body, named)
    claims: list[Claim] = []
    marker_starts = [m.start for m in doc.markers]
    for block in doc.blocks:
        for k, cell in enumerate(block.cells):
            # A footnote marker after a value ("106,699[^1]") is blank in the body, past the
            # value's text: it belongs to the value until the next one starts.
            upto = block.cells[k + 1].start if k + 1 < len(block.cells) else block.end
            line_end = doc.text.find("\n", cell.end, upto)
            upto = upto if line_end < 0 else line_end
            cs = cells.compose(body, cell)
            found, own_times = _read_sentence(body, cs.sentence, named)
            if not found:
                continue
            times = labels.times(cs) + own_times
            explicit = [t for t in times if t.period]
            anchor_year = last_year(explicit[-1].period) if explicit else None
            span = (cs.sentence.start, cs.sentence.end)
            assign_periods(body, found, times, anchor_year, doc_year, span)
            link_from_to(body, found, times)
            places = find_places(body, *span)
            place = None if places else labels.place(cs)
            first = bisect.bisect_left(marker_starts, cell.start)
            last = bisect.bisect_left(marker_starts, max(upto, cell.end))
            citation = ",".join(m.label for m in doc.markers[first:last]) or None
            new = []
            for item in found:
                claim = _to_claim(doc, body, cs.sentence, cs.text, item, places, citation)
                if not _keeps_contract(claim):
                    continue
                claim.sentence_offset = (claim.sentence_offset or 0) + cs.prefix
                claim.place = claim.place or place
                cells.apply_headers(body, cs, claim)
                new.append(claim)
            _mark_extreme(cs.text, new)
            claims.extend(new)
    return claims


def _period_from_antecedent(body: str, sentence: Sentence, found: list[Found]) -> None:
    """ "Drug overdoses killed 107,941 in 2022; fentanyl took 73,838 of those lives": a number
    without a time of its own, followed by a reference back, is of the time of the latest
    number before it in the sentence that has one."""
    if len(found) < 2 or all(item.period for item in found):
        return
    for m in lx.BACK_REFERENCE_RE.finditer(body, sentence.start, sentence.end):
        before = [item for item in found if item.q.start < m.start()]
        if len(before) < 2 or before[-1].period is not None:
            continue
        dated = [item.period for item in before[:-1] if item.period]
        if dated:
            before[-1].period = dated[-1]


def _period_from_earlier_clause(found: list[Found], explicit: list[TimeExpr]) -> None:
    """ "In 2019, 9,300 road deaths were recorded; 41.2% (3,830) involved a lorry": a
    clause without a time of its own goes on in the time of the sentence's earlier clause."""
    for item in found:
        if item.period is not None or item.q.kind in ("age", "rank", "duration"):
            continue
        earlier = [t for t in explicit if t.end <= item.q.start and t.keyword != "named"]
        if not earlier:
            continue
        period = earlier[-1].period
        if "/" in period and item.q.kind != "change":
            continue  # a level in a clause after a span: which end is not said
        item.period = period


def _refers_back(body: str, sentence: Sentence, found: list[Found]) -> bool:
    """Whether the sentence's numbers refer back to the sentence before ("Around 70,000 of
    these deaths"): a back reference that no earlier number of the sentence can answer
    ("nearly 70,000 died, and 37,000 of those deaths ..." answers its own)."""
    if not found:
        return False
    m = lx.BACK_REFERENCE_RE.search(body, sentence.start, sentence.end)
    return m is not None and sum(1 for item in found if item.q.start < m.start()) <= 1


def _read_sentence(
    body: str, sentence: Sentence, named: NamedPeriods
) -> tuple[list[Found], list[TimeExpr]]:
    """The quantities and the time expressions of one sentence."""
    s_start, s_end = sentence.start, sentence.end
    anchors = _anchors(body, s_start, s_end)
    if not anchors:
        return [], []  # most sentences hold no number: nothing to read, not even a year
    times = find_time_expressions(body, s_start, s_end)
    own = named.find(body, s_start, s_end)
    if own:
        times = sorted(times + own, key=lambda t: t.start)
    # "2000 - 3000 dollars": a round figure that looks like a year opens a range of amounts.
    times = [
        t
        for t in times
        if t.keyword or t.is_span or not opens_a_range_of_amounts(body, t.start, t.end, s_end)
    ]
    # "the previous six-year period" and "Fox's six-year presidency" are times, but their
    # "six-year" is also a claim.
    taken = [
        (t.start, t.end)
        for t in times
        if not (t.relative or "").startswith("prev:") and t.keyword != "named"
    ]
    for m in lx.URL_RE.finditer(body, s_start, s_end):
        taken.append((m.start(), m.end()))
    for m in lx.PHONE_RE.finditer(body, s_start, s_end):
        taken.append((m.start(), m.end()))
    taken.sort()
    taken_starts = [t[0] for t in taken]

    def is_taken(pos: int) -> bool:
        i = bisect.bisect_right(taken_starts, pos) - 1
        return i >= 0 and taken[i][0] <= pos < taken[i][1]

    found: list[Found] = []
    last_end = s_start
    for kind, m in anchors:
        if m.start() < last_end or is_taken(m.start()):
            continue
        if kind == "factor":
            if re.match(r"\s+down\b|-digit", body[m.end() : m.end() + 6]):
                continue  # "doubling down", "double-digit" are idioms
            q = read_factor_word(body, m, s_start, s_end)
        else:
            number = parse_number(body, m, s_end)
            if number is None:
                continue
            if is_not_a_quantity(body, number):
                last_end = max(last_end, number.end)  # its words are not read again on their own
                continue
            q = read_quantity(body, number, s_start, s_end)
            if q is None or q.is_year_like:
                continue
            if (
                number.is_words
                and number.value == 1
                and q.kind == "count"
                and not number.is_fraction
            ):
                continue  # "one" alone is an article, not a count
        if q.start < last_end:
            q.start = m.start()  # a qualifier must not reach back into the previous claim
        found.append(Found(q))
        last_end = q.end
    if not found:
        found = _asserted_spans_of_time(body, times, anchors, s_end)
    return found, times


_THAN_RE = re.compile(r"\s+than\b", re.IGNORECASE)


def _asserted_spans_of_time(
    body: str, times: list[TimeExpr], anchors: list[tuple[str, re.Match[str]]], s_end: int
) -> list[Found]:
    """ "Deaths have risen over the past 2 decades": where the only number of a sentence
    counts the span of time itself, the span is what the sentence asserts, a duration. Where
    another number stands beside it ("in the past 2 years, deaths tripled"), the span only
    dates that number, and is no claim (the caller reads those first)."""
    found: list[Found] = []
    for t in times:
        if not (t.relative or "").startswith("past:") or _THAN_RE.match(body, t.end, s_end):
            continue  # "more in the last two years than before": a comparison, dated
        for kind, m in anchors:
            if kind != "number" or not t.start <= m.start() < t.end:
                continue
            number = parse_number(body, m, s_end)
            q = read_quantity(body, number, m.start(), s_end) if number else None
            if q is not None and q.kind == "duration" and q.end <= t.end:
                found.append(Found(q))
            break
    return found


def _anchors(body: str, start: int, end: int) -> list[tuple[str, re.Match[str]]]:
    """Number anchors and factor words ("tripled") of a span, in order of position."""
    return [
        ("factor" if m.group("factor") else "number", m)
        for m in ANCHOR_RE.finditer(body, start, end)
    ]


def _assign_markers(doc: Document, sentence_starts: list[int]) -> dict[int, list[str]]:
    """Footnote markers belong to the sentence they follow (those in a table or figure
    list, to its values: see _read_cells)."""
    result: dict[int, list[str]] = {}
    block_starts = [b.start for b in doc.blocks]
    for marker in doc.markers:
        b = bisect.bisect_right(block_starts, marker.start) - 1
        if b >= 0 and marker.start < doc.blocks[b].end:
            continue
        index = bisect.bisect_right(sentence_starts, marker.start) - 1
        if index >= 0:
            result.setdefault(index, []).append(marker.label)
    return result


# A character reference as the HTML reader decodes it: its character stands in the body at
# the reference's first position, and the rest of the reference is blank there.
_CHAR_REFERENCE_RE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


def _surface_span(doc: Document, q: Quantity) -> tuple[int, int]:
    """The surface as written, without blanked markup: "about <b>120,000</b>" keeps "120,000".

    The span read from the body may straddle markup (a tag between qualifier and number); the
    surface is the unbroken stretch of prose around the number, so that the original text at
    the claim's position starts with it. A character reference ("&#49;", "&#8211;") is prose
    that is written differently: it belongs to the stretch whole, so a number written with
    one has the reference in its surface, never an empty surface or half a reference.
    """
    body, text = doc.body, doc.text
    start, end = q.start, q.end
    # The prose pieces of the span, as (from, to): characters the body shows as written, and
    # whole references (which may run past the span's end).
    pieces: list[tuple[int, int]] = []
    p = start
    while p < end:
        if body[p] == text[p]:
            to = p + 1
        elif (
            text[p] == "&" and not body[p].isspace() and (ref := _CHAR_REFERENCE_RE.match(text, p))
        ):
            to = ref.end()
        else:
            p += 1
            continue
        if pieces and pieces[-1][1] == p:
            pieces[-1] = (pieces[-1][0], to)
        else:
            pieces.append((p, to))
        p = to
    if not pieces:
        return start, start
    anchor = min(max(q.number_start, start), end - 1)
    # The stretch holding the number (else the nearest before it: the number's own
    # characters are never blank, so this is a fallback for safety only).
    start, end = next(
        (piece for piece in pieces if piece[0] <= anchor < piece[1]),
        max(pieces, key=lambda piece: (piece[0] <= anchor, piece[0])),
    )
    # The surface never starts or ends with white space.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _to_claim(
    doc: Document,
    body: str,
    sentence: Sentence,
    sentence_text: str,
    item: Found,
    places: list[tuple[int, str]],
    citation: str | None,
) -> Claim:
    q = item.q
    start, end = _surface_span(doc, q)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end, end=True)
    noun = counted_noun(
        body,
        q.number_end,
        sentence.end,
        skip_of=q.kind in ("measurement", "percent") or q.qualifier == "vague",
    )
    value = q.value
    claim = Claim(
        doc=doc.path,
        start=doc.offset + start,  # offsets into the whole file, so ids do not depend on sections
        end=doc.offset + end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        surface=doc.text[start:end],
        sentence=sentence_text,
        value=value,
        low=q.low,
        high=q.high,
        unit=q.unit,
        qualifier=q.qualifier,
        kind=q.kind,
        noun=noun,
        period=item.period,
        place=nearest_place(places, start),
        currency_year=q.currency_year,
        citation=citation,
        position=doc.location(start, end),
        from_period=item.from_period,
        to_period=item.to_period,
        change=item.change,
        factor=q.factor if q.kind in ("change", "multiplier") else None,
        resolution=q.resolution,
        sentence_offset=_offset_in_sentence(body, sentence.start, start),
        sentence_start=doc.offset + sentence.start,
    )
    return claim


def _keeps_contract(claim: Claim) -> bool:
    """Whether a claim can be written as the contract says: a surface to point at, and
    numbers that are finite (strict JSON has no NaN or Infinity). The readers keep every
    number finite; this is the last line, so that no input can make a report invalid."""
    numbers = (claim.value, claim.low, claim.high, claim.change, claim.factor, claim.resolution)
    return bool(claim.surface) and all(x is None or math.isfinite(x) for x in numbers)


def _offset_in_sentence(body: str, sentence_start: int, start: int) -> int:
    """Where ``start`` falls in the sentence's text, whose white space is collapsed."""
    before = body[sentence_start:start]
    collapsed = len(" ".join(before.split()))
    return collapsed + 1 if collapsed and before[-1].isspace() else collapsed


def _mark_extreme(sentence_text: str, claims: list[Claim]) -> None:
    """Flag the claim a "highest ever" sentence is about: the latest one in time."""
    m = _RECORD_RE.search(sentence_text)
    if not m:
        return
    candidates = [c for c in claims if c.kind in ("count", "money", "rate", "measurement")]
    if not candidates:
        return
    dated = [c for c in candidates if c.period]
    target = max(dated, key=lambda c: last_year(c.period) or 0) if dated else candidates[-1]
    target.extreme = "min" if m.group("min") else "max"
