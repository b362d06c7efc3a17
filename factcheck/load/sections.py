"""Reading an input as a stream of decoded sections, so memory is bounded however large it is.

A document of up to ``SECTION_CHARS`` characters is one section: it is read and extracted
whole. A larger one (a data dump, a concatenation of reports) is cut into sections of about
that size, at a paragraph break where there is one, else a sentence end, a line break or a
space, and each section is then read as a document of its own whose positions continue
the file's (``Section.offset``, ``line``, ``column``), so that ``path:line:col`` and claim ids
are those of the whole file.

What a section cannot see is the rest of its document: the readers' layout rules (a reference
list runs to the end of the text, navigation sits at the top) apply within the section. That
is the price of reading a 50 MB file in bounded memory; real reports are far below the limit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

# Documents up to this many characters are read whole; larger ones in sections of this size.
SECTION_CHARS = 2_000_000
BLOCK_BYTES = 1 << 20  # bytes read from the file at a time

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A fenced code block's opening or closing line in Markdown: a section must not cut one.
_FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)", re.MULTILINE)


class BinaryInput(Exception):
    """The input holds NUL bytes: a binary file, not a document."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"NUL byte at offset {offset}")
        self.offset = offset


@dataclass
class Section:
    """A stretch of a document's decoded text and where it starts in the whole document."""

    text: str
    offset: int = 0  # characters of the document before this section
    line: int = 1  # 1-based line of its first character
    column: int = 1  # 1-based column of its first character
    warnings: list[str] = field(default_factory=list)


def decoded_blocks(
    stream: BinaryIO, name: str, block_bytes: int = BLOCK_BYTES
) -> Iterator[tuple[str, list[str]]]:
    """The stream's text, decoded block by block, each block cut at a character boundary.

    UTF-8 (or UTF-16 with a BOM, read whole); a leading BOM is dropped, as an editor does not
    count it as a column. Undecodable bytes are replaced with U+FFFD and reported once, with
    the offset of the first one. Raises BinaryInput after the text before the first NUL byte.
    """
    first = stream.read(block_bytes)
    if first.startswith(_UTF16_BOMS):
        data = first + stream.read()
        yield data.decode("utf-16", errors="replace").removeprefix("\ufeff"), []
        return
    pending = b""
    consumed = 0  # bytes decoded so far, for the offset of a bad byte
    warned = False
    block = first
    while block:
        following = stream.read(block_bytes)  # one block ahead, to know which one is last
        data = pending + block
        nul = data.find(b"\x00")
        if nul >= 0:
            following = b""  # the text before it is the last block
            data = data[:nul]
        cut = _char_boundary(data) if following else len(data)
        chunk, pending = data[:cut], data[cut:]
        warnings = []
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError as err:
            text = chunk.decode("utf-8", errors="replace")
            if not warned:
                warned = True
                warnings.append(
                    f"{name}: not valid UTF-8 (first bad byte at offset {consumed + err.start}); "
                    "undecodable bytes replaced with U+FFFD"
                )
        if consumed == 0:
            text = text.removeprefix("\ufeff")
        consumed += cut
        yield text, warnings
        if nul >= 0:
            raise BinaryInput(consumed)
        block = following


def _char_boundary(data: bytes) -> int:
    """The length of the longest prefix of ``data`` that does not end inside a UTF-8 character."""
    i = len(data)
    # Step back over continuation bytes (at most 3) to the lead byte of the last character.
    while i > 0 and len(data) - i < 4 and data[i - 1] & 0xC0 == 0x80:
        i -= 1
    if i == 0:
        return len(data)
    lead = data[i - 1]
    need = 1 if lead < 0x80 else 2 if lead >> 5 == 0b110 else 3 if lead >> 4 == 0b1110 else 4
    complete = len(data) - (i - 1) >= need
    return len(data) if complete or lead < 0xC0 else i - 1


def iter_sections(
    stream: BinaryIO,
    name: str,
    format_of: Callable[[str], str],
    limit: int | None = SECTION_CHARS,
) -> Iterator[tuple[str, Section]]:
    """The format of the input and its sections, in order; one section when it is small.

    ``format_of`` names the format from the first section's worth of text ("html" is never
    cut: its tags nest across any boundary). ``limit`` None reads the input whole.
    """
    blocks = decoded_blocks(stream, name)
    warnings: list[str] = []
    binary: BinaryInput | None = None  # a NUL byte after the first section: the end of text
    section = Section("")

    def fill(buffer: str, target: float) -> tuple[str, bool]:
        """``buffer`` with blocks read onto it until it holds ``target`` characters, and
        whether it got there (False: the input ended first)."""
        nonlocal binary
        pieces, size = [buffer], len(buffer)
        while size < target:
            try:
                item = next(blocks, None)
            except BinaryInput as nul:
                if section.offset == 0:
                    raise  # within the first section: a binary file, read nothing
                binary, item = nul, None
            if item is None:
                return "".join(pieces), False
            text, found = item
            pieces.append(text)
            warnings.extend(found)
            size += len(text)
        return "".join(pieces), True

    buffer, more = fill("", float("inf") if limit is None else limit + 1)
    fmt = format_of(buffer)
    if more and fmt == "html":
        buffer, more = fill(buffer, float("inf"))
    while True:
        if not more or limit is None or len(buffer) <= limit:
            section.text = buffer
            section.warnings = warnings
            yield fmt, section
            if binary is not None:
                raise binary
            return
        cut = cut_point(buffer, limit, markdown=fmt == "markdown")
        section.text = buffer[:cut]
        section.warnings, warnings = warnings, []
        yield fmt, section
        section = _following(section)
        buffer, more = fill(buffer[cut:], limit + 1)


def _following(section: Section) -> Section:
    """The position of the section that starts where ``section`` ends."""
    text = section.text
    newlines = text.count("\n")
    if newlines:
        column = len(text) - text.rfind("\n")
    else:
        column = section.column + len(text)
    return Section("", section.offset + len(text), section.line + newlines, column)


def cut_point(text: str, limit: int, *, markdown: bool = False) -> int:
    """Where to end a section of ``text`` of at most ``limit`` characters (and most of that).

    The last paragraph break in the second half of the window (outside a Markdown code
    fence), else the last sentence end, line break or space, else ``limit`` itself.
    """
    low = limit // 2
    fences = [m.start() for m in _FENCE.finditer(text, 0, limit)] if markdown else []
    end = limit
    while True:
        brk = max(text.rfind("\n\n", low, end), text.rfind("\n\r\n", low, end))
        if brk < 0:
            break
        cut = text.index("\n", brk + 1) + 1  # after the blank line
        if bisect.bisect_left(fences, cut) % 2 == 0:
            return cut
        end = brk  # inside a fence: try an earlier break
    brk = max(text.rfind(". ", low, limit), text.rfind(".\n", low, limit))
    if brk >= 0:
        return brk + 2  # after a sentence, so that none is read in two halves
    for sep in ("\n", " ", "\t"):
        brk = text.rfind(sep, low, limit)
        if brk >= 0:
            return brk + 1
    return limit
