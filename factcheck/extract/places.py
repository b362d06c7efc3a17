"""Places named in a sentence: countries, US states and demonyms, as ISO codes.

A small gazetteer is enough for reports about one region; it is data, extend it freely.
"""

from __future__ import annotations

import re

# Names and demonyms -> ISO 3166 code. Keys are lower case.
COUNTRIES: dict[str, str] = {
    "united states": "US", "united states of america": "US", "u.s.": "US", "us": "US",
    "u.s.a.": "US", "usa": "US", "america": "US", "american": "US", "americans": "US",
    "mexico": "MX", "mexican": "MX", "mexicans": "MX", "méxico": "MX",
    "china": "CN", "chinese": "CN", "prc": "CN", "people's republic of china": "CN",
    "canada": "CA", "canadian": "CA", "canadians": "CA",
    "colombia": "CO", "colombian": "CO", "colombians": "CO",
    "india": "IN", "indian": "IN", "afghanistan": "AF", "afghan": "AF", "iraq": "IQ",
    "iraqi": "IQ", "syria": "SY", "syrian": "SY", "iran": "IR", "iranian": "IR",
    "russia": "RU", "russian": "RU", "russians": "RU", "ukraine": "UA", "ukrainian": "UA",
    "ukrainians": "UA", "chinese nationals": "CN", "venezuelans": "VE",
    "guatemalans": "GT", "hondurans": "HN", "salvadorans": "SV",
    "venezuela": "VE", "venezuelan": "VE", "guatemala": "GT", "honduras": "HN",
    "el salvador": "SV", "ecuador": "EC", "peru": "PE", "bolivia": "BO", "brazil": "BR",
    "panama": "PA", "cuba": "CU", "haiti": "HT", "japan": "JP", "japanese": "JP",
    "united kingdom": "GB", "britain": "GB", "british": "GB", "uk": "GB", "u.k.": "GB",
    "germany": "DE", "german": "DE", "france": "FR", "french": "FR", "vietnam": "VN",
    "myanmar": "MM", "burma": "MM", "philippines": "PH", "taiwan": "TW", "israel": "IL",
    "europe": "EU", "european union": "EU",
}  # fmt: skip
US_STATES = (
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts "
    "michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon "
    "pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming"
).split() + ["new hampshire", "new jersey", "new mexico", "new york", "north carolina",
             "north dakota", "rhode island", "south carolina", "south dakota", "west virginia"]  # fmt: skip

_NAMES = sorted([*COUNTRIES, *US_STATES], key=len, reverse=True)
# Case-sensitive on the first letter: "US" the country, not "us" the pronoun.
PLACE_RE = re.compile(
    # Names start with a capital: positions that do not are passed over before the long list.
    r"(?<![\w.])(?=(?-i:[A-ZÉ]))(?P<name>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMES)
    + r")(?![\w])",
    re.IGNORECASE,
)


def find_places(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, code) of each place named in text[start:end]; US states as "US-<name>"."""
    found = []
    for m in PLACE_RE.finditer(text, start, end):
        name = m.group("name")
        if not name[0].isupper():
            continue  # "us", "china" in lower case are not names here
        key = " ".join(name.lower().split())
        if key in COUNTRIES:
            found.append((m.start(), COUNTRIES[key]))
        elif key == "georgia" or key == "washington":
            continue  # ambiguous (a country, a city, a president): better no place than a wrong one
        else:
            found.append((m.start(), "US-" + key.title().replace(" ", "")))
    return found


def nearest_place(places: list[tuple[int, str]], offset: int) -> str | None:
    """The place named closest to an offset, preferring one named after it in the clause."""
    if not places:
        return None
    return min(places, key=lambda p: abs(p[0] - offset))[1]
