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


@pytest.mark.skipif(_soffice() is None, reason="needs LibreOffice (soffice)")
def test_libreoffice_shows_the_comments_on_the_numbers(capsys, drafts, tmp_path):
    """The reviewed copy as LibreOffice renders it: each comment is in the PDF, at the end of
    the words it is anchored on. (LibreOffice 7.5+ prints the comments in the margin with
    ExportNotesInMargin; older ones export them as PDF notes, placed where the range ends.)"""
    pdfium = pytest.importorskip("pypdfium2")
    raw = pytest.importorskip("pypdfium2.raw")
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
    pdf = pdfium.PdfDocument(str(pdf_path))
    notes = []
    for index in range(len(pdf)):
        page = pdf[index]
        text = page.get_textpage()
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
            said = buffer.raw.decode("utf-16-le").rstrip("\x00")
            before = text.get_text_bounded(0, rect.bottom - 2, rect.left + 1, rect.top + 2)
            notes.append((said, " ".join(before.split())))
    if not notes:  # a LibreOffice that printed the comments in the margin as page text
        shown = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        assert all(c.splitlines()[0][:40] in " ".join(shown.split()) for c in comments)
        return
    assert {said.splitlines()[0] for said, _ in notes} == {c.splitlines()[0] for c in comments}
    for said, before in notes:
        surface = re.search(r"“([^”]+)”", said).group(1)
        assert before.endswith(surface), (said, before)
