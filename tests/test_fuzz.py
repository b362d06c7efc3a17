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

from fuzz_inputs import document, documents
from hypothesis import HealthCheck, given, settings
from invariants import check_run

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


@SETTINGS
@given(docs=documents)
def test_the_pipeline_keeps_every_invariant_on_generated_documents(docs):
    catalog, references = _configuration()
    with tempfile.TemporaryDirectory() as folder:
        check_run(Path(folder), docs, catalog, references)


@settings(SETTINGS, max_examples=max(3, SETTINGS.max_examples // 10))
@given(docs=documents)
def test_the_html_report_renders_on_generated_documents(docs):
    catalog, references = _configuration()
    with tempfile.TemporaryDirectory() as folder:
        check_run(Path(folder), docs, catalog, references, html=True, reorder=False)


@SETTINGS
@given(doc=document())
def test_one_generated_document_alone(doc):
    catalog, references = _configuration()
    with tempfile.TemporaryDirectory() as folder:
        check_run(Path(folder), [doc], catalog, references)
