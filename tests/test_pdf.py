"""PDF input (factcheck.load.pdf): real PDFs laid out by LibreOffice at test time.

The drafts below are the project's own words. Tests that need LibreOffice skip without it;
the converter's rules (hyphens, markers, pieces) and the damaged inputs need only pypdfium2.
"""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")

import pdf_build  # noqa: E402
from pdf_build import hand_pdf as _hand_pdf  # noqa: E402
from pdf_build import text_page as _text_page  # noqa: E402

from factcheck.errors import InputError  # noqa: E402
from factcheck.load import pdf  # noqa: E402

needs_soffice = pytest.mark.skipif(pdf_build.soffice() is None, reason="LibreOffice not installed")

SENTENCES = [
    "The county coroner counted 412 overdose deaths in 2023, most of them involving "
    "fentanyl-related compounds pressed into counterfeit tablets.",
    "Emergency departments recorded roughly 9,600 nonfatal overdoses over the same twelve "
    "months, an increase of 14 percent over the previous year.",
    "Treatment capacity grew more slowly: the number of methadone clinics rose from 31 to "
    "37, while waiting lists lengthened considerably across the metropolitan region.",
    "Investigators attributed the acceleration to counterfeit medications, intergovernmental "
    "coordination failures and understaffed toxicology laboratories.",
]
NOTE = "County health department, annual surveillance summary, table 4, page 17."


def _draft(paragraphs: int = 12) -> str:
    body = []
    for k in range(paragraphs):
        text = " ".join(SENTENCES[(k + j) % len(SENTENCES)] for j in range(3))
        if k == 2:
            text = text.replace("in 2023,", "in 2023,<sup>1</sup>", 1)
        body.append(text)
    body.insert(3, "<sup>1</sup> " + NOTE)
    return "# Overdose surveillance in the county\n\n" + "\n\n".join(body) + "\n"


# A narrow column, and two columns side by side (footnotes at the bottom of a column).
LAYOUTS = {"narrow": {"page_width_cm": 9.0}, "two-columns": {"page_width_cm": 18.0, "columns": 2}}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def built(request, tmp_path_factory) -> Path:
    if pdf_build.soffice() is None:
        pytest.skip("LibreOffice not installed")
    folder = tmp_path_factory.mktemp("pdf")
    source = folder / "surveillance.md"
    source.write_text(_draft(), encoding="utf-8")
    return pdf_build.convert(source, folder, **LAYOUTS[request.param])


def _pieces(path: Path) -> list[pdf.Piece]:
    with open(path, "rb") as stream:
        return list(pdf.convert_pages(stream, str(path)))


def _visual_lines(path: Path, page: int) -> list[str]:
    doc = pdfium.PdfDocument(str(path))
    tp = doc[page - 1].get_textpage()
    try:
        return [ln.text for ln in pdf.page_lines(tp)]
    finally:
        tp.close()
        doc.close()


@needs_soffice
def test_the_layout_is_a_hard_one(built):
    """The fixture does what it is for: several pages, hyphens at line ends, a footnote."""
    doc = pdfium.PdfDocument(str(built))
    raw = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert len(doc) >= 2
    assert raw.count("\ufffe") >= 5  # hyphenated line ends
    assert NOTE[:20] in raw.replace("\r\n", " ")


@needs_soffice
def test_every_word_whole_and_no_furniture(built):
    (piece,) = _pieces(built)
    text = piece.text
    source_words = set(re.findall(r"[A-Za-z][A-Za-z-]*[A-Za-z]", " ".join(SENTENCES)))
    got_words = set(re.findall(r"[A-Za-z][A-Za-z-]*[A-Za-z]", text))
    # Hyphenation undone: no word the source does not have (no "metro-politan", "metropol"),
    # and the compound keeps its hyphen.
    assert got_words - source_words <= {"Overdose", "surveillance", "in", "the", "county"}
    assert "fentanyl-related" in text
    # The running header (the title) and page numbers are gone; the title itself is there
    # once, unless it is at a page's top edge like the header that repeats it.
    title = text.count("Overdose surveillance in the county")
    assert title <= 1
    assert not re.search(r"^\s*\d+\s*$", text, re.M)
    # The footnote is a note: its text is not body, its marker is a bracketed citation.
    assert NOTE[:20] not in text
    assert "in 2023,[1]" in text
    # Paragraphs: one line each, separated by blank lines; each sentence whole on its line.
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert len(paragraphs) == 12 + title
    assert all("\n" not in p for p in paragraphs)


@needs_soffice
def test_positions_point_at_the_numbers(built):
    """Every number of the converted text, at its reported page, line and column, is found in
    the PDF's own text of that line (PDFium's, lines on one baseline joined)."""
    (piece,) = _pieces(built)
    lines: dict[int, list[str]] = {}
    checked = 0
    for m in re.finditer(r"\d[\d,]*", piece.text):
        page, line, column = piece.position(m.start())
        page_lines = lines.setdefault(page, _visual_lines(built, page))
        at = page_lines[line - 1][column - 1 :]
        assert at.startswith(m.group()), (m.group(), page, line, column, at)
        checked += 1
    assert checked >= 30


@needs_soffice
def test_claims_of_the_pdf_are_those_of_its_source(built, tmp_path):
    from factcheck.load import load_text
    from factcheck.pipeline import extract_claims

    source = tmp_path / "surveillance.md"
    source.write_text(_draft(), encoding="utf-8")
    (piece,) = _pieces(built)
    from_pdf = extract_claims(load_text(piece.text, "x.pdf", "text"))
    from_md = extract_claims(load_text(source.read_text(), "x.md", "markdown"))

    def key(c):
        return (c.value, c.unit, c.qualifier, c.period)

    assert sorted(map(key, from_pdf)) == sorted(map(key, from_md))
    assert from_pdf and all(c.citation in (None, "1") for c in from_pdf)


@pytest.mark.parametrize(
    ("before", "after", "words", "kept"),
    [
        ("over", "dose", {"overdose"}, False),  # the document writes it whole
        ("fentanyl", "related", {"fentanyl-related"}, True),  # ... or with its hyphen
        ("fentanyl", "related", {"fentanyl", "related"}, True),  # two words of its own
        ("metro", "politan", {"region"}, False),  # a broken word
        ("COVID", "19", set(), True),
        ("anti", "American", set(), True),
        ("co", "operation", {"co", "operation"}, False),  # a half of two letters
    ],
)
def test_keep_hyphen(before, after, words, kept):
    assert pdf.keep_hyphen(before, after, words) is kept


# --- inputs that are not a readable PDF ------------------------------------------------------


def _image_page(object_number: int) -> tuple[bytes, bytes]:
    """A page that is one grey image, as a scanner makes it: no text at all."""
    return (b"q 300 0 0 200 0 0 cm /Im1 Do Q",
            b"<< /XObject << /Im1 %d 0 R >> >>" % object_number)  # fmt: skip


def _image() -> bytes:
    pixels = zlib.compress(bytes(range(256)) * 64)
    return (
        b"<< /Type /XObject /Subtype /Image /Width 128 /Height 128 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream"
    )


def _scan_pdf() -> bytes:
    return _hand_pdf([_image_page(5)], [_image()])


def test_a_pdf_written_by_hand_is_read_with_its_positions():
    """Without LibreOffice: a page of plain Helvetica lines, read as one paragraph."""
    data = _hand_pdf([_text_page("The clinic treated 240 patients in 2022, and", "310 in 2023.")])
    (piece,) = pdf.convert_pages(io.BytesIO(data), "plain.pdf")
    assert piece.text == "The clinic treated 240 patients in 2022, and 310 in 2023."
    assert piece.position(piece.text.index("240")) == (1, 1, 20)
    assert piece.position(piece.text.index("310")) == (1, 2, 1)


_WITH_COURIER = (
    b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    b" /F2 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >>"
)


def test_lines_in_a_fixed_pitch_font_among_proportional_text_are_code_left_out():
    page = (
        b"BT /F1 10 Tf 20 180 Td (The clinic treated 240 patients in 2022.) Tj"
        b" 0 -24 Td /F2 9 Tf (tally --rows 999 --year 2021 visits.csv) Tj"
        b" 0 -24 Td /F1 10 Tf (It treated 310 patients in 2023.) Tj ET"
    )
    (piece,) = pdf.convert_pages(io.BytesIO(_hand_pdf([(page, _WITH_COURIER)])), "m.pdf")
    assert "999" not in piece.text and "2021" not in piece.text
    assert "240 patients" in piece.text and "310 patients" in piece.text
    assert piece.position(piece.text.index("310")) == (1, 3, 12)
    # A document typed in a fixed-pitch font throughout is read whole.
    typed = b"BT /F2 10 Tf 20 180 Td (The clinic treated 240 patients in 2022.) Tj ET"
    (piece,) = pdf.convert_pages(io.BytesIO(_hand_pdf([(typed, _WITH_COURIER)])), "t.pdf")
    assert piece.text == "The clinic treated 240 patients in 2022."


def test_a_page_of_one_line_that_is_its_number_is_dropped_once():
    # The line is both among the top lines and among the bottom lines of its page.
    pages = [_text_page("The clinic treated 240 patients in 2022."), _text_page("2")]
    (piece,) = pdf.convert_pages(io.BytesIO(_hand_pdf(pages)), "short.pdf")
    assert piece.text == "The clinic treated 240 patients in 2022."


def _with_comment(page: tuple[bytes, bytes], said: str, y: float) -> tuple[bytes, bytes]:
    """A page given a PDF comment (a text annotation) at height ``y``, near the left edge."""
    content, resources = page
    note = b"<< /Type /Annot /Subtype /Text /Rect [60 %d 60 %d] /Contents (%s) >>" % (
        y - 5, y + 5, said.encode("latin-1"),
    )  # fmt: skip
    return content, resources + b" /Annots [" + note + b"]"  # the page dict goes on after it


def test_a_directive_in_a_pdf_comment_holds_for_the_paragraph_it_stands_on():
    # Short lines end their paragraphs; the last, long one is a paragraph of its own too.
    lines = ("In 2022: 240 patients.", "Some 400 visits in 2024.",
             "It treated 310 patients in 2023, the clinic said in its report.")  # fmt: skip
    page = _with_comment(_text_page(*lines), "factcheck: ignore a rounded figure", 171)
    (piece,) = pdf.convert_pages(io.BytesIO(_hand_pdf([page])), "noted.pdf")
    from factcheck.load import documents_of
    from factcheck.pipeline import extract_claims

    (doc,) = documents_of(io.BytesIO(_hand_pdf([page])), "noted.pdf")
    claims = {c.surface: c for c in extract_claims(doc)}
    assert claims["Some 400"].suppressed == "inline: a rounded figure"
    assert claims["Some 400"].position["label"] == "p1:2:1"
    assert not claims["240"].suppressed and not claims["310"].suppressed
    # A comment that says no directive, or one beside no line, changes nothing.
    page = _with_comment(_text_page(*lines), "Check this.", 171)
    (doc,) = documents_of(io.BytesIO(_hand_pdf([page])), "plain.pdf")
    assert not any(c.suppressed for c in extract_claims(doc))
    page = _with_comment(_text_page(*lines), "factcheck: ignore", 40)
    (piece,) = pdf.convert_pages(io.BytesIO(_hand_pdf([page])), "far.pdf")
    assert "factcheck" not in piece.text and "stands on no line of text" in piece.warnings[0]


@needs_soffice
def test_a_directive_comment_carried_by_a_libreoffice_pdf(tmp_path):
    from factcheck.load import iter_documents
    from factcheck.pipeline import extract_claims

    source = tmp_path / "noted.md"
    source.write_text("# Noted\n\nThe clinic treated 240 patients in 2022.\n\n"
                      "<!-- factcheck: ignore rounded for the slide -->\n"
                      "Some 400 visits were booked in 2024.\n", encoding="utf-8")  # fmt: skip
    path = pdf_build.convert(source, tmp_path)
    claims = {c.surface: c for doc in iter_documents(path) for c in extract_claims(doc)}
    assert claims["Some 400"].suppressed == "inline: rounded for the slide"
    assert not claims["240"].suppressed


def test_scanned_pages_among_text_pages_are_named():
    empty = (b"", b"<<>>")  # an empty page (a page left blank) is no scan: no warning
    pages = [_text_page("The clinic treated 240 patients in 2022."), _image_page(9), empty]
    data = _hand_pdf(pages, [_image()])
    (piece,) = pdf.convert_pages(io.BytesIO(data), "mixed.pdf")
    assert "240 patients" in piece.text
    (warning,) = piece.warnings
    assert warning == (
        "mixed.pdf: 1 page(s) without a text layer (scanned?), not read: 2; OCR is not supported"
    )


def test_a_scan_gets_a_warning_that_ocr_is_not_supported():
    pieces = list(pdf.convert_pages(io.BytesIO(_scan_pdf()), "scan.pdf"))
    assert len(pieces) == 1 and not pieces[0].text.strip()
    (warning,) = pieces[0].warnings
    assert warning.startswith("scan.pdf: ") and "OCR is not supported" in warning


def test_a_file_named_pdf_without_the_pdf_header_is_a_damaged_pdf(capsys, tmp_path, monkeypatch):
    # Read as text, its objects and drawing operators were claims (found by the fuzz campaign).
    monkeypatch.chdir(tmp_path)
    data = _hand_pdf([_text_page("The clinic treated 240 patients in 2022.")])
    (tmp_path / "spoilt.pdf").write_bytes(b"%P?F" + data[4:])
    code, out, err = _cli(capsys, "check", "--no-cache", "spoilt.pdf")
    assert code == 2 and "spoilt.pdf: not a readable PDF (no %PDF- header)" in err
    assert "Traceback" not in err


def test_a_corrupt_pdf_is_an_input_error_naming_it():
    broken = _scan_pdf()[:300]  # cut short: no objects, no cross-reference table
    with pytest.raises(InputError, match=r"^broken\.pdf: not a readable PDF"):
        list(pdf.convert_pages(io.BytesIO(broken), "broken.pdf"))


@needs_soffice
def test_an_encrypted_pdf_is_an_input_error_naming_it(tmp_path):
    source = tmp_path / "locked.md"
    source.write_text("# Locked\n\nThe clinic treated 240 patients in 2022.\n", encoding="utf-8")
    locked = pdf_build.convert(source, tmp_path, password="open-sesame")
    with pytest.raises(InputError, match=r"locked\.pdf: the PDF is encrypted"):
        list(pdf.convert_pages(open(locked, "rb"), str(locked)))


def test_pdfium_lines_split_at_line_ends_and_marked_hyphens_with_ligatures_undone():
    text = "The ﬁrst trial enrolled 120 adults over\r\nthe age of 40 in eigh\ufffeteen ofﬁces\r\n"
    assert pdf._raw_lines(text) == [
        ("The first trial enrolled 120 adults over", False),
        ("the age of 40 in eigh-", True),
        ("teen offices", False),
        ("", False),
    ]
    # the halves of a word hyphenated at a line end are not words of the document
    assert "eigh" not in set(pdf._whole_words(pdf._raw_lines(text)))


@needs_soffice
def test_a_long_pdf_comes_in_pieces_that_end_paragraphs(built, monkeypatch):
    (whole,) = _pieces(built)
    monkeypatch.setattr(pdf, "CHUNK_CHARS", 1500)
    pieces = _pieces(built)
    assert len(pieces) >= 3
    # The same text, cut only at paragraph breaks; each piece's positions are its own.
    assert "\n\n".join(p.text for p in pieces) == whole.text
    for p in pieces:
        assert p.text.strip() and p.stretches[0].offset == 0
        assert p.position(0)[0] == p.first_page


# --- through the command line ----------------------------------------------------------------


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    from factcheck.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


CONTRADICTION = (
    "Overdose deaths from all drugs came to 107,941 in 2022, and",
    "some 150,000 people died of drug overdoses in 2022.",
)


def test_check_reports_a_pdf_finding_at_its_page_line_and_column(capsys, tmp_path, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "memo.pdf").write_bytes(_hand_pdf([_text_page(*CONTRADICTION)]))
    code, out, err = _cli(capsys, "check", "--no-cache", "drafts")  # found in a folder walk
    assert code == 1, err
    assert "drafts/memo.pdf:p1:2:1: error reference-mismatch “some 150,000”" in out
    code, out, _ = _cli(capsys, "check", "--no-cache", "--format", "json", "drafts/memo.pdf")
    claims = {c["surface"]: c for c in json.loads(out)["claims"]}
    assert claims["107,941"]["position"] == {
        "label": "p1:1:40",
        "start": {"page": 1, "line": 1, "column": 40},
        "end": {"page": 1, "line": 1, "column": 47},
    }
    assert claims["some 150,000"]["position"]["label"] == "p1:2:1"
    # SARIF: the region (lines through the document) and the place as a logical location.
    code, out, _ = _cli(capsys, "check", "--no-cache", "--format", "sarif", "drafts/memo.pdf")
    (result,) = [r for r in json.loads(out)["runs"][0]["results"] if r["level"] == "error"]
    (location,) = result["locations"]
    assert location["physicalLocation"]["region"]["startLine"] == 2
    assert location["logicalLocations"] == [
        {"name": "p1:2:1", "fullyQualifiedName": "drafts/memo.pdf:p1:2:1"}
    ]
    # HTML: the place as text in the table of claims.
    _cli(capsys, "check", "--no-cache", "--format", "html", "-o", "r.html", "drafts/memo.pdf")
    page = (tmp_path / "r.html").read_text(encoding="utf-8").replace("<wbr>", "")
    assert "drafts/memo.pdf:p1:2:1" in page


def test_damaged_and_scanned_pdfs_on_the_command_line(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cut.pdf").write_bytes(_scan_pdf()[:300])
    code, _, err = _cli(capsys, "check", "--no-cache", "cut.pdf")
    assert code == 2 and "cut.pdf: not a readable PDF" in err and "Traceback" not in err
    (tmp_path / "scan.pdf").write_bytes(_scan_pdf())
    code, _, err = _cli(capsys, "check", "--no-cache", "scan.pdf")
    assert "scan.pdf: no text layer on any page" in err and "OCR is not supported" in err
    assert "none of the inputs could be read" in err  # nothing was read: exit 2
    assert code == 2 and "Traceback" not in err
    code, _, err = _cli(capsys, "extract", "scan.pdf")
    assert code == 2 and "OCR is not supported" in err and "none of the inputs" in err
    # Beside a draft that reads, the scan is a warning and the run goes on.
    (tmp_path / "memo.pdf").write_bytes(_hand_pdf([_text_page(*CONTRADICTION)]))
    code, out, err = _cli(capsys, "check", "--no-cache", "scan.pdf", "memo.pdf")
    assert code == 1 and "OCR is not supported" in err and "memo.pdf:p1:2:1" in out


@needs_soffice
def test_an_encrypted_pdf_on_the_command_line(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "locked.md"
    source.write_text("# Locked\n\nThe clinic treated 240 patients in 2022.\n", encoding="utf-8")
    pdf_build.convert(source, tmp_path, password="open-sesame")
    code, _, err = _cli(capsys, "check", "--no-cache", "locked.pdf")
    assert code == 2 and "locked.pdf: the PDF is encrypted" in err and "Traceback" not in err


@needs_soffice
def test_every_claim_position_points_at_its_words_in_the_pdf(built):
    """The position a claim reports (page, line, column) holds the claim's first word in the
    PDF's own text of that line."""
    from factcheck.load import iter_documents
    from factcheck.pipeline import extract_claims

    lines: dict[int, list[str]] = {}
    claims = [c for doc in iter_documents(built) for c in extract_claims(doc)]
    assert len(claims) >= 20
    for c in claims:
        start = c.position["start"]
        page_lines = lines.setdefault(start["page"], _visual_lines(built, start["page"]))
        at = page_lines[start["line"] - 1][start["column"] - 1 :]
        assert at.startswith(c.surface.split()[0]), (c.surface, c.position, at)
        assert c.position["label"] == f"p{start['page']}:{start['line']}:{start['column']}"
