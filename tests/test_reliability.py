"""Reliability: inputs found by fuzzing that once crashed factcheck or broke a claim's contract.

Each test here names the input shape it guards; the sentences are written for these tests.
"""

from __future__ import annotations

import functools
import json
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from growth import LIMIT
from invariants import assert_claim, assert_report_json, strict_json

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.cli import main
from factcheck.extract import extract_document
from factcheck.load import load_text
from factcheck.model import Document
from factcheck.pipeline import extract_claims
from factcheck.regex_safety import UnsafePattern, compile_user_pattern


@functools.cache
def _catalog():
    return load_catalog(default_catalog_path())


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


# --- claims keep their contract ------------------------------------------------------------


def _checked(text: str, fmt: str, path: str | None = None) -> list:
    doc = load_text(
        text, path or f"t.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[fmt] }", fmt
    )
    claims = extract_claims(doc, _catalog())
    for claim in claims:
        assert_claim(claim, text)
    return claims


@pytest.mark.parametrize(
    "html, surfaces",
    [
        ("<p>Inspectors found &#49; crate.</p>", ["&#49;"]),
        ("<p>Inspectors found &#x31;&#x32; crates.</p>", ["&#x31;", "&#x32;"]),
        ("<p>The fee was &#36;5 in 2020.</p>", ["&#36;5"]),
        ("<p>Between 350&#8211;370 people came.</p>", ["Between 350&#8211;370"]),
    ],
)
def test_a_number_written_as_a_character_reference_has_its_reference_as_surface(html, surfaces):
    # The reference's character stands in the body at its first position; the surface once
    # came out empty there, or cut the reference in half.
    claims = _checked(html, "html")
    assert [c.surface for c in claims] == surfaces


def test_a_level_after_an_unresolved_span_has_no_period_rather_than_the_string_none():
    # "the past decade" does not resolve without a document date.
    text = "After a 39 percent increase over the past decade, the budget is $16.7 billion."
    claims = _checked(text, "text")
    assert [c.period for c in claims] == [None, None]


def test_a_long_run_of_number_words_stays_finite_and_the_json_strict(tmp_path, capsys):
    text = "Counted: " + "one hundred " * 155 + "boxes.\n"
    claims = _checked(text, "text")
    assert claims and max(c.value for c in claims) < 1e6
    draft = tmp_path / "run.txt"
    draft.write_text(text)
    assert main(["extract", "--format", "json", str(draft)]) == 0
    strict_json(capsys.readouterr().out)


@pytest.mark.parametrize(
    "words, value",
    [
        ("one hundred one hundred", 101),  # two numbers, not 10,100
        ("one million one million", 1_000_001),  # scale words only fall
        ("two million three hundred thousand", 2.3e6),
        ("nineteen hundred", 1900),
        ("one and a half million", 1.5e6),
    ],
)
def test_number_words_follow_the_grammar_of_cardinals(words, value):
    claims = _checked(f"They shipped {words} units.", "text")
    assert claims[0].value == value


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("In 6–6 out of 10 trials it failed.", 60, 60),
        ("In 3–5 out of 10 trials it failed.", 30, 50),
    ],
)
def test_a_range_of_shares_keeps_its_value_inside_its_interval(text, low, high):
    (claim,) = _checked(text, "text")
    assert (claim.unit, claim.low, claim.high) == ("percent", low, high)
    assert low <= claim.value <= high


# --- linear time on one long line -----------------------------------------------------------


def _growth(make: Callable[[int], str], fmt: str, n: int) -> float:
    """How much longer load_text takes on 4n repetitions than on n: 4 for linear time, 16
    for quadratic. CPU time of this process, best of three, so that other processes on a
    loaded machine do not count."""
    texts = {size: make(size) for size in (n, 4 * n)}
    best = dict.fromkeys(texts, float("inf"))
    for _ in range(3):
        for size, text in texts.items():
            t0 = time.process_time()
            load_text(text, "long", fmt)
            best[size] = min(best[size], time.process_time() - t0)
    return best[4 * n] / best[n]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_footnote_markers_on_one_long_line_load_in_linear_time(fmt):
    # Each "[1]" once copied its line from the start to see whether it opens a list entry.
    ratio = _growth(lambda k: "The tally rose.[1] " * k, fmt, 15_000)
    assert ratio < LIMIT, f"4x the input took {ratio:.1f}x the time"


# --- catalog safety -------------------------------------------------------------------------

RUNAWAY_PATTERNS = ["(a|a)*$", "(a|aa)+$", "(?:a?){25}a{25}", ".*a.*a.*a.*a.*a.*b", "(a+)+b"]


def _catalog_with_terms(patterns: list[str]) -> str:
    lines = ["version: 1", "measures:"]
    for i, pattern in enumerate(patterns):
        lines += [
            f"  - id: test.m{i}",
            f"    label: Measure {i}",
            "    unit: count",
            "    terms:",
            f"      any: ['{pattern}']",
        ]
    return "\n".join(lines) + "\n"


def test_runaway_catalog_patterns_finish_on_a_long_sentence(tmp_path):
    # Each of these backtracks for tens of seconds, or forever, on Python's re against the
    # draft below; on RE2 the run is linear. The timeout only guards the suite against a hang.
    (tmp_path / "claims.yaml").write_text(_catalog_with_terms(RUNAWAY_PATTERNS))
    draft = tmp_path / "draft.txt"
    draft.write_text("They counted 12 " + "a" * 10_000 + " in 2021.\n")
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "check", "--no-cache", "--format", "json",
         str(draft)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    print(f"five runaway patterns, 10,000 characters: {time.perf_counter() - started:.2f} s")
    assert proc.returncode in (0, 1), proc.stderr
    assert assert_report_json(proc.stdout)["claims"]


def test_a_yaml_alias_bomb_is_refused_with_file_and_line(tmp_path, capsys):
    rows = ["version: 1", 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        rows.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    rows.append("measures: []")
    catalog = tmp_path / "bomb.yaml"
    catalog.write_text("\n".join(rows) + "\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("Nothing here.\n")
    code = main(["check", "--no-cache", "--catalog", str(catalog), str(draft)])
    err = capsys.readouterr().err
    assert code == 2
    # 9 ** 6 values are past the bound: the alias on the line of level 6 crosses it.
    assert f"{catalog}:7: invalid YAML:" in err and "alias" in err


def test_a_catalog_may_reuse_a_list_of_terms_by_alias(tmp_path):
    catalog = tmp_path / "claims.yaml"
    rows = ["version: 1", "measures:"]
    for i in range(50):
        anchor = " &deaths" if i == 0 else ""
        terms = "['died|deaths']" if i == 0 else "*deaths"
        rows += [f"  - id: test.m{i}", f"    label: M{i}", "    unit: count",
                 "    terms:", f"      any:{anchor} {terms}" if i == 0 else f"      any: {terms}"]  # fmt: skip
    catalog.write_text("\n".join(rows) + "\n")
    loaded = load_catalog(catalog)
    assert len(loaded.measures) == 50
    assert all(m.any_terms[0].search("Many DIED there") for m in loaded.measures)


@pytest.mark.parametrize(
    "text, found",
    [
        ("fentanyl deaths rose", "fentanyl"),
        ("fentanyl analogs rose, and fentanyl deaths too", "fentanyl@27"),
        ("fentanyl analogs rose", None),
        ("the IMF share", "IMF"),
    ],
)
def test_a_negative_lookahead_ending_an_alternative_runs_on_re2(text, found):
    # RE2 has no lookaround; one that ends an alternative is tried after each match.
    pattern = compile_user_pattern(r"\bfentanyl\b(?!\s+(?:analog|related))|\bIMF\b")
    m = pattern.search(text)
    if found is None:
        assert m is None
    else:
        word, _, at = found.partition("@")
        assert m.group() == word and m.start() == int(at or text.index(word))


@pytest.mark.parametrize("pattern", ["a(?=b)", "(?<=a)b", "a(?!b)c", "(a(?!b))", "(a)\\1"])
def test_lookaround_anywhere_else_and_backreferences_are_refused(pattern):
    with pytest.raises(UnsafePattern, match="RE2"):
        compile_user_pattern(pattern)


# --- the same answer for any order of the inputs --------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _variants(folder: Path, count: int) -> list[str]:
    """``count`` drafts: the examples, then copies with some figures changed (so that they
    contradict each other in many ways), in the examples' three formats."""
    sources = sorted(EXAMPLES.iterdir())
    rng = random.Random(14)
    paths = []
    for i in range(count):
        source = sources[i % len(sources)]
        text = source.read_text(encoding="utf-8")
        if i >= len(sources):

            def nudge(m: re.Match[str]) -> str:
                return f"{max(1, int(m.group(1)) + rng.randint(-4, 4))},{m.group(2)}"

            text = re.sub(r"\b(\d{1,3}),(\d{3})\b", nudge, text)
        path = folder / f"draft{i:02d}{source.suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _report(paths: list[str], capsys, *options: str) -> str:
    code = main(["check", "--no-cache", "--format", "json", *options, *paths])
    out = capsys.readouterr().out
    assert code in (0, 1)
    data = json.loads(out)
    data["summary"].pop("elapsed_seconds")
    return json.dumps(data, indent=1)


def test_findings_and_their_ids_do_not_depend_on_the_order_of_the_inputs(tmp_path, capsys):
    # Checking the same files forwards and backwards once gave different findings, places
    # and ids: groups kept their first claim, pairs their first-read side.
    paths = _variants(tmp_path, 50)
    forward = _report(paths, capsys)
    assert json.loads(forward)["findings"]
    assert _report(paths[::-1], capsys) == forward
    assert _report(random.Random(7).sample(paths, len(paths)), capsys) == forward


# --- memory: the JSON report is streamed -----------------------------------------------------


@pytest.mark.parametrize("which", ["sample", "empty"])
def test_the_streamed_json_report_is_the_text_json_dump_writes(which):
    import io

    from report_fixtures import empty_report, sample_report

    from factcheck.report.json_report import render_json

    report = sample_report() if which == "sample" else empty_report()
    out = io.StringIO()
    render_json(report, out)
    expected = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert out.getvalue() == expected


def test_a_pattern_set_says_no_only_for_patterns_absent_from_the_text():
    from factcheck.regex_safety import PatternSet

    patterns = [
        compile_user_pattern(source)
        for source in (r"\boverdose deaths?\b", r"fentanyl(?!\s+analog)|IMF", r"\bseiz\w+")
    ]
    found = PatternSet(patterns)
    for text in ("Overdose deaths fell.", "A fentanyl analog was seized.", "Nothing here.", ""):
        present = found.found_in(text)
        for pattern in patterns:
            if pattern.search(text) is not None:
                assert found.may_occur(pattern, present), (pattern.pattern, text)
    assert not found.may_occur(patterns[0], found.found_in("Nothing here."))
    # A pattern it does not hold may occur anywhere.
    assert found.may_occur(compile_user_pattern("other"), frozenset())
