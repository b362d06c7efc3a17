"""Property tests over the whole pipeline: generated documents (tests/fuzz_inputs.py) through
load + extract + match + check + every renderer, with every invariant of tests/invariants.py.

Fast and few here (some sixty examples, the same ones in CI: derandomized when CI is set);
`make fuzz` runs the long campaign (tests/fuzz_campaign.py) over the same generators.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

from fuzz_inputs import (
    document,
    documents,
    odt_documents,
    pdf_documents,
    snippets,
    word_documents,
)
from hypothesis import HealthCheck, given, settings
from invariants import assert_claim, check_run

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.references import load_references

SETTINGS = settings(
    max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=bool(os.environ.get("CI")),
    database=None,
)


@cache
def _configuration():
    return load_catalog(default_catalog_path()), load_references()


def _check(docs, **options):
    """Every property test's body: the generated documents through the whole pipeline in a
    fresh folder, every invariant asserted (tests/invariants.py, ``check_run``)."""
    catalog, references = _configuration()
    with tempfile.TemporaryDirectory() as folder:
        check_run(Path(folder), docs, catalog, references, **options)


# A Word document, an .odt or a PDF is slower to make and read than text: fewer examples.
FEWER = settings(SETTINGS, max_examples=max(3, SETTINGS.max_examples // 5))


@SETTINGS
@given(docs=documents)
def test_the_pipeline_keeps_every_invariant_on_generated_documents(docs):
    _check(docs)


@settings(SETTINGS, max_examples=max(3, SETTINGS.max_examples // 10))
@given(docs=documents)
def test_the_html_report_renders_on_generated_documents(docs):
    _check(docs, html=True, reorder=False)


@SETTINGS
@given(doc=document())
def test_one_generated_document_alone(doc):
    _check([doc])


@SETTINGS
@given(snippet=snippets())
def test_a_generated_snippet_keeps_every_claim_contract(snippet):
    # The campaign's most common input: one sentence- or paragraph-sized document, read from
    # its bytes in its format, extracted and matched.
    import io

    from factcheck.load import documents_of
    from factcheck.pipeline import extract_claims

    suffix, data = snippet
    catalog, _ = _configuration()
    for doc in documents_of(io.BytesIO(data), f"snippet{suffix}"):
        for claim in extract_claims(doc, catalog):
            assert_claim(claim, doc.text)


@FEWER
@given(doc=word_documents())
def test_a_generated_word_document_and_its_reviewed_copy(doc):
    # Positions name the numbers' words; damage is an input error naming the file; the
    # reviewed copy (--format docx) keeps the draft's text, its comments on claims' words.
    _check([doc])


@FEWER
@given(doc=odt_documents())
def test_a_generated_odt(doc):
    _check([doc])


@FEWER
@given(doc=pdf_documents())
def test_a_generated_pdf(doc):
    _check([doc])


# --- the campaign harness (tests/fuzz_campaign.py) ------------------------------------------


def test_a_short_campaign_runs_both_sizes_of_input_and_logs_its_tally(tmp_path):
    import fuzz_campaign

    log = tmp_path / "fuzz-log.txt"
    args = ["--count", "40", "--full-every", "20", "--html-every", "40", "--log", str(log)]
    assert fuzz_campaign.main(args) == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("start: engine seeded, inputs 0 to 39")
    seconds, next_index, tally = fuzz_campaign.last_progress(log)
    assert next_index == 40
    assert tally["inputs"] == 40 and tally["full pipeline"] == 2 and tally["with html"] == 1
    assert tally["word and pdf"] == 2  # input 25 alone, and one among input 0's documents
    assert not tally["exceptions"] and not tally["invariant violations"]


def test_campaign_inputs_depend_only_on_seed_and_index():
    from fuzz_campaign import input_at

    assert input_at(0, 123, 100) == input_at(0, 123, 100)
    assert input_at(0, 123, 100) != input_at(1, 123, 100)
    assert len(input_at(0, 7, 100)) == 1  # a snippet; index 0 mod 100: whole documents
    assert all(isinstance(data, bytes) for _, data in input_at(0, 200, 100))
    # A Word document or PDF: the same bytes each time (no time stamps).
    ((suffix, data),) = input_at(0, 25, 100)
    assert suffix in (".docx", ".odt", ".pdf") and input_at(0, 25, 100) == [(suffix, data)]
    assert input_at(0, 400, 100)[-1][0] == ".docx"


def test_a_resumed_campaign_goes_on_after_its_last_progress_line(tmp_path, monkeypatch):
    import fuzz_campaign

    monkeypatch.setattr(fuzz_campaign, "PROGRESS_EVERY", 10)
    log = tmp_path / "fuzz-log.txt"
    log.write_text(
        "start: engine seeded, inputs 0 to 29, seed 0, full pipeline every 100, html every 5000\n"
        "progress: 3 s, 7 inputs/s, next 20, {'inputs': 20, 'documents': 21, 'claims': 50}\n",
        encoding="utf-8",
    )
    assert fuzz_campaign.main(["--count", "30", "--resume", "--log", str(log)]) == 0
    _, next_index, tally = fuzz_campaign.last_progress(log)
    assert next_index == 30 and tally["inputs"] == 30
    assert "resume: at input 20" in log.read_text(encoding="utf-8")


def test_a_line_break_inside_a_word_table_cell_figure_keeps_its_position(tmp_path):
    """Campaign inputs whose Word table cells break a line inside a figure ("USD" then a
    break then "100,000 million"): the claim's position spans its words (the invariant once
    failed on the break, which the cell's one-line text reads as a space)."""
    import fuzz_campaign

    for index in (1143925, 1584775):
        log = tmp_path / f"replay-{index}.txt"
        args = ["--start", str(index), "--count", "1", "--log", str(log)]
        assert fuzz_campaign.main(args) == 0
        _seconds, _next, tally = fuzz_campaign.last_progress(log)
        assert tally["word and pdf"] == 1 and tally["claims"] > 0
        assert not tally["exceptions"] and not tally["invariant violations"], log.read_text()
