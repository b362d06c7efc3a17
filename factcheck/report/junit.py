"""JUnit XML (``check --format junit``), for CI systems that show test results: one test case
per document read, failing with one <failure> per error or warning about it (the finding's
rule as the type, its message, and where).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TextIO
from xml.etree import ElementTree as ET

from ..model import Finding, Report
from .text import finding_sort_key, place_of


def render_junit(report: Report, out: TextIO) -> None:
    problems: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted(report.findings, key=finding_sort_key):
        if finding.severity != "info" and finding.claims:
            problems[str(finding.claims[0].get("doc"))].append(finding)
    documents = [str(item["path"]) for item in report.inputs if item.get("role") != "corpus"]
    documents += sorted(set(problems) - set(documents))
    failures = sum(len(problems[d]) for d in documents)
    elapsed = f"{float((report.summary or {}).get('elapsed_seconds') or 0):.3f}"
    suites = ET.Element("testsuites", name="factcheck", tests=str(len(documents)),
                        failures=str(failures), time=elapsed)  # fmt: skip
    suite = ET.SubElement(suites, "testsuite", name="factcheck", tests=str(len(documents)),
                          failures=str(failures), errors="0", time=elapsed)  # fmt: skip
    for document in documents:
        case = ET.SubElement(suite, "testcase", classname="factcheck", name=document,
                             file=document)  # fmt: skip
        for finding in problems.get(document, []):
            message = " ".join(finding.message.split())
            failure = ET.SubElement(case, "failure", type=finding.rule, message=message)
            failure.text = (f"{place_of(finding.claims[0])}: {finding.severity} {finding.rule} "
                            f"{message} [{finding.id}]")  # fmt: skip
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
