"""The reviewed copy of a Word draft (``check --format docx -o reviewed.docx draft.docx``).

A copy of the draft with a Word comment on each finding's number: the comment's range spans
exactly the characters of the claim (runs are split at its ends where needed) and says the
severity, rule and message, the evidence (the other claims, the reference and the
comparison) and the finding id for ``--explain``. As in the terminal, verified and
unverifiable claims (severity info) are commented only with ``-v``. The draft itself is only
read; the copy is written whole or not at all.

A finding is anchored on its primary claim when that claim is in the draft, else on the
first of its claims that is; a claim is found by its position (paragraph and characters, as
``load.docx`` numbers them), so the comment lands on the words the reader read.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from ..errors import FactcheckError
from ..model import Finding, Report
from .text import describe_comparison, describe_reference, place_of

AUTHOR, INITIALS = "factcheck", "FC"


def drafts_of(report: Report) -> list[str]:
    """The inputs of the report that are Word documents (an .odt's claims have paragraphs too,
    but python-docx cannot write its copy)."""
    names = {c.doc for c in report.claims if c.position and "paragraph" in c.position["start"]}
    paths = [i["path"] for i in report.inputs if i["path"] in names and _is_docx(i["path"])]
    return paths or [i["path"] for i in report.inputs if _is_docx(i["path"])]


def _is_docx(path: str) -> bool:
    from ..load import binary

    try:
        with open(path, "rb") as stream:
            return binary.recognise(stream, path) == "docx"
    except (OSError, FactcheckError):
        return False


def write_review(report: Report, output: str, *, verbose: bool = False) -> int:
    """Write the reviewed copy of the report's one Word draft to ``output``; the number of
    comments written. FactcheckError when there is not exactly one Word draft."""
    drafts = drafts_of(report)
    if len(drafts) != 1:
        found = ", ".join(drafts) if drafts else "none"
        raise FactcheckError(
            f"--format docx writes the reviewed copy of one Word draft; Word drafts among "
            f"the inputs: {found}"
        )
    draft = drafts[0]
    document = _open(draft)
    from ..load.docx import body_paragraphs

    paragraphs = list(body_paragraphs(document.element.body))
    shown = [f for f in report.findings if verbose or f.severity != "info"]
    count = 0
    for finding, claim in _anchors(shown, draft):
        start, end = claim["position"]["start"], claim["position"]["end"]
        number = start["paragraph"]
        if not 1 <= number <= len(paragraphs) or end.get("paragraph") != number:
            continue
        runs = _runs_between(paragraphs[number - 1], start["char"] - 1, end["char"] - 1)
        if not runs:
            continue
        from docx.text.paragraph import Paragraph
        from docx.text.run import Run

        paragraph = Paragraph(paragraphs[number - 1], document._body)
        lines = comment_lines(finding, claim)
        comment = document.add_comment(
            [Run(runs[0], paragraph), Run(runs[-1], paragraph)],
            text=lines[0],
            author=AUTHOR,
            initials=INITIALS,
        )
        for line in lines[1:]:
            comment.add_paragraph(line)
        count += 1
    from ..load.own import REVIEWED_COPY_AUTHOR
    from ..output import atomic_write

    # The mark that keeps the copy, left among the drafts, from being read as one.
    document.core_properties.last_modified_by = REVIEWED_COPY_AUTHOR
    try:
        with atomic_write(output, binary=True) as handle:
            document.save(handle)
    except OSError as err:
        raise FactcheckError(f"{output}: cannot write: {err.strerror or err}") from None
    return count


def _open(path: str):
    import docx

    try:
        return docx.Document(path)
    except Exception as err:  # python-docx raises many kinds for a file it cannot take
        raise FactcheckError(f"{path}: cannot make a reviewed copy: {err}") from None


def _anchors(findings: list[Finding], draft: str) -> Iterator[tuple[Finding, dict[str, Any]]]:
    for finding in findings:
        claim = next(
            (c for c in finding.claims if c.get("doc") == draft and c.get("position")), None
        )
        if claim is not None and "paragraph" in claim["position"]["start"]:
            yield finding, claim


def comment_lines(finding: Finding, anchor: dict[str, Any]) -> list[str]:
    """The comment's paragraphs: the finding, its evidence, its id."""
    lines = [f"{finding.severity} {finding.rule}: {' '.join(finding.message.split())}"]
    for claim in finding.claims:
        if claim is not anchor:
            lines.append(f"{place_of(claim)}: “{claim.get('surface')}”")
    if finding.reference:
        lines.append("reference: " + describe_reference(finding.reference))
    if finding.expected is not None or finding.actual is not None:
        lines.append(describe_comparison(finding))
    lines.append(f"finding {finding.id} (factcheck check --explain {finding.id})")
    return lines


# -- runs ------------------------------------------------------------------------------------


def _runs_between(p, first: int, last: int) -> list:
    """The runs of paragraph ``p`` that hold exactly its characters [first, last) (0-based),
    split at both ends where a run goes past them."""
    from ..load.docx import run_items, runs_of

    if last <= first:
        return []
    _split_at(p, first)
    _split_at(p, last)
    held = []
    pos = 0
    for r in runs_of(p):
        size = sum(len(text) for _, text in run_items(r))
        if size and first <= pos and pos + size <= last:
            held.append(r)
        pos += size
    return held


def _split_at(p, char: int) -> None:
    """Make ``char`` (0-based) a run boundary in paragraph ``p``."""
    from ..load.docx import run_items, runs_of

    pos = 0
    for r in runs_of(p):
        items = list(run_items(r))
        size = sum(len(text) for _, text in items)
        if pos < char < pos + size:
            for child, text in items:
                if char <= pos + len(text):
                    _split_run(r, child, char - pos, len(text))
                    return
                pos += len(text)
        pos += size
        if pos >= char:
            return


def _split_run(r, child, at: int, length: int) -> None:
    """Split run ``r`` in its child ``child`` (a text, tab or break), ``at`` of its
    ``length`` characters in: the run keeps what comes before, a copy of it (the same
    formatting) after it holds the rest."""
    from ..load.docx import W

    props = f"{{{W}}}rPr"
    kept = [c for c in r if c.tag != props]
    index = kept.index(child)
    twin = copy.deepcopy(r)
    moved = [c for c in twin if c.tag != props]
    for c in kept[index + 1 :]:
        r.remove(c)
    if at >= length:  # after the child: it stays whole in the first run
        for c in moved[: index + 1]:
            twin.remove(c)
    else:  # inside a text: each run keeps its part
        for c in moved[:index]:
            twin.remove(c)
        space = "{http://www.w3.org/XML/1998/namespace}space"
        text = child.text or ""
        child.text, moved[index].text = text[:at], text[at:]
        child.set(space, "preserve")
        moved[index].set(space, "preserve")
    r.addnext(twin)
