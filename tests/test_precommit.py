"""factcheck under the real pre-commit tool: a commit with a contradiction is blocked, a clean
one passes, and the changed draft is checked against the drafts already committed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None, reason="needs git and pre-commit"
)

# The formats the shipped hook passes to factcheck, as its manifest says (one home for them).
HOOK_TYPES = re.search(
    r"^  types_or: (\[.*\])$", (ROOT / ".pre-commit-hooks.yaml").read_text(), re.M
).group(1)
CONFIG = f"""\
repos:
  - repo: local
    hooks:
      - id: factcheck
        name: factcheck
        entry: {sys.executable} -m factcheck.cli check --quiet --corpus .
        language: system
        types_or: {HOOK_TYPES}
        require_serial: true
"""


def git(repo: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def repo(tmp_path: Path):
    repo = tmp_path / "drafts"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    git(repo, "init", "-q", "-b", "main", env=env)
    (repo / "brief.md").write_text("Overdose deaths from all drugs came to 107,941 in 2022.\n")
    (repo / ".pre-commit-config.yaml").write_text(CONFIG)
    git(repo, "add", ".", env=env)
    assert git(repo, "commit", "-q", "-m", "first draft", env=env).returncode == 0
    installed = subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env,
                               capture_output=True, text=True, timeout=120)  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    return repo, env


def test_a_contradiction_blocks_the_commit(repo):
    repo, env = repo
    (repo / "memo.md").write_text("In 2022, some 150,000 people died of drug overdoses.\n")
    git(repo, "add", "memo.md", env=env)
    result = git(repo, "commit", "-m", "memo", env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "memo.md:1:" in output and "contradiction" in output
    assert "brief.md:1" in output  # the committed draft it disagrees with
    assert git(repo, "log", "--oneline", env=env).stdout.count("\n") == 1


def test_a_pdf_draft_is_checked_against_the_committed_drafts(repo):
    from test_pdf import _hand_pdf, _text_page

    repo, env = repo
    page = _text_page("In 2022, some 150,000 people died of drug overdoses.")
    (repo / "memo.pdf").write_bytes(_hand_pdf([page]))
    git(repo, "add", "memo.pdf", env=env)
    result = git(repo, "commit", "-m", "memo", env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "memo.pdf:p1:1:10:" in output and "contradiction" in output
    assert "brief.md:1" in output


def test_init_writes_the_formats_of_the_shipped_hook():
    from factcheck.init import pre_commit_config

    assert f"types_or: {HOOK_TYPES}" in pre_commit_config("python3")


def test_a_consistent_draft_passes(repo):
    repo, env = repo
    (repo / "memo.md").write_text("In 2022, about 108,000 people died of drug overdoses.\n")
    git(repo, "add", "memo.md", env=env)
    result = git(repo, "commit", "-m", "memo", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (repo / ".factcheck-cache").is_dir()  # the claims of the corpus were cached


def test_the_shipped_hook_manifest_is_valid():
    result = subprocess.run([str(PRE_COMMIT), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_repository_with_an_untracked_report_and_a_subfolder_configuration(tmp_path: Path):
    """The workflow end to end: drafts in a subfolder with their own configuration, a report
    left untracked among them; the hook blocks a wrong draft and passes right ones."""
    repo = tmp_path / "site"
    drafts = repo / "drafts"
    drafts.mkdir(parents=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    git(repo, "init", "-q", "-b", "main", env=env)
    (repo / ".pre-commit-config.yaml").write_text(CONFIG)
    # The drafts' own configuration: their figures are checked against each other only.
    (drafts / ".factcheck.toml").write_text('ignore = ["reference"]\n')
    (drafts / "brief.md").write_text("Overdose deaths from all drugs came to 107,941 in 2022.\n")
    git(repo, "add", ".", env=env)
    assert git(repo, "commit", "-q", "-m", "first draft", env=env).returncode == 0
    installed = subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env,
                               capture_output=True, text=True, timeout=120)  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    # A reviewer's report, written among the drafts and never committed.
    report = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--format", "html", "-o", "drafts/report.html",
         "drafts"], cwd=repo, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert "107,941" in (drafts / "report.html").read_text()

    def commit(name: str, text: str) -> tuple[int, str]:
        (drafts / name).write_text(text)
        git(repo, "add", f"drafts/{name}", env=env)
        result = git(repo, "commit", "-m", name, env=env)
        return result.returncode, result.stdout + result.stderr

    # Off the reference, but the configuration beside the drafts ignores that family.
    code, output = commit("fentanyl.md", "In 2021, more than 100,000 Americans died of "
                                         "fentanyl overdoses.\n")  # fmt: skip
    assert code == 0, output
    # A figure that contradicts the committed brief is blocked, and the report is not read.
    code, output = commit("memo.md", "In 2022, some 150,000 people died of drug overdoses.\n")
    assert code != 0, output
    assert "drafts/memo.md:1:" in output and "contradiction" in output
    assert "drafts/brief.md:1" in output and "report.html" not in output
    git(repo, "reset", "-q", "drafts/memo.md", env=env)
    # The right figure passes.
    code, output = commit("memo.md", "In 2022, about 108,000 people died of drug overdoses.\n")
    assert code == 0, output
    log = git(repo, "log", "--oneline", env=env).stdout
    assert log.count("\n") == 3 and "report.html" not in git(repo, "ls-files", env=env).stdout
