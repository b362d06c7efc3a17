"""The shipped reference datasets and their loader (factcheck/references.py)."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from growth import FACTOR, LIMIT, growth

from factcheck import references
from factcheck.errors import ConfigError
from factcheck.references import (
    STATUSES,
    default_references_dir,
    format_reference_list,
    format_reference_show,
    load_references,
)
from factcheck.regex_safety import check_linear
from factcheck.units import parse_unit

REPO_REFERENCES = Path(__file__).resolve().parent.parent / "references"

SMALL_PACKAGE = {
    "name": "test",
    "resources": [
        {
            "name": "events",
            "path": "events.csv",
            "title": "Death tolls",
            "schema": {"primaryKey": ["measure", "place", "period", "status"]},
        }
    ],
}
HEADER = "measure,place,period,value,low,high,unit,status,source,url,note\n"
GOOD_ROWS = [
    "events.pearl_harbor.deaths,,,2403,,,count,final-secondary,NPS,https://www.nps.gov/perl/,\n",
    "us.military_deaths.post_9_11_wars,US,,7000,7000,,count,final,Costs of War,,over 7000\n",
    "fentanyl.lethal_dose,,,2,,,milligram,final,DEA,,\n",
    "us.overdose_deaths.all_drugs,US,2021,106699,,,count,final,NCHS DB 457,,\n",
    "us.overdose_deaths.all_drugs,US,2023-05/2024-04,101168,,,count,provisional,AHRQ,,\n",
]


def write_package(
    directory: Path, rows: list[str] | None = None, header: str = HEADER, package=None
) -> Path:
    """A references directory with one resource, events.csv; returns its CSV path."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "datapackage.json").write_text(json.dumps(package or SMALL_PACKAGE))
    path = directory / "events.csv"
    path.write_text(header + "".join(GOOD_ROWS if rows is None else rows))
    return path


def config_error(directory: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_references(directory)
    return str(caught.value)


# --- The shipped datasets ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return load_references(default_references_dir())


def test_shipped_references_load(shipped):
    assert set(shipped.datasets) == {
        "us_overdose_deaths",
        "us_cpi_u",
        "mexico_homicides",
        "fentanyl",
        "events",
        "other",
    }
    assert len(shipped) > 250
    for dataset in shipped.datasets.values():
        assert dataset.title and dataset.rows


def test_package_data_is_a_symlink_to_the_repository_references():
    shipped = default_references_dir()
    if not shipped.is_symlink():
        pytest.skip("installed copy, not a source checkout")
    assert shipped.resolve() == REPO_REFERENCES.resolve()


def test_synthetic_opioid_deaths_2021_is_secondary(shipped):
    rows = shipped.lookup("us.overdose_deaths.synthetic_opioids", "US", "2021")
    assert [row.value for row in rows] == [70601]
    assert rows[0].status == "final-secondary"
    assert not rows[0].confirmed
    assert rows[0].unit == "count"
    assert rows[0].dataset == "us_overdose_deaths"
    assert "nida.nih.gov" in rows[0].url


def test_lookup_orders_final_before_provisional(shipped):
    rows = shipped.lookup("us.overdose_deaths.all_drugs", "US", "2023")
    assert rows[0].value == 105007 and rows[0].status == "final"
    provisional = [(row.value, row.vintage) for row in rows[1:]]
    assert provisional == [(110037, "2025-05"), (107543, "2024-05")]


def test_twelve_month_provisional_counts_keep_their_vintages(shipped):
    rows = shipped.lookup("us.overdose_deaths.all_drugs", "US", "2022-05/2023-04")
    assert [(row.value, row.vintage) for row in rows] == [(112470, "2024-09"), (111355, "2023-09")]
    assert all(row.status == "provisional" for row in rows)
    (row,) = shipped.lookup("us.overdose_deaths.all_drugs", "US", "2023-05/2024-04")
    assert row.value == 101168


def test_unconfirmed_and_preliminary_figures_say_so(shipped):
    (heroin,) = shipped.lookup("us.overdose_deaths.heroin", "US", "2021")
    assert heroin.status == "final-unconfirmed"
    final = shipped.lookup("mx.homicides.inegi", "MX", "2024")
    assert [(row.value, row.status) for row in final] == [(33550, "final-secondary")]
    (preliminary,) = shipped.lookup("mx.homicides.inegi_preliminary", "MX", "2024")
    assert (preliminary.value, preliminary.status, preliminary.vintage) == (
        33241,
        "provisional",
        "2025-08",
    )


def test_nida_prescription_series_is_kept_apart(shipped):
    (t402,) = shipped.lookup("us.overdose_deaths.prescription_opioids", "US", "2017")
    (nida,) = shipped.lookup("us.overdose_deaths.prescription_opioids_nida", "US", "2017")
    assert (t402.value, nida.value) == (14495, 17029)


def test_rows_with_empty_place_or_period_apply_to_any(shipped):
    for place, period in [("US", "2023"), ("MX", "2019"), (None, None)]:
        (dose,) = shipped.lookup("fentanyl.lethal_dose", place, period)
        assert (dose.value, dose.unit, dose.place, dose.period) == (2, "milligram", None, None)
    (pearl,) = shipped.lookup("events.pearl_harbor.deaths", "US", "1941")
    assert pearl.value == 2403
    (troops,) = shipped.lookup("us.military_deaths.post_9_11_wars", "US", "2021")
    assert (troops.value, troops.low, troops.high) == (7000, 7000, None)
    # A row with a place still needs the claim's place to match.
    assert shipped.lookup("us.military_deaths.post_9_11_wars", "MX", "2021") == []


def test_other_named_figures(shipped):
    (sept11,) = shipped.lookup("events.sept_11.deaths", None, None)
    assert sept11.value == 2977
    (potency,) = shipped.lookup("fentanyl.potency_vs_morphine", None, None)
    assert (potency.value, potency.unit) == (100, "dimensionless")
    (heroin,) = shipped.lookup("fentanyl.potency_vs_heroin", None, None)
    assert heroin.value == 50
    (milex,) = shipped.lookup("mx.military_expenditure", "MX", "2024")
    assert (milex.value, milex.unit) == (16.7e9, "USD")
    (cpi,) = shipped.lookup("us.cpi_u.annual_average", "US", "2021")
    assert (cpi.value, cpi.unit) == (270.97, "index")
    assert all(row.status == "final" for row in shipped.series("us.merida_initiative.funding"))


def test_series_is_ordered_by_period(shipped):
    rows = shipped.series("us.overdose_deaths.all_drugs.rate")
    periods = [row.period for row in rows]
    assert periods == sorted(periods) and periods[0] == "2010" and len(rows) == 15
    assert shipped.series("no.such.measure") == []


def test_row_numbers_are_csv_lines(shipped):
    for dataset in shipped.datasets.values():
        with open(dataset.path, newline="", encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        for ref in dataset.rows:
            assert lines[ref.row - 1].startswith(f"{ref.measure},"), ref.location


@pytest.mark.parametrize("path", sorted(REPO_REFERENCES.glob("*.csv")), ids=lambda p: p.name)
def test_every_row_has_source_status_and_known_unit(path):
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for line, row in enumerate(rows, start=2):
        assert row["source"].strip(), f"{path.name}:{line}: no source"
        assert row["status"] in STATUSES, f"{path.name}:{line}: status {row['status']!r}"
        parse_unit(row["unit"])
        if row["status"].startswith("provisional") and row["measure"] != (
            "mx.homicides.inegi_preliminary"
        ):
            assert row["vintage"], f"{path.name}:{line}: provisional without vintage"


SHARED = REPO_REFERENCES.parent.parent / "shared"


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared")
def test_sources_are_described_in_the_projects_own_words():
    # The source column says who published a figure and how it was read, in the project's
    # words (references/build.py, SHARED_SOURCES): no run of ten words from the shared texts,
    # the fact sheet's CSVs and their quoted publication titles included.
    def runs(text: str, n: int = 10) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    shared: set[tuple[str, ...]] = set()
    for folder in ("seeds", "real-prose", "reference-data"):
        for path in sorted((SHARED / folder).rglob("*")):
            if path.is_file():
                shared |= runs(path.read_text(encoding="utf-8", errors="ignore"))
    quoted = []
    for path in sorted(REPO_REFERENCES.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                if runs(row["source"]) & shared:
                    quoted.append(f"{path.name}:{line}: {row['source']}")
    assert not quoted, "\n".join(quoted[:5])


def test_datapackage_describes_every_csv():
    package = json.loads((REPO_REFERENCES / "datapackage.json").read_text())
    assert package["name"] and package["title"] and package["licenses"] and package["sources"]
    paths = {resource["path"] for resource in package["resources"]}
    assert paths == {path.name for path in REPO_REFERENCES.glob("*.csv")}
    for resource in package["resources"]:
        assert resource["title"] and resource["sources"]
        assert all(source["title"] for source in resource["sources"])
        schema = resource["schema"]
        names = [field["name"] for field in schema["fields"]]
        assert set(schema["primaryKey"]) <= set(names)
        with (REPO_REFERENCES / resource["path"]).open(encoding="utf-8") as handle:
            assert handle.readline().strip().split(",") == names


def test_format_reference_list(shipped):
    text = format_reference_list(shipped)
    lines = text.splitlines()
    assert len(lines) == len(shipped.datasets)
    line = next(line for line in lines if line.startswith("fentanyl "))
    assert "10 rows" in line and "7 measures" in line and "Fentanyl" in line


def test_format_reference_show_measure_and_dataset(shipped):
    text = format_reference_show(shipped, "us.overdose_deaths.synthetic_opioids")
    assert "70,601" in text and "final-secondary" in text and "nida.nih.gov" in text
    text = format_reference_show(shipped, "fentanyl")
    assert "fentanyl.lethal_dose" in text and "milligram" in text and "any" in text
    with pytest.raises(KeyError):
        format_reference_show(shipped, "no.such.thing")


# --- Validation on broken copies --------------------------------------------------------------


def test_small_package_loads(tmp_path):
    write_package(tmp_path)
    refs = load_references(tmp_path)
    assert len(refs) == len(GOOD_ROWS)
    (row,) = refs.lookup("us.overdose_deaths.all_drugs", "US", "2021")
    assert (row.row, row.dataset, row.source) == (5, "events", "NCHS DB 457")


def test_minimal_columns_default_to_final(tmp_path):
    package = {"resources": [{"name": "events", "path": "events.csv"}]}
    header = "measure,place,period,value,unit\n"
    write_package(tmp_path, ["fentanyl.lethal_dose,,,2,milligram\n"], header, package)
    (row,) = load_references(tmp_path).lookup("fentanyl.lethal_dose", "US", "2020")
    assert (row.status, row.source, row.low) == ("final", None, None)


def test_broken_copy_of_the_shipped_references_names_file_and_line(tmp_path):
    copy = tmp_path / "references"
    shutil.copytree(REPO_REFERENCES, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = copy / "events.csv"
    lines = path.read_text().splitlines(keepends=True)
    lines[6] = lines[6].replace(",count,", ",deathz,")
    path.write_text("".join(lines))
    message = config_error(copy)
    assert f"{path}:7: unit 'deathz' is not a unit factcheck knows" in message


def test_missing_required_column(tmp_path):
    path = write_package(tmp_path, header=HEADER.replace(",unit", ""), rows=[
        "fentanyl.lethal_dose,,,2,,,final,DEA,,\n"
    ])  # fmt: skip
    message = config_error(tmp_path)
    assert f"{path}: missing required column 'unit'" in message


@pytest.mark.parametrize(
    ("bad_row", "expected"),
    [
        (",,,2,,,milligram,final,DEA,,\n", "empty value in column 'measure'"),
        ("fentanyl.lethal_dose,,,,,,milligram,final,DEA,,\n", "empty value in column 'value'"),
        ("fentanyl.lethal_dose,,,2,,,,final,DEA,,\n", "empty value in column 'unit'"),
        ("fentanyl.lethal_dose,,,two,,,milligram,final,DEA,,\n", "value 'two' is not a number"),
        ('x.deaths,US,2021,"70,601",,,count,final,S,,\n', "value '70,601' is not a number"),
        ("x.deaths,US,2021,nan,,,count,final,S,,\n", "value 'nan' is not a number"),
        ("x.deaths,US,,7000,lots,,count,final,S,,\n", "low 'lots' is not a number"),
        ("x.deaths,US,,7000,8000,,count,final,S,,\n", "value 7000 is below low 8000"),
        ("x.deaths,US,2021,5,,,deathz,final,S,,\n", "unit 'deathz' is not a unit factcheck knows"),
        ("x.deaths,US,2021,5,,,count,official,S,,\n", "status 'official' is not one of final"),
        ("x.deaths,US,2021,5,,,count,,S,,\n", "empty value in column 'status'"),
        ("x.deaths,United States,2021,5,,,count,final,S,,\n", "place 'United States' is not"),
        ("x.deaths,US,2021-22,5,,,count,final,S,,\n", "period '2021-22' is not an ISO 8601"),
        ("x.deaths,US,2021 to 2022,5,,,count,final,S,,\n", "period '2021 to 2022' is not"),
        ("x deaths,US,2021,5,,,count,final,S,,\n", "measure 'x deaths' is not a dotted id"),
        ("x..deaths,US,2021,5,,,count,final,S,,\n", "measure 'x..deaths' is not a dotted id"),
        (".x,US,2021,5,,,count,final,S,,\n", "measure '.x' is not a dotted id"),
    ],
)
def test_bad_row_names_file_and_line(tmp_path, bad_row, expected):
    path = write_package(tmp_path, GOOD_ROWS[:2] + [bad_row] + GOOD_ROWS[2:])
    message = config_error(tmp_path)
    assert f"{path}:4: {expected}" in message


def test_duplicate_key(tmp_path):
    path = write_package(tmp_path, GOOD_ROWS + [GOOD_ROWS[3].replace("106699", "106700")])
    message = config_error(tmp_path)
    assert f"{path}:7: duplicate key" in message and "first at line 5" in message


def test_same_figure_in_two_files(tmp_path):
    package = json.loads(json.dumps(SMALL_PACKAGE))
    package["resources"].append({"name": "more", "path": "more.csv"})
    write_package(tmp_path, package=package)
    (tmp_path / "more.csv").write_text(HEADER + GOOD_ROWS[2])
    message = config_error(tmp_path)
    assert f"{tmp_path / 'more.csv'}:2: the same measure" in message
    assert f"{tmp_path / 'events.csv'}:4" in message


def test_all_problems_are_reported_at_once(tmp_path):
    path = write_package(tmp_path, [
        "a.b,US,2021,x,,,count,final,S,,\n", "a.c,US,2021,1,,,deathz,final,S,,\n"
    ])  # fmt: skip
    message = config_error(tmp_path)
    assert f"{path}:2:" in message and f"{path}:3:" in message


def test_line_numbers_count_blank_lines_and_multiline_cells(tmp_path):
    multiline = 'a.b,US,2021,1,,,count,final,"two\nline source",,\n'
    path = write_package(tmp_path, [multiline, "\n", "a.c,US,2021,1,,,deathz,final,S,,\n"])
    assert f"{path}:5: unit 'deathz'" in config_error(tmp_path)


def test_too_many_fields(tmp_path):
    path = write_package(tmp_path, GOOD_ROWS[:1] + ["a.b,US,2021,1,,,count,final,S,,,extra\n"])
    assert f"{path}:3: 12 fields, the header has 11" in config_error(tmp_path)


def test_resource_file_missing(tmp_path):
    write_package(tmp_path)
    (tmp_path / "events.csv").unlink()
    message = config_error(tmp_path)
    assert f"{tmp_path / 'datapackage.json'}: resource 'events'" in message
    assert f"{tmp_path / 'events.csv'} not found" in message


def test_invalid_json(tmp_path):
    write_package(tmp_path)
    (tmp_path / "datapackage.json").write_text('{\n  "name": "x",\n  "resources": [,]\n}\n')
    assert f"{tmp_path / 'datapackage.json'}:3: invalid JSON" in config_error(tmp_path)


def test_missing_datapackage_and_directory(tmp_path):
    assert "datapackage.json: not found" in config_error(tmp_path)
    assert "references directory not found" in config_error(tmp_path / "nowhere")


@pytest.mark.parametrize("path", ["https://example.org/x.csv", "../x.csv", "/etc/passwd"])
def test_resource_paths_stay_local(tmp_path, path):
    package = json.loads(json.dumps(SMALL_PACKAGE))
    package["resources"][0]["path"] = path
    write_package(tmp_path, package=package)
    assert "resource 'events'" in config_error(tmp_path)


def test_primary_key_must_name_columns(tmp_path):
    package = json.loads(json.dumps(SMALL_PACKAGE))
    package["resources"][0]["schema"]["primaryKey"] = ["measure", "vintage"]
    write_package(tmp_path, package=package)
    assert "primaryKey names ['vintage']" in config_error(tmp_path)


def test_place_code_na_is_not_a_missing_value(tmp_path):
    write_package(tmp_path, ["x.deaths,NA,2021,5,,,count,final,S,,\n"])
    (row,) = load_references(tmp_path).lookup("x.deaths", "NA", "2021")
    assert row.place == "NA"


def test_validation_patterns_are_linear():
    patterns = [references._MEASURE, references._PLACE, references._PERIOD, references._NUMBER]
    shapes = [lambda n: "a." * n + "!", lambda n: "1" * n + "x", lambda n: "2021-01/" * n,
              lambda n: "." * n]  # fmt: skip
    for pattern in patterns:
        check_linear(pattern.pattern, 0)
        ratio = growth(lambda n: [make(n) for make in shapes],
                       lambda texts, p=pattern: [p.fullmatch(t) for t in texts], 5000)  # fmt: skip
        assert ratio < LIMIT, f"{pattern.pattern}: {FACTOR}x the input took {ratio:.1f}x"
