"""The HTTP side of the run-task service (aiohttp): the run-task endpoint, health, result pages.

`POST /run-task`: the signature is checked on the raw body before anything parses it (401 without
reading further); Terraform Cloud's test POST (access token "test-token") gets 200 and nothing else;
a run is queued and acknowledged with 200 at once, its result goes to the callback URL later.
"""

from __future__ import annotations

import logging

from aiohttp import web

from tfc.run_task.request import RunTaskRequestError, parse_request
from tfc.run_task.routes import HEALTH_PATH, RESULT_PATH, RUN_TASK_PATH
from tfc.run_task.signature import SIGNATURE_HEADER, is_signed_by
from tfc.run_task.worker import RunTaskWorkers, ServiceSettings

LOG = logging.getLogger("fedctl.run_task")
MAX_REQUEST_BYTES = 1024 * 1024
"""A run-task request is a few kilobytes of JSON; the plan itself is downloaded, never posted."""
WORKERS_KEY = web.AppKey("workers", RunTaskWorkers)
HMAC_KEY = web.AppKey("hmac_key", str)


def build_app(settings: ServiceSettings, hmac_key: str) -> web.Application:
    app = web.Application(client_max_size=MAX_REQUEST_BYTES)
    app[WORKERS_KEY] = RunTaskWorkers(settings)
    app[HMAC_KEY] = hmac_key
    app.router.add_post(RUN_TASK_PATH, _run_task)
    app.router.add_get(HEALTH_PATH, _health)
    app.router.add_get(RESULT_PATH, _result)
    app.on_startup.append(_start_workers)
    app.on_cleanup.append(_stop_workers)
    return app


async def _run_task(request: web.Request) -> web.Response:
    body = await request.read()
    if not is_signed_by(body, request.headers.get(SIGNATURE_HEADER), request.app[HMAC_KEY]):
        LOG.warning("refused a run-task request from %s: %s", request.remote,
                    "unsigned" if not request.headers.get(SIGNATURE_HEADER) else "bad signature")
        return web.json_response({"errors": [{"status": "401", "title": "missing or invalid X-TFC-Task-Signature"}]},
                                 status=401)
    try:
        run = parse_request(body)
    except RunTaskRequestError as error:
        LOG.warning("refused a signed run-task request: %s", error)
        return web.json_response({"errors": [{"status": "422", "title": str(error)}]}, status=422)
    if run.is_verification:
        LOG.info("answered Terraform Cloud's verification request")
        return web.Response(status=200)
    request.app[WORKERS_KEY].submit(run)
    return web.Response(status=200)


async def _health(request: web.Request) -> web.Response:
    workers = request.app[WORKERS_KEY]
    return web.json_response({"status": "ok" if workers.healthy else "failing", "queued": workers.queued,
                              "queue_size": workers.settings.queue_size, "workers": workers.settings.workers},
                             status=200 if workers.healthy else 503)


async def _result(request: web.Request) -> web.Response:
    report = request.app[WORKERS_KEY].report(request.match_info["task_result_id"])
    if report is None:
        raise web.HTTPNotFound(text="no result kept for this task result id\n")
    return web.Response(text=report, content_type="text/markdown", charset="utf-8")


async def _start_workers(app: web.Application) -> None:
    await app[WORKERS_KEY].start()


async def _stop_workers(app: web.Application) -> None:
    await app[WORKERS_KEY].stop()
