"""The claims of a draft read as text and read as a PDF made of it by LibreOffice, compared.

    python benchmarks/pdf_claims.py [-v] [SOURCE...]

Without arguments: the examples and the four seed documents (../shared/seeds). Each source is
laid out by tests/pdf_build.py (narrow justified hyphenated column, running header, page
numbers, footnotes) into bench-data/pdf/, read back by factcheck (factcheck.load.pdf), and its
claims, attributed with the default catalog, are compared with the text version's as a
multiset of (value, unit, qualifier, period, measure). It prints, per source, the claims on
each side, those only in one of them, and the difference in percent of the text's claims;
then the findings of `check` on each version alone (shipped catalog and references) and how
many differ (rule, severity, measure, expected, actual). -v lists the differing claims with
their sentences, to explain each.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdf_build  # noqa: E402

from factcheck.catalog import default_catalog_path, load_catalog  # noqa: E402
from factcheck.load import iter_documents  # noqa: E402
from factcheck.pipeline import extract_claims, run_check  # noqa: E402
from factcheck.references import load_references  # noqa: E402


def sources() -> list[Path]:
    seeds = ROOT.parent / "shared" / "seeds"
    found = [ROOT / "examples" / name
             for name in ("cartel-economics.txt", "overdose-brief.md", "web-article.html")]  # fmt: skip
    return found + sorted(seeds.glob("[0-9]*.txt"))


def key(c) -> tuple:
    return (round(c.value, 6) if c.value is not None else None, c.unit, c.qualifier, c.period,
            c.measure)  # fmt: skip


def claims_of(path: Path, catalog) -> list:
    out = []
    for doc in iter_documents(path):
        out += [c for c in extract_claims(doc, catalog) if not getattr(c, "suppressed", False)]
    return out


def finding_key(f) -> tuple:
    """A finding apart from where its claims are: rule, severity, measure, figures."""
    return (f.rule, f.severity, f.measure, str(f.expected), str(f.actual))


def findings_of(path: Path, catalog, references) -> Counter:
    report = run_check([str(path)], catalog, references)
    return Counter(finding_key(f) for f in report.findings)


def compare(source: Path, catalog, out: Path) -> tuple[list, list, Counter, Counter]:
    pdf = out / (source.stem + ".pdf")
    if not pdf.exists() or pdf.stat().st_mtime < source.stat().st_mtime:
        pdf = pdf_build.convert(source, out)
    text_claims = claims_of(source, catalog)
    pdf_claims = claims_of(pdf, catalog)
    a, b = Counter(map(key, text_claims)), Counter(map(key, pdf_claims))
    return text_claims, pdf_claims, a - b, b - a


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"] or [p for p in sources() if p.exists()]
    catalog = load_catalog(default_catalog_path())
    references = load_references()
    out = ROOT / "bench-data" / "pdf"
    total_text = total_diff = total_findings = total_differ = 0
    print(f"{'source':28} {'text':>5} {'pdf':>5} {'only text':>9} {'only pdf':>8} {'diff':>6}"
          f" {'findings':>8} {'differ':>6}")  # fmt: skip
    for source in paths:
        text_claims, pdf_claims, only_text, only_pdf = compare(source, catalog, out)
        n_a, n_b = sum(only_text.values()), sum(only_pdf.values())
        diff = max(n_a, n_b) / max(len(text_claims), 1)
        total_text += len(text_claims)
        total_diff += max(n_a, n_b)
        text_findings = findings_of(source, catalog, references)
        pdf_findings = findings_of(out / (source.stem + ".pdf"), catalog, references)
        differ = sum(((text_findings - pdf_findings) + (pdf_findings - text_findings)).values())
        total_findings += sum(text_findings.values())
        total_differ += differ
        print(f"{source.name[:28]:28} {len(text_claims):5d} {len(pdf_claims):5d} {n_a:9d} {n_b:8d}"
              f" {100 * diff:5.1f}% {sum(text_findings.values()):8d} {differ:6d}")  # fmt: skip
        if verbose:
            for label, a, b in (("text", text_findings, pdf_findings),
                                ("pdf", pdf_findings, text_findings)):  # fmt: skip
                for k, n in (a - b).items():
                    print(f"   finding only {label}: {k} x{n}")
            for label, missing, claims in (("text", only_text, text_claims),
                                           ("pdf", only_pdf, pdf_claims)):  # fmt: skip
                missing = Counter(missing)
                for c in claims:
                    if missing.get(key(c)):
                        missing[key(c)] -= 1
                        print(f"   only {label}: {key(c)} {c.surface!r} :: {c.sentence[:160]!r}")
    share = 100 * total_diff / max(total_text, 1)
    print(f"{'all':28} {total_text:5d} {'':5} {'':9} {'':8} {share:5.1f}% {total_findings:8d}"
          f" {total_differ:6d}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
