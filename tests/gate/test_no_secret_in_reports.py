"""No secret and no terminal control character reaches the console or any report of the gate."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reports.console import render_console
from reports.files import write_reports
from reports.model import Finding, PolicyReport, Severity, Status, Suppression
from tests.gate.test_gate_command import REPORT_FILES, run_gate

USERINFO_SECRET = "Userinfo-S3cret-42"
LITERAL_SECRET = "Lit3ral-Client-S3cret-77"
# Hand-written Terraform JSON: an OIDC identity provider whose issuer carries user:password@ and
# whose client secret is a literal, as someone might write it outside fedctl.
STACK = {"resource": {
    "aws_cognito_user_pool": {"pool": {"name": "acme"}},
    "aws_cognito_identity_provider": {"globex_identity_provider": {
        "user_pool_id": "${aws_cognito_user_pool.pool.id}",
        "provider_name": "Globex",
        "provider_type": "OIDC",
        "provider_details": {"client_id": "0oa1globex", "client_secret": LITERAL_SECRET,
                             "oidc_issuer": f"https://admin:{USERINFO_SECRET}@idp.example",
                             "authorize_scopes": "openid profile email", "attributes_request_method": "GET"},
        "attribute_mapping": {"username": "sub", "email": "email", "email_verified": "email_verified"},
    }},
}}


@pytest.fixture(scope="module")
def userinfo_gate(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    root = tmp_path_factory.mktemp("gate-userinfo")
    (root / "stack").mkdir()
    (root / "stack" / "main.tf.json").write_text(json.dumps(STACK, indent=2))
    result = run_gate("--path", str(root / "stack"), "--report-dir", str(root / "reports"))
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout + result.stderr, root / "reports"


def test_a_userinfo_issuer_fails_the_gate_for_what_it_is(userinfo_gate: tuple[str, Path]) -> None:
    console, _ = userinfo_gate
    (line,) = [line for line in console.splitlines() if "FED_006" in line]
    assert "oidc_issuer 'https://(sensitive)@idp.example' has user information (user:password@) before the host;" in line
    assert "port" not in line


def test_no_secret_reaches_the_console_or_any_of_the_five_reports(userinfo_gate: tuple[str, Path]) -> None:
    console, reports = userinfo_gate
    assert sorted(p.name for p in reports.iterdir()) == REPORT_FILES
    for name, text in [("console", console), *((p.name, p.read_text()) for p in reports.iterdir())]:
        assert USERINFO_SECRET not in text and LITERAL_SECRET not in text, name


def finding(reason: str, resource: str = "aws_cognito_identity_provider.x", status: str = Status.FAILED,
            suppression: Suppression | None = None) -> Finding:
    return Finding(rule_id="FED_006", severity=Severity.CRITICAL, title="issuer", status=status, resource=resource,
                   file="main.tf.json", line=1, reason=reason, fix="", source="", suppression=suppression)


def test_every_text_of_the_report_model_is_made_safe_once_for_all_formats(tmp_path: Path) -> None:
    suppression = Suppression("FED_006", "aws_*", f"see https://u:{USERINFO_SECRET}@wiki", "me\x1b[2J", date(2099, 1, 1))
    report = PolicyReport(
        tool="fedctl gate", inputs=("stack\x07",), threshold=Severity.HIGH, secrets=frozenset({LITERAL_SECRET}),
        findings=(finding(f"client_secret {LITERAL_SECRET!r} and https://a:{USERINFO_SECRET}@idp",
                          resource="aws_cognito_identity_provider.glo\x1b[2Jbex"),
                  finding("\u202egnp.exe"),
                  finding("suppressed", status=Status.SUPPRESSED, suppression=suppression)),
        problems=(f"{LITERAL_SECRET}\nsecond line",),
        diagrams=(("prod", 'flowchart LR\n  a["glo\x1b[2Jbex"]\n'),))
    paths = write_reports(report, tmp_path, "gate", "test")
    for text in [render_console(report), *(path.read_text() for path in paths)]:
        assert LITERAL_SECRET not in text and USERINFO_SECRET not in text
        assert not any(character in text for character in "\x1b\x07\u202e")
    assert report.findings[0].resource == "aws_cognito_identity_provider.glo\\x1b[2Jbex"
    assert report.findings[2].suppression is not None and report.findings[2].suppression.owner == "me\\x1b[2J"
    assert report.problems == ("(sensitive)\\nsecond line",)
    assert report.diagrams[0][1] == 'flowchart LR\n  a["glo\\x1b[2Jbex"]\n'
