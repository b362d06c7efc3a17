"""The stages composed: files -> documents -> claims. The CLI and the tests call these."""

from __future__ import annotations

import hashlib
import io
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .cache import ClaimCache
from .compact import share_strings
from .errors import InputError
from .extract import extract_document
from .inline import Directives
from .model import Claim, Document, Finding, Report, in_claim_order

if TYPE_CHECKING:
    from .catalog import Catalog
    from .references import ReferenceSet


def extract_claims(
    doc: Document, catalog: Catalog | None = None, directives: Directives | None = None
) -> list[Claim]:
    """The claims of one loaded document (extract), attributed to the catalog's measures if
    one is given (match), and marked where the document's inline directives silence them
    (``directives`` carries the directives of a file's earlier sections, when it is read in
    sections)."""
    if catalog is None:
        claims = extract_document(doc)
    else:
        from .match import match_claims

        named = [(p.names, p.spans) for p in catalog.periods]
        claims = match_claims(extract_document(doc, named_periods=named), catalog)
    (directives or Directives()).scan(doc).apply(claims)
    return claims


def iter_claims(
    path: str | Path,
    catalog: Catalog | None = None,
    as_of: str | None = None,
    stdin_name: str | None = None,
) -> Iterator[list[Claim]]:
    """The claims of one input, a list per section read (one for an ordinary file; none for
    a skipped binary file), so that a caller can write them out as they come."""
    from .load import iter_documents

    directives = Directives()
    for doc in iter_documents(path, as_of=as_of, stdin_name=stdin_name):
        yield extract_claims(doc, catalog, directives)


def extract_file(
    path: str | Path, catalog: Catalog | None = None, as_of: str | None = None
) -> list[Claim]:
    """Read one file and extract its claims (an empty list for a skipped binary file)."""
    return [c for claims in iter_claims(path, catalog, as_of) for c in claims]


def file_sha256(path: str | Path) -> str | None:
    """The sha256 of a file's bytes (None for standard input, which cannot be read twice)."""
    if str(path) == "-":
        return None
    with open(path, "rb") as handle:
        return _stream_sha256(handle)


def _stream_sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: stream.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def _catalog_sha256(catalog: Catalog) -> str | None:
    """The catalog's file hash; with the catalog it extends, a hash over both."""
    own = file_sha256(catalog.path)
    if not catalog.extends:
        return own
    return hashlib.sha256(f"{own}\0{file_sha256(catalog.extends)}".encode()).hexdigest()


def directory_sha256(directory: Path) -> str:
    """One hash over every file of a directory (names and contents), for the report."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(directory)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def extract_path(
    path: str | Path,
    catalog: Catalog | None,
    as_of: str | None = None,
    cache: ClaimCache | None = None,
    stdin_name: str | None = None,
) -> tuple[dict, list[Claim]] | None:
    """Read and extract one input, through the claim cache when one is given.

    Returns the input's record for the report and its claims, or None for a skipped (binary)
    file. A plain module-level function, so that --jobs can run it in worker processes.
    """
    from .load import SECTION_CHARS, STDIN, documents_of, open_input

    name, stream = open_input(path, stdin_name)
    is_stdin = str(path) == STDIN
    try:
        if is_stdin:
            data = stream.read()  # standard input can be read only once: it is held
            stream = io.BytesIO(data)
            sha = hashlib.sha256(data).hexdigest()
        else:
            sha = _stream_sha256(stream)  # the cache key, before reading the document
            stream.seek(0)
        key = cache.key(name, sha) if cache is not None and not is_stdin else None
        if key is not None:
            cached = cache.get(key, name, sha)
            if cached is not None:
                return {"path": name, "sha256": sha, "claims": len(cached)}, share_strings(cached)
        claims: list[Claim] = []
        documents = 0
        directives = Directives()
        for doc in documents_of(stream, name, as_of=as_of, section_chars=SECTION_CHARS):
            documents += 1
            claims.extend(extract_claims(doc, catalog, directives))
        directives.apply(claims)  # an ignore-file in a later section holds for the earlier ones
    finally:
        stream.close()
    if not documents:
        return None  # a binary file, skipped with a warning
    if key is not None:
        cache.put(key, name, sha, claims)
    return {"path": name, "sha256": sha, "claims": len(claims)}, share_strings(claims)


def run_check(
    paths: list[str],
    catalog: Catalog,
    references: ReferenceSet,
    *,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    as_of: str | None = None,
    jobs: int = 1,
    corpus: list[str] | None = None,
    cache_dir: str | None = None,
    progress: Callable[[Iterable, int], Iterable] | None = None,
    rules: Collection[str] | None = None,
    started: float | None = None,
    stdin_name: str | None = None,
) -> Report:
    """Extract every claim of the documents and check them all together.

    ``corpus`` names further documents whose claims serve as evidence (a pre-commit hook
    passes only the changed drafts, but they must agree with the rest); findings are then
    reported only when they involve a claim of the documents in ``paths``. ``rules`` limits
    the findings to those rule ids (``rules.select`` makes the set from --select/--ignore).
    ``stdin_name`` is the name standard input ("-") is read under.

    Raises InputError when there is nothing to check: no document among ``paths``, or none
    that could be read (binary, or factcheck's own output). A hook run (with ``corpus``) is
    not an error then: the changed files it was given simply hold no draft.
    """
    from . import __version__
    from .check import check_claims
    from .load import iter_paths, walked_suffixes

    # The time reported is from ``started`` (a time.perf_counter() reading: the CLI passes the
    # start of the process, so start-up counts), else from here.
    started = time.perf_counter() if started is None else started
    targets = [str(p) for p in iter_paths(paths, include or [], exclude or [])]
    seen = {_same_file_key(p) for p in targets}
    others = []
    if corpus:
        for p in iter_paths(corpus, include or [], exclude or []):
            if _same_file_key(str(p)) not in seen:
                seen.add(_same_file_key(str(p)))
                others.append(str(p))
    catalog_sha = _catalog_sha256(catalog)  # once: it keys every cache entry of the run
    cache = ClaimCache(cache_dir, catalog_sha or "", as_of) if cache_dir else None
    if not targets and not corpus:
        raise InputError(
            f"no documents to check in {', '.join(paths)} (a folder is searched for "
            f"{', '.join(walked_suffixes()[:-1])} and {walked_suffixes()[-1]} files; "
            "--include/--exclude may have left none)"
        )
    results = _extract_all(targets + others, catalog, as_of, cache, jobs, progress, stdin_name)
    if targets and not corpus and all(r is None for r in results[: len(targets)]):
        raise InputError(
            f"none of the inputs could be read as a document: {', '.join(targets[:5])}"
            + (f" and {len(targets) - 5} more" if len(targets) > 5 else "")
        )
    target_names: set[str] = set()
    claims: list[Claim] = []
    inputs = []
    for index, result in enumerate(results):
        if result is None:
            continue
        entry, found = result
        is_target = index < len(targets)
        entry["role"] = "target" if is_target else "corpus"
        inputs.append(entry)
        claims.extend(found)
        if is_target:
            target_names.add(entry["path"])
    # The report lists inputs and claims in one order, whatever order the paths came in.
    inputs.sort(key=lambda entry: (entry["role"] != "target", entry["path"]))
    claims = in_claim_order(claims)
    # With a corpus, the changed drafts are the focus: a finding compares a changed claim
    # with one already there, and is about the changed one.
    findings = check_claims(claims, catalog, references, rules,
                            focus=target_names if corpus else ())  # fmt: skip
    _mark_catalog_suppressions(claims, catalog)
    if corpus:
        findings = [_at_target(f, target_names) for f in findings
                    if any(c["doc"] in target_names for c in f.claims)]  # fmt: skip
        claims = [c for c in claims if c.doc in target_names]
    severities = Counter(f.severity for f in findings)
    summary = {
        "documents": sum(1 for i in inputs if i["role"] == "target"),
        "claims": len(claims),
        "findings": {s: severities.get(s, 0) for s in ("error", "warning", "info")},
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
        "elapsed_seconds": round(time.perf_counter() - started, 3),
    }
    return Report(
        tool={"name": "factcheck", "version": __version__},
        inputs=inputs,
        catalog={"path": catalog.path, "sha256": catalog_sha, "extends": catalog.extends},
        references={
            "path": str(references.directory),
            "sha256": directory_sha256(Path(references.directory)),
            "extends": str(references.extends) if references.extends else None,
        },  # fmt: skip
        claims=claims,
        findings=findings,
        summary=summary,
    )


def _mark_catalog_suppressions(claims: list[Claim], catalog: Catalog) -> None:
    """Say on each claim the catalog suppresses that it is (as an inline comment does), so a
    report shows it as not counted rather than as a figure that passed."""
    if not catalog.suppressions:
        return
    for claim in claims:
        if claim.suppressed is None:
            found = catalog.suppression_for(claim)
            if found is not None:
                claim.suppressed = f"catalog: {found.reason}"
                claim.suppressed_rules = [found.rule] if found.rule else None


def _at_target(finding: Finding, target_names: set[str]) -> Finding:
    """The finding standing at a claim of a changed draft: in a hook run the editor fixes
    what they changed, and the unchanged file's claim is the related place."""
    refs = finding.claims  # read once: a finding may make its claims' views when read
    if refs[0]["doc"] not in target_names:
        first = next(c for c in refs if c["doc"] in target_names)
        finding.claims = [first] + [c for c in refs if c is not first]
    return finding


def _same_file_key(path: str) -> str:
    return path if path == "-" else str(Path(path).resolve())


def _extract_all(
    paths: list[str],
    catalog: Catalog,
    as_of,
    cache: ClaimCache | None,
    jobs: int,
    progress=None,
    stdin_name: str | None = None,
) -> list:
    """extract_path over every input, in worker processes when --jobs asks for more than one.

    ``progress`` wraps the stream of results (the CLI passes a progress bar); the pipeline
    itself writes nothing to the terminal.
    """
    show = progress or (lambda items, total: items)
    if jobs <= 1 or len(paths) < 2:
        results = (extract_path(p, catalog, as_of, cache, stdin_name) for p in paths)
        return list(show(results, len(paths)))
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        n = len(paths)
        results = pool.map(extract_path, paths, [catalog] * n, [as_of] * n, [cache] * n,
                           [stdin_name] * n, chunksize=4)  # fmt: skip
        return list(show(results, len(paths)))
