"""What benchmarks/docx_claims.py and pdf_claims.py compare: a draft's claims and findings
read from its text version and from the same draft in another format.

A claim is compared as (value, unit, qualifier, period, measure), as a multiset. A finding
is compared by its substance: rule, severity, measure, expected, and the value, range, unit
and period of each claim it names. Its ``actual`` also quotes the claim's words, and those
may differ where the text version has markup inside the quote (``about <span>125,000</span>``
quotes "125,000", the PDF of it "about 125,000"): such findings count as the same but are
counted and listed apart as "quoted differently", so no difference is hidden.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from factcheck.load import iter_documents
from factcheck.pipeline import extract_claims, run_check


def key(c) -> tuple:
    return (round(c.value, 6) if c.value is not None else None, c.unit, c.qualifier, c.period,
            c.measure)  # fmt: skip


def claims_of(path: Path, catalog) -> list:
    out = []
    for doc in iter_documents(path):
        out += [c for c in extract_claims(doc, catalog) if not getattr(c, "suppressed", False)]
    return out


def _number(x):
    return round(x, 6) if isinstance(x, float) else x


def finding_key(f) -> tuple:
    """A finding apart from where its claims are and how it quotes them."""
    named = tuple(
        (_number(c["value"]), _number(c["low"]), _number(c["high"]), c["unit"], c["period"])
        for c in f.claims
    )
    return (f.rule, f.severity, f.measure, str(f.expected), named)


def findings_of(path: Path, catalog, references) -> tuple[Counter, Counter]:
    """The findings of ``check`` on one file alone: by substance, and by substance with
    the words ``actual`` quotes."""
    report = run_check([str(path)], catalog, references)
    return (
        Counter(finding_key(f) for f in report.findings),
        Counter((finding_key(f), str(f.actual)) for f in report.findings),
    )


def differences(a: Counter, b: Counter) -> int:
    return sum(((a - b) + (b - a)).values())


def compare_findings(source: Path, other: Path, catalog, references, label: str, verbose: bool):
    """(findings of the text version, how many differ in substance, how many of the same
    substance quote differently); with ``verbose``, each printed."""
    text, text_quoted = findings_of(source, catalog, references)
    them, them_quoted = findings_of(other, catalog, references)
    differ = differences(text, them)
    quoted = (differences(text_quoted, them_quoted) - differ) // 2
    if verbose:
        for side, a, b in (("text", text, them), (label, them, text)):
            for k, n in (a - b).items():
                print(f"   finding only {side}: {k} x{n}")
        for side, a, b in (("text", text_quoted, them_quoted), (label, them_quoted, text_quoted)):
            for k, actual in a - b:
                if k in (text & them):
                    print(f"   quoted in {side} as {actual!r}: {k[:3]}")
    return sum(text.values()), differ, max(quoted, 0)


def print_only(label: str, missing: Counter, claims: list) -> None:
    """The claims of one side that the other lacks, with their sentences."""
    missing = Counter(missing)
    for c in claims:
        if missing.get(key(c)):
            missing[key(c)] -= 1
            print(f"   only {label}: {key(c)} {c.surface!r} :: {c.sentence[:160]!r}")
