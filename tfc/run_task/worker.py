"""The run queue: acknowledged requests wait here, a fixed pool of workers judges them, each
result is posted once per task result id.

Terraform Cloud retries a request it got no 200 for ("Run Task Request"), so a task result id seen
before is acknowledged again and nothing more. The queue is bounded: a request that finds it full
is answered at once with a `failed` callback saying the service is busy, so the run stops instead
of waiting out Terraform Cloud's 10 minutes.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from federation.redaction import safe_text
from gate.checkov_scan import Scan
from gate.errors import GateInternalError
from reports.markdown import render_markdown
from tfc.run_task.callback import (CallbackError, deliver, failure_document, report_document, result_document,
                                   RUNNING)
from tfc.run_task.evaluation import GateSettings, UnreadablePlanError, evaluate_plan, scan_server
from tfc.run_task.plan_download import PlanDownloadError, download_plan
from tfc.run_task.request import PLAN_STAGES, RunTaskRequest
from tfc.run_task.routes import result_url

LOG = logging.getLogger("fedctl.run_task")
REMEMBERED_RUNS = 10_000
"""Task result ids kept for idempotency; Terraform Cloud's retries come within minutes."""
STOPPED = "the fedctl run-task service stopped before judging this run; retry the run"
REMEMBERED_REPORTS = 200
"""Markdown reports kept for the result links (`/results/<task result id>`)."""


class Admission:
    QUEUED = "queued"
    DUPLICATE = "duplicate"
    BUSY = "busy"


@dataclass(frozen=True)
class ServiceSettings:
    gate: GateSettings
    workers: int = 2
    queue_size: int = 32
    run_timeout: float = 480.0
    """Download and judgement together; under Terraform Cloud's 10 minutes without an update."""
    public_url: str | None = None
    """Where Terraform Cloud users reach this service; results link to `<public_url>/results/<id>`."""


class RunTaskWorkers:
    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._queue: asyncio.Queue[RunTaskRequest] = asyncio.Queue(maxsize=settings.queue_size)
        self._seen: OrderedDict[str, str] = OrderedDict()
        self._reports: OrderedDict[str, str] = OrderedDict()
        self._tasks: set[asyncio.Task[None]] = set()
        self._workers: list[asyncio.Task[None]] = []
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None, sock_connect=30,
                                                                            sock_read=120))
        self._workers = [asyncio.ensure_future(self._work()) for _ in range(self.settings.workers)]

    async def stop(self) -> None:
        """Queued runs get a `failed` callback (fail closed), then the workers stop."""
        waiting: list[RunTaskRequest] = []
        while not self._queue.empty():
            waiting.append(self._queue.get_nowait())
        await asyncio.gather(*(self._finish(r, failure_document(STOPPED), 0.0) for r in waiting),
                             *self._tasks, return_exceptions=True)  # `busy` answers still on their way
        for worker in self._workers:
            worker.cancel()  # a run being judged answers `failed` as it stops
        await asyncio.gather(*self._workers, return_exceptions=True)
        if self._session is not None:
            await self._session.close()

    @property
    def queued(self) -> int:
        return self._queue.qsize()

    @property
    def healthy(self) -> bool:
        """Every worker is still waiting for or judging runs."""
        return bool(self._workers) and not any(worker.done() for worker in self._workers)

    def report(self, task_result_id: str) -> str | None:
        return self._reports.get(task_result_id)

    def submit(self, request: RunTaskRequest) -> str:
        if request.task_result_id in self._seen:
            LOG.info(_safe(f"{request.label}: seen before ({self._seen[request.task_result_id]}); not run again",
                           request))
            return Admission.DUPLICATE
        try:
            self._queue.put_nowait(request)
        except asyncio.QueueFull:
            self._remember(request.task_result_id, Admission.BUSY)
            reason = (f"the fedctl run-task service is busy (its queue of {self.settings.queue_size} is full); "
                      "retry the run in a few minutes")
            self._spawn(self._finish(request, failure_document(reason), time.perf_counter()))
            return Admission.BUSY
        self._remember(request.task_result_id, Admission.QUEUED)
        LOG.info(_safe(f"{request.label}: queued ({self._queue.qsize()} waiting)", request))
        return Admission.QUEUED

    def _spawn(self, coroutine: Any) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _remember(self, task_result_id: str, state: str) -> None:
        _keep_newest(self._seen, task_result_id, state, REMEMBERED_RUNS)

    async def _work(self) -> None:
        server = scan_server(self.settings.gate)
        try:
            while True:
                request = await self._queue.get()
                scan = server.next_scan()
                try:
                    await self._run(request, scan)
                except Exception:  # noqa: BLE001 - one broken run must not stop the worker
                    LOG.exception(_safe(f"{request.label}: internal error; result not delivered", request))
                    scan.stop()
                finally:
                    self._queue.task_done()
        finally:
            server.close()

    async def _run(self, request: RunTaskRequest, scan: Scan) -> None:
        """Judges one run and posts its result."""
        started = time.perf_counter()
        self._remember(request.task_result_id, RUNNING)
        url = self._result_url(request)
        if request.stage not in PLAN_STAGES or request.plan_json_api_url is None:
            await self._finish(request, failure_document(
                f"stage {request.stage} has no plan to judge; register the task for post_plan or pre_apply"), started)
            return
        try:
            await deliver(self._client(), request.callback_url, request.access_token,
                          result_document(RUNNING, "fedctl: judging the plan (federation pack and plan review)"))
        except CallbackError as error:
            LOG.warning(_safe(f"{request.label}: progress update not delivered: {error}", request))
        secrets: frozenset[str] = frozenset()
        source = f"plan JSON of {request.organization_name}/{request.workspace_name} {request.run_id}"
        scratch = tempfile.TemporaryDirectory(prefix="fedctl-run-task-")
        plan_path = Path(scratch.name) / "plan.json"
        try:
            async with asyncio.timeout(self.settings.run_timeout):
                with scratch:
                    await download_plan(self._client(), request.plan_json_api_url, request.access_token, plan_path)
                    report = await asyncio.to_thread(evaluate_plan, plan_path, source, scan, self.settings.gate)
            secrets = report.secrets
            if url:
                _keep_newest(self._reports, request.task_result_id, render_markdown(report), REMEMBERED_REPORTS)
            document = report_document(report, url)
        except asyncio.CancelledError:  # the service is stopping: the run still gets its answer
            scan.stop()
            await self._finish(request, failure_document(STOPPED, url), started)
            raise
        except TimeoutError:
            scan.stop()
            document = failure_document(f"not finished within {self.settings.run_timeout:g}s", url)
        except (PlanDownloadError, UnreadablePlanError, GateInternalError) as error:
            # The scratch file's name means nothing in Terraform Cloud: name the run's plan instead.
            document = failure_document(_safe(str(error).replace(str(plan_path), source), request), url)
        except Exception as error:  # noqa: BLE001 - any fault of fedctl fails the run closed, never silently
            LOG.exception(_safe(f"{request.label}: internal error", request))
            document = failure_document(f"internal error in fedctl ({type(error).__name__})", url)
        await self._finish(request, document, started, secrets)

    async def _finish(self, request: RunTaskRequest, document: dict[str, Any], started: float,
                      secrets: frozenset[str] = frozenset()) -> None:
        status = document["data"]["attributes"]["status"]
        try:
            await deliver(self._client(), request.callback_url, request.access_token, document, secrets)
        except CallbackError as error:
            LOG.error(_safe(f"{request.label}: result {status} not delivered: {error}", request))
            return
        finally:
            if self._seen.get(request.task_result_id) != Admission.BUSY:
                self._remember(request.task_result_id, status)
        message = document["data"]["attributes"]["message"]
        took = f" in {time.perf_counter() - started:.1f}s" if started else ""
        LOG.info(_safe(f"{request.label}: {status}{took}: {message}", request))

    def _result_url(self, request: RunTaskRequest) -> str | None:
        base = self.settings.public_url
        return result_url(base, request.task_result_id) if base else None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise RuntimeError("the run-task workers were not started")
        return self._session


def _keep_newest(kept: OrderedDict[str, str], key: str, value: str, limit: int) -> None:
    """Sets `key` as the newest entry, forgetting the oldest beyond `limit`."""
    kept[key] = value
    kept.move_to_end(key)
    while len(kept) > limit:
        kept.popitem(last=False)


def _safe(text: str, request: RunTaskRequest) -> str:
    """Log lines and messages never carry the run's token, whatever an error quoted."""
    return safe_text(text, [request.access_token])
