"""Output formats: one module per format, each a plain function of a Report.

Every format module is imported only when its format is asked for: the pre-commit hook prints
text and must start fast, and pandas (csv) and matplotlib (html) take most of a second to load.
"""

from __future__ import annotations

from typing import Any, TextIO

from ..model import Report

FORMATS = ("text", "json", "sarif", "csv", "html", "github", "gitlab", "junit")
# Every option any format takes. A caller may pass them all whatever the format (a format
# ignores the ones it has no use for); an unknown name is an error, so a typo does not pass.
OPTIONS = frozenset({"color", "quiet", "verbose", "references", "catalog", "statistics"})


def render(report: Report, fmt: str, out: TextIO, **options: Any) -> None:
    """Write ``report`` to ``out`` in one of FORMATS.

    Options: text uses ``color``, ``quiet``, ``verbose`` and ``statistics`` (counts per rule
    instead of the findings; all False by default); sarif, github and gitlab use
    ``verbose`` (verified and unverifiable claims as results of kind pass); html uses
    ``references`` (a ReferenceSet, for the charts; None draws none) and ``catalog`` (the
    measures' labels and reference ids, for the charts).
    """
    unknown = sorted(set(options) - OPTIONS)
    if unknown:
        raise TypeError(f"unknown report option(s): {', '.join(unknown)}")
    if fmt == "text":
        from .text import render_text

        render_text(
            report,
            out,
            color=bool(options.get("color", False)),
            quiet=bool(options.get("quiet", False)),
            verbose=bool(options.get("verbose", False)),
            statistics=bool(options.get("statistics", False)),
        )
    elif fmt == "json":
        from .json_report import render_json

        render_json(report, out)
    elif fmt == "sarif":
        from .sarif import render_sarif

        render_sarif(report, out, verbose=bool(options.get("verbose", False)))
    elif fmt == "csv":
        from .csv_report import render_csv

        render_csv(report, out)
    elif fmt == "html":
        from .html import render_html

        render_html(report, out, options.get("references"), options.get("catalog"))
    elif fmt == "github":
        from .github import render_github

        render_github(report, out, verbose=bool(options.get("verbose", False)))
    elif fmt == "gitlab":
        from .gitlab import render_gitlab

        render_gitlab(report, out, verbose=bool(options.get("verbose", False)))
    elif fmt == "junit":
        from .junit import render_junit

        render_junit(report, out)
    else:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
