"""The command line: parses options, composes the stages, sets the exit code.

Exit codes (contract): 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or input errors; 3 an internal error (a bug, with its traceback). User errors
are printed as one line naming the file (and line), never as a traceback.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import click

from . import __version__
from .errors import FactcheckError
from .output import refuse_output_among_inputs

_IMPORTED = time.perf_counter()  # the fallback start: when the CLI module was loaded
SCHEMAS = ("claim", "report", "catalog")
INTERNAL_ERROR = 3  # exit code of an unexpected exception: a bug, never the user's input
log = logging.getLogger("factcheck")


class _StderrHandler(logging.Handler):
    """Warnings go to standard error as "factcheck: warning: ...", without logging's noise."""

    def emit(self, record: logging.LogRecord) -> None:
        level = "warning" if record.levelno >= logging.WARNING else "info"
        click.echo(f"factcheck: {level}: {record.getMessage()}", err=True)


def _setup_logging() -> None:
    if not any(isinstance(h, _StderrHandler) for h in log.handlers):
        log.addHandler(_StderrHandler())
    log.setLevel(logging.WARNING)
    log.propagate = False


def _check_date(value: str | None) -> str | None:
    """--as-of must be an ISO date: a typo must not silently resolve "last year" wrongly."""
    from .config import ISO_DATE

    if value is not None and not ISO_DATE.fullmatch(value):
        raise click.BadParameter(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or -o FILE written whole or not at all (see output.atomic_write)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    from .output import atomic_write

    try:
        with atomic_write(path, newline="") as out:
            yield out
    except OSError as err:
        raise FactcheckError(f"{path}: cannot write: {err.strerror or err}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Find numeric claims in documents and check them against each other and reference data."""
    _setup_logging()


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv", "yaml"]),
              default="jsonl", show_default=True, help="Output format.")  # fmt: skip
@click.option("-o", "--output", "output", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--include", multiple=True, metavar="GLOB", help="Only read files matching GLOB.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB.")
@click.option("--catalog", metavar="FILE", help="Measure catalog (default: the project's claims.yaml, else the shipped one).")  # fmt: skip
@click.option("--no-catalog", is_flag=True, help="Do not match claims to measures.")
@click.option("--as-of", metavar="DATE", callback=lambda c, p, v: _check_date(v),
              help="Document date (YYYY, YYYY-MM or YYYY-MM-DD) for relative periods.")  # fmt: skip
@click.option("--stdin-filename", metavar="NAME", help="The file standard input (-) holds.")
def extract(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    catalog: str | None,
    no_catalog: bool,
    as_of: str | None,
    stdin_filename: str | None,
) -> None:
    """Extract the numeric claims of PATH... (files, directories, or - for stdin)."""
    from .load import iter_paths
    from .pipeline import iter_claims
    from .report.claims import write_claims

    project, given = _with_project(_for_discovery(paths, stdin_filename), catalog=catalog, include=include, exclude=exclude,
                                   as_of=as_of)  # fmt: skip
    catalog, include, exclude, as_of = (
        given[k] for k in ("catalog", "include", "exclude", "as_of")
    )
    cat = None if no_catalog else _load_catalog(catalog, project)
    # Every path is found before anything is written, so a missing one stops the run clean.
    inputs = list(iter_paths(list(paths), list(include), list(exclude)))
    if not inputs:
        raise FactcheckError(f"no documents to read in {', '.join(paths)}")
    refuse_output_among_inputs(output, [*paths, *inputs])

    read = []  # the inputs that gave a document (a binary one skipped, a scan, give none)

    def claims_by_document():
        for path in inputs:
            for claims in iter_claims(path, cat, as_of, stdin_filename):  # section by section
                read[:] = [True]
                yield claims

    with _output(output) as out:
        if fmt == "jsonl":
            # One line per claim, written section by section: memory stays flat however
            # many documents are read, and however large one is.
            for claims in claims_by_document():
                write_claims(claims, fmt, out)
        else:
            write_claims([c for claims in claims_by_document() for c in claims], fmt, out)
    if not read:
        raise FactcheckError(
            f"none of the inputs could be read as a document: {', '.join(map(str, inputs[:5]))}"
            + (f" and {len(inputs) - 5} more" if len(inputs) > 5 else "")
        )


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--catalog", metavar="FILE", help="Measure catalog (default: the project's claims.yaml, else the shipped one).")  # fmt: skip
@click.option("--references", "references_dir", metavar="DIR", help="Reference datasets (default: the project's references/, else the shipped ones).")  # fmt: skip
@click.option("--format", "fmt",
              type=click.Choice(["text", "json", "sarif", "csv", "html", "github", "gitlab", "junit", "docx"]),
              default="text", show_default=True,
              help="Output format (github: Actions annotations; gitlab: Code Quality JSON; junit: XML; docx: the Word draft with a comment on each finding, -o required).")  # fmt: skip
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding is at least this severe.")  # fmt: skip
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Extract in N processes.")  # fmt: skip
@click.option("--include", multiple=True, metavar="GLOB", help="Only read files matching GLOB.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB.")
@click.option("--as-of", metavar="DATE", callback=lambda c, p, v: _check_date(v),
              help="Document date (YYYY, YYYY-MM or YYYY-MM-DD) for relative periods.")  # fmt: skip
@click.option("--show-verified", "-v", "verbose", is_flag=True, help="Also list the claims that were verified.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)  # fmt: skip
@click.option("--explain", metavar="ID", help="Show the whole reasoning behind one finding (with --format json: its JSON form).")  # fmt: skip
@click.option("--corpus", multiple=True, metavar="PATH",
              help="Also read PATH as evidence; report only findings that involve PATH... (for hooks).")  # fmt: skip
@click.option("--cache-dir", default=".factcheck-cache", show_default=True, metavar="DIR",
              help="Where extracted claims are cached by file content.")  # fmt: skip
@click.option("--no-cache", is_flag=True, help="Do not read or write the claim cache.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Report only these rules: ids, families or globs, comma-separated (see: factcheck rules).")  # fmt: skip
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not report these rules.")
@click.option("--statistics", is_flag=True, help="Count the findings per rule instead of listing them (text format only).")  # fmt: skip
@click.option("--stdin-filename", metavar="NAME", help="The file standard input (-) holds: its name in findings, format and configuration.")  # fmt: skip
def check(
    paths: tuple[str, ...],
    catalog: str | None,
    references_dir: str | None,
    fmt: str,
    output: str | None,
    fail_on: str,
    jobs: int,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    as_of: str | None,
    verbose: bool,
    quiet: bool,
    color: str,
    explain: str | None,
    corpus: tuple[str, ...],
    cache_dir: str,
    no_cache: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    statistics: bool,
    stdin_filename: str | None,
) -> int:
    """Check the claims of PATH... against each other and the reference data."""
    from .pipeline import run_check
    from .report import render

    project, given = _with_project(
        _for_discovery(paths, stdin_filename), catalog=catalog, references_dir=references_dir, fail_on=fail_on, select=select,
        ignore=ignore, include=include, exclude=exclude, as_of=as_of, cache_dir=cache_dir,
    )  # fmt: skip
    catalog, references_dir, fail_on = given["catalog"], given["references_dir"], given["fail_on"]
    select, ignore, include, exclude = (
        given[k] for k in ("select", "ignore", "include", "exclude")
    )
    as_of, cache_dir = given["as_of"], given["cache_dir"]
    selected = _selected_rules(select, ignore)

    if fmt == "docx" and output in (None, "-"):
        raise click.UsageError(
            "--format docx writes a reviewed copy of the draft: give -o FILE.docx"
        )
    # --statistics replaces the text report's list of findings; no other output has such a
    # list to replace, so it is refused there rather than silently dropped.
    if statistics and fmt != "text":
        raise click.UsageError(
            f"--statistics counts findings in the text report; it cannot be used with "
            f"--format {fmt}"
        )
    if statistics and explain:
        raise click.UsageError("--statistics and --explain each replace the report: give one")
    # --explain shows one finding: as text, or as its JSON form; no other format has a form
    # for one finding, so it is refused there rather than answered in text.
    if explain and fmt not in ("text", "json"):
        raise click.UsageError(
            f"--explain shows one finding as text or JSON; it cannot be used with --format {fmt}"
        )
    if output not in (None, "-"):
        from .load import iter_paths

        every = [*paths, *corpus]
        refuse_output_among_inputs(
            output, [*every, *iter_paths(every, list(include), list(exclude))]
        )
    cat = _load_catalog(catalog, project, None if no_cache else cache_dir)
    refs = _load_references(references_dir, project)
    report = run_check(list(paths), cat, refs, include=list(include), exclude=list(exclude),
                       as_of=as_of, jobs=jobs, corpus=list(corpus),
                       cache_dir=None if no_cache else cache_dir,
                       progress=_progress_bar(quiet), rules=selected,
                       started=_STARTED, stdin_name=stdin_filename)  # fmt: skip
    if fmt == "docx":
        from .report.docx_review import write_review

        write_review(report, output, verbose=verbose)
        return exit_code(report.findings, fail_on)
    with _output(output) as out:
        if explain:
            from .report.text import find_finding, render_explain

            try:
                if fmt == "json":
                    finding = find_finding(report, explain).to_dict()
                    out.write(json.dumps(finding, ensure_ascii=False, indent=2) + "\n")
                else:
                    render_explain(report, explain, out)
            except KeyError:
                raise FactcheckError(f"no finding with id {explain!r}") from None
        else:
            use_color = color == "always" or (
                color == "auto" and out is sys.stdout and sys.stdout.isatty()
                and "NO_COLOR" not in os.environ
            )  # fmt: skip
            render(report, fmt, out, color=use_color, quiet=quiet, verbose=verbose,
                   references=refs, catalog=cat, statistics=statistics)  # fmt: skip
    return exit_code(report.findings, fail_on)


def _selected_rules(select, ignore) -> frozenset[str]:
    """The rule ids --select and --ignore leave; a selector naming no rule is a usage error."""
    from .rules import select as choose

    try:
        return choose(select, ignore)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


# A bar only when reading takes long enough to wonder about, and only for a person watching.
PROGRESS_MIN_DOCUMENTS = 5


def _progress_bar(quiet: bool):
    """A progress bar on standard error for many documents, when standard error is a terminal."""
    if quiet or not sys.stderr.isatty():
        return None

    def bar(results, total: int):
        if total < PROGRESS_MIN_DOCUMENTS:
            yield from results
            return
        with click.progressbar(results, length=total, label="reading", file=sys.stderr) as shown:
            yield from shown

    return bar


def exit_code(findings, fail_on: str) -> int:
    """1 when a finding is at or above --fail-on, else 0 (suppressed ones are already gone)."""
    if fail_on == "never":
        return 0
    levels = ("error",) if fail_on == "error" else ("error", "warning")
    return 1 if any(f.severity in levels for f in findings) else 0


@cli.group()
def references() -> None:
    """List and show the reference datasets."""


@references.command("list")
@click.option("--references", "references_dir", metavar="DIR", help="Reference datasets directory.")
def references_list(references_dir: str | None) -> None:
    """One line per dataset: name, rows, measures, title."""
    from .references import format_reference_list

    click.echo(format_reference_list(_load_references(references_dir)))


@references.command("show")
@click.argument("id")
@click.option("--references", "references_dir", metavar="DIR", help="Reference datasets directory.")
def references_show(id: str, references_dir: str | None) -> None:
    """The rows of a dataset or of a measure, with status and source."""
    from .references import format_reference_show

    refs = _load_references(references_dir)
    try:
        click.echo(format_reference_show(refs, id))
    except KeyError:
        raise FactcheckError(
            f"no dataset or measure named {id!r} (see: factcheck references list)"
        ) from None


@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init(directory: str, force: bool) -> None:
    """Start a project in DIRECTORY: a catalog and a references/ that extend the shipped ones,
    and a pre-commit hook (at the top of the git work tree, for DIRECTORY's drafts)."""
    from .init import write_starter

    for path in write_starter(Path(directory), force=force):
        click.echo(f"wrote {path}")


@cli.command("rules")
@click.argument("rule_id", required=False, metavar="[RULE]")
def rules_command(rule_id: str | None) -> None:
    """List the rules (id, family, default severity, summary), or describe one."""
    from .rules import RULES, get

    if rule_id is None:
        width = max(len(r.id) for r in RULES)
        for rule in RULES:
            click.echo(f"{rule.id:<{width}}  {rule.family:<11}  {rule.severity:<7}  {rule.summary}")
        return
    try:
        rule = get(rule_id)
    except KeyError as exc:
        raise click.UsageError(exc.args[0]) from None
    click.echo(f"{rule.id} ({rule.name}): {rule.summary}")
    click.echo(f"family {rule.family}, default severity {rule.severity}")
    click.echo()
    click.echo(rule.description)


@cli.command()
@click.argument("name", type=click.Choice(SCHEMAS))
def schema(name: str) -> None:
    """Print the JSON Schema of a claim, a report or the catalog (self-contained: the report's
    schema holds the claim's)."""
    from .schema import bundled

    click.echo(json.dumps(bundled(name), indent=2, ensure_ascii=False))


# Configuration keys (config.KEYS) and the parameters of the commands they set.
_CONFIGURED = {
    "catalog": "catalog",
    "references": "references_dir",
    "fail-on": "fail_on",
    "select": "select",
    "ignore": "ignore",
    "include": "include",
    "exclude": "exclude",
    "as-of": "as_of",
}


def _for_discovery(paths, stdin_filename: str | None) -> list[str]:
    """The paths configuration is searched from: standard input stands for the file it holds."""
    if stdin_filename is None:
        return list(paths)
    return [stdin_filename if p == "-" else p for p in paths]


def _with_project(paths, **given):
    """The project of the files checked (config.find_project) and the options with its
    configuration applied: a key sets an option the command line left at its default."""
    from click.core import ParameterSource

    from .config import find_project, shown

    project = find_project(list(paths))
    context = click.get_current_context()
    for key, name in _CONFIGURED.items():
        if name in given and key in project.values:
            if context.get_parameter_source(name) in (ParameterSource.DEFAULT, None):
                given[name] = project.values[key]
    if given.get("as_of") is not None:
        given["as_of"] = _check_date(given["as_of"])
    if (
        "cache_dir" in given
        and context.get_parameter_source("cache_dir") == ParameterSource.DEFAULT
    ):
        # One cache per project, wherever in it factcheck is run from.
        given["cache_dir"] = shown(project.root / given["cache_dir"])
    return project, given


def _load_catalog(path: str | None, project=None, cache_dir: str | None = None):
    """The catalog named, else the project's claims.yaml when present, else the shipped one;
    with ``cache_dir``, a catalog found valid once is not validated against the schema again."""
    from .catalog import default_catalog_path, load_catalog
    from .config import find_project

    if path is None:
        project = project or find_project([])
        path = project.default_catalog() or str(default_catalog_path())
    validated = Path(cache_dir) / "valid-catalogs" if cache_dir else None
    return load_catalog(path, validated=validated)


def _load_references(directory: str | None, project=None):
    """The directory named, else the project's references/ when present, else the shipped
    datasets."""
    from .config import find_project
    from .references import load_references

    if directory is None:
        directory = (project or find_project([])).default_references()
    return load_references(directory)


# When this run started, as a time.perf_counter() reading, for the summary's time: main()
# sets it (from the start of the process when it is the process's command line).
_STARTED: float | None = None


def _process_age() -> float | None:
    """Seconds since this process started (Linux: /proc), so the summary's time includes the
    interpreter's start-up and the imports; None where that cannot be read."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as uptime:
            up = float(uptime.read().split()[0])
        return max(0.0, up - int(fields[19]) / os.sysconf("SC_CLK_TCK"))  # field 22: starttime
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the CLI and turns user errors into exit code 2.

    ``argv`` None is the process's own command line (the console script): the time reported
    then counts from the start of the process; otherwise from this call.
    """
    global _STARTED
    now = time.perf_counter()
    if argv is None:
        age = _process_age()
        _STARTED = now - age if age is not None else _IMPORTED
    else:
        _STARTED = now
    try:
        # Without standalone mode click returns what the command returned: `check` returns
        # its exit code, the other commands None.
        result = cli.main(args=argv, prog_name="factcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except FactcheckError as exc:
        click.echo(f"factcheck: error: {exc}", err=True)
        return 2
    except BrokenPipeError:
        # The reader went away (`factcheck extract | head`): not an error of ours.
        sys.stderr.close()
        return 0
    except Exception:
        # A bug of ours, not the user's: the traceback is for the bug report, and the exit
        # code is not 1, which `check` uses for "findings found".
        import traceback

        traceback.print_exc()
        click.echo(f"factcheck: internal error (factcheck {__version__}); please report it "
                   "with the input that caused it", err=True)  # fmt: skip
        return INTERNAL_ERROR
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
