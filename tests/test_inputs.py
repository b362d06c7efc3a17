"""Which files a check reads: never factcheck's own reports, and in a git work tree only what
git would track."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.load import iter_paths
from factcheck.load.own import own_output

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def finding_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line and not line.startswith(" ")]


@pytest.fixture
def drafts(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLES, tmp_path / "drafts")
    return tmp_path / "drafts"


@pytest.mark.parametrize("fmt", ["html", "json", "sarif", "csv", "text"])
def test_a_report_written_among_the_drafts_is_not_read_as_one(capsys, drafts, fmt):
    code, before, _ = cli(capsys, "check", "-q", "drafts")
    assert code == 1
    name = {"text": "report.txt"}.get(fmt, f"report.{fmt}")
    code, _, _ = cli(capsys, "check", "-q", "--format", fmt, "-o", f"drafts/{name}", "drafts")
    assert code == 1
    code, after, err = cli(capsys, "check", "-q", "drafts")
    assert finding_lines(after) == finding_lines(before)
    assert name not in after and err == ""  # found by the walk: skipped without a word
    # Named on purpose, it is refused with a warning naming it.
    code, out, err = cli(capsys, "check", "-q", f"drafts/{name}", "drafts/overdose-brief.md")
    assert f"drafts/{name}: factcheck's own" in err and name not in out


@pytest.mark.parametrize(
    "options",
    [
        ["--format", "github"],
        ["--format", "gitlab"],
        ["--format", "junit"],
        ["--statistics"],
        ["--color", "always"],
        ["-q", "--color", "always"],
        ["--explain", "f"],
    ],
    ids=["github", "gitlab", "junit", "statistics", "coloured", "coloured-quiet", "explain"],
)
def test_every_output_saved_as_text_among_the_drafts_is_not_read(capsys, drafts, options):
    # Saved with an extension factcheck reads (a log of a CI run, a note to a colleague),
    # each output of `check` is still its own, not a draft.
    code, before, _ = cli(capsys, "check", "-q", "drafts")
    if options[0] == "--explain":
        first = finding_lines(before)[0]
        options = ["--explain", first.rsplit("[", 1)[1].rstrip("]")]
    cli(capsys, "check", *options, "-o", "drafts/out.txt", "drafts")
    assert (drafts / "out.txt").read_text("utf-8").strip()
    code, after, err = cli(capsys, "check", "-q", "drafts")
    assert finding_lines(after) == finding_lines(before), after
    assert "out.txt" not in after


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "yaml"])
def test_extracted_claims_are_recognised(capsys, drafts, fmt):
    cli(capsys, "extract", "--format", fmt, "-o", f"drafts/claims.{fmt}", "drafts")
    head = (drafts / f"claims.{fmt}").read_text("utf-8")
    assert own_output(head) is not None


def test_drafts_are_not_taken_for_reports():
    for path in EXAMPLES.iterdir():
        assert own_output(path.read_text("utf-8")) is None, path
    assert own_output("brief.md:3:4: error in the figures, see [f0123456789ab]") is None
    assert (
        own_output("3 documents, 40 claims: 1 error, 0 warnings, 2 info, as we saw.\nMore.") is None
    )


# --- git ---------------------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("Overdose deaths from all drugs came to 107,941 in 2022.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("In 2022, some 150,000 people died of drug overdoses.\n")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "copy.md").write_text("In 2022, some 150,000 people died of overdoses.\n")
    (tmp_path / "notes.md").write_text("In 2022, 150,000 people died of drug overdoses.\n")
    (tmp_path / ".gitignore").write_text("build/\nnotes.md\n")
    git(tmp_path, "add", "a.md", ".gitignore")
    return tmp_path


@needs_git
def test_in_a_git_tree_only_what_git_would_track_is_walked(repo):
    found = [Path(p).relative_to(repo).as_posix() for p in iter_paths([str(repo)])]
    # Tracked (a.md) and untracked but not ignored (sub/b.md); ignored ones are left out;
    # a folder's files come before its subfolders', as without git.
    assert found == ["a.md", "sub/b.md"]
    assert [Path(p).as_posix() for p in iter_paths(["."])] == ["a.md", "sub/b.md"]


@needs_git
def test_an_ignored_folder_named_on_purpose_is_read(repo):
    assert [Path(p).name for p in iter_paths(["build"])] == ["copy.md"]


@needs_git
def test_the_corpus_of_a_hook_is_what_git_tracks(capsys, repo):
    # a.md against the corpus: only sub/b.md disagrees with it; the ignored notes.md and
    # build/copy.md say the same as b.md but are not part of the repository.
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "--select", "contradiction",
                       "--corpus", ".", "a.md")  # fmt: skip
    # a.md agrees with the reference: the finding is a warning that sub/b.md is wrong.
    assert code == 0
    assert "sub/b.md" in out and "a.md" in out
    assert "notes.md" not in out and "build/copy.md" not in out, out


def test_without_git_every_document_is_walked(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "no-such-git-dir"))
    (tmp_path / "x.md").write_text("Nothing here.\n")
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "y.md").write_text("Nothing here.\n")
    assert [Path(p).name for p in iter_paths([str(tmp_path)])] == ["x.md", "y.md"]


# --- a hook's findings stand at the changed draft ----------------------------------------------


def test_with_a_corpus_a_finding_stands_at_the_changed_draft(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Overdose deaths from all drugs came to 107,941 in 2022.\n")
    (tmp_path / "z.md").write_text("In 2022, some 150,000 people died of drug overdoses.\n")
    for changed, other in (("a.md", "z.md"), ("z.md", "a.md")):
        code, out, _ = cli(capsys, "check", "-q", "--no-cache", "--select", "contradiction",
                           "--corpus", ".", changed)  # fmt: skip
        headline, related = out.splitlines()[:2]
        assert headline.startswith(f"{changed}:1:"), out
        assert f"at {other}:1" in headline  # the claim already there is the one it contradicts
        assert related.startswith(f"    {other}:1:")
        if changed == "z.md":  # the changed draft is wrong: the commit is blocked
            assert code == 1 and " error " in headline
        else:  # the changed draft agrees with the reference: the other one is wrong
            assert code == 0 and " warning " in headline and "agrees with the reference" in headline
