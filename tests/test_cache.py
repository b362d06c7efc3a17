"""The claim cache: a hit skips extraction, a corrupt entry is a miss, writes are atomic."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.cache import ClaimCache
from factcheck.catalog import default_catalog_path, load_catalog

DRAFT = "Overdose deaths from all drugs came to 107,941 in 2022.\n"


def _cache(directory, catalog) -> ClaimCache:
    """The cache as `factcheck check` builds it, keyed by the catalog's hash."""
    return ClaimCache(directory, pipeline.file_sha256(catalog.path) or "")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_catalog_path())


def test_a_second_run_reads_the_cache(tmp_path: Path, catalog, monkeypatch):
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT)
    cache = str(tmp_path / "cache")
    _, first = pipeline.extract_path(draft, catalog, cache=_cache(cache, catalog))

    def fail(*args, **kwargs):
        raise AssertionError("extracted again despite a cache entry")

    import factcheck.load

    monkeypatch.setattr(factcheck.load, "documents_of", fail)
    _, second = pipeline.extract_path(draft, catalog, cache=_cache(cache, catalog))
    assert [c.to_dict() for c in second] == [c.to_dict() for c in first]


def test_a_changed_file_is_extracted_again(tmp_path: Path, catalog):
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT)
    cache = str(tmp_path / "cache")
    pipeline.extract_path(draft, catalog, cache=_cache(cache, catalog))
    draft.write_text(DRAFT.replace("107,941", "99,000"))
    _, claims = pipeline.extract_path(draft, catalog, cache=_cache(cache, catalog))
    assert claims[0].value == 99000


def test_a_corrupt_entry_is_a_miss(tmp_path: Path, catalog):
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT)
    cache_dir = tmp_path / "cache"
    pipeline.extract_path(draft, catalog, cache=_cache(str(cache_dir), catalog))
    for entry in cache_dir.rglob("*.json"):
        entry.write_text('[{"doc": "trunc')
    _, claims = pipeline.extract_path(draft, catalog, cache=_cache(str(cache_dir), catalog))
    assert claims and claims[0].value == 107941


def test_concurrent_writers_leave_a_whole_entry(tmp_path: Path, catalog):
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT)
    cache_dir = str(tmp_path / "cache")
    threads = [threading.Thread(target=pipeline.extract_path, args=(draft, catalog, None, _cache(cache_dir, catalog)))
               for _ in range(8)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cache = ClaimCache(cache_dir, pipeline.file_sha256(catalog.path) or "")
    entries = list(Path(cache_dir).rglob("*.json"))
    assert len(entries) == 1 and not list(Path(cache_dir).rglob(".tmp-*"))
    assert cache.get(entries[0].stem)[0].value == 107941


def test_an_unwritable_cache_costs_nothing_but_time(tmp_path: Path, catalog):
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    _, claims = pipeline.extract_path(draft, catalog, cache=_cache(str(blocker), catalog))
    assert claims[0].value == 107941
