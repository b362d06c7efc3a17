"""`factcheck init` writes a working starter project, never overwrites one by accident, and
never turns the checking off: the project's catalog and references add to the shipped ones."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.cli import main
from factcheck.errors import ConfigError
from factcheck.references import load_references

# Written for these tests: far above the shipped reference figure of 2021 (a wrong figure).
WRONG = "In 2021, more than 100,000 Americans died of fentanyl overdoses.\n"


def check(capsys, *argv: str) -> tuple[int, str]:
    code = main(["check", "--no-cache", *argv])
    return code, capsys.readouterr().out


def test_init_keeps_the_shipped_checks(tmp_path: Path, capsys, monkeypatch):
    (tmp_path / "draft.md").write_text(WRONG)
    monkeypatch.chdir(tmp_path)
    code, before = check(capsys, "draft.md")
    assert code == 1 and "reference-mismatch" in before
    assert "using the shipped catalog and references" in before
    assert main(["init"]) == 0
    for name in ("claims.yaml", "references/datapackage.json", ".pre-commit-config.yaml"):
        assert (tmp_path / name).is_file()
    capsys.readouterr()
    # The same wrong figure fails as before: the starter catalog and references extend.
    code, after = check(capsys, "draft.md")
    assert code == 1 and "reference-mismatch" in after
    assert (
        "using catalog claims.yaml + the shipped one; references references + the shipped ones"
        in after
    )


def test_a_catalog_of_its_own_says_so(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(WRONG)
    (tmp_path / "mine.yaml").write_text("version: 1\nmeasures: []\n")
    code, out = check(capsys, "--catalog", "mine.yaml", "draft.md")
    assert code == 0
    assert "using catalog mine.yaml only; the shipped references" in out


def test_init_does_not_overwrite(tmp_path: Path, capsys):
    (tmp_path / "claims.yaml").write_text("mine")
    assert main(["init", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "claims.yaml").read_text() == "mine"
    assert main(["init", "--force", str(tmp_path)]) == 0


def test_the_starter_hook_runs_without_factcheck_on_path(tmp_path: Path, capsys):
    assert main(["init", str(tmp_path)]) == 0
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text())
    [hook] = config["repos"][0]["hooks"]
    (tmp_path / "draft.md").write_text(WRONG)
    env = {k: v for k, v in os.environ.items() if k != "PATH"} | {"PATH": "/nonexistent"}
    result = subprocess.run([*shlex.split(hook["entry"]), "draft.md"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "draft.md:1:" in result.stdout and "reference-mismatch" in result.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_init_in_a_folder_of_a_repository_puts_the_hook_where_pre_commit_reads_it(
    tmp_path: Path, capsys
):
    # pre-commit reads .pre-commit-config.yaml at the top of the work tree only; a starter
    # project in docs/ gets its hook there, run on docs/ alone.
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, timeout=60)
    assert main(["init", str(tmp_path / "docs")]) == 0
    assert (tmp_path / "docs" / "claims.yaml").is_file()
    assert not (tmp_path / "docs" / ".pre-commit-config.yaml").exists()
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text())
    [hook] = config["repos"][0]["hooks"]
    assert re.match(hook["files"], "docs/draft.md") and not re.match(hook["files"], "notes.md")
    (tmp_path / "docs" / "draft.md").write_text(WRONG)
    result = subprocess.run([*shlex.split(hook["entry"]), "docs/draft.md"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "docs/draft.md:1:" in result.stdout
    # The help says what init writes: nothing empty that turns the checking off.
    assert main(["init", "--help"]) == 0
    assert "extend the shipped ones" in " ".join(capsys.readouterr().out.split())
    # A second init there finds the hook already written.
    assert main(["init", str(tmp_path / "docs")]) == 2
    assert ".pre-commit-config.yaml: already exists" in capsys.readouterr().err


# --- extends ----------------------------------------------------------------------------------


def test_a_catalog_extends_another_and_replaces_measures_of_the_same_id(tmp_path: Path):
    shipped = load_catalog(default_catalog_path())
    first = shipped.measures[0]
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nextends: default\ndefaults: {tolerance: 7%}\nmeasures:\n"
        f"  - id: {first.id}\n    label: Mine\n    unit: count\n"
        "  - id: local.things\n    label: Local things\n    unit: count\n"
        "    terms: {all: ['widget']}\n"
        f"relations: []\nsuppress:\n  - measure: {shipped.measures[1].id}\n    reason: known\n"
    )
    catalog = load_catalog(tmp_path / "claims.yaml")
    assert catalog.extends == str(default_catalog_path())
    assert catalog.measure(first.id).label == "Mine"
    assert [m.id for m in catalog.measures[:2]] == [first.id, "local.things"]
    assert {m.id for m in catalog.measures} == {m.id for m in shipped.measures} | {"local.things"}
    assert len(catalog.relations) == len(shipped.relations)
    assert str(catalog.default_tolerance) == "7%"
    assert catalog.default_place == shipped.default_place
    assert len(catalog.suppressions) == len(shipped.suppressions) + 1


def test_a_catalog_extending_a_missing_or_itself_is_an_error_naming_it(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("version: 1\nextends: b.yaml\nmeasures: []\n")
    with pytest.raises(ConfigError, match=r"a\.yaml:2: extends .*b\.yaml, not found"):
        load_catalog(tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("version: 1\nextends: a.yaml\nmeasures: []\n")
    with pytest.raises(ConfigError, match="extends itself"):
        load_catalog(tmp_path / "a.yaml")


def test_references_extend_the_shipped_ones_and_replace_a_row(tmp_path: Path):
    shipped = load_references()
    row = next(r for r in shipped.series("us.overdose_deaths.all_drugs") if r.period == "2022")
    (tmp_path / "mine.csv").write_text(
        "measure,place,period,value,unit,status,vintage\n"
        f"{row.measure},{row.place},{row.period},123456,count,{row.status},{row.vintage or ''}\n"
        "local.things,US,2024,12,count,final,\n"
    )
    package = {
        "name": "mine",
        "extends": "default",
        "resources": [{"name": "mine", "path": "mine.csv"}],
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    refs = load_references(tmp_path)
    assert refs.extends == load_references().directory
    assert [r.value for r in refs.lookup(row.measure, row.place, "2022") if r.status == row.status
            and r.vintage == row.vintage] == [123456]  # fmt: skip
    assert refs.lookup("local.things", "US", "2024")[0].value == 12
    assert refs.lookup("us.cpi_u.annual_average", "US", "2020")  # the rest is still there
