"""Text documents written out as Word documents, as an author would have typed them in Word.

Used by the tests (and benchmarks/docx_claims.py) to compare what factcheck reads from a
draft's text and from the same draft as .docx. The writing follows what a Word document
can hold, not the reader's rules:

- Markdown: headings as Heading styles, paragraphs (a hard-wrapped paragraph is one Word
  paragraph), lists as List Bullet / List Number paragraphs, pipe tables as Word tables
  (header row first), ``<sup>`` as superscript, emphasis as bold or italic runs, links as
  their text, front matter's title as a Title and its date as a date line; a fenced or
  indented code block has no place in a Word draft and is left out.
- HTML: the same for its elements; what a browser does not show (head, script, style) and
  page furniture (nav, header, footer) is not written; a date in its metadata is written
  as a date line.
- Plain text: each paragraph (lines separated by a blank line) as one Word paragraph when it
  is hard-wrapped prose, else each line as a paragraph of its own (a title, a date line, a
  list); a line with a list marker ("3. ", "• ") as a List Number or List Bullet paragraph
  without it, as Word numbers and bullets lists itself. A thematic break as Word's
  horizontal line (an empty paragraph with a bottom border).
- An inline ``factcheck: ignore`` HTML comment becomes a Word comment on the next paragraph.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from factcheck.load import format_of

_MD = MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin).use(footnote_plugin)
_MD.enable("table")
_DIRECTIVE = re.compile(r"<!--\s*(factcheck:.*?)\s*-->", re.S)
_LIST_LINE = re.compile(r"(\d{1,3}[.)]|[-*•◦▪])[ \t]+(?=\S)")


def write_docx(text: str, path: Path, name: str | None = None) -> Path:
    """Write the text document ``text`` (its format from ``name``, else sniffed) as .docx."""
    fmt = format_of(name or "draft.txt", text)
    writer = _Writer()
    if fmt == "markdown":
        writer.markdown(text)
    elif fmt == "html":
        writer.html(text)
    else:
        writer.plain(text)
    writer.document.save(path)
    return path


class _Writer:
    def __init__(self) -> None:
        self.document = docx.Document()
        self.pending_comment: str | None = None

    # Paragraphs with inline formatting ---------------------------------------------------
    def paragraph(self, pieces: list[tuple[str, str]], style: str | None = None):
        """A paragraph from (kind, text) pieces: kind "", "b", "i" or "sup"."""
        p = self.document.add_paragraph(style=style)
        for kind, text in pieces:
            if not text:
                continue
            run = p.add_run(text)
            run.bold = kind == "b" or None
            run.italic = kind == "i" or None
            if kind == "sup":
                run.font.superscript = True
        if self.pending_comment and p.runs:
            self.document.add_comment(p.runs, text=self.pending_comment, author="Author")
            self.pending_comment = None
        return p

    def rule(self) -> None:
        """A horizontal line as Word draws one: an empty paragraph with a bottom border."""
        p = self.document.add_paragraph()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
            bottom.set(qn(f"w:{key}"), value)
        borders.append(bottom)
        p._p.get_or_add_pPr().append(borders)

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, min(level, 9))

    # Markdown ------------------------------------------------------------------------------
    def markdown(self, text: str) -> None:
        tokens = _MD.parse(text)
        i = 0
        list_styles: list[str] = []
        while i < len(tokens):
            t = tokens[i]
            if t.type == "front_matter":
                self.front_matter(t.content)
            elif t.type == "heading_open":
                self.heading(_plain(tokens[i + 1]), int(t.tag[1]))
                i += 2
            elif t.type in ("bullet_list_open", "ordered_list_open"):
                list_styles.append("List Bullet" if t.type == "bullet_list_open" else "List Number")
            elif t.type in ("bullet_list_close", "ordered_list_close"):
                list_styles.pop()
            elif t.type == "paragraph_open":
                inline = tokens[i + 1]
                style = list_styles[-1] if list_styles and _in_item(tokens, i) else None
                self.paragraph(_pieces(inline), style)
                i += 2
            elif t.type == "table_open":
                i = self.md_table(tokens, i)
            elif t.type == "html_block":
                found = _DIRECTIVE.search(t.content)
                if found:
                    self.pending_comment = found.group(1)
                else:
                    self.html(t.content)
            elif t.type == "hr":
                self.rule()
            elif t.type == "footnote_block_open":
                break  # notes: written as a note list below the text, as in the source
            i += 1

    def front_matter(self, content: str) -> None:
        for line in content.splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("'\"")
            if key.strip() == "title" and value:
                self.document.add_heading(value, 0)
            elif key.strip() == "date" and value:
                self.document.add_paragraph(value)

    def md_table(self, tokens, i: int) -> int:
        rows: list[list[str]] = []
        while tokens[i].type != "table_close":
            t = tokens[i]
            if t.type == "tr_open":
                rows.append([])
            elif t.type == "inline":
                rows[-1].append(_plain(t))
            i += 1
        self.table(rows)
        return i

    def table(self, rows: list[list[str]]) -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value

    # HTML ----------------------------------------------------------------------------------
    def html(self, text: str) -> None:
        _HtmlWriter(self).feed(text)

    # Plain text ----------------------------------------------------------------------------
    def plain(self, text: str) -> None:
        for block in re.split(r"\n[ \t]*\n", text):
            lines = [line.strip() for line in block.splitlines() if line.strip()]
            if not lines:
                continue
            found = _DIRECTIVE.fullmatch(lines[0])
            if found:
                self.pending_comment = found.group(1)
                lines = lines[1:]
            if _wrapped(lines) and not _LIST_LINE.match(lines[0]):
                self.paragraph([("", " ".join(lines))])
                continue
            for line in lines:
                item = _LIST_LINE.match(line)
                if item:  # Word numbers and bullets a list itself: the marker is no text
                    style = "List Number" if item.group(1)[0].isdigit() else "List Bullet"
                    self.paragraph([("", line[item.end() :])], style)
                else:
                    self.paragraph([("", line)])


def _wrapped(lines: list[str]) -> bool:
    """Whether lines are one hard-wrapped paragraph: each but the last long and not ending
    a sentence or heading-like."""
    if len(lines) < 2:
        return True
    return all(len(line) >= 50 for line in lines[:-1])


def _in_item(tokens, i: int) -> bool:
    depth = 0
    for t in reversed(tokens[:i]):
        if t.type == "list_item_close":
            depth += 1
        elif t.type == "list_item_open":
            if depth == 0:
                return True
            depth -= 1
        elif t.type in ("bullet_list_open", "ordered_list_open") and depth == 0:
            return False
    return False


def _plain(inline) -> str:
    return "".join(text for _, text in _pieces(inline))


def _pieces(inline) -> list[tuple[str, str]]:
    """(kind, text) of an inline token's children: the text as shown, with its emphasis."""
    out: list[tuple[str, str]] = []
    kind = ""
    for child in inline.children or []:
        t = child.type
        if t in ("text", "code_inline"):
            out.append((kind, child.content))
        elif t in ("softbreak",):
            out.append((kind, " "))
        elif t == "hardbreak":
            out.append((kind, "\n"))
        elif t == "strong_open":
            kind = "b"
        elif t == "em_open":
            kind = "i"
        elif t in ("strong_close", "em_close"):
            kind = ""
        elif t == "html_inline":
            tag = child.content.lower()
            if tag.startswith("<sup"):
                kind = "sup"
            elif tag.startswith("</sup"):
                kind = ""
        elif t == "footnote_ref":
            out.append(("sup", str(child.meta.get("id", 0) + 1)))
        elif t == "image":
            continue
    return out


class _HtmlWriter(HTMLParser):
    """HTML elements to Word paragraphs, headings, list items and tables."""

    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt"}
    HIDDEN = {"head", "script", "style", "nav", "header", "footer", "noscript", "template"}

    def __init__(self, writer: _Writer) -> None:
        super().__init__(convert_charrefs=True)
        self.writer = writer
        self.hidden = 0
        self.pieces: list[tuple[str, str]] = []
        self.block: str | None = None
        self.kind = ""
        self.lists: list[str] = []
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attr = dict(attrs)
        if tag == "meta" and (attr.get("name") or "").lower() == "date" and attr.get("content"):
            self.writer.document.add_paragraph(attr["content"])  # the page's date, shown
        if tag in self.HIDDEN:
            self.hidden += 1
        elif self.hidden:
            return
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append("List Bullet" if tag == "ul" else "List Number")
        elif tag == "table":
            self.flush()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = []
        elif tag in self.BLOCKS:
            self.flush()
            self.block = tag
        elif tag == "br":
            self.pieces.append((self.kind, "\n"))
        elif tag in ("b", "strong"):
            self.kind = "b"
        elif tag in ("i", "em"):
            self.kind = "i"
        elif tag == "sup":
            self.kind = "sup"

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif self.hidden:
            return
        elif tag in ("ul", "ol") and self.lists:
            self.flush()
            self.lists.pop()
        elif tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self.writer.table(self.rows)
            self.rows = None
        elif tag in self.BLOCKS:
            self.flush()
        elif tag in ("b", "strong", "i", "em", "sup"):
            self.kind = ""

    def handle_data(self, data):
        if self.hidden:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.rows is None:
            self.pieces.append((self.kind, data))

    def handle_comment(self, data):
        found = _DIRECTIVE.search(f"<!--{data}-->")
        if found:
            self.writer.pending_comment = found.group(1)

    def flush(self) -> None:
        text = "".join(t for _, t in self.pieces)
        if text.strip():
            pieces = [(k, re.sub(r"[ \t\r\n]+", " ", t)) for k, t in self.pieces]
            pieces[0] = (pieces[0][0], pieces[0][1].lstrip())
            pieces[-1] = (pieces[-1][0], pieces[-1][1].rstrip())
            level = re.fullmatch(r"h([1-6])", self.block or "")
            if level:
                self.writer.heading("".join(t for _, t in pieces), int(level.group(1)))
            else:
                style = self.lists[-1] if self.lists and self.block == "li" else None
                self.writer.paragraph(pieces, style)
        self.pieces = []
        self.block = None

    def close(self):
        super().close()
        self.flush()
