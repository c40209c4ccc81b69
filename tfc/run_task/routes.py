"""The service's URL layout: what Terraform Cloud, probes and people reach it at."""

from __future__ import annotations

RUN_TASK_PATH = "/run-task"
"""The URL to register as the run task's endpoint (https://<host>/run-task)."""
HEALTH_PATH = "/healthz"
RESULT_PATH = "/results/{task_result_id}"
"""A run's Markdown report, linked from its result when the service knows its public URL."""


def result_url(public_url: str, task_result_id: str) -> str:
    return public_url.rstrip("/") + RESULT_PATH.format(task_result_id=task_result_id)
