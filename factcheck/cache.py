"""A cache of extracted claims, so that a pre-commit run re-reads only the drafts that changed.

An entry is keyed by everything extraction depends on: the file's path and bytes, the catalog
(its hash), the document date given with --as-of, and factcheck's own version. An entry also
carries its key, the path and the sha256 of the document's content, and is checked when read:
the right shape, every claim field of the right type, the same key, path and content hash.
Anything else (corrupt, truncated, empty, nested past reason, another document's entry copied
or swapped into its place, an older format) is a miss: the document is extracted again and
the entry rewritten. Entries are written whole or not at all (``output.atomic_write``), so
concurrent runs never see a half-written one and a failed write leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import math
from operator import attrgetter
from pathlib import Path
from typing import Any

from . import __version__
from .model import Claim
from .output import atomic_write

log = logging.getLogger("factcheck")
CACHE_DIR = ".factcheck-cache"
# Bump when the stored form of a claim changes. 4: the claims as columns (a list of values per
# field, in ClaimFields' order), not an object per claim: reading a dense draft's entry made
# a dict of 37 keys per claim that was dropped at once.
FORMAT = 4


class ClaimCache:
    def __init__(self, directory: str | Path, catalog_sha256: str, as_of: str | None = None):
        self.directory = Path(directory)
        self.salt = f"{FORMAT}\0{__version__}\0{catalog_sha256}\0{as_of or ''}"

    def key(self, path: str, content_sha256: str) -> str:
        return hashlib.sha256(f"{self.salt}\0{path}\0{content_sha256}".encode()).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, path: str, content_sha256: str) -> list[Claim] | None:
        """The cached claims of ``path`` with this content, or None (a miss)."""
        entry = self._entry(key)
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            problem = _problem(data, key, path, content_sha256)
            if problem is None:
                columns = data["claims"]
                return [Claim(*values) for values in zip(*columns.values(), strict=True)]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, RecursionError) as exc:
            problem = f"{type(exc).__name__}: {exc}"
        log.info("cache entry %s is not valid (%s); extracting again", entry, problem)
        return None

    def put(self, key: str, path: str, content_sha256: str, claims: list[Claim]) -> None:
        folder = self.directory / key[:2]
        data = {
            "format": FORMAT,
            "key": key,
            "path": path,
            "sha256": content_sha256,
            "claims": {name: list(map(read, claims)) for name, read in _STORED.items()},
        }
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _ignore_folder(self.directory)
            with atomic_write(self._entry(key)) as handle:
                json.dump(data, handle, ensure_ascii=False, allow_nan=False)
        except (OSError, ValueError) as exc:
            # A read-only checkout or a full disk costs speed, never a result.
            log.info("could not write the claim cache in %s: %s", folder, exc)


def _problem(data: Any, key: str, path: str, content_sha256: str) -> str | None:
    """What is wrong with a cache entry as read, or None when it can be trusted."""
    if not isinstance(data, dict):
        return "not an object"
    expected = {"format": FORMAT, "key": key, "path": path, "sha256": content_sha256}
    for name, value in expected.items():
        if data.get(name) != value:
            return f"{name} is {data.get(name)!r}, not {value!r}"
    columns = data.get("claims")
    if not isinstance(columns, dict) or list(columns) != list(_FIELD_TYPES):
        return "claims does not have the fields of a claim, in order"
    count = None
    for name, accepts in _FIELD_TYPES.items():
        values = columns[name]
        if not isinstance(values, list):
            return f"claims.{name} is not a list"
        if count is None:
            count = len(values)
        elif len(values) != count:
            return f"claims.{name} has {len(values)} values, not {count}"
        if not all(map(accepts, values)):
            index = next(i for i, value in enumerate(values) if not accepts(value))
            return f"claims.{name}[{index}] has the wrong type"
    return None


def _accepts(annotation: str):
    """A test for the JSON values a Claim field annotated so may hold ("float | None").

    Tested by exact type (JSON gives no subclasses, and so a bool is never taken for an
    int): every cached claim's every field is tested on each hook run, so the test is kept
    to a set lookup."""
    exact: set[type] = set()
    finite = str_list = anything = False
    for part in (p.strip() for p in annotation.split("|")):
        if part == "None":
            exact.add(type(None))
        elif part == "str":
            exact.add(str)
        elif part == "int":
            exact.add(int)
        elif part == "float":
            exact.update((int, float))
            finite = True
        elif part == "bool":
            exact.add(bool)
        elif part.startswith("list[str]"):
            str_list = True
        elif part.startswith("list"):
            exact.add(list)
        elif part.startswith("dict"):
            exact.add(dict)
        else:
            anything = True  # a type this table does not know: any JSON value
    if anything:
        return lambda value: True
    allowed = frozenset(exact)

    def test(value: Any) -> bool:
        kind = type(value)
        if kind in allowed:
            return not (finite and kind is float and not math.isfinite(value))
        return str_list and kind is list and all(type(x) is str for x in value)

    return test


# Claim's fields and the test of each, from its annotations (strings: postponed evaluation).
_FIELD_TYPES = {f.name: _accepts(str(f.type)) for f in dataclasses.fields(Claim)}
# How each field is stored: as the claim reads it, but an id the claim makes from its place
# is stored as "" and made again when read, so that a claim read back holds no id for
# compact.share_strings to hash and drop.
_STORED = {name: attrgetter(name) for name in _FIELD_TYPES} | {"id": Claim.given_id}


def _ignore_folder(directory: Path) -> None:
    """Keep the cache out of version control without asking the user to edit .gitignore."""
    marker = directory / ".gitignore"
    if not marker.exists():
        with atomic_write(marker) as handle:
            handle.write("*\n")
