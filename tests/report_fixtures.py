"""Hand-made Reports for the report-format tests.

The check stage is built elsewhere; these reports stand in for its output so that every format
can be tested on its own. The sentences are the project's own, written for these tests; the
figures are the public ones of the reference datasets.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from factcheck.model import Claim, Finding, Report
from factcheck.references import Dataset, Reference, ReferenceSet

BRIEF = "drafts/brief.md"
MEMO = "drafts/memo.md"
TIMELINE = "notes/timeline.html"
DOCS = (BRIEF, MEMO, TIMELINE)

SYNTHETIC = "us.overdose_deaths.synthetic_opioids"
SYNTHETIC_CHANGE = "us.overdose_deaths.synthetic_opioids.change"
LETHAL_DOSE = "fentanyl.lethal_dose"

CDC_SOURCE = "CDC WONDER, multiple cause of death files (as quoted by NIDA)"
CDC_URL = "https://nida.nih.gov/research-topics/trends-statistics/overdose-death-rates"


def make_claim(
    doc: str,
    line: int,
    column: int,
    surface: str,
    sentence: str,
    value: float | None,
    low: float | None,
    high: float | None,
    **fields: Any,
) -> Claim:
    """A claim on one line; the offsets only need to be distinct, they feed the id."""
    fields.setdefault("unit", "count")
    fields.setdefault("qualifier", "exact")
    fields.setdefault("kind", "count")
    return Claim(
        doc=doc,
        start=line * 1000 + column,
        end=line * 1000 + column + len(surface),
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(surface),
        surface=surface,
        sentence=sentence,
        value=value,
        low=low,
        high=high,
        **fields,
    )


def place(claim: Claim) -> dict[str, Any]:
    """The claim as a finding refers to it (the Finding.claims convention)."""
    keys = (
        "id",
        "doc",
        "line",
        "column",
        "end_line",
        "end_column",
        "surface",
        "sentence",
        "value",
        "low",
        "high",
        "unit",
        "period",
    )
    return {key: getattr(claim, key) for key in keys}


def reference(
    measure: str, value: float, period: str, status: str, row: int, **fields: Any
) -> dict[str, Any]:
    """A reference as a finding carries it."""
    data: dict[str, Any] = {
        "dataset": "us_overdose_deaths",
        "measure": measure,
        "value": value,
        "low": None,
        "high": None,
        "unit": "count",
        "period": period,
        "place": "US",
        "status": status,
        "source": CDC_SOURCE,
        "url": CDC_URL,
        "row": row,
    }
    data.update(fields)
    return data


def sample_claims() -> dict[str, Claim]:
    """Eight claims in three documents, keyed by a short name for the tests."""
    return {
        "brief_2021": make_claim(
            BRIEF,
            4,
            57,
            "about 70,000",
            "Federal figures put the toll from illicit fentanyl at about 70,000 deaths in 2021, "
            "a record for that time.",
            70000,
            66500,
            73500,
            qualifier="about",
            noun="deaths",
            measure=SYNTHETIC,
            period="2021",
            place="US",
            resolution=1000,
        ),
        "brief_2019": make_claim(
            BRIEF,
            9,
            1,
            "Nearly 40,000",
            "Nearly 40,000 people died from synthetic opioids in 2019 by our draft's count.",
            40000,
            38000,
            40000,
            qualifier="nearly",
            noun="people",
            measure=SYNTHETIC,
            period="2019",
            place="US",
            resolution=1000,
        ),
        "memo_2021": make_claim(
            MEMO,
            3,
            28,
            "more than 100,000",
            "Our memo says that in 2021 more than 100,000 residents of the United States were "
            "killed by fentanyl on its own.",
            100000,
            100000,
            None,
            qualifier="more_than",
            noun="residents",
            measure=SYNTHETIC,
            period="2021",
            place="US",
            resolution=1000,
        ),
        "memo_change": make_claim(
            MEMO,
            7,
            22,
            "25 percent drop",
            "Early counts point to a 25 percent drop in these deaths between 2023 and 2024.",
            -25,
            -25,
            -25,
            unit="percent",
            kind="change",
            noun="deaths",
            measure=SYNTHETIC_CHANGE,
            period="2023/2024",
            place="US",
            from_period="2023",
            to_period="2024",
            change=-0.25,
            resolution=1,
        ),
        "memo_seizure": make_claim(
            MEMO,
            11,
            21,
            "12 tons",
            "Border agents impounded 12 tons of precursor chemicals over the winter.",
            12,
            12,
            12,
            unit="metric_ton",
            kind="measurement",
            noun="precursor chemicals",
            resolution=1,
        ),
        "timeline_2016": make_claim(
            TIMELINE,
            12,
            42,
            "19,413",
            "Deaths linked to synthetic opioids climbed to 19,413 in 2016, about twice the "
            "figure one year earlier.",
            19413,
            19413,
            19413,
            noun="deaths",
            measure=SYNTHETIC,
            period="2016",
            place="US",
            resolution=1,
        ),
        "timeline_2022": make_claim(
            TIMELINE,
            15,
            5,
            "between 73,000 and 77,000",
            "In 2022, between 73,000 and 77,000 deaths were put down to these drugs, depending "
            "on the release one reads.",
            75000,
            73000,
            77000,
            qualifier="range",
            noun="deaths",
            measure=SYNTHETIC,
            period="2022",
            place="US",
            resolution=1000,
        ),
        "timeline_dose": make_claim(
            TIMELINE,
            20,
            36,
            "2 milligrams",
            "Regulators warn that a speck weighing 2 milligrams can end a life.",
            2,
            2,
            2,
            unit="milligram",
            kind="measurement",
            noun="speck",
            measure=LETHAL_DOSE,
            resolution=1,
        ),
    }


def sample_findings(claims: dict[str, Claim]) -> list[Finding]:
    """One finding of each rule, in no particular order (the formats sort them)."""
    memo, brief = claims["memo_2021"], claims["brief_2021"]
    ref_2021 = reference(SYNTHETIC, 70601, "2021", "final-secondary", 13)
    return [
        Finding(
            rule="verified",
            severity="info",
            message="19,413 agrees with the reference figure 19,413 (final) for 2016",
            claims=[place(claims["timeline_2016"])],
            reference=reference(SYNTHETIC, 19413, "2016", "final", 8),
            expected="19,413 (final)",
            actual="19,413",
            difference=0.0,
            tolerance="3%",
            measure=SYNTHETIC,
            explanation=["the claim is exact: interval [19,413, 19,413]"],
        ),
        Finding(
            rule="reference-mismatch",
            severity="warning",
            message=(
                "more than 100,000 synthetic-opioid deaths in 2021; the reference figure is "
                "70,601 (final-secondary)"
            ),
            claims=[place(memo)],
            reference=ref_2021,
            expected="70,601 (final-secondary)",
            actual="more than 100,000",
            difference=0.4164,
            tolerance="3%",
            measure=SYNTHETIC,
            explanation=[
                "'more than 100,000' is read as the interval (100,000, +inf) count",
                "the reference row us_overdose_deaths:13 gives 70,601 for US, 2021",
                "the nearest point of the interval is 41.6% above it; the tolerance is 3%",
            ],
        ),
        Finding(
            rule="contradiction",
            severity="error",
            message=(
                "more than 100,000 contradicts about 70,000 in drafts/brief.md:4 "
                "(synthetic-opioid deaths, US, 2021)"
            ),
            claims=[place(memo), place(brief)],
            reference=ref_2021,
            expected="about 70,000 (drafts/brief.md:4)",
            actual="more than 100,000",
            difference=0.3605,
            tolerance="3%",
            measure=SYNTHETIC,
            explanation=[
                "'more than 100,000' is read as the interval (100,000, +inf) count",
                "'about 70,000' is read as 66,500..73,500 count ('about' widens by 5%)",
                "rounding: both were written to the nearest 1,000",
                "the intervals are 36.1% apart; the tolerance is 3%",
            ],
        ),
        Finding(
            rule="reference-mismatch",
            severity="warning",
            message=(
                "nearly 40,000 synthetic-opioid deaths in 2019; the reference figure is "
                "36,359 (final)"
            ),
            claims=[place(claims["brief_2019"])],
            reference=reference(SYNTHETIC, 36359, "2019", "final", 11),
            expected="36,359 (final)",
            actual="nearly 40,000",
            difference=0.0451,
            tolerance="3%",
            measure=SYNTHETIC,
            explanation=["'nearly 40,000' is read as 38,000..40,000 count"],
        ),
        Finding(
            rule="change-mismatch",
            severity="warning",
            message="a 25 percent drop from 2023 to 2024; the reference change is -37% (provisional)",
            claims=[place(claims["memo_change"])],
            reference=reference(
                SYNTHETIC_CHANGE, -37, "2023/2024", "provisional-secondary", 19, unit="percent"
            ),
            expected="-37% (provisional-secondary)",
            actual="-25%",
            difference=0.3243,
            tolerance="3%",
            measure=SYNTHETIC_CHANGE,
            explanation=["a drop of 25 percent is a relative change of -0.25"],
        ),
        Finding(
            rule="unverifiable",
            severity="info",
            message="no reference figure for fentanyl.lethal_dose",
            claims=[place(claims["timeline_dose"])],
            measure=LETHAL_DOSE,
        ),
    ]


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def sample_report(findings: list[Finding] | None = None) -> Report:
    """The report the check stage would produce for the three sample drafts."""
    claims = sample_claims()
    if findings is None:
        findings = sample_findings(claims)
    counts = {"error": 0, "warning": 0, "info": 0}
    by_rule: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity] += 1
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return Report(
        tool={"name": "factcheck", "version": "0.1.0"},
        inputs=[
            {
                "path": doc,
                "sha256": sha256_of(doc),
                "claims": sum(claim.doc == doc for claim in claims.values()),
            }
            for doc in DOCS
        ],
        catalog={"path": "claims.yaml", "sha256": sha256_of("claims.yaml")},
        references={"path": "references", "sha256": sha256_of("references")},
        claims=list(claims.values()),
        findings=findings,
        summary={
            "documents": len(DOCS),
            "claims": len(claims),
            "findings": counts,
            "by_rule": by_rule,
            "elapsed_seconds": 0.42,
        },
    )


def empty_report() -> Report:
    """A clean run: one document, no claims, no findings, no configuration."""
    return Report(
        tool={"name": "factcheck", "version": "0.1.0"},
        inputs=[{"path": "drafts/empty.md", "sha256": sha256_of(""), "claims": 0}],
        catalog=None,
        references=None,
        claims=[],
        findings=[],
        summary={
            "documents": 1,
            "claims": 0,
            "findings": {"error": 0, "warning": 0, "info": 0},
            "by_rule": {},
            "elapsed_seconds": 0.01,
        },
    )


# Annual deaths involving synthetic opioids (the public CDC/NIDA series), with the provisional
# releases that later final figures replaced, and one change figure over an interval period.
_SERIES = [
    ("2014", 5544, "final", None),
    ("2015", 9580, "final", None),
    ("2016", 19413, "final", None),
    ("2017", 28466, "final", None),
    ("2018", 31335, "final", None),
    ("2019", 36359, "final", None),
    ("2020", 56516, "final-secondary", None),
    ("2021", 70601, "final-secondary", None),
    ("2022", 73838, "final-secondary", None),
    ("2022", 76226, "provisional-secondary", "2024-05"),
    ("2023", 72776, "final-unconfirmed", None),
    ("2023", 74702, "provisional-secondary", "2024-05"),
]


def sample_references() -> ReferenceSet:
    """A small ReferenceSet built in memory, shaped like the shipped one."""
    rows = [
        Reference(
            dataset="us_overdose_deaths",
            measure=SYNTHETIC,
            place="US",
            period=period,
            value=value,
            low=None,
            high=None,
            unit="count",
            status=status,
            source=CDC_SOURCE,
            url=CDC_URL,
            note=None,
            row=row,
            vintage=vintage,
            path="references/us_overdose_deaths.csv",
        )
        for row, (period, value, status, vintage) in enumerate(_SERIES, start=2)
    ]
    rows.append(
        Reference(
            dataset="us_overdose_deaths",
            measure=SYNTHETIC_CHANGE,
            place="US",
            period="2023/2024",
            value=-37,
            low=None,
            high=None,
            unit="percent",
            status="provisional-secondary",
            source="CDC provisional counts",
            url=None,
            note=None,
            row=len(rows) + 2,
            vintage="2025-05",
            path="references/us_overdose_deaths.csv",
        )
    )
    dataset = Dataset(
        name="us_overdose_deaths",
        title="US overdose deaths",
        path="references/us_overdose_deaths.csv",
        rows=tuple(rows),
    )
    return ReferenceSet(directory=Path("references"), datasets={dataset.name: dataset})
