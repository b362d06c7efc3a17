"""The claim cache: a hit skips extraction, a corrupt entry is a miss, writes are atomic."""

from __future__ import annotations

import json
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
    assert len(entries) == 1 and not list(Path(cache_dir).rglob("*.tmp"))
    sha = pipeline.file_sha256(draft)
    assert cache.get(entries[0].stem, str(draft), sha)[0].value == 107941


def test_an_unwritable_cache_costs_nothing_but_time(tmp_path: Path, catalog):
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    _, claims = pipeline.extract_path(draft, catalog, cache=_cache(str(blocker), catalog))
    assert claims[0].value == 107941


# --- entries are validated on read: anything wrong is a miss, and rewritten ------------------


def _one_entry(tmp_path: Path, catalog) -> tuple[Path, Path, str]:
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT)
    cache_dir = tmp_path / "cache"
    pipeline.extract_path(draft, catalog, cache=_cache(str(cache_dir), catalog))
    (entry,) = cache_dir.rglob("*.json")
    return draft, entry, str(cache_dir)


def _damage_wrong_type(data):
    data["claims"]["line"][0] = "three"


def _damage_float_as_text(data):
    data["claims"]["value"][0] = "107941"


def _damage_missing_field(data):
    del data["claims"]["surface"]


def _damage_short_column(data):
    data["claims"]["value"] = []


def _damage_other_hash(data):
    data["sha256"] = "0" * 64


def _damage_rows_not_columns(data):
    columns = data["claims"]
    rows = zip(*columns.values(), strict=True)
    data["claims"] = [dict(zip(columns, row, strict=True)) for row in rows]


@pytest.mark.parametrize(
    "damage",
    [_damage_wrong_type, _damage_float_as_text, _damage_missing_field, _damage_short_column,
     _damage_other_hash, _damage_rows_not_columns],
)  # fmt: skip
def test_an_entry_of_the_wrong_shape_is_a_miss_and_is_rewritten(tmp_path, catalog, damage):
    # Wrong-typed fields once crashed every later run, and the entry was never repaired.
    draft, entry, cache_dir = _one_entry(tmp_path, catalog)
    data = json.loads(entry.read_text())
    damage(data)
    entry.write_text(json.dumps(data))
    _, claims = pipeline.extract_path(draft, catalog, cache=_cache(cache_dir, catalog))
    assert claims[0].value == 107941 and claims[0].line == 1
    repaired = json.loads(entry.read_text())
    assert repaired["claims"]["line"] == [1] and repaired["sha256"] == pipeline.file_sha256(draft)


@pytest.mark.parametrize("text", ["", "[]", "null", "[" * 100_000 + "]" * 100_000])
def test_an_empty_or_deeply_nested_entry_is_a_miss(tmp_path, catalog, text):
    # "[]" was once trusted as "no claims"; a deep nesting raised RecursionError.
    draft, entry, cache_dir = _one_entry(tmp_path, catalog)
    entry.write_text(text)
    _, claims = pipeline.extract_path(draft, catalog, cache=_cache(cache_dir, catalog))
    assert [c.value for c in claims] == [107941]


def test_a_swapped_entry_is_a_miss(tmp_path, catalog):
    # Another document's entry in this one's place once gave that document's claims.
    cache_dir = tmp_path / "cache"
    drafts = {}
    for name, figure in (("a.md", "107,941"), ("b.md", "99,000")):
        drafts[name] = tmp_path / name
        drafts[name].write_text(DRAFT.replace("107,941", figure))
        pipeline.extract_path(drafts[name], catalog, cache=_cache(str(cache_dir), catalog))
    first, second = sorted(cache_dir.rglob("*.json"))
    a, b = first.read_bytes(), second.read_bytes()
    first.write_bytes(b)
    second.write_bytes(a)
    values = {
        name: pipeline.extract_path(path, catalog, cache=_cache(str(cache_dir), catalog))[1][
            0
        ].value
        for name, path in drafts.items()
    }
    assert values == {"a.md": 107941, "b.md": 99000}


def test_a_failed_rename_leaves_no_temporary_file(tmp_path, catalog, monkeypatch):
    import os

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT)
    cache_dir = tmp_path / "cache"
    _, claims = pipeline.extract_path(draft, catalog, cache=_cache(str(cache_dir), catalog))
    assert claims[0].value == 107941
    left = [p for p in cache_dir.rglob("*") if p.is_file() and p.name != ".gitignore"]
    assert left == []


def test_claims_of_real_extraction_round_trip_through_the_cache(tmp_path):
    # Every field of an extracted and matched claim is of its annotated type, so the entry is
    # read back (a field of the wrong type made every entry a miss, and every hook run cold).
    from factcheck.catalog import default_catalog_path, load_catalog
    from factcheck.pipeline import extract_file

    draft = tmp_path / "draft.md"
    draft.write_text(
        "In 2022, 107,941 people died of drug overdoses. Around 73,000 of these deaths "
        "involved fentanyl. Prices fell to $5 a pill.\n",
        encoding="utf-8",
    )
    claims = extract_file(draft, load_catalog(default_catalog_path()))
    cache = ClaimCache(tmp_path / "cache", "catalog-sha")
    key = cache.key(str(draft), "content-sha")
    cache.put(key, str(draft), "content-sha", claims)
    assert cache.get(key, str(draft), "content-sha") == claims
    # An id made from the claim's place is stored as "" and made again: a claim read back
    # holds no id of its own; an id given to a claim is kept.
    claims[0].id = "c-given"
    cache.put(key, str(draft), "content-sha", claims)
    stored = json.loads(next((tmp_path / "cache").rglob("*.json")).read_text())["claims"]["id"]
    assert stored == ["c-given"] + [""] * (len(claims) - 1)
    read = cache.get(key, str(draft), "content-sha")
    assert read == claims and [c.given_id() for c in read[:2]] == ["c-given", ""]


def test_claims_are_read_back_by_field_order():
    # Entries store a column per field and make claims positionally, in ClaimFields' order.
    import dataclasses
    import inspect

    from factcheck.model import Claim

    names = [f.name for f in dataclasses.fields(Claim)]
    assert list(inspect.signature(Claim).parameters) == names
