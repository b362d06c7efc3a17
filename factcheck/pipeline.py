"""The stages composed: files -> documents -> claims. The CLI and the tests call these."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .extract import MeasureMatcher, extract_document
from .model import Claim, Document, Report

if TYPE_CHECKING:
    from .catalog import Catalog
    from .references import ReferenceSet


def make_matcher(catalog: Catalog | None) -> MeasureMatcher | None:
    """A measure matcher bound to a catalog (None without a catalog)."""
    if catalog is None:
        return None
    from .match import match_measure

    def matcher(claim: Claim, context: str) -> str | None:
        return match_measure(claim, catalog, context)

    return matcher


def extract_claims(doc: Document, catalog: Catalog | None = None) -> list[Claim]:
    """The claims of one loaded document, matched to the catalog's measures if one is given."""
    default_place = catalog.default_place if catalog is not None else None
    return extract_document(doc, matcher=make_matcher(catalog), default_place=default_place)


def extract_file(
    path: str | Path, catalog: Catalog | None = None, as_of: str | None = None
) -> list[Claim]:
    """Load one file and extract its claims (an empty list for a skipped binary file)."""
    from .load import load_file

    doc = load_file(path, as_of=as_of)
    if doc is None:
        return []
    return extract_claims(doc, catalog)


def file_sha256(path: str | Path) -> str | None:
    """The sha256 of a file's bytes (None for standard input, which cannot be read twice)."""
    if str(path) == "-":
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def directory_sha256(directory: Path) -> str:
    """One hash over every file of a directory (names and contents), for the report."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(directory)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def run_check(
    paths: list[str],
    catalog: Catalog,
    references: ReferenceSet,
    *,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    as_of: str | None = None,
    jobs: int = 1,
) -> Report:
    """Extract every claim of the documents and check them all together."""
    from . import __version__
    from .check import check_claims
    from .load import iter_paths, load_file

    started = time.perf_counter()
    claims: list[Claim] = []
    inputs = []
    for path in iter_paths(paths, include or [], exclude or []):
        doc = load_file(path, as_of=as_of)
        if doc is None:
            continue
        found = extract_claims(doc, catalog)
        claims.extend(found)
        inputs.append({"path": doc.path, "sha256": file_sha256(path), "claims": len(found)})
    findings = check_claims(claims, catalog, references)
    severities = Counter(f.severity for f in findings)
    summary = {
        "documents": len(inputs),
        "claims": len(claims),
        "findings": {s: severities.get(s, 0) for s in ("error", "warning", "info")},
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
        "elapsed_seconds": round(time.perf_counter() - started, 3),
    }
    return Report(
        tool={"name": "factcheck", "version": __version__},
        inputs=inputs,
        catalog={"path": catalog.path, "sha256": file_sha256(catalog.path)},
        references={
            "path": str(references.directory),
            "sha256": directory_sha256(Path(references.directory)),
        },  # fmt: skip
        claims=claims,
        findings=findings,
        summary=summary,
    )
