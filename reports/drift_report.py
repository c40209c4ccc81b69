"""The drift report as Markdown (for the job log or an issue), JSON and JUnit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from drift.classification import DriftClass
from drift.detector import DriftFinding, DriftReport


def render_drift_markdown(report: DriftReport, title: str) -> str:
    if not report.findings:
        return f"### {title}: ✅ no drift\n\nSource: `{report.source}`\n"
    verdict = "🚨 drift that breaks sign-in" if report.of_class(DriftClass.BREAKS_SIGN_IN) else (
        "⚠️ drift" if report.has_drift else "✅ only known provider noise")
    lines = [f"### {title}: {verdict}", "", f"Source: `{report.source}`", ""]
    for drift_class in DriftClass:
        findings = report.of_class(drift_class)
        if not findings:
            continue
        lines += [f"#### {drift_class.value} ({len(findings)})", "", "| Resource | Attribute | Before | After | Why |",
                  "|---|---|---|---|---|"]
        lines += [f"| `{f.address}` | `{f.attribute}` | {_cell(f.before)} | {_cell(f.after)} | {f.why} |" for f in findings]
        lines.append("")
    return "\n".join(lines)


def render_drift_json(report: DriftReport) -> str:
    def finding(f: DriftFinding) -> dict[str, Any]:
        return {"address": f.address, "resource_type": f.resource_type, "attribute": f.attribute,
                "class": f.drift_class.name, "why": f.why, "before": f.before, "after": f.after}

    return json.dumps({"source": report.source, "drift": report.has_drift,
                       "counts": {c.name: len(report.of_class(c)) for c in DriftClass},
                       "findings": [finding(f) for f in report.findings]}, indent=2, default=str) + "\n"


def render_drift_junit(report: DriftReport) -> str:
    suite = ElementTree.Element("testsuite", name="fedctl drift", tests=str(max(len(report.findings), 1)),
                                failures=str(len(report.alerts)))
    if not report.findings:
        ElementTree.SubElement(suite, "testcase", classname="drift", name="no drift")
    for f in report.findings:
        case = ElementTree.SubElement(suite, "testcase", classname=f.address, name=f.attribute)
        if f.drift_class is DriftClass.NOISE:
            ElementTree.SubElement(case, "skipped", message=f"known provider noise: {f.why}")
        else:
            failure = ElementTree.SubElement(case, "failure", type=f.drift_class.name, message=f.why)
            failure.text = f"{f.address}.{f.attribute}: {_cell(f.before)} -> {_cell(f.after)}"
    suites = ElementTree.Element("testsuites")
    suites.append(suite)
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _cell(value: Any) -> str:
    text = json.dumps(value, default=str) if not isinstance(value, str) else value
    text = text if len(text) <= 120 else text[:117] + "..."
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`"


def write_drift_reports(report: DriftReport, folder: Path, basename: str, title: str) -> str:
    """`<basename>.md`, `.json` and `-junit.xml` in `folder`; returns the Markdown for the console."""
    folder.mkdir(parents=True, exist_ok=True)
    markdown = render_drift_markdown(report, title)
    (folder / f"{basename}.md").write_text(markdown, encoding="utf-8")
    (folder / f"{basename}.json").write_text(render_drift_json(report), encoding="utf-8")
    (folder / f"{basename}-junit.xml").write_text(render_drift_junit(report), encoding="utf-8")
    return markdown
