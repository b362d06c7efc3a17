"""The contract every claim and every report keeps, checked the same way by the example tests
of test_reliability.py and the property tests of test_fuzz.py (and `make fuzz`).

A violation is an AssertionError whose message names the invariant and the claim.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from factcheck.model import Claim
from factcheck.report.json_report import load_schema, report_validator


@cache
def claim_validator() -> Callable[[dict[str, Any]], Any]:
    """The claim schema compiled to Python code (fastjsonschema): every claim of a million-
    input campaign is validated, and the interpreting validator cost more than the claim's
    extraction. The schema uses nothing beyond draft 7, which fastjsonschema implements."""
    return fastjsonschema.compile(load_schema("claim"))


@cache
def _report_validator() -> jsonschema.Draft202012Validator:
    return report_validator()


def _refuse_constant(name: str) -> Any:
    raise AssertionError(f"not strict JSON: {name}")


def strict_json(text: str) -> Any:
    """Parse JSON that must be strict: no NaN, Infinity or -Infinity."""
    return json.loads(text, parse_constant=_refuse_constant)


def assert_claim(claim: Claim, text: str) -> None:
    """One claim of a document whose original text is ``text`` keeps its contract."""
    row = claim.to_dict()
    try:
        claim_validator()(row)
    except fastjsonschema.JsonSchemaException as exc:
        raise AssertionError(exc.message, row) from None
    strict_json(json.dumps(row))  # finite numbers only
    assert claim.surface, row
    assert text.startswith(claim.surface, claim.start), (claim.surface, text[claim.start :][:40])
    assert claim.end == claim.start + len(claim.surface), row
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    assert low <= high, ("low > high", row)
    if claim.value is not None:
        assert low <= claim.value <= high, ("value outside its interval", row)


BINARY_SUFFIXES = (".docx", ".odt", ".pdf")


def assert_position(claim: Claim, data: bytes, suffix: str, seen: dict) -> None:
    """A claim of a Word document, an OpenDocument text or a PDF: its position names the words
    of its number. In a .docx or .odt the paragraph's characters from ``char`` to ``end.char`` are the claim's surface;
    in a PDF the page's line holds the surface's first word at ``column`` (or its first part,
    hyphenated at the line end). ``seen`` keeps the document's paragraphs or lines."""
    position = claim.position
    assert position is not None, ("no position in a binary document", claim.to_dict())
    start, end = position["start"], position["end"]
    if suffix in (".docx", ".odt"):
        from factcheck.load import docx, odt

        if "texts" not in seen:
            reader = docx if suffix == ".docx" else odt
            seen["texts"] = reader.paragraph_texts(io.BytesIO(data))
        texts = seen["texts"]
        assert start["paragraph"] == end["paragraph"], position
        words = texts[start["paragraph"] - 1][start["char"] - 1 : end["char"] - 1]
        # Character for character, a line break in the paragraph matching a space of the
        # surface: the reader writes a table cell on one line, so a break inside a cell is a
        # space in the text the claim was read from (the position still spans its words).
        assert _spaced(words) == _spaced(claim.surface), (
            "position", position, claim.surface, words)  # fmt: skip
        return
    key = (start["page"], start["line"])
    if key not in seen:
        seen[key] = _pdf_line(data, *key)
    at = seen[key][start["column"] - 1 :]
    word = claim.surface.split()[0]
    hyphenated = at.endswith("-") and len(at) > 1 and word.startswith(at[:-1].split()[-1])
    assert at.startswith(word) or hyphenated, ("position", position, claim.surface, at)


def _spaced(text: str) -> str:
    """The text with each whitespace character a space (its length unchanged)."""
    return "".join(" " if c.isspace() else c for c in text)


def _pdf_line(data: bytes, page: int, line: int) -> str:
    import pypdfium2 as pdfium

    from factcheck.load import pdf

    doc = pdfium.PdfDocument(data)
    try:
        tp = doc[page - 1].get_textpage()
        lines = pdf.page_lines(tp)
        tp.close()
        return lines[line - 1].text
    finally:
        doc.close()


def assert_review_copy(report: Any, folder: Path, docs: list[tuple[str, bytes]]) -> int:
    """The reviewed copy of the report's Word draft (``--format docx``): written without
    touching the draft, it reads back as a Word document with the draft's text, and each
    comment it holds spans the words of a claim of the draft. The number of comments."""
    import docx

    from factcheck.errors import FactcheckError
    from factcheck.load.docx import paragraph_texts
    from factcheck.report.docx_review import AUTHOR, drafts_of, write_review

    (draft,) = drafts_of(report)
    before = Path(draft).read_bytes()
    copy = folder / "reviewed.docx"
    copy.unlink(missing_ok=True)
    try:
        count = write_review(report, str(copy), verbose=True)
    except FactcheckError as exc:
        # A part the reader does not need is damaged (python-docx opens every part): the
        # copy is refused with a message naming the draft, and nothing is written.
        assert str(exc).startswith(f"{draft}: cannot make a reviewed copy"), exc
        assert not copy.exists() and Path(draft).read_bytes() == before
        return 0
    assert Path(draft).read_bytes() == before, "the reviewed copy touched its draft"
    with open(copy, "rb") as a, open(draft, "rb") as b:
        assert paragraph_texts(a) == paragraph_texts(b), "the reviewed copy's text changed"
    document = docx.Document(str(copy))
    ours = {str(c.comment_id) for c in document.comments if c.author == AUTHOR}
    assert len(ours) == count, "comments written and read differ"
    surfaces = {c.surface for c in report.claims if c.doc == draft}
    spans = _commented(document)
    for cid in ours:
        assert spans.get(cid) in surfaces, ("a comment not on a claim's words", spans.get(cid))
    return count


def _commented(document: Any) -> dict[str, str]:
    """Comment id -> the text its range spans in the body."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    spans: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for el in document.element.body.iter():
        if el.tag == f"{w}commentRangeStart":
            open_ids.add(el.get(f"{w}id"))
            spans.setdefault(el.get(f"{w}id"), [])
        elif el.tag == f"{w}commentRangeEnd":
            open_ids.discard(el.get(f"{w}id"))
        elif el.tag in (f"{w}t", f"{w}tab", f"{w}br", f"{w}cr"):
            for cid in open_ids:
                spans[cid].append(
                    el.text or "" if el.tag == f"{w}t" else "\t" if el.tag == f"{w}tab" else "\n"
                )
    return {cid: "".join(parts) for cid, parts in spans.items()}


def assert_report_json(text: str) -> dict[str, Any]:
    """A JSON report as written: strict JSON, valid against the report schema."""
    data = strict_json(text)
    errors = sorted(_report_validator().iter_errors(data), key=str)
    assert not errors, errors[0].message
    return data


def _decoded(path: str) -> str:
    """The text of a file as factcheck's loader decodes it (claims' offsets point into it)."""
    from factcheck.load import load_file

    doc = load_file(path)
    return doc.text if doc is not None else ""


def check_run(
    folder: Path,
    docs: list[tuple[str, bytes]],
    catalog: Any,
    references: Any,
    *,
    html: bool = False,
    reorder: bool = True,
) -> tuple[int, int]:
    """The whole pipeline on generated documents, asserting every invariant: load + extract +
    match + check run without an exception; every claim keeps its contract (``assert_claim``);
    every renderer runs, the JSON report is strict and valid, SARIF is strict JSON, CSV
    parses; and the findings are the same for the documents in reverse order (``reorder``).
    Returns the numbers of claims and findings."""
    import csv
    import io

    from factcheck.pipeline import run_check
    from factcheck.report import render

    paths = []
    for index, (suffix, data) in enumerate(docs):
        path = folder / f"doc{index}{suffix}"
        path.write_bytes(data)
        paths.append(str(path))
    from factcheck.errors import InputError

    try:
        report = run_check(paths, catalog, references)
    except InputError as exc:
        # A damaged Word document or PDF is an input error naming it (exit 2); so is nothing
        # to check, only when no document was readable (binary, or a PDF without text).
        binary = [
            p for p, (suffix, _) in zip(paths, docs, strict=True) if suffix in BINARY_SUFFIXES
        ]
        if any(str(exc).startswith(p + ":") for p in binary):
            return 0, 0
        assert "none of the inputs could be read" in str(exc), exc
        assert all(b"\x00" in data or s in BINARY_SUFFIXES for s, data in docs), exc
        return 0, 0
    texts: dict[str, str] = {}
    by_path = {p: doc for p, doc in zip(paths, docs, strict=True)}
    seen: dict[str, dict] = {}
    for claim in report.claims:
        if claim.doc not in texts:
            texts[claim.doc] = _decoded(claim.doc)
        assert_claim(claim, texts[claim.doc])
        suffix, data = by_path[claim.doc]
        if suffix in BINARY_SUFFIXES:
            assert_position(claim, data, suffix, seen.setdefault(claim.doc, {}))
    from factcheck.report.docx_review import drafts_of

    if len(drafts_of(report)) == 1:
        assert_review_copy(report, folder, docs)
    formats = ["text", "json", "sarif", "csv"] + (["html"] if html else [])
    rendered = {}
    for fmt in formats:
        out = io.StringIO()
        render(report, fmt, out, references=references, verbose=True)
        rendered[fmt] = out.getvalue()
    assert_report_json(rendered["json"])
    strict_json(rendered["sarif"])
    rows = list(csv.reader(io.StringIO(rendered["csv"])))
    assert len(rows) == len(report.claims) + 1, "the CSV report has not one row per claim"
    if reorder and len(paths) > 1:
        again = run_check(paths[::-1], catalog, references)
        assert [f.to_dict() for f in again.findings] == [f.to_dict() for f in report.findings], (
            "the findings depend on the order of the inputs"
        )
    return len(report.claims), len(report.findings)
