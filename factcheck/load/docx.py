"""Word (.docx): the document's XML turned into the text a text reader reads, with positions.

The package's parts are found through its relationships (so .docm and templates read too) and
parsed with lxml, without resolving entities. The document is written as the text a text
version of the same draft would be: Markdown when it has what plain text cannot say (a
table, notes, superscript, two or more headings, a factcheck directive in a comment), else
plain text, so the same reader and the same rules (reference lists, tables of contents,
glued endnotes, date lines) apply to both. What is read, in reading order:

- paragraphs, one per line with a blank line between; headings (a heading style or an
  outline level) as ``#`` headings; numbered and bulleted paragraphs as ``- `` list items;
  an empty paragraph with a border (Word's horizontal line) as a thematic break ``---``;
- tables as HTML tables (an HTML block in the Markdown): the first row and rows marked
  "repeat as header row" as header cells, merged cells as colspan/rowspan, so that a cell's
  period and measure come from its headers as for any table;
- tracked changes as if accepted (insertions in, deletions and moved-away text out), fields
  as their shown result (never their code), hyperlinks and content controls as their text;
- footnote and endnote references as note markers (``<sup>3</sup>``, numbered in order of
  reference) and the notes' text in an HTML notes section, which the reader keeps out of
  the body; superscript runs as ``<sup>``;
- a comment whose text is a factcheck directive (``factcheck: ignore`` …) acts as that
  directive on the paragraph it is anchored in (``ignore`` on that paragraph alone); other comments, headers, footers, text
  boxes and drawings are not read.

Positions: every paragraph of the body is numbered in reading order from 1, counting empty
paragraphs and those in table cells (nested tables too): ``¶14:23`` is paragraph 14,
character 23 (1-based), where the paragraph's characters are its text as Word shows it (a tab
or line break is one character, a note reference none). A cell's label names its table, row
and column as well: ``¶14:5 (table 2 r3c2)``. ``paragraph_texts`` gives the same numbering
and text, and ``runs_of``/``run_items`` the runs behind it, for the review writer.
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
from factcheck.load.binary import ZIP_ERRORS, Converted, Place, PositionMap, paragraph_directive

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
# No entities resolved, nothing fetched, and libxml2's limits kept (nesting depth, node size):
# a hostile document is a damaged one, never a hang or a deep recursion here.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
MAX_PART_BYTES = 256 << 20  # a part this large uncompressed is not a draft (a zip bomb)
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
    comments: etree._Element | None = None


def open_package(stream: BinaryIO, name: str) -> Package:
    """The parsed parts of a .docx; DocxError (an InputError) naming the file if damaged."""
    try:
        with zipfile.ZipFile(stream) as archive:
            main = _target(archive, "", "_rels/.rels", _OFFICE_DOCUMENT) or "word/document.xml"
            folder = posixpath.dirname(main)
            rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
            package = Package(_parse(archive, main))
            for kind in ("styles", "footnotes", "endnotes", "comments"):
                target = _target(archive, folder, rels, "/" + kind)
                if target is not None and target in archive.namelist():
                    setattr(package, kind, _parse(archive, target))
            return package
    except (*ZIP_ERRORS, KeyError, etree.XMLSyntaxError) as err:
        raise DocxError(f"{name}: a damaged Word document, not read: {err}") from None
    except RuntimeError as err:  # zipfile: an encrypted member
        raise DocxError(f"{name}: an encrypted Word document, not read: {err}") from None


def _parse(archive: zipfile.ZipFile, member: str) -> etree._Element:
    if archive.getinfo(member).file_size > MAX_PART_BYTES:
        raise zipfile.BadZipFile(f"{member} is over {MAX_PART_BYTES >> 20} MB uncompressed")
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


# -- the text being written ------------------------------------------------------------------


class _Out:
    """The converted text being built, and the position map of its characters."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.size = 0
        self.positions = PositionMap()

    def markup(self, text: str) -> None:
        self.pieces.append(text)
        self.size += len(text)

    def point(self, markup: str, place: Place, char: int) -> None:
        """Markup that stands at one character of ``place`` (a directive from a comment)."""
        self.positions.add(self.size, len(markup), place, char)
        self.markup(markup)

    def text(self, text: str, place: Place, first_char: int, html: bool) -> None:
        """The characters of ``place`` from ``first_char`` on, each mapped. In HTML (a table,
        the notes) "&" and "<" are written as entities and a line break as a space (a blank
        line would end the HTML block); elsewhere only a "<" that would open a tag is."""
        if html:
            text = text.replace("\n", " ")
        start = 0
        for m in (_HTML_SPECIAL if html else _TAG_START).finditer(text):
            self._mapped(text[start : m.start()], place, first_char + start)
            self.positions.add(self.size, 1, place, first_char + m.start())
            self.markup("&amp;" if m.group() == "&" else "&lt;")
            start = m.end()
        self._mapped(text[start:], place, first_char + start)

    def _mapped(self, text: str, place: Place, first_char: int) -> None:
        if text:
            self.positions.add(self.size, len(text), place, first_char)
            self.markup(text)


_HTML_SPECIAL = re.compile("[&<]")
_TAG_START = re.compile("<(?=[A-Za-z/!?])")


@dataclass
class _Piece:
    """What a paragraph holds, in order: text, superscript text, a note reference, or a
    factcheck directive from a comment anchored there."""

    kind: str  # "text", "sup", "footnote", "endnote" or "directive"
    value: str


class _Reader:
    """Writes the document as Markdown (with HTML tables and notes) or, for a document of
    plain paragraphs, as plain text: the reader a text version of the same draft gets."""

    def __init__(self, package: Package, markdown: bool | None = None) -> None:
        self.package = package
        self.styles = _styles(package.styles)
        self.directives = _directives(package.comments)
        self.markdown = self.wants_markdown() if markdown is None else markdown
        self.out = _Out()
        self.paragraph = 0  # the number of the last body paragraph read
        self.tables = 0
        self.notes: dict[str, list[tuple[str, str, int]]] = {"footnote": [], "endnote": []}
        self.note_numbers: dict[tuple[str, str], str] = {}
        self.text_boxes = 0
        self.in_list = False
        self.html = 0  # inside a table (an HTML block): text is written as HTML

    def wants_markdown(self) -> bool:
        """Markdown when the document has what plain text cannot say: a table, notes,
        superscript, headings (two or more, as ``load.sniff`` asks of a text file), or a
        factcheck directive in a comment."""
        body = self.package.document.find(w("body"))
        if body is None:
            return False
        if self.directives or body.find(f".//{_TBL}") is not None:
            return True
        for tag in ("footnoteReference", "endnoteReference"):
            if body.find(f".//{w(tag)}") is not None:
                return True
        for align in body.iter(w("vertAlign")):
            if align.get(w("val")) == "superscript":
                return True
        headings = sum(1 for p in body_paragraphs(body) if self.heading_level(p))
        return headings >= 2

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
            if _has_text(pieces):
                self.paragraph_text(pieces, place)
                self.out.markup("<br>")
            return
        place = Place.of(f"¶{n}:{{}}", n, paragraph=n)
        if not _has_text(pieces):
            if any(x.kind in ("footnote", "endnote") for x in pieces):
                self.paragraph_text(pieces, place)  # note references alone, kept as markers
                self.out.markup("\n\n")
            if _rule_below(p):  # Word's horizontal line: a border on an empty paragraph
                self.end_list()
                self.out.markup("---\n\n")
            return
        level = self.heading_level(p)
        if level:
            self.end_list()
            if self.markdown:
                self.out.markup("#" * level + " ")
            self.paragraph_text(pieces, place)
            self.out.markup("\n\n")
        elif self.numbered(p):
            self.in_list = True
            self.out.markup("- ")
            self.paragraph_text(pieces, place)
            self.out.markup("\n")
        else:
            self.end_list()
            self.paragraph_text(pieces, place)
            self.out.markup("\n\n")

    def end_list(self) -> None:
        if self.in_list:
            self.out.markup("\n")
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
        """The paragraph's characters, counted from 1; leading white space is counted but
        not written (an indented line would be a code block in Markdown)."""
        char = 1
        started = False
        html = self.html > 0
        directives = []
        for piece in pieces:
            if piece.kind in ("footnote", "endnote"):
                label = self.note_label(piece.kind, piece.value, place.line)
                self.out.markup(f"<sup>{label}</sup>" if self.markdown else f"[{label}]")
                continue
            if piece.kind == "directive":
                directives.append(" ".join(piece.value.replace("--", "- -").split()))
                continue
            value = piece.value
            if not started:
                kept = value.lstrip(" \t")
                char += len(value) - len(kept)
                value = kept
                started = bool(value)
            if piece.kind == "sup" and self.markdown:
                self.out.markup("<sup>")
            self.out.text(value, place, char, html)
            if piece.kind == "sup" and self.markdown:
                self.out.markup("</sup>")
            char += len(value)
        # A directive from a comment holds for its paragraph (ignore: off and on again there):
        # it is written after the text, since a line that starts with "<!--" is an HTML
        # block, which would hide it; "on" on a line of its own, as a directive's reason
        # runs to the end of its line.
        for said in directives:
            text, closes = paragraph_directive(said)
            closing = "\n<!-- factcheck: on -->" if closes else ""
            self.out.point(f" <!-- {text} -->{closing}", place, char)

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
            elif tag == w("commentRangeStart"):
                said = self.directives.get(child.get(w("id"), ""))
                if said:
                    yield _Piece("directive", said)
            # w:del and w:moveFrom (tracked deletions), bookmarks, proofing marks and math
            # are not text of the accepted document.

    def run(self, r: etree._Element) -> Iterator[_Piece]:
        props = r.find(w("rPr"))
        align = props.find(w("vertAlign")) if props is not None else None
        kind = "sup" if align is not None and align.get(w("val")) == "superscript" else "text"
        buffer: list[str] = []
        for child in r:
            shown = char_text(child)
            if shown is not None:
                buffer.append(shown)
            elif child.tag in (w("footnoteReference"), w("endnoteReference")):
                if buffer:
                    yield _Piece(kind, "".join(buffer))
                    buffer = []
                note = child.tag.split("}")[1].removesuffix("Reference")
                yield _Piece(note, child.get(w("id"), ""))
            elif child.tag in (w("drawing"), w("pict")) or child.tag.endswith("}AlternateContent"):
                if any(True for _ in child.iter(w("txbxContent"))):
                    self.text_boxes += 1
        if buffer:
            yield _Piece(kind, "".join(buffer))

    # Tables ---------------------------------------------------------------------------
    def table(self, tbl: etree._Element) -> None:
        """An HTML table (in Markdown, an HTML block: no blank line inside), so that its
        header rows label the cells; in plain text, its cells as paragraphs."""
        self.tables += 1
        number = self.tables
        rows = list(_children(tbl, _TR))
        grid = _grid(rows)
        self.html += 1
        self.out.markup("<table>\n")
        for r, (tr, cells) in enumerate(zip(rows, grid, strict=True), start=1):
            props = tr.find(w("trPr"))
            repeat = props is not None and props.find(w("tblHeader")) is not None
            header = (r == 1 and len(rows) > 1) or repeat
            tag = "th" if header else "td"
            self.out.markup("<tr>")
            for tc, column, colspan, rowspan, continued in cells:
                if continued:  # merged into the cell above: numbered, not read
                    self.paragraph += sum(1 for _ in body_paragraphs(tc))
                    continue
                attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (
                    f' rowspan="{rowspan}"' if rowspan > 1 else ""
                )
                self.out.markup(f"<{tag}{attrs}>")
                self.blocks(tc, (number, r, column))
                self.out.markup(f"</{tag}>")
            self.out.markup("</tr>\n")
        self.out.markup("</table>\n")
        self.html -= 1
        if not self.html:
            self.out.markup("\n")

    # Notes ----------------------------------------------------------------------------
    def note_sections(self) -> None:
        """The text of the notes referred to, in an HTML notes section the reader keeps out
        of the body (in Markdown, one HTML block: no blank line inside)."""
        self.html += 1
        for kind in ("footnote", "endnote"):
            root = getattr(self.package, kind + "s")
            if not self.notes[kind] or root is None:
                continue
            by_id = {n.get(w("id")): n for n in root.iter(w(kind))}
            self.out.markup(f'<section class="{kind}s">\n<ol>\n')
            for note_id, label, line in self.notes[kind]:
                note = by_id.get(note_id)
                self.out.markup(f'<li id="{kind}-{label}">')
                if note is not None:
                    for k, p in enumerate(_children(note, _P), start=1):
                        place = Place.of(f"{kind} {label} ¶{k}:{{}}", line,
                                         **{kind: int(label), "paragraph": k})  # fmt: skip
                        self.paragraph_text(
                            [x for x in self.inline(p) if x.kind in ("text", "sup")], place
                        )
                        self.out.markup(" ")
                self.out.markup("</li>\n")
            self.out.markup("</ol>\n</section>\n")
        self.html -= 1


def _rule_below(p: etree._Element) -> bool:
    """Whether a paragraph draws a horizontal line (a top or bottom border)."""
    borders = p.find(f"{w('pPr')}/{w('pBdr')}")
    return borders is not None and (
        borders.find(w("bottom")) is not None or borders.find(w("top")) is not None
    )


def _has_text(pieces: list[_Piece]) -> bool:
    return any(x.value.strip() for x in pieces if x.kind in ("text", "sup"))


def char_text(child: etree._Element) -> str | None:
    """The characters a run's child shows (a tab or line break is one), or None for one
    that shows none (properties, note references, drawings, field codes, comments)."""
    tag = child.tag
    if tag == _T:
        return child.text or ""
    if tag == w("tab"):
        return "\t"
    if tag in (w("br"), w("cr")):
        return "" if child.get(w("type")) in ("page", "column") else "\n"
    if tag == w("noBreakHyphen"):
        return "-"
    return None


def runs_of(parent: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph whose text the reader reads, in order (through hyperlinks,
    insertions, fields and content controls; not through deletions)."""
    for child in parent:
        if child.tag == _R:
            yield child
        elif child.tag in _INLINE_CONTAINERS:
            yield from runs_of(child)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from runs_of(content)


def run_items(r: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """The children of a run that show characters, with those characters."""
    for child in r:
        shown = char_text(child)
        if shown:
            yield child, shown


def _directives(root: etree._Element | None) -> dict[str, str]:
    """Comment id -> the factcheck directive a comment says ("factcheck: ignore …"): such
    a comment acts as the directive does in a text file, on the paragraph it is anchored
    in. Other comments are not read."""
    found: dict[str, str] = {}
    if root is None:
        return found
    for comment in root.iter(w("comment")):
        said = " ".join("".join(t.text or "" for t in comment.iter(_T)).split())
        if "factcheck:" in said.lower():
            found[comment.get(w("id"), "")] = said
    return found


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
    yield from read_package(open_package(stream, name), name, "Word document")


def read_package(package: Package, name: str, kind: str) -> Iterator[Converted]:
    """A package's one converted piece (an OpenDocument text is read as its WordprocessingML
    translation: load.odt); ``kind`` names the document in warnings."""
    body = package.document.find(w("body"))
    reader = _Reader(package)
    if body is not None:
        reader.blocks(body)
    if any(reader.notes.values()):
        reader.note_sections()
    warnings = []
    if reader.text_boxes:
        warnings.append(
            f"{name}: {reader.text_boxes} text box(es) or drawing(s) with text not read"
        )
    if not reader.out.positions:
        warnings.append(f"{name}: the {kind} holds no text")
    fmt = "markdown" if reader.markdown else "text"
    yield Converted("".join(reader.out.pieces), fmt, reader.out.positions, warnings)


def paragraph_texts(stream: BinaryIO, name: str = "<docx>") -> list[str]:
    """The text of every body paragraph, numbered as positions number them (index 0 is ¶1),
    as Word shows it with tracked changes accepted: what ``¶N:C`` counts in."""
    return package_texts(open_package(stream, name))


def package_texts(package: Package) -> list[str]:
    """``paragraph_texts`` of a package already open."""
    body = package.document.find(w("body"))
    if body is None:
        return []
    return ["".join(t for r in runs_of(p) for _, t in run_items(r)) for p in body_paragraphs(body)]


def body_paragraphs(parent: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of the body in reading order, as ``_Reader.blocks`` numbers them."""
    for child in parent:
        if child.tag == _P:
            yield child
        elif child.tag == _TBL:
            for tr in _children(child, _TR):
                for tc in _children(tr, _TC):
                    yield from body_paragraphs(tc)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from body_paragraphs(content)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from body_paragraphs(child)
