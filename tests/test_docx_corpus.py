"""The examples and the seed documents written as Word documents (tests/docx_files.py) give
the same claims and findings as their text versions, and every claim's position in the .docx
points at the words of its number."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.load.docx import paragraph_texts
from factcheck.pipeline import extract_file, run_check
from factcheck.references import load_references

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_files import write_docx  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = sorted((ROOT / "examples").glob("*.*"))


def key(c) -> tuple:
    return (round(c.value, 6) if c.value is not None else None, c.unit, c.qualifier, c.period,
            c.measure)  # fmt: skip


def as_docx(source: Path, folder: Path) -> Path:
    return write_docx(source.read_text(encoding="utf-8"), folder / f"{source.stem}.docx",
                      source.name)  # fmt: skip


def differing(text_claims, docx_claims) -> int:
    a, b = Counter(map(key, text_claims)), Counter(map(key, docx_claims))
    return max(sum((a - b).values()), sum((b - a).values()))


def assert_positions_resolve(path: Path, claims) -> None:
    texts = paragraph_texts(open(path, "rb"))
    for claim in claims:
        start, end = claim.position["start"], claim.position["end"]
        assert start["paragraph"] == end["paragraph"], claim.position
        words = texts[start["paragraph"] - 1][start["char"] - 1 : end["char"] - 1]
        assert words == claim.surface, (claim.position, claim.surface, words)


def test_the_examples_as_word_documents(tmp_path):
    catalog = load_catalog(default_catalog_path())
    (tmp_path / "docx").mkdir()
    for source in EXAMPLES:
        target = as_docx(source, tmp_path / "docx")
        text_claims = [c for c in extract_file(source, catalog) if not c.suppressed]
        docx_claims = [c for c in extract_file(target, catalog) if not c.suppressed]
        assert Counter(map(key, text_claims)) == Counter(map(key, docx_claims)), source.name
        assert_positions_resolve(target, extract_file(target, catalog))


def _findings(paths, catalog, references) -> Counter:
    report = run_check([str(p) for p in paths], catalog, references)
    by_id = {c.id: c for c in report.claims}
    return Counter(
        (f.rule, f.severity, f.measure, tuple(key(by_id[c["id"]]) for c in f.claims))
        for f in report.findings
    )


def test_the_examples_as_word_documents_give_the_same_findings(tmp_path):
    catalog = load_catalog(default_catalog_path())
    references = load_references(None)
    (tmp_path / "docx").mkdir()
    targets = [as_docx(source, tmp_path / "docx") for source in EXAMPLES]
    assert _findings(targets, catalog, references) == _findings(EXAMPLES, catalog, references)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_the_seed_documents_as_word_documents(tmp_path):
    """At most 2% of the claims differ (today none do; benchmarks/docx_claims.py -v lists
    any difference with its sentence), the findings are the same, and every position
    resolves to its number's words."""
    catalog = load_catalog(default_catalog_path())
    references = load_references(None)
    seeds = sorted(SEEDS.glob("[0-9]*.txt"))
    total = diff = 0
    targets = []
    for source in seeds:
        target = as_docx(source, tmp_path)
        targets.append(target)
        text_claims = [c for c in extract_file(source, catalog) if not c.suppressed]
        docx_claims = extract_file(target, catalog)
        assert_positions_resolve(target, docx_claims)
        total += len(text_claims)
        diff += differing(text_claims, [c for c in docx_claims if not c.suppressed])
    assert total > 50 and diff <= 0.02 * total, (diff, total)
    assert _findings(targets, catalog, references) == _findings(seeds, catalog, references)
