"""The command line: parses options, composes the stages, sets the exit code.

Exit codes (contract): 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or input errors. User errors are printed as one line naming the file (and line),
never as a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from importlib import resources
from pathlib import Path
from typing import TextIO

import click

from . import __version__
from .errors import FactcheckError

SCHEMAS = ("claim", "report", "catalog")
log = logging.getLogger("factcheck")


class _StderrHandler(logging.Handler):
    """Warnings go to standard error as "factcheck: warning: ...", without logging's noise."""

    def emit(self, record: logging.LogRecord) -> None:
        level = "warning" if record.levelno >= logging.WARNING else "info"
        click.echo(f"factcheck: {level}: {record.getMessage()}", err=True)


def _setup_logging(verbose: bool = False) -> None:
    if not any(isinstance(h, _StderrHandler) for h in log.handlers):
        log.addHandler(_StderrHandler())
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False


def _open_output(path: str | None) -> TextIO:
    if path is None or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8", newline="")


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
@click.option("--catalog", metavar="FILE", help="Measure catalog (default ./claims.yaml, else the shipped one).")  # fmt: skip
@click.option("--no-catalog", is_flag=True, help="Do not match claims to measures.")
@click.option("--as-of", metavar="DATE", help="Document date (YYYY or YYYY-MM-DD) for relative periods.")  # fmt: skip
def extract(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    catalog: str | None,
    no_catalog: bool,
    as_of: str | None,
) -> None:
    """Extract the numeric claims of PATH... (files, directories, or - for stdin)."""
    from .load import iter_paths, load_file
    from .pipeline import extract_claims
    from .report.claims import write_claims

    cat = None if no_catalog else _load_catalog(catalog)
    claims = []
    for path in iter_paths(list(paths), list(include), list(exclude)):
        doc = load_file(path, as_of=as_of)
        if doc is not None:
            claims.extend(extract_claims(doc, cat))
    out = _open_output(output)
    try:
        write_claims(claims, fmt, out)
    finally:
        if out is not sys.stdout:
            out.close()


@cli.command()
@click.argument("name", type=click.Choice(SCHEMAS))
def schema(name: str) -> None:
    """Print the JSON Schema of a claim, a report or the catalog."""
    text = resources.files("factcheck").joinpath("schemas", f"{name}.schema.json").read_text()
    click.echo(json.dumps(json.loads(text), indent=2))


def _load_catalog(path: str | None):
    """The catalog named, else ./claims.yaml when present, else the shipped default."""
    from .catalog import default_catalog_path, load_catalog

    if path is None:
        local = Path("claims.yaml")
        path = str(local) if local.is_file() else str(default_catalog_path())
    return load_catalog(path)


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the CLI and turns user errors into exit code 2."""
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
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
