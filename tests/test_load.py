"""Tests of the load stage: files -> Document, with exact blanking of everything but prose."""

from __future__ import annotations

import io
import logging
import re
import sys
from pathlib import Path

import pytest
from growth import FACTOR, LIMIT, growth

from factcheck.errors import InputError
from factcheck.load import iter_paths, load_file, load_text, sniff
from factcheck.load.dates import date_line
from factcheck.load.mask import build_body, line_spans

SEEDS = Path(__file__).parent.parent.parent / "shared" / "seeds"


def kept(doc, needle: str) -> bool:
    """Whether ``needle`` survives in the body exactly where it is in the text."""
    i = doc.text.find(needle)
    assert i >= 0, f"test bug: {needle!r} not in the text"
    return doc.body[i : i + len(needle)] == needle


def blanked(doc, needle: str) -> bool:
    """Whether every non-newline character of ``needle`` is blank in the body."""
    i = doc.text.find(needle)
    assert i >= 0, f"test bug: {needle!r} not in the text"
    return doc.body[i : i + len(needle)].strip() == ""


def check_shape(doc) -> None:
    assert len(doc.body) == len(doc.text)
    for a, b in zip(doc.text, doc.body, strict=True):
        assert a == b or b == " " or a in "&"  # only blanks (entities tested separately)
        if a in "\n\r":
            assert b == a


# --- mask -------------------------------------------------------------------------------


def test_build_body_blanks_ranges_and_keeps_newlines():
    text = "ab\ncd\r\nef"
    assert build_body(text, [(1, 5), (4, 8)]) == "a \n  \r\n f"
    assert build_body(text, []) == text
    assert build_body("x&amp;y", [(2, 6)], {1: "&"}) == "x&    y"


def test_replacement_inside_a_blank_range_loses():
    assert build_body("abcdef", [(0, 6)], {2: "Z"}) == "      "


def test_line_spans_strip_line_endings():
    assert line_spans("a\r\nbc\n\nd") == [(0, 1), (3, 5), (6, 6), (7, 8)]
    assert line_spans("") == [(0, 0)]


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, iso",
    [
        ("March 2023", "2023-03"),
        ("Sept. 9, 2021", "2021-09-09"),
        ("Published March 3, 2024", "2024-03-03"),
        ("Updated: 2022-11-30", "2022-11-30"),
        ("14 February 2020", "2020-02-14"),
        ("Tuesday, May 6, 2025", "2025-05-06"),
        ("In March 2023 the rate rose.", None),
        ("The 2023 report", None),
    ],
)
def test_date_line(line, iso):
    assert date_line(line) == iso


# --- plain text -------------------------------------------------------------------------

HEADER = """Example Institute
  • Topics
    • Water
    • Energy
  • About
Select Page
Home / Energy / Grid costs
Energy, Prices

March 4, 2024

Grid costs in the valley

By A. Writer

Download PDF
Jump to Section
  1. Summary
  2. What changed

Summary

  1. Power prices in the valley rose by 12 percent in two years, mostly because of new lines.
  2. Households paid about 90 dollars more per year than before the upgrade began.

The utility spent 4.2 billion dollars on transmission between 2019 and 2023, a record.
"""


def test_text_navigation_header_is_blanked_but_title_and_key_points_kept():
    doc = load_text(HEADER, "a.txt", "text")
    check_shape(doc)
    for nav in ("• Topics", "• Water", "• About", "Select Page", "Home / Energy / Grid costs",
                "Download PDF", "Jump to Section", "1. Summary", "2. What changed",
                "March 4, 2024"):  # fmt: skip
        assert blanked(doc, nav), nav
    for body in ("Grid costs in the valley", "By A. Writer", "\n\nSummary\n\n",
                 "Power prices in the valley rose by 12 percent",
                 "about 90 dollars more per year", "4.2 billion dollars"):  # fmt: skip
        assert kept(doc, body), body
    i = doc.text.index("  1. Power")
    assert doc.body[i : i + 10] == "     Power"  # the list number is markup, not a claim
    assert doc.date == "2024-03-04"


def test_as_of_wins_over_the_date_line():
    assert load_text(HEADER, "a.txt", "text", as_of="2025-01").date == "2025-01"


def test_a_fact_list_with_numbers_is_not_a_menu():
    text = (
        "Facts\n  • 300 new wells\n  • 45 percent more water\n  • 7 dams\n\n"
        "The region drilled more wells last year than in the decade before it began.\n"
    )
    doc = load_text(text, "a.txt", "text")
    assert kept(doc, "300 new wells") and kept(doc, "45 percent more water")


ARTICLE = """A headline about wells

The county counted 1,250 private wells in 2022.[1] Most of them were shallow.[2, 3] A later
survey [sic] found 80 more.[4]

[1] Jane Roe, "Wells of the County," Water Journal, May 2, 2023, https://example.org/wells/2023.

[2] Ibid.

[3] John Doe, "Shallow Wells," Rural Press, 2021.

[4] Roe, "Wells of the County."
"""


def test_bracket_markers_and_trailing_citation_list():
    doc = load_text(ARTICLE, "a.txt", "text")
    check_shape(doc)
    labels = [(doc.text[m.start : m.end], m.label) for m in doc.markers]
    assert labels == [("[1]", "1"), ("[2, 3]", "2, 3"), ("[4]", "4")]
    assert kept(doc, "1,250 private wells in 2022.") and kept(doc, "[sic]")
    assert blanked(doc, "[1] Jane Roe") and blanked(doc, '[4] Roe, "Wells of the County."')
    assert "example.org" not in doc.body and "2023" not in doc.body


def test_a_numbered_list_of_plain_steps_at_the_end_is_body():
    text = (
        "The plan has three steps that the council approved in its spring meeting.\n\n"
        "1. Hire 12 inspectors\n\n2. Test 300 wells\n\n3. Publish the results\n"
    )
    doc = load_text(text, "a.txt", "text")
    assert kept(doc, "Hire 12 inspectors") and kept(doc, "Test 300 wells")


def test_reference_heading_blanks_to_the_end():
    text = (
        "Intro line\n\nThe dam holds 40 million cubic meters of water when it is full.\n\n"
        "More prose here about the dam and its 12 gates that open in spring floods.\n\n"
        "Sources\n\n1. Agency report, 2020, page 14.\n2. Another source, 2019.\n"
    )
    doc = load_text(text, "a.txt", "text")
    assert kept(doc, "40 million cubic meters") and kept(doc, "12 gates")
    assert blanked(doc, "Sources\n\n1. Agency report, 2020, page 14.\n2. Another source, 2019.")


def test_toc_lines_with_dot_leaders():
    text = (
        "Table of Contents\nOverview..... 3\nFigure 2: Flow by month ....... 18\n"
        "Costs . . . . . 7\n\nThe overview says flows fell 20 percent... 3 times as fast.\n"
    )
    doc = load_text(text, "a.txt", "text")
    for line in ("Table of Contents", "Overview..... 3", "Figure 2: Flow by month ....... 18",
                 "Costs . . . . . 7"):  # fmt: skip
        assert blanked(doc, line)
    assert kept(doc, "flows fell 20 percent... 3 times as fast.")


def test_trailing_boilerplate():
    text = (
        "Short title\n\n"
        "The new plant will treat 50 million liters of water a day when it opens next year.\n\n"
        "More From Author\n\nA related headline about rivers\n\nLeave a Reply\n\n"
        "Your email address will not be published. Fields marked * are required.\n"
        "© 2024 Example News\n"
    )
    doc = load_text(text, "a.txt", "text")
    assert kept(doc, "50 million liters")
    assert blanked(doc, "More From Author\n\nA related headline about rivers\n\nLeave a Reply")
    assert blanked(doc, "Fields marked * are required.\n© 2024 Example News")


def test_a_last_sentence_about_copyright_law_is_body():
    text = (
        "A headline\n\nThe court heard 14 cases this term and ruled on most of them quickly.\n\n"
        "Three cases turned on a copyright claim about a song from 1998.\n"
    )
    doc = load_text(text, "a.txt", "text")
    assert kept(doc, "Three cases turned on a copyright claim about a song from 1998.")


GLUED = (
    "A title line\n\n"
    "Officials counted about 4,100 crossings in 2023.7“Border Crossings,” Example Agency, "
    "March 3, 2024, https://example.gov/data/crossings-2023.htm. That was 15 percent fewer.\n\n"
    "The river carried 3.5Mt of silt, a drop of 8 percent.12Ann Lee, Rivers and Silt "
    "(Springfield: River Press, 2019), 44–51. Dredging resumed after 2020.\n\n"
    "Two mayors disagreed about the figures.”9Some officials said the count was low. Bo Chan, "
    "“Counting Again,” City Paper, June 1, 2022, https://example.com/a; Di Park, “Recount,” "
    "Daily, July 2, 2022, https://example.com/b. The city kept 60 percent of the budget.\n"
)


def test_glued_endnotes_are_markers_and_their_citations_are_blanked():
    doc = load_text(GLUED, "a.txt", "text")
    check_shape(doc)
    assert [m.label for m in doc.markers] == ["7", "12", "9"]
    for m in doc.markers:
        assert doc.text[m.start : m.end] == m.label and doc.body[m.start : m.end].isspace()
    assert kept(doc, "about 4,100 crossings in 2023.")
    assert kept(doc, " That was 15 percent fewer.")
    assert blanked(doc, "“Border Crossings,” Example Agency, March 3, 2024, https://example.gov")
    assert blanked(doc, "crossings-2023.htm.")
    # No URL: the note ends with its citation sentence.
    assert kept(doc, "3.5Mt of silt, a drop of 8 percent.")
    assert blanked(doc, "Ann Lee, Rivers and Silt (Springfield: River Press, 2019), 44–51.")
    assert kept(doc, " Dredging resumed after 2020.")
    # Explanatory note with several sources: it ends with the last URL.
    assert blanked(doc, "Some officials said the count was low.")
    assert blanked(doc, "Daily, July 2, 2022, https://example.com/b.")
    assert kept(doc, " The city kept 60 percent of the budget.")


def test_glued_endnotes_use_the_documents_endnote_list_when_there_is_one():
    text = (
        "Title\n\nThe lake lost 2 meters.4Ben Ode, “Low Water,” Lake News, 2021. "
        "Extra words of the note. The shore moved 30 meters.\n\n"
        "Endnotes\n\n  • 4\n    Ben Ode, “Low Water,” Lake News, 2021. Extra words of the note.\n"
    )
    doc = load_text(text, "a.txt", "text")
    assert blanked(doc, "Ben Ode, “Low Water,” Lake News, 2021. Extra words of the note.")
    assert kept(doc, "The shore moved 30 meters.")
    assert [m.label for m in doc.markers] == ["4"]


def test_decimals_with_units_are_not_glued_markers():
    doc = load_text("Output was 2.5Mt and then 1.2GW in total, said the report.\n", "a", "text")
    assert doc.markers == [] and kept(doc, "2.5Mt and then 1.2GW")


def test_urls_in_prose_are_blanked():
    doc = load_text(
        "See https://example.org/2024/07/report.pdf, which lists 12 sites.\n", "a", "text"
    )
    assert blanked(doc, "https://example.org/2024/07/report.pdf")
    assert kept(doc, ", which lists 12 sites.")


# --- Markdown ---------------------------------------------------------------------------

MD = """---
title: Test
date: 2024-06-01
---
# Water use in 2023 #

The town used **1.2 million** cubic meters,[^1] up *8 percent*. It paid \\$25 million
for pipes.<sup>2</sup> See [the report](https://example.org/r/2023 "Report 2023") and
<https://example.org/x/99>. Code `rate = 7` is not prose. Snake_case_name stays.

![Chart of 2023 use](img/2023.png)

```
total = 1200000
```

    indented 42 code

<!-- draft note: 77 wells -->

> Quoted: 5 new wells.

- First item has 3 parts
- Second item

| Year | Wells |
|------|-------|
| 2022 | 310 |

[^1]: A footnote definition that says 1999.

[ref]: https://example.org/ref/555
"""


def test_markdown_blanks_markup_and_keeps_prose():
    doc = load_text(MD, "a.md", "markdown")
    check_shape(doc)
    assert doc.date == "2024-06-01"
    assert blanked(doc, "title: Test\ndate: 2024-06-01")
    assert blanked(doc, "# ") and kept(doc, "Water use in 2023 ")
    assert "used   1.2 million   cubic" in doc.body
    assert kept(doc, "8 percent") and kept(doc, "$25 million")
    i = doc.text.index("\\$")
    assert doc.body[i : i + 2] == " $"  # the escape goes, the dollar stays
    assert kept(doc, "the report") and blanked(doc, '](https://example.org/r/2023 "Report 2023")')
    assert blanked(doc, "<https://example.org/x/99>")
    assert blanked(doc, "`rate = 7`") and kept(doc, "Snake_case_name stays.")
    assert blanked(doc, "![Chart of 2023 use](img/2023.png)")
    assert blanked(doc, "total = 1200000") and blanked(doc, "indented 42 code")
    assert blanked(doc, "<!-- draft note: 77 wells -->")
    assert blanked(doc, "> ") and kept(doc, "Quoted: 5 new wells.")
    assert blanked(doc, "- ") and kept(doc, "First item has 3 parts")
    assert kept(doc, "2022") and kept(doc, "310") and blanked(doc, "|------|-------|")
    assert blanked(doc, "[^1]: A footnote definition that says 1999.")
    assert blanked(doc, "[ref]: https://example.org/ref/555")
    assert [(doc.text[m.start : m.end], m.label) for m in doc.markers] == [
        ("[^1]", "1"),
        ("2", "2"),
    ]
    assert blanked(doc, "<sup>2</sup>")


SPLIT = """## Part one

The program trained 400 officers in its first year and then expanded to the

---

<sup>3</sup> A. Author, "A Source," Publisher, 2020, 17.

<sup>4</sup> Ibid., 21.

southern districts, where it reached 1,100 more.<sup>5</sup>

**Table of Contents**

Overview..... 3
*Costs* ..... 9

---

1. B. Author, "Another Source," 2018.
"""


def test_markdown_footnote_blocks_between_rules_interrupting_a_sentence():
    doc = load_text(SPLIT, "a.md", "markdown")
    check_shape(doc)
    assert kept(doc, "The program trained 400 officers in its first year and then expanded to the")
    assert kept(doc, "southern districts, where it reached 1,100 more.")
    assert blanked(doc, '<sup>3</sup> A. Author, "A Source," Publisher, 2020, 17.')
    assert blanked(doc, "<sup>4</sup> Ibid., 21.")
    assert blanked(doc, "---")
    assert blanked(doc, '1. B. Author, "Another Source," 2018.')
    assert blanked(doc, "**Table of Contents**") and blanked(doc, "Overview..... 3")
    assert blanked(doc, "*Costs* ..... 9")
    assert [m.label for m in doc.markers] == ["5"]


def test_markdown_reference_section_ends_at_next_heading():
    text = (
        "# Report\n\nThe fleet has 40 ships.\n\n## References\n\n- Navy data, 2021.\n\n"
        "## Annex\n\nThe annex lists 12 more ships.\n"
    )
    doc = load_text(text, "a.md", "markdown")
    assert blanked(doc, "## References\n\n- Navy data, 2021.")
    assert kept(doc, "The fleet has 40 ships.") and kept(doc, "The annex lists 12 more ships.")


def test_markdown_contents_entry_naming_the_notes_is_not_a_notes_heading():
    # "5. Notes" in a list of sections is an entry; taken for the notes heading it hid the
    # whole document after it.
    text = (
        "# Harbour report\n\n1. Summary\n2. Dredging\n3. Notes\n\n"
        "The harbour took 40 ships in 2023.\n\nDredging cost $3 million.\n\n"
        "**Notes**\n\n1. Port data, 2024.\n"
    )
    doc = load_text(text, "a.md", "markdown")
    assert kept(doc, "The harbour took 40 ships in 2023.") and kept(
        doc, "Dredging cost $3 million."
    )
    assert blanked(doc, "1. Port data, 2024.")


def test_markdown_glued_endnotes_are_markers_as_in_plain_text():
    doc = load_text(GLUED, "a.md", "markdown")
    assert [m.label for m in doc.markers] == ["7", "12", "9"]
    assert blanked(doc, "“Border Crossings,” Example Agency, March 3, 2024, https://example.gov")
    assert kept(doc, " The city kept 60 percent of the budget.")


def test_sniff():
    assert sniff("### Heading\n\nText with **bold** here.\n") == "markdown"
    assert sniff("A claim.<sup>1</sup>\n") == "markdown"
    assert sniff("<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff("Plain words. Required fields are marked *\n") == "text"


# --- HTML -------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Page 2024</title><meta name="date" content="2024-02-29T10:00:00Z">
<style>p { margin: 3px; }</style></head>
<body><nav><a href="/">Home</a> <a href="/p/2">Page 2</a></nav>
<header>Site 9</header>
<p>About 5&nbsp;million people &amp; 3&#8211;4 dogs said &ldquo;hi&rdquo;.<sup>4</sup>
The area is 10 km<sup>2</sup>. See note <a href="#fn7" class="ref">7</a>.</p>
<pre>x = 11</pre><p>Inline <code>y = 12</code> code.</p>
<script>var a = "<p>13</p>";</script><!-- 14 -->
<h2>References</h2><ol><li>Source, 1999.</li></ol>
<h2>Annex</h2><p>The annex counts 15 sites.</p>
<footer>© 2024</footer>
</body></html>
"""


def test_html_blanks_tags_and_non_prose_elements():
    doc = load_text(HTML, "a.html", "html")
    assert len(doc.body) == len(doc.text)
    assert doc.date == "2024-02-29"
    for gone in ("Page 2024", "p { margin: 3px; }", "Home", "Site 9", "x = 11", "y = 12",
                 'var a = "<p>13</p>";', "<!-- 14 -->", "Source, 1999.", "© 2024",
                 "<p>", "</p>", '<a href="#fn7" class="ref">'):  # fmt: skip
        assert blanked(doc, gone), gone
    assert kept(doc, "About 5") and kept(doc, "million people ")
    assert kept(doc, "The area is 10 km") and kept(doc, "The annex counts 15 sites.")
    assert [(doc.text[m.start : m.end], m.label) for m in doc.markers] == [("4", "4"), ("7", "7")]
    i = doc.text.index("&nbsp;")
    assert doc.body[i : i + 6] == "      "
    i = doc.text.index("&amp;")
    assert doc.body[i : i + 5] == "&    "
    i = doc.text.index("&#8211;")
    assert doc.body[i : i + 7] == "–      "
    assert "“      hi”" in doc.body
    i = doc.text.index("km<sup>2</sup>")
    assert doc.body[i + 2 : i + 14].strip() == "2"  # an exponent, not a footnote


def test_html_malformed_marked_section_is_read_as_text():
    # Python's HTMLParser raises AssertionError on "<![" without a name (found by hypothesis).
    doc = load_text("<p>A <![0 section, then 42 clinics.</p>", "a.html", "html")
    assert len(doc.body) == len(doc.text)
    assert kept(doc, "then 42 clinics.")


def test_html_time_element_gives_the_date():
    doc = load_text('<p><time datetime="2023-05-17">May 17</time> text</p>', "a.html", "html")
    assert doc.date == "2023-05-17"


# --- files and paths --------------------------------------------------------------------


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        list(iter_paths([str(tmp_path / "nope.txt")]))
    with pytest.raises(InputError, match="nope.md: no such file or directory"):
        load_file(tmp_path / "nope.md")


def test_binary_file_is_skipped_with_a_warning(tmp_path, caplog):
    f = tmp_path / "b.txt"
    f.write_bytes(b"abc\x00def")
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        assert load_file(f) is None
    assert "binary" in caplog.text and "b.txt" in caplog.text


def test_bad_bytes_are_replaced_with_a_warning(tmp_path, caplog):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"Caf\xe9 sold 12 cups.\n")
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        doc = load_file(f)
    assert doc.text == "Caf\ufffd sold 12 cups.\n"
    assert doc.warnings and "bad.txt" in doc.warnings[0] and "UTF-8" in doc.warnings[0]
    assert "bad.txt" in caplog.text


def test_bom_is_stripped_so_offsets_match_columns(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffOne line with 7 words in it here.\n".encode())
    doc = load_file(f)
    assert doc.text.startswith("One") and doc.position(doc.text.index("7")) == (1, 15)


def test_txt_with_markdown_features_is_read_as_markdown(tmp_path):
    f = tmp_path / "m.txt"
    f.write_text("### A heading\n\nText with **12 units** in it.<sup>1</sup>\n", encoding="utf-8")
    doc = load_file(f)
    assert doc.body.startswith("    A heading") and len(doc.markers) == 1


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"# Head\n\nA **5** x.\n")))
    doc = load_file("-")
    assert doc.path == "<stdin>" and doc.body == "  Head\n\nA   5   x.\n"
    assert list(iter_paths(["-"])) == ["-"]


def test_iter_paths_expands_directories(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".factcheck-cache").mkdir()
    for name in ("b/z.md", "a.txt", "b/y.html", "c.png", ".git/x.md", ".factcheck-cache/k.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    rel = [p.relative_to(tmp_path).as_posix() for p in iter_paths([str(tmp_path)])]
    assert rel == ["a.txt", "b/y.html", "b/z.md"]
    rel = [p.name for p in iter_paths([str(tmp_path)], include=["*.md", "*.html"])]
    assert rel == ["y.html", "z.md"]
    rel = [p.name for p in iter_paths([str(tmp_path)], exclude=["b/*"])]
    assert rel == ["a.txt"]
    explicit = tmp_path / "c.png"  # a format no reader reads: walks skip it, names keep it
    assert list(iter_paths([str(explicit)])) == [explicit]
    assert list(iter_paths([str(explicit)], exclude=["*.png"])) == []


# --- linear time ------------------------------------------------------------------------

# Each shape as (prefix, repeated unit, repetitions at full size, suffix): the tests load it at
# a quarter and an eighth of that size and compare (tests/growth.py).
PATHOLOGICAL = {
    "one 5 MB line": ("", "lorem ipsum, dolor. ", 250_000, ""),
    "100k markers": ("", "word[1]", 100_000, ""),
    "bare brackets": ("", "[1]", 100_000, ""),
    "glued markers": ("", "Word.1Word ", 100_000, ""),
    "open brackets": ("", "[", 300_000, "]"),
    "link openers": ("", "](", 300_000, ""),
    "angle brackets": ("", "<", 300_000, ""),
    "backticks": ("", "` ``", 100_000, ""),
    "stars": ("", "*a ", 200_000, ""),
    "dots": ("", ".", 1_000_000, "x"),
    "quotes": ("", "“", 300_000, "."),
    "urls": ("", "https://x.org/", 100_000, ""),
    "short lines": ("", "Short line\n", 200_000, ""),
    "entities": ("", "&amp", 200_000, ""),
    "note of dots": ("Word.1Word ", ".", 24_000, "x\n"),
    "dotted notes": ("Word.1Word ", "." * 5000 + "x ", 100, ""),
    "spaced heading": ("# a", " ", 200_000, "#x\n"),
    "hash heading": ("# ", "# ", 100_000, "x\n"),
}


def _shape(name: str):
    prefix, unit, full, suffix = PATHOLOGICAL[name]
    return lambda n: prefix + unit * n + suffix, max(1, full // 8)


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_loading_is_linear_time(name, fmt):
    make, n = _shape(name)
    assert len(load_text(make(n), "big", fmt).body) == len(make(n))
    ratio = growth(make, lambda text: load_text(text, "big", fmt), n // 4 or 1)
    assert ratio < LIMIT, f"{name} as {fmt}: {FACTOR}x the input took {ratio:.1f}x the time"


def test_5mb_file_without_newline_and_marker_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("lorem ipsum dolor sit amet " * 200_000)[:5_000_000], encoding="utf-8")
    markers = tmp_path / "markers.txt"
    markers.write_text("claim[1]" * 100_000 + "\n", encoding="utf-8")
    for f, n in ((big, 0), (markers, 100_000)):
        assert len(load_file(f).markers) == n

    def write(k: int):
        path = tmp_path / f"line-{k}.txt"
        path.write_text("claim[1] lorem ipsum " * k, encoding="utf-8")
        return path

    ratio = growth(write, load_file, 15_000)
    assert ratio < LIMIT, f"{FACTOR}x the file took {ratio:.1f}x the time"


# --- the seed corpus --------------------------------------------------------------------


def seed(prefix: str):
    if not SEEDS.is_dir():
        pytest.skip("seed corpus not present")
    (path,) = SEEDS.glob(prefix + "_*.txt")
    return load_file(path)


def test_seed_003_inline_endnotes_and_navigation():
    doc = seed("003")
    check_shape(doc)
    assert "http" not in doc.body and "www." not in doc.body
    assert "Centers for Disease Control and Prevention, May 15" not in doc.body
    assert "about 79,000" in doc.body and "350–370" in doc.body
    assert "27 percent decline" in doc.body
    assert [m.label for m in doc.markers] == [str(n) for n in range(1, 91)]
    assert doc.date == "2025-07-02"
    assert "Select Page" not in doc.body and "Jump to Section" not in doc.body
    assert "Endnotes" not in doc.body  # the endnote list and the site footer after it
    # No citation leftovers glued to sentence ends: ".12" or a quote then digits.
    assert not re.search(r"[.”][0-9]{1,3}[“A-Z]", doc.body)


def test_seed_001_reference_list_and_markers():
    doc = seed("001")
    check_shape(doc)
    last_ref = doc.text.rindex("[1] ")
    assert doc.body[last_ref:].strip() == ""
    assert len(doc.markers) >= 30 and all(m.label.isdigit() for m in doc.markers[:5])
    assert "Skip to main content" not in doc.body
    assert "100,000 fentanyl overdoses" in doc.body


def test_seed_000_footnote_blocks_and_toc():
    doc = seed("000")
    check_shape_md = len(doc.body) == len(doc.text)
    assert check_shape_md
    assert "<sup>" not in doc.body and "---" not in doc.body and "\\$" not in doc.body
    assert "$25 million" in doc.body
    assert not re.search(r"\.{4,} *\d", doc.body)  # table of contents gone
    assert [m.label for m in doc.markers] == [str(n) for n in range(1, 69)]
    assert doc.date == "2025-04"
    # A footnote block interrupts a sentence: both halves stay, the block goes.
    lines = doc.body.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("The concept of “asym"))
    assert lines[first + 2].strip() == "" and lines[first + 4].strip() == ""
    assert lines[first + 6].startswith("to include terrorism")


def test_seed_002_boilerplate():
    doc = seed("002")
    assert "Leave a Reply" not in doc.body and "More From Author" not in doc.body
    assert "Required fields" not in doc.body
    assert "one of the deadliest challenges facing the country." in doc.body


# --- robustness -------------------------------------------------------------------------


def test_glued_digits_inside_a_url_are_not_a_marker():
    text = "Title\n\nA long enough sentence about the data in this file.\n<https://x.org/1.2Plan.pdf>\n"
    assert load_text(text, "a.txt", "text").markers == []


def test_line_endings_are_kept_and_positions_hold():
    text = "# Title\r\n\r\nThe stock fell 3 percent.\r\nA second line.\r"
    for fmt in ("text", "markdown", "html"):
        doc = load_text(text, "a", fmt)
        assert [i for i, c in enumerate(doc.body) if c in "\r\n"] == [
            i for i, c in enumerate(text) if c in "\r\n"
        ]
        assert doc.body[doc.text.index("3 percent") :].startswith("3 percent")


ALPHABET = "ab 1.2[]()<>/!*_`#>-|\\&;:“”\"'\n\r\t•^$sup="


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_any_input_gives_a_body_of_the_same_shape(fmt):
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(st.text(alphabet=ALPHABET, max_size=300))
    def check(text):
        doc = load_text(text, "x", fmt)
        assert len(doc.body) == len(text)
        for a, b in zip(text, doc.body, strict=True):
            if a in "\r\n" or b in "\r\n":
                assert a == b
        for m in doc.markers:
            assert 0 <= m.start < m.end <= len(text) and doc.body[m.start : m.end].isspace()

    check()


def test_seed_003_endnote_heuristic_without_the_list_agrees_with_the_list():
    """The fallback rule (no endnote list to match) finds the same note ends nearly always."""
    if not SEEDS.is_dir():
        pytest.skip("seed corpus not present")
    from factcheck.load import endnotes
    from factcheck.load import text as plain
    from factcheck.load.mask import Layout

    (path,) = SEEDS.glob("003_*.txt")
    text = path.read_text(encoding="utf-8")
    spans = line_spans(text)
    heading = plain.reference_section(text, spans, Layout())
    notes = plain.parse_entries(text, spans, heading + 1, len(spans))
    assert len(notes) == 90
    exact, guessed = Layout(), Layout()
    endnotes.glued(text, spans[heading][0], notes, exact)
    endnotes.glued(text, spans[heading][0], {}, guessed)
    assert exact.markers == guessed.markers and len(exact.markers) == 90
    agree = sum(a == b for a, b in zip(sorted(exact.zones), sorted(guessed.zones), strict=True))
    assert agree >= 89  # one explanatory note goes on in prose after its last URL


def test_a_contents_entry_named_notes_is_not_a_reference_heading():
    prose = "The valley has 14 farms that grow rice and beans for the local market. "
    text = (
        f"{prose}\n\n{prose}\n\nSections\n  1. Farms\n  2. Notes\n  3. Maps\n\n"
        "The farms employ 230 people in the harvest season, most of them seasonal.\n"
    )
    doc = load_text(text, "a.txt", "text")
    assert kept(doc, "The farms employ 230 people")


def test_a_footnote_carried_over_a_page_break_is_not_body():
    from factcheck.load import load_text

    text = (
        "The plan gives the command a new role. This structural\n\n---\n\n"
        "the five units report to it; Office of Communication, Fact Book 2023, 10–11, "
        "<https://example.org/book.pdf>.\n\n<sup>4</sup> A later note, 2021.\n\n"
        "change matters for 300 officers.\n"
    )
    doc = load_text(text, "x.md", "markdown")
    assert "10–11" not in doc.body and "Fact Book" not in doc.body
    assert "300 officers" in doc.body and "This structural" in doc.body


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("Crossings rose by 12% from 2019 to 2020.4\n\nThe ratio was 2.5\n", "text"),
        ("Crossings rose by 12% from 2019 to 2020.4\n\nThe ratio was 2.5\n", "markdown"),
        ("<p>Crossings rose by 12% from 2019 to 2020.4</p><p>The ratio was 2.5</p>", "html"),
    ],
)
def test_a_note_number_glued_to_the_end_of_a_paragraph_is_a_marker(text, fmt):
    from factcheck.extract import extract_document

    doc = load_text(text, "a", fmt)
    assert [m.label for m in doc.markers] == ["4"]
    claims = {c.surface: c for c in extract_document(doc)}
    assert claims["12%"].period == "2019/2020" and claims["12%"].citation == "4"
    assert claims["2.5"].value == 2.5  # a decimal at a paragraph's end stays a decimal
