"""Large documents are read in sections with the file's positions, so memory stays bounded.

The sections must be invisible in the output: a claim read from a section has the line,
column, offsets and id a whole read gives it, and the original file at ``line:col`` starts
with its surface. These tests use a small section size so that they stay fast.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.load import iter_documents, load_file
from factcheck.load.sections import SECTION_CHARS, cut_point, decoded_blocks, iter_sections
from factcheck.pipeline import extract_claims

# Prose paragraphs that each state their own year, so a claim's context never reaches into
# another paragraph (a section boundary between paragraphs then changes nothing).
PARAGRAPH = (
    "In {year}, about {n:,} people in Ohio died of overdoses, a {p} percent rise over the "
    "year before. Treatment programs spent $1.{d} billion that year, and nearly {m} clinics "
    "opened.\n\n"
)


def _prose(paragraphs: int) -> str:
    return "".join(
        PARAGRAPH.format(
            year=2000 + i % 24, n=1000 + 37 * i, p=3 + i % 40, d=i % 10, m=10 + i % 500
        )
        for i in range(paragraphs)
    )


def _fields(claims):
    return [(c.id, c.line, c.column, c.end_line, c.end_column, c.surface, c.value, c.unit,
             c.qualifier, c.period) for c in claims]  # fmt: skip


def _at(lines: list[str], line: int, column: int) -> str:
    return lines[line - 1][column - 1 :]


def _claims(path: Path, section_chars: int | None):
    docs = list(iter_documents(path, section_chars=section_chars))
    return docs, [c for doc in docs for c in extract_claims(doc)]


def test_a_document_within_the_limit_is_one_section(tmp_path: Path):
    path = tmp_path / "brief.txt"
    path.write_text(_prose(20))
    docs = list(iter_documents(path))
    assert len(docs) == 1
    assert docs[0].text == load_file(path).text
    assert len(path.read_text()) < SECTION_CHARS


def test_sections_give_the_claims_of_a_whole_read(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text(_prose(300))
    whole_docs, whole = _claims(path, None)
    docs, parts = _claims(path, 5_000)
    assert len(whole_docs) == 1 and len(docs) > 10
    assert all(len(d.text) <= 5_000 for d in docs)
    assert "".join(d.text for d in docs) == whole_docs[0].text
    assert len(whole) == 300 * 4
    assert _fields(parts) == _fields(whole)


def test_a_file_without_newlines_is_cut_at_spaces_with_true_columns(tmp_path: Path):
    path = tmp_path / "one-line.txt"
    path.write_text(_prose(200).replace("\n", " "))
    docs, claims = _claims(path, 3_000)
    assert len(docs) > 10
    assert {d.first_line for d in docs} == {1}
    lines = path.read_text().split("\n")
    assert len(claims) == 200 * 4
    for c in claims:
        assert c.line == 1
        assert _at(lines, c.line, c.column).startswith(c.surface), c
    assert _fields(claims) == _fields(_claims(path, None)[1])


def test_crlf_and_utf8_positions_hold_across_sections(tmp_path: Path):
    path = tmp_path / "dos.txt"
    text = _prose(150).replace("people", "people — résidents").replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    docs, claims = _claims(path, 4_000)
    assert len(docs) > 5
    lines = path.read_bytes().decode("utf-8").split("\n")
    for c in claims:
        assert _at(lines, c.line, c.column).startswith(c.surface), c


def test_a_markdown_section_never_ends_inside_a_code_fence():
    intro = "Some prose of the introduction.\n\n" * 20  # 660 characters
    fence = "```\n" + "x = 1\n\n" * 100 + "```\n\n"  # from 660 to beyond the limit
    text = intro + fence + "After the fence, 120 clinics opened.\n\n"
    assert cut_point(text, 1_000, markdown=True) == len(intro)
    assert cut_point(text, 1_000) > len(intro)  # plain text has no fences


@given(
    st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=300),
    st.integers(min_value=1, max_value=9),
)
def test_blocks_are_cut_between_characters(text: str, block: int):
    stream = io.BytesIO(text.encode("utf-8"))
    decoded = "".join(t for t, _ in decoded_blocks(stream, "t.txt", block_bytes=block))
    assert decoded == text.removeprefix("\ufeff")


def test_a_bad_byte_in_a_later_block_is_reported_once_with_its_offset():
    data = b"a" * 50 + b"\xff" + b"b" * 50 + b"\xfe"
    found = [w for _, ws in decoded_blocks(io.BytesIO(data), "bad.txt", block_bytes=16) for w in ws]
    assert found == [
        "bad.txt: not valid UTF-8 (first bad byte at offset 50); "
        "undecodable bytes replaced with U+FFFD"
    ]


def test_sections_carry_the_documents_date(tmp_path: Path):
    path = tmp_path / "dated.md"
    path.write_text("---\ndate: 2024-03-01\n---\n\n" + _prose(200))
    docs = list(iter_documents(path, section_chars=4_000))
    assert len(docs) > 5
    assert {d.date for d in docs} == {"2024-03-01"}


def test_nul_bytes_after_the_first_block_stop_the_read(tmp_path: Path, caplog):
    path = tmp_path / "mixed.txt"
    prose = _prose(6_000)  # over one block (1 MiB) of text before the binary part
    path.write_bytes(prose.encode() + b"\x00\x01binary")
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        docs = list(iter_documents(path, section_chars=400_000))
    read = "".join(d.text for d in docs)
    assert len(read) >= 1 << 20 and prose.startswith(read)
    assert [r.getMessage().split(": ", 1)[1] for r in caplog.records] == [
        f"NUL byte at offset {len(prose)}: the rest is binary, not read"
    ]


def test_an_html_document_is_never_cut(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text("<html><body>" + _prose(100).replace("\n\n", "<p>") + "</body></html>")
    docs = list(iter_documents(path, section_chars=2_000))
    assert len(docs) == 1


@pytest.mark.parametrize("limit", [1, 2, 10])
def test_iter_sections_makes_progress_with_tiny_limits(limit: int):
    text = "ab cd\n\nef gh ij\n" * 3
    sections = [
        s for _, s in iter_sections(io.BytesIO(text.encode()), "t.txt", lambda h: "text", limit)
    ]
    assert "".join(s.text for s in sections) == text
    assert all(0 < len(s.text) <= limit for s in sections)


def test_the_cli_reads_a_file_over_the_limit_in_sections(tmp_path: Path):
    import json

    from click.testing import CliRunner

    from factcheck.cli import cli

    paragraphs = SECTION_CHARS // len(_prose(1)) + 500
    path = tmp_path / "huge.txt"
    path.write_text(_prose(paragraphs))
    assert len(list(iter_documents(path))) == 2
    result = CliRunner().invoke(cli, ["extract", "--no-catalog", str(path)])
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.output.splitlines()]
    assert len(claims) == 4 * paragraphs
    assert len({c["id"] for c in claims}) == len(claims)
    lines = path.read_text().split("\n")
    for c in claims[:: max(1, len(claims) // 500)] + claims[-8:]:
        assert _at(lines, c["line"], c["column"]).startswith(c["surface"]), c
