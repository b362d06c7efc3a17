"""`factcheck init`: the files a new project starts from.

Nothing existing is overwritten without --force: a user's catalog is work, not a template.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import InputError
from .output import atomic_write

STARTER_CATALOG = """\
# The measure catalog: what the numbers in your drafts are about. factcheck matches each
# number to a measure by the terms near it, then checks claims of the same measure, place and
# period against each other and against the reference figures. See `factcheck schema catalog`.
version: 1

# Add to the catalog shipped with factcheck (`factcheck references list` shows its data):
# your measures come first and replace shipped ones of the same id. Without this line, only
# the measures below would be checked.
extends: default

defaults:
  tolerance: 2%        # relative ("2%") or an amount in the measure's unit ("500", "0.5 mg")
  place: US            # the place of a claim whose sentence names none

measures: []
# A measure of your own, to check against a CSV of yours in references/:
#  - id: example.overdose_deaths
#    label: Drug overdose deaths (an example to edit)
#    unit: count
#    tolerance: 3%
#    terms:            # regular expressions, case-insensitive, searched near the number
#      all: ['overdos']
#      any: ['death|died|killed|fatal']
#      none: ['\\bpills?\\b|kilogram|\\bdoses?\\b']

relations: []          # formulas that must hold, e.g. a.b == c.d / e.f

suppress: []           # accepted exceptions: - claim: "drafts/brief.md:12"  reason: "..."
"""

STARTER_DATAPACKAGE = {
    "name": "references",
    "title": "Reference figures for factcheck",
    "description": (
        "Adds to the reference data shipped with factcheck (extends: default). Add one CSV per "
        "topic with the columns measure, place, period, value, unit (and low, high, status, "
        "source, url, note), and list it under resources; a row of the same measure, place, "
        "period, status and vintage as a shipped one replaces it."
    ),
    "extends": "default",
    "licenses": [],
    "resources": [],
}


# The drafts a hook passes to factcheck: text drafts by their type, Word and PDF drafts (binary
# files) by their names; the endings a folder walk reads (as in .pre-commit-hooks.yaml).
DRAFT_FILES = r"\.(?i:md|markdown|mdown|mkdn|mkd|txt|text|html?|xhtml|docx|docm|odt|pdf)$"


def pre_commit_config(python: str, folder: str | None = None) -> str:
    """A local hook that runs the factcheck installed for ``python`` (the interpreter that ran
    `factcheck init`), so it works whether or not factcheck is on PATH. With ``folder`` (the
    project's folder from the top of the git work tree) the hook checks that folder only."""
    import re

    corpus, under = ".", ""
    if folder:
        corpus = _quoted(folder)
        under = "^" + re.escape(folder + "/").replace("'", "''") + ".*"
    files = f"\n        files: '{under}{DRAFT_FILES}'"
    return f"""\
# Run factcheck on every commit of drafts: `pip install pre-commit && pre-commit install`.
# The hook runs the factcheck that wrote this file ({python}); on another
# machine, put the python of a factcheck installation there.
repos:
  - repo: local
    hooks:
      - id: factcheck
        name: factcheck (numeric claims)
        entry: {_quoted(python)} -m factcheck check --quiet --corpus {corpus}
        language: system
        types_or: [markdown, html, plain-text, pdf, binary]{files}
        require_serial: true
"""


def _quoted(path: str) -> str:
    """A path as one word of pre-commit's entry (split like a shell line), inside YAML."""
    import shlex

    word = shlex.quote(path)
    return word if word == path else "'" + word.replace("'", "''") + "'"


def write_starter(directory: Path, force: bool = False) -> list[Path]:
    """Write the starter files into ``directory``; the paths written, in order."""
    # pre-commit reads its configuration at the top of the git work tree only.
    top = _work_tree_top(directory)
    folder = None
    if top is not None and top != directory.resolve():
        folder = directory.resolve().relative_to(top).as_posix()
    hook = (top if folder else directory) / ".pre-commit-config.yaml"
    files = {
        directory / "claims.yaml": STARTER_CATALOG,
        directory / "references" / "datapackage.json": json.dumps(STARTER_DATAPACKAGE, indent=2)
        + "\n",
        hook: pre_commit_config(sys.executable, folder),
    }
    existing = [path for path in files if path.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        raise InputError(f"{names}: already exists (use --force to overwrite)")
    written = []
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as out:
            out.write(content)
        written.append(path)
    return written


def _work_tree_top(directory: Path) -> Path | None:
    """The top of the git work tree ``directory`` is (or will be) in; None outside one."""
    import subprocess

    existing = directory.resolve()
    while not existing.is_dir():
        existing = existing.parent
    try:
        found = subprocess.run(["git", "-C", str(existing), "rev-parse", "--show-toplevel"],
                               capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    if found.returncode != 0 or not found.stdout.strip():
        return None
    top = Path(found.stdout.strip()).resolve()
    return top if directory.resolve().is_relative_to(top) else None
