"""JUnit XML: one test case per rule and resource, so CI shows failures in its test view."""

from __future__ import annotations

from xml.etree import ElementTree

from reports.model import PolicyReport, Status


def render_junit(report: PolicyReport) -> str:
    suite = ElementTree.Element("testsuite", name=report.tool)
    failures = skipped = 0
    for finding in sorted(report.findings, key=lambda f: (f.rule_id, f.resource)):
        case = ElementTree.SubElement(suite, "testcase", classname=finding.rule_id,
                                      name=f"{finding.rule_id} {finding.resource}", file=finding.file)
        if finding.status == Status.FAILED:
            failures += 1
            failure = ElementTree.SubElement(case, "failure", type=finding.severity.name,
                                             message=finding.reason or finding.title)
            failure.text = f"{finding.title}\nFix: {finding.fix}\nSource: {finding.source}\n{finding.file}:{finding.line}"
        elif finding.status in (Status.SUPPRESSED, Status.UNKNOWN):
            skipped += 1
            reason = (f"suppressed until {finding.suppression.expires}: {finding.suppression.reason}"
                      if finding.suppression else f"unknown: {finding.reason}")
            ElementTree.SubElement(case, "skipped", message=reason)
    for problem in report.problems:
        failures += 1
        case = ElementTree.SubElement(suite, "testcase", classname="gate", name=problem[:120])
        ElementTree.SubElement(case, "failure", type="GATE", message=problem)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    suites = ElementTree.Element("testsuites")
    suites.append(suite)
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
