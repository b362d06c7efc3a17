"""Build the reference datasets in this folder from ../shared/reference-data.

    python references/build.py [SHARED_REFERENCE_DATA_DIR]

The shared folder holds a sourced fact sheet (FACTS.md) and three tidy CSVs whose measure
names, places, periods, units and statuses are free text. This script turns them into the
form factcheck reads: dotted measure ids, ISO country codes, ISO 8601 periods, pint unit
strings and a closed status vocabulary (see README.md). Figures that FACTS.md gives only in
prose (fentanyl, death tolls, other facts) are transcribed below by hand, each with the
source and address the fact sheet gives.

Its output is committed, so factcheck works without shared/. When shared/ is absent the
script says so and leaves the committed files alone. The rules are strict on purpose: a
status, unit or period it does not recognise stops the build rather than being guessed at,
and no row is ever given a number or a status the fact sheet does not support.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parent.parent / "shared" / "reference-data"

COLUMNS = [
    "measure",
    "place",
    "period",
    "value",
    "low",
    "high",
    "unit",
    "status",
    "vintage",
    "source",
    "url",
    "note",
]
KEY = ["measure", "place", "period", "status", "vintage"]
STATUSES = ["final", "provisional", "final-unconfirmed", "final-secondary", "provisional-secondary"]


@dataclass
class Row:
    measure: str
    place: str
    period: str
    value: float
    unit: str
    status: str
    source: str
    url: str = ""
    note: str = ""
    low: float | None = None
    high: float | None = None
    vintage: str = ""

    def key(self) -> tuple[str, ...]:
        return tuple(getattr(self, name) for name in KEY)


# --- Translating the shared CSVs ---------------------------------------------------------------

PLACES = {"United States": "US", "Mexico": "MX"}

# Unit as written in the shared CSVs -> (pint unit, what the old unit text said that is kept
# as a note so nothing is lost).
UNITS = {
    "deaths": ("count", ""),
    "percent": ("percent", ""),
    "per 100,000 (age-adj., 2000 US std pop)": (
        "per_100k",
        "age-adjusted to the 2000 US standard population",
    ),
    "index, 1982-84=100 (CPI-U, US city average, all items, NSA)": (
        "index",
        "CPI-U, US city average, all items, not seasonally adjusted, 1982-84=100",
    ),
    "homicides (deaths registered as presumed homicide)": (
        "count",
        "deaths registered as presumed homicide, by year of registration",
    ),
    "homicides per 100,000 population": ("per_100k", ""),
    "victims of homicidio doloso (excl. feminicidio), SESNSP": (
        "count",
        "victims of homicidio doloso (excluding feminicide), prosecutors' case files",
    ),
}

OVERDOSE = "us.overdose_deaths."
MEASURES = {
    "overdose_deaths_all_drugs": OVERDOSE + "all_drugs",
    "overdose_deaths_any_opioid": OVERDOSE + "any_opioid",
    "overdose_deaths_synthetic_opioids_excl_methadone_T40.4": OVERDOSE + "synthetic_opioids",
    "overdose_deaths_heroin_T40.1": OVERDOSE + "heroin",
    "overdose_deaths_natural_semisynthetic_opioids_T40.2": OVERDOSE + "prescription_opioids",
    # NIDA's "prescription opioids" adds methadone (T40.3): a different series, kept apart.
    "overdose_deaths_prescription_opioids_T40.2_T40.3_NIDA_def": OVERDOSE
    + "prescription_opioids_nida",
    "overdose_deaths_cocaine_T40.5": OVERDOSE + "cocaine",
    "overdose_deaths_psychostimulants_T43.6": OVERDOSE + "psychostimulants",
    "overdose_death_rate_all_drugs_age_adjusted": OVERDOSE + "all_drugs.rate",
    "overdose_death_rate_synthetic_opioids_T40.4_age_adjusted": OVERDOSE + "synthetic_opioids.rate",
    "overdose_death_rate_heroin_age_adjusted": OVERDOSE + "heroin.rate",
    "overdose_death_rate_cocaine_age_adjusted": OVERDOSE + "cocaine.rate",
    "overdose_death_rate_psychostimulants_age_adjusted": OVERDOSE + "psychostimulants.rate",
    "pct_change_age_adj_rate_2023_to_2024_all_drugs": OVERDOSE + "all_drugs.rate.change",
    "pct_change_age_adj_rate_2023_to_2024_synthetic_opioids_T40.4": OVERDOSE
    + "synthetic_opioids.rate.change",
    "pct_change_age_adj_rate_2023_to_2024_natural_semisynthetic_T40.2": OVERDOSE
    + "prescription_opioids.rate.change",
    "pct_change_age_adj_rate_2023_to_2024_heroin_T40.1": OVERDOSE + "heroin.rate.change",
    "pct_change_age_adj_rate_2023_to_2024_methadone_T40.3": OVERDOSE + "methadone.rate.change",
    "pct_change_age_adj_rate_2023_to_2024_psychostimulants_T43.6": OVERDOSE
    + "psychostimulants.rate.change",
    "pct_change_age_adj_rate_2023_to_2024_cocaine_T40.5": OVERDOSE + "cocaine.rate.change",
    # Provisional releases are the same measures as the final counts, told apart by status
    # and vintage, so a claim about "2023 overdose deaths" finds both.
    "provisional_12mo_ending_overdose_deaths": OVERDOSE + "all_drugs",
    "provisional_calendar_year_overdose_deaths": OVERDOSE + "all_drugs",
    "provisional_calendar_year_opioid_deaths": OVERDOSE + "any_opioid",
    "provisional_pct_change_overdose_deaths": OVERDOSE + "all_drugs.change",
    "cpi_u_annual_average_CUUR0000SA0": "us.cpi_u.annual_average",
    "sesnsp_homicidio_doloso_victims": "mx.homicides.sesnsp",
    # INEGI: the definitive count is the main series; preliminary releases get their own id.
    "inegi_homicides_registered": "mx.homicides.inegi",
    "inegi_homicide_rate": "mx.homicides.inegi.rate",
}

MONTHS = {
    name: f"{number:02d}"
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.? (\d{4})\b")


def month_year(text: str) -> str:
    """The first "Sept 2024"-style date in text as "2024-09", or ""."""
    for match in MONTH_YEAR.finditer(text):
        month = MONTHS.get(match.group(1).lower())
        if month:
            return f"{match.group(2)}-{month}"
    return ""


def classify_status(text: str) -> tuple[str, str, str]:
    """Map a free-text status of the shared CSVs to (status, vintage, detail).

    ``detail`` is the parenthetical the status carried ("secondary quote of NIDA"); it goes
    into the note so that nothing the fact sheet said about a row is lost.
    """
    match = re.fullmatch(r"([a-z-]+)(?: \((.*)\))?", text.strip())
    if not match:
        raise ValueError(f"unrecognised status {text!r}")
    word, detail = match.group(1), match.group(2) or ""
    secondary = "secondary" in detail
    if word == "final-unconfirmed":
        return "final-unconfirmed", "", detail
    if word == "final":
        return ("final-secondary" if secondary else "final"), "", detail
    if word in ("provisional", "preliminary", "official"):
        # SESNSP's "official" figures are a data cut that later cuts revise: provisional.
        vintage = month_year(detail) or (re.fullmatch(r"\d{4}", detail) and detail) or ""
        status = "provisional-secondary" if secondary else "provisional"
        return status, vintage, detail
    raise ValueError(f"unrecognised status {text!r}")


def parse_period(text: str) -> tuple[str, str]:
    """Map a period of the shared CSVs to (ISO 8601 period, vintage given with it)."""
    text = text.strip()
    vintage = ""
    as_of = re.fullmatch(r"(.*) \(as of (.*)\)", text)
    if as_of:
        text, vintage = as_of.group(1), month_year(as_of.group(2))
    if re.fullmatch(r"\d{4}", text):
        return text, vintage
    change = re.fullmatch(r"(\d{4}) ?(?:-|->) ?(\d{4})", text)
    if change:
        return f"{change.group(1)}/{change.group(2)}", vintage
    ending = re.fullmatch(r"12m ending (\d{4})-(\d{2})", text)
    if ending:
        year, month = int(ending.group(1)), int(ending.group(2))
        start_year, start_month = (year, month + 1) if month < 12 else (year + 1, 1)
        return f"{start_year - 1}-{start_month:02d}/{year}-{month:02d}", vintage
    raise ValueError(f"unrecognised period {text!r}")


def join_notes(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def translate(record: dict[str, str]) -> Row:
    """One row of a shared CSV in factcheck's form."""
    status, vintage, detail = classify_status(record["status"])
    period, period_vintage = parse_period(record["year"])
    vintage = vintage or period_vintage
    unit, unit_note = UNITS[record["unit"]]
    measure = MEASURES[record["measure"]]
    if measure.startswith("mx.homicides.inegi") and status.startswith("provisional"):
        measure = measure.replace("mx.homicides.inegi", "mx.homicides.inegi_preliminary")
    if status == "final-unconfirmed":
        detail = join_notes("not confirmed in any source read; verify before relying", detail)
    if measure.endswith(".change"):
        unit_note = join_notes(unit_note, "relative change from the first to the last year")
    return Row(
        measure=measure,
        place=PLACES[record["place"]],
        period=period,
        value=float(record["value"]),
        unit=unit,
        status=status,
        vintage=vintage if status.startswith("provisional") else "",
        source=own_source(record["source"]),
        url=record["url"].strip(),
        note=join_notes(detail, unit_note),
    )


# --- Sources, in the project's own words ------------------------------------------------------

# The shared CSVs name each figure's source in the fact sheet's words, often with the title of
# the publication quoted in full. The reference data says instead, briefly and in its own
# words, who published the figure, in which dataset or document, and where and how it was
# read (a mirror, a news copy, "not read"); no fact of the original is dropped, and every
# figure, date and name it gives is kept. A source this table does not know stops the build.
DB428_SOURCE = (
    "NCHS Data Brief 428 (US overdose deaths 1999-2020); read in a mirror or press summary"
)
DB522_SOURCE = "NCHS Data Brief 522 (US overdose deaths 2003-2023)"
_NIDA = "NIDA overdose facts-and-figures"
_BLS_TABLES = (
    "BLS historical CPI tables, US city average (2008 archive of bls.gov/ro3/fax_9130.htm); "
    "annual average taken as the mean of the monthly CPI-U, equal to the 1-decimal annual "
    "average BLS publishes"
)
_INEGI_UNCONFIRMED = (
    "NOT CONFIRMED in a source read: INEGI's definitive value (EDR, by year of registration) "
    "as best available; to verify in INEGI's homicide deaths series (Defunciones por homicidio)"
)
# Keyed by each source text as the shared CSVs give it, or, for a publication's citation,
# by the start of it that tells it apart (its number and authors), so that the table does not
# repeat the publications' full titles.
SHARED_SOURCES = {
    # us_overdose_deaths.csv
    "NIDA 'Drug Overdose Deaths: Facts and Figures' figure data (CDC WONDER; NCHS "
    "multiple-cause-of-death files) as transcribed in CORGIS opioids dataset (read)":
        f"{_NIDA} chart data from CDC WONDER (NCHS multiple-cause-of-death files); read in "
        "the CORGIS opioids dataset's transcription of it",
    "CDC MMWR 67(12) Seth et al.,":
        "CDC MMWR 67(12), Seth et al.: US overdose deaths from opioids, cocaine and "
        "psychostimulants, 2015-2016",
    "CDC MMWR 69(11) Wilson et al.,":
        "CDC MMWR 69(11), Wilson et al.: US drug and opioid overdose deaths, 2017-2018",
    "CDC MMWR 70(6) Mattson et al.,":
        "CDC MMWR 70(6), Mattson et al.: US drug and synthetic-opioid overdose deaths by trend "
        "and geography, 2013-2019",
    "NCHS Data Brief No. 428,": DB428_SOURCE,
    "NCHS Data Brief No. 457,":
        "NCHS Data Brief 457 (US overdose deaths 2001-2021)",
    "NCHS Data Brief No. 491,":
        "NCHS Data Brief 491 (US overdose deaths 2002-2022)",
    "NCHS Data Brief No. 522,": DB522_SOURCE,
    "NCHS annual data brief on 2024 final overdose deaths (brief number/URL not read; figures "
    "read in Partnership to End Addiction summary, Feb 2026)":
        "NCHS yearly data brief, final 2024 overdose deaths (its number and address not read); "
        "figures read in a Partnership to End Addiction summary, Feb 2026",
    "CDC NCIPC statement on provisional 2024 overdose data, 14 May 2025 (figures read in news "
    "copies)":
        "CDC NCIPC statement of 14 May 2025 on provisional 2024 overdose data; figures read in "
        "news copies",
    "CDC Injury Center, 'Drug Overdose Deaths' page (2019 data)":
        "CDC Injury Center web page on overdose deaths (2019 data)",
    "NOT CONFIRMED in any source read; best available value recalled from CDC WONDER/NIDA "
    "tables - verify at CDC WONDER":
        "NOT CONFIRMED in any source read: value recalled from CDC WONDER/NIDA tables as best "
        "available; to verify at CDC WONDER",
    "NIDA Facts and Figures (CDC WONDER), numbers quoted by third-party summaries (NIDA page "
    "itself not read)":
        f"{_NIDA} (CDC WONDER data); numbers read in third-party summaries, the NIDA page "
        "itself not read",
    "NIDA Facts and Figures (CDC WONDER) figure text, quoted by third-party page (NIDA page "
    "itself not read)":
        f"{_NIDA} (CDC WONDER data), chart text; read on a third-party page, the NIDA page "
        "itself not read",
    "Ryan Leone Foundation page citing CDC (non-authoritative)":
        "Ryan Leone Foundation web page citing CDC (not an authoritative source)",
    "WifiTalents heroin statistics page (non-authoritative)":
        "WifiTalents web page of heroin statistics (not an authoritative source)",
    "CDC/NCHS VSRR provisional counts as reported by CNN (read at WISH-TV copy)":
        "CDC/NCHS VSRR provisional counts, reported by CNN; read in a WISH-TV copy",
    "AHRQ Academy news item summarizing CDC VSRR update":
        "AHRQ Academy news item on a CDC VSRR update",
    "Filter magazine on CDC release of 25 Feb 2025":
        "Filter magazine report on the CDC release of 25 Feb 2025",
    "Partnership to End Addiction summary of CDC release 'CDC Reports Nearly 24% Decline'":
        "Partnership to End Addiction summary of the CDC release reporting a decline of "
        "nearly 24%",
    "NCHS press release 'U.S. Overdose Deaths Decrease in 2023, First Time Since 2018', 15 May "
    "2024 (read at mirror)":
        "NCHS press release of 15 May 2024 on the fall in US overdose deaths in 2023, the "
        "first since 2018; read at a mirror",
    "CDC provisional data release of 14 May 2025 (figures read in news copies)":
        "CDC provisional data release, 14 May 2025; figures read in news copies",
    "Thrivestead summary of NCHS data (non-authoritative)":
        "Thrivestead summary of NCHS data (not an authoritative source)",
    # us_cpi_u_annual.csv
    "BLS, Consumer Price Index Historical Tables for U.S. City Average (archived "
    "bls.gov/ro3/fax_9130.htm, 2008); annual average = mean of published monthly CPI-U, "
    "matches BLS published 1-decimal annual average": _BLS_TABLES,
    **{
        "BLS, Consumer Price Index Historical Tables for U.S. City Average (archived "
        "bls.gov/ro3/fax_9130.htm, 2008); annual average = mean of published monthly CPI-U, "
        f"matches BLS published 1-decimal annual average; PolicyEngine file shows unrounded "
        f"mean {mean}": f"{_BLS_TABLES}; the PolicyEngine file has the unrounded mean {mean}"
        for mean in ("195.292", "201.592")
    },
    "BLS CPI-U CUUR0000SA0 annual averages (M13) as stored in PolicyEngine spm-calculator "
    "cpi_annual.json (from FRED CPIAUCNS annual mean; 2024-2025 checked against BLS API "
    "receipt)":
        "BLS CPI-U annual averages (series CUUR0000SA0, period M13): the FRED CPIAUCNS annual "
        "mean as kept in PolicyEngine spm-calculator's cpi_annual.json; the 2024-2025 values "
        "checked against a BLS API response",
    # mexico_homicides.csv
    "NOT CONFIRMED in a source read; best available INEGI definitive (EDR, year of "
    "registration) value - verify in INEGI 'Defunciones por homicidio' series":
        _INEGI_UNCONFIRMED,
    "NOT CONFIRMED in a source read; best available INEGI definitive (EDR, year of "
    "registration) value - verify in INEGI 'Defunciones por homicidio' series; El Pais 2013: "
    "8,876; Reforma Jan 2010: 8,868":
        f"{_INEGI_UNCONFIRMED}; El Pais (2013) gives 8,876, Reforma (Jan 2010) 8,868",
    "INEGI series quoted in El Universal/SUN report 'En 2016 se registraron 23 mil 953 "
    "homicidios' (Frontera, 26 Jul 2017)":
        "INEGI series, quoted in an El Universal/SUN report headlined on 23 mil 953 homicides "
        "in 2016 (Frontera, 26 Jul 2017)",
    "INEGI preliminary 2016 bulletin (read at Argonmexico)":
        "INEGI preliminary bulletin, 2016; read at Argonmexico",
    "INEGI preliminary 2017 bulletin (read at El Universal)":
        "INEGI preliminary bulletin, 2017; read at El Universal",
    "INEGI 2018 preliminary bulletin citing 2017 definitive (read at michellerivera.com.mx)":
        "INEGI preliminary bulletin, 2018, citing the 2017 definitive count; read at "
        "michellerivera.com.mx",
    "INEGI preliminary 2018 (read at Potosinoticias/Notimex)":
        "INEGI preliminary count, 2018; read at Potosinoticias/Notimex",
    "INEGI definitive 2018 (read at Potosinoticias/Notimex, Nov 2019)":
        "INEGI definitive count, 2018; read at Potosinoticias/Notimex, Nov 2019",
    "INEGI preliminary 2019 (read at javieralatorre.com)":
        "INEGI preliminary count, 2019; read at javieralatorre.com",
    "INEGI 2020 preliminary bulletin citing 2019 definitive (read at La Jornada)":
        "INEGI preliminary bulletin, 2020, citing the 2019 definitive count; read at La Jornada",
    "INEGI preliminary 2020 (read at La Jornada)":
        "INEGI preliminary count, 2020; read at La Jornada",
    "INEGI 2021 preliminary bulletin citing 2020 (read at Contramuro/Ovaciones)":
        "INEGI preliminary bulletin, 2021, citing 2020; read at Contramuro/Ovaciones",
    "INEGI preliminary 2021 (read at 24horasqroo)":
        "INEGI preliminary count, 2021; read at 24horasqroo",
    "INEGI figure quoted in TV report (Dailymotion transcript)":
        "INEGI figure quoted in a TV report; read in a Dailymotion transcript",
    "INEGI preliminary 2022 (read at respuesta.com.mx)":
        "INEGI preliminary count, 2022; read at respuesta.com.mx",
    "INEGI 2023 preliminary bulletin citing 2022 (read at Imagen del Golfo)":
        "INEGI preliminary bulletin, 2023, citing 2022; read at Imagen del Golfo",
    "INEGI preliminary 2023 (read at Imagen del Golfo)":
        "INEGI preliminary count, 2023; read at Imagen del Golfo",
    "INEGI 2024 preliminary bulletin citing 2023 definitive (read at El Universal)":
        "INEGI preliminary bulletin, 2024, citing the 2023 definitive count; read at "
        "El Universal",
    "INEGI 'Estadísticas de defunciones registradas: homicidios 2024 (preliminar)' (read at "
    "El Universal / data2.com.mx)":
        "INEGI registered-deaths statistics, homicides 2024, preliminary; read at "
        "El Universal / data2.com.mx",
    "INEGI EDR 2024 definitive as reported by La Crónica":
        "INEGI EDR definitive count, 2024; reported by La Crónica",
    "INEGI (read at informativonoticias)": "INEGI figure; read at informativonoticias",
    "INEGI (read at El Universal)": "INEGI figure; read at El Universal",
    "INEGI (read at La Crónica)": "INEGI figure; read at La Crónica",
    "SESNSP victims series quoted by sdpnoticias/Sin Muros (Jan 2020 vintage)":
        "SESNSP victims series, Jan 2020 vintage; quoted by sdpnoticias/Sin Muros",
    "SESNSP victims as reported by El Heraldo de Veracruz (Jan 2024 vintage)":
        "SESNSP victims series, Jan 2024 vintage; reported by El Heraldo de Veracruz",
    "SESNSP as reported by RT / Pulso": "SESNSP figure; reported by RT / Pulso",
    "SESNSP as reported by RT (Pulso SLP reports 29,820)":
        "SESNSP figure; reported by RT (Pulso SLP gives 29,820)",
}  # fmt: skip


def own_source(text: str) -> str:
    """The project's description of a source the shared CSVs name: the entry of
    SHARED_SOURCES that is the text, else the one entry the text starts with."""
    text = text.strip()
    if text in SHARED_SOURCES:
        return SHARED_SOURCES[text]
    found = [key for key in SHARED_SOURCES if text.startswith(key)]
    if len(found) != 1:
        problem = "unrecognised" if not found else f"matched by {len(found)} entries:"
        raise ValueError(f"{problem} source {text!r}: describe it once in SHARED_SOURCES")
    return SHARED_SOURCES[found[0]]


# --- Figures FACTS.md gives only in prose or in tables without a CSV ----------------------------

DB428 = "https://www.cdc.gov/nchs/products/databriefs/db428.htm"
DB522 = "https://www.cdc.gov/nchs/products/databriefs/db522.htm"
NCHS_PRESS_2024 = "https://www.cdc.gov/nchs/pressroom/nchs_press_releases/2024/20240515.htm"
VSRR = "https://www.cdc.gov/nchs/nvss/vsrr/drug-overdose-data.htm"
THRIVESTEAD = (
    "https://thrivestead.com/2025/06/11/fentanyl-related-deaths-among-young-americans-are-"
    "dropping-significantly"
)
INEGI_SERIES = "https://www.inegi.org.mx/temas/mortalidad/"
# The fact sheet lives beside the repository, not in the package: named, without a path.
FACT_SHEET = {"title": "factcheck reference fact sheet (shared/reference-data/FACTS.md)"}


def overdose_extras() -> list[Row]:
    """FACTS.md sections 1 and 2: rate changes and provisional counts by drug."""
    rows = [
        Row(
            OVERDOSE + "all_drugs.rate.change",
            "US",
            "2022/2023",
            -4.0,
            "percent",
            "final",
            DB522_SOURCE,
            DB522,
            "relative change of the age-adjusted rate",
        ),
        Row(
            OVERDOSE + "all_drugs.rate.change",
            "US",
            "2019/2020",
            31.0,
            "percent",
            "final",
            DB428_SOURCE,
            DB428,
            "relative change of the age-adjusted rate; the largest annual increase in "
            "2002-2022 (NCHS Data Brief No. 491)",
        ),
    ]
    may_2024_source = (
        "NCHS provisional data release, 15 May 2024: figures by drug, read in secondary news copies"
    )
    for drug, by_year in {
        "synthetic_opioids": {"2022": 76226, "2023": 74702},
        "cocaine": {"2022": 28441, "2023": 29918},
        "psychostimulants": {"2022": 35550, "2023": 36251},
    }.items():
        for year, value in by_year.items():
            rows.append(
                Row(
                    OVERDOSE + drug,
                    "US",
                    year,
                    value,
                    "count",
                    "provisional-secondary",
                    may_2024_source,
                    NCHS_PRESS_2024,
                    "predicted provisional count",
                    vintage="2024-05",
                )
            )
    may_2025_news = "CDC provisional data release, May 2025; read in a secondary news summary"
    rows += [
        Row(
            OVERDOSE + "any_opioid",
            "US",
            "2023",
            83140,
            "count",
            "provisional-secondary",
            may_2025_news,
            THRIVESTEAD,
            "given as about 83,140; the address is the one the shared CSV gives for the "
            "2024 figure quoted with it",
            vintage="2025-05",
        ),
        Row(
            OVERDOSE + "synthetic_opioids.change",
            "US",
            "2023/2024",
            -37.0,
            "percent",
            "provisional-secondary",
            may_2025_news,
            VSRR,
            "given as about -37%",
            vintage="2025-05",
        ),
        Row(
            OVERDOSE + "synthetic_opioids.share",
            "US",
            "2024",
            60.0,
            "percent",
            "provisional-secondary",
            may_2025_news,
            VSRR,
            "share of all overdose deaths, given as about 60%",
            vintage="2025-05",
        ),
    ]
    return rows


def mexico_extras() -> list[Row]:
    """FACTS.md section 4: the 2012 preliminary count is in its table but not in the CSV."""
    return [
        Row(
            "mx.homicides.inegi_preliminary",
            "MX",
            "2012",
            26037,
            "count",
            "provisional",
            "INEGI preliminary count, 2012, from the fact sheet's table (FACTS.md section 4), "
            "which gives it no address; the address is INEGI's series page",
            INEGI_SERIES,
            "deaths registered as presumed homicide, by year of registration; release date "
            "not given",
        )
    ]


DEA_ONEPILL = "https://www.dea.gov/onepill"
CDC_FENTANYL = "https://www.cdc.gov/drugoverdose/data/fentanyl.html"
DEA_ALERT_2022 = (
    "https://www.dea.gov/alert/dea-laboratory-testing-reveals-6-out-10-fentanyl-laced-fake-"
    "prescription-pills-now-contain"
)


def fentanyl_rows() -> list[Row]:
    """FACTS.md section 5: pharmacology and DEA laboratory figures."""
    potency_source = (
        "CDC fentanyl facts page (read), which puts fentanyl at 50 times heroin's potency and "
        "100 times morphine's; DEA fentanyl fact sheet (read in copies)"
    )
    share = "fentanyl.fake_pills.lethal_dose_share"
    share_note = "share of fentanyl-laced fake pills containing at least 2 mg of fentanyl"
    return [
        Row(
            "fentanyl.lethal_dose",
            "",
            "",
            2,
            "milligram",
            "final",
            "DEA One Pill Can Kill campaign and DEA press releases, which count 2 mg as a "
            "potentially lethal dose",
            DEA_ONEPILL,
            "'the tip of a pencil'; holds for any place and period",
        ),
        Row(
            "fentanyl.potency_vs_morphine",
            "",
            "",
            100,
            "dimensionless",
            "final",
            potency_source,
            CDC_FENTANYL,
            "about 100 times as potent as morphine, as an analgesic",
        ),
        Row(
            "fentanyl.potency_vs_heroin",
            "",
            "",
            50,
            "dimensionless",
            "final",
            potency_source,
            CDC_FENTANYL,
            "about 50 times as potent as heroin, as an analgesic",
        ),
        Row(
            share,
            "US",
            "2019-01/2019-03",
            27,
            "percent",
            "final-secondary",
            "DEA laboratory testing; reported by Becker's",
            "",
            share_note + "; samples of January-March 2019; the fact sheet gives no address",
        ),
        Row(
            share,
            "US",
            "2021",
            40,
            "percent",
            "final",
            "DEA",
            "",
            share_note + "; stated as 4 in 10; the fact sheet gives no address",
        ),
        Row(
            share,
            "US",
            "2022",
            60,
            "percent",
            "final",
            "DEA alert of November 2022 on its laboratory testing: a potentially lethal dose "
            "in 6 out of 10 fentanyl-laced fake prescription pills",
            DEA_ALERT_2022,
            share_note + "; stated as 6 in 10",
        ),
        Row(
            share,
            "US",
            "2023",
            70,
            "percent",
            "final-secondary",
            "DEA One Pill Can Kill campaign (read in copies)",
            DEA_ONEPILL,
            share_note + "; stated as 7 in 10",
        ),
        Row(
            "fentanyl.seizures.fake_pills",
            "US",
            "2023",
            80e6,
            "pill",
            "final",
            "DEA, 2023 seizures",
            "",
            "over 80 million fake pills; the fact sheet gives no address",
            low=80e6,
        ),
        Row(
            "fentanyl.seizures.powder",
            "US",
            "2023",
            12000,
            "pound",
            "final",
            "DEA, 2023 seizures",
            "",
            "about 12,000 lb of fentanyl powder; the fact sheet gives no address",
        ),
        Row(
            "fentanyl.seizures.lethal_doses",
            "US",
            "2023",
            381e6,
            "dose",
            "final",
            "DEA, 2023 seizures",
            "",
            "DEA equates the 2023 seizures to more than 381 million lethal doses; the fact "
            "sheet gives no address",
            low=381e6,
        ),
    ]


NPS = "https://www.nps.gov/perl/"
COSTS_OF_WAR = "https://watson.brown.edu/costsofwar/costs/human/military"
DCAS = "https://dcas.dmdc.osd.mil"
CRS_IF10899 = "https://crsreports.congress.gov/product/pdf/IF/IF10899"


def event_rows() -> list[Row]:
    """FACTS.md section 6: death tolls. Event tolls hold whatever place or period a claim has."""
    pearl = "US National Park Service figures, quoted on secondary pages (NPS page not read)"
    sept11 = "9/11 Memorial figures, quoted on secondary pages"
    dcas = "DoD Defense Casualty Analysis System (DCAS) figures, read in secondary sources"
    crs = (
        "CRS In Focus on US active-duty military deaths 2006-2021 (updated 9 Sep 2022), from "
        "DoD DCAS data"
    )
    crs_note = "the report number IF10899 is believed, not confirmed"
    rows = [
        Row("events.pearl_harbor.deaths", "", "", 2403, "count", "final-secondary", pearl, NPS,
            "US dead, attack of 7 December 1941"),
        Row("events.pearl_harbor.deaths.navy", "", "", 2008, "count", "final-secondary", pearl,
            NPS, "US Navy dead, 7 December 1941"),
        Row("events.pearl_harbor.deaths.army", "", "", 218, "count", "final-secondary", pearl,
            NPS, "US Army dead, 7 December 1941"),
        Row("events.pearl_harbor.deaths.marines", "", "", 109, "count", "final-secondary", pearl,
            NPS, "US Marine Corps dead, 7 December 1941"),
        Row("events.pearl_harbor.deaths.civilians", "", "", 68, "count", "final-secondary",
            pearl, NPS, "civilian dead, 7 December 1941"),
        Row("events.pearl_harbor.wounded", "", "", 1178, "count", "final-secondary", pearl, NPS,
            "US wounded, 7 December 1941"),
        Row("events.sept_11.deaths", "", "", 2977, "count", "final-secondary", sept11, "",
            "victims of 11 September 2001, excluding the 19 hijackers (2,996 with them); the "
            "fact sheet gives no address"),
        Row("events.sept_11.deaths_including_hijackers", "", "", 2996, "count",
            "final-secondary", sept11, "", "2,977 victims plus the 19 hijackers"),
        Row("events.sept_11.deaths.new_york", "", "", 2753, "count", "final-secondary", sept11,
            "", "victims in New York"),
        Row("events.sept_11.deaths.pentagon", "", "", 184, "count", "final-secondary", sept11,
            "", "victims at the Pentagon"),
        Row("events.sept_11.deaths.flight_93", "", "", 40, "count", "final-secondary", sept11,
            "", "victims of Flight 93"),
        Row("us.military_deaths.post_9_11_wars", "US", "", 7000, "count", "final",
            "Brown University, Costs of War", COSTS_OF_WAR,
            "'over 7,000' US troops died in the post-9/11 war zones", low=7000),
        Row("us.contractor_deaths.post_9_11_wars", "US", "", 8000, "count", "final",
            "Brown University, Costs of War", COSTS_OF_WAR,
            "about 8,000 US contractors died in the post-9/11 war zones"),
        Row("us.military_deaths.oif", "US", "", 4418, "count", "final-secondary", dcas, DCAS,
            "Operation Iraqi Freedom, all causes"),
        Row("us.military_deaths.oif.hostile", "US", "", 3481, "count", "final-secondary", dcas,
            DCAS, "Operation Iraqi Freedom, hostile deaths"),
        Row("us.military_deaths.oif.non_hostile", "US", "", 937, "count", "final-secondary",
            dcas, DCAS, "Operation Iraqi Freedom, non-hostile deaths"),
        Row("us.military_deaths.ond", "US", "", 74, "count", "final-secondary", dcas, DCAS,
            "Operation New Dawn"),
        Row("us.military_deaths.oir", "US", "", 111, "count", "final-secondary", dcas, DCAS,
            "Operation Inherent Resolve, about 111 as of late 2025 (ongoing)"),
        Row("us.military_deaths.active_duty", "US", "2006/2021", 19378, "count", "final", crs,
            CRS_IF10899, "active-duty deaths, all causes; " + crs_note),
        Row("us.military_deaths.active_duty", "US", "2006/2020", 17645, "count", "final", crs,
            CRS_IF10899, "earlier version of the same CRS report; " + crs_note),
        Row("us.military_deaths.active_duty", "US", "2006/2019-05", 16652, "count", "final",
            crs, CRS_IF10899, "earlier version of the same CRS report, to May 2019; "
            + crs_note),
    ]  # fmt: skip
    for cause, value in {
        "accident": 6198,
        "self_inflicted": 4930,
        "illness_injury": 3470,
        "killed_in_action": 2740,
        "died_of_wounds": 891,
        "homicide": 619,
        "other": 530,
    }.items():
        rows.append(
            Row(f"us.military_deaths.active_duty.{cause}", "US", "2006/2021", value, "count",
                "final", crs, CRS_IF10899,
                f"active-duty deaths by cause: {cause.replace('_', ' ')}; " + crs_note)
        )  # fmt: skip
    return rows


STATE_2011 = "https://2009-2017.state.gov/r/pa/prs/ps/2011/12/178108.htm"
CRS_R41349 = "https://www.everycrsreport.com/reports/R41349.html"
SIPRI_2024 = "https://www.sipri.org/sites/default/files/2025-04/2504_fs_milex_2024.pdf"
STATE_MEXICO = "https://www.state.gov/u-s-relations-with-mexico/"
RAND_RR3140 = "https://www.rand.org/pubs/research_reports/RR3140.html"


def other_rows() -> list[Row]:
    """FACTS.md section 7. Only confirmed figures: unconfirmed ranges are listed in README.md."""
    wall_2021 = "CBP border wall status as of 4 January 2021; reported by BBC and FactCheck.org"
    wall_2020 = "CBP border wall status as of 18 December 2020; reported by BBC and FactCheck.org"
    wall_note = "'border wall system' built since January 2017; the fact sheet gives no address"
    sipri = "SIPRI fact sheet, April 2025; read via EFE"
    rand = "RAND report RR-3140 (2019) for ONDCP: US users' spending on illegal drugs, 2006-2016"
    return [
        Row("us.merida_initiative.funding", "US", "2008/2011", 1.6e9, "USD", "final",
            "US State Department, December 2011", STATE_2011,
            "confirmed milestone: appropriated by December 2011 since the initiative began "
            "(FY2008); the FY2008-FY2021 total is not confirmed"),
        Row("us.merida_initiative.funding", "US", "2008/2017", 2.8e9, "USD", "final",
            "CRS R41349 (2017)", CRS_R41349,
            "confirmed milestone: 'almost $2.8 billion since FY2008'", high=2.8e9),
        Row("us.border_wall.miles", "US", "2017-01/2021-01", 452, "mile", "final-secondary",
            wall_2021, "", wall_note + "; the rest replaced existing barriers"),
        Row("us.border_wall.miles.new", "US", "2017-01/2021-01", 80, "mile", "final-secondary",
            wall_2021, "", "built where no barrier existed (47 primary + 33 secondary)"),
        Row("us.border_wall.miles.new_primary", "US", "2017-01/2021-01", 47, "mile",
            "final-secondary", wall_2021, "", "new primary wall where no barrier existed"),
        Row("us.border_wall.miles.new_secondary", "US", "2017-01/2021-01", 33, "mile",
            "final-secondary", wall_2021, "", "new secondary wall where no barrier existed"),
        Row("us.border_wall.miles", "US", "2017-01/2020-12", 438, "mile", "final-secondary",
            wall_2020, "", wall_note),
        Row("us.border_wall.miles.replacement", "US", "2017-01/2020-12", 365, "mile",
            "final-secondary", wall_2020, "", "replaced existing barriers"),
        Row("us.border_wall.miles.new_primary", "US", "2017-01/2020-12", 40, "mile",
            "final-secondary", wall_2020, "", "new primary wall where no barrier existed"),
        Row("us.border_wall.miles.new_secondary", "US", "2017-01/2020-12", 33, "mile",
            "final-secondary", wall_2020, "", "new secondary wall where no barrier existed"),
        Row("mx.population", "MX", "2020", 126014024, "count", "final", "INEGI, Census 2020",
            "", "the fact sheet gives no address"),
        Row("mx.population", "MX", "2023", 129.5e6, "count", "final", "INEGI, ENADID 2023", "",
            "129.5 million; the fact sheet gives no address"),
        Row("mx.population", "MX", "2024", 130.0e6, "count", "final-unconfirmed",
            "Derived in the fact sheet from INEGI's 2024 homicide counts and rates "
            "(33,241 / 25.6 and 33,550 / 25.8 per 100,000)", INEGI_SERIES,
            "about 130.0 million; not an official estimate: no CONAPO or World Bank figure "
            "was confirmed"),
        Row("mx.military_expenditure", "MX", "2024", 16.7e9, "USD", "final-secondary", sipri,
            SIPRI_2024, "driven by National Guard and Navy funding; share of GDP not confirmed"),
        Row("mx.military_expenditure.change", "MX", "2023/2024", 39, "percent",
            "final-secondary", sipri, SIPRI_2024, "relative change from 2023 to 2024"),
        Row("mx.military_expenditure.world_rank", "MX", "2024", 22, "dimensionless",
            "final-secondary", sipri, SIPRI_2024, "22nd largest in the world"),
        Row("mx.us_citizens_resident", "MX", "2024", 1.6e6, "count", "final",
            "US State Department, bilateral relations fact sheets (2022; 16 Sep 2024)",
            STATE_MEXICO, "'an estimated 1.6 million'; earlier versions said 1.5 million"),
        Row("mx.us_born_residents", "MX", "2020", 797266, "count", "final",
            "INEGI, Census 2020", "",
            "US-born residents of Mexico; the fact sheet gives no address"),
        Row("mx.guns_traced_to_us.share", "MX", "2014/2018", 70, "percent", "final",
            "GAO-21-322 (February 2021)", "",
            "share of firearms recovered in Mexico and submitted for ATF tracing that were "
            "US-sourced; the fact sheet gives no address"),
        Row("mx.guns_traced_to_us.share", "MX", "2004/2008", 87, "percent", "final",
            "GAO-09-709", "", "about 87%; the fact sheet gives no address"),
        Row("us.illicit_drug_spending", "US", "2016", 150e9, "USD", "final", rand, RAND_RR3140,
            "about $150 billion: cannabis, cocaine, heroin and methamphetamine"),
        Row("us.illicit_drug_spending", "US", "2006/2016", 133e9, "USD", "final", rand,
            RAND_RR3140, "between $120 and $146 billion a year over 2006-2016 (value is the "
            "midpoint)", low=120e9, high=146e9),
        Row("us.illicit_drug_spending.cannabis", "US", "2016", 52e9, "USD", "final", rand,
            RAND_RR3140, "spending on cannabis"),
    ]  # fmt: skip


# --- The datasets ------------------------------------------------------------------------------


@dataclass
class Dataset:
    name: str
    title: str
    description: str
    sources: list[dict[str, str]]
    rows: list[Row]


def read_shared(path: Path) -> list[Row]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [translate(record) for record in csv.DictReader(handle)]


def merge_duplicates(rows: list[Row], name: str) -> list[Row]:
    """Merge rows that state the same figure twice (same key and value), keeping every source.

    Two different values under one key is an error in the input, never silently resolved.
    """
    merged: dict[tuple[str, ...], Row] = {}
    for row in rows:
        first = merged.get(row.key())
        if first is None:
            merged[row.key()] = row
            continue
        if first.value != row.value:
            raise ValueError(f"{name}: two values for {row.key()}: {first.value}, {row.value}")
        if row.source != first.source:
            first.source = f"{first.source} | {row.source}"
        for url in row.url.split(" ; "):
            if url and url not in first.url:
                first.url = " ; ".join(u for u in (first.url, url) if u)
        if row.note and row.note not in first.note:
            first.note = join_notes(first.note, row.note)
    return list(merged.values())


def sort_key(row: Row) -> tuple:
    return (row.measure, row.place, row.period, STATUSES.index(row.status), row.vintage)


def datasets(shared: Path) -> list[Dataset]:
    nchs = {"title": "CDC National Center for Health Statistics (NCHS), NVSS mortality data",
            "path": "https://www.cdc.gov/nchs/nvss/"}  # fmt: skip
    return [
        Dataset(
            "us_overdose_deaths",
            "US drug overdose deaths and age-adjusted rates by drug, final and provisional",
            "NCHS/NVSS deaths with a drug overdose as underlying cause (ICD-10 X40-X44, X60-X64, "
            "X85, Y10-Y14), by drug involved (multiple-cause T-codes; categories overlap). "
            "Final counts 2010-2024 and NCHS VSRR predicted provisional counts by vintage.",
            [nchs, {"title": "NIDA, Drug Overdose Deaths: Facts and Figures",
                    "path": "https://nida.nih.gov/research-topics/trends-statistics/overdose-death-rates"},
             {"title": "NCHS VSRR provisional drug overdose death counts", "path": VSRR},
             FACT_SHEET],
            read_shared(shared / "us_overdose_deaths.csv") + overdose_extras(),
        ),
        Dataset(
            "us_cpi_u",
            "US CPI-U annual averages, 2000-2025 (BLS series CUUR0000SA0)",
            "Consumer Price Index for All Urban Consumers, US city average, all items, not "
            "seasonally adjusted, 1982-84=100; annual average of the monthly indexes. The 2025 "
            "average is over 11 months (no October 2025 index was collected).",
            [{"title": "US Bureau of Labor Statistics, CPI-U (CUUR0000SA0)",
              "path": "https://data.bls.gov/timeseries/CUUR0000SA0"}, FACT_SHEET],
            read_shared(shared / "us_cpi_u_annual.csv"),
        ),
        Dataset(
            "mexico_homicides",
            "Mexico intentional homicides: INEGI registered deaths and SESNSP victims, 2006-2024",
            "INEGI deaths registered as presumed homicide (EDR, by year of registration), "
            "definitive and preliminary releases, and rates per 100,000; SESNSP victims of "
            "homicidio doloso by data cut. Read in Mexican media reports of the releases.",
            [{"title": "INEGI, Estadisticas de Defunciones Registradas (mortalidad)",
              "path": INEGI_SERIES},
             {"title": "SESNSP, incidencia delictiva (victims of homicidio doloso)",
              "path": "https://www.gob.mx/sesnsp"}, FACT_SHEET],
            read_shared(shared / "mexico_homicides.csv") + mexico_extras(),
        ),
        Dataset(
            "fentanyl",
            "Fentanyl: lethal dose, potency and DEA laboratory and seizure figures",
            "Pharmacological figures as stated by DEA and CDC (these hold for any place and "
            "period) and DEA laboratory testing and seizure figures.",
            [{"title": "DEA, One Pill Can Kill", "path": DEA_ONEPILL},
             {"title": "CDC, Fentanyl facts", "path": CDC_FENTANYL}, FACT_SHEET],
            fentanyl_rows(),
        ),
        Dataset(
            "events",
            "Death tolls: Pearl Harbor, September 11, US military deaths",
            "Death tolls that drafts compare overdose deaths with. Event tolls have no place or "
            "period: they hold for any claim about the event.",
            [{"title": "US National Park Service, Pearl Harbor National Memorial", "path": NPS},
             {"title": "Brown University, Costs of War", "path": COSTS_OF_WAR},
             {"title": "DoD Defense Casualty Analysis System", "path": DCAS},
             {"title": "CRS In Focus, Trends in Active-Duty Military Deaths 2006-2021",
              "path": CRS_IF10899}, FACT_SHEET],
            event_rows(),
        ),
        Dataset(
            "other",
            "Other figures: Merida Initiative, border wall, Mexico population and military "
            "spending, US citizens in Mexico, traced guns, US illicit drug spending",
            "Single figures from official and research sources; only confirmed figures.",
            [{"title": "US State Department", "path": STATE_MEXICO},
             {"title": "Congressional Research Service R41349", "path": CRS_R41349},
             {"title": "SIPRI, Trends in World Military Expenditure, 2024", "path": SIPRI_2024},
             {"title": "RAND RR-3140", "path": RAND_RR3140}, FACT_SHEET],
            other_rows(),
        ),
    ]  # fmt: skip


# --- Writing -----------------------------------------------------------------------------------


def format_number(value: float | None) -> str:
    """Plain decimal text, no exponent and no trailing ".0": 16700000000, 12.3, -26.2."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def write_csv(dataset: Dataset, directory: Path) -> None:
    rows = sorted(merge_duplicates(dataset.rows, dataset.name), key=sort_key)
    with (directory / f"{dataset.name}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            record = asdict(row)
            for name in ("value", "low", "high"):
                record[name] = format_number(record[name])
            writer.writerow(record)
    dataset.rows = rows


DATE_PATTERN = r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
PERIOD_PATTERN = f"{DATE_PATTERN}(/{DATE_PATTERN})?"

FIELDS = [
    {"name": "measure", "type": "string", "title": "Measure id",
     "description": "Dotted measure id, as in the catalog (claims.yaml).",
     "constraints": {"required": True, "pattern": r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*"}},
    {"name": "place", "type": "string", "title": "Place",
     "description": "ISO 3166 code (US, MX); empty: the figure holds for any place.",
     "constraints": {"pattern": r"[A-Z]{2}(-[A-Z0-9]{1,3})?"}},
    {"name": "period", "type": "string", "title": "Period",
     "description": "ISO 8601 year, month, date or interval (2021, 2023-05/2024-04); "
                    "empty: the figure holds for any period.",
     "constraints": {"pattern": PERIOD_PATTERN}},
    {"name": "value", "type": "number", "title": "Value",
     "description": "The figure in unit, as stated (the midpoint when only a range is given).",
     "constraints": {"required": True}},
    {"name": "low", "type": "number", "title": "Low",
     "description": "Lower bound when the source states a range or 'more than'; empty: none."},
    {"name": "high", "type": "number", "title": "High",
     "description": "Upper bound when the source states a range or 'almost'; empty: none."},
    {"name": "unit", "type": "string", "title": "Unit",
     "description": "A unit string factcheck's pint registry parses (count, percent, USD, ...).",
     "constraints": {"required": True}},
    {"name": "status", "type": "string", "title": "Status",
     "description": "How firm the figure is; see README.md.",
     "constraints": {"required": True, "enum": STATUSES}},
    {"name": "vintage", "type": "string", "title": "Vintage",
     "description": "Release (YYYY or YYYY-MM) of a provisional figure; empty for final ones.",
     "constraints": {"pattern": r"\d{4}(-\d{2})?"}},
    {"name": "source", "type": "string", "title": "Source",
     "description": "Who published the figure and where it was read.",
     "constraints": {"required": True}},
    {"name": "url", "type": "string", "title": "Addresses",
     "description": "Source addresses, separated by ' ; '."},
    {"name": "note", "type": "string", "title": "Note",
     "description": "Definitions and caveats, including the fact sheet's own status wording."},
]  # fmt: skip


def write_datapackage(all_datasets: list[Dataset], directory: Path) -> None:
    package = {
        "name": "factcheck-references",
        "title": "factcheck reference datasets: US overdose deaths, CPI-U, Mexico homicides, "
        "fentanyl, death tolls and other official figures",
        "description": "Official figures that factcheck checks numeric claims against. Built "
        "by build.py from the project's sourced fact sheet; every row carries its source, "
        "address and status. See README.md.",
        "licenses": [
            {
                "name": "CC0-1.0",
                "title": "CC0 1.0 (this compilation); the figures are facts from the cited "
                "public sources, which keep their own terms",
                "path": "https://creativecommons.org/publicdomain/zero/1.0/",
            }
        ],
        "sources": [
            FACT_SHEET,
            {
                "title": "CDC NCHS, National Vital Statistics System",
                "path": "https://www.cdc.gov/nchs/nvss/",
            },
            {"title": "US Bureau of Labor Statistics, CPI", "path": "https://www.bls.gov/cpi/"},
            {"title": "INEGI, mortalidad", "path": INEGI_SERIES},
        ],
        "resources": [
            {
                "name": dataset.name,
                "path": f"{dataset.name}.csv",
                "title": dataset.title,
                "description": dataset.description,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "sources": dataset.sources,
                "schema": {"fields": FIELDS, "primaryKey": KEY, "missingValues": [""]},
            }
            for dataset in all_datasets
        ],
    }
    text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    (directory / "datapackage.json").write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else DEFAULT_SHARED
    if not (shared / "FACTS.md").is_file():
        print(f"{shared}: no shared reference data; the committed files are left as they are")
        return 0
    all_datasets = datasets(shared)
    for dataset in all_datasets:
        write_csv(dataset, HERE)
        print(f"{dataset.name}.csv: {len(dataset.rows)} rows")
    write_datapackage(all_datasets, HERE)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
