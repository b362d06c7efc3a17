"""The load stage: files -> Document (text, body, markers, date).

``load_file`` reads and decodes one file, ``load_text`` picks the reader for a format, and
``iter_paths`` expands the command line's paths. The readers (text, markdown, html) only
say which characters are not body; ``mask.build_body`` turns that into ``Document.body``.
Binary documents (Word, PDF) are recognised by their first bytes and go through a converter
first (see ``binary``), which gives the text a reader reads and a map back to the document.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from factcheck.errors import InputError
from factcheck.load import binary, html, markdown, text
from factcheck.load import docx as _docx
from factcheck.load import odt as _odt
from factcheck.load import pdf as _pdf
from factcheck.load.mask import Layout, build_body, inside, merge
from factcheck.load.own import HEAD_CHARS, own_output, own_package
from factcheck.load.sections import SECTION_CHARS, BinaryInput, iter_sections
from factcheck.load.structure import build_blocks
from factcheck.model import Document, Marker

__all__ = ["FORMATS", "iter_documents", "iter_paths", "load_file", "load_text", "sniff"]

log = logging.getLogger("factcheck")

STDIN = "-"
STDIN_NAME = "<stdin>"
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
_READERS = {"text": text.read, "markdown": markdown.read, "html": html.read}

# Markdown features a .txt file may show: ATX headings, bold, <sup> markers, fences, links.
_MD_FEATURES = (
    re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),
    re.compile(r"\*\*[^*\n]{1,200}\*\*"),
    re.compile(r"<sup>", re.IGNORECASE),
    re.compile(r"^[ \t]{0,3}```", re.MULTILINE),
    re.compile(r"\]\((?:https?://|#)"),
)
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


class OwnOutput(Exception):
    """The input is a report (or claims) factcheck wrote: args[0] says which."""


def sniff(content: str) -> str:
    """The format of text of unknown kind: "html", "markdown" or "text"."""
    head = content[:4096]
    if _HTML_START.match(head):
        return "html"
    sample = content[:200_000]
    hits = [len(p.findall(sample)) for p in _MD_FEATURES]
    if hits[2] or hits[3] or sum(1 for h in hits if h) >= 2 or hits[0] >= 2:
        return "markdown"
    return "text"


def format_of(path: str | Path, content: str) -> str:
    suffix = Path(path).suffix.lower() if str(path) != STDIN_NAME else ""
    fmt = FORMATS.get(suffix, "text")
    # A .txt (or unknown, or stdin) may be Markdown or HTML in disguise.
    return sniff(content) if fmt == "text" else fmt


def load_text(content: str, path: str, fmt: str, *, as_of: str | None = None) -> Document:
    """A Document from decoded text in a known format ("text", "markdown", "html")."""
    if fmt not in _READERS:
        raise ValueError(f"{path}: unknown format {fmt!r} (expected one of {sorted(_READERS)})")
    layout: Layout = _READERS[fmt](content)
    zones = merge(layout.zones)
    markers = sorted(
        {m for m in layout.markers if not inside(zones, m.start)}, key=lambda m: m.start
    )
    ranges = zones + [(m.start, m.end) for m in markers]
    body = build_body(content, ranges, layout.replace)
    body, found = _bracket_markers(body)
    if found:
        markers = sorted(markers + found, key=lambda m: m.start)
    blocks = build_blocks(body, layout.tables, layout.lists, layout.headings)
    return Document(
        path=path,
        text=content,
        body=body,
        markers=markers,
        date=as_of or layout.date,
        warnings=list(layout.warnings),
        blocks=blocks,
    )


# "[3]", "[1][2]", "[4, 5]" in the body of any format: citation markers, never values (the
# one rule for them; the readers leave them in the body). A "[12](…)" link or a "[12]:"
# definition is not one.
_BRACKET_MARKER = re.compile(r"\[(\d{1,3}(?:[ \t]*[,–-][ \t]*\d{1,3}){0,20})\](?![(:])")


_LIST_ENTRY_INDENT = 200  # "[1]" this far from its line's start at most opens a list entry


def _bracket_markers(body: str) -> tuple[str, list[Marker]]:
    """The body with bracketed note numbers blanked, and those numbers as markers."""
    found = []
    pieces = []  # the body rebuilt from slices: one pass, no per-character list
    last = 0
    for m in _BRACKET_MARKER.finditer(body):
        # Only the 200 characters before the marker are looked at, never the line from its
        # start: on one long line that copy made many markers quadratic.
        window = max(0, m.start() - _LIST_ENTRY_INDENT)
        line_start = body.rfind("\n", window, m.start()) + 1
        near = (line_start or not window) and m.start() - line_start < _LIST_ENTRY_INDENT
        if near and not body[line_start : m.start()].strip():
            continue  # "[1] Author, Title": an entry of a note list, not a marker
        found.append(Marker(m.start(), m.end(), re.sub(r"\s+", " ", m.group(1))))
        pieces += [body[last : m.start()], " " * (m.end() - m.start())]
        last = m.end()
    if not found:
        return body, found
    pieces.append(body[last:])
    return "".join(pieces), found


def iter_documents(
    path: str | Path,
    *,
    as_of: str | None = None,
    section_chars: int | None = SECTION_CHARS,
    stdin_name: str | None = None,
) -> Iterator[Document]:
    """The Documents of one input (a file, or "-" for standard input), read as a stream.

    One Document for an ordinary file; a file larger than ``section_chars`` characters gives
    one per section (see ``sections``), with the file's positions, so memory stays bounded.
    Nothing for a binary file (with a warning). Raises InputError for an unreadable path.
    """
    name, stream = open_input(path, stdin_name)
    try:
        yield from documents_of(stream, name, as_of=as_of, section_chars=section_chars)
    finally:
        if str(path) != STDIN:
            stream.close()


def documents_of(
    stream: BinaryIO, name: str, *, as_of: str | None = None, section_chars: int | None = None
) -> Iterator[Document]:
    """The Documents of a byte stream named ``name`` (see ``iter_documents``)."""

    def format_or_refuse(head: str) -> str:
        what = own_output(head)
        if what is not None:
            raise OwnOutput(what)
        return format_of(name, head)

    head, stream = _peek(stream)
    if binary.looks_binary(head):
        yield from _converted(stream, head, name, as_of)
        return
    if binary.named_format(name) == "pdf" and b"\x00" not in head:
        # Named a PDF, without the header every PDF has: a damaged one, whose objects and
        # drawing operators read as text would be claims.
        raise InputError(f"{name}: not a readable PDF (no %PDF- header), not read")
    sections = iter_sections(stream, name, format_or_refuse, section_chars)
    read_any = False
    try:
        for fmt, section in sections:
            for w in section.warnings:
                log.warning("%s", w)
            doc = load_text(section.text, name, fmt, as_of=as_of)
            doc.warnings[:0] = section.warnings
            doc.place_at(section.offset, section.line, section.column)
            # A document's date is stated at its top: later sections keep the first one's.
            as_of = as_of or doc.date
            read_any = True
            yield doc
    except OwnOutput as own:
        log.warning("%s: factcheck's own %s, not read as a draft", name, own.args[0])
    except BinaryInput as nul:
        if read_any:
            log.warning("%s: NUL byte at offset %s: the rest is binary, not read", name, nul.offset)
        else:
            log.warning("%s: binary file (contains NUL bytes), skipped", name)


def _converted(stream: BinaryIO, head: bytes, name: str, as_of: str | None) -> Iterator[Document]:
    """The Documents of a binary input, through its format's converter: each piece a Document
    whose offsets continue the previous piece's. An unreadable format is skipped with a
    warning naming it; a damaged or encrypted document is an InputError; a document without
    text (a scan) gives its warning and no Document, so a run of nothing else reads nothing
    and says so."""
    stream = binary.seekable(stream, head)
    fmt = binary.recognise(stream, name)
    own = own_package(stream) if fmt == "docx" else None
    if own is not None:
        log.warning("%s: factcheck's own %s, not read as a draft", name, own)
        return
    if fmt == "ole2" and binary.encrypted_office(stream):
        raise InputError(
            f"{name}: an encrypted (password-protected) Office document, not read; "
            "check an unprotected copy"
        )
    if fmt not in binary.CONVERTERS:
        log.warning("%s: %s file, a format factcheck does not read; skipped", name,
                    binary.describe(fmt))  # fmt: skip
        return
    offset, line = 0, 1
    for piece in binary.convert(stream, name, fmt):
        for w in piece.warnings:
            log.warning("%s", w)
        if not offset and not piece.text.strip():
            continue  # nothing read (a scan, an empty document): said, and no Document
        doc = load_text(piece.text, name, piece.fmt, as_of=as_of)
        doc.warnings[:0] = piece.warnings
        doc.positions = piece.positions
        doc.place_at(offset, line, 1)
        offset += len(piece.text)
        line += piece.text.count("\n")
        as_of = as_of or doc.date
        yield doc


class _Prepended:
    """A stream that cannot seek (standard input) with the bytes already read put back."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head, self.stream = head, stream

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            return self.stream.read(size)
        if size is None or size < 0:
            data, self.head = self.head + self.stream.read(), b""
            return data
        data, self.head = self.head[:size], self.head[size:]
        if len(data) < size:
            data += self.stream.read(size - len(data))
        return data

    def close(self) -> None:
        self.stream.close()


def _peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes of a stream (to recognise a binary format), and the stream to read
    from its start."""
    try:
        if stream.seekable():
            at = stream.tell()
            head = stream.read(binary.HEAD_BYTES)
            stream.seek(at)
            return head, stream
    except (AttributeError, ValueError, OSError):
        pass
    head = stream.read(binary.HEAD_BYTES)
    return head, _Prepended(head, stream)  # type: ignore[return-value]


def load_file(path: str | Path, *, as_of: str | None = None) -> Document | None:
    """Read one input (a file, or "-" for standard input) whole; None for a binary file."""
    return next(iter_documents(path, as_of=as_of, section_chars=None), None)


def open_input(path: str | Path, stdin_name: str | None = None) -> tuple[str, BinaryIO]:
    """The display name of an input and its byte stream (standard input for "-", named
    ``stdin_name`` when an editor says which file the buffer is: --stdin-filename)."""
    if str(path) == STDIN:
        return stdin_name or STDIN_NAME, sys.stdin.buffer
    name = str(path)
    try:
        return name, open(path, "rb")  # noqa: SIM115 -- the caller closes it
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read: {err.strerror or err}") from None


def readable_suffix(suffix: str) -> bool:
    """Whether a folder walk reads files with this ending: a text format's, or a binary
    format's that has a converter."""
    suffix = suffix.lower()
    return suffix in FORMATS or binary.SUFFIXES.get(suffix) in binary.CONVERTERS


def walked_suffixes() -> list[str]:
    """The endings a folder walk reads, for messages."""
    return list(FORMATS) + [s for s, f in binary.SUFFIXES.items() if f in binary.CONVERTERS]


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def iter_paths(
    paths: list[str], include: list[str] | None = None, exclude: list[str] | None = None
) -> Iterator[Path | str]:
    """The files to read: directories expanded (sorted, hidden folders skipped).

    Files named explicitly are kept whatever their extension; files found in directories
    only with a known extension. --include/--exclude globs match the path as written (or
    below the directory, as found) or the bare file name. Raises InputError for a missing path.
    """
    include, exclude = list(include or []), list(exclude or [])
    for p in paths:
        if p == STDIN:
            yield STDIN
            continue
        path = Path(p)
        if not path.exists():
            raise InputError(f"{p}: no such file or directory")
        if path.is_dir():
            yield from _walk(path, include, exclude)
        elif not any(_matches(c, exclude) for c in (path.as_posix(), _real(path))):
            yield path


def _walk(root: Path, include: list[str], exclude: list[str]) -> Iterator[Path]:
    """The documents below ``root``, in os.walk's order (a folder's files before its
    subfolders, each sorted); in a git work tree only the files git would track, so an
    ignored build output or an untracked report is not read. Hidden files and folders are
    skipped, and so are factcheck's own reports."""
    tracked = _tracked(root)
    for full in tracked if tracked is not None else _walked(root):
        if full.name.startswith(".") or not readable_suffix(full.suffix):
            continue
        seen_as = (full.relative_to(root).as_posix(), full.as_posix(), _real(full))
        if include and not any(_matches(c, include) for c in seen_as):
            continue
        if any(_matches(c, exclude) for c in seen_as) or _is_own_output(full):
            continue
        yield full


def _real(path: Path) -> str:
    """The absolute path a configured glob with a folder in it is matched against
    (config._anchored)."""
    return Path(os.path.realpath(path)).as_posix()


def _walked(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for f in sorted(files):
            yield Path(folder) / f


def _tracked(root: Path) -> list[Path] | None:
    """The files below ``root`` that git tracks or would track (untracked and not ignored),
    in os.walk's order; None when ``root`` is not in a git work tree or git is missing."""
    import subprocess

    try:
        listed = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if listed.returncode != 0:
        return None
    if not listed.stdout and _ignored_by_git(root):
        return None  # a folder git ignores, named on purpose: read it as any other
    names = {name for name in os.fsdecode(listed.stdout).split("\0") if name}
    parts = [PurePosixPath(name).parts for name in names]
    kept = [p for p in parts if not any(d.startswith(".") or d == "__pycache__" for d in p[:-1])]
    # A folder's files before its subfolders, as os.walk gives them: the order claims are
    # compared in must not depend on whether git is there.
    kept.sort(key=lambda p: tuple((1, d) for d in p[:-1]) + ((0, p[-1]),))
    files = [root.joinpath(*p) for p in kept]
    return [f for f in files if f.is_file()]  # a tracked file may have been deleted


def _ignored_by_git(path: Path) -> bool:
    import subprocess

    try:
        found = subprocess.run(["git", "-C", str(path), "check-ignore", "-q", "."],
                               capture_output=True, timeout=60, check=False)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0


def _is_own_output(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_CHARS * 4)
            if binary.looks_binary(head):
                return own_package(handle) is not None
    except OSError:
        return False  # reading it will say what is wrong
    return own_output(head.decode("utf-8", errors="replace")) is not None


# The converters of binary formats (see ``binary``), one line each.
binary.CONVERTERS["docx"] = _docx.read
binary.CONVERTERS["pdf"] = _pdf.read
binary.CONVERTERS["odt"] = _odt.read
