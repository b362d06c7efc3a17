"""Recognising factcheck's own outputs, so a report left among the drafts is never read as one.

A report written into the checked tree (``check -o drafts/report.html drafts/``) holds every
claim of the drafts, quoted, beside the reference figures: read as a draft, it contradicts
them all. Each output carries a mark of its origin near its top, and these patterns look for
it in the first few thousand characters:

- HTML report: ``<meta name="generator" content="factcheck …">``;
- JSON report: ``{"version": …, "tool": {"name": "factcheck"``; SARIF: a log whose driver is
  factcheck;
- CSV (report or extracted claims): the header row of the claim columns;
- extracted claims as JSON, JSON Lines or YAML: a first record starting with ``doc`` then
  ``line``;
- text report: a first line in the lint shape ``path:line:col: severity rule … [f<id>]``, or
  the summary lines alone of a clean run (colours, when asked for in a file, are looked
  through);
- ``--statistics``: a first line ``<count>  <rule id>  …``; ``--explain``: ``f<id>: severity
  rule``;
- ``--format github``: a workflow command ``::error file=…``; ``gitlab``: a list of issues;
  ``junit``: the XML declaration, then ``<testsuites name="factcheck"``;
- ``--format docx``, the reviewed copy of a Word draft: "factcheck" as the document's last
  author (``docProps/core.xml``), which Word replaces when an editor saves it: the copy
  edited is a draft again.
"""

from __future__ import annotations

import re

from ..rules import RULES

HEAD_CHARS = 4096  # how much of a file is looked at

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("HTML report", re.compile(r"<meta\s+name=\"generator\"\s+content=\"factcheck\b", re.I)),
    (
        "JSON report",
        re.compile(
            r"\A\s*\{\s*\"version\":\s*\"[0-9.]+\",\s*\"tool\":\s*\{\s*"
            r"\"name\":\s*\"factcheck\""
        ),
    ),  # fmt: skip
    (
        "SARIF log",
        re.compile(
            r"\A\s*\{\s*\"\$schema\":\s*\"[^\"\n]*sarif[^\"\n]*\"[^\n]*\n"
            r"(?:[^\n]*\n){0,8}?\s*\"driver\":\s*\{\s*\"name\":\s*\"factcheck\""
        ),
    ),  # fmt: skip
    ("CSV of claims", re.compile(r"\Adoc,line,column,end_line,end_column,surface,sentence,")),
    ("claims", re.compile(r"\A\s*\[?\s*\{\s*\"doc\":\s*\"[^\"\n]*\",\s*\"line\":\s*\d")),
    ("claims", re.compile(r"\A-[ \t]doc:[^\n]*\n[ \t]+line:[ \t]*\d")),
    (
        "text report",
        re.compile(
            r"\A[^\n]+:\d+:\d+: (?:error|warning|info) [a-z][a-z-]* [^\n]* "
            r"\[f[0-9a-f]{12}\]\n"
        ),
    ),  # fmt: skip
    (
        "list of findings by rule",
        re.compile(r"\A\d+ +(?:" + "|".join(re.escape(r.id) for r in RULES) + r") {2}"),
    ),
    ("explanation of a finding", re.compile(r"\Af[0-9a-f]{12}: (?:error|warning|info) [a-z-]+\n")),
    ("GitHub annotations", re.compile(r"\A::(?:error|warning|notice) file=[^\n]*::")),
    ("GitLab report", re.compile(r"\A\s*\[\s*\{\s*\"type\":\s*\"issue\",\s*\"description\":")),
    ("JUnit report", re.compile(r"\A<\?xml[^\n]*\?>\s*<testsuites\s+name=\"factcheck\"")),
    (
        "text report",
        re.compile(
            r"\A\d+ documents?, \d+ claims?: \d+ errors?, \d+ warnings?, "
            r"\d+ info[^\n]*\n(?:using [^\n]*\n?)?\Z"
        ),
    ),  # fmt: skip
)


_COLOUR = re.compile(r"\x1b\[[0-9;]*m")  # --color always -o file


def own_output(head: str) -> str | None:
    """What factcheck output the text starts like ("HTML report", ...), or None for a draft."""
    head = _COLOUR.sub("", head[:HEAD_CHARS]).lstrip("\ufeff")
    for what, pattern in _PATTERNS:
        if pattern.search(head):
            return what
    return None


REVIEWED_COPY_AUTHOR = "factcheck"  # report.docx_review writes it, own_package reads it
_LAST_AUTHOR = re.compile(
    r"<cp:lastModifiedBy>\s*" + re.escape(REVIEWED_COPY_AUTHOR) + r"\s*</cp:lastModifiedBy>"
)


def own_package(stream) -> str | None:
    """What factcheck output a zip package (seekable binary stream) is, or None: the reviewed
    copy of a Word draft. The stream is left at its start."""
    import zipfile

    from .binary import ZIP_ERRORS

    try:
        with zipfile.ZipFile(stream) as archive:
            core = archive.read("docProps/core.xml")[:HEAD_CHARS].decode("utf-8", "replace")
    except (*ZIP_ERRORS, KeyError):
        return None
    finally:
        stream.seek(0)
    return "reviewed copy of a Word draft" if _LAST_AUTHOR.search(core) else None
