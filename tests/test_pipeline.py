"""The composed stages: corpus evidence, worker processes, progress, the report's inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.pipeline import run_check
from factcheck.references import load_references

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def config():
    return load_catalog(default_catalog_path()), load_references()


def _keys(report):
    return sorted((f.rule, f.claims[0]["doc"], f.claims[0]["line"]) for f in report.findings)


def test_worker_processes_give_the_same_report(config):
    one = run_check([str(EXAMPLES)], *config)
    two = run_check([str(EXAMPLES)], *config, jobs=2)
    assert _keys(one) == _keys(two)
    assert [c.id for c in one.claims] == [c.id for c in two.claims]


def test_corpus_is_evidence_but_only_targets_are_reported(config):
    target = str(EXAMPLES / "web-article.html")
    alone = run_check([target], *config)
    with_corpus = run_check([target], *config, corpus=[str(EXAMPLES)])
    contradictions = [f for f in with_corpus.findings if f.rule == "contradiction"]
    assert contradictions and not [f for f in alone.findings if f.rule == "contradiction"]
    for finding in with_corpus.findings:
        assert any(c["doc"] == target for c in finding.claims)
    roles = {Path(i["path"]).name: i["role"] for i in with_corpus.inputs}
    assert roles["web-article.html"] == "target" and roles["overdose-brief.md"] == "corpus"
    assert with_corpus.summary["documents"] == 1


def test_progress_sees_every_document(config):
    seen = []

    def progress(results, total):
        for item in results:
            seen.append(total)
            yield item

    report = run_check([str(EXAMPLES)], *config, progress=progress)
    assert seen == [len(report.inputs)] * len(report.inputs)


def test_inputs_carry_their_hashes(config):
    report = run_check([str(EXAMPLES / "overdose-brief.md")], *config)
    import hashlib

    data = (EXAMPLES / "overdose-brief.md").read_bytes()
    assert report.inputs[0]["sha256"] == hashlib.sha256(data).hexdigest()
    assert report.catalog["sha256"] and report.references["sha256"]
