"""Which PDF library reads LibreOffice PDFs best: speed and text quality, measured.

    python benchmarks/pdf_libraries.py [PDF...]

Without arguments the examples and the four seed documents (../shared/seeds) are laid out by
LibreOffice (tests/pdf_build.py: narrow justified column, hyphenation, running header, page
numbers, footnotes) into bench-data/pdf/. For each library (pypdfium2, pdfplumber, pypdf
when installed) and PDF it prints:

- pages/s reading each page's text, and pages/s reading each character with its box and font
  size (what factcheck.load.pdf needs for lines, columns and superscript markers);
- word recall: the share of the source's words (a multiset) found in the page text once
  line-end hyphens are joined; split or glued words show as misses;
- order: difflib's ratio between the source's word sequence and the extracted one;
- hyphen marks: line-end hyphens the library marks as such (pdfium's U+FFFE), and ligature
  characters (U+FB00-FB06) left in the text.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdf_build  # noqa: E402

WORD = re.compile(r"[A-Za-z0-9]+")
LIGATURES = re.compile("[\ufb00-\ufb06]")


def sources() -> list[Path]:
    seeds = ROOT.parent / "shared" / "seeds"
    found = [ROOT / "examples" / "cartel-economics.txt", ROOT / "examples" / "overdose-brief.md"]
    return found + sorted(seeds.glob("[0-9]*.txt"))


def source_words(source: Path) -> list[str]:
    text = source.read_text(encoding="utf-8")
    md = source.suffix == ".md" or "<sup>" in text or "\n###" in text
    draft = pdf_build.markdown_blocks(text) if md else pdf_build.text_blocks(text)
    words = []
    for b in draft.blocks:
        words += WORD.findall(re.sub(r"</?sup>", " ", b.text))
    return words


def joined(text: str) -> str:
    """Line-end hyphens joined (the crude rule, the same for every library)."""
    text = text.replace("\ufffe", "").replace("\x02", "")  # pdfium's marks: already joined
    return re.sub(r"(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])", "", text)


def pdfium_text(path: Path) -> tuple[list[str], int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    pages = []
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        pages.append(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    return pages, len(pages)


def pdfium_chars(path: Path) -> int:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    n = len(doc)
    for i in range(n):
        page = doc[i]
        tp = page.get_textpage()
        text = tp.get_text_range()
        for k in range(len(text)):
            tp.get_charbox(k)
            raw.FPDFText_GetFontSize(tp, k)
        tp.close()
        page.close()
    doc.close()
    return n


def plumber_text(path: Path) -> tuple[list[str], int]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = []
        for page in pdf.pages:
            pages.append(page.extract_text())
            page.flush_cache()
        return pages, len(pages)


def plumber_chars(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            _ = [(c["text"], c["x0"], c["top"], c["size"]) for c in page.chars]
            page.flush_cache()
        return len(pdf.pages)


def pypdf_text(path: Path) -> tuple[list[str], int]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = [p.extract_text() for p in reader.pages]
    return pages, len(pages)


def pypdf_chars(path: Path) -> int:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    runs: list = []

    def visit(t, cm, tm, font, size) -> None:
        runs.append((t, tm, size))

    for p in reader.pages:
        runs.clear()
        p.extract_text(visitor_text=visit)
    return len(reader.pages)


LIBRARIES = {
    "pypdfium2": (pdfium_text, pdfium_chars),
    "pdfplumber": (plumber_text, plumber_chars),
    "pypdf": (pypdf_text, pypdf_chars),
}


def measure(pdf: Path, words: list[str] | None) -> dict[str, dict[str, float]]:
    rows = {}
    for name, (text_fn, chars_fn) in LIBRARIES.items():
        try:
            t0 = time.perf_counter()
            pages, n = text_fn(pdf)
            t1 = time.perf_counter()
            chars_fn(pdf)
            t2 = time.perf_counter()
        except ImportError:
            continue
        raw_text = "\n".join(pages)
        got = WORD.findall(joined(raw_text))
        row = {
            "pages": n,
            "text_pages_s": n / (t1 - t0),
            "chars_pages_s": n / (t2 - t1),
            "hyphen_marks": raw_text.count("\ufffe") + raw_text.count("\x02"),
            "ligatures": len(LIGATURES.findall(raw_text)),
        }
        if words:
            src = Counter(words)
            row["recall"] = sum((src & Counter(got)).values()) / sum(src.values())
            sm = difflib.SequenceMatcher(None, words, got, autojunk=False)
            row["order"] = sm.ratio()
        rows[name] = row
    return rows


def main(argv: list[str]) -> int:
    out = ROOT / "bench-data" / "pdf"
    if argv:
        jobs = [(Path(a), None) for a in argv]
    else:
        jobs = []
        for src in sources():
            if src.exists():
                pdf = out / (src.stem + ".pdf")
                if not pdf.exists():
                    pdf = pdf_build.convert(src, out)
                jobs.append((pdf, source_words(src)))
    header = f"{'pdf':28} {'library':11} {'pages':>5} {'text p/s':>9} {'chars p/s':>9}"
    print(header + f" {'recall':>7} {'order':>6} {'hyph':>5} {'lig':>4}")
    for pdf, words in jobs:
        for name, r in measure(pdf, words).items():
            print(
                f"{pdf.name[:28]:28} {name:11} {r['pages']:5d} {r['text_pages_s']:9.1f}"
                f" {r['chars_pages_s']:9.1f} {r.get('recall', float('nan')):7.3f}"
                f" {r.get('order', float('nan')):6.3f} {r['hyphen_marks']:5d} {r['ligatures']:4d}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
