"""kill -9 during `factcheck check -o`: the report is the previous one or the new one, whole.

    python benchmarks/kill_writes.py [--runs 100] [--seed 14]

Each run starts `factcheck check --format json -o report.json` on a folder of drafts and
kills it with SIGKILL at a random moment: every other run anywhere in the run (calibrated on
one uninterrupted run), the others while the report is being written (once a temporary file
appears beside it, or the report itself changes), where a kill does its harm. After every
kill, report.json must be either the previous file, byte for byte, or a complete JSON report.
tests/test_output.py runs a few of these; this script runs as many as asked.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

DRAFT = "Officials counted 1,234 arrests in 2021, and about 5,600 in 2022.\n"
PREVIOUS = b'{"previous": true}\n'


def kill_during_writes(workdir: Path, runs: int, seed: int) -> Counter:
    """Counts of what report.json was after each killed run: "old" or "new" (a violation
    raises AssertionError)."""
    drafts = workdir / "drafts"
    drafts.mkdir(exist_ok=True)
    for i in range(20):
        (drafts / f"d{i}.md").write_text(DRAFT * 40)
    report = workdir / "report.json"
    args = [sys.executable, "-m", "factcheck.cli", "check", "--no-cache", "--format", "json",
            "-o", str(report), str(drafts)]  # fmt: skip
    started = time.perf_counter()
    subprocess.run(args, cwd=workdir, capture_output=True, check=False)
    whole = time.perf_counter() - started
    json.loads(report.read_bytes())
    rng = random.Random(seed)
    seen: Counter = Counter()
    for run in range(runs):
        report.write_bytes(PREVIOUS)
        proc = subprocess.Popen(args, cwd=workdir, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        if run % 2:
            time.sleep(whole * rng.uniform(0.0, 1.1))
        else:
            _wait_for_writing(proc, report)
            time.sleep(rng.uniform(0.0, 0.03))
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = report.read_bytes()
        if now == PREVIOUS:
            seen["old"] += 1
        else:
            json.loads(now)  # a partial report is not JSON
            seen["new (finished)" if finished else "new"] += 1
    return seen


def _wait_for_writing(proc: subprocess.Popen, report: Path) -> None:
    """Until the report starts being written (or the run ends)."""
    while proc.poll() is None:
        if any(report.parent.glob(f".{report.name}.*")) or report.read_bytes() != PREVIOUS:
            return
        time.sleep(0.001)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        started = time.perf_counter()
        seen = kill_during_writes(Path(work), args.runs, args.seed)
        took = time.perf_counter() - started
    print(f"{args.runs} runs killed with SIGKILL in {took:.0f} s: {dict(seen)}; "
          "never a partial report")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
