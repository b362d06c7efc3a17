"""The stages composed: files -> documents -> claims. The CLI and the tests call these."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .extract import MeasureMatcher, extract_document
from .model import Claim, Document

if TYPE_CHECKING:
    from .catalog import Catalog


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
