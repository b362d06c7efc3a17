"""Benchmarks: extraction throughput and memory, the check stage at scale, a pre-commit run.

    python benchmarks/run.py [--sizes 10,25,50] [--many-sizes 10,25] [--line-sizes 50]
                             [--claims 1000000] [--shape-n 250000]
                             [--parts extract,check,shapes,precommit,pdf,memory]
                             [--pdf-repeats 1,5] [--memory-mb 20]

Run by `make bench`; never part of the test suite (timings on a shared machine must not gate
CI). Inputs are generated into bench-data/ (gitignored) and reused on the next run; the
results are printed as a table and written to bench-data/results.json.

1. extract: the four seed documents (../shared/seeds) repeated to N MB, as one large file, as
   many files and as one line without a newline (plus a line of N MB with no number at all),
   read as `factcheck extract --format jsonl` reads them (`iter_documents`, a large file in
   sections, and `extract_claims` with the shipped catalog, so claims are matched to measures,
   claims written out). Times are the child's CPU time (one core; a loaded shared machine
   does not slow it). Each measurement runs in a fresh child process so that ru_maxrss (the
   peak resident set, which only ever grows) belongs to that input alone. Linear time shows
   as constant MB/s across sizes.
2. check: `check_claims` on synthetic claims (a few hundred measures, places and periods,
   values near the reference figures, a few percent that contradict), with the shipped
   catalog and references. Only `check_claims` is timed, not building the claims.
3. shapes: the pathological input shapes (a line of digits, a run of "[1]" footnote markers
   on one long line, unclosed tags, runs of dashes or number words, ...) repeated to n, 2n
   and 4n characters, each read by the three readers (text, Markdown, HTML) and extracted in
   a child process; the time at 4n over the time at 2n is about 2 when the shape is linear
   and about 4 when it is quadratic (`--shape-n`, default 250,000 characters).
5. pdf: the seeds laid out by LibreOffice (tests/pdf_build.py: narrow justified column,
   hyphenation, running header, page numbers, footnotes) once and five times over (about 100
   and 500 pages), read as `factcheck extract` reads a PDF (page by page, in pieces) and
   extracted in a child process: pages/s and peak RSS at both sizes (`--pdf-repeats 1,5`).
   Needs soffice; the PDFs are made once into bench-data/pdf/.
4. precommit: a corpus of 100 drafts (the examples with varied numbers) and the wall time of
   `factcheck check` on one changed file, as a pre-commit hook would run it.
6. memory: the peak resident memory of the real command, `factcheck check`, on 20 MB of
   claim-dense prose (`--memory-mb`; the examples' paragraphs in random order with varied
   figures, about 15,000 claims per MB), measured by the OS as /usr/bin/time -v does; the
   claim cache (bench-data/memory-cache) is filled by the first run (cold: read, extract,
   check, report) and read by the next (warm: check and report alone). The 10^6-claim
   benchmark's peak memory is part 2's, with what the claims alone take before the check.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench-data"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
MB = 1_000_000  # MB/s in decimal megabytes, as disk and network figures are quoted

TARGET_MB_S = 2.0
TARGET_CHECK_S = 10.0


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports kilobytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


# --- 1. extraction --------------------------------------------------------------------------


def _seed_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("[0-9]*.txt"))]


def one_file_corpus(size_mb: int) -> Path:
    """The seeds, one after another, repeated into a single file of at least size_mb MB."""
    block = "\n\n".join(text for _, text in _seed_texts()).encode("utf-8") + b"\n\n"
    return _repeated(f"one-file-{size_mb}MB.txt", block, size_mb)


def one_line_corpus(size_mb: int) -> Path:
    """The seeds with every newline made a space, repeated into one line of size_mb MB."""
    text = " ".join(text for _, text in _seed_texts())
    block = " ".join(text.split("\n")).encode("utf-8") + b" "
    return _repeated(f"one-line-{size_mb}MB.txt", block, size_mb)


def no_numbers_corpus(size_mb: int) -> Path:
    """One line of size_mb MB without a digit or a number word: the issue's "50 MB file with
    no newline" at its cheapest, which shows the cost of reading alone."""
    return _repeated(f"no-numbers-{size_mb}MB.txt", b"x" * MB, size_mb)


def _repeated(name: str, block: bytes, size_mb: int) -> Path:
    """bench-data/name: ``block`` written over and over until the file holds at least size_mb
    MB; made once (a .done stamp marks it complete) and reused by later runs."""
    path = DATA / name
    stamp = path.with_suffix(".done")
    if not (path.exists() and stamp.exists()):
        with open(path, "wb") as out:
            for _ in range(-(-size_mb * MB // len(block))):  # ceiling division
                out.write(block)
        stamp.touch()
    return path


def many_files_corpus(size_mb: int) -> Path:
    """Copies of the seeds, one document per file, until they add up to size_mb MB."""
    folder = DATA / f"many-files-{size_mb}MB"
    stamp = folder / ".done"  # hidden: iter_paths skips it
    if stamp.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    seeds = [(name, text.encode("utf-8")) for name, text in _seed_texts()]
    written, n = 0, 0
    while written < size_mb * MB:
        name, data = seeds[n % len(seeds)]
        (folder / f"{n:05d}-{name}").write_bytes(data)
        written += len(data)
        n += 1
    stamp.touch()
    return folder


def extract_worker(path: str) -> dict[str, Any]:
    """Runs in a child process: read and extract every file under path, as `factcheck
    extract --format jsonl` does (a large file in sections, each section's claims written out
    and dropped), timing reading and extracting apart."""
    from factcheck.catalog import default_catalog_path, load_catalog
    from factcheck.load import iter_documents, iter_paths
    from factcheck.pipeline import extract_claims

    catalog = load_catalog(default_catalog_path())  # claims are matched, as the CLI does
    base_rss = _rss_mb()  # after imports: the interpreter and the libraries
    t_load = t_extract = 0.0
    claims = sections = files = nbytes = 0
    largest_section_mb = 0.0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for p in iter_paths([path]):
            files += 1
            nbytes += os.path.getsize(p)
            documents = iter_documents(p)
            while True:
                t0 = time.process_time()
                doc = next(documents, None)
                t1 = time.process_time()
                t_load += t1 - t0
                if doc is None:
                    break
                found = extract_claims(doc, catalog)
                for claim in found:
                    sink.write(json.dumps(claim.to_dict()) + "\n")
                t_extract += time.process_time() - t1
                claims += len(found)
                sections += 1
                strings = sys.getsizeof(doc.text) + sys.getsizeof(doc.body)
                largest_section_mb = max(largest_section_mb, strings / MB)
                del doc, found
    peak_rss = _rss_mb()
    seconds = t_load + t_extract
    return {
        "files": files,
        "sections": sections,
        "mb": nbytes / MB,
        "claims": claims,
        "load_s": t_load,
        "extract_s": t_extract,
        "seconds": seconds,
        "mb_per_s": nbytes / MB / seconds if seconds else None,
        "base_rss_mb": base_rss,
        "peak_rss_mb": peak_rss,
        "rss_growth_mb": peak_rss - base_rss,
        # text + body of the largest section: what holding one section costs by necessity
        "largest_section_strings_mb": largest_section_mb,
    }


def pdf_worker(path: str) -> dict[str, Any]:
    """Runs in a child process: read and extract one PDF as `factcheck extract` does."""
    from factcheck.catalog import default_catalog_path, load_catalog
    from factcheck.load import iter_documents
    from factcheck.pipeline import extract_claims

    catalog = load_catalog(default_catalog_path())
    base_rss = _rss_mb()
    t_load = t_extract = 0.0
    claims = pieces = chars = 0
    documents = iter_documents(path)
    while True:
        t0 = time.process_time()
        doc = next(documents, None)
        t1 = time.process_time()
        t_load += t1 - t0
        if doc is None:
            break
        claims += len(extract_claims(doc, catalog))
        t_extract += time.process_time() - t1
        pieces += 1
        chars += len(doc.text)
        del doc
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    pages = len(pdf)
    pdf.close()
    seconds = t_load + t_extract
    peak = _rss_mb()
    return {
        "pages": pages,
        "mb": os.path.getsize(path) / MB,
        "pieces": pieces,
        "chars": chars,
        "claims": claims,
        "load_s": t_load,
        "extract_s": t_extract,
        "pages_per_s": pages / seconds if seconds else None,
        "load_pages_per_s": pages / t_load if t_load else None,
        "base_rss_mb": base_rss,
        "peak_rss_mb": peak,
        "rss_growth_mb": peak - base_rss,
    }


def bench_pdf(repeats: list[int]) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "tests"))
    import pdf_build

    seeds = sorted(SEEDS.glob("[0-9]*.txt"))
    if pdf_build.soffice() is None or not seeds:
        why = "no soffice (LibreOffice)" if seeds else f"no seed corpus at {SEEDS}"
        print(f"pdf: skipped, {why}", flush=True)
        return {"skipped": why}
    runs = []
    for n in repeats:
        path = DATA / "pdf" / f"seeds-x{n}.pdf"
        if not path.exists():
            print(f"pdf: laying out the seeds x{n} with LibreOffice ...", end=" ", flush=True)
            pdf_build.long_pdf(seeds, n, path)
            print("done", flush=True)
        print(f"pdf: seeds x{n} ...", end=" ", flush=True)
        result = _child("pdf", str(path))
        result.update(repeats=n)
        print(f"{result['pages']} pages, {result['pages_per_s']:.0f} pages/s, "
              f"peak RSS {result['peak_rss_mb']:.0f} MB")  # fmt: skip
        runs.append(result)
    return {"runs": runs}


def _child(*args: str, timeout: float = 600) -> dict[str, Any]:
    """Run this script in worker mode in a fresh interpreter and return its JSON answer."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_extract(sizes: list[int], many_sizes: list[int], line_sizes: list[int]) -> dict[str, Any]:
    if not SEEDS.is_dir() or not list(SEEDS.glob("[0-9]*.txt")):
        print(f"extract: skipped, no seed corpus at {SEEDS}", flush=True)
        return {"skipped": f"no seed corpus at {SEEDS}"}
    runs = []
    for layout, sizes_of, build in (
        ("one file", sizes, one_file_corpus),
        ("many files", many_sizes, many_files_corpus),
        ("one line", line_sizes, one_line_corpus),
        ("no numbers", line_sizes, no_numbers_corpus),
    ):
        for size in sizes_of:
            path = build(size)
            print(f"extract: {layout}, {size} MB ...", end=" ", flush=True)
            result = _child("extract", str(path))
            result.update(layout=layout, size_mb=size)
            print(f"{result['mb_per_s']:.2f} MB/s, peak RSS {result['peak_rss_mb']:.0f} MB")
            runs.append(result)
    return {"runs": runs, "target_mb_per_s": TARGET_MB_S}


# --- 2. the check stage ---------------------------------------------------------------------

_KIND_OF_UNIT = {"count": "count", "USD": "money", "percent": "percent"}


def synthetic_claims(n: int, seed: int = 7) -> list:
    """n claims about ~300 measures, 10 places and 29 periods; most agree with each other
    (and with the reference figure where there is one), ~2% are off by a factor, ~1% are
    changes, a few are "highest ever" records, and ~10% have no measure, only a noun. Each
    is held as the pipeline holds a document's claims (compact.share_strings)."""
    from factcheck.catalog import default_catalog_path, load_catalog
    from factcheck.compact import share_strings
    from factcheck.model import Claim
    from factcheck.references import load_references

    catalog = load_catalog(default_catalog_path())
    refs = load_references()
    rng = random.Random(seed)
    measures = [(m.id, m.unit, m.place) for m in catalog.measures]
    measures += [(f"bench.synthetic_{i:03d}", "count", None) for i in range(300 - len(measures))]
    places = ["US", "MX", "CA", "CO", "CN", "GT", "HN", "SV", "PE", "BR"]
    periods = [str(y) for y in range(2000, 2026)] + ["2016/2020", "2006/2012", "2012/2018"]
    nouns = [f"widget{i} shipments" for i in range(100)]
    docs = [f"drafts/doc-{i:04d}.md" for i in range(1000)]
    base: dict[tuple, float] = {}
    claims = []
    for i in range(n):
        if rng.random() < 0.10:
            measure, unit, place = None, "count", rng.choice(places)
            noun = rng.choice(nouns)
        else:
            measure, unit, home = rng.choice(measures)
            place = home if home and rng.random() < 0.9 else rng.choice(places)
            noun = "deaths"
        period = rng.choice(periods)
        key = (measure, noun, place, period, unit)
        value = base.get(key)
        if value is None:
            m = catalog.get(measure)
            rows = refs.lookup(m.reference or m.id, place, period) if m else []
            value = rows[0].value if rows and rows[0].unit == unit else rng.uniform(10, 1e6)
            base[key] = value
        value *= 1 + rng.uniform(-0.004, 0.004)
        if rng.random() < 0.02:
            value *= rng.choice([0.4, 1.6, 3.0])  # the contradictions
        value = float(round(value, 1 if value < 100 else 0))
        q = rng.random()
        if q < 0.70:
            qualifier, low, high = "exact", value, value
        elif q < 0.85:
            qualifier, low, high = "more_than", value, None
        elif q < 0.95:
            qualifier, low, high = "about", value * 0.95, value * 1.05
        else:
            qualifier, low, high = "nearly", value * 0.9, value
        kind = _KIND_OF_UNIT.get(unit, "measurement")
        extra: dict[str, Any] = {}
        if measure and rng.random() < 0.01 and "/" not in period:
            year = int(period)
            pct = round(rng.uniform(-40, 60))
            kind, unit, value, low, high = "change", "percent", abs(pct), abs(pct), abs(pct)
            extra = {"from_period": str(year - 1), "to_period": period, "change": pct / 100}
            period = f"{year - 1}/{year}"
        elif measure and rng.random() < 0.0001:
            extra = {"extreme": "max"}
        line = i % 400 + 1
        surface = f"{value:,g}"
        claims.append(
            Claim(
                doc=docs[i % len(docs)],
                start=i,
                end=i + len(surface),
                line=line,
                column=5,
                end_line=line,
                end_column=5 + len(surface),
                surface=surface,
                sentence=f"{surface} in sentence {i}",  # the contract: the surface in its sentence
                sentence_offset=0,
                value=value,
                low=low,
                high=high,
                unit=unit,
                qualifier=qualifier,
                kind=kind,
                noun=noun,
                measure=measure,
                period=period,
                place=place,
                resolution=1.0,
                **extra,
            )
        )
        if len(claims) % 1000 == 0:
            # Held as the pipeline holds claims: compacted as they are read (share_strings),
            # as each document's are, not all at the end.
            share_strings(claims[-1000:])
    share_strings(claims[len(claims) // 1000 * 1000 :])
    return claims


class _OverBudget(Exception):
    pass


def _timed(fn, budget: float, clock=time.perf_counter) -> tuple[float | None, Any]:
    """(seconds, result) of fn(), or (None, None) when it runs past budget seconds. The
    signal interrupts pure Python code anywhere; the worker is a throwaway process, so leaving
    the interrupted stage half done is harmless. Timed in CPU time (``clock`` is
    time.process_time), the budget is CPU time too (SIGPROF): on a loaded machine a linear
    run must not be cut off for the time it waited for a core."""

    def on_alarm(signum, frame):
        raise _OverBudget

    cpu = clock is time.process_time
    timer, signum = (
        (signal.ITIMER_PROF, signal.SIGPROF) if cpu else (signal.ITIMER_REAL, signal.SIGALRM)
    )
    previous = signal.signal(signum, on_alarm)
    signal.setitimer(timer, budget)
    t0 = clock()
    try:
        result = fn()
        return clock() - t0, result
    except _OverBudget:
        return None, None
    finally:
        signal.setitimer(timer, 0)
        signal.signal(signum, previous)


def check_worker(n: int, budget: float) -> dict[str, Any]:
    import gc
    from collections import Counter

    from factcheck.catalog import default_catalog_path, load_catalog
    from factcheck.check import check_claims
    from factcheck.check.against_claims import check_against_claims
    from factcheck.check.against_references import check_against_references
    from factcheck.check.arithmetic import check_arithmetic
    from factcheck.check.changes import check_changes
    from factcheck.check.relations import check_relations
    from factcheck.check.subjects import index_claims
    from factcheck.references import load_references

    catalog = load_catalog(default_catalog_path())
    references = load_references()
    t0 = time.perf_counter()
    claims = synthetic_claims(n)
    build_s = time.perf_counter() - t0
    gc.collect()
    claims_rss = _rss_mb()  # the interpreter, the libraries and the claims themselves
    cpu0 = time.process_time()  # CPU time too: on a loaded machine the wall time says little
    seconds, findings = _timed(lambda: check_claims(claims, catalog, references), budget)
    cpu_s = time.process_time() - cpu0
    check_rss = _rss_mb()  # the peak of the whole check, before the stage breakdown below
    result: dict[str, Any] = {
        "claims": len(claims),
        "measures": len({c.measure for c in claims}),
        "documents": len({c.doc for c in claims}),
        "build_s": build_s,
        "claims_rss_mb": claims_rss,
        "check_rss_mb": check_rss,
        "budget_s": budget,
        "seconds": seconds,  # None: did not finish within the budget
        "cpu_s": cpu_s,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "findings": len(findings) if findings is not None else None,
        "by_rule": dict(Counter(f.rule for f in findings)) if findings is not None else None,
    }
    del findings
    if seconds is None or seconds >= TARGET_CHECK_S:
        # Over the target: which of the five checks is it, and how does it grow?
        # Each stage is given the claims grouped once (check.subjects), as check_claims does.
        stages = {
            "grouping": lambda c, s: index_claims(c, catalog),
            "against_references": lambda c, s: check_against_references(c, catalog, references, s),
            "against_claims": lambda c, s: check_against_claims(c, catalog, subjects=s),
            "changes": lambda c, s: check_changes(c, catalog, references, s),
            "relations": lambda c, s: check_relations(c, catalog, references, s),
            "arithmetic": lambda c, s: check_arithmetic(c),
        }
        subjects = index_claims(claims, catalog)
        breakdown: dict[str, Any] = {}
        for name, stage in stages.items():
            gc.collect()
            breakdown[name], _ = _timed(lambda stage=stage: stage(claims, subjects), budget / 2)
        result["stages_s"] = breakdown
        scaling = {}
        for name, took in breakdown.items():
            if took is None:
                # Time the slow stage on prefixes of the same claims: the ratio per doubling
                # says whether it is linear (x2) or quadratic (x4).
                scaling[name] = {}
                for size in (n // 40, n // 20, n // 10):
                    gc.collect()
                    part = claims[:size]
                    grouped = index_claims(part, catalog)
                    took_n, _ = _timed(
                        lambda s=stages[name], p=part, g=grouped: s(p, g), budget / 2
                    )
                    scaling[name][size] = took_n
                    if took_n is None:
                        break
        result["scaling_s"] = scaling
    result["peak_rss_mb"] = _rss_mb()
    return result


def bench_check(n: int, budget: float) -> dict[str, Any]:
    print(f"check: {n:,} synthetic claims ...", end=" ", flush=True)
    result = _child("check", f"{n}:{budget}")
    took = result["seconds"]
    print(f"{took:.1f} s" if took is not None else f"not done in {budget:.0f} s")
    result["target_s"] = TARGET_CHECK_S
    return result


# --- 3. input shapes: growth ---------------------------------------------------------------

# name: one repetition. Each shape is one unit written over and over, on one line unless the
# unit holds a newline: the inputs that once made a pattern or a reader super-linear.
SHAPES = {
    "digits": "1",
    "1,1,1,": "1,",
    "1.1.1.": "1.",
    "$$$": "$",
    "(((": "(",
    "more than": "more than ",
    "[1][1][1]": "[1]",
    "prose with [1] markers, one line": "It cost 5 dollars.[1] ",
    "prose with <sup>1</sup> markers": "It cost 5 dollars.<sup>1</sup> ",
    "unclosed <sup>": "<sup>",
    "hyphens": "-",
    "en dashes": "–",
    "hyphens and spaces": "- ",
    "one one one": "one ",
    "one hundred one hundred": "one hundred ",
    "number words": "one two three ",
    "US\u00a0$ amounts": "US\u00a0$5 million, ",
    "character references": "&#49;2 ",
    "ranges 6–6 out of 10": "6–6 out of 10 ",
    "list entries": "[1] A. Author, Title, 2021.\n",
}
SHAPE_FORMATS = ("text", "markdown", "html")
SHAPE_BOUND = 4.5  # the bound on time(4n) / time(2n); linear is about 2


def shapes_worker(n: int, budget: float) -> dict[str, Any]:
    """Runs in a child process: load + extract every shape at n, 2n and 4n characters."""
    from factcheck.load import load_text
    from factcheck.pipeline import extract_claims

    runs = []
    for name, unit in SHAPES.items():
        for fmt in SHAPE_FORMATS:
            times: dict[int, float | None] = {}
            for size in (n, 2 * n, 4 * n):
                text = (unit * (size // len(unit) + 1))[:size]
                # CPU time of this worker: a shared machine's other work does not count in it.
                took, _ = _timed(
                    lambda t=text, f=fmt: extract_claims(load_text(t, "x", f)),
                    budget,
                    clock=time.process_time,
                )
                times[size] = took
                if took is None:
                    break
            runs.append({"shape": name, "format": fmt, "seconds": times})
    return {"n": n, "budget_s": budget, "runs": runs}


def bench_shapes(n: int, budget: float) -> dict[str, Any]:
    print(f"shapes: {len(SHAPES)} shapes x {len(SHAPE_FORMATS)} formats at {n:,}, {2 * n:,} "
          f"and {4 * n:,} characters ...", end=" ", flush=True)  # fmt: skip
    result = _child("shapes", f"{n}:{budget}", timeout=3600)
    print("done")
    return result


def _shape_lines(shapes: dict[str, Any]) -> list[str]:
    n = shapes["n"]
    lines = [
        f"Input shapes (load + extract, CPU time; time at 4n over time at 2n: ~2 linear, ~4 quadratic; "
        f"bound {SHAPE_BOUND}); n = {n:,} characters",
        f"  {'shape':<34}{'format':<10}{'n s':>7}{'2n s':>7}{'4n s':>7}{'4n/2n':>7}",
    ]
    worst = 0.0
    for r in shapes["runs"]:
        t = [r["seconds"].get(str(k)) for k in (n, 2 * n, 4 * n)]
        shown = [f"{x:>7.2f}" if x is not None else f"{'cut':>7}" for x in t]
        shown += [""] * (3 - len(shown))
        if t[1] is not None and t[2] is not None and t[1] > 0:
            ratio = t[2] / t[1]
            worst = max(worst, ratio)
            verdict = f"{ratio:>7.2f}" + ("" if ratio <= SHAPE_BOUND else "  OVER BOUND")
        else:
            verdict = f"{'-':>7}  CUT OFF"
            worst = float("inf")
        lines.append(f"  {r['shape']:<34}{r['format']:<10}{''.join(shown)}{verdict}")
    lines.append(f"  worst 4n/2n: {worst:.2f} ({'within' if worst <= SHAPE_BOUND else 'OVER'} "
                 f"the bound {SHAPE_BOUND})")  # fmt: skip
    return lines


# --- 4. the pre-commit scenario -------------------------------------------------------------

# Numbers of three digits or more that are not years: the figures a new draft would vary.
_FIGURE_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d{3,})(?![\w,]|\.\d)")


def _vary(text: str, rng: random.Random) -> str:
    def repl(m: re.Match[str]) -> str:
        raw = m.group(1)
        value = int(raw.replace(",", ""))
        if 1900 <= value <= 2099 and "," not in raw:
            return raw  # a year: periods stay as they are
        new = max(1, round(value * rng.uniform(0.9, 1.1)))
        return f"{new:,}" if "," in raw else str(new)

    return _FIGURE_RE.sub(repl, text)


def precommit_corpus(n: int = 100) -> Path:
    corpus = DATA / "precommit" / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    examples = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt", ".html"))
    rng = random.Random(11)
    for i in range(n):
        source = examples[i % len(examples)]
        text = _vary(source.read_text(encoding="utf-8"), rng)
        (corpus / f"draft-{i:03d}-{source.stem}{source.suffix}").write_text(text, encoding="utf-8")
    return corpus


def _factcheck_command() -> list[str]:
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcheck.cli"]


def _wall(
    args: list[str], cwd: Path, repeat: int = 3, before: Callable[[], None] | None = None
) -> dict[str, Any]:
    """Wall time of `factcheck ARGS` (best and median of ``repeat`` runs)."""
    times = []
    cpu = []  # the child's user + system time: what a quiet machine's wall time would be
    code = None
    for _ in range(repeat):
        if before is not None:
            before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(
            _factcheck_command() + args,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        times.append(time.perf_counter() - t0)
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime)
        code = proc.returncode
        if code not in (0, 1):
            return {"args": args, "error": proc.stderr.strip()[-500:], "exit": code}
    return {
        "args": args,
        "min_s": min(times),
        "median_s": statistics.median(times),
        "cpu_min_s": min(cpu),
        "exit": code,
    }


def bench_precommit() -> dict[str, Any]:
    corpus = precommit_corpus()
    cwd = corpus.parent  # no claims.yaml or references/ here: the shipped defaults are used
    changed = sorted(corpus.iterdir())[0]
    # The edit a commit would bring: one figure of the draft changes.
    text = changed.read_text(encoding="utf-8")
    changed.write_text(_FIGURE_RE.sub(lambda m: m.group(1) + "1", text, count=1), "utf-8")
    rel = changed.relative_to(cwd).as_posix()
    help_text = subprocess.run(
        _factcheck_command() + ["check", "--help"], capture_output=True, text=True, cwd=cwd
    ).stdout
    has_corpus = "--corpus" in help_text
    # The cache named, so that "cold" is cold: by default it is at the project's root, which
    # is the repository's here.
    cache = cwd / ".factcheck-cache"

    def cold() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    timings = {}
    print("precommit: timing factcheck ...", end=" ", flush=True)
    timings["startup (--version)"] = _wall(["--version"], cwd)
    never = ["--fail-on", "never", "--cache-dir", str(cache)]
    timings["one changed file, no cache"] = _wall(["check", *never, rel], cwd, before=cold)
    timings["all 100 drafts, no cache"] = _wall(["check", *never, "corpus"], cwd, before=cold)
    if has_corpus:
        args = ["check", "--corpus", "corpus", *never, rel]
        cold()
        timings["--corpus, cold cache"] = _wall(args, cwd, repeat=1)
        timings["--corpus, warm cache"] = _wall(args, cwd)
    print("done")
    return {"documents": 100, "changed": rel, "corpus_option": has_corpus, "timings": timings}


# --- 5. memory of the real command ------------------------------------------------------------

TARGET_PROSE_MB = 300  # the bounds on check's peak memory
TARGET_CLAIMS_MB = 600


def _example_paragraphs() -> list[str]:
    """The prose paragraphs of the project's Markdown and text examples (no headings, front
    matter, code or comments): sentences that the shipped catalog attributes."""
    paragraphs = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".md", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]  # front matter
        for paragraph in text.split("\n\n"):
            paragraph = paragraph.strip()
            if paragraph.startswith(("#", "`", "<!--")) or len(paragraph) < 40:
                continue
            paragraphs.append(paragraph)
    return paragraphs


def dense_prose_corpus(size_mb: int) -> Path:
    """size_mb files of 1 MB, each the examples' paragraphs in random order with their
    figures varied by up to 10% (years kept): about 15,000 claims per MB, most of them
    attributed to a measure, with as many findings (the figures disagree with each other and
    with the references)."""
    folder = DATA / f"dense-prose-{size_mb}MB"
    stamp = folder / ".done"
    if stamp.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paragraphs = _example_paragraphs()
    rng = random.Random(13)
    for i in range(size_mb):
        chunks, size = [], 0
        while size < MB:
            chunk = _vary(rng.choice(paragraphs), rng)
            chunks.append(chunk)
            size += len(chunk) + 2
        (folder / f"part-{i:02d}.md").write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
    stamp.touch()
    return folder


def _peak_rss_of(args: list[str], cwd: Path) -> dict[str, Any]:
    """Run `factcheck ARGS` and measure its peak resident set as the OS counts it (the
    "Maximum resident set size" of /usr/bin/time -v): os.wait4 gives the rusage of that
    one child."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a full pipe would block it
        proc = subprocess.Popen(
            _factcheck_command() + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t0
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / (1024 * 1024)
    result = {"args": args, "exit": code, "seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime,
              "peak_rss_mb": peak}  # fmt: skip
    if code not in (0, 1):
        result["error"] = stderr.strip()[-500:]
    return result


def bench_memory(size_mb: int) -> dict[str, Any]:
    """Peak memory of `factcheck check` on size_mb MB of claim-dense prose: with the claim
    cache cold (read, extract, check, report) the first time, then warm (the claims read
    from the cache: check and report alone), as text and as JSON."""
    corpus = dense_prose_corpus(size_mb)
    cache = DATA / "memory-cache"
    cold = not cache.exists()
    runs = []
    base = ["check", "--cache-dir", str(cache), "--fail-on", "never", corpus.name]
    plan = [("cold cache, text", base)] if cold else []
    plan += [("warm cache, text", base), ("warm cache, json", base + ["--format", "json"])]
    for name, args in plan:
        print(f"memory: check, {size_mb} MB of dense prose, {name} ...", end=" ", flush=True)
        result = _peak_rss_of(args, corpus.parent)
        result["run"] = name
        shown = f"{result['peak_rss_mb']:.0f} MB" if "error" not in result else "failed"
        print(f"{shown} ({result['seconds']:.0f} s)")
        runs.append(result)
    return {"size_mb": size_mb, "corpus": str(corpus.relative_to(ROOT)), "runs": runs,
            "target_mb": TARGET_PROSE_MB}  # fmt: skip


# --- the report -----------------------------------------------------------------------------


def _table(results: dict[str, Any]) -> str:
    lines = []
    ext = results.get("extract")
    if ext and "runs" in ext:
        lines.append(f"Extraction (load + extract, one core; target >= {TARGET_MB_S} MB/s)")
        head = (
            f"  {'layout':<11}{'MB':>6}{'files':>7}{'claims':>8}{'load s':>8}{'extract s':>10}"
            f"{'MB/s':>7}{'peak RSS':>10}{'growth':>8}{'section':>9}"
        )
        lines.append(head)
        for r in ext["runs"]:
            lines.append(
                f"  {r['layout']:<11}{r['mb']:>6.1f}{r['files']:>7}{r['claims']:>8}"
                f"{r['load_s']:>8.1f}{r['extract_s']:>10.1f}{r['mb_per_s']:>7.2f}"
                f"{r['peak_rss_mb']:>8.0f}MB{r['rss_growth_mb']:>6.0f}MB"
                f"{r['largest_section_strings_mb']:>7.1f}MB"
            )
        lines.append(
            "  growth: peak RSS minus RSS after imports; section: text + body of the largest"
            " section read at once (a document, or a 2,000,000-character part of a larger one)"
        )
        for layout in ("one file", "many files", "one line", "no numbers"):
            runs = [r for r in ext["runs"] if r["layout"] == layout]
            if len(runs) < 2:
                continue
            speeds = [r["mb_per_s"] for r in runs]
            peaks = [r["peak_rss_mb"] for r in runs]
            flat = max(peaks) < 1.25 * min(peaks)
            lines.append(
                f"  {layout}: {min(speeds):.2f}-{max(speeds):.2f} MB/s across sizes "
                f"({'constant: linear time' if max(speeds) < 1.25 * min(speeds) else 'NOT constant'}); "
                f"peak RSS {min(peaks):.0f}-{max(peaks):.0f} MB "
                f"({'flat in the input size' if flat else 'NOT flat'})"
            )
    elif ext:
        lines.append(f"Extraction: {ext['skipped']}")
    chk = results.get("check")
    if chk:
        lines.append("")
        lines.append(f"Check stage (check_claims only; target < {TARGET_CHECK_S:.0f} s)")
        took = chk["seconds"]
        if took is None:
            verdict = f"not finished within {chk['budget_s']:.0f} s (OVER TARGET)"
        else:
            verdict = f"{took:.1f} s ({'ok' if took < TARGET_CHECK_S else 'OVER TARGET'})"
        if chk.get("cpu_s") is not None:
            load = chk.get("load_average")
            verdict += f"; {chk['cpu_s']:.1f} s CPU" + (
                f", load average {load:.1f}" if load else ""
            )
        lines.append(
            f"  {chk['claims']:,} claims, {chk['measures']} measures, {chk['documents']} documents:"
            f" {verdict}"
        )
        if chk["findings"] is not None:
            lines.append(f"  {chk['findings']:,} findings {chk['by_rule']}")
        for name, stage_s in (chk.get("stages_s") or {}).items():
            shown = f"{stage_s:.1f} s" if stage_s is not None else "cut off"
            lines.append(f"    {name:<20} {shown}")
        for name, points in (chk.get("scaling_s") or {}).items():
            shown = ", ".join(
                f"{int(k):,} claims {v:.1f} s" if v is not None else f"{int(k):,} claims cut off"
                for k, v in points.items()
            )
            lines.append(f"    {name} on prefixes: {shown}")
        lines.append(f"  building the claims took {chk['build_s']:.1f} s")
        held = chk.get("claims_rss_mb")
        lines.append(
            f"  peak RSS {chk['peak_rss_mb']:.0f} MB (target {TARGET_CLAIMS_MB} MB"
            f"{', OVER' if chk['peak_rss_mb'] > TARGET_CLAIMS_MB else ''})"
            + (f"; {held:.0f} MB with the claims built, before the check" if held else "")
        )
    if results.get("shapes"):
        lines.append("")
        lines.extend(_shape_lines(results["shapes"]))
    pdf = results.get("pdf")
    if pdf and "runs" in pdf:
        lines.append("")
        lines.append(
            "PDF (the seeds laid out by LibreOffice; read page by page, extract, one core)"
        )
        lines.append(
            f"  {'pages':>7}{'MB':>7}{'pieces':>8}{'claims':>8}{'load s':>8}{'extract s':>10}"
            f"{'pages/s':>9}{'read p/s':>10}{'peak RSS':>10}{'growth':>8}"
        )
        for r in pdf["runs"]:
            lines.append(
                f"  {r['pages']:>7}{r['mb']:>7.1f}{r['pieces']:>8}{r['claims']:>8}"
                f"{r['load_s']:>8.1f}{r['extract_s']:>10.1f}{r['pages_per_s']:>9.0f}"
                f"{r['load_pages_per_s']:>10.0f}{r['peak_rss_mb']:>8.0f}MB{r['rss_growth_mb']:>6.0f}MB"
            )
    elif pdf:
        lines.append(f"\nPDF: {pdf['skipped']}")
    pre = results.get("precommit")
    if pre:
        lines.append("")
        option = "" if pre["corpus_option"] else " (no --corpus option yet)"
        lines.append(f"Pre-commit: 100 drafts, one changed: {pre['changed']}{option}")
        for name, t in pre["timings"].items():
            if "error" in t:
                lines.append(f"  {name:<26} failed (exit {t['exit']}): {t['error']}")
            else:
                lines.append(
                    f"  {name:<26} {t['min_s']:>6.2f} s wall (median {t['median_s']:.2f} s),"
                    f" {t['cpu_min_s']:.2f} s CPU"
                )
    mem = results.get("memory")
    if mem:
        lines.append("")
        lines.append(f"Memory of `factcheck check` on {mem['size_mb']} MB of dense prose "
                     f"({mem['corpus']}; target {mem['target_mb']} MB)")  # fmt: skip
        for r in mem["runs"]:
            if "error" in r:
                lines.append(f"  {r['run']:<18} failed (exit {r['exit']}): {r['error']}")
                continue
            over = " OVER TARGET" if r["peak_rss_mb"] > mem["target_mb"] else ""
            lines.append(f"  {r['run']:<18} peak RSS {r['peak_rss_mb']:>6.0f} MB{over}; "
                         f"{r['seconds']:.0f} s wall, {r['cpu_s']:.0f} s CPU")  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,25,50", help="one-file sizes in MB")
    parser.add_argument("--many-sizes", default="10,25", help="many-files sizes in MB")
    parser.add_argument("--line-sizes", default="50", help="sizes of the files without newline")
    parser.add_argument("--claims", type=int, default=1_000_000, help="synthetic claims")
    parser.add_argument(
        "--check-budget", type=float, default=20.0, help="seconds before the check is cut off"
    )
    parser.add_argument(
        "--shape-n", type=int, default=250_000, help="characters of the smallest shape input"
    )
    parser.add_argument("--parts", default="extract,check,shapes,precommit,pdf,memory")
    parser.add_argument(
        "--memory-mb", type=int, default=20, help="MB of dense prose for the memory part"
    )
    parser.add_argument("--pdf-repeats", default="1,5", help="the seeds this many times as a PDF")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "ARG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, arg = args.worker
        if kind == "extract":
            result = extract_worker(arg)
        elif kind == "pdf":
            result = pdf_worker(arg)
        elif kind == "shapes":
            count, budget = arg.split(":")
            result = shapes_worker(int(count), float(budget))
        else:
            count, budget = arg.split(":")
            result = check_worker(int(count), float(budget))
        print(json.dumps(result))
        return 0
    DATA.mkdir(exist_ok=True)
    parts = set(args.parts.split(","))
    started = time.perf_counter()
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    if "extract" in parts:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        many = [int(s) for s in args.many_sizes.split(",") if s]
        lines = [int(s) for s in args.line_sizes.split(",") if s]
        results["extract"] = bench_extract(sizes, many, lines)
    if "check" in parts:
        results["check"] = bench_check(args.claims, args.check_budget)
    if "shapes" in parts:
        results["shapes"] = bench_shapes(args.shape_n, budget=120.0)
    if "precommit" in parts:
        results["precommit"] = bench_precommit()
    if "pdf" in parts:
        results["pdf"] = bench_pdf([int(n) for n in args.pdf_repeats.split(",") if n])
    if "memory" in parts:
        results["memory"] = bench_memory(args.memory_mb)
    results["total_s"] = time.perf_counter() - started
    print()
    print(_table(results))
    print(f"\n(total {results['total_s']:.0f} s; results in {DATA / 'results.json'})")
    (DATA / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
