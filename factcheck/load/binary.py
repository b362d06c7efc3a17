"""Binary documents (Word, PDF): recognised by content, converted to text the readers read.

A converter turns a binary document into the text one of the text readers reads (HTML,
Markdown or plain text) and a map from offsets in that text back to places in the document.
Extraction, matching and checking then run unchanged on that text; only the positions a claim
reports come from the map. The contract, for whoever writes a converter:

- ``CONVERTERS[fmt]`` is a function ``convert(stream: BinaryIO, name: str) ->
  Iterator[Converted]``. A .docx yields one ``Converted``; a PDF may yield several (a few
  pages each) so that memory stays bounded: each becomes a Document of its own whose offsets
  and lines continue the previous one's. Register with one line: ``CONVERTERS["pdf"] = read``
  (at the bottom of ``load/__init__.py``, beside the docx one). ``SUFFIXES`` says which file
  names a folder walk picks up for a format, once it has a converter.
- ``Converted(text, fmt, positions, warnings)``: ``text`` is what the reader for ``fmt``
  ("text", "markdown" or "html") reads; emitting HTML gets tables (with their row and column
  headers), headings, lists, ``<sup>`` note markers and ``<section class="footnotes">`` note
  text read as for any web page. ``warnings`` are printed once and kept with the Document.
- ``positions`` is a ``PositionMap``: for each stretch of ``text`` whose characters are
  consecutive characters of one place of the document (a paragraph, a table cell's paragraph,
  a line of a PDF page), ``add(text_start, length, place, first_char)``. Markup between the
  stretches (tags, entities beyond their first character) maps to nothing of its own.
- A ``Place`` has ``fields`` (for JSON: ``{"paragraph": 14}``, ``{"page": 7, "line": 12}``),
  the name of the field that counts characters within it (``char_field``: "char",
  "column"), a ``label`` with ``{}`` where that count goes (``"¶14:{}"``, ``"p7:12:{}"``),
  and the ``line`` a claim there reports as its line (the paragraph's number for Word; for a
  PDF a line number that grows through the document). A claim's ``column`` is the count.
- Problems with the input raise ``InputError`` naming the file (damaged, encrypted); a
  document that reads but holds no text (a scan) is a warning.

A claim in a converted document carries ``position``: ``{"label": "¶14:23", "start":
{"paragraph": 14, "char": 23}, "end": {"paragraph": 14, "char": 30}}``; counts are 1-based
and ``end`` points just past the number, as ``end_column`` does.
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from factcheck.errors import InputError

HEAD_BYTES = 1024  # "%PDF-" may follow some junk, within the first kilobyte


@dataclass(frozen=True)
class Place:
    """A stretch of the document whose characters are consecutive (a paragraph, a PDF line)."""

    label: str  # with "{}" where the character count goes: "¶14:{}", "p7:12:{}"
    fields: tuple[tuple[str, Any], ...]  # ("paragraph", 14), or ("page", 7), ("line", 12)
    line: int  # the line a claim here reports (1-based)
    char_field: str = "char"

    @staticmethod
    def of(label: str, line: int, char_field: str = "char", **fields: Any) -> Place:
        return Place(label, tuple(fields.items()), line, char_field)

    def at(self, char: int) -> dict[str, Any]:
        return {**dict(self.fields), self.char_field: char}


@dataclass
class PositionMap:
    """Offsets in a converted text -> places in the document (see the module docstring)."""

    _starts: list[int] = field(default_factory=list)
    _stretches: list[tuple[int, Place, int]] = field(default_factory=list)  # length, place, char

    def add(self, text_start: int, length: int, place: Place, first_char: int = 1) -> None:
        """text[text_start : text_start + length] is ``place``'s characters from ``first_char``
        (1-based) on. Stretches are added in order of ``text_start``."""
        if length <= 0:
            return
        if self._starts and text_start < self._starts[-1]:
            raise ValueError("stretches must be added in text order")
        self._starts.append(text_start)
        self._stretches.append((length, place, first_char))

    def __bool__(self) -> bool:
        return bool(self._starts)

    def at(self, offset: int, *, end: bool = False) -> tuple[Place, int] | None:
        """The place and 1-based character of an offset; with ``end``, of the character just
        past ``offset - 1`` (an end offset belongs to the stretch before it). An offset in
        markup between stretches counts as the end of the stretch before it."""
        probe = offset - 1 if end else offset
        i = bisect.bisect_right(self._starts, probe) - 1
        if i < 0:
            if not self._starts:
                return None
            i = 0
        length, place, first = self._stretches[i]
        delta = min(max(offset - self._starts[i], 0), length)
        return place, first + delta

    def line_column(self, offset: int, *, end: bool = False) -> tuple[int, int] | None:
        found = self.at(offset, end=end)
        if found is None:
            return None
        place, char = found
        return place.line, char

    def span(self, start: int, end: int) -> dict[str, Any] | None:
        """A claim's ``position``: the label of its start, and both ends as fields."""
        first, last = self.at(start), self.at(end, end=True)
        if first is None or last is None:
            return None
        return {
            "label": first[0].label.format(first[1]),
            "start": first[0].at(first[1]),
            "end": last[0].at(last[1]),
        }


@dataclass
class Converted:
    """One piece of a converted document: text for a reader, and where its characters are."""

    text: str
    fmt: str  # "text", "markdown" or "html": the reader that reads ``text``
    positions: PositionMap
    warnings: list[str] = field(default_factory=list)


Converter = Callable[[BinaryIO, str], Iterator[Converted]]
# Format -> converter. load/__init__.py registers the converters (one line each).
CONVERTERS: dict[str, Converter] = {}
# File name endings a folder walk reads as a binary format (when it has a converter).
SUFFIXES = {".docx": "docx", ".docm": "docx", ".pdf": "pdf", ".odt": "odt"}
# What the formats are called in messages.
NAMES = {
    "docx": "Word (.docx)",
    "pdf": "PDF",
    "odt": "OpenDocument text (.odt)",
    "xlsx": "Excel (.xlsx)",
    "pptx": "PowerPoint (.pptx)",
    "ods": "OpenDocument spreadsheet (.ods)",
    "odp": "OpenDocument presentation (.odp)",
    "epub": "EPUB",
    "zip": "zip archive",
    "damaged-zip": "damaged zip archive",
    "ole2": "legacy Office (.doc, .xls, .ppt)",
    "png": "PNG image",
    "jpeg": "JPEG image",
    "gif": "GIF image",
    "gzip": "gzip archive",
}

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"\x1f\x8b", "gzip"),
)
# What reading a damaged zip raises: a bad header or directory (BadZipFile, EOFError, OSError),
# compressed data that does not inflate (zlib.error), an unknown compression method
# (NotImplementedError) or offsets that make no sense (ValueError).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, ValueError)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first entry, or an empty zip's directory
# The main part's content type in [Content_Types].xml -> format.
_OOXML_MAIN = {
    "wordprocessingml.document.main+xml": "docx",
    "wordprocessingml.template.main+xml": "docx",
    "ms-word.document.macroenabled.main+xml": "docx",
    "ms-word.template.macroenabledtemplate.main+xml": "docx",
    "spreadsheetml.sheet.main+xml": "xlsx",
    "presentationml.presentation.main+xml": "pptx",
}
_ODF = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/epub+zip": "epub",
}


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of an input say it is a binary document (not text): a PDF's
    header (an uncompressed PDF may hold no NUL byte), or a known signature followed by the
    NUL bytes every binary format has early on (a text file may start with "PK" or with
    bytes that are not UTF-8, never with NUL)."""
    if b"%PDF-" in head[:HEAD_BYTES]:
        return True
    return b"\x00" in head and (
        head.startswith(_ZIP + (_OLE2,)) or any(head.startswith(magic) for magic, _ in _MAGIC)
    )


_IGNORE = re.compile(r"factcheck:[ \t]*ignore(?!-)", re.IGNORECASE)


def paragraph_directive(said: str) -> tuple[str, bool]:
    """A directive from a document's comment, to hold for the paragraph the comment is on:
    ``ignore`` (in a text file, its line and the next) becomes ``off``, and True says an
    ``on`` must follow at the paragraph's last line; other directives stay as they are."""
    if _IGNORE.search(said):
        return _IGNORE.sub("factcheck: off", said, count=1), True
    return said, False


def named_format(name: str) -> str | None:
    """The binary format a file's name says it is ("report.pdf": "pdf"), if any."""
    dot = name.rfind(".")
    return SUFFIXES.get(name[dot:].lower()) if dot >= 0 else None


def recognise(stream: BinaryIO, name: str) -> str:
    """The format of a binary input, from its content: "docx", "pdf", "xlsx", "zip", ….

    ``stream`` must be seekable; it is left at its start. A zip that cannot be opened is
    an InputError naming the file when its name says it is a document (a damaged .docx),
    else the format "damaged-zip" (skipped with a warning, as any unknown binary file).
    """
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_OLE2):
        return "ole2"
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            return fmt
    if not head.startswith(_ZIP):
        return "binary"
    try:
        with zipfile.ZipFile(stream) as archive:
            return _zip_format(archive)
    except ZIP_ERRORS as err:
        named = named_format(name)
        if named is not None:
            raise InputError(
                f"{name}: a damaged {describe(named)} document (its zip "
                f"archive cannot be opened: {err}), not read"
            ) from None
        return "damaged-zip"
    finally:
        stream.seek(0)


def _zip_format(archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "[Content_Types].xml" in names:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace").lower()
        for suffix, fmt in _OOXML_MAIN.items():
            if suffix in types:
                return fmt
        if "word/document.xml" in names:
            return "docx"
    if "mimetype" in names:
        kind = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
        return _ODF.get(kind, "zip")
    return "zip"


def encrypted_office(stream: BinaryIO) -> bool:
    """Whether an OLE2 file is an encrypted Office Open XML document (a password-protected
    .docx is an OLE2 container holding an "EncryptedPackage" stream, named in its
    directory)."""
    data = stream.read(1 << 20)
    stream.seek(0)
    return "EncryptedPackage".encode("utf-16-le") in data


def seekable(stream: BinaryIO, head: bytes = b"") -> BinaryIO:
    """``stream`` if it can seek, else (standard input) its bytes held in memory."""
    try:
        if stream.seekable():
            return stream
    except (AttributeError, ValueError):
        pass
    return io.BytesIO(head + stream.read())


def convert(stream: BinaryIO, name: str, fmt: str) -> Iterator[Converted]:
    """The converted pieces of a binary input of format ``fmt``: see CONVERTERS."""
    yield from CONVERTERS[fmt](stream, name)


def describe(fmt: str) -> str:
    return NAMES.get(fmt, fmt)
