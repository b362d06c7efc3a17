"""`factcheck init` writes a working starter project and never overwrites one by accident."""

from __future__ import annotations

from pathlib import Path

from factcheck.cli import main


def test_init_writes_a_working_project(tmp_path: Path, capsys, monkeypatch):
    assert main(["init", str(tmp_path)]) == 0
    for name in ("claims.yaml", "references/datapackage.json", ".pre-commit-config.yaml"):
        assert (tmp_path / name).is_file()
    (tmp_path / "draft.md").write_text(
        "In 2022 there were 100,000 overdose deaths.\n\nIn 2022 there were 150,000 overdose deaths.\n"
    )
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["check", "--no-cache", "draft.md"]) == 1  # its own catalog and references
    out = capsys.readouterr().out
    assert "draft.md:3:" in out and "contradiction" in out


def test_init_does_not_overwrite(tmp_path: Path, capsys):
    (tmp_path / "claims.yaml").write_text("mine")
    assert main(["init", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "claims.yaml").read_text() == "mine"
    assert main(["init", "--force", str(tmp_path)]) == 0
