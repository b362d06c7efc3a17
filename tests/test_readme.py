"""The README says what the tool does: its demo output is what `factcheck check examples/`
prints, and `make demo` installs the tool without the test tools."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def test_the_demo_output_in_the_readme_is_what_the_examples_give(capsys, monkeypatch):
    block = README[README.index("`make demo` prints findings like these") :]
    block = block[block.index("```\n") + 4 :]
    shown = block[: block.index("```")].strip().splitlines()
    monkeypatch.chdir(ROOT)
    assert main(["check", "-q", "--no-cache", "examples/"]) == 1
    printed = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert shown == printed


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_demo_installs_the_tool_without_the_test_tools(tmp_path):
    dry = subprocess.run(["make", "-n", "-C", str(ROOT), "demo", f"VENV={tmp_path / 'venv'}"],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert dry.returncode == 0, dry.stderr
    installs = [line for line in dry.stdout.splitlines() if "pip install" in line]
    assert any(re.search(r"pip install --quiet -e \.$", line) for line in installs), installs
    assert not any("[dev]" in line for line in installs), installs


def test_the_readme_runs_the_tool_from_the_virtual_environment():
    install = README[README.index("## Install") : README.index("## Three ways to use it")]
    before_help = install[: install.index("factcheck --help")]
    assert ".venv/bin/activate" in before_help or ".venv/bin/factcheck --help" in install
    # The commands name folders that exist.
    for folder in re.findall(r"factcheck (?:check|extract)[^\n#]*? (\w+)/", README):
        assert (ROOT / folder).is_dir(), f"the README runs factcheck on {folder}/, not here"
