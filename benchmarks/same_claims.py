"""What benchmarks/docx_claims.py and pdf_claims.py compare: a draft's claims and findings
read from its text version and from the same draft in another format.

A claim is compared as (value, unit, qualifier, period, measure), as a multiset. A finding
is compared by its substance: rule, severity, measure, expected, and the value, range, unit
and period of each claim it names. Its ``actual`` also quotes the claim's words, and those
may differ where the text version has markup inside the quote (``about <span>125,000</span>``
quotes "125,000", the PDF of it "about 125,000"): such findings count as the same but are
counted and listed apart as "quoted differently", so no difference is hidden.

``main`` prints the table both scripts print; each script only says which sources it reads
and how it writes a source in its format.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from factcheck.catalog import default_catalog_path, load_catalog
from factcheck.load import iter_documents
from factcheck.pipeline import extract_claims, run_check
from factcheck.references import load_references


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


def main(paths: list[Path], convert: Callable[[Path], Path], label: str, verbose: bool) -> int:
    """Per source (written in the other format by ``convert``), a row: the claims on each
    side, those only in one of them, the difference in percent of the text's claims, the
    findings of the text version, how many differ in substance and how many quote
    differently; with ``verbose``, each difference below its row. Then the totals."""
    catalog = load_catalog(default_catalog_path())
    references = load_references()
    total_text = total_diff = total_findings = total_differ = total_quoted = 0
    only = "only " + label
    print(f"{'source':28} {'text':>5} {label:>5} {'only text':>9} {only:>9} {'diff':>6}"
          f" {'findings':>8} {'differ':>6} {'quoted':>6}")  # fmt: skip
    for source in paths:
        target = convert(source)
        text_claims, other_claims = claims_of(source, catalog), claims_of(target, catalog)
        a, b = Counter(map(key, text_claims)), Counter(map(key, other_claims))
        only_text, only_other = a - b, b - a
        n_a, n_b = sum(only_text.values()), sum(only_other.values())
        diff = max(n_a, n_b) / max(len(text_claims), 1)
        total_text += len(text_claims)
        total_diff += max(n_a, n_b)
        print(f"{source.name[:28]:28} {len(text_claims):5d} {len(other_claims):5d} {n_a:9d}"
              f" {n_b:9d} {100 * diff:5.1f}%", end="", flush=True)  # fmt: skip
        found, differ, quoted = compare_findings(source, target, catalog, references, label, False)
        print(f" {found:8d} {differ:6d} {quoted:6d}")
        if verbose:
            compare_findings(source, target, catalog, references, label, True)
            print_only("text", only_text, text_claims)
            print_only(label, only_other, other_claims)
        total_findings += found
        total_differ += differ
        total_quoted += quoted
    share = 100 * total_diff / max(total_text, 1)
    print(f"{'all':28} {total_text:5d} {'':5} {'':9} {'':9} {share:5.1f}% {total_findings:8d}"
          f" {total_differ:6d} {total_quoted:6d}")  # fmt: skip
    return 0
