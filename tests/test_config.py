"""Configuration found like a linter's: [tool.factcheck] in pyproject.toml, .factcheck.toml or
factcheck.yaml, searched upward from the files checked; the command line wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import find_project

# Written for these tests: two figures of one measure and year that disagree (a
# contradiction), the second also far from the reference (a reference-mismatch).
FIRST = "Overdose deaths from all drugs came to 107,941 in 2022.\n"
SECOND = "In 2022, some 150,000 people died of drug overdoses.\n"


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rules_in(out: str) -> list[str]:
    return sorted(line.split()[2] for line in out.splitlines() if line and line[0] != " ")


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(FIRST + "\n" + SECOND)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "pyproject.toml",
            '[project]\nname = "x"\n\n[tool.factcheck]\nselect = ["contradiction"]\n',
        ),
        (".factcheck.toml", 'select = "contradiction"\n'),
        ("factcheck.yaml", "select: [contradiction]\n"),
    ],
)
def test_each_configuration_file_is_read_from_anywhere_below_it(
    capsys, project, monkeypatch, name, text
):
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "drafts/a.md")
    assert rules_in(out) == ["contradiction", "reference-mismatch"]
    (project / name).write_text(text)
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "drafts/a.md")
    assert code == 1 and rules_in(out) == ["contradiction"]
    # From a subdirectory: the same findings.
    monkeypatch.chdir(project / "drafts")
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "a.md")
    assert code == 1 and rules_in(out) == ["contradiction"]
    # The command line wins.
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "--select", "reference", "a.md")
    assert rules_in(out) == ["reference-mismatch"]


def test_a_pyproject_without_a_factcheck_table_is_passed_over(project):
    (project / "drafts" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / ".factcheck.toml").write_text('fail-on = "never"\n')
    found = find_project(["drafts/a.md"])
    assert found.file == project / ".factcheck.toml" and found.values == {"fail-on": "never"}


def test_the_search_starts_at_the_files_not_the_working_directory(
    capsys, project, tmp_path_factory, monkeypatch
):
    (project / "drafts" / ".factcheck.toml").write_text(
        'fail-on = "never"\nignore = ["reference"]\n'
    )
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", str(project / "drafts" / "a.md"))
    assert code == 0 and rules_in(out) == ["contradiction"]
    code, _, _ = cli(capsys, "check", "-q", "--no-cache", "--fail-on", "error",
                     str(project / "drafts" / "a.md"))  # fmt: skip
    assert code == 1


def test_paths_are_relative_to_the_configuration_file(capsys, project, monkeypatch):
    (project / "config").mkdir()
    (project / "config" / "mine.yaml").write_text("version: 1\nmeasures: []\n")
    (project / "drafts" / "factcheck.yaml").write_text("catalog: ../config/mine.yaml\n")
    monkeypatch.chdir(project / "drafts")
    code, out, _ = cli(capsys, "check", "--no-cache", "a.md")
    assert code == 0  # no measure: nothing to check against the references
    assert "using catalog ../config/mine.yaml only" in out


def test_a_project_catalog_is_found_from_a_subdirectory(capsys, project, monkeypatch):
    (project / "claims.yaml").write_text("version: 1\nmeasures: []\n")
    monkeypatch.chdir(project / "drafts")
    code, out, _ = cli(capsys, "check", "--no-cache", "a.md")
    assert code == 0 and "using catalog ../claims.yaml only" in out


def test_include_exclude_and_as_of_from_the_configuration(capsys, project):
    (project / "drafts" / "b.md").write_text(SECOND)
    (project / ".factcheck.toml").write_text('exclude = ["b.md"]\nas-of = 2024-05-01\n')
    code, out, _ = cli(capsys, "check", "--no-cache", "drafts")
    assert out.splitlines()[-2].startswith("1 document,")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["contradiction"]\n', "unknown key 'selct'"),
        ('fail-on = "sometimes"\n', "'fail-on' must be one of"),
        ('as-of = "last year"\n', "'as-of' must be a date"),
        ('select = ["contradictoin"]\n', "'contradictoin' names no rule"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_a_bad_configuration_is_exit_2_naming_the_file(capsys, project, text, message):
    (project / ".factcheck.toml").write_text(text)
    code, out, err = cli(capsys, "check", "drafts")
    assert code == 2 and message in err and out == ""
    assert ".factcheck.toml" in err
    assert "Traceback" not in err


def test_exclude_globs_with_a_folder_are_relative_to_the_configuration(
    capsys, project, monkeypatch
):
    # As ruff reads its `exclude`: a glob naming a folder starts at the configuration's
    # folder, so the drafts left out from the root are left out from below it too.
    (project / "drafts" / "old").mkdir()
    (project / "drafts" / "old" / "b.md").write_text(SECOND)
    (project / ".factcheck.toml").write_text('exclude = ["drafts/old/*"]\n')
    from_root = cli(capsys, "check", "--no-cache", "drafts")[1].splitlines()[-2]
    assert from_root.startswith("1 document,")
    monkeypatch.chdir(project / "drafts")
    code, out, _ = cli(capsys, "check", "--no-cache", ".")
    assert out.splitlines()[-2].startswith("1 document,"), out
    # A file named on the command line (as pre-commit names them) is left out as well.
    code, out, err = cli(capsys, "check", "--no-cache", "old/b.md")
    assert code == 2 and "no documents to check" in err


def test_a_catalog_suppression_holds_from_a_subdirectory(capsys, project, monkeypatch):
    # The catalog names the claim by its path from the catalog's folder; run from the
    # drafts' folder, the same claim is silenced, not reported.
    (project / "claims.yaml").write_text(
        "version: 1\nextends: default\nsuppress:\n"
        '  - claim: "drafts/a.md:3"\n    reason: "a figure quoted to be refuted"\n'
    )
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "drafts/a.md")
    assert code == 0 and out == "", out
    monkeypatch.chdir(project / "drafts")
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "a.md")
    assert code == 0 and out == "", out


def test_a_suppression_by_claim_id_holds_from_a_subdirectory(capsys, project, monkeypatch):
    # The id a run from the catalog's folder printed silences the claim from anywhere.
    code, out, _ = cli(capsys, "extract", "drafts/a.md")
    import json

    [wanted] = [c["id"] for c in map(json.loads, out.splitlines()) if c["line"] == 3]
    (project / "claims.yaml").write_text(
        "version: 1\nextends: default\nsuppress:\n"
        f'  - claim: "{wanted}"\n    reason: "a figure quoted to be refuted"\n'
    )
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "drafts/a.md")
    assert code == 0 and out == "", out
    monkeypatch.chdir(project / "drafts")
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "a.md")
    assert code == 0 and out == "", out
