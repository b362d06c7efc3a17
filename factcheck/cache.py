"""A cache of extracted claims, so that a pre-commit run re-reads only the drafts that changed.

An entry is keyed by everything extraction depends on: the file's path and bytes, the catalog
(its hash), the document date given with --as-of, and factcheck's own version. Entries are
JSON files written to a temporary name and renamed into place, so concurrent runs never see a
half-written entry; an entry that cannot be read (corrupt, truncated, from an older format) is
treated as a miss and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from . import __version__
from .model import Claim

log = logging.getLogger("factcheck")
CACHE_DIR = ".factcheck-cache"
FORMAT = 1  # bump when the stored form of a claim changes


class ClaimCache:
    def __init__(self, directory: str | Path, catalog_sha256: str, as_of: str | None = None):
        self.directory = Path(directory)
        self.salt = f"{FORMAT}\0{__version__}\0{catalog_sha256}\0{as_of or ''}"

    def key(self, path: str, content_sha256: str) -> str:
        return hashlib.sha256(f"{self.salt}\0{path}\0{content_sha256}".encode()).hexdigest()

    def get(self, key: str) -> list[Claim] | None:
        entry = self.directory / f"{key[:2]}" / f"{key}.json"
        try:
            rows = json.loads(entry.read_text(encoding="utf-8"))
            return [Claim(**row) for row in rows]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as exc:
            log.info("cache entry %s unreadable (%s); extracting again", entry, exc)
            return None

    def put(self, key: str, claims: list[Claim]) -> None:
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _ignore_folder(self.directory)
            rows = [claim.__dict__ for claim in claims]
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(rows, handle, ensure_ascii=False)
            os.replace(tmp, folder / f"{key}.json")
        except OSError as exc:
            # A read-only checkout or a full disk costs speed, never a result.
            log.info("could not write the claim cache in %s: %s", folder, exc)


def _ignore_folder(directory: Path) -> None:
    """Keep the cache out of version control without asking the user to edit .gitignore."""
    marker = directory / ".gitignore"
    if not marker.exists():
        marker.write_text("*\n", encoding="utf-8")
