"""Score extraction against the hand-made labels of the seed corpus.

    python tests/score.py [--details] [--seeds DIR]

For each seed document: precision and recall of claims (a predicted claim matches a label
when it is on the label's line and its span overlaps the label's surface there), and, over
matched claims, how often value, unit, qualifier and period are right. Labels marked
``optional`` are counted neither for nor against. Run it after every change to the extractor.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "labels"
SEEDS = ROOT.parent / "shared" / "seeds"
FIELDS = ("value", "unit", "qualifier", "period")


@dataclass
class DocScore:
    name: str
    labels: int = 0
    predicted: int = 0
    matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labels if self.labels else 1.0

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.matched if self.matched else 1.0


def _spans_on_line(line_text: str, surface: str) -> list[tuple[int, int]]:
    """1-based column spans [start, end) of every occurrence of surface on the line."""
    spans, pos = [], line_text.find(surface)
    while pos != -1:
        spans.append((pos + 1, pos + 1 + len(surface)))
        pos = line_text.find(surface, pos + 1)
    return spans


def _same_value(label_value: object, value: float | None) -> bool:
    if label_value is None:
        return True
    if value is None:
        return False
    return math.isclose(float(label_value), value, rel_tol=1e-3, abs_tol=1e-9)


def score_document(seed: Path, label_file: Path, catalog=None) -> DocScore:
    from factcheck.pipeline import extract_file

    data = yaml.safe_load(label_file.read_text(encoding="utf-8"))
    # An undated document's labels may give its date, which the scorer passes as --as-of would.
    claims = extract_file(seed, catalog, as_of=data.get("as_of"))
    lines = seed.read_text(encoding="utf-8").split("\n")
    result = DocScore(seed.name)
    result.predicted = len(claims)
    by_line: dict[int, list] = {}
    for claim in claims:
        by_line.setdefault(claim.line, []).append(claim)
    used: set[str] = set()
    optional_hits: set[str] = set()
    for label in data["claims"]:
        line = label["line"]
        spans = _spans_on_line(lines[line - 1], str(label["surface"]))
        best, best_overlap = None, 0
        for claim in by_line.get(line, []):
            if claim.id in used or claim.end_line != claim.line:
                continue
            for start, end in spans:
                overlap = min(end, claim.end_column) - max(start, claim.column)
                if overlap <= 0:
                    continue
                # Where a surface occurs several times on a line, the right value decides.
                if _same_value(label.get("value"), claim.value):
                    overlap += 1000
                if overlap > best_overlap:
                    best, best_overlap = claim, overlap
        where = f"{seed.name}:{line} {label['surface']!r}"
        if label.get("optional"):
            if best is not None:
                optional_hits.add(best.id)
                used.add(best.id)
            continue
        result.labels += 1
        if best is None:
            result.misses.append(where)
            continue
        used.add(best.id)
        result.matched += 1
        got = {"value": best.value, "unit": best.unit, "qualifier": best.qualifier,
               "period": best.period}  # fmt: skip
        for name in FIELDS:
            want = label.get(name)
            ok = _same_value(want, got[name]) if name == "value" else (
                (str(want) if want is not None else None) == got[name])  # fmt: skip
            if ok:
                result.correct[name] += 1
            else:
                result.wrong.append(f"{where} {name}: want {want!r} got {got[name]!r}")
    result.predicted -= len(optional_hits)
    for claim in claims:
        if claim.id not in used:
            result.extras.append(f"{seed.name}:{claim.line}:{claim.column} {claim.surface!r} "
                                 f"({claim.kind}, {claim.unit})")  # fmt: skip
    return result


def score_all(seeds: Path = SEEDS) -> list[DocScore]:
    """Extraction as `factcheck extract` runs it: with the shipped catalog (its named
    periods date "Trump's first term" and the like)."""
    from factcheck.catalog import default_catalog_path, load_catalog

    catalog = load_catalog(default_catalog_path())
    results = []
    for label_file in sorted(LABELS.glob("*.yaml")):
        seed = seeds / (label_file.stem + ".txt")
        if seed.exists():
            results.append(score_document(seed, label_file, catalog))
    return results


def format_table(results: list[DocScore]) -> str:
    head = f"{'document':<28} {'labels':>6} {'found':>6} {'match':>6} {'prec':>6} {'recall':>6}"
    head += "".join(f" {name:>9}" for name in FIELDS)
    rows = [head]
    total = DocScore("all")
    for r in results:
        rows.append(_row(r))
        total.labels += r.labels
        total.predicted += r.predicted
        total.matched += r.matched
        for name in FIELDS:
            total.correct[name] += r.correct[name]
    rows.append(_row(total))
    return "\n".join(rows)


def _row(r: DocScore) -> str:
    row = f"{r.name:<28} {r.labels:>6} {r.predicted:>6} {r.matched:>6} "
    row += f"{r.precision:>6.1%} {r.recall:>6.1%}"
    row += "".join(f" {r.accuracy(name):>9.1%}" for name in FIELDS)
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list misses, extras and errors")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    if not args.seeds.is_dir():
        print(f"no seed corpus at {args.seeds}", file=sys.stderr)
        return 2
    results = score_all(args.seeds)
    print(format_table(results))
    if args.details:
        for r in results:
            for title, items in (("missed", r.misses), ("extra", r.extras), ("wrong", r.wrong)):
                for item in items:
                    print(f"{title:>6}: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
