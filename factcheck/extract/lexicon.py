"""Word lists and small patterns for reading the context of a number.

Kept apart from the code that uses them so that a reader can see (and extend) the vocabulary
in one place. Every pattern here is matched against a short window of text next to a number,
anchored at one end, so none of them can scan far.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Qualifier phrases that stand right before a number, longest first within each group.
QUALIFIER_PHRASES: dict[str, list[str]] = {
    "more_than": [
        "well in excess of", "in excess of", "significantly more than", "substantially more than",
        "well more than", "far more than", "much more than", "more than", "greater than",
        "higher than", "upwards of", "upward of", "well over", "just over", "just above",
        "slightly over", "slightly more than", "over", "exceeding", "exceeded", "above",
        "north of", "surpassing", "topping",
    ],
    "at_least": ["at least", "no fewer than", "no less than", "a minimum of", "a floor of",
                 "as little as", "as low as", "as few as"],
    "less_than": [
        "less than", "fewer than", "lower than", "just under", "just below", "slightly less than",
        "under", "below", "shy of", "short of",
    ],
    "at_most": [
        "at most", "up to", "as much as", "as many as", "as high as",
        "no more than", "not more than", "a maximum of", "a high of",
    ],
    "nearly": ["nearly", "almost", "close to", "just shy of", "approaching", "just short of"],
    "about": [
        "approximately", "approx.", "roughly", "about", "around", "some", "an estimated",
        "estimated", "an average of", "on average", "circa", "ca.", "on the order of",
        "in the region of", "something like", "~",
    ],
}  # fmt: skip
# Phrases whose bound is a little looser than the plain one: "just over 100" is above 100, but
# not far above it.
NEAR_BOUND = ("just over", "just above", "slightly over", "slightly more than", "just under",
              "just below", "slightly less than")  # fmt: skip

_PHRASE_TO_QUALIFIER = {p: q for q, ps in QUALIFIER_PHRASES.items() for p in ps}
QUALIFIER_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\"“—–/]))(?P<q>"
    + "|".join(re.escape(p) for p in sorted(_PHRASE_TO_QUALIFIER, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
# "or more" / "-plus" / "or so" / "-odd" after a number.
QUALIFIER_AFTER_RE = re.compile(
    r"\s*(?:(?P<more>or more|or greater|or higher|\+|-?plus\b)|(?P<so>or so\b|-odd\b))",
    re.IGNORECASE,
)


def word_trie(words: Iterable[str]) -> str:
    """A pattern for any of ``words`` (lower case), written as a trie: "t(?:en|wo)" for ten and
    two. Python's re tries alternatives one after another, so a flat list of sixty number words
    costs sixty comparisons at every word of the text, and a trie a handful. The caller puts
    a word boundary after it, so the order of the branches does not matter."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # the word may also end here: what follows is optional
            return body + "?" if len(branches) > 1 else "(?:" + body + ")?"
        return body

    return pattern(trie)


def qualifier_of(phrase: str) -> str:
    return _PHRASE_TO_QUALIFIER[phrase.lower()]


# Currencies written before the number ("$", "US$") and after it ("dollars", "pesos").
CURRENCY_BEFORE_RE = re.compile(
    r"(?P<cur>US\s?\$|U\.S\.\s?\$|USD\s?|MX\$|MXN\s?|\$|€|EUR\s?|£|¥|RMB\s?)\s*$"
)
CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "USD": "USD", "MX$": "MXN", "MXN": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "¥": "CNY", "RMB": "CNY",
}  # fmt: skip


def currency_of(sign: str) -> str:
    """The currency code of a sign as CURRENCY_BEFORE_RE found it. Its pattern lets any
    whitespace sit inside the sign ("US\u00a0$", "U.S.\u2009$", "USD\t"), so all of it,
    not only ASCII spaces, is dropped before the lookup."""
    return CURRENCY_SYMBOLS["".join(sign.split())]


CURRENCY_AFTER_RE = re.compile(
    r"\s*(?:of\s+)?(?:U\.?S\.?\s+)?(?P<cur>dollars?|pesos?|euros?|yuan|renminbi|pounds sterling)\b",
    re.IGNORECASE,
)
CENTS_RE = re.compile(r"\s*(?:cents?|¢)(?![A-Za-z])", re.IGNORECASE)
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "peso": "MXN", "pesos": "MXN",
                  "euro": "EUR", "euros": "EUR", "yuan": "CNY", "renminbi": "CNY"}  # fmt: skip
# "in 2025 dollars", "(2024 dollars)", "in constant 2020 US dollars"
CURRENCY_YEAR_RE = re.compile(
    r"[\s(]*(?:in\s+)?(?:constant\s+|real\s+)?(?P<year>(?:19|20)\d\d)\s+(?:U\.?S\.?\s+)?dollars",
    re.IGNORECASE,
)

PERCENT_RE = re.compile(
    r"(?:\s*%|[\s-]*(?P<pp>percentage[\s-]points?)|[\s-]*(?:percent|per\scent|pct)\b)",
    re.IGNORECASE,
)

# Units of measurement after a number (and the pint unit each stands for).
MEASURE_UNITS = {
    "mg": "milligram", "milligram": "milligram", "milligrams": "milligram",
    "mcg": "microgram", "µg": "microgram", "μg": "microgram", "microgram": "microgram",
    "micrograms": "microgram", "g": "gram", "gram": "gram", "grams": "gram",
    "kg": "kilogram", "kgs": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram",
    "kilo": "kilogram", "kilos": "kilogram", "lb": "pound", "lbs": "pound", "pound": "pound",
    "pounds": "pound", "ton": "metric_ton", "tons": "metric_ton", "tonne": "metric_ton",
    "tonnes": "metric_ton", "metric ton": "metric_ton", "metric tons": "metric_ton",
    "t": "metric_ton", "ounce": "ounce", "ounces": "ounce", "oz": "ounce",
    "mile": "mile", "miles": "mile", "km": "kilometer", "kilometer": "kilometer",
    "kilometers": "kilometer", "kilometre": "kilometer", "kilometres": "kilometer",
    "m": "meter", "meter": "meter", "meters": "meter", "metre": "meter", "metres": "meter",
    "cm": "centimeter", "centimeter": "centimeter", "centimeters": "centimeter",
    "centimetre": "centimeter", "centimetres": "centimeter", "mm": "millimeter",
    "millimeter": "millimeter", "millimeters": "millimeter", "millimetre": "millimeter",
    "millimetres": "millimeter", "inch": "inch", "inches": "inch", "foot": "foot",
    "feet": "foot", "ft": "foot", "yard": "yard", "yards": "yard",
    "square miles": "mile**2", "square kilometers": "kilometer**2",
    "acres": "acre", "acre": "acre", "hectares": "hectare", "hectare": "hectare",
    "ml": "milliliter", "milliliter": "milliliter", "milliliters": "milliliter",
    "millilitre": "milliliter", "millilitres": "milliliter", "liter": "liter",
    "liters": "liter", "litre": "liter", "litres": "liter", "gallon": "gallon",
    "gallons": "gallon",
}  # fmt: skip
DURATION_UNITS = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month",
    "months": "month", "week": "week", "weeks": "week", "day": "day", "days": "day",
    "hour": "hour", "hours": "hour", "minute": "minute", "minutes": "minute",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "millennium": "millennium", "millennia": "millennium",
}  # fmt: skip
# Long durations are stated in years: "two decades" is 20 years, as an editor would compare it.
YEARS_IN = {"decade": 10, "century": 100, "millennium": 1000}
UNIT_AFTER_RE = re.compile(
    r"(?:\s|-)?(?P<unit>"
    + "|".join(re.escape(u) for u in sorted({**MEASURE_UNITS, **DURATION_UNITS}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)  # fmt: skip

# Multipliers: "50 times", "50x", "ten-fold", "50-fold".
MULTIPLIER_AFTER_RE = re.compile(
    r"(?:\s*(?P<times>times)\b|(?P<x>[xX×])(?![A-Za-z])|[\s-]?(?P<fold>fold)\b)",
)
# Rates: "a day", "per year", "every week", "annually", "per 100,000 people".
# "a year ago", "a year earlier" date the number before; they are no time base of a rate.
_NOT_A_RATE = r"(?!\s+(?:ago|earlier|before|later|previously|prior)\b)"
RATE_RE = re.compile(
    r"\s*(?:(?:(?:a|an|per|each|every)\s+|/\s*)(?P<per>day|week|month|year|hour|decade)\b"
    + _NOT_A_RATE
    + r"|(?P<adv>daily|weekly|monthly|annually|yearly|a\s+year|per\s+annum)\b"
    + _NOT_A_RATE
    + ")",
    re.IGNORECASE,
)
RATE_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
                "yearly": "year", "per annum": "year", "a year": "year"}  # fmt: skip
PER_CAPITA_RE = re.compile(
    r"\s*(?:deaths\s+)?per\s+100,?000(?:\s+(?:people|persons|residents|inhabitants|population|population))?\b",
    re.IGNORECASE,
)

# "6 out of 10", "4 in 10", "one in five", "three out of four hundred": shares of a whole. The
# denominator is read as a whole number by the number reader, from the end of this match.
SHARE_RE = re.compile(r"\s+(?:out\s+of|in)\s+(?P<art>an?\s+)?(?=[\d\w])", re.IGNORECASE)

# Direction of a change, read near a percentage or a factor.
DECREASE_WORDS = (
    r"declin\w*|decreas\w*|drop\w*|fell|fall\w*|reduc\w*|cut|cuts|lower\w*|down|plung\w*|"
    r"plummet\w*|shr[iu]nk\w*|slash\w*|dip\w*|dipped|contract\w*|loss|lost|less|slip\w*|slid|"
    r"sank|sink\w*|tumbl\w*|eas(?:ed|ing)|retreat\w*"
)
INCREASE_WORDS = (
    r"increas\w*|ris\w+|rose|grow\w*|grew|growth|jump\w*|surg\w*|climb\w*|up|higher|spik\w*|"
    r"soar\w*|gain\w*|boost\w*|expan\w*|rais\w*|more|hike\w*|doubl\w*|tripl\w*"
)
CHANGE_AFTER_RE = re.compile(
    r"\s+(?P<word>" + DECREASE_WORDS + "|" + INCREASE_WORDS + r")\b", re.IGNORECASE
)
CHANGE_BEFORE_RE = re.compile(
    r"\b(?P<word>" + DECREASE_WORDS + "|" + INCREASE_WORDS + r")(?:\s+(?:by|of|to))?"
    r"(?:\s+(?:about|nearly|almost|more than|roughly|some|over|approximately|an estimated))?\s+$",
    re.IGNORECASE,
)
DECREASE_RE = re.compile(r"^(?:" + DECREASE_WORDS + r")$", re.IGNORECASE)

# Superlatives that turn an ordinal into a rank: "fifth-largest", "22nd in the world".
RANK_AFTER_RE = re.compile(
    r"(?:[\s-]+(?:largest|biggest|highest|lowest|smallest|most|least|leading|greatest|"
    r"deadliest|worst|best|richest|poorest|top|busiest|fastest|strongest|weakest)\b"
    r"|\s+(?:in|among)\s+the\s+(?:world|nation|country|region|globe))",
    re.IGNORECASE,
)

# Ranks as "number" and a cardinal: "the number one cause", "America's No. 1 killer".
RANK_NUMBER_BEFORE_RE = re.compile(
    r"(?:\b(?:the|its|their|our|his|her|is|was|as)|['’]s)\s+(?P<no>number|No\.)\s*$",
    re.IGNORECASE,
)
# "the second year in a row", "a third consecutive month", "the fifth straight time".
CONSECUTIVE_AFTER_RE = re.compile(
    r"(?P<adj>[\s-]+(?:straight|consecutive|successive))?[\s-]+"
    r"(?P<unit>year|month|week|day|time|quarter)s?\b(?P<row>\s+in\s+a\s+row\b)?",
    re.IGNORECASE,
)
# "second to", "second only to": a rank among others.
RANK_TO_RE = re.compile(r"\s+(?:only\s+)?to\s+(?!last\b|none\b)(?=\w)", re.IGNORECASE)

# Ages: "ages 18–44", "aged 15", "a 15-year-old", "18 years old".
AGE_BEFORE_RE = re.compile(r"\b(?:ages?|aged)\s+$", re.IGNORECASE)
AGE_AFTER_RE = re.compile(r"(?:-year-old|\s+years?\s+old|-years?-old)\b", re.IGNORECASE)

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")  # fmt: skip
MONTH_NUMBERS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}  # fmt: skip

# Identifiers: numbers after these words name something, they do not count it.
_ID_WORDS = (
    r"executive\s+orders?|orders?|numbers?|sections?|title|chapters?|parts?|figures?|"
    r"tables?|pages?|volumes?|issues?|articles?|resolution|public\s+law|reports?|rule|docket|"
    r"case|amendment|operation|phase|step|item|appendix|annex|class|schedule|grade|level|route|"
    r"highway|interstate|room|flight|congress|session|box|isbn|issn|code|form|paragraph|clause|"
    r"bill|directive|memorandum|decree|proclamation|category|tier|stage|round|district|precinct|"
    r"ward|zone|sector|division|brigade|battalion|regiment|squadron|fleet|corps|version|model|fy|"
    r"goals?|objectives?|exhibits?|slides?|questions?|lessons?|modules?|recommendations?|"
    r"findings?|annex"
)
# Abbreviations count only with their period: "No. 5", "p. 12", "S. 1234", "H.R. 22".
_ID_ABBREVIATIONS = (
    r"no|nos|sec|fig|figs|p|pp|vol|art|res|h\.?\s?r|h\.?\s?j|s|v|ch|para|cong|ext|tel|p\.l|op"
)
IDENTIFIER_BEFORE_RE = re.compile(
    r"(?:\b(?:" + _ID_WORDS + r")|\b(?:" + _ID_ABBREVIATIONS + r")\.|§+)\s*#?\s*$",
    re.IGNORECASE,
)
IDENTIFIER_AFTER_RE = re.compile(
    r"\s*(?:U\.?S\.?C\.?|C\.?F\.?R\.?|Stat\.|F\.[23]d|U\.S\.\s+\d|S\.\s?Ct\.)|[\s-]*caliber\b",
    re.IGNORECASE,
)
# The e-mail branch starts only where a name can start, so a long run of word characters is
# tried once, not from every position (which would be quadratic).
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b10\.\d{4,9}/\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
PHONE_RE = re.compile(r"\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")

# Where one clause ends and another, about something else, begins: "deaths involving synthetic
# opioids reached 73,838, and deaths from all drugs came to 107,941" holds two subjects, each
# with its own terms and its own time. Used for periods and for measure matching alike.
CLAUSE_BREAK_RE = re.compile(
    r";|\s[—–]\s|,\s+(?:and|but|while|whereas|although|though|compared\s+(?:with|to)|against)\b"
)
# For time, a "while" or "whereas" clause runs parallel to the one before it and shares its
# time ("has risen 70 percent since 2021, while displacement is up 40 percent").
PERIOD_CLAUSE_BREAK_RE = re.compile(
    r";|\s[—–]\s|,\s+(?:and|but|although|though|compared\s+(?:with|to)|against)\b"
)

# Words that point back to the sentence before: "these deaths", "those overdoses", "of
# them", "that year", "the same period". Extraction takes the earlier sentence's year for a
# number that states none; the match stage reads what it counts from that sentence too.
BACK_REFERENCE_RE = re.compile(
    r"\b(?:these|those|such)\s+(?:\w+\s+)?(?:deaths|overdoses|cases|people|victims|seizures"
    r"|pills|figures|numbers|losses|lives|fatalities)\b"
    r"|\b(?:of|among)\s+(?:them|these|those)\b"
    r"|\b(?:that|the\s+same)\s+(?:year|period)\b",
    re.IGNORECASE,
)
