"""A claim's frame: what the sentence says its number counts.

A sentence often holds several numbers about different things ("Of the 105,007 people who died
of an overdose in 2023, 72,776 had taken synthetic opioids"). Looking for a measure's words
anywhere near a number attributes each number the words of its neighbours. The frame reader
therefore first divides the sentence between its numbers, then reads each number's frame from
its own part first and from shared parts only where its own part says nothing:

- **own**: the number, its noun phrase and the predicate that follows it, up to the next
  number of the clause (the words between two numbers are split at the last comma or "and");
  a parenthetical figure after a noun ("admissions for heroin (18.0%)") owns that noun
  phrase; a figure in brackets right after another ("4,120 (38.5%)") shares its host's part.
- **total**: for a part of a total given beside it ("72,776" above, "2/3 of the 82,100
  deaths", "9,300 deaths, including 4,120"), the total's own part: it says what the part
  is a part of.
- **lead**: the words of the clause before its first number (its subject and verb), which all
  the numbers of the clause share; the total in "2/3 of the 82,100 deaths" does not take the
  lead, which is about its part.
- **neighbours**: the own words of the clause's other numbers, except its own parts ("9,300
  road deaths were recorded, which gives a death rate of 12.7"): the subject of
  a figure is sometimes named with the figure before it.
- **context**: the sentence's earlier clauses ("the rate of road deaths fell from 15.2 to
  12.7; over the last year alone the rate fell 6%").
- **back**: the sentence before, when this one refers back to it ("Around 70,000 of these
  deaths involved fentanyl"); extraction has already given the number that sentence's year.

Layers are searched in that order (own, total, lead, neighbours, context), nearest first. The frame also
records what sort of thing the head noun counts, whether the statement is hypothetical, what
narrows its population, whether its span is cumulative, and the catalog's vocabulary words
(agents, substances) found in the nearest layer that names any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..extract.lexicon import CLAUSE_BREAK_RE
from ..regex_safety import pattern_set
from . import words as w

if TYPE_CHECKING:
    from ..model import Claim

OWN, TOTAL, LEAD, NEIGHBOURS, CONTEXT, BACK = 0, 1, 2, 3, 4, 5
LAYER_NAMES = (
    "own words",
    "the total it is part of",
    "the clause's lead",
    "the clause's other numbers",
    "the sentence's earlier clauses",
    "the sentence it refers back to",
)

# Where the words between two numbers divide: the last comma, "and", "or", "but", "while".
_GAP_SPLIT_RE = re.compile(r",\s*|\s+(?:and|or|but|while|whereas|as\s+well\s+as)\s+", re.IGNORECASE)
# Without a comma or "and", a verb in the gap starts the next number's predicate: "bought for
# $20,000 in one city had a street value of $20,000".
_GAP_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|became|becomes|reached|reaches|rose|fell|grew|made"
    r"|paid|sold|cost|costs|hit|saw|took|went|totall?ed|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
# Finite verbs that start a predicate after a noun phrase.
_FINITE_VERB_RE = re.compile(
    r"\b(?:involved|were|was|are|is|had|have|has|included|contained|came|stemmed|resulted"
    r"|showed|tested|died|occurred|took)\b",
    re.IGNORECASE,
)
# After a comma, words that still say what the number counts ("killed 2,996, including the
# hijackers"), unlike an apposition.
_SAME_COUNT_RE = re.compile(
    r"\s*(?:including|excluding|not\s+(?:including|counting)|plus|minus|or|and|of\s+(?:which|whom)"
    r"|among\s+them|mostly|mainly|chiefly|primarily|largely|most\s+of\s+them)\b",
    re.IGNORECASE,
)
_OF_GAP_RE = re.compile(r"^\s*of\s+(?:the\s+|these\s+|those\s+|all\s+(?:the\s+)?)?$", re.IGNORECASE)


@dataclass
class Layer:
    rank: int  # OWN, TOTAL, LEAD, NEIGHBOURS, CONTEXT or BACK
    start: int  # a span of the sentence (of ``text`` when it is given)
    end: int
    text: str | None = None  # another sentence's text (the one a BACK layer refers to)


@dataclass
class Frame:
    """What one number's sentence says it counts (see the module docstring)."""

    start: int  # the number's span in the sentence
    end: int
    layers: list[Layer] = field(default_factory=list)
    head: str | None = None  # the head noun of the counted thing
    sort: str | None = None  # its sort (words.SORTS), if known
    hypothetical: str | None = None  # the words that make it hypothetical or a capacity
    subset: str | None = None  # the words that narrow its population
    cumulative: str | None = None  # the words that make it a total over a longer span
    part_of: int | None = None  # index (in the sentence's claims) of the total it belongs to
    host: int | None = None  # for "4,120 (38.5%)": the index of the number it qualifies
    parenthetical: bool = False  # "admissions for heroin (18.0%)": it stands for its noun
    takes_lead: bool = True  # False for the total of "2/3 of the 82,100 deaths"
    # For money: the amounts of goods it is the price of, by sort ("mass": "80 kg", "pills").
    amounts: dict[str, str] = field(default_factory=dict)
    clause_start: int = 0  # where the number's clause starts in the sentence
    vocabulary: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slot -> ids found
    vocabulary_words: dict[str, str] = field(default_factory=dict)  # slot -> the words
    # The layers a window of the terms can reach, by window (terms._layers_in_window).
    windowed: dict = field(default_factory=dict, repr=False, compare=False)

    def texts(self, sentence: str, max_rank: int = BACK) -> list[tuple[int, int, str]]:
        """(rank, offset, text) of each layer up to ``max_rank``."""
        return [
            (layer.rank, layer.start, (layer.text or sentence)[layer.start : layer.end])
            for layer in self.layers
            if layer.rank <= max_rank and layer.end > layer.start
        ]

    def core(self, sentence: str) -> str:
        """The number's own words up to the first comma after it: its predicate, not an
        apposition ("379 million doses, enough to kill every American")."""
        own = next((layer for layer in self.layers if layer.rank == OWN), None)
        if own is None:
            return sentence[self.start : self.end]
        text = sentence[own.start : own.end]
        cut = text.find(",", self.end - own.start)
        return text if cut < 0 else text[:cut]

    def to_dict(self) -> dict:
        data: dict = {}
        if self.head:
            data["head"] = self.head
        if self.sort:
            data["sort"] = self.sort
        for name in ("hypothetical", "subset", "cumulative", "amounts"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        for slot, ids in self.vocabulary.items():
            if ids:
                data[slot] = list(ids)
        if self.part_of is not None:
            data["part_of_total"] = True
        return data


def _clause_bounds(sentence: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in CLAUSE_BREAK_RE.finditer(sentence):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(sentence)))
    return bounds


def _surface_length(claim: Claim) -> int:
    return len(" ".join(claim.surface.split()))


def read_frames(sentence: str, claims: list[Claim]) -> list[Frame]:  # noqa: C901
    """The frames of a sentence's claims (in the order given), read together."""
    frames = []
    for claim in claims:
        start = claim.sentence_offset if claim.sentence_offset is not None else -1
        if start < 0 or not sentence.startswith(" ".join(claim.surface.split())[:1], start):
            found = sentence.find(" ".join(claim.surface.split()))
            start = max(found, 0)
        frames.append(Frame(start, min(len(sentence), start + _surface_length(claim))))
    order = sorted(range(len(frames)), key=lambda i: frames[i].start)
    clauses = _clause_bounds(sentence)

    def clause_of(pos: int) -> int:
        for index, (a, b) in enumerate(clauses):
            if a <= pos <= b:
                return index
        return len(clauses) - 1

    by_clause: dict[int, list[int]] = {}
    for i in order:
        by_clause.setdefault(clause_of(frames[i].start), []).append(i)

    leads: dict[int, tuple[int, int]] = {}  # each clause's lead
    for c_index, members in by_clause.items():
        c_start, c_end = clauses[c_index]
        for i in members:
            frames[i].clause_start = c_start
        _divide_clause(sentence, frames, members, c_start, c_end)
        first = frames[members[0]]
        own_start = min((lay.start for lay in first.layers if lay.rank == OWN), default=first.start)
        leads[c_index] = (c_start, own_start)

    own_spans = {
        i: [(lay.start, lay.end) for lay in frames[i].layers if lay.rank == OWN]
        for i in range(len(frames))
    }
    for c_index, members in by_clause.items():
        lead = leads[c_index]
        # Earlier clauses whole: an elliptical clause ("...; 2,010 (41.2%) involved a
        # opioid") takes what it leaves out from them, at the lowest rank.
        earlier = [clauses[c] for c in sorted(leads) if c < c_index]
        for i in members:
            frame = frames[i]
            if frame.takes_lead:
                frame.layers.append(Layer(LEAD, *lead))
            for j in members:
                if j == i or frames[j].part_of == i or frames[j].host == i or frame.host == j:
                    continue
                for a, b in own_spans[j]:
                    frame.layers.append(Layer(NEIGHBOURS, a, b))
            for a, b in earlier:
                frame.layers.append(Layer(CONTEXT, a, b))
    for i, frame in enumerate(frames):
        if frame.part_of is not None:
            total = frames[frame.part_of]
            for layer in total.layers:
                if layer.rank == OWN:
                    frame.layers.append(Layer(TOTAL, layer.start, layer.end))
        back = claims[i].context_before
        if back:
            frame.layers.append(Layer(BACK, 0, len(back), back))
        frame.layers.sort(key=lambda layer: layer.rank)
        _read_properties(sentence, claims[i], frame)
    _read_amounts(sentence, claims, frames, clause_of)
    for frame in frames:
        if frame.part_of is not None and frame.sort is None:
            total = frames[frame.part_of]
            frame.head, frame.sort = total.head, total.sort
    return frames


def _divide_clause(
    sentence: str, frames: list[Frame], members: list[int], c_start: int, c_end: int
) -> None:
    """Give each number of a clause its own words (see the module docstring)."""
    normal: list[int] = []
    for i in members:
        frame = frames[i]
        before = sentence[c_start : frame.start].rstrip()
        opened = before.rfind("(")
        if normal and opened > before.rfind(")") and opened >= 0 and not before.endswith("("):
            # "3.1% (from 9.7 to 10.0)": every number in a bracket opened right after a
            # number qualifies that number.
            host = normal[-1]
            if not sentence[frames[host].end : c_start + opened].strip():
                frame.host = host
                continue
        if before.endswith("("):
            host = normal[-1] if normal else None
            if host is not None and not sentence[frames[host].end : frame.start].strip(" ("):
                frame.host = host  # "4,120 (38.5%)": it qualifies the number before it
                continue
            # "admissions for heroin (18.0%)": the figure is about the noun phrase before it.
            paren = c_start + len(before) - 1
            back = c_start
            if normal:
                back = max(back, frames[normal[-1]].end)
            for m in _GAP_SPLIT_RE.finditer(sentence, back, paren):
                back = m.end()
            frame.layers.append(Layer(OWN, back, frame.end))
            frame.parenthetical = True
            continue
        normal.append(i)

    # Split the words between consecutive numbers.
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for k, i in enumerate(normal):
        frame = frames[i]
        if k == 0:
            starts[i] = frame.start
        if k + 1 < len(normal):
            j = normal[k + 1]
            gap_from, gap_to = frame.end, frames[j].start
            gap = sentence[gap_from:gap_to]
            if _OF_GAP_RE.match(gap):
                # "2/3 of the 82,100 deaths": a part and its total.
                frames[i].part_of = j
                frames[j].takes_lead = False
                ends[i], starts[j] = gap_to, gap_to
                continue
            split = None
            for m in _GAP_SPLIT_RE.finditer(sentence, gap_from, gap_to):
                split = m
            if split is None:
                for m in _GAP_VERB_RE.finditer(sentence, gap_from, gap_to):
                    split = m
                if split is not None:
                    ends[i], starts[j] = split.start(), split.start()
                else:
                    ends[i], starts[j] = gap_to, gap_to
            else:
                ends[i], starts[j] = split.start(), split.end()
                if w.INCLUDING_RE.search(sentence[split.end() : gap_to]):
                    frames[j].part_of = i  # "9,300 deaths, including 4,120"
        else:
            ends[i] = c_end
    for i in normal:
        # What follows a comma after the number is an apposition about it ("33,000 soldiers
        # died in the post-9/11 wars, a figure often set beside overdose deaths"): it ranks
        # with the neighbours' words, below the number's own.
        comma = sentence.find(",", frames[i].end, ends[i])
        if comma >= 0 and ends[i] - comma > 2 and not _SAME_COUNT_RE.match(sentence, comma + 1):
            frames[i].layers.append(Layer(OWN, starts[i], comma))
            frames[i].layers.append(Layer(NEIGHBOURS, comma, ends[i]))
        else:
            frames[i].layers.append(Layer(OWN, starts[i], ends[i]))
    # "two-thirds of the 106,699 deaths in 2021 involved fentanyl": the verb after the total's
    # noun phrase is its part's predicate, not the total's.
    for i in normal:
        j = frames[i].part_of
        if j is None or frames[j].takes_lead:
            continue
        m = _FINITE_VERB_RE.search(sentence, frames[j].end, ends[j])
        if m:
            frames[j].layers = [lay for lay in frames[j].layers if lay.rank != OWN]
            frames[j].layers.append(Layer(OWN, starts[j], m.start()))
            frames[i].layers.append(Layer(OWN, m.start(), ends[j]))
    # "Of the 105,007 people who died ..., 72,776 had taken synthetic opioids"
    if len(normal) >= 2:
        first = normal[0]
        if w.LEADING_OF_THE_RE.match(sentence[c_start : frames[first].start] + " "):
            for j in normal[1:]:
                if frames[j].part_of is None and frames[first].part_of is None:
                    frames[j].part_of = first
    for i in members:
        frame = frames[i]
        if frame.host is not None:
            host = frames[frame.host]
            frame.layers.extend(Layer(layer.rank, layer.start, layer.end) for layer in host.layers)
            frame.part_of = host.part_of


def _read_amounts(sentence: str, claims: list[Claim], frames: list[Frame], clause_of) -> None:
    """A sum of money in a clause that also states an amount of goods other than one ("the
    80 kg shipment was valued at $2 million", "5,000 pills worth $100,000") is the price of
    that amount, not of one unit."""
    for i, claim in enumerate(claims):
        if claim.kind != "money":
            continue
        clause = clause_of(frames[i].start)
        for j, other in enumerate(claims):
            if j == i or clause_of(frames[j].start) != clause or other.value in (None, 1):
                continue
            if other.kind == "measurement" and _is_mass(other.unit):
                sort = "mass"
            elif other.kind == "count" and frames[j].sort in ("pills", "doses"):
                sort = frames[j].sort
            else:
                continue
            frames[i].amounts.setdefault(sort, " ".join(other.surface.split()))


def _is_mass(unit: str) -> bool:
    from ..units import parse_unit

    try:
        return parse_unit(unit).dimensionality == parse_unit("kilogram").dimensionality
    except ValueError:
        return False


def _read_properties(sentence: str, claim: Claim, frame: Frame) -> None:
    """Head noun and sort, hypothetical, subset and cumulative words."""
    frame.head, frame.sort = w.sort_after(sentence[frame.end :])
    if frame.sort is None:
        frame.head, frame.sort = w.sort_of_noun(claim.noun)
    if w.AGE_BEFORE_RE.search(
        sentence, max(0, frame.start - 40), frame.start
    ) or w.AGE_AFTER_RE.match(sentence, frame.end):
        frame.head, frame.sort = "age", "ages"  # "between the ages of 18 and 45": not a count
    own_start = min((lay.start for lay in frame.layers if lay.rank == OWN), default=frame.start)
    core = frame.core(sentence)
    core_end = own_start + len(core) if sentence.startswith(core, own_start) else frame.end
    # The clause up to the number's own words: what narrows it or makes it hypothetical is
    # said there (its subject, its verb, the words between), or right after it.
    start = frame.clause_start if frame.takes_lead else own_start
    before = sentence[start : frame.start]
    after = sentence[frame.end : core_end]
    m = w.HYPOTHETICAL_RE.search(before[-80:]) or w.HYPOTHETICAL_RE.search(after[:60])
    if m:
        frame.hypothetical = " ".join(m.group().split())
    # A narrowing phrase that starts in the number's own words may run into the next
    # number's ("cases roughly tripled in 12 counties").
    m = w.SUBSET_RE.search(sentence, start, min(len(sentence), core_end + 30))
    if m and m.start() <= core_end:
        frame.subset = " ".join(m.group().split())
    m = w.CUMULATIVE_RE.search(sentence, start, core_end)
    if m:
        frame.cumulative = " ".join(m.group().split())
    # What narrows the sentence referred back to narrows this one ("2,000 teenagers died ...
    # Three-quarters of them ...").
    back = next((layer.text for layer in frame.layers if layer.rank == BACK), None)
    if back and not frame.subset:
        m = w.SUBSET_RE.search(back)
        if m:
            frame.subset = " ".join(m.group().split())


@lru_cache(maxsize=1 << 15)
def _first_match(pattern: re.Pattern[str], text: str) -> tuple[int, str] | None:
    """Where a pattern first matches a layer's text, and what it matched. Remembered: the
    claims of one sentence share their layers (see terms.layer_hits)."""
    m = pattern.search(text)
    return (m.start(), m.group()) if m else None


def find_vocabulary(
    sentence: str, frame: Frame, vocabulary: dict[str, dict[str, re.Pattern[str]]]
) -> None:
    """For each vocabulary slot (agent, substance, ...), the ids named in the nearest layer
    that names any of them."""
    words = pattern_set(
        vocabulary, lambda: (p for entries in vocabulary.values() for p in entries.values())
    )
    texts = frame.texts(sentence)
    present = words.found_in(sentence)
    for layer in frame.layers:
        if layer.text is not None:  # another sentence's words
            present = present | words.found_in(layer.text)
    for slot, entries in vocabulary.items():
        named = [(name, p) for name, p in entries.items() if words.may_occur(p, present)]
        if not named:
            continue
        for _rank, _offset, text in texts:
            found = [(m[0], name, m[1]) for name, p in named if (m := _first_match(p, text))]
            if found:
                # The first named is the subject ("carfentanil, a derivative of fentanyl,
                # is 10,000 times ..."); the others are listed after it.
                found.sort()
                frame.vocabulary[slot] = tuple(dict.fromkeys(name for _, name, _ in found))
                frame.vocabulary_words[slot] = found[0][2]
                break
