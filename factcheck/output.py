"""Writing files: all or nothing, and never over an input.

Every file factcheck writes (reports and claims with -o, cache entries, the files of `init`)
goes through ``atomic_write``: the text is written to a temporary file beside the target and
renamed over it only once complete, so a crash, a full disk or a kill -9 leaves either the
previous file or the new one, never a truncated one. (A kill can leave the temporary file
behind, named ``.NAME.*.tmp``; it is never read.)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .errors import InputError


@contextlib.contextmanager
def atomic_write(
    path: str | Path, *, newline: str | None = None, binary: bool = False
) -> Iterator[TextIO]:
    """A text stream (UTF-8; bytes with ``binary``) whose content replaces ``path`` when the
    block ends without an exception; on an exception the target is untouched and the
    temporary file removed. A symbolic link is written through (its target is replaced), and
    an existing file keeps its permissions. A target that is not a regular file (/dev/null,
    a pipe) is written directly."""
    mode, options = ("wb", {}) if binary else ("w", {"encoding": "utf-8", "newline": newline})
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_file():
        # /dev/null, a FIFO, a terminal: written to as they are, never replaced by a file.
        with open(target, mode, **options) as handle:
            yield handle
        return
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **options) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, else what open() would have given."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def refuse_output_among_inputs(output: str | None, inputs: Iterable[str | Path]) -> None:
    """An InputError when ``output`` is one of ``inputs`` (the same file, whatever the path
    says: relative, through a symbolic or a hard link): nothing may be written to an input."""
    if output is None or output == "-":
        return
    try:
        written = os.stat(output)
    except OSError:
        return  # not there yet: it cannot be an input
    for path in inputs:
        try:
            read = os.stat(path)
        except OSError:
            continue
        if (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino):
            same = "" if os.path.abspath(path) == os.path.abspath(output) else f" ({path})"
            raise InputError(f"{output}: is also an input{same}; write the output elsewhere")
