"""Output files are written whole or not at all, and never over an input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.output import atomic_write

DRAFT = "Officials counted 1,234 arrests in 2021, and about 5,600 in 2022.\n"


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.md"
    path.write_text(DRAFT)
    return path


def _as(kind: str, draft: Path) -> str:
    """The draft's path written another way."""
    if kind == "same":
        return str(draft)
    if kind == "relative":
        return os.path.relpath(draft)
    if kind == "dotted":
        return str(draft.parent / "." / draft.name)
    link = draft.parent / ("link.md" if kind == "symlink" else "hard.md")
    if kind == "symlink":
        link.symlink_to(draft)
    else:
        os.link(draft, link)
    return str(link)


@pytest.mark.parametrize("command", ["extract", "check"])
@pytest.mark.parametrize("kind", ["same", "relative", "dotted", "symlink", "hardlink"])
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(
    draft, capsys, command, kind
):
    # `extract -o draft.md draft.md` once emptied the draft before reading it.
    output = _as(kind, draft)
    argv = [command, "-o", output, str(draft)]
    if command == "check":
        argv.insert(1, "--no-cache")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "is also an input" in err and output in err
    assert draft.read_text() == DRAFT


def test_an_output_inside_an_input_directory_is_refused(draft, capsys):
    assert main(["extract", "-o", str(draft), str(draft.parent)]) == 2
    assert draft.read_text() == DRAFT


def test_a_failing_writer_leaves_the_previous_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("previous")
    with pytest.raises(RuntimeError), atomic_write(target) as out:
        out.write("half of the new")
        raise RuntimeError("crash while writing")
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_replaced_file_keeps_its_permissions_and_a_link_is_written_through(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    with atomic_write(link) as out:
        out.write("new")
    assert link.is_symlink() and target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def _kill_writes():
    """benchmarks/kill_writes.py, loaded as a module (benchmarks/ is not a package)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "kill_writes.py"
    spec = importlib.util.spec_from_file_location("kill_writes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_kill_9_while_writing_leaves_the_old_or_the_new_report(tmp_path):
    # A modest number of runs here; `python benchmarks/kill_writes.py` runs 100.
    seen = _kill_writes().kill_during_writes(tmp_path, runs=4, seed=14)
    assert sum(seen.values()) == 4


def test_a_device_or_a_pipe_is_written_to_not_replaced(tmp_path):
    # `-o /dev/null` must not put a regular file in place of the device.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    with atomic_write(fifo) as out:
        out.write("through the pipe")
    reader.join(timeout=120)  # only a guard against a hang
    assert got == ["through the pipe"] and fifo.is_fifo()
    with atomic_write(os.devnull) as out:
        out.write("nothing")
    assert Path(os.devnull).is_char_device()
