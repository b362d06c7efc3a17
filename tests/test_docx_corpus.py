"""The examples and the seed documents written as Word documents (tests/docx_files.py) give
the same claims and findings as their text versions, and every claim's position in the .docx
points at the words of its number."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from corpus_compare import EXAMPLES, SEEDS, assert_same_as_text, findings, key
from docx_files import write_docx

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.load.docx import paragraph_texts
from factcheck.pipeline import extract_file
from factcheck.references import load_references


def as_docx(source: Path, folder: Path) -> Path:
    return write_docx(source.read_text(encoding="utf-8"), folder / f"{source.stem}.docx",
                      source.name)  # fmt: skip


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


def test_the_examples_as_word_documents_give_the_same_findings(tmp_path):
    catalog = load_catalog(default_catalog_path())
    references = load_references(None)
    (tmp_path / "docx").mkdir()
    targets = [as_docx(source, tmp_path / "docx") for source in EXAMPLES]
    assert findings(targets, catalog, references) == findings(EXAMPLES, catalog, references)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_the_seed_documents_as_word_documents(tmp_path):
    """At most 2% of the claims differ (today none do; benchmarks/docx_claims.py -v lists
    any difference with its sentence), the findings are the same, and every position
    resolves to its number's words."""
    assert_same_as_text(
        sorted(SEEDS.glob("[0-9]*.txt")),
        lambda source: as_docx(source, tmp_path),
        assert_positions_resolve,
    )
