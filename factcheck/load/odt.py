"""OpenDocument text (.odt): its XML translated into WordprocessingML and read as a .docx.

An .odt holds the same things a .docx does (paragraphs, headings with an outline level,
lists, tables with spanned cells, footnotes and endnotes, comments, tracked changes) in other
XML. Rather than a second reader, the body is written as the Word document XML that says the
same, and ``load.docx`` reads it: the same Markdown or plain text, the same rules, and the
same positions, ``¶14:23`` for paragraph 14, character 23 (paragraphs numbered in reading
order, those in table cells and lists too; a cell adds its table, row and column). The
translation, element by element:

- ``text:h`` -> a paragraph with its outline level (a heading); ``text:p`` -> a paragraph;
  the paragraphs of ``text:list`` items -> numbered paragraphs (list items); sections and
  index bodies are read through, as their paragraphs stand in the document;
- ``table:table`` -> a table: header rows (``table:table-header-rows``) and the first row as
  header cells, ``number-columns-spanned`` as a span, ``number-rows-spanned`` as a vertical
  merge (the covered cells below it continue the merge);
- characters: text and spans as runs, ``text:s`` as its spaces, ``text:tab`` and
  ``text:line-break`` as one character each, links and fields as the text they show, a span
  whose style raises the text (``style:text-position`` "super" or a positive rise) as
  superscript;
- ``text:note`` -> a footnote or endnote reference, its ``text:note-body`` the note's text;
- ``office:annotation`` -> a comment (only one that is a factcheck directive is acted on, on
  the paragraph it stands in); tracked changes are as if accepted: the deleted text is kept
  apart, in ``text:tracked-changes``, and is not read; frames (text boxes, images) are not
  read.

The library is lxml (already used for .docx), not odfpy: odfpy would give the same element
tree through its own classes, and nothing here needs more than the XML.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from factcheck.errors import InputError
from factcheck.load.binary import ZIP_ERRORS, Converted
from factcheck.load.docx import _PARSER, MAX_PART_BYTES, Package, W, package_texts, read_package

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}
_RAISED = re.compile(r"\s*(super\b|[1-9]\d*(?:\.\d+)?%)")


def o(prefix: str, tag: str) -> str:
    return f"{{{_NS[prefix]}}}{tag}"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class OdtError(InputError):
    pass


def open_package(stream: BinaryIO, name: str) -> Package:
    """The .odt as the parts of a Word package (document, notes, comments); OdtError (an
    InputError) naming the file if it is damaged."""
    try:
        with zipfile.ZipFile(stream) as archive:
            content = _parse(archive, "content.xml")
            styles = _parse(archive, "styles.xml") if "styles.xml" in archive.namelist() else None
    except (*ZIP_ERRORS, KeyError, etree.XMLSyntaxError) as err:
        raise OdtError(f"{name}: a damaged OpenDocument text, not read: {err}") from None
    except RuntimeError as err:  # zipfile: an encrypted member
        raise OdtError(f"{name}: an encrypted OpenDocument text, not read: {err}") from None
    if content.find(f".//{o('office', 'encrypted-data')}") is not None:
        raise OdtError(f"{name}: an encrypted OpenDocument text, not read")
    return _Translation(content, styles).package()


def _parse(archive: zipfile.ZipFile, member: str) -> etree._Element:
    if archive.getinfo(member).file_size > MAX_PART_BYTES:
        raise zipfile.BadZipFile(f"{member} is over {MAX_PART_BYTES >> 20} MB uncompressed")
    return etree.fromstring(archive.read(member), _PARSER)


def read(stream: BinaryIO, name: str) -> Iterator[Converted]:
    """The converter of an .odt (see ``load.binary``): one piece, the whole document."""
    yield from read_package(open_package(stream, name), name, "OpenDocument text")


def paragraph_texts(stream: BinaryIO, name: str = "<odt>") -> list[str]:
    """The text of every body paragraph, as positions number and count them (¶1 first)."""
    return package_texts(open_package(stream, name))


class _Translation:
    """Writes an OpenDocument text's body as WordprocessingML (see the module docstring)."""

    def __init__(self, content: etree._Element, styles: etree._Element | None) -> None:
        self.content = content
        roots = [content] + ([styles] if styles is not None else [])
        self.raised = {n for root in roots for n in _styles_with(root, "text", _raises)}
        self.ruled = {n for root in roots for n in _styles_with(root, "paragraph", _rules)}
        self.notes: dict[str, etree._Element] = {"footnote": _root("footnotes"),
                                                 "endnote": _root("endnotes")}  # fmt: skip
        self.comments = _root("comments")
        self.ids = 0

    def package(self) -> Package:
        document = _root("document")
        body = etree.SubElement(document, w("body"))
        text = self.content.find(f"{o('office', 'body')}/{o('office', 'text')}")
        if text is not None:
            self.blocks(text, body, listed=False)
        return Package(
            document,
            footnotes=self.notes["footnote"],
            endnotes=self.notes["endnote"],
            comments=self.comments,
        )

    def next_id(self) -> str:
        self.ids += 1
        return str(self.ids)

    # Blocks ---------------------------------------------------------------------------
    def blocks(self, parent: etree._Element, out: etree._Element, listed: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag in (o("text", "p"), o("text", "h")):
                self.paragraph(child, out, listed)
            elif tag == o("text", "list"):
                for item in child:
                    if item.tag in (o("text", "list-item"), o("text", "list-header")):
                        self.blocks(item, out, listed=True)
            elif tag == o("table", "table"):
                self.table(child, out)
            elif tag in _NOT_READ:
                continue
            elif isinstance(tag, str):
                self.blocks(child, out, listed)  # a section, an index body: read through

    def paragraph(self, el: etree._Element, out: etree._Element, listed: bool) -> None:
        p = etree.SubElement(out, w("p"))
        props = etree.SubElement(p, w("pPr"))
        if el.tag == o("text", "h"):
            level = el.get(o("text", "outline-level"), "1")
            value = int(level) - 1 if level.isdigit() and 1 <= int(level) <= 9 else 0
            etree.SubElement(props, w("outlineLvl")).set(w("val"), str(value))
        elif listed:
            numbering = etree.SubElement(props, w("numPr"))
            etree.SubElement(numbering, w("numId")).set(w("val"), "1")
        if el.get(o("text", "style-name")) in self.ruled:  # a horizontal line, as Word's
            etree.SubElement(etree.SubElement(props, w("pBdr")), w("bottom"))
        self.inline(el, p, raised=False)

    # Characters -----------------------------------------------------------------------
    def inline(self, el: etree._Element, p: etree._Element, raised: bool) -> None:
        """The characters of ``el`` (its text, its children's, their tails) as runs of ``p``."""
        style = el.get(o("text", "style-name"))
        raised = raised or (el.tag == o("text", "span") and style in self.raised)
        self.run(p, el.text, raised)
        for child in el:
            tag = child.tag
            if tag == o("text", "s"):
                count = child.get(o("text", "c"), "1")
                spaces = " " * (min(int(count), 1000) if count.isdigit() else 1)
                self.run(p, spaces, raised, kept=True)
            elif tag == o("text", "tab"):
                etree.SubElement(etree.SubElement(p, w("r")), w("tab"))
            elif tag == o("text", "line-break"):
                etree.SubElement(etree.SubElement(p, w("r")), w("br"))
            elif tag == o("text", "note"):
                self.note(child, p)
            elif tag == o("office", "annotation"):
                self.comment(child, p)
            elif tag in _NOT_READ or tag == o("draw", "frame") or not isinstance(tag, str):
                pass
            else:  # spans, links, fields, meta: the text they show
                self.inline(child, p, raised)
            self.run(p, child.tail, raised)

    def run(self, p: etree._Element, text: str | None, raised: bool, kept: bool = False) -> None:
        if not text:
            return
        if not kept:  # ODF collapses white space in text (text:s says where it is kept)
            text = re.sub(r"[ \t\r\n]+", " ", text)
        r = etree.SubElement(p, w("r"))
        if raised:
            props = etree.SubElement(r, w("rPr"))
            etree.SubElement(props, w("vertAlign")).set(w("val"), "superscript")
        t = etree.SubElement(r, w("t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def note(self, el: etree._Element, p: etree._Element) -> None:
        kind = "endnote" if el.get(o("text", "note-class")) == "endnote" else "footnote"
        note_id = self.next_id()
        r = etree.SubElement(p, w("r"))
        etree.SubElement(r, w(kind + "Reference")).set(w("id"), note_id)
        note = etree.SubElement(self.notes[kind], w(kind))
        note.set(w("id"), note_id)
        body = el.find(o("text", "note-body"))
        if body is not None:
            self.blocks(body, note, listed=False)

    def comment(self, el: etree._Element, p: etree._Element) -> None:
        comment_id = self.next_id()
        etree.SubElement(p, w("commentRangeStart")).set(w("id"), comment_id)
        comment = etree.SubElement(self.comments, w("comment"))
        comment.set(w("id"), comment_id)
        for para in el.iter(o("text", "p")):
            self.inline(para, etree.SubElement(comment, w("p")), raised=False)

    # Tables ---------------------------------------------------------------------------
    def table(self, el: etree._Element, out: etree._Element) -> None:
        tbl = etree.SubElement(out, w("tbl"))
        merging: dict[int, tuple[int, int]] = {}  # grid column -> (rows still to cover, span)
        for row, header in _rows(el):
            tr = etree.SubElement(tbl, w("tr"))
            if header:
                etree.SubElement(etree.SubElement(tr, w("trPr")), w("tblHeader"))
            column = skip = 0  # skip: covered cells that a span over columns accounts for
            for cell in row:
                if cell.tag == o("table", "covered-table-cell"):
                    left, span = merging.get(column, (0, 1))
                    if skip:
                        skip -= 1
                    elif left > 0:  # below a cell spanning rows: the merge goes on
                        merging[column] = (left - 1, span)
                        self.cell(cell, tr, span, "continue")
                        skip = span - 1
                    column += 1
                    continue
                if cell.tag != o("table", "table-cell"):
                    continue
                span = _count(cell, "number-columns-spanned")
                down = _count(cell, "number-rows-spanned")
                merging[column] = (down - 1, span)
                self.cell(cell, tr, span, "restart" if down > 1 else None)
                skip = span - 1
                column += 1
        if not len(tbl):
            out.remove(tbl)

    def cell(self, el: etree._Element, tr: etree._Element, span: int, merge: str | None) -> None:
        tc = etree.SubElement(tr, w("tc"))
        if span > 1 or merge:
            props = etree.SubElement(tc, w("tcPr"))
            if span > 1:
                etree.SubElement(props, w("gridSpan")).set(w("val"), str(span))
            if merge:
                etree.SubElement(props, w("vMerge")).set(w("val"), merge)
        if merge != "continue":
            self.blocks(el, tc, listed=False)
        if not len(tc) or tc[-1].tag != w("p"):
            etree.SubElement(tc, w("p"))  # Word's rule: a cell ends with a paragraph


# Neither body text nor read through: deleted text of tracked changes, declarations, frames
# (text boxes, images), a note's citation (the reference stands for it), generated index
# templates.
_NOT_READ = frozenset(
    o(p, t)
    for p, t in (
        ("text", "tracked-changes"), ("text", "sequence-decls"), ("text", "variable-decls"),
        ("text", "user-field-decls"), ("text", "note-citation"), ("text", "index-title-template"),
        ("text", "table-of-content-source"), ("text", "change"), ("text", "change-start"),
        ("text", "change-end"), ("text", "bookmark"), ("text", "bookmark-start"),
        ("text", "bookmark-end"), ("office", "annotation-end"), ("office", "forms"),
        ("draw", "frame"), ("table", "table-columns"), ("table", "table-column"),
        ("table", "table-column-group"),
    )
)  # fmt: skip


def _rows(table: etree._Element) -> Iterator[tuple[list[etree._Element], bool]]:
    """The rows of a table in order, with whether each is a header row (those of
    ``table:table-header-rows``, or the first row of a table of several)."""
    found: list[tuple[etree._Element, bool]] = []

    def walk(parent: etree._Element, header: bool) -> None:
        for child in parent:
            if child.tag == o("table", "table-row"):
                found.append((child, header))
            elif child.tag == o("table", "table-header-rows"):
                walk(child, True)
            elif child.tag in (o("table", "table-rows"), o("table", "table-row-group")):
                walk(child, header)

    walk(table, False)
    marked = any(header for _, header in found)
    for k, (row, header) in enumerate(found):
        for _ in range(min(_count(row, "number-rows-repeated"), 100)):
            yield list(row), header or (not marked and k == 0 and len(found) > 1)


def _count(el: etree._Element, attribute: str) -> int:
    value = el.get(o("table", attribute), "1")
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def _styles_with(root: etree._Element, family: str, test) -> Iterator[str]:
    """The names of the styles of a family whose properties pass ``test``."""
    for style in root.iter(o("style", "style")):
        if style.get(o("style", "family")) != family:
            continue
        props = style.find(o("style", f"{family}-properties"))
        if props is not None and test(props):
            yield style.get(o("style", "name"), "")


def _raises(props: etree._Element) -> bool:
    """A text style that raises its text (superscript)."""
    return bool(_RAISED.match(props.get(o("style", "text-position"), "")))


_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"


def _rules(props: etree._Element) -> bool:
    """A paragraph style that draws a line above or below (a border other than none)."""
    return any(
        props.get(f"{{{_FO}}}{side}", "none") != "none"
        for side in ("border", "border-top", "border-bottom")
    )


def _root(name: str) -> etree._Element:
    return etree.Element(w(name), nsmap={"w": W})
