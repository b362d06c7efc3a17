"""Word drafts under the real pre-commit tool: the hook passes a .docx draft to factcheck, and
a contradiction in it blocks the commit, reported at its paragraph."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from factcheck.init import DRAFT_FILES, pre_commit_config

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def test_the_shipped_hook_takes_the_drafts_init_takes():
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())[0]
    local = yaml.safe_load(pre_commit_config("python"))["repos"][0]["hooks"][0]
    assert hook["types_or"] == local["types_or"] and "binary" in hook["types_or"]
    assert hook["files"] == local["files"] == DRAFT_FILES


@pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None,
                    reason="needs git and pre-commit")  # fmt: skip
def test_a_word_draft_with_a_contradiction_blocks_the_commit(tmp_path):
    repo = tmp_path / "drafts"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip

    def git(*args):
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True,
                              text=True, timeout=120)  # fmt: skip

    git("init", "-q", "-b", "main")
    (repo / ".pre-commit-config.yaml").write_text(pre_commit_config(sys.executable))
    (repo / "brief.md").write_text("Overdose deaths from all drugs came to 107,941 in 2022.\n")
    git("add", ".")
    assert git("commit", "-q", "-m", "first draft").returncode == 0
    installed = subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env,
                               capture_output=True, text=True, timeout=120)  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    d = docx.Document()
    d.add_paragraph("A memo for the committee")
    d.add_paragraph("In 2022, some 150,000 people died of drug overdoses.")
    d.save(repo / "memo.docx")
    (repo / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
    git("add", "memo.docx", "logo.png")
    result = git("commit", "-m", "memo")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "memo.docx:¶2:10:" in output and "contradiction" in output
    assert "logo.png" not in output  # an image is not a draft: the hook does not pass it
