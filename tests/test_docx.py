"""Word documents in: the .docx converter, its positions, and damaged or unsupported inputs."""

from __future__ import annotations

import io
import json
import logging
import zipfile

import docx
import jsonschema
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.load import iter_paths, load_file
from factcheck.load.docx import paragraph_texts
from factcheck.pipeline import extract_file
from factcheck.schema import bundled


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def brief(path):
    """A short brief as an editor writes it in Word: a heading, a date line, prose, a table
    with a header row, a bulleted item."""
    d = docx.Document()
    d.add_heading("Overdoses this decade", 1)
    d.add_paragraph("April 2025")
    d.add_paragraph(
        "In 2021, more than 100,000 Americans died of fentanyl overdoses, a toll no earlier "
        "year came near."
    )
    d.add_paragraph("Deaths from all drugs came to 107,941 in 2022 & fell after that.")
    table = d.add_table(rows=3, cols=2)
    rows = [("Year", "Overdose deaths"), ("2021", "106,699"), ("2022", "107,941")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("Mexico registered 33,287 homicides in 2022.", style="List Bullet")
    d.save(path)
    return path


def test_claims_of_a_word_brief_and_where_they_are(tmp_path):
    path = brief(tmp_path / "brief.docx")
    claims = extract_file(path, load_catalog(default_catalog_path()))
    texts = paragraph_texts(open(path, "rb"))
    assert texts[0] == "Overdoses this decade" and len(texts) == 4 + 6 + 1
    found = {c.surface: c for c in claims}
    assert set(found) >= {"more than 100,000", "107,941", "106,699", "33,287"}
    for claim in claims:
        start, end = claim.position["start"], claim.position["end"]
        assert start["paragraph"] == end["paragraph"] == claim.line
        text = texts[start["paragraph"] - 1]
        assert text[start["char"] - 1 : end["char"] - 1] == claim.surface
        assert (claim.column, claim.end_column) == (start["char"], end["char"])
    first = found["more than 100,000"]
    assert first.position["label"] == "¶3:10" and first.period == "2021"
    cell = next(c for c in claims if c.surface == "106,699")
    assert cell.position["start"]["table"] == 1
    assert (cell.position["start"]["row"], cell.position["start"]["column"]) == (2, 2)
    assert cell.position["label"] == "¶8:1 (table 1 r2c2)"
    # The table cell takes its period from its row and its measure from its column header.
    assert cell.period == "2021" and cell.measure == "us.overdose_deaths.all_drugs"
    assert found["33,287"].period == "2022"


def test_the_terminal_and_json_show_the_paragraph(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    brief(tmp_path / "brief.docx")
    code, out, _ = cli(capsys, "check", "--no-cache", "brief.docx")
    assert code == 1
    assert out.startswith("brief.docx:¶3:10: error reference-mismatch")
    code, out, _ = cli(capsys, "check", "--no-cache", "--format", "json", "brief.docx")
    report = json.loads(out)
    jsonschema.Draft202012Validator(bundled("report")).validate(report)
    claim = next(c for c in report["claims"] if c["surface"] == "more than 100,000")
    assert claim["position"] == {
        "label": "¶3:10",
        "start": {"paragraph": 3, "char": 10},
        "end": {"paragraph": 3, "char": 27},
    }
    assert report["findings"][0]["claims"][0]["position"]["label"] == "¶3:10"


def test_a_folder_walk_reads_word_documents(tmp_path):
    brief(tmp_path / "brief.docx")
    (tmp_path / "notes.txt").write_text("Nothing to see.\n")
    assert sorted(p.name for p in iter_paths([str(tmp_path)])) == ["brief.docx", "notes.txt"]


def test_tracked_changes_are_read_as_accepted(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Overdose deaths came to ")
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "1")
    deleted.set(qn("w:author"), "Editor")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = "93,000"
    run.append(text)
    deleted.append(run)
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "2")
    inserted.set(qn("w:author"), "Editor")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "107,941"
    run.append(text)
    inserted.append(run)
    p._p.append(deleted)
    p._p.append(inserted)
    p.add_run(" in 2022.")
    d.add_comment(p.runs[0], text="Check 2023 too: 105,007?", author="Reviewer")
    d.save(tmp_path / "tracked.docx")
    claims = extract_file(tmp_path / "tracked.docx")
    assert [(c.surface, c.position["label"]) for c in claims] == [("107,941", "¶1:25")]
    assert paragraph_texts(open(tmp_path / "tracked.docx", "rb")) == [
        "Overdose deaths came to 107,941 in 2022."
    ]


@pytest.mark.parametrize(
    ("alone", "expected"),
    [
        (False, [("Some 73,838", "¶1:1", "1"), ("33,287", "¶2:19", None)]),
        (True, [("Some 73,838", "¶1:1", None), ("33,287", "¶3:19", None)]),
    ],
    ids=["reference-ending-a-paragraph", "reference-in-a-paragraph-alone"],
)
def test_footnotes_are_notes_not_body(tmp_path, alone, expected):
    """A footnote's figures are the note's, never claims of the body. A reference ending a
    paragraph cites its note for that paragraph's claims; a paragraph holding only a
    reference stays apart: it cites nothing and joins neither neighbour."""
    path = tmp_path / "notes.docx"
    d = docx.Document()
    p = d.add_paragraph("Some 73,838 people died of synthetic opioid overdoses in 2022.")
    run = (d.add_paragraph() if alone else p).add_run()
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "1")
    run._r.append(ref)
    d.add_paragraph("Mexico registered 33,287 homicides in 2022.")
    d.save(path)
    _add_footnotes(path, {"1": "Source table 12, 2,000 pages, 1999 edition."})
    claims = extract_file(path)
    assert [(c.surface, c.position["label"], c.citation) for c in claims] == expected


def _add_footnotes(path, notes):
    """Give a python-docx document a footnotes part (python-docx cannot write one)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
        f" {text}</w:t></w:r></w:p></w:footnote>"
        for k, text in notes.items()
    )
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>{body}</w:footnotes>'
    source = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            zout.writestr(item, data)
        zout.writestr("word/footnotes.xml", xml)
    path.write_bytes(out.getvalue())


def test_a_damaged_word_document_is_an_input_error(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = brief(tmp_path / "good.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    code, out, err = cli(capsys, "check", "--no-cache", "cut.docx")
    assert code == 2 and "cut.docx" in err and "damaged" in err and "Traceback" not in err
    # The zip opens but the document's XML is cut short.
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(tmp_path / "bad.docx", "w") as z:
        for item in zin.infolist():
            data = zin.read(item.filename)
            z.writestr(item, data[:100] if item.filename == "word/document.xml" else data)
    code, _, err = cli(capsys, "check", "--no-cache", "bad.docx")
    assert code == 2 and "bad.docx" in err and "damaged" in err and "Traceback" not in err


def test_a_word_document_whose_compressed_text_is_garbage_is_damaged(capsys, tmp_path, monkeypatch):
    """The zip's directory is whole but document.xml's deflated bytes do not inflate
    (zlib.error, found by the fuzz campaign)."""
    monkeypatch.chdir(tmp_path)
    data = bytearray(brief(tmp_path / "good.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    assert info.compress_type == zipfile.ZIP_DEFLATED
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 4] = b"\xff\xff\xff\xff"  # a deflate block of the reserved type
    (tmp_path / "garbled.docx").write_bytes(bytes(data))
    code, _, err = cli(capsys, "check", "--no-cache", "garbled.docx")
    assert code == 2 and "garbled.docx: a damaged Word document" in err and "Traceback" not in err


def test_an_encrypted_office_document_is_an_input_error(tmp_path):
    # A password-protected .docx is an OLE2 compound file with an EncryptedPackage stream.
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path = tmp_path / "secret.docx"
    path.write_bytes(head + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600)
    with pytest.raises(InputError, match="secret.docx: an encrypted"):
        load_file(path)


def test_an_unsupported_binary_format_is_named_and_skipped(capsys, tmp_path, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    with zipfile.ZipFile(tmp_path / "sheet.xlsx", "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        assert load_file(tmp_path / "sheet.xlsx") is None
    assert "sheet.xlsx: Excel (.xlsx) file, a format factcheck does not read" in caplog.text
    code, _, err = cli(capsys, "check", "--no-cache", "sheet.xlsx")
    assert code == 2 and "Excel (.xlsx)" in err and "none of the inputs could be read" in err


def test_a_word_document_on_standard_input(capsys, tmp_path, monkeypatch):
    data = brief(tmp_path / "brief.docx").read_bytes()

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO(data))

    monkeypatch.setattr("sys.stdin", Stdin)
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli(capsys, "check", "--no-cache", "--stdin-filename", "draft.docx", "-")
    assert code == 1 and out.startswith("draft.docx:¶3:10:")


def test_sarif_and_html_name_the_paragraph(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    brief(tmp_path / "brief.docx")
    code, out, _ = cli(capsys, "check", "--no-cache", "--format", "sarif", "brief.docx")
    result = json.loads(out)["runs"][0]["results"][0]
    location = result["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == 3  # the paragraph
    assert location["physicalLocation"]["region"]["startColumn"] == 10  # its character
    assert location["logicalLocations"] == [
        {"name": "¶3:10", "fullyQualifiedName": "brief.docx:¶3:10"}
    ]
    code, out, _ = cli(capsys, "check", "--no-cache", "--format", "html", "-v", "brief.docx")
    assert "¶3:10" in out and "¶8:1 (table 1 r2c2)" in out
    assert "brief.docx:3:10" not in out


def test_a_hostile_word_document_is_a_damaged_one(capsys, tmp_path, monkeypatch):
    """Nesting past any draft's (a content control in a content control, 5,000 deep) and a
    part that would unpack to gigabytes: an input error naming the file, no traceback."""
    monkeypatch.chdir(tmp_path)
    good = brief(tmp_path / "good.docx").read_bytes()
    deep = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>"
        + "<w:sdt><w:sdtContent>" * 5000
        + "<w:p><w:r><w:t>12 deaths</w:t></w:r></w:p>"
        + "</w:sdtContent></w:sdt>" * 5000
        + "</w:body></w:document>"
    )
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile("deep.docx", "w") as z:
        for item in zin.infolist():
            data = deep.encode() if item.filename == "word/document.xml" else zin.read(item)
            z.writestr(item.filename, data)
    code, _, err = cli(capsys, "check", "--no-cache", "deep.docx")
    assert code == 2 and "deep.docx" in err and "damaged" in err and "Traceback" not in err
    with (
        zipfile.ZipFile(io.BytesIO(good)) as zin,
        zipfile.ZipFile("bomb.docx", "w", zipfile.ZIP_DEFLATED) as z,
    ):
        for item in zin.infolist():
            if item.filename == "word/document.xml":
                with z.open("word/document.xml", "w", force_zip64=True) as member:
                    block = b" " * (1 << 20)
                    for _ in range(300):  # 300 MB of blanks, a few hundred kB compressed
                        member.write(block)
            else:
                z.writestr(item.filename, zin.read(item))
    code, _, err = cli(capsys, "check", "--no-cache", "bomb.docx")
    assert code == 2 and "bomb.docx" in err and "over 256 MB" in err and "Traceback" not in err


def _run(text=None, **child):
    run = OxmlElement("w:r")
    if text is not None:
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        run.append(t)
    for tag, attrs in child.items():
        el = OxmlElement(f"w:{tag}")
        for key, value in attrs.items():
            el.set(qn(f"w:{key}"), value)
        if tag == "instrText":
            el.text = attrs.get("code", "")
        run.append(el)
    return run


def test_fields_and_hyperlinks_read_as_the_text_they_show(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Overdose deaths came to ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), "rId99")
    link.append(_run("107,941"))
    p._p.append(link)
    p._p.append(_run(" in 2022 (table "))
    # A field: its code (with a number in it) is not text; its shown result is.
    p._p.append(_run(fldChar={"fldCharType": "begin"}))
    instr = _run()
    code = OxmlElement("w:instrText")
    code.text = " SEQ Table 2024 \\* ARABIC "
    instr.append(code)
    p._p.append(instr)
    p._p.append(_run(fldChar={"fldCharType": "separate"}))
    p._p.append(_run("4"))
    p._p.append(_run(fldChar={"fldCharType": "end"}))
    p._p.append(_run(")."))
    d.save(tmp_path / "fields.docx")
    texts = paragraph_texts(open(tmp_path / "fields.docx", "rb"))
    assert texts == ["Overdose deaths came to 107,941 in 2022 (table 4)."]
    claims = extract_file(tmp_path / "fields.docx")
    assert [(c.surface, c.position["label"], c.period) for c in claims] == [
        ("107,941", "¶1:25", "2022")
    ]


def test_a_directive_comment_at_a_paragraphs_start_suppresses_its_claims(tmp_path):
    """The comment's directive is written after the paragraph's text: written before it, it
    began an HTML block in the Markdown the document is read as, which hid the paragraph."""
    d = docx.Document()
    d.add_heading("Clinic", level=1)
    d.add_heading("Visits", level=2)
    p = d.add_paragraph("Some 400 visits were booked in 2024.")
    d.add_comment(p.runs, text="factcheck: ignore a rounded figure", author="Editor")
    d.add_paragraph("The clinic treated 240 patients in 2022.")  # the next: not ignored
    d.save(tmp_path / "ignored.docx")
    claims = {c.surface: c for c in extract_file(tmp_path / "ignored.docx")}
    assert claims["Some 400"].suppressed == "inline: a rounded figure"
    assert claims["Some 400"].position["label"] == "¶3:1"
    assert not claims["240"].suppressed
