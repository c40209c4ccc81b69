"""The run-task request body as typed fields ("Run Task Request" > "Request Body")."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

VERIFICATION_TOKEN = "test-token"
"""The access token of the test POST Terraform Cloud sends when a run task is created. The API page
says only that a test POST is sent and must be answered with 200; the token's value comes from
HashiCorp's run-task scaffolding (hashicorp/terraform-run-task-scaffolding-go, `VerificationToken`)."""
PLAN_STAGES = ("post_plan", "pre_apply")
"""The stages whose requests carry `plan_json_api_url` (post_apply does too, but then it is too late to stop)."""


class RunTaskRequestError(Exception):
    """The body is not a run-task request fedctl can act on; the message is one line."""


@dataclass(frozen=True)
class RunTaskRequest:
    task_result_id: str
    callback_url: str
    stage: str
    run_id: str
    workspace_name: str
    organization_name: str
    plan_json_api_url: str | None
    is_speculative: bool
    access_token: str = field(repr=False)
    """Never logged, never shown: it is a Terraform Cloud API token for the run's workspace."""

    @property
    def is_verification(self) -> bool:
        return self.access_token == VERIFICATION_TOKEN

    @property
    def label(self) -> str:
        """What log lines name the run by: ids and names, never the token."""
        return f"{self.task_result_id} ({self.organization_name}/{self.workspace_name} {self.run_id}, {self.stage})"


def parse_request(body: bytes) -> RunTaskRequest:
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise RunTaskRequestError(f"request body is not JSON: {type(error).__name__}") from None
    if not isinstance(document, dict):
        raise RunTaskRequestError("request body is not a JSON object")
    version = document.get("payload_version")
    if version != 1:
        raise RunTaskRequestError(f"payload_version {version!r}; only 1 is supported")
    token = _text(document, "access_token")
    if token == VERIFICATION_TOKEN:
        # The test POST's other fields are not documented: accept it on the token alone.
        return RunTaskRequest(task_result_id=str(document.get("task_result_id") or ""), callback_url="",
                              stage=str(document.get("stage") or ""), run_id="", workspace_name="",
                              organization_name="", plan_json_api_url=None, is_speculative=False,
                              access_token=token)
    plan_url = document.get("plan_json_api_url")
    return RunTaskRequest(
        task_result_id=_text(document, "task_result_id"),
        callback_url=_url(document, "task_result_callback_url"),
        stage=_text(document, "stage"),
        run_id=str(document.get("run_id") or ""),
        workspace_name=str(document.get("workspace_name") or ""),
        organization_name=str(document.get("organization_name") or ""),
        plan_json_api_url=_url(document, "plan_json_api_url") if plan_url is not None else None,
        is_speculative=document.get("is_speculative") is True,
        access_token=token,
    )


def _text(document: dict[str, object], key: str) -> str:
    value = document.get(key)
    if not isinstance(value, str) or not value:
        raise RunTaskRequestError(f"{key}: expected a non-empty string")
    return value


def _url(document: dict[str, object], key: str) -> str:
    value = _text(document, key)
    if not value.startswith(("https://", "http://")):
        raise RunTaskRequestError(f"{key}: expected an http(s) URL")
    return value
