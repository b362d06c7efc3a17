"""The claims of a draft read as text and read as a Word document made of it, compared.

    python benchmarks/docx_claims.py [-v] [--odt] [SOURCE...]

Without arguments: the examples and the four seed documents (../shared/seeds). Each source is
written as .docx by tests/docx_files.py (python-docx, as an author would type it in Word)
into bench-data/docx/, read back by factcheck (factcheck.load.docx), and its claims,
attributed with the default catalog, are compared with the text version's
(benchmarks/same_claims.py: a multiset of (value, unit, qualifier, period, measure)). It
prints, per source, the claims on each side, those only in one of them, and the difference
in percent of the text's claims; then the findings of `check` on each version alone
(shipped catalog and references), how many differ in substance, and how many are the same but
quote the claim's words differently. -v lists each difference with its sentence. With
--odt, each .docx is saved as an OpenDocument text by LibreOffice (soffice --convert-to odt,
into bench-data/odt/) and the .odt is compared instead (factcheck.load.odt).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import docx_files  # noqa: E402
from same_claims import claims_of, compare_findings, key, print_only  # noqa: E402

from factcheck.catalog import default_catalog_path, load_catalog  # noqa: E402
from factcheck.references import load_references  # noqa: E402


def sources() -> list[Path]:
    seeds = ROOT.parent / "shared" / "seeds"
    return sorted((ROOT / "examples").glob("*.*")) + sorted(seeds.glob("[0-9]*.txt"))


def compare(
    source: Path, catalog, out: Path, odt: bool
) -> tuple[Path, list, list, Counter, Counter]:
    out.mkdir(parents=True, exist_ok=True)
    target = out / (source.stem + ".docx")
    docx_files.write_docx(source.read_text(encoding="utf-8"), target, source.name)
    if odt:
        target = as_odt(target, ROOT / "bench-data" / "odt")
    text_claims = claims_of(source, catalog)
    docx_claims = claims_of(target, catalog)
    a, b = Counter(map(key, text_claims)), Counter(map(key, docx_claims))
    return target, text_claims, docx_claims, a - b, b - a


def as_odt(docx: Path, out: Path) -> Path:
    """The Word document saved as .odt by LibreOffice (a private profile for the run)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "odt", "--outdir", str(out), str(docx)],
                       check=True, capture_output=True, timeout=300)  # fmt: skip
    return out / (docx.stem + ".odt")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    odt = "--odt" in argv
    paths = [Path(a) for a in argv if a not in ("-v", "--odt")] or [
        p for p in sources() if p.exists()
    ]
    catalog = load_catalog(default_catalog_path())
    references = load_references()
    out = ROOT / "bench-data" / "docx"
    total_text = total_diff = total_findings = total_differ = total_quoted = 0
    label = "odt" if odt else "docx"
    print(f"{'source':28} {'text':>5} {label:>5} {'only text':>9} {'only ' + label:>9} {'diff':>6}"
          f" {'findings':>8} {'differ':>6} {'quoted':>6}")  # fmt: skip
    for source in paths:
        target, text_claims, docx_claims, only_text, only_docx = compare(source, catalog, out, odt)
        n_a, n_b = sum(only_text.values()), sum(only_docx.values())
        diff = max(n_a, n_b) / max(len(text_claims), 1)
        total_text += len(text_claims)
        total_diff += max(n_a, n_b)
        found, differ, quoted = compare_findings(source, target, catalog, references, label, False)
        print(f"{source.name[:28]:28} {len(text_claims):5d} {len(docx_claims):5d} {n_a:9d}"
              f" {n_b:9d} {100 * diff:5.1f}% {found:8d} {differ:6d} {quoted:6d}")  # fmt: skip
        if verbose:
            compare_findings(source, target, catalog, references, label, True)
            print_only("text", only_text, text_claims)
            print_only(label, only_docx, docx_claims)
        total_findings += found
        total_differ += differ
        total_quoted += quoted
    share = 100 * total_diff / max(total_text, 1)
    print(f"{'all':28} {total_text:5d} {'':5} {'':9} {'':9} {share:5.1f}% {total_findings:8d}"
          f" {total_differ:6d} {total_quoted:6d}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
