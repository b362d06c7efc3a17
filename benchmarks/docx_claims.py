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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import docx_files  # noqa: E402
import same_claims  # noqa: E402


def sources() -> list[Path]:
    seeds = ROOT.parent / "shared" / "seeds"
    return sorted((ROOT / "examples").glob("*.*")) + sorted(seeds.glob("[0-9]*.txt"))


def as_docx(source: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    target = out / (source.stem + ".docx")
    docx_files.write_docx(source.read_text(encoding="utf-8"), target, source.name)
    return target


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
    out = ROOT / "bench-data" / "docx"

    def convert(source: Path) -> Path:
        target = as_docx(source, out)
        return as_odt(target, ROOT / "bench-data" / "odt") if odt else target

    return same_claims.main(paths, convert, "odt" if odt else "docx", verbose)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
