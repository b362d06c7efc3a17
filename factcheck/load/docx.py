"""Word (.docx): the document's XML turned into HTML for the HTML reader, with a position map.

The package's parts are found through its relationships (so .docm and templates read too) and
parsed with lxml, without resolving entities. What is read, in reading order:

- body paragraphs as ``<p>``, paragraphs with a heading style or outline level as ``<hN>``,
  numbered and bulleted paragraphs as list items, tables as ``<table>`` (the first row and
  rows marked "repeat as header row" as header cells; merged cells as colspan/rowspan), so
  that a cell's period and measure come from its headers as for any HTML table;
- tracked changes as if accepted (insertions in, deletions and moved-away text out), fields
  as their shown result (never their code), hyperlinks and content controls as their text;
- footnote and endnote references as note markers (``<sup>``) and the notes' text in a notes
  section, which the reader keeps out of the body; superscript runs as ``<sup>``;
- comments, headers, footers, text boxes and drawings are not read.

Positions: every paragraph of the body is numbered in reading order from 1, counting empty
paragraphs and those in table cells (nested tables too): ``¶14:23`` is paragraph 14,
character 23 (1-based), where the paragraph's characters are its text as Word shows it (a tab
or line break is one character, a note reference none). A cell's label names its table, row
and column as well: ``¶14:5 (table 2 r3c2)``. ``paragraph_texts`` gives the same numbering
and text, for the review writer and the tests.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from lxml import etree

from factcheck.errors import InputError
from factcheck.load.binary import Converted, Place, PositionMap
from factcheck.load.dates import date_line

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_HEADING_NAME = re.compile(r"heading ([1-9])")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _R, _T, _TBL, _TR, _TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
# Inline containers whose runs are read as the paragraph's own.
_INLINE_CONTAINERS = frozenset(
    w(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
_SKIPPED_INLINE = frozenset(w(t) for t in ("del", "moveFrom"))
_BLOCK_CONTAINERS = frozenset(w(t) for t in ("customXml",))


class DocxError(InputError):
    pass


@dataclass
class Package:
    """The parts of a .docx that are read: the main document, styles, notes, numbering."""

    document: etree._Element
    styles: etree._Element | None = None
    footnotes: etree._Element | None = None
    endnotes: etree._Element | None = None


def open_package(stream: BinaryIO, name: str) -> Package:
    """The parsed parts of a .docx; DocxError (an InputError) naming the file if damaged."""
    try:
        with zipfile.ZipFile(stream) as archive:
            main = _target(archive, "", "_rels/.rels", _OFFICE_DOCUMENT) or "word/document.xml"
            folder = posixpath.dirname(main)
            rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
            package = Package(_parse(archive, main))
            for kind in ("styles", "footnotes", "endnotes"):
                target = _target(archive, folder, rels, "/" + kind)
                if target is not None and target in archive.namelist():
                    setattr(package, kind, _parse(archive, target))
            return package
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, etree.XMLSyntaxError) as err:
        raise DocxError(f"{name}: a damaged Word document, not read: {err}") from None
    except RuntimeError as err:  # zipfile: an encrypted member
        raise DocxError(f"{name}: an encrypted Word document, not read: {err}") from None


def _parse(archive: zipfile.ZipFile, member: str) -> etree._Element:
    return etree.fromstring(archive.read(member), _PARSER)


def _target(archive: zipfile.ZipFile, folder: str, rels: str, kind: str) -> str | None:
    """The part a relationship of type ``…kind`` points to, as a member name."""
    if rels not in archive.namelist():
        return None
    for rel in _parse(archive, rels).iter(f"{{{_REL}}}Relationship"):
        if rel.get("Type", "").endswith(kind) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join(folder, target))
    return None


# -- styles ---------------------------------------------------------------------------------


@dataclass
class _Styles:
    """Paragraph style id -> heading level (1-6) and whether it numbers its paragraphs."""

    heading: dict[str, int] = field(default_factory=dict)
    numbered: set[str] = field(default_factory=set)


def _styles(root: etree._Element | None) -> _Styles:
    out = _Styles()
    if root is None:
        return out
    based: dict[str, str] = {}
    own_level: dict[str, int] = {}
    own_numbered: set[str] = set()
    for style in root.iter(w("style")):
        if style.get(w("type")) != "paragraph":
            continue
        sid = style.get(w("styleId"), "")
        name_el = style.find(w("name"))
        name = (name_el.get(w("val"), "") if name_el is not None else "").lower()
        found = _HEADING_NAME.fullmatch(name)
        level = style.find(f"{w('pPr')}/{w('outlineLvl')}")
        if name == "title":
            own_level[sid] = 1
        elif found:
            own_level[sid] = int(found.group(1))
        elif level is not None and (level.get(w("val")) or "9").isdigit():
            if int(level.get(w("val"))) < 9:
                own_level[sid] = int(level.get(w("val"))) + 1
        if style.find(f"{w('pPr')}/{w('numPr')}") is not None:
            own_numbered.add(sid)
        parent = style.find(w("basedOn"))
        if parent is not None:
            based[sid] = parent.get(w("val"), "")
    for sid in set(based) | set(own_level) | own_numbered:
        seen, cur = set(), sid
        while cur and cur not in seen:  # the chain of basedOn, guarded against loops
            seen.add(cur)
            if cur in own_level and sid not in out.heading:
                out.heading[sid] = min(own_level[cur], 6)
            if cur in own_numbered:
                out.numbered.add(sid)
            cur = based.get(cur, "")
    return out


# -- the HTML being written -----------------------------------------------------------------


class _Html:
    """The HTML text being built, and the position map of its characters."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.size = 0
        self.positions = PositionMap()

    def markup(self, text: str) -> None:
        self.pieces.append(text)
        self.size += len(text)

    def text(self, text: str, place: Place, first_char: int) -> None:
        """The characters of ``place`` from ``first_char`` on, escaped, each mapped."""
        start = 0
        for m in re.finditer("[&<]", text):
            self._mapped(text[start : m.start()], place, first_char + start)
            entity = "&amp;" if m.group() == "&" else "&lt;"
            self.positions.add(self.size, 1, place, first_char + m.start())
            self.markup(entity)
            start = m.end()
        self._mapped(text[start:], place, first_char + start)

    def _mapped(self, text: str, place: Place, first_char: int) -> None:
        if text:
            self.positions.add(self.size, len(text), place, first_char)
            self.markup(text)


@dataclass
class _Piece:
    """What a paragraph holds, in order: text (with whether it is superscript) or a note."""

    kind: str  # "text", "sup" or "footnote"/"endnote"
    value: str


class _Reader:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.styles = _styles(package.styles)
        self.html = _Html()
        self.paragraph = 0  # the number of the last body paragraph read
        self.tables = 0
        self.notes: dict[str, list[tuple[str, str, int]]] = {"footnote": [], "endnote": []}
        self.note_numbers: dict[tuple[str, str], str] = {}
        self.text_boxes = 0
        self.in_list = False
        self.date: str | None = None  # from a date line near the top, as for a text file
        self.lines_seen = 0

    # Blocks ---------------------------------------------------------------------------
    def blocks(self, parent: etree._Element, cell: tuple[int, int, int] | None = None) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self.block_paragraph(child, cell)
            elif tag == _TBL:
                self.end_list()
                self.table(child)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.blocks(content, cell)
            elif tag in _BLOCK_CONTAINERS:
                self.blocks(child, cell)
        if cell is None:
            self.end_list()

    def block_paragraph(self, p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        self.paragraph += 1
        n = self.paragraph
        pieces = list(self.inline(p))
        if cell is not None:
            table, row, column = cell
            place = Place.of(f"¶{n}:{{}} (table {table} r{row}c{column})", n,
                             paragraph=n, table=table, row=row, column=column)  # fmt: skip
            self.paragraph_text(pieces, place)
            self.html.markup("\n")
            return
        place = Place.of(f"¶{n}:{{}}", n, paragraph=n)
        self.look_for_date(pieces)
        if not any(piece.value.strip() for piece in pieces if piece.kind in ("text", "sup")):
            self.paragraph_text(pieces, place)  # note references alone, kept as markers
            return
        level = self.heading_level(p)
        if level:
            self.end_list()
            self.html.markup(f"<h{level}>")
            self.paragraph_text(pieces, place)
            self.html.markup(f"</h{level}>\n\n")
        elif self.numbered(p):
            if not self.in_list:
                self.html.markup("<ul>\n")
                self.in_list = True
            self.html.markup("<li>")
            self.paragraph_text(pieces, place)
            self.html.markup("</li>\n")
        else:
            self.end_list()
            self.html.markup("<p>")
            self.paragraph_text(pieces, place)
            self.html.markup("</p>\n\n")

    def look_for_date(self, pieces: list[_Piece]) -> None:
        """The document's date, from a paragraph that is only a date among the first 40
        (``dates.find_date``'s rule for text files)."""
        if self.date or self.lines_seen >= 40:
            return
        words = "".join(x.value for x in pieces if x.kind in ("text", "sup"))
        for line in words.split("\n"):
            if line.strip() and self.lines_seen < 40:
                self.lines_seen += 1
                self.date = self.date or (date_line(line) if len(line) <= 100 else None)

    def end_list(self) -> None:
        if self.in_list:
            self.html.markup("</ul>\n\n")
            self.in_list = False

    def heading_level(self, p: etree._Element) -> int:
        props = p.find(w("pPr"))
        if props is None:
            return 0
        level = props.find(w("outlineLvl"))
        if level is not None and (level.get(w("val")) or "").isdigit():
            value = int(level.get(w("val")))
            return min(value + 1, 6) if value < 9 else 0
        style = props.find(w("pStyle"))
        return self.styles.heading.get(style.get(w("val"), ""), 0) if style is not None else 0

    def numbered(self, p: etree._Element) -> bool:
        props = p.find(w("pPr"))
        if props is None:
            return False
        num = props.find(w("numPr"))
        if num is not None:
            num_id = num.find(w("numId"))
            return num_id is None or num_id.get(w("val")) != "0"  # numId 0: numbering removed
        style = props.find(w("pStyle"))
        return style is not None and style.get(w("val"), "") in self.styles.numbered

    def paragraph_text(self, pieces: list[_Piece], place: Place) -> None:
        char = 1
        for piece in pieces:
            if piece.kind in ("footnote", "endnote"):
                label = self.note_label(piece.kind, piece.value, place.line)
                self.html.markup(f'<sup><a href="#{piece.kind}-{label}">{label}</a></sup>')
                continue
            if piece.kind == "sup":
                self.html.markup("<sup>")
            self.html.text(piece.value, place, char)
            if piece.kind == "sup":
                self.html.markup("</sup>")
            char += len(piece.value)

    def note_label(self, kind: str, note_id: str, line: int) -> str:
        key = (kind, note_id)
        if key not in self.note_numbers:
            self.note_numbers[key] = str(len(self.notes[kind]) + 1)
            self.notes[kind].append((note_id, self.note_numbers[key], line))
        return self.note_numbers[key]

    # Inline ---------------------------------------------------------------------------
    def inline(self, parent: etree._Element) -> Iterator[_Piece]:
        """The pieces of a paragraph (or of an inline container in it), in order."""
        for child in parent:
            tag = child.tag
            if tag == _R:
                yield from self.run(child)
            elif tag in _INLINE_CONTAINERS:
                yield from self.inline(child)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self.inline(content)
            # w:del and w:moveFrom (tracked deletions), comment ranges, bookmarks, proofing
            # marks and math are not text of the accepted document.

    def run(self, r: etree._Element) -> Iterator[_Piece]:
        props = r.find(w("rPr"))
        align = props.find(w("vertAlign")) if props is not None else None
        kind = "sup" if align is not None and align.get(w("val")) == "superscript" else "text"
        buffer: list[str] = []
        for child in r:
            tag = child.tag
            if tag == _T:
                buffer.append(child.text or "")
            elif tag == w("tab"):
                buffer.append("\t")
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) not in ("page", "column"):
                    buffer.append("\n")
            elif tag == w("noBreakHyphen"):
                buffer.append("-")
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                if buffer:
                    yield _Piece(kind, "".join(buffer))
                    buffer = []
                yield _Piece(tag.split("}")[1].removesuffix("Reference"), child.get(w("id"), ""))
            elif tag in (w("drawing"), w("pict")) or tag.endswith("}AlternateContent"):
                if any(True for _ in child.iter(w("txbxContent"))):
                    self.text_boxes += 1
        if buffer:
            yield _Piece(kind, "".join(buffer))

    # Tables ---------------------------------------------------------------------------
    def table(self, tbl: etree._Element) -> None:
        self.tables += 1
        number = self.tables
        rows = [tr for tr in _children(tbl, _TR)]
        grid = _grid(rows)
        self.html.markup("<table>\n")
        for r, (tr, cells) in enumerate(zip(rows, grid, strict=True), start=1):
            props = tr.find(w("trPr"))
            repeat = props is not None and props.find(w("tblHeader")) is not None
            header = (r == 1 and len(rows) > 1) or repeat
            tag = "th" if header else "td"
            self.html.markup("<tr>")
            for tc, column, colspan, rowspan, continued in cells:
                if continued:  # merged into the cell above: numbered, not read
                    self.paragraph += sum(1 for _ in _body_paragraphs(tc))
                    continue
                attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (
                    f' rowspan="{rowspan}"' if rowspan > 1 else ""
                )
                self.html.markup(f"<{tag}{attrs}>")
                self.blocks(tc, (number, r, column))
                self.html.markup(f"</{tag}>")
            self.html.markup("</tr>\n")
        self.html.markup("</table>\n\n")

    # Notes ----------------------------------------------------------------------------
    def note_sections(self) -> None:
        for kind in ("footnote", "endnote"):
            root = getattr(self.package, kind + "s")
            if not self.notes[kind] or root is None:
                continue
            by_id = {n.get(w("id")): n for n in root.iter(w(kind))}
            self.html.markup(f'<section class="{kind}s">\n<ol>\n')
            for note_id, label, line in self.notes[kind]:
                note = by_id.get(note_id)
                self.html.markup(f'<li id="{kind}-{label}">')
                if note is not None:
                    for k, p in enumerate(_children(note, _P), start=1):
                        place = Place.of(f"{kind} {label} ¶{k}:{{}}", line,
                                         **{kind: int(label), "paragraph": k})  # fmt: skip
                        self.paragraph_text(
                            [x for x in self.inline(p) if x.kind in ("text", "sup")], place
                        )
                        self.html.markup("\n")
                self.html.markup("</li>\n")
            self.html.markup("</ol>\n</section>\n")


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The ``tag`` children of ``parent``, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if inner is not None:
                yield from _children(inner, tag)


def _grid(rows: list[etree._Element]) -> list[list[list]]:
    """Each row's cells as [cell, 1-based grid column, colspan, rowspan, continued]: a cell
    that continues a vertical merge is ``continued`` and counted in the rowspan of the cell
    the merge started in (its paragraphs are still numbered, but not read)."""
    out: list[list[list]] = []
    open_merge: dict[int, list] = {}  # grid column -> the cell entry a merge started in
    for tr in rows:
        row: list[list] = []
        column = 1
        for tc in _children(tr, _TC):
            props = tc.find(w("tcPr"))
            span = props.find(w("gridSpan")) if props is not None else None
            value = span.get(w("val"), "1") if span is not None else "1"
            colspan = max(1, min(int(value), 1000)) if value.isdigit() else 1
            merge = props.find(w("vMerge")) if props is not None else None
            above = open_merge.get(column)
            if merge is not None and merge.get(w("val"), "continue") != "restart" and above:
                above[3] += 1
                row.append([tc, column, colspan, 1, True])
            else:
                entry = [tc, column, colspan, 1, False]
                row.append(entry)
                if merge is not None:
                    open_merge[column] = entry
                else:
                    open_merge.pop(column, None)
            column += colspan
        out.append(row)
    return out


def read(stream: BinaryIO, name: str) -> Iterator[Converted]:
    """The converter of a .docx (see ``load.binary``): one piece, the whole document."""
    package = open_package(stream, name)
    body = package.document.find(w("body"))
    reader = _Reader(package)
    if body is not None:
        reader.blocks(body)
    reader.note_sections()
    if reader.date:  # at the end, so that no offset moves: the reader takes it from anywhere
        reader.html.markup(f'<meta name="date" content="{reader.date}">\n')
    warnings = []
    if reader.text_boxes:
        warnings.append(
            f"{name}: {reader.text_boxes} text box(es) or drawing(s) with text not read"
        )
    if not reader.html.positions:
        warnings.append(f"{name}: the Word document holds no text")
    yield Converted("".join(reader.html.pieces), "html", reader.html.positions, warnings)


def paragraph_texts(stream: BinaryIO, name: str = "<docx>") -> list[str]:
    """The text of every body paragraph, numbered as positions number them (index 0 is ¶1),
    as Word shows it with tracked changes accepted: what ``¶N:C`` counts in."""
    package = open_package(stream, name)
    reader = _Reader(package)
    texts: list[str] = []
    body = package.document.find(w("body"))
    if body is not None:
        for p in _body_paragraphs(body):
            texts.append("".join(x.value for x in reader.inline(p) if x.kind in ("text", "sup")))
    return texts


def _body_paragraphs(parent: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of the body in reading order, as ``_Reader.blocks`` numbers them."""
    for child in parent:
        if child.tag == _P:
            yield child
        elif child.tag == _TBL:
            for tr in _children(child, _TR):
                for tc in _children(tr, _TC):
                    yield from _body_paragraphs(tc)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _body_paragraphs(content)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _body_paragraphs(child)
