"""The seed documents laid out as PDFs by LibreOffice (tests/pdf_build.py) give the same
claims (at most 2% differ) and the same findings as their text versions, and every claim's
position in the PDF points at its number's words. (The examples hold what a printed page
cannot: benchmarks/pdf_claims.py -v compares them and says why they differ.)"""

from __future__ import annotations

from pathlib import Path

import pdf_build
import pytest
from corpus_compare import SEEDS, assert_same_as_text

pytest.importorskip("pypdfium2")


def _line_texts(path: Path) -> dict[tuple[int, int], str]:
    """(page, line) -> the text of that line, as positions count lines and columns."""
    import pypdfium2 as pdfium

    from factcheck.load import pdf

    doc = pdfium.PdfDocument(str(path))
    out = {}
    try:
        for index in range(len(doc)):
            tp = doc[index].get_textpage()
            for ln in pdf.page_lines(tp):
                out[(index + 1, ln.number)] = ln.text
            tp.close()
    finally:
        doc.close()
    return out


def _assert_positions_resolve(path: Path, claims) -> None:
    """Each claim's position names the line and column where its number's first word starts
    (or the part of it before a line-end hyphen)."""
    lines = _line_texts(path)
    for c in claims:
        start = c.position["start"]
        at = lines[(start["page"], start["line"])][start["column"] - 1 :]
        word = c.surface.split()[0]
        hyphenated = at.endswith("-") and word.startswith(at[:-1]) and len(at) > 2
        assert at.startswith(word) or hyphenated, (path.name, c.surface, c.position, at)


@pytest.mark.skipif(pdf_build.soffice() is None, reason="LibreOffice not installed")
@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_the_seed_documents_as_pdfs(tmp_path):
    assert_same_as_text(
        sorted(SEEDS.glob("[0-9]*.txt")),
        lambda source: pdf_build.convert(source, tmp_path),
        _assert_positions_resolve,
    )
