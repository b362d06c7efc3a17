"""The long fuzz campaign (`make fuzz`): generated documents through the whole pipeline, with
every invariant of tests/invariants.py, counting exceptions and violations instead of
stopping at the first.

    python tests/fuzz_campaign.py [--count 100000] [--engine auto|atheris|hypothesis]
                                  [--log fuzz-log.txt] [--seed 0]

Engines: ``atheris`` (coverage-guided, when it is installed: `pip install -e '.[fuzz]'`)
mutates bytes, starting from a corpus of documents made by tests/fuzz_inputs.py; the bytes
are read as one to three documents of a chosen format. ``hypothesis`` draws documents from
tests/fuzz_inputs.py directly (random, not coverage-guided). ``auto`` takes atheris if it
imports. The mix, per input: every one is loaded, extracted and matched alone, and each of its
claims checked; one in ``--full-every`` (default 10) also goes through check, the text, JSON,
SARIF and CSV renderers and a run with the inputs in reverse order; one in ``--html-every``
(default 500) also renders HTML. Progress and the tally go to ``--log``; each failure is
written there with its input (repr, or base64 bytes for atheris) so it can be replayed.
"""

from __future__ import annotations

import argparse
import base64
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SUFFIXES = (".txt", ".md", ".html")


class Campaign:
    def __init__(self, log: Path, full_every: int, html_every: int, limit: int) -> None:
        from factcheck.catalog import default_catalog_path, load_catalog
        from factcheck.references import load_references

        self.catalog = load_catalog(default_catalog_path())
        self.references = load_references()
        self.folder = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
        self.log = open(log, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        self.full_every, self.html_every, self.limit = full_every, html_every, limit
        self.tally: Counter = Counter()
        self.started = time.perf_counter()

    def say(self, text: str) -> None:
        self.log.write(text + "\n")
        self.log.flush()

    def one(self, docs: list[tuple[str, bytes]], shown: str) -> None:
        """Run one input (one to a few documents) and count what happened."""
        from invariants import assert_claim, check_run

        from factcheck.load import load_text
        from factcheck.pipeline import extract_claims

        n = self.tally["inputs"]
        self.tally["inputs"] += 1
        self.tally["documents"] += len(docs)
        try:
            for suffix, data in docs:
                text = data.decode("utf-8", errors="replace")
                fmt = {".txt": "text", ".md": "markdown", ".html": "html"}[suffix]
                for claim in extract_claims(load_text(text, f"x{suffix}", fmt), self.catalog):
                    assert_claim(claim, text)
                    self.tally["claims"] += 1
            if n % self.full_every == 0:
                self.tally["full pipeline"] += 1
                html = n % self.html_every == 0
                self.tally["with html"] += html
                _, findings = check_run(self.folder, docs, self.catalog, self.references, html=html)
                self.tally["findings"] += findings
        except AssertionError as exc:
            self.tally["invariant violations"] += 1
            self.say(f"VIOLATION {exc!r}\n  input: {shown}")
        except Exception:
            self.tally["exceptions"] += 1
            self.say(f"EXCEPTION {traceback.format_exc()}  input: {shown}")
        if self.tally["inputs"] == self.limit:
            self.report("end")  # atheris may run on past the count (its corpus first)
        elif self.tally["inputs"] % 5_000 == 0:
            self.report("progress")

    def report(self, what: str) -> None:
        took = time.perf_counter() - self.started
        rate = self.tally["inputs"] / took if took else 0
        self.say(f"{what}: {took:.0f} s, {rate:.0f} inputs/s, {dict(self.tally)}")


def run_hypothesis(campaign: Campaign, count: int, seed: int) -> None:
    from fuzz_inputs import documents
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    @hypothesis_seed(seed)
    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(docs=documents)
    def run(docs):
        campaign.one(docs, repr(docs))

    run()


def run_atheris(campaign: Campaign, count: int, seed: int) -> None:
    import atheris

    with atheris.instrument_imports(include=["factcheck"]):
        import factcheck.check  # noqa: F401 - imported under instrumentation for coverage
        import factcheck.load  # noqa: F401
        import factcheck.match  # noqa: F401
        import factcheck.report  # noqa: F401

    corpus = campaign.folder / "corpus"
    corpus.mkdir()
    _seed_corpus(corpus, seed)

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        docs = []
        for _ in range(fdp.ConsumeIntInRange(1, 3)):
            suffix = SUFFIXES[fdp.ConsumeIntInRange(0, 2)]
            docs.append((suffix, fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 2000))))
        campaign.one(docs, base64.b64encode(data).decode())

    atheris.Setup([sys.argv[0], f"-runs={count}", f"-seed={seed + 1}", "-max_len=4096",
                   str(corpus)], one_input)  # fmt: skip
    atheris.Fuzz()


def _seed_corpus(corpus: Path, seed: int, n: int = 300) -> None:
    """Start the mutations from realistic documents: the generators' output, framed as
    one_input reads it (a count, then per document a format and a length)."""
    import random

    from fuzz_inputs import document
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed

    rng = random.Random(seed)
    made = []

    @hypothesis_seed(seed)
    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(doc=document())
    def collect(doc):
        made.append(doc)

    collect()
    for i, (suffix, data) in enumerate(made):
        data = data[:2000]
        # FuzzedDataProvider reads integers from the end of the buffer, bytes from the start.
        framed = data + bytes([len(data) & 0xFF, len(data) >> 8, SUFFIXES.index(suffix), 0])
        (corpus / f"seed{i:04d}").write_bytes(framed)
    rng.shuffle(made)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to run")
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    parser.add_argument("--log", default="fuzz-log.txt")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--full-every", type=int, default=10)
    parser.add_argument("--html-every", type=int, default=500)
    args = parser.parse_args(argv)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "hypothesis"
        else:
            engine = "atheris"
    campaign = Campaign(Path(args.log), args.full_every, args.html_every, args.count)
    campaign.say(f"start: engine {engine}, {args.count:,} inputs, seed {args.seed}, "
                 f"full pipeline every {args.full_every}, html every {args.html_every}")  # fmt: skip
    if engine == "atheris":
        run_atheris(campaign, args.count, args.seed)
    else:
        run_hypothesis(campaign, args.count, args.seed)
    bad = campaign.tally["exceptions"] + campaign.tally["invariant violations"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
