"""The four seed documents (../shared/seeds): schema, exact positions, URLs, citations, accuracy.

The seeds are other people's writing: they are read from the shared folder, never copied
here, and the tests skip cleanly where that folder is absent.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from factcheck.load import load_file
from factcheck.model import Claim, Document
from factcheck.pipeline import extract_claims

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SCHEMA = Path(__file__).resolve().parents[1] / "factcheck" / "schemas" / "claim.schema.json"
SEED_FILES = sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")) if SEEDS.is_dir() else []

pytestmark = pytest.mark.skipif(len(SEED_FILES) != 4, reason=f"seed corpus not at {SEEDS}")

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”)\]]+")


@cache
def extracted(name: str) -> tuple[Document, list[Claim]]:
    doc = load_file(SEEDS / name)
    assert doc is not None
    return doc, extract_claims(doc)


def seed_ids() -> list[str]:
    return [p.name for p in SEED_FILES] or ["none"]


def _offset(text: str, line: int, column: int) -> int:
    """The offset of a 1-based (line, column), found by counting lines in the original text."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    end = text.find("\n", start)
    assert 1 <= column <= (len(text) if end == -1 else end) - start + 1
    return start + column - 1


@pytest.mark.parametrize("name", seed_ids())
def test_every_claim_validates_against_the_claim_schema(name: str) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    _, claims = extracted(name)
    assert claims
    for claim in claims:
        # Through JSON, as a user gets it: a value that does not survive (NaN, inf) fails here.
        data = json.loads(json.dumps(claim.to_dict(), allow_nan=False))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, (claim.line, claim.surface, errors)


@pytest.mark.parametrize("name", seed_ids())
def test_the_original_text_at_each_position_starts_with_the_surface(name: str) -> None:
    # The acceptance criterion of exact positions: `path:line:col` opens at the number.
    raw = (SEEDS / name).read_bytes().decode("utf-8")
    text = raw[1:] if raw.startswith("\ufeff") else raw
    _, claims = extracted(name)
    for claim in claims:
        at = _offset(text, claim.line, claim.column)
        assert text.startswith(claim.surface, at), (claim.line, claim.column, claim.surface)
        end = _offset(text, claim.end_line, claim.end_column)
        assert end == at + len(claim.surface), (claim.line, claim.surface)


@pytest.mark.parametrize("name", seed_ids())
def test_no_claim_inside_a_url(name: str) -> None:
    doc, claims = extracted(name)
    urls = [(m.start(), m.end()) for m in URL_RE.finditer(doc.text)]
    for claim in claims:
        start = _offset(doc.text, claim.line, claim.column)
        inside = [doc.text[a:b] for a, b in urls if a <= start < b]
        assert not inside, (claim.line, claim.surface, inside)


@pytest.mark.parametrize("name", seed_ids())
def test_sentences_carry_no_footnote_markers(name: str) -> None:
    _, claims = extracted(name)
    for claim in claims:
        assert "<sup>" not in claim.sentence and "</sup>" not in claim.sentence, claim.sentence


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_claims_carry_the_citation_markers_of_their_sentence(prefix: str) -> None:
    (path,) = [p for p in SEED_FILES if p.name.startswith(prefix + "_")]
    doc, claims = extracted(path.name)
    labels = {m.label for m in doc.markers}
    cited = [c for c in claims if c.citation]
    # These three seeds cite their sources with markers (<sup>N</sup>, [N], glued endnote
    # numbers): a good share of their claims sit in a sentence that has one.
    assert len(cited) >= len(claims) // 3, (len(cited), len(claims))
    for claim in cited:
        assert set(claim.citation.split(",")) <= labels, (claim.line, claim.citation)
    # A marker is never a value: no claim stands where a marker is.
    marker_starts = {m.start for m in doc.markers}
    for claim in claims:
        assert _offset(doc.text, claim.line, claim.column) not in marker_starts, claim.surface


def test_extraction_accuracy_floor() -> None:
    """A regression guard, not the goal: the issue's targets are 95% precision and recall,
    95% for unit and qualifier, 90% for period. The floors sit a few points below the figures
    of `python tests/score.py` (last raised at precision 98.9%, recall 98.9%, value 100%,
    unit 98.9%, qualifier 100%, period 95.4%), so ordinary work does not trip them; raise
    them as the extractor improves."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from score import FIELDS, score_all
    finally:
        sys.path.pop(0)
    results = score_all(SEEDS)
    assert len(results) == 4
    labels = sum(r.labels for r in results)
    predicted = sum(r.predicted for r in results)
    matched = sum(r.matched for r in results)
    overall = {
        "precision": matched / predicted,
        "recall": matched / labels,
        **{f: sum(r.correct[f] for r in results) / matched for f in FIELDS},
    }
    floors = {
        "precision": 0.96,
        "recall": 0.96,
        "value": 0.98,
        "unit": 0.96,
        "qualifier": 0.97,
        "period": 0.92,
    }
    low = {
        k: f"{overall[k]:.1%} < {floor:.0%}" for k, floor in floors.items() if overall[k] < floor
    }
    assert not low, low
