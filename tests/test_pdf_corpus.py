"""The seed documents laid out as PDFs by LibreOffice (tests/pdf_build.py) give the same
claims (at most 2% differ) and the same findings as their text versions, and every claim's
position in the PDF points at its number's words. (The examples hold what a printed page
cannot: benchmarks/pdf_claims.py -v compares them and says why they differ.)"""

from __future__ import annotations

from pathlib import Path

import pdf_build
import pytest
from test_docx_corpus import SEEDS, _findings, differing

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.pipeline import extract_file
from factcheck.references import load_references

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


@pytest.mark.skipif(pdf_build.soffice() is None, reason="LibreOffice not installed")
@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_the_seed_documents_as_pdfs(tmp_path):
    catalog = load_catalog(default_catalog_path())
    references = load_references(None)
    seeds = sorted(SEEDS.glob("[0-9]*.txt"))
    total = diff = 0
    targets = []
    for source in seeds:
        target = pdf_build.convert(source, tmp_path)
        targets.append(target)
        text_claims = [c for c in extract_file(source, catalog) if not c.suppressed]
        pdf_claims = extract_file(target, catalog)
        lines = _line_texts(target)
        for c in pdf_claims:
            start = c.position["start"]
            at = lines[(start["page"], start["line"])][start["column"] - 1 :]
            word = c.surface.split()[0]
            hyphenated = at.endswith("-") and word.startswith(at[:-1]) and len(at) > 2
            assert at.startswith(word) or hyphenated, (source.name, c.surface, c.position, at)
        total += len(text_claims)
        diff += differing(text_claims, [c for c in pdf_claims if not c.suppressed])
    assert total > 50 and diff <= 0.02 * total, (diff, total)
    assert _findings(targets, catalog, references) == _findings(seeds, catalog, references)
