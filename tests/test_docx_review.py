"""Word review comments out: `check --format docx -o reviewed.docx draft.docx`, read back as an
editor would see them (python-docx, and LibreOffice's rendering of the reviewed copy)."""

from __future__ import annotations

import ctypes
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from factcheck.cli import main
from factcheck.load.docx import paragraph_texts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_files import write_docx  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    """The examples written as Word documents, in a folder of their own."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "drafts"
    folder.mkdir()
    for source in sorted((ROOT / "examples").glob("*.*")):
        write_docx(source.read_text(encoding="utf-8"), folder / f"{source.stem}.docx", source.name)
    return folder


def anchored(path: Path) -> dict[str, str]:
    """Comment id -> the text its range spans in the document, read from the XML."""
    body = docx.Document(path).element.body
    spans: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for el in body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(el.get(f"{W}id"))
            spans.setdefault(el.get(f"{W}id"), [])
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(el.get(f"{W}id"))
        elif el.tag == f"{W}t":
            for cid in open_ids:
                spans[cid].append(el.text or "")
    return {cid: "".join(parts) for cid, parts in spans.items()}


def test_each_finding_is_a_comment_on_its_number(capsys, drafts):
    draft = drafts / "web-article.docx"
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    code, out, err = cli(capsys, "check", "--no-cache", "--format", "json", "drafts")
    import json

    report = json.loads(out)
    name = "drafts/web-article.docx"
    expected = {  # the findings that involve a claim of the draft, and that claim
        f["id"]: (f, next(c for c in f["claims"] if c["doc"] == name))
        for f in report["findings"]
        if f["severity"] != "info" and any(c["doc"] == name for c in f["claims"])
    }
    assert len(expected) >= 3  # a contradiction, a reference mismatch, a relation mismatch
    code, out, err = cli(
        capsys, "check", "--no-cache", "--format", "docx", "-o", "reviewed.docx", name,
        "--corpus", "drafts",
    )  # fmt: skip
    assert code == 1 and out == "", err
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before  # the draft untouched
    reviewed = docx.Document("reviewed.docx")
    spans = anchored(Path("reviewed.docx"))
    seen = set()
    for comment in reviewed.comments:
        assert comment.author == "factcheck"
        found = re.search(r"finding (f[0-9a-f]{12})", comment.text)
        assert found and found.group(1) in expected, comment.text
        finding, claim = expected[found.group(1)]
        seen.add(finding["id"])
        assert comment.text.startswith(f"{finding['severity']} {finding['rule']}: ")
        # The comment spans exactly the draft's number the finding is about.
        assert spans[str(comment.comment_id)] == claim["surface"]
    assert seen == set(expected)
    # The reviewed copy still reads as the draft does: the same paragraphs, the same claims.
    assert paragraph_texts(open("reviewed.docx", "rb")) == paragraph_texts(open(draft, "rb"))


def test_verified_claims_are_commented_only_with_v(capsys, drafts):
    draft = str(drafts / "overdose-brief.docx")
    cli(capsys, "check", "--no-cache", "--format", "docx", "-o", "quiet.docx", draft)
    cli(capsys, "check", "--no-cache", "--format", "docx", "-v", "-o", "all.docx", draft)
    quiet = [c.text for c in docx.Document("quiet.docx").comments]
    every = [c.text for c in docx.Document("all.docx").comments]
    assert not any(t.startswith("info verified") for t in quiet)
    assert any(t.startswith("info verified") for t in every) and len(every) > len(quiet)
    spans = anchored(Path("all.docx"))
    assert "73,838" in spans.values()


def test_a_comment_splits_runs_only_at_the_number(capsys, tmp_path, monkeypatch):
    """The number sits inside a longer run, and another one starts in a bold run and ends in
    a plain one: both comments span exactly the number, and the text reads the same."""
    monkeypatch.chdir(tmp_path)
    d = docx.Document()
    d.add_paragraph("In 2022, some 150,000 people died of drug overdoses in the United States.")
    p = d.add_paragraph("Deaths involving synthetic opioids reached ")
    p.add_run("93,").bold = True
    p.add_run("000 in 2022.")
    d.save("draft.docx")
    before = paragraph_texts(open("draft.docx", "rb"))
    code, _, err = cli(capsys, "check", "--no-cache", "--format", "docx", "-o", "out.docx",
                       "draft.docx")  # fmt: skip
    assert code == 1, err
    spans = sorted(anchored(Path("out.docx")).values())
    assert "some 150,000" in spans and "93,000" in spans
    assert paragraph_texts(open("out.docx", "rb")) == before


def test_docx_output_needs_a_file_and_never_an_input(capsys, drafts):
    draft = str(drafts / "overdose-brief.docx")
    code, _, err = cli(capsys, "check", "--no-cache", "--format", "docx", draft)
    assert code == 2 and "-o" in err
    before = hashlib.sha256(Path(draft).read_bytes()).hexdigest()
    code, _, err = cli(capsys, "check", "--no-cache", "--format", "docx", "-o", draft, draft)
    assert code == 2 and "is also an input" in err
    assert hashlib.sha256(Path(draft).read_bytes()).hexdigest() == before
    Path("brief.md").write_text("Overdose deaths from all drugs came to 107,941 in 2022.\n")
    code, _, err = cli(
        capsys, "check", "--no-cache", "--format", "docx", "-o", "r.docx", "brief.md"
    )
    assert code == 2 and "Word draft" in err and not Path("r.docx").exists()


def test_a_reviewed_copy_left_among_the_drafts_is_not_read_as_one(capsys, drafts):
    # The copy holds the draft's numbers: read as a draft, each finding came twice.
    code, before, _ = cli(capsys, "check", "-q", "--no-cache", "drafts")
    code, _, _ = cli(capsys, "check", "--no-cache", "--format", "docx",
                     "-o", "drafts/reviewed.docx", "drafts/overdose-brief.docx")  # fmt: skip
    assert code == 1 and (drafts / "reviewed.docx").is_file()
    code, after, err = cli(capsys, "check", "-q", "--no-cache", "drafts")
    assert after == before and "reviewed.docx" not in after + err
    code, out, err = cli(capsys, "check", "-q", "--no-cache", "drafts/reviewed.docx",
                         "drafts/overdose-brief.docx")  # fmt: skip
    assert "drafts/reviewed.docx: factcheck's own" in err and "reviewed.docx" not in out
    # Saved again by an editor (Word writes its own name there), the copy is a draft again.
    document = docx.Document(drafts / "reviewed.docx")
    document.core_properties.last_modified_by = "An Editor"
    document.save(drafts / "reviewed.docx")
    code, out, _ = cli(capsys, "check", "-q", "--no-cache", "drafts/reviewed.docx")
    assert "drafts/reviewed.docx:" in out


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _annotations(page, raw) -> list[tuple[str, object]]:
    """The PDF notes (Text annotations) of a page: (what it says, its rectangle)."""
    notes = []
    for k in range(raw.FPDFPage_GetAnnotCount(page.raw)):
        annot = raw.FPDFPage_GetAnnot(page.raw, k)
        if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_TEXT:
            continue
        rect = raw.FS_RECTF()
        raw.FPDFAnnot_GetRect(annot, rect)
        size = raw.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
        buffer = ctypes.create_string_buffer(size)
        raw.FPDFAnnot_GetStringValue(
            annot, b"Contents", ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), size
        )
        notes.append((buffer.raw.decode("utf-16-le").rstrip("\x00"), rect))
    return notes


def _ends_at(text, surface: str, rect) -> bool:
    """Whether an occurrence of ``surface`` in the page's text ends where the note stands:
    the right edge of its last character at the note's left edge, on the same line."""
    content = text.get_text_range()
    for m in re.finditer(re.escape(surface), content):
        first = text.get_charbox(m.start())
        last = text.get_charbox(m.end() - 1)  # (left, bottom, right, top)
        same_line = last[1] < rect.top and last[3] > rect.bottom and first[1] < rect.top
        if same_line and abs(last[2] - rect.left) < 3 and first[0] < rect.left:
            return True
    return False


@pytest.mark.skipif(_soffice() is None, reason="needs LibreOffice (soffice)")
def test_libreoffice_shows_the_comments_on_the_numbers(capsys, drafts, tmp_path):
    """The reviewed copy as LibreOffice renders it, to PDF and to PNG: each comment is in the
    PDF as a note whose place is the end of the number's words (their characters' boxes end at
    the note's rectangle, on the same line), and the PNG of the page shows the note's icon
    there. LibreOffice 7.5+ can print the comments in the margin (ExportNotesInMargin);
    Debian's 7.4 cannot and exports them as PDF notes, which is what is checked; a LibreOffice
    that prints them in the margin is checked for their text on the page."""
    pdfium = pytest.importorskip("pypdfium2")
    raw = pytest.importorskip("pypdfium2.raw")
    image = pytest.importorskip("PIL.Image")
    chops = pytest.importorskip("PIL.ImageChops")
    cli(capsys, "check", "--no-cache", "--format", "docx", "-o", "reviewed.docx",
        "drafts/web-article.docx", "--corpus", "drafts")  # fmt: skip
    options = {"ExportNotes": "true", "ExportNotesInMargin": "true"}
    data = ",".join(f'"{k}":{{"type":"boolean","value":"{v}"}}' for k, v in options.items())
    result = subprocess.run(
        [_soffice(), "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", f"pdf:writer_pdf_Export:{{{data}}}", "--outdir", str(tmp_path),
         "reviewed.docx"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    pdf_path = tmp_path / "reviewed.pdf"
    assert pdf_path.exists(), result.stderr
    comments = {c.text for c in docx.Document("reviewed.docx").comments}
    assert len(comments) >= 3
    pdf = pdfium.PdfDocument(str(pdf_path))
    said_all = []
    for index in range(len(pdf)):
        page = pdf[index]
        text = page.get_textpage()
        notes = _annotations(page, raw)
        if not notes:
            continue
        scale = 2
        png = tmp_path / f"reviewed-{index + 1}.png"
        page.render(scale=scale, draw_annots=True).to_pil().save(png)
        shown = image.open(png).convert("RGB")
        bare = page.render(scale=scale, draw_annots=False).to_pil().convert("RGB")
        height = page.get_height()
        for said, rect in notes:
            said_all.append(said.splitlines()[0])
            surface = re.search(r"“([^”]+)”", said).group(1)
            assert _ends_at(text, surface, rect), (said, (rect.left, rect.bottom))
            # The icon is drawn at the note's place: the pixels there differ from the page
            # rendered without its notes.
            x, y = int(rect.left * scale), int((height - rect.top) * scale)
            box = (x, y, x + 12 * scale, y + int((rect.top - rect.bottom) * scale))
            assert chops.difference(shown.crop(box), bare.crop(box)).getbbox(), (said, box)
    if not said_all:  # a LibreOffice that printed the comments in the margin as page text
        shown = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        assert all(c.splitlines()[0][:40] in " ".join(shown.split()) for c in comments)
        return
    assert set(said_all) == {c.splitlines()[0] for c in comments}
