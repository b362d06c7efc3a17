"""The rule registry (factcheck/rules.py) and everything that reads it: the check stage, the
JSON schemas, the README, --select/--ignore, and inline suppression by rule."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from factcheck import rules
from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.check import check_claims
from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.load import load_text
from factcheck.pipeline import extract_claims
from factcheck.references import load_references
from factcheck.schema import bundled, load

ROOT = Path(__file__).resolve().parent.parent

# Written for these tests: a figure far from the reference (a reference-mismatch) and two
# figures of the same measure and year that disagree (a contradiction).
MISMATCH = "In 2021, more than 100,000 Americans died of fentanyl overdoses."
FIRST = "Overdose deaths from all drugs came to 107,941 in 2022."
SECOND = "In 2022, some 150,000 people died of drug overdoses."


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_catalog_path())


@pytest.fixture(scope="module")
def references():
    return load_references()


def findings_of(catalog, references, text: str, selected=None):
    doc = load_text(text, "draft.md", "markdown")
    claims = extract_claims(doc, catalog)
    found = check_claims(claims, catalog, references, selected)
    return sorted({f.rule for f in found if f.severity != "info"})


# --- the registry ---------------------------------------------------------------------------


def test_every_rule_is_complete_and_unique():
    assert len(set(rules.rule_ids())) == len(rules.RULES)
    for rule in rules.RULES:
        assert rule.id and rule.name and rule.family and rule.summary and rule.description
        assert rule.severity in rules.SEVERITIES
        assert rule.kind in ("fail", "pass", "informational")


def test_schema_rule_enums_are_the_registry():
    report = load("report")
    assert report["$defs"]["rule"]["enum"] == rules.rule_ids()
    suppression = load("catalog")["$defs"]["suppression"]["properties"]["rule"]
    assert suppression["enum"] == rules.rule_ids()
    claim = load("claim")["properties"]["suppressed_rules"]
    assert claim["items"]["enum"] == rules.rule_ids()


def test_the_files_leave_the_rule_list_to_the_registry():
    # A rule added to the registry needs no edit of a schema file: none lists rule ids.
    for path in (ROOT / "factcheck" / "schemas").glob("*.json"):
        text = path.read_text("utf-8")
        assert '"reference-mismatch"' not in text, path


def test_the_readme_table_is_the_registry():
    assert rules.markdown_table() in (ROOT / "README.md").read_text("utf-8")


def test_selectors_name_ids_families_globs_and_all():
    assert rules.matching("contradiction") == ["contradiction"]
    assert set(rules.matching("reference")) == {
        "reference-mismatch",
        "change-mismatch",
        "verified",
        "unverifiable",
    }
    assert set(rules.matching("*-mismatch")) == {
        "reference-mismatch",
        "change-mismatch",
        "relation-mismatch",
    }
    assert rules.matching("ALL") == rules.rule_ids()
    assert rules.select(["contradiction,relation"], []) == {"contradiction", "relation-mismatch"}
    assert rules.select(None, ["reference", "arithmetic"]) == {
        "contradiction",
        "relation-mismatch",
    }
    assert set(rules.matching("arithmetic")) == set(rules.matching("arithmetic-*"))
    with pytest.raises(ValueError, match="contradictoin"):
        rules.matching("contradictoin")


def test_every_finding_of_the_checks_is_registered(catalog, references):
    doc = load_text(f"{MISMATCH}\n\n{FIRST}\n\n{SECOND}\n", "draft.md", "markdown")
    found = check_claims(extract_claims(doc, catalog), catalog, references)
    assert {f.rule for f in found} <= set(rules.rule_ids())
    assert {"contradiction", "reference-mismatch"} <= {f.rule for f in found}


def test_the_check_stage_reports_only_the_selected_rules(catalog, references):
    text = f"{FIRST}\n\n{SECOND}\n"
    assert "contradiction" in findings_of(catalog, references, text)
    assert findings_of(catalog, references, text, rules.select(["reference"])) == [
        "reference-mismatch"
    ]
    assert findings_of(catalog, references, text, rules.select(None, ["reference"])) == [
        "contradiction"
    ]


# --- schema report is self-contained ---------------------------------------------------------


def test_the_printed_report_schema_validates_a_report_on_its_own(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["schema", "report"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == bundled("report")
    (tmp_path / "a.md").write_text(f"{FIRST}\n\n{SECOND}\n", encoding="utf-8")
    assert main(["check", "--format", "json", "a.md"]) == 1
    report = json.loads(capsys.readouterr().out)
    # No registry, no network: the claim schema is inside the report schema.
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(report)) == []
    report["claims"][0]["qualifier"] = "roughly"  # not a qualifier: the claim schema says so
    assert any("roughly" in e.message for e in validator.iter_errors(report))


# --- the command line -----------------------------------------------------------------------


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(f"{MISMATCH}\n\n{FIRST}\n\n{SECOND}\n", encoding="utf-8")
    return tmp_path


def rules_in(out: str) -> set[str]:
    return {line.split()[2] for line in out.splitlines() if line[:1] not in (" ", "")}


def test_select_and_ignore_on_the_command_line(capsys, drafts):
    code, out, _ = cli(capsys, "check", "-q", "a.md")
    assert code == 1 and rules_in(out) == {"contradiction", "reference-mismatch"}
    code, out, _ = cli(capsys, "check", "-q", "--select", "contradiction", "a.md")
    assert code == 1 and rules_in(out) == {"contradiction"}
    code, out, _ = cli(capsys, "check", "-q", "--ignore", "consistency", "--ignore", "reference",
                       "a.md")  # fmt: skip
    assert code == 0 and out == ""
    code, out, err = cli(capsys, "check", "--select", "contradictoin", "a.md")
    assert code == 2 and "contradictoin" in err and out == ""


def test_rules_command_lists_and_describes(capsys):
    code, out, _ = cli(capsys, "rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == rules.rule_ids()
    code, out, _ = cli(capsys, "rules", "relation-mismatch")
    assert code == 0 and rules.get("relation-mismatch").description in out
    code, _, err = cli(capsys, "rules", "nonsense")
    assert code == 2 and "nonsense" in err


# --- inline suppression -----------------------------------------------------------------------


def test_ignore_by_rule_silences_only_that_rule(catalog, references):
    text = f"{FIRST}\n\n<!-- factcheck: ignore[contradiction] -->\n{SECOND}\n"
    assert findings_of(catalog, references, text) == ["reference-mismatch"]
    text = f"{FIRST}\n\n<!-- factcheck: ignore[reference-mismatch] -->\n{SECOND}\n"
    assert findings_of(catalog, references, text) == ["contradiction"]
    text = f"{FIRST}\n\n<!-- factcheck: ignore -->\n{SECOND}\n"
    assert findings_of(catalog, references, text) == []


def test_off_and_on_silence_a_block(catalog, references):
    block = f"<!-- factcheck: off -->\n{MISMATCH}\n\n{SECOND}\n<!-- factcheck: on -->\n"
    assert findings_of(catalog, references, f"{block}\n{FIRST}\n") == []
    # After "on", claims count again.
    after = f"<!-- factcheck: off -->\n{FIRST}\n<!-- factcheck: on -->\n\n{MISMATCH}\n"
    assert findings_of(catalog, references, after) == ["reference-mismatch"]
    # An "off" never closed runs to the end of the file.
    assert findings_of(catalog, references, f"{FIRST}\n\n<!-- factcheck: off -->\n{SECOND}\n") == []


def test_ignore_file_silences_the_whole_file_wherever_it_stands(catalog, references):
    text = f"{MISMATCH}\n\n{FIRST}\n\n{SECOND}\n\n<!-- factcheck: ignore-file -->\n"
    assert findings_of(catalog, references, text) == []
    text = f"<!-- factcheck: ignore-file[reference] -->\n{MISMATCH}\n\n{FIRST}\n\n{SECOND}\n"
    assert findings_of(catalog, references, text) == ["contradiction"]


def test_a_directive_naming_no_rule_is_an_input_error_naming_file_and_line(catalog):
    doc = load_text(f"{FIRST}\n\n<!-- factcheck: ignore[contradictoin] -->\n", "d.md", "markdown")
    with pytest.raises(InputError, match=r"d\.md:3: 'contradictoin' names no rule"):
        extract_claims(doc, catalog)


def test_the_reason_and_rules_are_kept_on_the_claim(catalog):
    text = f"<!-- factcheck: ignore[contradiction] counted another way -->\n{SECOND}\n"
    [claim] = [c for c in extract_claims(load_text(text, "d.md", "markdown"), catalog)]
    assert claim.suppressed == "inline: counted another way"
    assert claim.suppressed_rules == ["contradiction"]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (f"<!-- factcheck: ignore counted another way --> as noted\n{SECOND}\n", "markdown"),
        (f"Deaths rose. <!-- factcheck: ignore counted another way --> {SECOND}\n", "markdown"),
        (f"<p><!-- factcheck: ignore counted another way --> {SECOND}</p>\n", "html"),
        (f"/* factcheck: ignore counted another way */ {SECOND}\n", "text"),
    ],
    ids=["markdown-line", "markdown-inline", "html", "block-comment"],
)
def test_the_reason_ends_where_its_comment_ends(catalog, text, fmt):
    # Prose after the comment on the same line is the draft's, not part of the reason.
    claims = extract_claims(load_text(text, f"d.{fmt}", fmt), catalog)
    assert claims and {c.suppressed for c in claims} == {"inline: counted another way"}
