"""Real PDFs for the tests and benchmarks: a text or Markdown draft laid out by LibreOffice.

``build_pdf`` writes the draft as a flat OpenDocument file (.fodt) with the features that make
a PDF hard to read back, then converts it with ``soffice --headless --convert-to pdf``:
justified text in a narrow column with automatic hyphenation (hyphen-en-us), a running header
and a page number in the footer, and real footnotes at the page bottom (a Markdown paragraph
"<sup>3</sup> Note text" becomes the note of the body's "<sup>3</sup>" marker). The PDF has
real fonts, line breaks and hyphens; nothing here knows what any draft says.

Used by tests/test_pdf*.py and benchmarks/*.py; they skip when soffice is missing. Small PDFs
written by hand (``hand_pdf``, ``text_page``: Helvetica lines, no LibreOffice) serve the tests
of the converter's rules and the fuzz campaign.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt

_SUP = re.compile(r"<sup>\s*(\w{1,4})\s*</sup>", re.IGNORECASE)
_NOTE_PARAGRAPH = re.compile(r"^\s*<sup>\s*(\w{1,4})\s*</sup>\s*(.+)$", re.IGNORECASE | re.S)
_INLINE_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "code"
    text: str  # inline text; "<sup>N</sup>" marks a footnote reference
    level: int = 0
    comment: str = ""  # a factcheck directive, written as a comment (an annotation) on it


@dataclass
class Draft:
    blocks: list[Block] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # footnote label -> its text
    title: str = ""


def text_blocks(text: str) -> Draft:
    """A plain-text draft: a run of wrapped lines (50-100 characters) is one paragraph, other
    lines (short ones, or whole paragraphs on one long line) one each."""
    draft = Draft()
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) > 1 and all(50 <= len(ln) <= 100 for ln in lines[:-1]):
            draft.blocks.append(Block("paragraph", " ".join(lines)))
        else:
            draft.blocks.extend(Block("paragraph", ln) for ln in lines)
    draft.title = draft.blocks[0].text[:60] if draft.blocks else ""
    return draft


def _wrapped(content: str) -> str:
    """Source lines joined when they are wrapped prose; short lines (a list of contents, an
    address) keep their breaks ("\n", a line break in the PDF)."""
    lines = [ln.strip() for ln in content.split("\n")]
    if all(len(ln) >= 50 for ln in lines[:-1]):
        return " ".join(lines)
    return "\n".join(lines)


def markdown_blocks(text: str) -> Draft:
    """A Markdown draft: headings, paragraphs, list items, table rows and code as blocks.

    Footnote paragraphs ("<sup>3</sup> Source, 2024.") become footnotes of their marker. Front
    matter and HTML comments have no place in a printed page and are left out, except a
    factcheck directive, which becomes a comment on the next block (as an editor would write
    it in Word or LibreOffice; the PDF carries it as a PDF comment). A text exported
    from a PDF (a seed) shows each page's footnotes after a rule ("---"), maybe led by the end
    of a note carried over from the page before, and a sentence may run on past them: the
    carried text goes back into its note, and the sentence is made whole again."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = text.replace("\\$", "$")
    md = MarkdownIt("commonmark").enable("table")
    draft = Draft()
    level = 0
    in_notes = False  # after a rule, among a page's footnotes
    carried: str | None = None  # a paragraph right after a rule: a note's end, or body
    last_note: str | None = None
    seen = 0  # notes since the rule
    comment = ""  # a directive waiting for the block it is about
    for tok in md.parse(text):
        if tok.type == "html_block" and "factcheck:" in tok.content:
            comment = re.sub(r"\s*(<!--|-->)\s*", " ", tok.content).strip()
            continue
        if tok.type == "hr":
            in_notes, carried, seen = True, None, 0
        elif tok.type == "heading_open":
            level = int(tok.tag[1])
            in_notes = False
        elif tok.type == "inline":
            content = _LINK.sub(r"\1", tok.content)
            content = _wrapped(_INLINE_MARKUP.sub("", content))
            note = _NOTE_PARAGRAPH.match(content)
            if note and not level:
                if carried is not None and last_note is not None:
                    draft.notes[last_note] += " " + carried
                carried = None
                last_note = note.group(1)
                seen += 1
                draft.notes[last_note] = note.group(2).strip()
            elif in_notes and not seen and carried is None and not level and content.strip():
                carried = content.strip()
            elif content.strip():
                if carried is not None:  # no note followed it: it was body after all
                    _append(draft, Block("paragraph", carried), joinable=True)
                    carried = None
                kind = "heading" if level else "paragraph"
                _append(draft, Block(kind, content.strip(), level), joinable=in_notes)
                in_notes = False
            level = 0
        elif tok.type in ("fence", "code_block"):
            draft.blocks.append(Block("code", tok.content.rstrip("\n")))
        if comment and tok.type in ("inline", "fence", "code_block") and draft.blocks:
            draft.blocks[-1].comment, comment = comment, ""
    draft.title = next((b.text for b in draft.blocks if b.kind == "heading"), "")[:60]
    return draft


def _append(draft: Draft, block: Block, joinable: bool = False) -> None:
    """Add a block; after a page's footnotes, a paragraph that goes on with the sentence
    the last one left open is that paragraph's end."""
    last = draft.blocks[-1] if draft.blocks else None
    if (
        joinable
        and block.kind == "paragraph"
        and last is not None
        and last.kind == "paragraph"
        and len(last.text) > 80
        and not re.search(r"[.!?:][\"”’)]?$", last.text)
    ):
        last.text += " " + block.text
        return
    draft.blocks.append(block)


def fodt(
    draft: Draft, *, page_width_cm: float = 12.0, font: str = "Liberation Serif", columns: int = 1
) -> str:
    """The draft as a flat OpenDocument text: narrow justified hyphenated column, running
    header, page number footer, real footnotes."""
    body = []
    used: set[str] = set()
    for b in draft.blocks:
        if b.kind == "heading":
            body.append(
                f'<text:h text:style-name="H" text:outline-level="{b.level}">'
                f"{_inline(b.text, draft.notes, used)}</text:h>"
            )
        elif b.kind == "code":
            for line in b.text.split("\n"):
                body.append(f'<text:p text:style-name="Code">{escape(line)}</text:p>')
        else:
            note = (
                f"<office:annotation><dc:creator>Editor</dc:creator><text:p>{escape(b.comment)}"
                "</text:p></office:annotation>"
                if b.comment
                else ""
            )
            body.append(
                f'<text:p text:style-name="Body">{note}{_inline(b.text, draft.notes, used)}</text:p>'
            )
    width = page_width_cm
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="F" svg:font-family="'{font}'"/>
 <style:font-face style:name="M" svg:font-family="'Liberation Mono'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="F" fo:font-size="10.5pt" fo:language="en"
   fo:country="US" fo:hyphenate="true" fo:hyphenation-remain-char-count="2"
   fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"
   fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Code" style:family="paragraph">
  <style:text-properties style:font-name="M" fo:font-size="9pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify"/>
  <style:text-properties fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Sup" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Sup"
  text:default-style-name="Footnote" style:num-format="1" text:start-value="0"
  text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="{width}cm" fo:page-height="19cm"
   fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm">
   <style:columns fo:column-count="{columns}" fo:column-gap="0.6cm"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm"
   fo:margin-bottom="0.3cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
   fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="Header">{escape(draft.title)}</text:p></style:header>
  <style:footer><text:p text:style-name="Header"><text:page-number text:select-page="current"/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body>
</office:document>
"""


def _inline(text: str, notes: dict[str, str], used: set[str]) -> str:
    """Escaped inline text; a marker with a note text becomes a footnote, else a superscript."""
    out = []
    last = 0
    for m in _SUP.finditer(text):
        out.append(escape(_strip_tags(text[last : m.start()])))
        label = m.group(1)
        if label in notes and label not in used:
            used.add(label)
            out.append(
                f'<text:note text:note-class="footnote"><text:note-citation text:label="{label}">'
                f'{label}</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                f"{escape(_strip_tags(notes[label]))}</text:p></text:note-body></text:note>"
            )
        else:
            out.append(f'<text:span text:style-name="Sup">{escape(label)}</text:span>')
        last = m.end()
    out.append(escape(_strip_tags(text[last:])))
    return "".join(out).replace("\n", "<text:line-break/>")


def _strip_tags(s: str) -> str:
    return re.sub(r"</?[A-Za-z][^<>]*>", "", s)


def convert(source: Path, out_dir: Path, password: str | None = None, **layout) -> Path:
    """``source`` (a .txt or .md draft, or a ready .fodt/.html) as a PDF in ``out_dir``;
    with ``password``, encrypted with it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if source.suffix.lower() in (".fodt", ".odt", ".docx", ".html", ".htm"):
        return _soffice(source, out_dir, password)
    draft = draft_of(source)
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / (source.stem + ".fodt")
        doc.write_text(fodt(draft, **layout), encoding="utf-8")
        return _soffice(doc, out_dir, password)


def draft_of(source: Path) -> Draft:
    text = source.read_text(encoding="utf-8")
    markdown = source.suffix.lower() in (".md", ".markdown") or "<sup>" in text or "\n###" in text
    return markdown_blocks(text) if markdown else text_blocks(text)


def long_pdf(sources: list[Path], repeats: int, out: Path) -> Path:
    """The sources one after another, ``repeats`` times, as one PDF at ``out`` (a document of
    hundreds of pages for the benchmarks); each source's footnotes are notes once."""
    whole = Draft(title="A long report")
    for _ in range(repeats):
        for source in sources:
            part = draft_of(source)
            whole.blocks += part.blocks
            whole.notes = {**part.notes, **whole.notes}
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / (out.stem + ".fodt")
        doc.write_text(fodt(whole), encoding="utf-8")
        made = _soffice(doc, Path(tmp))
        shutil.move(made, out)
    return out


def _soffice(doc: Path, out_dir: Path, password: str | None = None) -> Path:
    exe = soffice()
    if exe is None:
        raise RuntimeError("soffice (LibreOffice) is not installed")
    # Comments exported as PDF comments (text annotations), as a reviewer's would be.
    options = {"ExportNotes": {"type": "boolean", "value": "true"}}
    if password is not None:
        options["EncryptFile"] = {"type": "boolean", "value": "true"}
        options["DocumentOpenPassword"] = {"type": "string", "value": password}
    target = "pdf:writer_pdf_Export:" + json.dumps(options)
    with tempfile.TemporaryDirectory() as profile:
        # A private profile: concurrent runs (tests, other users) must not share one.
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
             "--outdir", str(out_dir), str(doc)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    pdf = out_dir / (doc.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"soffice made no PDF of {doc}")
    return pdf


def hand_pdf(pages: list[tuple[bytes, bytes]], extra: list[bytes] = ()) -> bytes:
    """A PDF written by hand: one page per (content stream, resources); ``extra`` objects are
    numbered after the pages' (each page is two objects: the page and its content)."""
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (3 + 2 * k) for k in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
    ]
    for k, (content, resources) in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources "
            + resources
            + b" /Contents %d 0 R >>" % (4 + 2 * k)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects += extra
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


HELVETICA = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


def text_page(*lines: str) -> tuple[bytes, bytes]:
    """A page with lines of Helvetica 10 pt, 12 pt apart, from the top."""
    ops = [b"BT /F1 10 Tf 20 180 Td"]
    for k, line in enumerate(lines):
        ops.append((b"0 -12 Td " if k else b"") + b"(" + pdf_string(line) + b") Tj")
    ops.append(b"ET")
    return b"\n".join(ops), HELVETICA


def pdf_string(text: str) -> bytes:
    """The bytes of a PDF string literal's content: Latin-1 (others as "?"), with the
    characters a literal escapes escaped."""
    raw = text.encode("latin-1", "replace")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return raw.replace(b"\r", b" ").replace(b"\n", b" ")
