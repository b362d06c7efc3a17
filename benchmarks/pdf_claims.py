"""The claims of a draft read as text and read as a PDF made of it by LibreOffice, compared.

    python benchmarks/pdf_claims.py [-v] [SOURCE...]

Without arguments: the examples and the four seed documents (../shared/seeds). Each source is
laid out by tests/pdf_build.py (narrow justified hyphenated column, running header, page
numbers, footnotes) into bench-data/pdf/, read back by factcheck (factcheck.load.pdf), and its
claims, attributed with the default catalog, are compared with the text version's
(benchmarks/same_claims.py: a multiset of (value, unit, qualifier, period, measure)). It
prints, per source, the claims on each side, those only in one of them, and the difference
in percent of the text's claims; then the findings of `check` on each version alone (shipped
catalog and references), how many differ in substance, and how many are the same but quote
the claim's words differently. -v lists each difference with its sentence.

What a PDF made this way cannot hold, so that its claims differ for a reason that is not
the reader's (the comparison is not like for like there; the reader cannot do better): a date
that an HTML page has only in its metadata (``<meta name="date">``): LibreOffice prints the
page without it and the PDF's own dates are those of the conversion, so a claim the text
version dates by the page's date ("now") has no period in the PDF.
What a PDF does carry is read: a code block is printed in a fixed-pitch font, which the reader
leaves out as the Markdown reader does; a factcheck directive in an HTML comment becomes a
comment on the next paragraph (tests/pdf_build.py, as an editor would write it in Word or
LibreOffice), exported as a PDF comment, which the reader applies to that paragraph.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdf_build  # noqa: E402
import same_claims  # noqa: E402


def sources() -> list[Path]:
    seeds = ROOT.parent / "shared" / "seeds"
    found = [ROOT / "examples" / name
             for name in ("cartel-economics.txt", "overdose-brief.md", "web-article.html")]  # fmt: skip
    return found + sorted(seeds.glob("[0-9]*.txt"))


def as_pdf(source: Path, out: Path) -> Path:
    """The source laid out as a PDF, made again only when the source is newer."""
    pdf = out / (source.stem + ".pdf")
    if not pdf.exists() or pdf.stat().st_mtime < source.stat().st_mtime:
        pdf = pdf_build.convert(source, out)
    return pdf


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"] or [p for p in sources() if p.exists()]
    out = ROOT / "bench-data" / "pdf"
    return same_claims.main(paths, lambda source: as_pdf(source, out), "pdf", verbose)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
