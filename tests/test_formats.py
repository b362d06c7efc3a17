"""The CI formats (github, gitlab, junit), --statistics, --stdin-filename, and what an empty
input set does, all through the command line."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from factcheck.cli import main

# Written for these tests: a figure far above the reference, and one contradicting another.
DRAFT = (
    "In 2021, more than 100,000 Americans died of fentanyl overdoses.\n\n"
    "Overdose deaths from all drugs came to 107,941 in 2022.\n\n"
    "In 2022, some 150,000 people died of drug overdoses.\n"
)


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def draft(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text(DRAFT)
    return tmp_path / "d.md"


def problems(capsys) -> list[dict]:
    code, out, _ = cli(capsys, "check", "--no-cache", "--format", "json", "d.md")
    return [f for f in json.loads(out)["findings"] if f["severity"] != "info"]


ANNOTATION = re.compile(
    r"::(?P<kind>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=\d+,endColumn=\d+,title=factcheck (?P<rule>[a-z-]+)::(?P<message>.+) \[f[0-9a-f]{12}\]"
)


def test_github_annotations(capsys, draft):
    expected = problems(capsys)
    code, out, _ = cli(capsys, "check", "--no-cache", "--format", "github", "d.md")
    assert code == 1
    lines = out.splitlines()
    matches = [ANNOTATION.fullmatch(line) for line in lines]
    assert all(matches), lines
    assert sorted((m["rule"], int(m["line"])) for m in matches) == sorted(
        (f["rule"], f["claims"][0]["line"]) for f in expected
    )
    # A percent sign is escaped as the runner expects; a message stays on one line.
    assert "41.6%25 above" in out and "%" not in out.replace("%25", "")
    code, out, _ = cli(capsys, "check", "--no-cache", "-v", "--format", "github", "d.md")
    assert "::notice " in out  # verified and unverifiable claims, only with -v


def test_gitlab_code_quality(capsys, draft):
    expected = problems(capsys)
    code, out, _ = cli(capsys, "check", "--no-cache", "--format", "gitlab", "d.md")
    assert code == 1
    issues = json.loads(out)
    assert len(issues) == len(expected)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for item in issues:
        assert set(item) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert item["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert item["location"]["path"] == "d.md" and item["location"]["lines"]["begin"] >= 1


def test_junit_xml(capsys, draft, tmp_path):
    (tmp_path / "clean.md").write_text("Nothing to count here.\n")
    expected = problems(capsys)
    code, out, _ = cli(capsys, "check", "--no-cache", "--format", "junit", "d.md", "clean.md")
    assert code == 1
    root = ET.fromstring(out.split("\n", 1)[1])
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"d.md", "clean.md"}
    # JUnit's schema allows one <failure> per test case (GitLab shows the first only): the
    # document's failure lists every error and warning; `failures` counts failed cases.
    [failure] = cases["d.md"].findall("failure")
    assert len(failure.text.splitlines()) == len(expected) and len(expected) > 1
    assert f"{len(expected)} findings" in failure.get("message")
    assert cases["clean.md"].findall("failure") == []
    assert root.get("failures") == root.find("testsuite").get("failures") == "1"
    assert root.get("tests") == "2"


def test_statistics_count_per_rule(capsys, draft):
    expected = problems(capsys)
    code, out, _ = cli(capsys, "check", "--no-cache", "--statistics", "d.md")
    assert code == 1
    counts = {}
    for line in out.splitlines()[:-2]:
        number, rule = line.split()[:2]
        counts[rule] = int(number)
    want: dict[str, int] = {}
    for f in expected:
        want[f["rule"]] = want.get(f["rule"], 0) + 1
    assert counts == want
    assert "A claim disagrees with the reference figure." in out  # the registry's summary


@pytest.mark.parametrize("fmt", ["json", "sarif", "csv", "html", "github", "gitlab", "junit"])
def test_statistics_with_another_format_is_a_usage_error(capsys, draft, fmt):
    # Only the text report has a list of findings to replace with counts; elsewhere the flag
    # would be dropped without a word, so it is refused, naming both options.
    code, out, err = cli(capsys, "check", "--no-cache", "--statistics", "--format", fmt, "d.md")
    assert code == 2 and out == ""
    assert "--statistics" in err and f"--format {fmt}" in err and "Traceback" not in err


def test_statistics_with_explain_is_a_usage_error(capsys, draft):
    code, out, err = cli(capsys, "check", "--no-cache", "--statistics", "--explain", "f1", "d.md")
    assert code == 2 and out == "" and "--statistics" in err and "--explain" in err


def test_explain_with_json_gives_the_findings_json_form(capsys, draft):
    wanted = problems(capsys)[0]
    code, out, err = cli(capsys, "check", "--no-cache", "--format", "json", "--explain",
                         wanted["id"][:8], "d.md")  # fmt: skip
    assert code == 1 and err == ""
    assert json.loads(out) == wanted  # the whole finding, its explanation included
    assert wanted["explanation"]


@pytest.mark.parametrize("fmt", ["sarif", "csv", "html", "github", "gitlab", "junit"])
def test_explain_with_another_format_is_a_usage_error(capsys, draft, fmt):
    # Those formats have no form for one finding; the text answer was given in their place.
    code, out, err = cli(capsys, "check", "--no-cache", "--explain", "f1", "--format", fmt, "d.md")
    assert code == 2 and out == ""
    assert "--explain" in err and f"--format {fmt}" in err and "Traceback" not in err


def test_stdin_filename_names_the_buffer_and_picks_its_format(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / ".factcheck.toml").write_text('select = ["contradiction"]\n')
    html = "<html><body><p>" + DRAFT.replace("\n\n", "</p><p>") + "</p></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html.encode())))
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "--stdin-filename",
                       "drafts/page.html", "-")  # fmt: skip
    assert code == 1
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    # Its name in findings, and the configuration beside it (contradictions only).
    assert lines and all(line.startswith("drafts/page.html:") for line in lines)
    assert {line.split()[2] for line in lines} == {"contradiction"}


def test_nothing_to_check_is_exit_2_with_a_message(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    code, out, err = cli(capsys, "check", "empty")
    assert code == 2 and "no documents to check in empty" in err and out == ""
    (tmp_path / "x.md").write_text("In 2022, some 150,000 people died of drug overdoses.\n")
    code, _, err = cli(capsys, "check", "--exclude", "*.md", "x.md")
    assert code == 2 and "no documents" in err
    (tmp_path / "blob.md").write_bytes(b"\x00\x01\x02")
    code, _, err = cli(capsys, "check", "blob.md")
    assert code == 2 and "none of the inputs could be read" in err and "blob.md" in err
    code, _, err = cli(capsys, "extract", "blob.md")
    assert code == 2 and "none of the inputs could be read" in err and "blob.md" in err
    code, _, err = cli(capsys, "extract", "empty")
    assert code == 2 and "no documents" in err


def test_a_hook_run_without_a_draft_among_its_files_passes(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.md").write_text("In 2022, some 150,000 people died of drug overdoses.\n")
    (tmp_path / "blob.md").write_bytes(b"\x00\x01\x02")
    code, _, err = cli(capsys, "check", "--no-cache", "--corpus", ".", "blob.md")
    assert code == 0 and "binary" in err
