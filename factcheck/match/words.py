"""The general English a claim frame is read with: sorts of counted things, hedges that make a
statement hypothetical, words that narrow a population, and words that make a span cumulative.

These are words of the language, not of any subject: a catalog adds its own vocabulary (agents,
substances, products) in ``claims.yaml``. Patterns are case-insensitive and linear.
"""

from __future__ import annotations

import re

from ..extract.numberwords import CARDINAL_WORD

# The sort of thing a head noun counts. A measure's frame names the sorts it counts
# (``counts: [deaths, people]``); a number whose head noun is of another sort is not about it.
SORTS: dict[str, tuple[str, ...]] = {
    "time": (
        "second", "minute", "hour", "day", "night", "week", "weekend", "month", "quarter",
        "year", "decade", "century", "generation", "session", "term",
    ),
    "places": (
        "state", "city", "county", "country", "nation", "town", "community", "region",
        "province", "district", "jurisdiction", "municipality", "territory", "location",
        "site", "port", "border crossing", "neighborhood", "village", "continent", "island",
        "tribe", "reservation", "campus", "school", "hospital", "prison",
    ),
    "organisations": (
        "cartel", "group", "organization", "organisation", "agency", "company", "firm",
        "gang", "network", "department", "office", "task force", "coalition", "syndicate",
        "faction", "party", "committee", "bank", "business", "government", "administration",
        "ministry", "court", "lab", "laboratory",
    ),
    "parts": (
        "pillar", "goal", "priority", "point", "step", "strategy", "part", "principle",
        "area", "item", "objective", "section", "chapter", "title", "clause", "paragraph",
        "pillar", "component", "element", "initiative", "program", "programme", "plan",
        "recommendation", "measure", "bill", "law", "act", "resolution", "amendment",
        "category", "factor", "reason", "way", "option", "question", "lesson", "principle",
    ),
    "deaths": (
        "death", "fatality", "overdose death", "homicide", "murder", "killing", "suicide",
        "life", "casualty",
    ),
    "overdoses": ("overdose", "poisoning"),
    "people": (
        "people", "person", "american", "individual", "resident", "citizen", "adult",
        "victim", "user", "patient", "man", "men", "woman", "women", "soldier", "troop",
        "officer", "member", "migrant", "worker", "child", "children", "teen", "teenager",
        "adolescent", "youth", "student", "kid", "baby", "infant", "veteran", "family",
        "families", "mexican", "civilian", "inhabitant", "immigrant", "politician",
        "journalist", "candidate", "mayor", "police", "personnel", "employee", "agent",
    ),
    "pills": ("pill", "tablet", "capsule"),
    "doses": ("dose",),
    "events": (
        "seizure", "arrest", "case", "incident", "attack", "visit", "call", "raid",
        "operation", "prosecution", "conviction", "indictment", "investigation", "crossing",
        "encounter", "apprehension", "shooting", "bombing", "event",
    ),
    "weapons": ("gun", "firearm", "weapon", "rifle", "pistol", "round"),
}  # fmt: skip

_IRREGULAR = {"people": "people", "men": "men", "women": "women", "children": "children",
              "lives": "life", "families": "families", "police": "police"}  # fmt: skip


def singular(word: str) -> str:
    """A crude singular for matching head nouns: "cities" -> "city", "lives" -> "life"."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


_SORT_OF: dict[str, str] = {}
for _sort, _words in SORTS.items():
    for _w in _words:
        _SORT_OF.setdefault(_w, _sort)

# Words between a number and its head noun that describe it without being the thing counted:
# "nine consecutive months", "three straight years", "41 major cities".
_SKIP_BEFORE_HEAD = frozenset(
    "consecutive straight successive additional more other major separate different new "
    "full entire whole calendar fiscal long short large small big".split()
)


_HEAD_STOP = frozenset(
    "of in on at by for from to with that which who whose and or but as than were was are is "
    "have has had will would could can may might been be being the a an this these those its "
    "their each every per".split()
)


def sort_after(text: str) -> tuple[str | None, str | None]:
    """(head word, sort) of the words right after a number, up to the first preposition,
    conjunction or auxiliary: "nine consecutive months", "12 cartels working the border".
    The last word of a known sort wins ("pill seizures" counts seizures)."""
    head, sort = None, None
    for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", text[:80])[:5]:
        low = word.lower().strip("'’-")
        if low in _HEAD_STOP:
            break
        key = singular(low)
        if key in _SORT_OF:
            head, sort = low, _SORT_OF[key]
    return head, sort


def sort_of_noun(noun: str | None) -> tuple[str | None, str | None]:
    """(head word, sort) of a counted noun phrase: "consecutive months" -> ("months", "time").

    The head is the last word of the phrase, or the word before "of" ("cities of the
    region"); two-word heads ("task force", "border crossing") are tried first."""
    if not noun:
        return None, None
    words = [w for w in re.split(r"[\s/]+", noun.lower().strip("'’\"")) if w]
    if not words:
        return None, None
    head = words[-1]
    pair = " ".join(singular(w) for w in words[-2:]) if len(words) >= 2 else ""
    if pair in _SORT_OF:
        return pair, _SORT_OF[pair]
    key = singular(head)
    sort = _SORT_OF.get(key)
    if sort is None and len(words) == 1 and key.endswith("-year-old"):
        sort = "people"
    return head, sort


# A number that is an age, not a count: "between the ages of 18 and 45", "aged 65", "14 to 18
# years of age", "12-year-olds".
AGE_BEFORE_RE = re.compile(
    r"(?:\bages?\s+(?:of\s+|between\s+|from\s+)?|\baged\s+|\bages?\s+(?:of\s+|between\s+|from\s+)?"
    r"\d+\s*(?:and|to|through|-|–)\s*)$",
    re.IGNORECASE,
)
AGE_AFTER_RE = re.compile(
    r"\s*(?:(?:to|-|–|and|through)\s*\d+\s*)?(?:years?\s+(?:of\s+age|old)|-years?-olds?)\b",
    re.IGNORECASE,
)

# What makes a statement hypothetical or a capacity rather than a count of what happened:
# "enough to kill two million people", "would have died", "could kill", "can be lethal",
# "up to ... could". A measure that counts what happened refuses these; a pharmacological
# constant (a lethal dose, doses per kilogram) accepts them.
HYPOTHETICAL_RE = re.compile(
    r"\benough\b(?:\s+\S+){0,4}?\s+to\b"
    r"|\b(?:would|could|might|(?-i:may))\s+(?:have\s+|be\s+|still\s+|potentially\s+)*"
    r"(?:been\s+)?[a-z]\w*"
    r"|\bcan\s+(?!be\s+(?:\w+ly\s+)?\w+ed\b)(?:be\s+)?[a-z]\w*"
    r"|\bcapable\s+of\b|\bpotential(?:ly)?\s+(?:to\s+)?(?:kill|cause)\b"
    r"|\bif\s+(?:\w+\s+){0,6}?(?:were|had|was)\b|\bin\s+theory\b|\bhypothetical",
    re.IGNORECASE,
)

# Words that narrow the population a figure is about to part of it: an age band, a sex, a
# school grade, a subnational area. A national measure refuses a figure narrowed this way.
SUBSET_RE = re.compile(
    r"\bages?d?\s+(?:of\s+|between\s+)?\d"
    r"|\b\d+\s*(?:to|-|–|through|and)\s*\d+\s*(?:years?\s+(?:of\s+age|old)|-year-olds?)"
    r"|\byears?\s+of\s+age\b|\byears?\s+old\b|\b\d+-year-olds?\b|\bage\s+group"
    r"|\b(?:teen(?:ager)?s?|teenage|adolescents?|youths?|children|kids|juveniles?|minors|infants?"
    r"|young\s+(?:people|adults|americans|men|women)|high\s+school(?:ers)?|students?"
    r"|seniors|older\s+adults|elderly)\b"
    r"|\b(?:males?|females?|boys|girls)\b|\b(?:among|for)\s+(?:\w+\s+)?(?:men|women)\b"
    r"|\b(?:county|counties|city|cities|town|towns|municipalit(?:y|ies)|province|provinces"
    r"|neighbou?rhoods?|region|regions|rural|urban|metropolitan)\b"
    r"|\b(?:in|across)\s+(?:\d+|several|many|some|most|a\s+few|a\s+dozen|dozens\s+of|(?:two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)(?:-\w+)?)\s+"
    r"(?:states|counties|cities|provinces|regions|districts)\b"
    r"|\b(?:in|across|throughout)\s+the\s+(?:west|northeast|midwest|south|southwest|southeast"
    r"|northwest)\b"
    r"|\b(?:black|white|hispanic|latino|asian|native\s+american|american\s+indian"
    r"|alaska\s+native|pacific\s+islander)s?\b",
    re.IGNORECASE,
)

# Words that make a count a total over a span longer than the measure's: "since 2022",
# "over the past five years", "in total", "combined", "cumulative", "so far".
CUMULATIVE_RE = re.compile(
    r"\bsince\s+(?:(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)\s+)?(?:\d{4}|the\s+(?:start|beginning)|then|records?\s+began)"
    r"|\b(?:in\s+the|over\s+the|during\s+the|in\s+the\s+last|for\s+the)\s+(?:last|past|previous"
    r"|preceding)\s+(?:(?:\w+|\d+)\s+)?(?:years|decades|months)\b"
    r"|\b(?:last|past)\s+(?:" + CARDINAL_WORD + r"|\d+)\s+years\b"
    r"|\bcumulative(?:ly)?\b|\bcombined\b|\bin\s+total\b|\baltogether\b|\ball\s+told\b"
    r"|\bso\s+far\b|\bto\s+date\b|\byear[-\s]to[-\s]date\b",
    re.IGNORECASE,
)

# A statement of a change: a bare percentage next to these words is a change, not a share.
CHANGE_WORD_RE = re.compile(
    r"\b(?:increase[sd]?|increasing|rise|rises|rose|risen|rising|grew|grow(?:s|n|th)?"
    r"|jump(?:ed|s)?|climb(?:ed|s)?|surge[sd]?|spike[sd]?|decrease[sd]?|decreasing|decline[sd]?"
    r"|declining|drop(?:ped|s)?|fell|fall(?:s|en)?|dip(?:ped)?|shr[aiu]nk|reduc(?:ed|tion)"
    r"|went\s+(?:up|down)|change[sd]?)\b",
    re.IGNORECASE,
)

# "rate" as the thing measured: "the road death rate stood at 12.7".
RATE_WORD_RE = re.compile(r"\b(?:age-adjusted\s+)?(?:death\s+)?rates?\b", re.IGNORECASE)
PER_100K_RE = re.compile(r"\bper\s+100,?000\b|\bper\s+100k\b", re.IGNORECASE)

# A total whose parts follow or precede: "Of the 105,007 deaths, 72,776 involved ...",
# "9,300 deaths, including 4,120 ...", "two-thirds of the 7,500 deaths".
OF_THE_RE = re.compile(r"\bof\s+(?:the|these|those|all|all\s+the|its|their)?\s*$", re.IGNORECASE)
INCLUDING_RE = re.compile(
    r"\b(?:including|of\s+(?:which|whom|these|those|them)|among\s+(?:them|these|those))\s*$",
    re.IGNORECASE,
)
LEADING_OF_THE_RE = re.compile(r"^\s*(?:of|among)\s+(?:the|these|those|all)\b", re.IGNORECASE)
