"""Runaway catalog patterns on a 10,000-character draft: refused, or finished in under a second.

    python benchmarks/runaway_patterns.py [--chars 10000]

Each pattern of issue 14 that backtracks for tens of seconds (or forever) on Python's re is put
alone in a catalog's terms; the catalog is loaded (a refusal is reported with its message) and
a draft whose one sentence holds the pattern's worst case is read, extracted, matched and
checked with it, in this process's CPU time. A YAML alias bomb in a catalog must be refused.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

# (pattern, the text it runs away on: many a's without the b or end it wants)
PATTERNS = [
    ("(a|a)*$", "a"),
    ("(a|aa)+$", "a"),
    ("(?:a?){25}a{25}", "a"),
    (".*a.*a.*a.*a.*a.*b", "a"),
    ("(a+)+b", "a"),
    ("(x+x+)+y", "x"),
    ("(\\w+\\s?)+$", "a "),
]


def catalog_text(pattern: str) -> str:
    quoted = pattern.replace("'", "''")
    return ("version: 1\nmeasures:\n  - id: test.runaway\n    label: Runaway\n    unit: count\n"
            f"    terms:\n      any: ['{quoted}']\n")  # fmt: skip


def alias_bomb() -> str:
    rows = ["version: 1", 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        rows.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(rows + ["measures: []"]) + "\n"


def main(argv: list[str] | None = None) -> int:
    from factcheck.catalog import load_catalog
    from factcheck.errors import FactcheckError
    from factcheck.pipeline import run_check
    from factcheck.references import load_references

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=10_000)
    args = parser.parse_args(argv)
    references = load_references()
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for pattern, unit in PATTERNS:
            catalog_path = Path(folder) / "claims.yaml"
            catalog_path.write_text(catalog_text(pattern), encoding="utf-8")
            draft = Path(folder) / "draft.txt"
            body = (unit * (args.chars // len(unit) + 1))[: args.chars - 30]
            draft.write_text(f"They counted 12 {body} in 2021.\n", encoding="utf-8")
            t0 = time.process_time()
            try:
                catalog = load_catalog(catalog_path)
            except FactcheckError as exc:
                print(f"{pattern:<24} refused: {exc}")
                continue
            report = run_check([str(draft)], catalog, references)
            took = time.process_time() - t0
            worst = max(worst, took)
            print(f"{pattern:<24} {len(draft.read_text()):,} chars, {len(report.claims)} claims, "
                  f"{took:.3f} s CPU")  # fmt: skip
        bomb = Path(folder) / "bomb.yaml"
        bomb.write_text(alias_bomb(), encoding="utf-8")
        try:
            load_catalog(bomb)
            print("YAML alias bomb: ACCEPTED")
            bomb_refused = False
        except FactcheckError as exc:
            print(f"YAML alias bomb: refused: {exc}")
            bomb_refused = True
    print(f"slowest: {worst:.3f} s CPU ({'under' if worst < 1 else 'OVER'} one second)")
    return 0 if worst < 1 and bomb_refused else 1


if __name__ == "__main__":
    sys.exit(main())
