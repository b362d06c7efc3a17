"""Score factcheck on the real-prose development set (../shared/real-prose), per document.

    python tests/score_real.py [--details] [--corpus DIR]

Extracts every document as `factcheck extract` does (default catalog), pairs each claim with
the hand label whose surface overlaps it on the same line (as the corpus's own
score_factcheck.py does), and prints per document and overall:

- reading recall: labelled claims found / labelled claims;
- claims on non-quantities: tool claims on labels that are not claims / those labels;
- attribution precision: right measure / claims given a measure (on labelled claims);
- attribution recall: right measure / labels with a measure;
- period accuracy: right period / claims attributed to the right measure;

then runs `factcheck check` on the corpus and splits its error and warning findings into the
publishers' known slips (labels with a `slip`) and the rest. `--details` lists every miss.
The corpus is a development set: this script never copies its text anywhere.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "real-prose"
sys.path.insert(0, str(ROOT))


def label_spans(corpus: Path) -> list[tuple[dict, int, int]]:
    labels = [json.loads(line) for line in (corpus / "labels.jsonl").open(encoding="utf-8")]
    lines: dict[str, list[str]] = {}
    seen: collections.Counter = collections.Counter()
    spans = []
    for label in labels:
        if label["file"] not in lines:
            text = (corpus / label["file"]).read_text(encoding="utf-8")
            lines[label["file"]] = text.split("\n")
        text = lines[label["file"]][label["line"] - 1]
        starts = [m.start() for m in re.finditer(re.escape(label["surface"]), text)]
        key = (label["file"], label["line"], label["surface"])
        start = starts[min(seen[key], len(starts) - 1)]
        seen[key] += 1
        spans.append((label, start, start + len(label["surface"])))
    return spans


def document_dates(corpus: Path) -> dict[str, str]:
    """Each document's date from the corpus manifest, given as `--as-of` would be: an editor
    knows when the text they check was published, and "last year" depends on it."""
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8")) or {}
    entries = manifest.get("documents", manifest) if isinstance(manifest, dict) else manifest
    dates = {}
    for entry in entries if isinstance(entries, list) else []:
        m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(entry.get("date") or ""))
        if entry.get("file") and m:
            dates[entry["file"]] = f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"
    return dates


def pair(claims: list[dict], spans: list[tuple[dict, int, int]]) -> list[tuple[dict, int | None]]:
    pairs = []
    for claim in claims:
        name = Path(claim["doc"]).name
        a = claim["column"] - 1
        b = claim["end_column"] - 1 if claim["end_line"] == claim["line"] else 10**9
        hit = next(
            (
                i
                for i, (d, s, e) in enumerate(spans)
                if d["file"] == name and d["line"] == claim["line"] and a < e and s < b
            ),
            None,
        )
        pairs.append((claim, hit))
    return pairs


def period_right(gold: str | None, got: str | None) -> bool:
    return (gold or None) == (got or None)


def score(corpus: Path, details: bool) -> dict:
    from factcheck.catalog import default_catalog_path, load_catalog
    from factcheck.pipeline import extract_file

    catalog = load_catalog(default_catalog_path())
    spans = label_spans(corpus)
    files = sorted({d["file"] for d, _, _ in spans})
    dates = document_dates(corpus)
    claims = []
    for name in files:
        claims.extend(c.to_dict() for c in extract_file(corpus / name, catalog, dates.get(name)))
    pairs = pair(claims, spans)
    per: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    misses: list[str] = []
    found_labels = set()
    for claim, i in pairs:
        doc = Path(claim["doc"]).name
        if i is None:
            per[doc]["unlabelled"] += 1
            misses.append(f"unlabelled claim {doc}:{claim['line']} {claim['surface']!r}")
            continue
        label = spans[i][0]
        if not label["claim"]:
            per[doc]["on_nonclaims"] += 1
            misses.append(f"non-quantity read {doc}:{label['line']} {label['surface']!r}")
            continue
        if i in found_labels:
            continue  # two claims on one label count once
        found_labels.add(i)
        gold, got = label["measure"], claim.get("measure")
        if got:
            per[doc]["attributed"] += 1
            if got == gold:
                per[doc]["right"] += 1
                if period_right(label["period"], claim.get("period")):
                    per[doc]["period_right"] += 1
                else:
                    misses.append(
                        f"period {doc}:{label['line']} {label['surface']!r}: gold "
                        f"{label['period']}, got {claim.get('period')}"
                    )
            else:
                why = "; ".join(claim.get("attribution") or [])
                misses.append(
                    f"wrong {doc}:{label['line']} {label['surface']!r}: gold {gold}, got {got}"
                    f" [{why}]"
                )
        elif gold:
            why = "; ".join(claim.get("attribution") or [])
            misses.append(f"missed {doc}:{label['line']} {label['surface']!r}: gold {gold} [{why}]")
    for i, (label, _, _) in enumerate(spans):
        doc = label["file"]
        if label["claim"]:
            per[doc]["claims"] += 1
            per[doc]["found"] += i in found_labels
            if label["measure"]:
                per[doc]["measures"] += 1
                if i not in found_labels:
                    misses.append(
                        f"not read {doc}:{label['line']} {label['surface']!r} ({label['measure']})"
                    )
        else:
            per[doc]["nonclaims"] += 1
    total: collections.Counter = collections.Counter()
    print(f"{'document':<52} {'read':>7} {'nonq':>6} {'prec':>6} {'recall':>6} {'period':>6}")
    for doc in files:
        row = per[doc]
        total.update(row)
        print(_row(doc, row))
    print(_row("overall", total))
    if details:
        print()
        for line in misses:
            print(line)
    return total


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def _row(name: str, row: collections.Counter) -> str:
    return (
        f"{name[:52]:<52} {_ratio(row['found'], row['claims']):>7} "
        f"{_ratio(row['on_nonclaims'], row['nonclaims']):>6} "
        f"{_ratio(row['right'], row['attributed']):>6} {_ratio(row['right'], row['measures']):>6} "
        f"{_ratio(row['period_right'], row['right']):>6}"
    )


def findings(corpus: Path) -> None:
    """The error and warning findings of `factcheck check`, split into known slips and rest."""
    from factcheck.catalog import default_catalog_path, load_catalog
    from factcheck.pipeline import run_check
    from factcheck.references import load_references

    catalog = load_catalog(default_catalog_path())
    references = load_references()
    paths = sorted(str(p) for p in corpus.iterdir() if re.match(r"\d\d-", p.name))
    report = run_check(paths, catalog, references)
    spans = label_spans(corpus)
    slips = {(d["file"], d["line"]) for d, _, _ in spans if d.get("slip")}
    words = sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)
    known, other = [], []
    for finding in report.findings:
        if finding.severity not in ("error", "warning"):
            continue
        first = finding.claims[0]
        where = (Path(first["doc"]).name, first["line"])
        line = f"{finding.severity} {finding.rule} {where[0]}:{where[1]} {finding.message[:160]}"
        (known if where in slips else other).append((finding.severity, line))
    print()
    errors_other = sum(1 for s, _ in other if s == "error")
    print(f"check: {len(known)} findings on known slips, {len(other)} others "
          f"({errors_other} errors; {words} words, {errors_other / words * 10000:.2f} "
          "errors per 10,000 words)")  # fmt: skip
    reported = {line.split()[2] for _, line in known}
    print(f"slips reported: {len(reported)} of {len(slips)} slip lines")
    for _, line in known:
        print("  slip:", line)
    for _, line in other:
        print("  other:", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--details", action="store_true", help="list every miss")
    parser.add_argument("--no-check", action="store_true", help="skip the check findings")
    args = parser.parse_args()
    if not (args.corpus / "labels.jsonl").exists():
        print(f"no real-prose corpus at {args.corpus}; nothing to score")
        return 0
    score(args.corpus, args.details)
    if not args.no_check:
        findings(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
