"""Writes every report format of a PolicyReport into one folder, all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reports.gitlab_code_quality import render_code_quality
from reports.json_report import render_json
from reports.junit import render_junit
from reports.markdown import render_markdown
from reports.model import PolicyReport
from reports.sarif import render_sarif


def write_reports(report: PolicyReport, folder: Path, basename: str, tool_version: str) -> list[Path]:
    """`<basename>.json`, `.sarif`, `-junit.xml`, `-codequality.json`, `.md`; returns their paths."""
    contents = {
        f"{basename}.json": render_json(report),
        f"{basename}.sarif": render_sarif(report, tool_version),
        f"{basename}-junit.xml": render_junit(report),
        f"{basename}-codequality.json": render_code_quality(report),
        f"{basename}.md": render_markdown(report),
    }
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, text in contents.items():
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            staged.append((temporary, folder / name))
    except BaseException:
        for temporary, _ in staged:
            os.unlink(temporary)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
    return [target for _, target in staged]
