"""The comparison tests/test_docx_corpus.py and tests/test_pdf_corpus.py share: a draft in
another format gives the claims and findings of its text version.

A claim is compared by ``key`` (value, unit, qualifier, period, measure), as a multiset; a
finding by its rule, severity, measure and the keys of the claims it names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.pipeline import extract_file, run_check
from factcheck.references import load_references

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = sorted((ROOT / "examples").glob("*.*"))


def key(c) -> tuple:
    return (round(c.value, 6) if c.value is not None else None, c.unit, c.qualifier, c.period,
            c.measure)  # fmt: skip


def differing(text_claims, other_claims) -> int:
    """How many claims one side has that the other lacks (the larger of the two counts)."""
    a, b = Counter(map(key, text_claims)), Counter(map(key, other_claims))
    return max(sum((a - b).values()), sum((b - a).values()))


def findings(paths, catalog, references) -> Counter:
    report = run_check([str(p) for p in paths], catalog, references)
    by_id = {c.id: c for c in report.claims}
    return Counter(
        (f.rule, f.severity, f.measure, tuple(key(by_id[c["id"]]) for c in f.claims))
        for f in report.findings
    )


def assert_same_as_text(
    sources: Iterable[Path],
    convert: Callable[[Path], Path],
    assert_positions_resolve: Callable[[Path, list], None],
    share: float = 0.02,
) -> None:
    """Each source written in another format (``convert`` gives its path) has claims whose
    positions resolve in it (``assert_positions_resolve`` asserts so); over all sources at
    most ``share`` of the text versions' claims differ, and the findings are the same."""
    catalog = load_catalog(default_catalog_path())
    references = load_references(None)
    sources = list(sources)
    total = diff = 0
    targets = []
    for source in sources:
        target = convert(source)
        targets.append(target)
        text_claims = [c for c in extract_file(source, catalog) if not c.suppressed]
        claims = extract_file(target, catalog)
        assert_positions_resolve(target, claims)
        total += len(text_claims)
        diff += differing(text_claims, [c for c in claims if not c.suppressed])
    assert total > 50 and diff <= share * total, (diff, total)
    assert findings(targets, catalog, references) == findings(sources, catalog, references)
