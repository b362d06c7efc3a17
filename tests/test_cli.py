"""The command line, end to end: formats, options, exit codes and messages (the contract).

Commands run in-process through ``factcheck.cli.main(argv)`` (what the console script calls),
with standard output and error captured. Every test runs in an empty working directory, so
neither a ./claims.yaml nor a ./references/ of the checkout changes the defaults, and the
claim cache of `check` lands there rather than in the repository.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource

from factcheck.catalog import default_catalog_path
from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _empty_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def schema(capsys, name: str) -> dict:
    code, out, err = run(capsys, "schema", name)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def claim_validator(capsys) -> jsonschema.Draft202012Validator:
    claim_schema = schema(capsys, "claim")
    return jsonschema.Draft202012Validator(
        claim_schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _typed(row: dict[str, str], properties: dict) -> dict:
    """A CSV row with the schema's types back: empty cells are null, numbers are numbers,
    objects and lists are JSON."""
    typed: dict = {}
    for key, cell in row.items():
        types = properties.get(key, {}).get("type", "string")
        types = types if isinstance(types, list) else [types]
        if cell == "":
            typed[key] = None
        elif "integer" in types:
            typed[key] = int(float(cell))
        elif "number" in types:
            typed[key] = float(cell)
        elif "object" in types or "array" in types:
            typed[key] = json.loads(cell)  # nested fields are JSON in a cell
        else:
            typed[key] = cell
    return typed


def parse(fmt: str, text: str, properties: dict) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if fmt == "json":
        return json.loads(text)
    if fmt == "yaml":
        return yaml.safe_load(text) or []
    assert fmt == "csv"
    return [_typed(row, properties) for row in csv.DictReader(io.StringIO(text))]


# --- extract --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "yaml"])
def test_extract_formats_parse_back_and_validate(capsys, claim_validator, fmt: str) -> None:
    code, out, err = run(capsys, "extract", "--format", fmt, str(EXAMPLES))
    assert code == 0, err
    claims = parse(fmt, out, claim_validator.schema["properties"])
    assert len(claims) >= 10
    for claim in claims:
        errors = sorted(claim_validator.iter_errors(claim), key=lambda e: list(e.path))
        assert not errors, (claim.get("surface"), [e.message for e in errors])
    docs = {Path(c["doc"]).name for c in claims}
    assert docs == {p.name for p in EXAMPLES.iterdir() if p.is_file()}
    # Every format carries the same claims.
    code, jsonl, _ = run(capsys, "extract", str(EXAMPLES))
    assert [c["id"] for c in claims] == [json.loads(line)["id"] for line in jsonl.splitlines()]


def test_extract_output_file(capsys, tmp_path: Path) -> None:
    target = tmp_path / "claims.json"
    code, out, err = run(capsys, "extract", "--format", "json", "-o", str(target), str(EXAMPLES))
    assert code == 0, err
    assert out == ""
    written = json.loads(target.read_text(encoding="utf-8"))
    code, out, _ = run(capsys, "extract", "--format", "json", str(EXAMPLES))
    assert written == json.loads(out)


def test_extract_reads_standard_input(capsys, monkeypatch) -> None:
    draft = "# Notes\n\nThe clinic treated 4,200 patients in 2023, up 12 percent.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(draft.encode("utf-8"))))
    code, out, err = run(capsys, "extract", "-")
    assert code == 0, err
    claims = [json.loads(line) for line in out.splitlines()]
    assert [c["surface"] for c in claims][:1] == ["4,200"]
    assert all(c["doc"] == "<stdin>" for c in claims)
    assert (claims[0]["line"], claims[0]["column"]) == (3, 20)


def test_extract_include_and_exclude(capsys) -> None:
    def docs(*options: str) -> set[str]:
        code, out, err = run(capsys, "extract", *options, str(EXAMPLES))
        assert code == 0, err
        return {Path(json.loads(line)["doc"]).suffix for line in out.splitlines()}

    assert docs() == {".md", ".txt", ".html"}
    assert docs("--include", "*.md") == {".md"}
    assert docs("--include", "*.md", "--include", "*.html") == {".md", ".html"}
    assert docs("--exclude", "*.md") == {".txt", ".html"}


def test_missing_path_is_exit_2_with_one_line_naming_it(capsys) -> None:
    for command in (["extract"], ["check"]):
        code, out, err = run(capsys, *command, str(EXAMPLES), "no/such/draft.md")
        assert code == 2
        assert out == ""
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "no/such/draft.md" in lines[0], err
        assert "Traceback" not in err


# --- schema, references ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["claim", "catalog", "report"])
def test_schemas_are_valid_json_schemas(capsys, name: str) -> None:
    document = schema(capsys, name)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document.get("$schema", "").endswith("2020-12/schema")


def test_references_list_and_show(capsys) -> None:
    code, out, err = run(capsys, "references", "list")
    assert code == 0, err
    assert out.strip()
    code, out, err = run(capsys, "references", "show", "us.overdose_deaths.all_drugs")
    assert code == 0, err
    assert "106,699" in out  # NCHS final count of 2021, a row of the shipped dataset
    code, out, err = run(capsys, "references", "show", "no.such.measure")
    assert code == 2
    assert "no.such.measure" in err and "Traceback" not in err


# --- check ----------------------------------------------------------------------------------


def test_check_examples_fails_on_their_deliberate_errors(capsys) -> None:
    code, out, err = run(capsys, "check", str(EXAMPLES))
    assert code == 1, err
    assert out.strip()
    code, _, err = run(capsys, "check", "--fail-on", "never", str(EXAMPLES))
    assert code == 0, err


def test_check_json_report_validates(capsys) -> None:
    report_schema = schema(capsys, "report")
    claim_schema = schema(capsys, "claim")
    # The report schema refers to the claim schema by its $id; both come from the command.
    registry = Registry().with_resource(claim_schema["$id"], Resource.from_contents(claim_schema))
    code, out, err = run(capsys, "check", "--format", "json", str(EXAMPLES))
    assert code == 1, err
    report = json.loads(out)
    jsonschema.Draft202012Validator(report_schema, registry=registry).validate(report)
    assert report["summary"]["documents"] == 3
    assert any(f["severity"] == "error" for f in report["findings"])


def test_invalid_catalog_is_exit_2_naming_file_and_line(capsys, tmp_path: Path) -> None:
    lines = default_catalog_path().read_text(encoding="utf-8").split("\n")
    where = next(i for i, line in enumerate(lines) if line.strip() == "unit: count")
    lines[where] = lines[where].replace("unit: count", "unit: glorps_per_fortnight")
    catalog = tmp_path / "claims.yaml"
    catalog.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run(capsys, "check", "--catalog", str(catalog), str(EXAMPLES))
    assert code == 2
    assert f"claims.yaml:{where + 1}:" in err and "glorps_per_fortnight" in err, err
    assert "Traceback" not in err
    # The project's claims.yaml (found upward from the drafts) is the default catalog: the
    # same error without --catalog.
    shutil.copy(catalog, Path.cwd() / "claims.yaml")
    shutil.copytree(EXAMPLES, Path.cwd() / "drafts")
    code, _, err = run(capsys, "check", "drafts")
    assert code == 2 and f"claims.yaml:{where + 1}:" in err


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_nothing_is_ever_written_to_an_input(capsys, tmp_path: Path) -> None:
    inputs = tmp_path / "drafts"
    shutil.copytree(EXAMPLES, inputs)
    before = _snapshot(inputs)
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("jsonl", "json", "csv", "yaml"):
        run(capsys, "extract", "--format", fmt, str(inputs))
        run(capsys, "extract", "--format", fmt, "-o", str(out / f"claims.{fmt}"), str(inputs))
    for fmt in ("text", "json", "sarif", "csv", "html"):
        run(capsys, "check", "--fail-on", "never", "--format", fmt, str(inputs))
        run(capsys, "check", "--format", fmt, "-o", str(out / f"report.{fmt}"), str(inputs))
    one = str(inputs / "overdose-brief.md")
    run(capsys, "check", "--corpus", str(inputs), one)
    run(capsys, "check", "--explain", "no-such-finding", one)
    assert _snapshot(inputs) == before


def test_an_unwritable_output_is_a_clean_error(capsys) -> None:
    from factcheck.cli import main

    assert main(["extract", "-o", "/nonexistent-dir/claims.jsonl", str(EXAMPLES)]) == 2
    err = capsys.readouterr().err
    assert "/nonexistent-dir/claims.jsonl: cannot write" in err and "Traceback" not in err


def test_as_of_must_be_a_date(capsys) -> None:
    from factcheck.cli import main

    assert main(["check", "--as-of", "last tuesday", str(EXAMPLES)]) == 2
    assert "is not a date" in capsys.readouterr().err
