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


def test_the_pre_commit_rev_is_the_tag_of_this_version():
    # The README's `rev:` names the release tag of the version factcheck reports, and the
    # package's version is that one (pyproject.toml reads it from factcheck/__init__.py).
    import tomllib

    from factcheck import __version__

    revs = re.findall(r"^\s*rev:\s*(\S+)", README, re.M)
    assert revs == [f"v{__version__}"], revs
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    if "version" in project["project"]:
        assert project["project"]["version"] == __version__
    else:
        assert "version" in project["project"]["dynamic"]
        dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
        assert dynamic == {"attr": "factcheck.__version__"}


def test_the_readme_says_how_to_get_the_html_reports_charts():
    # make demo installs the tool alone, without matplotlib: the README names the extra that
    # draws the HTML report's charts.
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]
    [extra] = [name for name, deps in extras.items() if deps == ["matplotlib>=3.7"]]
    install = README[README.index("## Install") : README.index("## Three ways to use it")]
    assert f"pip install -e '.[{extra}]'" in install
