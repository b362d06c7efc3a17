"""The long fuzz campaign (`make fuzz`): generated inputs through the pipeline, with every
invariant of tests/invariants.py, counting exceptions and violations instead of stopping at
the first.

    python tests/fuzz_campaign.py [--count 1000000] [--start 0] [--seed 0] [--log fuzz-log.txt]
                                  [--full-every 100] [--html-every 5000] [--resume]
                                  [--replay INDEX] [--engine seeded|atheris]

The mix (engine ``seeded``, the default): input number ``i`` of seed ``s`` is made from its own
random source, seeded with (s, i), by the generators of tests/fuzz_inputs.py, so a campaign can
be split by index range (two processes: ``--start 0 --count 500000`` and ``--start 500000
--count 500000``), resumed (``--resume`` goes on after the last progress line of the log), and
any input replayed alone (``--replay i``). Most inputs are one sentence- or paragraph-sized
document (``fuzz_inputs.snippet``: number forms, qualifiers, periods, tables of a few rows, HTML
fragments, markers, Unicode, pathological repeats, damaged bytes), read from its bytes in its
format, extracted and matched, and each claim checked; one in 50 is instead a Word document
(python-docx: runs cut anywhere, headings, lists, a table, tracked changes, comments,
footnotes), an OpenDocument text (one time in five) or a PDF with a text layer written by
hand (one in five), one in ten of
them damaged (``fuzz_inputs.binary_document``), whose claims' positions must name their
words and whose damage must be an input error naming the file. Every ``--full-every``-th input (1 in
100) is instead one to five whole documents (``fuzz_inputs.whole_documents``) through check,
the text, JSON, SARIF and CSV renderers and a second check with the inputs reversed (one in
four of these has a Word document among them, and its reviewed copy, ``--format docx``, is
written and read back); every
``--html-every``-th (1 in 5,000) renders HTML too.

Engine ``atheris`` (coverage-guided, when it is installed: `pip install -e '.[fuzz]'`) mutates
bytes instead, starting from a corpus of generated documents, each input read as one to three
documents of a chosen format, every one through the per-document checks and one in
``--full-every`` through the whole pipeline.

Progress and the tally go to ``--log`` every 5,000 inputs; each failure is written there with
its index and its input (repr, or base64 bytes for atheris), so that it can be replayed.
"""

from __future__ import annotations

import argparse
import ast
import base64
import io
import logging
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SUFFIXES = (".txt", ".md", ".html")
PROGRESS_EVERY = 5_000


# One input in BINARY_EVERY is a Word document or a PDF read alone; one full-pipeline input
# in WORD_FULL_EVERY has a Word document among its documents (its reviewed copy is written).
# Writing a .docx costs some 20 ms, forty times a snippet: few of them keep the pace.
BINARY_EVERY = 50
WORD_FULL_EVERY = 4


def input_at(seed: int, index: int, full_every: int) -> list[tuple[str, bytes]]:
    """Input number ``index`` of the seeded campaign: its own random source, so that inputs
    do not depend on which ones ran before (splitting, resuming and replaying rest on it).
    (Word and PDF inputs take indices of their own and draw after the others, so the text
    inputs are those of a campaign without them.)"""
    from fuzz_inputs import RandomDraw, binary_document, snippet, whole_documents, word_document

    draw = RandomDraw(random.Random(f"{seed}/{index}"))
    if index % full_every == 0:
        docs = whole_documents(draw)
        if index % (full_every * WORD_FULL_EVERY) == 0:
            docs.append(word_document(draw))
        return docs
    if index % BINARY_EVERY == BINARY_EVERY // 2:
        return [binary_document(draw)]
    return [snippet(draw)]


class Campaign:
    def __init__(self, log: Path, full_every: int, html_every: int) -> None:
        from factcheck.catalog import default_catalog_path, load_catalog
        from factcheck.references import load_references

        # Loaded once for the campaign: per input they would cost more than the input itself.
        self.catalog = load_catalog(default_catalog_path())
        self.references = load_references()
        self.folder = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
        self.log = open(log, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        self.full_every, self.html_every = full_every, html_every
        self.tally: Counter = Counter()
        self.started = time.perf_counter()
        self.took_before = 0.0  # seconds of the earlier runs of a resumed campaign
        # Binary and damaged inputs are skipped with a warning: expected, not worth a line each.
        logging.getLogger("factcheck").setLevel(logging.ERROR)

    def say(self, text: str) -> None:
        self.log.write(text + "\n")
        self.log.flush()

    def one(self, index: int, docs: list[tuple[str, bytes]], shown: str) -> None:
        """Run one input (one to a few documents) and count what happened."""
        from invariants import check_run

        self.tally["inputs"] += 1
        self.tally["documents"] += len(docs)
        self.tally["word and pdf"] += sum(suffix in (".docx", ".odt", ".pdf") for suffix, _ in docs)
        try:
            if index % self.full_every == 0:
                self.tally["full pipeline"] += 1
                html = index % self.html_every == 0
                self.tally["with html"] += html
                claims, findings = check_run(
                    self.folder, docs, self.catalog, self.references, html=html
                )
                self.tally["claims"] += claims
                self.tally["findings"] += findings
            else:
                for suffix, data in docs:
                    self.tally["claims"] += self.extract(suffix, data)
        except AssertionError as exc:
            self.tally["invariant violations"] += 1
            self.say(f"VIOLATION at input {index}: {exc!r}\n  input: {shown}")
        except Exception:
            self.tally["exceptions"] += 1
            self.say(f"EXCEPTION at input {index}: {traceback.format_exc()}  input: {shown}")

    def extract(self, suffix: str, data: bytes) -> int:
        """One document read from its bytes in its format (as a file of that name would be),
        extracted and matched; every claim checked. Returns the number of claims."""
        from invariants import BINARY_SUFFIXES, assert_claim, assert_position

        from factcheck.errors import InputError
        from factcheck.load import documents_of
        from factcheck.pipeline import extract_claims

        count = 0
        seen: dict = {}
        try:
            for doc in documents_of(io.BytesIO(data), f"input{suffix}"):
                for claim in extract_claims(doc, self.catalog):
                    assert_claim(claim, doc.text)
                    if suffix in BINARY_SUFFIXES:
                        assert_position(claim, data, suffix, seen)
                    count += 1
        except InputError as exc:
            # A damaged Word document or PDF: an input error that names it, as designed.
            assert suffix in BINARY_SUFFIXES, exc
            assert str(exc).startswith(f"input{suffix}: "), exc
            self.tally["damaged refused"] += 1
        return count

    def report(self, what: str, next_index: int) -> None:
        took = self.took_before + time.perf_counter() - self.started
        rate = self.tally["inputs"] / took if took else 0
        self.say(f"{what}: {took:.0f} s, {rate:.0f} inputs/s, next {next_index}, "
                 f"{dict(self.tally)}")  # fmt: skip


_PROGRESS = re.compile(r"^(?:progress|end): (\d+) s, \d+ inputs/s, next (\d+), (\{.*\})$")


def last_progress(log: Path) -> tuple[float, int, Counter] | None:
    """Seconds, next index and tally of the log's last progress line, if any."""
    if not log.exists():
        return None
    found = None
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _PROGRESS.match(line)
        if m:
            found = float(m.group(1)), int(m.group(2)), Counter(ast.literal_eval(m.group(3)))
        elif line.startswith("start:"):
            found = None  # a new campaign in the same log
    return found


def run_seeded(campaign: Campaign, start: int, stop: int, seed: int) -> None:
    for index in range(start, stop):
        docs = input_at(seed, index, campaign.full_every)
        campaign.one(index, docs, repr(docs))
        if (index + 1) % PROGRESS_EVERY == 0 and index + 1 < stop:
            campaign.report("progress", index + 1)
    campaign.report("end", stop)


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
        index = campaign.tally["inputs"]
        campaign.one(index, docs, base64.b64encode(data).decode())
        if index + 1 == count:
            campaign.report("end", index + 1)  # atheris may run on past the count
        elif (index + 1) % PROGRESS_EVERY == 0:
            campaign.report("progress", index + 1)

    atheris.Setup([sys.argv[0], f"-runs={count}", f"-seed={seed + 1}", "-max_len=4096",
                   str(corpus)], one_input)  # fmt: skip
    atheris.Fuzz()


def _seed_corpus(corpus: Path, seed: int, n: int = 300) -> None:
    """Start the mutations from realistic documents: the generators' output, framed as
    one_input reads it (a count, then per document a format and a length)."""
    from fuzz_inputs import RandomDraw, whole_document

    draw = RandomDraw(random.Random(seed))
    for i in range(n):
        suffix, data = whole_document(draw)
        data = data[:2000]
        # FuzzedDataProvider reads integers from the end of the buffer, bytes from the start.
        framed = data + bytes([len(data) & 0xFF, len(data) >> 8, SUFFIXES.index(suffix), 0])
        (corpus / f"seed{i:04d}").write_bytes(framed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000, help="inputs to run")
    parser.add_argument("--start", type=int, default=0, help="index of the first input")
    parser.add_argument("--resume", action="store_true",
                        help="go on after the log's last progress line (its index and tally)")  # fmt: skip
    parser.add_argument("--replay", type=int, metavar="INDEX", help="run this one input alone")
    parser.add_argument("--engine", choices=["seeded", "atheris"], default="seeded")
    parser.add_argument("--log", default="fuzz-log.txt")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--full-every", type=int, default=100)
    parser.add_argument("--html-every", type=int, default=5_000)
    args = parser.parse_args(argv)
    if args.replay is not None:
        args.start, args.count, args.log = args.replay, 1, "/dev/stdout"
    campaign = Campaign(Path(args.log), args.full_every, args.html_every)
    start, stop = args.start, args.start + args.count
    if args.resume and (last := last_progress(Path(args.log))) is not None:
        campaign.took_before, start, campaign.tally = last
        campaign.say(f"resume: at input {start:,}")
    else:
        campaign.say(f"start: engine {args.engine}, inputs {start:,} to {stop - 1:,}, "
                     f"seed {args.seed}, full pipeline every {args.full_every}, "
                     f"html every {args.html_every}")  # fmt: skip
    if args.replay is not None:
        docs = input_at(args.seed, args.replay, args.full_every)
        campaign.say(f"input {args.replay}: {docs!r}")
    if args.engine == "atheris":
        run_atheris(campaign, args.count, args.seed)
    else:
        run_seeded(campaign, start, stop, args.seed)
    bad = campaign.tally["exceptions"] + campaign.tally["invariant violations"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
