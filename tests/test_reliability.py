"""Reliability: inputs found by fuzzing that once crashed factcheck or broke a claim's contract.

Each test here names the input shape it guards; the sentences are written for these tests.
"""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main
from factcheck.extract import extract_document
from factcheck.model import Document


def claims_of(text: str):
    doc = Document(path="t.txt", text=text, body=text)
    return extract_document(doc)


SPACES = ["\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\u2002", " "]


@pytest.mark.parametrize(
    "written",
    [f"US{s}$" for s in SPACES + [""]]
    + [f"U.S.{s}$" for s in SPACES + [""]]
    + [f"{code}{s}" for code in ("USD", "MXN", "EUR", "RMB") for s in SPACES],
)
def test_a_currency_sign_with_any_whitespace_inside_reads_as_money(written):
    # The sign's pattern allows any whitespace inside it; the lookup once dropped only
    # ASCII spaces, so "US\u00a0$5 million" ended in a KeyError traceback.
    text = f"Revenue at the firm reached {written}5 million last spring."
    (claim,) = [c for c in claims_of(text) if c.kind == "money"]
    assert claim.unit in {"USD", "MXN", "EUR", "CNY"}
    assert claim.value == 5e6
    assert text[claim.start :].startswith(claim.surface)


@pytest.mark.parametrize("command", ["extract", "check"])
def test_a_currency_sign_with_a_no_break_space_runs_clean_end_to_end(command, tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("Exports reached US\u00a0$5 million in 2021; imports U.S.\u2009$12 million.\n")
    code = main(
        [command, "--no-cache", str(draft)] if command == "check" else [command, str(draft)]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err
    if command == "extract":
        assert [json.loads(line)["unit"] for line in out.splitlines()] == ["USD", "USD"]


def test_an_unexpected_exception_exits_3_not_1(tmp_path, capsys, monkeypatch):
    # 1 means "findings found" to `check`; a bug must not look like that to a script.
    import factcheck.pipeline

    def broken(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(factcheck.pipeline, "run_check", broken)
    draft = tmp_path / "draft.txt"
    draft.write_text("Nothing to see.\n")
    code = main(["check", "--no-cache", str(draft)])
    err = capsys.readouterr().err
    assert code == 3
    assert "internal error" in err and "KeyError" in err
