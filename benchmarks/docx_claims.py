"""The claims of a draft read as text and read as a Word document made of it, compared.

    python benchmarks/docx_claims.py [-v] [SOURCE...]

Without arguments: the examples and the four seed documents (../shared/seeds). Each source is
written as .docx by tests/docx_files.py (python-docx, as an author would type it in Word)
into bench-data/docx/, read back by factcheck (factcheck.load.docx), and its claims,
attributed with the default catalog, are compared with the text version's as a multiset of
(value, unit, qualifier, period, measure). It prints, per source, the claims on each side,
those only in one of them, and the difference in percent of the text's claims; -v lists the
differing claims with their sentences, to explain each.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import docx_files  # noqa: E402

from factcheck.catalog import default_catalog_path, load_catalog  # noqa: E402
from factcheck.pipeline import extract_file  # noqa: E402


def sources() -> list[Path]:
    seeds = ROOT.parent / "shared" / "seeds"
    return sorted((ROOT / "examples").glob("*.*")) + sorted(seeds.glob("[0-9]*.txt"))


def key(c) -> tuple:
    return (round(c.value, 6) if c.value is not None else None, c.unit, c.qualifier, c.period,
            c.measure)  # fmt: skip


def claims_of(path: Path, catalog) -> list:
    return [c for c in extract_file(path, catalog) if not c.suppressed]


def compare(source: Path, catalog, out: Path) -> tuple[list, list, Counter, Counter]:
    out.mkdir(parents=True, exist_ok=True)
    target = out / (source.stem + ".docx")
    docx_files.write_docx(source.read_text(encoding="utf-8"), target, source.name)
    text_claims = claims_of(source, catalog)
    docx_claims = claims_of(target, catalog)
    a, b = Counter(map(key, text_claims)), Counter(map(key, docx_claims))
    return text_claims, docx_claims, a - b, b - a


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"] or [p for p in sources() if p.exists()]
    catalog = load_catalog(default_catalog_path())
    out = ROOT / "bench-data" / "docx"
    total_text = total_diff = 0
    print(f"{'source':28} {'text':>5} {'docx':>5} {'only text':>9} {'only docx':>9} {'diff':>6}")
    for source in paths:
        text_claims, docx_claims, only_text, only_docx = compare(source, catalog, out)
        n_a, n_b = sum(only_text.values()), sum(only_docx.values())
        diff = max(n_a, n_b) / max(len(text_claims), 1)
        total_text += len(text_claims)
        total_diff += max(n_a, n_b)
        print(f"{source.name[:28]:28} {len(text_claims):5d} {len(docx_claims):5d} {n_a:9d}"
              f" {n_b:9d} {100 * diff:5.1f}%")  # fmt: skip
        if verbose:
            for label, missing, claims in (("text", only_text, text_claims),
                                           ("docx", only_docx, docx_claims)):  # fmt: skip
                missing = Counter(missing)
                for c in claims:
                    if missing.get(key(c)):
                        missing[key(c)] -= 1
                        print(f"   only {label}: {key(c)} {c.surface!r} :: {c.sentence[:160]!r}")
    print(
        f"{'all':28} {total_text:5d} {'':5} {'':9} {'':9} {100 * total_diff / max(total_text, 1):5.1f}%"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
