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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdf_build  # noqa: E402
from same_claims import claims_of, compare_findings, key, print_only  # noqa: E402

from factcheck.catalog import default_catalog_path, load_catalog  # noqa: E402
from factcheck.references import load_references  # noqa: E402


def sources() -> list[Path]:
    seeds = ROOT.parent / "shared" / "seeds"
    found = [ROOT / "examples" / name
             for name in ("cartel-economics.txt", "overdose-brief.md", "web-article.html")]  # fmt: skip
    return found + sorted(seeds.glob("[0-9]*.txt"))


def compare(source: Path, catalog, out: Path) -> tuple[Path, list, list, Counter, Counter]:
    pdf = out / (source.stem + ".pdf")
    if not pdf.exists() or pdf.stat().st_mtime < source.stat().st_mtime:
        pdf = pdf_build.convert(source, out)
    text_claims = claims_of(source, catalog)
    pdf_claims = claims_of(pdf, catalog)
    a, b = Counter(map(key, text_claims)), Counter(map(key, pdf_claims))
    return pdf, text_claims, pdf_claims, a - b, b - a


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"] or [p for p in sources() if p.exists()]
    catalog = load_catalog(default_catalog_path())
    references = load_references()
    out = ROOT / "bench-data" / "pdf"
    total_text = total_diff = total_findings = total_differ = total_quoted = 0
    print(f"{'source':28} {'text':>5} {'pdf':>5} {'only text':>9} {'only pdf':>8} {'diff':>6}"
          f" {'findings':>8} {'differ':>6} {'quoted':>6}")  # fmt: skip
    for source in paths:
        pdf, text_claims, pdf_claims, only_text, only_pdf = compare(source, catalog, out)
        n_a, n_b = sum(only_text.values()), sum(only_pdf.values())
        diff = max(n_a, n_b) / max(len(text_claims), 1)
        total_text += len(text_claims)
        total_diff += max(n_a, n_b)
        print(f"{source.name[:28]:28} {len(text_claims):5d} {len(pdf_claims):5d} {n_a:9d} {n_b:8d}"
              f" {100 * diff:5.1f}%", end="")  # fmt: skip
        found, differ, quoted = compare_findings(source, pdf, catalog, references, "pdf", False)
        print(f" {found:8d} {differ:6d} {quoted:6d}")
        if verbose:
            compare_findings(source, pdf, catalog, references, "pdf", True)
            print_only("text", only_text, text_claims)
            print_only("pdf", only_pdf, pdf_claims)
        total_findings += found
        total_differ += differ
        total_quoted += quoted
    share = 100 * total_diff / max(total_text, 1)
    print(f"{'all':28} {total_text:5d} {'':5} {'':9} {'':8} {share:5.1f}% {total_findings:8d}"
          f" {total_differ:6d} {total_quoted:6d}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
