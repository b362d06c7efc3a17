"""The HTML report (factcheck/report/html.py and charts.py), checked as a reviewer sees it.

The page is parsed for structure and self-containment, then, when Debian's chromium is
installed, rendered in headless Chromium: a screenshot must show something, and the DOM the
browser built must hold the findings and the charts.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import (
    BRIEF,
    MEMO,
    SYNTHETIC,
    empty_report,
    make_claim,
    place,
    sample_references,
    sample_report,
)

from factcheck.model import Finding
from factcheck.references import Dataset, Reference, ReferenceSet
from factcheck.report.charts import convert, measure_chart, period_span
from factcheck.report.html import highlight, linkify, render_html

VOID = {"meta", "br", "col", "img", "hr", "input", "link", "wbr", "source", "area", "base"}


class Structure(HTMLParser):
    """Collects tags and checks that every non-void element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):  # <path ... /> inside SVG
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def page_of(report, references=None) -> str:
    out = io.StringIO()
    render_html(report, out, references)
    return out.getvalue()


def parse(page: str) -> Structure:
    parser = Structure()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def page() -> str:
    return page_of(sample_report(), sample_references())


def test_page_is_well_formed_and_self_contained(page):
    parsed = parse(page)
    assert parsed.errors == [] and parsed.stack == []
    assert page.startswith("<!DOCTYPE html>")
    tags = [tag for tag, _ in parsed.tags]
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    for tag, attrs in parsed.tags:
        # Nothing is loaded from elsewhere: images are inline, links are only links.
        assert not attrs.get("src") or attrs["src"].startswith("data:"), (tag, attrs)
        if tag == "a":
            assert attrs["href"].startswith(("#", "https://", "http://")), attrs
    assert "@import" not in page and "url(" not in page.split("</style>")[0]


def test_findings_come_first_with_sentences_and_evidence(page):
    report = sample_report()
    findings_at = page.index('<section id="findings">')
    assert findings_at < page.index('<section id="charts">') < page.index('<section id="claims">')
    for finding in report.findings:
        assert f'id="{finding.id}"' in page
    contradiction = next(f for f in report.findings if f.rule == "contradiction")
    article = page[page.index(f'id="{contradiction.id}"') :]
    article = article[: article.index("</article>")]
    assert '<span class="badge error">error</span>' in article
    assert "more than 100,000 contradicts about 70,000" in article
    # Both claims, each with its place and its sentence, the number marked.
    assert "drafts/memo.md:3:28" in article and "drafts/brief.md:4:57" in article
    assert "at <mark>about 70,000</mark> deaths" in article
    assert "2021 <mark>more than 100,000</mark> residents" in article
    # The evidence: reference value, status, source link, expected/actual/difference/tolerance.
    assert "<strong>70,601</strong>" in article and "final-secondary" in article
    assert '<a href="https://nida.nih.gov/research-topics/' in article
    for label in ("expected", "actual", "difference", "tolerance"):
        assert f"<dt>{label}</dt>" in article
    assert "+36.0%" in article
    # Errors before warnings before info.
    positions = [page.index(f'id="{f.id}"') for f in report.findings]
    order = sorted(zip(positions, (f.severity for f in report.findings), strict=True))
    ranks = [{"error": 0, "warning": 1, "info": 2}[severity] for _, severity in order]
    assert ranks == sorted(ranks)


def test_header_summary(page):
    header = page[page.index("<header>") : page.index("</header>")]
    assert "1 error" in header and "3 warnings" in header and "2 info" in header
    assert "3 documents · 8 claims · 0.42 s" in header
    assert "claims.yaml" in header


def test_a_chart_per_measure_with_claims_and_a_series(page):
    figures = page.count('<figure class="chart"')
    # The overdose series and its change both have claims; the lethal dose has no series, and
    # the seizure claim no measure.
    assert figures == 2
    assert f'id="chart-{SYNTHETIC}"' in page
    chart = page[page.index(f'id="chart-{SYNTHETIC}"') :]
    chart = chart[: chart.index("</figure>")]
    assert chart.count("<svg") == 1 and "<?xml" not in chart
    # Text stays text in the SVG: the documents' legend and the statuses of the series.
    for text in ("drafts/brief.md (2)", "reference: provisional", "reference: final, unconfirmed"):
        assert text in chart
    assert "5 claims" in chart


def test_all_claims_table(page):
    table = page[page.index('<section id="claims">') :]
    table = table[: table.index("</section>")]
    report = sample_report()
    for claim in report.claims:
        assert f'<tr id="{claim.id}"' in table
    assert "Border agents impounded <mark>12 tons</mark> of precursor" in table
    assert 'class="badge error" href="#' in table


def test_text_from_documents_and_data_is_escaped():
    report = sample_report()
    evil = make_claim(
        'drafts/<img src=x onerror="alert(1)">.md',
        2,
        10,
        "3,000 <b>",
        'A sentence with <script>alert("x")</script> & 3,000 <b> in it.',
        3000,
        3000,
        3000,
        measure=SYNTHETIC,
        period="2018",
    )
    report.claims.append(evil)
    finding = Finding(
        rule="reference-mismatch",
        severity="warning",
        message="<script>bad()</script> & more",
        claims=[place(evil)],
        reference={
            "dataset": "d<x>",
            "measure": SYNTHETIC,
            "value": 31335,
            "low": None,
            "high": None,
            "unit": "count",
            "period": "2018",
            "place": "US",
            "status": "final",
            "source": "javascript:alert(1) and <i>tags</i>",
            "url": 'https://example.org/a?b=1&c="2"',
            "row": 3,
        },
        expected="<31,335>",
        actual="3,000",
        explanation=["<step>"],
    )
    report.findings.append(finding)
    page = page_of(report, sample_references())
    assert (
        "<script" not in page and "<img" not in page and "<i>" not in page and "<step>" not in page
    )
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>3,000 &lt;b&gt;</mark>"
        in page
    )
    assert "&lt;script&gt;bad()&lt;/script&gt; &amp; more" in page
    assert (
        'href="https://example.org/a?b=1&amp;c=&quot;2&quot;"' not in page
    )  # the quote ends the URL
    assert 'href="https://example.org/a?b=1&amp;c="' in page
    assert 'href="javascript' not in page
    parsed = parse(page)
    assert parsed.errors == [] and parsed.stack == []


def test_no_references_no_charts_and_an_empty_report():
    page = page_of(sample_report(), None)
    assert '<section id="charts">' not in page and "<svg" not in page
    empty = page_of(empty_report(), sample_references())
    assert "No errors or warnings." in empty and "<svg" not in empty
    assert parse(empty).errors == []


def test_highlight_and_linkify():
    assert highlight("a <1> b", "<1>") == "a <mark>&lt;1&gt;</mark> b"
    assert (
        highlight("no number here", "5")
        == 'no number here <span class="surface">(<mark>5</mark>)</span>'
    )
    assert linkify("see https://a.org/x, then (http://b.org/y).") == (
        'see <a href="https://a.org/x" rel="noreferrer">https://a.org/x</a>, then '
        '(<a href="http://b.org/y" rel="noreferrer">http://b.org/y</a>).'
    )
    assert linkify("file:///etc/passwd") == "file:///etc/passwd"


def test_period_span():
    assert period_span("2021") == (2021.0, 2022.0)
    assert period_span("2016/2020") == (2016.0, 2021.0)
    start, end = period_span("2023-05")
    assert start == pytest.approx(2023 + 4 / 12) and end == pytest.approx(2023 + 5 / 12)
    assert period_span("2023-05/2024-04") == pytest.approx((2023 + 4 / 12, 2024 + 4 / 12))
    assert period_span("2019/..") == (2019.0, 2020.0)
    assert period_span("2024-02-29")[0] == pytest.approx(2024 + 59 / 366)
    for bad in (None, "", "2021-13", "soon", "2023-02-30"):
        assert period_span(bad) is None


def test_convert_keeps_counts_and_percentages_apart():
    assert convert(2, "milligram", "microgram") == pytest.approx(2000)
    assert convert(40, "percent", "count") is None
    assert convert(5, "count", "count") == 5
    assert convert(1, "milligram", "USD") is None


def test_chart_notes_claims_it_cannot_place():
    claims = [
        make_claim(
            MEMO, 1, 1, "about 50,000", "About 50,000 died.", 50000, 47500, 52500, measure=SYNTHETIC
        ),
        make_claim(
            MEMO,
            2,
            1,
            "at most 20,000",
            "At most 20,000 in 2015.",
            20000,
            None,
            20000,
            measure=SYNTHETIC,
            period="2015",
        ),
    ]
    chart = measure_chart(SYNTHETIC, claims, sample_references().series(SYNTHETIC))
    assert chart.drawn == 1
    assert chart.notes == [f"{MEMO}:1:1 (about 50,000) has no period to place it in time"]
    assert chart.svg.startswith("<svg") and chart.svg.rstrip().endswith("</svg>")


# --- in the browser ---------------------------------------------------------------------------


def chromium() -> str | None:
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def rendered_page(tmp_path_factory, page) -> Path:
    folder = tmp_path_factory.mktemp("html")
    path = folder / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_screenshot_in_headless_chromium(rendered_page, tmp_path):
    binary = chromium()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    shot = tmp_path / "shot.png"
    result = run_chromium(
        binary,
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1200,2000",
        rendered_page.as_uri(),
    )
    assert shot.is_file(), result.stderr[-2000:]
    assert shot.stat().st_size > 20_000
    import matplotlib.image

    pixels = matplotlib.image.imread(str(shot))
    assert pixels.shape[:2] == (2000, 1200)
    # Not a blank page: many colours, and the top of the page (the header) has dark text on white.
    colours = {tuple(row) for row in pixels[::7, ::7, :3].reshape(-1, 3).round(2).tolist()}
    assert len(colours) > 50
    assert pixels[:, :, :3].min() < 0.3 and pixels[:, :, :3].mean() > 0.7


def test_the_browser_dom_holds_findings_and_charts(rendered_page, tmp_path):
    binary = chromium()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    result = run_chromium(binary, tmp_path / "profile", "--dump-dom", rendered_page.as_uri())
    dom = result.stdout
    assert "<body>" in dom, result.stderr[-2000:]
    report = sample_report()
    for finding in report.findings:
        assert f'id="{finding.id}"' in dom
    assert "more than 100,000 contradicts about 70,000" in dom
    assert "nearly 40,000 synthetic-opioid deaths in 2019" in dom
    # The charts were parsed as SVG elements, in the page.
    assert dom.count("<svg") == 2
    assert "drafts/memo.md (1)" in dom


def test_a_measure_without_time_is_charted_by_document():
    # A lethal dose holds for any period: the chart puts documents on the x axis and the
    # reference value as a line across them.
    dose = Reference(
        dataset="fentanyl",
        measure="fentanyl.lethal_dose",
        place=None,
        period=None,
        value=2,
        low=None,
        high=None,
        unit="milligram",
        status="final",
        source="DEA",
        url=None,
        note=None,
        row=2,
    )
    claims = [
        make_claim(MEMO, 5, 1, "2 mg", "Just 2 mg can kill.", 2, 2, 2, unit="milligram"),
        make_claim(
            BRIEF,
            6,
            1,
            "3,000 micrograms",
            "A dose of 3,000 micrograms.",
            3000,
            3000,
            3000,
            unit="microgram",
        ),
        make_claim(BRIEF, 7, 1, "over 1 mg", "Anything over 1 mg.", 1, 1, None, unit="milligram"),
    ]
    chart = measure_chart("fentanyl.lethal_dose", claims, [dose])
    assert chart is not None and not chart.over_time
    assert chart.drawn == 3 and chart.notes == []
    assert "reference, any period: final" in chart.svg
    assert BRIEF in chart.svg and MEMO in chart.svg  # the documents label the x axis
    # Nothing to draw at all: no chart.
    assert (
        measure_chart("m", [make_claim(MEMO, 1, 1, "5", "5.", 5, 5, 5, unit="percent")], [dose])
        is None
    )


# --- the charts agree with the findings ---------------------------------------------------------


def _series_chart(claims, refs, **options):
    return measure_chart(SYNTHETIC, claims, refs, **options)


def test_a_suppressed_claim_is_not_drawn_as_if_it_counted():
    series = sample_references().series(SYNTHETIC)
    counted = make_claim(MEMO, 1, 1, "70,000", "70,000 in 2021.", 70000, 70000, 70000,
                         measure=SYNTHETIC, period="2021")  # fmt: skip
    silenced = make_claim(MEMO, 2, 1, "200,000", "200,000 in 2021.", 200000, 200000, 200000,
                          measure=SYNTHETIC, period="2021", suppressed="inline: a slide figure")  # fmt: skip
    chart = _series_chart([counted, silenced], series)
    assert chart.drawn == 1
    assert any("200,000" in note and "suppressed" in note for note in chart.notes)
    # Silenced for another rule only, it still counts against the reference.
    silenced.suppressed_rules = ["contradiction"]
    assert _series_chart([counted, silenced], series).drawn == 2


def test_money_is_drawn_after_the_currency_year_conversion_the_check_applies():
    def row(measure, period, value, unit):
        return Reference(dataset="d", measure=measure, place="US", period=period, value=value,
                         low=None, high=None, unit=unit, status="final", source="s", url=None,
                         note=None, row=2)  # fmt: skip

    cpi = [row("us.cpi_u.annual_average", "2016", 240.0, "dimensionless"),
           row("us.cpi_u.annual_average", "2020", 260.0, "dimensionless")]  # fmt: skip
    spending = [row("spending", "2020", 100.0, "USD")]
    dataset = Dataset(name="d", title="d", path="d.csv", rows=tuple(cpi + spending))
    refs = ReferenceSet(directory=Path("references"), datasets={"d": dataset})
    claim = make_claim(MEMO, 1, 1, "$100", "$100 in 2020, in 2016 dollars.", 100, 100, 100,
                       unit="USD", kind="money", period="2020", currency_year=2016)  # fmt: skip
    chart = measure_chart("spending", [claim], spending, references=refs)
    assert any("in 2016 dollars, drawn in 2020 dollars" in note for note in chart.notes)
    from factcheck.report.charts import _point

    assert _point(claim, "USD", 260 / 240).value == pytest.approx(108.33, abs=0.01)


def test_an_open_ended_reference_is_a_bound_not_a_point():
    over = Reference(dataset="d", measure=SYNTHETIC, place="US", period="2021", value=7000,
                     low=7000, high=None, unit="count", status="final", source="s", url=None,
                     note=None, row=2)  # fmt: skip
    claim = make_claim(MEMO, 1, 1, "7,500", "7,500 in 2021.", 7500, 7500, 7500,
                       measure=SYNTHETIC, period="2021")  # fmt: skip
    svg = _series_chart([claim], [over]).svg
    assert "reference: a bound only" in svg and "reference: final" not in svg


def test_titles_are_labels_and_axes_say_what_is_counted():
    claim = make_claim(MEMO, 1, 1, "50 times", "50 times as potent.", 50, 50, 50,
                       unit="dimensionless", measure="potency")  # fmt: skip
    ref = Reference(dataset="d", measure="potency", place=None, period=None, value=50, low=None,
                    high=None, unit="dimensionless", status="final", source="s", url=None,
                    note=None, row=2)  # fmt: skip
    chart = measure_chart("potency", [claim], [ref], label="Potency relative to heroin")
    assert "Potency relative to heroin" in chart.svg and "dimensionless" not in chart.svg
    assert "ratio (times)" in chart.svg and chart.label == "Potency relative to heroin"


def test_a_measure_charted_from_its_reference_id():
    # The catalog's measure "mine" takes its figures from the series of another id.
    from factcheck.catalog import Catalog, Measure, Tolerance

    measure = Measure(id="mine", label="My overdose count", unit="count",
                      tolerance=Tolerance.parse("3%"), place="US", reference=SYNTHETIC)  # fmt: skip
    catalog = Catalog(path="c.yaml", version=1, default_tolerance=Tolerance.parse("2%"),
                      default_place="US", default_window=None, measures=(measure,))  # fmt: skip
    report = sample_report()
    report.claims = [make_claim(MEMO, 1, 1, "70,000", "70,000 in 2021.", 70000, 70000, 70000,
                                measure="mine", period="2021")]  # fmt: skip
    out = io.StringIO()
    render_html(report, out, sample_references(), catalog)
    page = out.getvalue()
    assert 'id="chart-mine"' in page and "My overdose count" in page


def test_the_claims_own_span_is_marked():
    sentence = "In 2023, 3 people and 23 dogs."
    assert highlight(sentence, "3", 9) == "In 2023, <mark>3</mark> people and 23 dogs."
    # A wrong or missing offset falls back to the first occurrence.
    assert highlight(sentence, "3", None).startswith("In 202<mark>3</mark>")
    assert highlight(sentence, "3", 4).startswith("In 202<mark>3</mark>")


def test_the_report_marks_the_number_not_the_year(tmp_path, monkeypatch):
    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text("By March 2023, 3 laboratories had closed.\n")
    assert main(["check", "--no-cache", "--format", "html", "-o", "r.html", "d.md"]) in (0, 1)
    page = (tmp_path / "r.html").read_text()
    assert "By March 2023, <mark>3</mark> laboratories" in page
    assert "202<mark>" not in page


def test_no_dimensionless_in_the_page(tmp_path, monkeypatch):
    # pint's name for a pure number is no word for a reader: a multiplier is "times".
    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text("Fentanyl is roughly 50 times as potent as heroin.\n")
    assert main(["check", "--no-cache", "-v", "--format", "html", "-o", "r.html", "d.md"]) == 0
    page = (tmp_path / "r.html").read_text()
    assert "<td>times</td>" in page and "dimensionless" not in page
