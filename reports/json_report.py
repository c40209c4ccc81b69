"""The whole report as JSON, for other tools."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from reports.model import PolicyReport


def render_json(report: PolicyReport) -> str:
    def finding(f: Any) -> dict[str, Any]:
        # One level deep by hand: asdict's recursive copy of 19,000 findings costs a second.
        data = {each.name: getattr(f, each.name) for each in fields(f)}
        data["suppression"] = asdict(f.suppression) if f.suppression is not None else None
        data["severity"] = f.severity.name
        data["blocking"] = report.is_blocking(f)
        if f.suppression is not None:
            data["suppression"]["expires"] = f.suppression.expires.isoformat()
        return data

    document = {
        "tool": report.tool,
        "verdict": "pass" if report.passed else "fail",
        "threshold": report.threshold.name,
        "inputs": list(report.inputs),
        "problems": list(report.problems),
        "findings": [finding(f) for f in report.findings],
    }
    return json.dumps(document, indent=2) + "\n"
