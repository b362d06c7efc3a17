"""The catalog: the shipped claims.yaml, validation errors with file:line, measure matching on
hand-made claims (the traps of the seed domain), relations and intervals, and regex safety.

Every example sentence here is written for these tests; none is taken from the seed corpus.
"""

from __future__ import annotations

import math
import os
import re
import textwrap
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from growth import FACTOR, LIMIT, growth

from factcheck.catalog import (
    Catalog,
    Tolerance,
    catalog_schema,
    default_catalog_path,
    load_catalog,
)
from factcheck.errors import ConfigError
from factcheck.interval import Interval
from factcheck.match import (
    match_claims,
    match_measure,
    normalize_noun,
    rank_measures,
    units_compatible,
)
from factcheck.match.frame import read_frames
from factcheck.model import Claim
from factcheck.regex_safety import UnsafePattern, check_linear
from factcheck.relations import RelationSyntaxError, evaluate, holds, parse_relation

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "claims.yaml")


# -- the shipped catalog ------------------------------------------------------------------


def test_shipped_catalog_loads_and_is_the_packaged_one(catalog: Catalog) -> None:
    packaged = default_catalog_path()
    assert packaged.name == "claims.yaml"
    link = ROOT / "factcheck" / "data" / "claims.yaml"
    assert link.is_symlink() and os.readlink(link) == "../../claims.yaml"
    assert packaged.resolve() == (ROOT / "claims.yaml").resolve()
    assert load_catalog(packaged).measures == catalog.measures


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(catalog_schema())


def test_shipped_catalog_covers_the_domain(catalog: Catalog) -> None:
    drugs = [
        "all_drugs",
        "any_opioid",
        "synthetic_opioids",
        "heroin",
        "prescription_opioids",
        "cocaine",
        "psychostimulants",
    ]
    wanted = [f"us.overdose_deaths.{d}" for d in drugs]
    wanted += [f"us.overdose_deaths.{d}.rate" for d in drugs]
    wanted += [
        "us.cpi_u.annual_average",
        "mx.homicides.inegi",
        "mx.homicides.sesnsp",
        "fentanyl.lethal_dose",
        "fentanyl.potency_vs_morphine",
        "fentanyl.potency_vs_heroin",
        "fentanyl.doses_per_kilogram",
        "fentanyl.pills_per_kilogram",
        "fentanyl.street_price_per_pill",
        "fentanyl.wholesale_price_per_pill",
        "fentanyl.street_value_per_kilogram",
        "events.pearl_harbor.deaths",
        "events.sept_11.deaths",
        "us.military_deaths.post_9_11_wars",
        "mx.military_expenditure",
        "mx.us_citizens_resident",
        "mx.guns_traced_to_us.share",
        "us.illicit_drug_spending",
        "us.border_wall.miles",
        "mx.population",
        "us.merida_initiative.funding",
        "us.plan_colombia.funding",
        "mx.security_forces.personnel",
        "mx.national_guard.size",
    ]
    missing = [m for m in wanted if m not in catalog]
    assert not missing
    for measure in catalog.measures:
        assert measure.label and measure.tolerance is not None
    assert catalog.measure("fentanyl.lethal_dose").tolerance.relative == 0
    assert catalog.measure("us.overdose_deaths.all_drugs").tolerance.relative == 0.03
    ids = {r.id for r in catalog.relations}
    assert {"lethal-doses-per-kilogram", "street-price-per-pill"} <= ids


def test_potency_tolerance_keeps_a_50_to_100_range_consistent(catalog: Catalog) -> None:
    morphine = catalog.measure("fentanyl.potency_vs_morphine").tolerance
    heroin = catalog.measure("fentanyl.potency_vs_heroin").tolerance
    # The midpoint of "50 to 100 times" agrees with the reference 100, whichever way the
    # relative difference is taken...
    assert morphine.widen(Interval.point(75, "dimensionless")).contains(100)
    assert morphine.widen(Interval.point(100, "dimensionless")).contains(75)
    # ...but swapping the two drugs' figures is still a mismatch.
    assert not morphine.widen(Interval.point(100, "dimensionless")).contains(50)
    assert not heroin.widen(Interval.point(50, "dimensionless")).contains(100)


# -- validation errors --------------------------------------------------------------------

BASE = """\
version: 1
defaults:
  tolerance: 2%
measures:
  - {id: a.one, label: One, unit: count, terms: {all: ['one']}}
  - {id: a.two, label: Two, unit: count, terms: {all: ['two']}}
  - id: a.three
    label: Three
    unit: count
    terms:
      all: ['three']
  - id: a.four
    label: Four
    unit: count
"""


def _replace_last(text: str, old: str, new: str) -> str:
    head, found, tail = text.rpartition(old)
    assert found, old
    return head + new + tail


def _load_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Catalog:
    monkeypatch.chdir(tmp_path)
    Path("claims.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_catalog("claims.yaml")


def _error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        _load_text(tmp_path, monkeypatch, text)
    return str(info.value)


def test_the_base_of_the_error_tests_is_valid(tmp_path, monkeypatch) -> None:
    assert len(_load_text(tmp_path, monkeypatch, BASE).measures) == 4


def test_unknown_unit(tmp_path, monkeypatch) -> None:
    text = _replace_last(BASE, "    unit: count\n", "    unit: deathz\n")
    message = _error(tmp_path, monkeypatch, text)
    assert message == "claims.yaml:14: measures[3].unit: 'deathz' is not a unit factcheck knows"


def test_yaml_control_character_names_its_line(tmp_path, monkeypatch) -> None:
    message = _error(tmp_path, monkeypatch, BASE + "  - id: bad\x01id\n")
    assert message == (
        "claims.yaml:15: invalid YAML: control characters are not allowed (character #x0001)"
    )


def test_yaml_syntax_error(tmp_path, monkeypatch) -> None:
    message = _error(tmp_path, monkeypatch, BASE + "  - id: [unclosed\n")
    assert message.startswith("claims.yaml:15") or message.startswith("claims.yaml:16")
    assert "invalid YAML" in message


def test_duplicate_yaml_key(tmp_path, monkeypatch) -> None:
    message = _error(tmp_path, monkeypatch, BASE + "    label: Again\n")
    assert message.startswith("claims.yaml:15: measures[3].label: duplicate key")


def test_duplicate_measure_id(tmp_path, monkeypatch) -> None:
    message = _error(tmp_path, monkeypatch, BASE.replace("id: a.four", "id: a.two"))
    assert message == "claims.yaml:12: measures[3].id: 'a.two' is already defined on line 6"


def test_invalid_regex(tmp_path, monkeypatch) -> None:
    message = _error(tmp_path, monkeypatch, BASE.replace("all: ['three']", "all: ['thr(ee']"))
    assert message.startswith("claims.yaml:11: measures[2].terms.all[0]: 'thr(ee' is refused")
    assert "missing )" in message


def test_a_backreference_is_refused_with_its_line(tmp_path, monkeypatch) -> None:
    # Catalog patterns run on RE2 (linear time whatever the pattern), which cannot run one.
    text = BASE.replace("all: ['three']", "all: ['(a)\\1']")
    message = _error(tmp_path, monkeypatch, text)
    assert message.startswith("claims.yaml:11: measures[2].terms.all[0]: '(a)\\1' is refused")
    assert "RE2" in message


def test_schema_violations_name_the_field(tmp_path, monkeypatch) -> None:
    message = _error(tmp_path, monkeypatch, BASE.replace("    label: Four\n", ""))
    assert message == "claims.yaml:12: measures[3]: missing field 'label'"
    message = _error(tmp_path, monkeypatch, BASE + "    untis: count\n")
    assert message.startswith("claims.yaml:15: measures[3].untis: unknown field 'untis'")
    message = _error(tmp_path, monkeypatch, BASE.replace("tolerance: 2%", "tolerance: two percent"))
    assert message.startswith("claims.yaml:3: defaults.tolerance: 'two percent' is not a tolerance")
    message = _error(tmp_path, monkeypatch, BASE.replace("id: a.four", "id: A-Four"))
    assert message.startswith("claims.yaml:12: measures[3].id: 'A-Four' is not a measure id")
    message = _error(tmp_path, monkeypatch, BASE.replace("version: 1", "version: 2"))
    assert message.startswith("claims.yaml:1: version: 2 is not supported")


def test_every_problem_is_reported(tmp_path, monkeypatch) -> None:
    text = _replace_last(BASE, "    unit: count\n", "    unit: deathz\n").replace(
        "'two'", "'(x)\\1'"
    )
    lines = _error(tmp_path, monkeypatch, text).splitlines()
    assert [line.split(":")[1] for line in lines] == ["6", "14"]


def test_absolute_tolerance_must_fit_the_unit(tmp_path, monkeypatch) -> None:
    message = _error(tmp_path, monkeypatch, BASE + "    tolerance: 0.5 mg\n")
    assert message.startswith("claims.yaml:15: measures[3].tolerance: '0.5 mg' cannot be compared")
    catalog = _load_text(tmp_path, monkeypatch, BASE + "    tolerance: 500\n")
    assert catalog.measure("a.four").tolerance.absolute == 500


RELATION = BASE + "relations:\n  - id: r1\n    expr: EXPR\n"


def _relation(expr: str) -> str:
    return RELATION.replace("EXPR", expr)


def test_relation_errors(tmp_path, monkeypatch) -> None:
    message = _error(tmp_path, monkeypatch, _relation("a.one == a.nine * 2"))
    assert message == "claims.yaml:17: relations[0].expr: unknown measure 'a.nine'"
    message = _error(tmp_path, monkeypatch, _relation("a.one == __import__('os')"))
    assert message.startswith("claims.yaml:17: relations[0].expr:")
    message = _error(tmp_path, monkeypatch, _relation("a.one == a.two + 1 kg"))
    assert message.startswith("claims.yaml:17: relations[0].expr: the two sides are not comparable")
    catalog = _load_text(tmp_path, monkeypatch, _relation("a.one >= a.two + a.three"))
    assert catalog.relations[0].measures == {"a.one", "a.two", "a.three"}


def test_suppression_needs_a_reason(tmp_path, monkeypatch) -> None:
    text = BASE + "suppress:\n  - claim: drafts/brief.md:12\n"
    message = _error(tmp_path, monkeypatch, text)
    assert message.startswith("claims.yaml:16: suppress[0]: missing field 'reason'")
    text = BASE + "suppress:\n  - claim: drafts/brief.md:12\n    reason: '  '\n"
    assert _error(tmp_path, monkeypatch, text).startswith("claims.yaml:17: suppress[0].reason:")


def test_suppression_matches_path_line_id_and_measure(tmp_path, monkeypatch) -> None:
    text = BASE + textwrap.dedent(
        """\
        suppress:
          - claim: drafts/brief.md:12
            reason: the next sentence says this is all overdoses
          - measure: a.two
            rule: contradiction
            reason: two definitions in use
        """
    )
    catalog = _load_text(tmp_path, monkeypatch, text)
    claim = _claim("One hundred deaths.", "One hundred", line=12, doc="/work/drafts/brief.md")
    assert catalog.suppression_for(claim) is catalog.suppressions[0]
    assert catalog.suppression_for(replace(claim, line=13)) is None
    other = replace(claim, line=3, measure="a.two")
    assert catalog.suppression_for(other, "contradiction") is catalog.suppressions[1]
    assert catalog.suppression_for(other, "reference-mismatch") is None


def test_tolerance_parsing() -> None:
    assert Tolerance.parse("2%").relative == 0.02
    assert Tolerance.parse(500).absolute == 500
    tolerance = Tolerance.parse("0.5 mg")
    assert (tolerance.absolute, tolerance.unit) == (0.5, "mg")
    assert tolerance.margin(2, "microgram") == pytest.approx(500)
    with pytest.raises(ValueError):
        Tolerance.parse("a lot")


# -- matching -----------------------------------------------------------------------------


def _claim(
    sentence: str,
    surface: str,
    unit: str = "count",
    kind: str = "count",
    noun: str | None = None,
    place: str | None = None,
    line: int = 1,
    doc: str = "draft.md",
) -> Claim:
    start = sentence.find(surface)
    assert start >= 0, surface
    return Claim(
        doc=doc,
        start=start,
        end=start + len(surface),
        line=line,
        column=start + 1,
        end_line=line,
        end_column=start + len(surface) + 1,
        surface=surface,
        sentence=sentence,
        value=None,
        low=None,
        high=None,
        unit=unit,
        qualifier="exact",
        kind=kind,
        noun=noun,
        place=place,
        sentence_offset=start,
    )


def _match(catalog: Catalog, claim: Claim) -> str | None:
    return match_measure(claim, catalog, claim.sentence)


def test_soldiers_and_homicides_are_different_measures(catalog: Catalog) -> None:
    deployed = "Last spring the government sent 33,000 soldiers to patrol the northern states."
    killed = "In a single bad year, 33,000 people were killed across Mexico."
    war = "Roughly 33,000 US soldiers died in the war on terror, by one count."
    claims = [
        _claim(deployed, "33,000", noun="soldiers", place="MX"),
        _claim(killed, "33,000", noun="people", place="MX"),
        _claim(war, "33,000", noun="US soldiers", place="US"),
    ]
    assert [_match(catalog, c) for c in claims] == [
        "mx.security_forces.troops_deployed",
        "mx.homicides.inegi",
        "us.military_deaths.post_9_11_wars",
    ]


def test_designations_are_not_a_list_of_mexican_cartels(catalog: Catalog) -> None:
    eight = "An order told officials to designate eight cartels as terrorist organizations."
    six = "Weeks later, six Mexican cartels were named on the list of FTOs."
    first = _match(catalog, _claim(eight, "eight", noun="cartels"))
    second = _match(catalog, _claim(six, "six", noun="Mexican cartels", place="MX"))
    assert first == "us.fto_designations.cartels"
    assert second == "us.fto_designations.mexican_cartels"
    assert first != second


def test_potency_is_named_by_the_drug_after_than(catalog: Catalog) -> None:
    text = (
        "The powder is fifty times stronger than heroin, and roughly a hundred times more "
        "potent than morphine."
    )
    heroin = _claim(text, "fifty times", unit="dimensionless", kind="multiplier")
    morphine = _claim(text, "a hundred times", unit="dimensionless", kind="multiplier")
    assert _match(catalog, heroin) == "fentanyl.potency_vs_heroin"
    assert _match(catalog, morphine) == "fentanyl.potency_vs_morphine"
    ranged = "Reports call it 50 to 100 times more potent than morphine."
    claim = _claim(ranged, "50 to 100 times", unit="dimensionless", kind="multiplier")
    assert _match(catalog, claim) == "fentanyl.potency_vs_morphine"


def test_two_milligrams_is_the_lethal_dose_but_a_few_is_not(catalog: Catalog) -> None:
    exact = "As little as two milligrams of the powder can kill an adult."
    vague = "Officials warn that a few milligrams may be fatal to a child."
    dose = _claim(exact, "two milligrams", unit="milligram", kind="measurement")
    few = _claim(vague, "a few milligrams", unit="milligram", kind="measurement")
    assert _match(catalog, dose) == "fentanyl.lethal_dose"
    assert _match(catalog, few) is None


def test_a_named_drug_beats_the_total(catalog: Catalog) -> None:
    fentanyl = "The country counted over 100,000 fentanyl overdoses in 2021, a grim record."
    total = "Officials reported 107,000 drug overdose deaths that year."
    claim = _claim(fentanyl, "over 100,000", noun="fentanyl overdoses")
    assert _match(catalog, claim) == "us.overdose_deaths.synthetic_opioids"
    assert _match(catalog, _claim(total, "107,000", noun="drug overdose deaths")) == (
        "us.overdose_deaths.all_drugs"
    )
    heroin = "Deaths from heroin fell to 5,900 as the supply changed."
    assert _match(catalog, _claim(heroin, "5,900")) == "us.overdose_deaths.heroin"


def test_pills_seizures_and_doses_are_not_deaths(catalog: Catalog) -> None:
    pills = "Chemists can press a kilogram of the drug into 500,000 fentanyl pills."
    doses = "One kilogram holds enough to kill 500,000 people, officials say."
    seized = "Agents at the border seized 4,000 pounds of fentanyl in those months."
    pill_claim = _claim(pills, "500,000", noun="fentanyl pills")
    assert _match(catalog, pill_claim) == "fentanyl.pills_per_kilogram"
    assert _match(catalog, _claim(doses, "500,000", noun="people")) == (
        "fentanyl.doses_per_kilogram"
    )
    weight = _claim(seized, "4,000 pounds", unit="pound", kind="measurement")
    assert not (_match(catalog, weight) or "").startswith("us.overdose_deaths")
    frame = read_frames(pills, [pill_claim])[0]
    ranked = [r.measure for r in rank_measures(pill_claim, catalog, pills, frame)]
    assert not any(m.startswith("us.overdose_deaths") for m in ranked)


def test_kilogram_prices_follow_the_nearest_word(catalog: Catalog) -> None:
    text = (
        "A kilogram of the drug, bought for $30,000, becomes pills with a street value of "
        "$15 million once pressed."
    )
    bought = _claim(text, "$30,000", unit="USD", kind="money")
    value = _claim(text, "$15 million", unit="USD", kind="money")
    match_claims([bought, value], catalog)  # a sentence's numbers are read together
    assert bought.measure == "fentanyl.wholesale_price_per_kilogram"
    assert value.measure == "fentanyl.street_value_per_kilogram"
    street = "Dealers sell each pill for $10 on the street."
    price = _claim(street, "$10", unit="USD", kind="money")
    assert _match(catalog, price) == "fentanyl.street_price_per_pill"


def test_units_of_different_sorts_never_cross(catalog: Catalog) -> None:
    text = "Overdose deaths rose by 30 percent in the year."
    share = _claim(text, "30 percent", unit="percent", kind="percent")
    assert _match(catalog, share) is None
    rate = "The overdose death rate reached 32.6 per 100,000 people."
    rate_claim = _claim(rate, "32.6 per 100,000", unit="per_100k", kind="rate")
    assert _match(catalog, rate_claim) == "us.overdose_deaths.all_drugs.rate"
    times = "Overdose deaths were 3 times the toll of car crashes."
    assert (
        _match(catalog, _claim(times, "3 times", unit="dimensionless", kind="multiplier")) is None
    )
    assert not units_compatible("count", "percent")
    assert not units_compatible("count", "dimensionless")
    assert not units_compatible("USD", "MXN")
    assert not units_compatible("per_100k", "count")
    assert units_compatible("kilogram", "milligram")
    assert units_compatible("percent", "count", change=True)
    assert not units_compatible("percentage_point", "count", change=True)


def test_changes_match_the_measure_that_changed(catalog: Catalog) -> None:
    text = "Drug overdose deaths fell 27 percent from the year before."
    change = _claim(text, "27 percent", unit="percent", kind="change")
    assert _match(catalog, change) == "us.overdose_deaths.all_drugs"
    text = "The overdose death rate fell 26 percent in one year."
    rate_change = _claim(text, "26 percent", unit="percent", kind="change")
    assert _match(catalog, rate_change) == "us.overdose_deaths.all_drugs.rate"
    # A constant does not change.
    text = "A lethal overdose now takes 10 percent less of the drug."
    assert _match(catalog, _claim(text, "10 percent", unit="percent", kind="change")) != (
        "fentanyl.lethal_dose"
    )


def test_place_must_agree(catalog: Catalog) -> None:
    text = "About 40,000 people died of drug overdoses last year."
    assert _match(catalog, _claim(text, "40,000", place=None)) == "us.overdose_deaths.all_drugs"
    assert _match(catalog, _claim(text, "40,000", place="United States")) == (
        "us.overdose_deaths.all_drugs"
    )
    assert _match(catalog, _claim(text, "40,000", place="MX")) is None
    killed = "Some 30,000 people were murdered in the year."
    assert _match(catalog, _claim(killed, "30,000", noun="people", place="US")) is None


def test_presidential_terms_are_not_a_year(catalog: Catalog) -> None:
    term = "Under López Obrador's six-year term, 190,000 homicides were recorded."
    year = "During the final year of Peña Nieto in office, 34,000 people were murdered."
    assert _match(catalog, _claim(term, "190,000", noun="homicides", place="MX")) == (
        "mx.homicides.lopez_obrador_term"
    )
    assert _match(catalog, _claim(year, "34,000", noun="people", place="MX")) == (
        "mx.homicides.inegi"
    )


def test_comparison_with_an_event_keeps_both_numbers_apart(catalog: Catalog) -> None:
    text = (
        "That year 70,000 Americans died of overdoses, far more than the 2,403 killed at "
        "Pearl Harbor."
    )
    assert _match(catalog, _claim(text, "70,000", noun="Americans")) == (
        "us.overdose_deaths.all_drugs"
    )
    assert _match(catalog, _claim(text, "2,403", noun="killed")) == "events.pearl_harbor.deaths"


def test_narrower_tolls_and_counts_stay_narrow(catalog: Catalog) -> None:
    iraq = "About 4,400 American troops died in the war in Iraq."
    both = "Over 7,000 US service members died in Iraq and Afghanistan."
    assert _match(catalog, _claim(iraq, "4,400", noun="American troops")) == (
        "us.military_deaths.oif"
    )
    assert _match(catalog, _claim(both, "7,000", noun="US service members")) == (
        "us.military_deaths.post_9_11_wars"
    )
    hijackers = "The attacks of September 11 killed 2,996, including the hijackers."
    assert _match(catalog, _claim(hijackers, "2,996")) == (
        "events.sept_11.deaths_including_hijackers"
    )
    big_two = "The two dominant cartels split the border crossings between them."
    assert _match(catalog, _claim(big_two, "two", noun="dominant cartels", place="MX")) is None
    groups = "Analysts now count more than 150 criminal groups in the country."
    claim = _claim(groups, "150", noun="criminal groups", place="MX")
    assert _match(catalog, claim) == "mx.criminal_groups"


def test_the_choice_does_not_depend_on_catalog_order(catalog: Catalog) -> None:
    reversed_catalog = replace(catalog, measures=tuple(reversed(catalog.measures)), _by_id={})
    texts = [
        ("The drug is fifty times more potent than heroin.", "fifty times", "dimensionless"),
        ("Over 100,000 fentanyl overdoses were counted.", "Over 100,000", "count"),
        ("Exports fell 5 percent.", "5 percent", "percent"),
    ]
    for text, surface, unit in texts:
        kind = {"dimensionless": "multiplier", "count": "count", "percent": "change"}[unit]
        claim = _claim(text, surface, unit=unit, kind=kind)
        assert _match(catalog, claim) == _match(reversed_catalog, claim)


def test_the_number_is_found_even_when_repeated(catalog: Catalog) -> None:
    text = "A kilogram bought for $20,000 in one city had a street value of $20,000 in another."
    first = _claim(text, "$20,000", unit="USD", kind="money")
    second = _claim(text, "$20,000", unit="USD", kind="money")
    second.sentence_offset = text.rindex("$20,000")
    match_claims([first, second], catalog)
    assert first.measure == "fentanyl.wholesale_price_per_kilogram"
    assert second.measure == "fentanyl.street_value_per_kilogram"


def test_normalize_noun() -> None:
    assert normalize_noun("the Fentanyl  Overdoses") == "fentanyl overdose"
    assert normalize_noun("an overdose") == "overdose"
    assert normalize_noun("Mexico’s fatalities") == "mexico fatality"
    assert normalize_noun("American soldiers") == normalize_noun("american soldier")
    assert normalize_noun("US citizens") == "us citizen"
    assert normalize_noun(None) == ""


# -- relations and intervals --------------------------------------------------------------


def test_parse_relation() -> None:
    relation = parse_relation("fentanyl.doses_per_kilogram == 1 kg / fentanyl.lethal_dose")
    assert relation.op == "=="
    assert relation.measures == {"fentanyl.doses_per_kilogram", "fentanyl.lethal_dose"}
    relation = parse_relation(
        "fentanyl.street_value_per_kilogram == fentanyl.pills_per_kilogram * "
        "fentanyl.street_price_per_pill"
    )
    assert len(relation.measures) == 3
    assert parse_relation("a.b >= (c.d - 2.5) / 1e3").op == ">="


@pytest.mark.parametrize(
    "text",
    [
        "a.b",
        "a.b == c.d == e.f",
        "a.b < c.d",
        "a.b == c.d ** 2",
        "a.b == f(c.d)",
        "a.b == c.d[0]",
        "a.b == 'text'",
        "a.b == 2 zorks",
        "a.b == (lambda: 1)()",
        "a.b == c.d.__class__",
    ],
)
def test_parse_relation_refuses_anything_else(text: str) -> None:
    with pytest.raises(RelationSyntaxError):
        parse_relation(text)


def test_kilogram_over_lethal_dose_is_half_a_million() -> None:
    relation = parse_relation("fentanyl.doses_per_kilogram == 1 kg / fentanyl.lethal_dose")
    values = {
        "fentanyl.doses_per_kilogram": Interval.point(500_000, "count"),
        "fentanyl.lethal_dose": Interval.point(2, "milligram"),
    }
    lhs, rhs = evaluate(relation, values)
    assert rhs.unit == "dimensionless"
    assert rhs.low == pytest.approx(500_000) and rhs.high == pytest.approx(500_000)
    assert holds(relation, lhs, rhs)
    values["fentanyl.doses_per_kilogram"] = Interval.point(50_000, "count")
    assert not holds(relation, *evaluate(relation, values))
    with pytest.raises(KeyError):
        evaluate(relation, {"fentanyl.lethal_dose": Interval.point(2, "milligram")})


def test_street_value_relation_with_money(catalog: Catalog) -> None:
    relation = next(r for r in catalog.relations if r.id == "street-price-per-pill")
    values = {
        "fentanyl.street_value_per_kilogram": Interval(10e6, 30e6, "USD"),
        "fentanyl.pills_per_kilogram": Interval.point(1e6, "count"),
        "fentanyl.street_price_per_pill": Interval.point(20, "USD"),
    }
    lhs, rhs = evaluate(relation.parsed, values)
    assert rhs.to("USD").low == pytest.approx(10) and rhs.to("USD").high == pytest.approx(30)
    assert holds(relation.parsed, lhs, rhs)
    values["fentanyl.street_price_per_pill"] = Interval.point(0.5, "USD")
    assert not holds(relation.parsed, *evaluate(relation.parsed, values))


def test_interval_arithmetic_with_units() -> None:
    total = Interval(1, 2, "gram") + Interval.point(500, "milligram")
    assert (total.low, total.high, total.unit) == (1.5, 2.5, "gram")
    difference = Interval(10, 20, "count") - Interval(1, 2, "count")
    assert (difference.low, difference.high) == (8, 19)
    product = Interval(-2, 3, "dimensionless") * Interval(4, 5, "dimensionless")
    assert (product.low, product.high) == (-10, 15)
    more_than = Interval(400_000, math.inf, "count") * Interval.point(0.5, "USD")
    assert (more_than.low, more_than.high) == (200_000, math.inf)
    assert Interval(1, 2, "count").to("dimensionless").high == 2
    with pytest.raises(ValueError):
        Interval.point(1, "gram") + Interval.point(1, "USD")


def test_division_by_an_interval_holding_zero_is_unbounded() -> None:
    whole = Interval(1, 2) / Interval(-1, 1)
    assert (whole.low, whole.high) == (-math.inf, math.inf)
    half = Interval(1, 2) / Interval(0, 4)
    assert (half.low, half.high) == (0.25, math.inf)
    zero = Interval(1, 2) / Interval.point(0)
    assert (zero.low, zero.high) == (-math.inf, math.inf)
    normal = Interval(1, 2) / Interval(4, 8)
    assert (normal.low, normal.high) == (0.125, 0.5)


def test_interval_from_claim() -> None:
    claim = _claim("More than 70,000 died.", "More than 70,000")
    claim.low, claim.value = 70_000, 70_000
    assert Interval.from_claim(claim) == Interval(70_000, math.inf, "count")
    claim.low = None
    assert Interval.from_claim(claim) == Interval.point(70_000, "count")


# -- regular expressions ------------------------------------------------------------------


@pytest.mark.parametrize("pattern", ["(a+)+", "(?:\\w+\\s)*x", "(x[ab]*)*", "\\d+\\d*", "(a)\\1"])
def test_super_linear_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(UnsafePattern):
        check_linear(pattern)


@pytest.mark.parametrize("pattern", ["(?:\\s|,)+", "calder[oó]n", "than (?:medical )?morphine"])
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    assert check_linear(pattern).search("Calderón than morphine , ,")


# Shapes that make a backtracking engine take exponential or quadratic time, as makers of a
# text of n repetitions; compared at two sizes (tests/growth.py).
PATHOLOGICAL = [
    lambda n: "a" * n,
    lambda n: " " * n,
    lambda n: "since " * (n // 6),
    lambda n: "9/11 " * (n // 5),
    lambda n: "kilo" * (n // 4) + "!",
    lambda n: "1," * (n // 2),
    lambda n: "post-" * (n // 5) + "9/1",
    lambda n: "ó" * n + "x",
]


def test_every_shipped_pattern_is_fast_on_pathological_input(catalog: Catalog) -> None:
    patterns: dict[str, re.Pattern[str]] = {}
    for measure in catalog.measures:
        for pattern in (
            *measure.all_terms,
            *measure.any_terms,
            *measure.none_terms,
            *measure.nouns,
        ):
            patterns[pattern.pattern] = pattern
    assert len(patterns) > 50

    def search_all(texts: list[str]) -> None:
        for pattern in patterns.values():
            for text in texts:
                pattern.search(text)
                list(pattern.finditer(text))

    ratio = growth(lambda n: [make(n) for make in PATHOLOGICAL], search_all, 2500)
    assert ratio < LIMIT, f"{FACTOR}x the input took {ratio:.1f}x the time"


def test_named_periods_are_validated(tmp_path) -> None:
    from factcheck.errors import ConfigError

    good = "version: 1\nmeasures: []\nperiods:\n  - names: [Ana Ruiz]\n    spans: ['2024-10/2030-09']\n"
    path = tmp_path / "claims.yaml"
    path.write_text(good)
    [period] = load_catalog(path).periods
    assert period.names == ("Ana Ruiz",) and period.spans == ("2024-10/2030-09",)
    path.write_text(good.replace("2024-10/2030-09", "2030/2024"))
    with pytest.raises(
        ConfigError, match=r"claims.yaml:5: periods\[0\].spans\[0\]: .*ends before it starts"
    ):
        load_catalog(path)
    path.write_text(good.replace("2024-10/2030-09", "last year"))
    with pytest.raises(ConfigError, match=r"claims.yaml:5"):
        load_catalog(path)


def test_a_catalog_found_valid_is_remembered_and_a_changed_or_invalid_one_is_checked(tmp_path):
    memo = tmp_path / "valid-catalogs"
    shipped = load_catalog(default_catalog_path(), validated=memo)
    assert len(list(memo.iterdir())) == 1
    assert load_catalog(default_catalog_path(), validated=memo).measures == shipped.measures
    # Data the memo has not seen is validated: a schema problem is still reported, each time,
    # and never remembered.
    bad = tmp_path / "claims.yaml"
    bad.write_text("version: 1\nmeasures:\n  - id: a.b\n    unit: count\n    colour: red\n")
    for _ in range(2):
        with pytest.raises(ConfigError, match="unknown field 'colour'"):
            load_catalog(bad, validated=memo)
    assert len(list(memo.iterdir())) == 1
