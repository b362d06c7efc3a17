"""OpenDocument text (.odt) in: factcheck.load.odt translates the body into WordprocessingML and
reads it as a .docx, so its claims and positions are a Word document's. The drafts here are the
project's own words; the LibreOffice test converts the examples' Word versions to .odt."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from corpus_compare import EXAMPLES, key
from docx_files import write_docx

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.cli import main
from factcheck.load import odt
from factcheck.pipeline import extract_file

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)

BODY = """
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
  <text:p>The clinic treated 999 patients.</text:p></text:deletion></text:changed-region>
</text:tracked-changes>
<text:h text:outline-level="1">Clinic report</text:h>
<text:p>The clinic treated<text:s text:c="2"/><text:change text:change-id="c1"/>240 patients in
 2022,<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>
 <text:note-body><text:p>Annual summary, 2,000 pages.</text:p></text:note-body></text:note>
 and 310 in 2023.</text:p>
<text:list><text:list-item><text:p>Waiting lists grew to 85 names in 2023.</text:p>
</text:list-item></text:list>
<table:table><table:table-column table:number-columns-repeated="2"/>
 <table:table-header-rows><table:table-row><table:table-cell><text:p>Year</text:p>
 </table:table-cell><table:table-cell><text:p>Patients</text:p></table:table-cell>
 </table:table-row></table:table-header-rows>
 <table:table-row><table:table-cell><text:p>2021</text:p></table:table-cell>
 <table:table-cell><text:p>205</text:p></table:table-cell></table:table-row>
</table:table>
<text:p><draw:frame><draw:text-box><text:p>A box with 77 items.</text:p></draw:text-box>
</draw:frame>Staff numbered 12<text:span text:style-name="Up">3</text:span> in 2022.</text:p>
<text:p><office:annotation><dc:creator>Editor</dc:creator><text:p>factcheck: ignore a
 rounded figure</text:p></office:annotation>Some 400 visits were booked in 2024.</text:p>
"""
STYLES = """<office:automatic-styles><style:style style:name="Up" style:family="text">
<style:text-properties style:text-position="super 58%"/></style:style></office:automatic-styles>"""


def write_odt(path: Path, body: str = BODY) -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>{STYLES}'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return path


def test_an_odt_is_read_as_a_word_document_with_its_positions(tmp_path):
    path = write_odt(tmp_path / "clinic.odt")
    claims = {c.surface: c for c in extract_file(path)}
    # tracked changes accepted (the deleted 999 is not read), the note is a note, the frame
    # is not read, a raised digit is a marker, the table cell has its headers
    assert "999" not in claims and "2,000" not in claims and "77" not in claims
    assert claims["240"].position["label"] == "¶2:21"
    assert claims["310"].position["label"] == "¶2:47"
    assert claims["85"].position["label"] == "¶3:23"
    assert claims["205"].position["label"] == "¶7:1 (table 1 r2c2)"
    assert claims["205"].period == "2021"
    assert claims["Some 400"].suppressed == "inline: a rounded figure"  # the comment's directive
    assert claims["12"].citation == "3" and not claims["12"].suppressed
    texts = odt.paragraph_texts(open(path, "rb"))
    assert texts[1] == "The clinic treated  240 patients in 2022, and 310 in 2023."
    for c in claims.values():
        start, end = c.position["start"], c.position["end"]
        assert texts[start["paragraph"] - 1][start["char"] - 1 : end["char"] - 1] == c.surface


def test_a_damaged_odt_is_an_input_error_naming_it(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    good = write_odt(tmp_path / "good.odt").read_bytes()
    with zipfile.ZipFile(tmp_path / "cut.odt", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", good[:0] + b"<office:document-content")
    code = main(["check", "--no-cache", "cut.odt"])
    err = capsys.readouterr().err
    assert code == 2 and "cut.odt: a damaged OpenDocument text" in err and "Traceback" not in err
    (tmp_path / "drafts").mkdir()
    write_odt(tmp_path / "drafts" / "clinic.odt")
    code = main(["extract", "--format", "json", "drafts"])  # a folder walk takes .odt
    assert code == 0 and '"surface": "240"' in capsys.readouterr().out


@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice (soffice)")
def test_the_examples_saved_as_odt_by_libreoffice(tmp_path):
    """The examples as Word documents, saved as .odt by LibreOffice: the claims of their
    text versions, and every position on its number's words."""
    catalog = load_catalog(default_catalog_path())
    for source in EXAMPLES:
        write_docx(
            source.read_text(encoding="utf-8"), tmp_path / f"{source.stem}.docx", source.name
        )
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "odt", "--outdir", str(tmp_path / "odt"),
         *sorted(str(p) for p in tmp_path.glob("*.docx"))],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for source in EXAMPLES:
        target = tmp_path / "odt" / f"{source.stem}.odt"
        text_claims = [c for c in extract_file(source, catalog) if not c.suppressed]
        odt_claims = extract_file(target, catalog)
        kept = [c for c in odt_claims if not c.suppressed]
        assert Counter(map(key, text_claims)) == Counter(map(key, kept)), source.name
        texts = odt.paragraph_texts(io.BytesIO(target.read_bytes()))
        for c in odt_claims:
            start, end = c.position["start"], c.position["end"]
            words = texts[start["paragraph"] - 1][start["char"] - 1 : end["char"] - 1]
            assert words == c.surface, (source.name, c.position, c.surface, words)


def test_a_reviewed_copy_is_for_word_drafts_only(capsys, tmp_path, monkeypatch):
    # An .odt's claims have paragraphs as a Word draft's do, but the copy is written by
    # python-docx: asked of an .odt, it is a usage error, not a damaged copy.
    monkeypatch.chdir(tmp_path)
    write_odt(tmp_path / "clinic.odt")
    code = main(["check", "--no-cache", "--format", "docx", "-o", "r.docx", "clinic.odt"])
    err = capsys.readouterr().err
    assert code == 2 and "Word drafts among the inputs: none" in err
    assert not (tmp_path / "r.docx").exists()
