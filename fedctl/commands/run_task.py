"""`fedctl run-task serve`: the policy gate and plan review as a Terraform Cloud run task."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from federation.redaction import safe_lines
from fedctl import exit_codes
from fedctl.errors import FedctlError
from gate.catalogue import POLICIES_DIR, load_catalogue
from reports.model import Severity
from tfc.run_task.routes import HEALTH_PATH, RESULT_PATH, RUN_TASK_PATH
from tfc.run_task.signature import HMAC_KEY_VARIABLE, MIN_KEY_LENGTH

if TYPE_CHECKING:
    from aiohttp import web

PUBLIC_URL_VARIABLE = "FEDCTL_RUN_TASK_PUBLIC_URL"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "run-task", help="serve the policy gate as a Terraform Cloud / HCP Terraform run task",
        description="Terraform Cloud run task integration (post_plan and pre_apply stages).")
    commands = parser.add_subparsers(dest="run_task_command", metavar="SUBCOMMAND", required=True)
    serve = commands.add_parser(
        "serve", help="start the run-task HTTP service",
        description=f"Listens for Terraform Cloud run-task requests on POST {RUN_TASK_PATH}, refuses any request "
                    f"not signed with the HMAC key in {HMAC_KEY_VARIABLE} (401), acknowledges at once, then "
                    "downloads the run's plan JSON, runs the federation pack and the plan review (FED_901-906) "
                    "on it and posts passed or failed, with one outcome per finding, to the run's callback URL. "
                    "Anything that stops a verdict (a plan it cannot read, a failed download, a gate crash, "
                    f"a timeout, a full queue) posts failed with the reason. GET {HEALTH_PATH} answers while "
                    "the service runs. Stops on SIGTERM (exit 0) or Ctrl-C (exit 130); exit 1 when the key is "
                    "missing or an option is wrong.")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on; 0.0.0.0 in a container (default: %(default)s)")
    serve.add_argument("--port", type=_port, default=8080,
                       help="port to listen on; 0 picks a free one (default: %(default)s)")
    serve.add_argument("--workers", type=_positive, default=2,
                       help="runs judged at the same time, each with its own checkov process (default: %(default)s)")
    serve.add_argument("--queue", type=_positive, default=32,
                       help="runs that may wait for a worker; a run beyond that gets an immediate failed callback "
                            "saying the service is busy (default: %(default)s)")
    serve.add_argument("--run-timeout", type=_positive, default=480, metavar="SECONDS",
                       help="download and judgement of one run; past it the run fails closed. Terraform Cloud "
                            "errors a task after 10 minutes without an update (default: %(default)s)")
    serve.add_argument("--public-url", default=os.environ.get(PUBLIC_URL_VARIABLE), metavar="URL",
                       help=f"the URL Terraform Cloud users reach this service at; results then link to "
                            f"URL{RESULT_PATH.replace('{task_result_id}', '<task result id>')}, the run's Markdown "
                            f"report (default: ${PUBLIC_URL_VARIABLE}, else no link)")
    serve.add_argument("--severity-threshold", default="HIGH", choices=[s.name for s in Severity], metavar="LEVEL",
                       help="fail runs on findings of this severity and above: CRITICAL, HIGH, MEDIUM, LOW, INFO "
                            "(default: %(default)s)")
    serve.add_argument("--suppressions", type=Path, metavar="FILE",
                       help="a suppressions file (as for fedctl gate) applied to every run (default: none)")
    serve.add_argument("--policies-dir", type=Path, default=POLICIES_DIR, metavar="DIR",
                       help="the checkov policy pack (default: this project's policies/)")
    serve.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    key = os.environ.get(HMAC_KEY_VARIABLE, "")
    if len(key) < MIN_KEY_LENGTH:
        raise FedctlError(f"{HMAC_KEY_VARIABLE} is {'not set' if not key else 'too short'}: set it to the HMAC key "
                          f"registered with the run task (at least {MIN_KEY_LENGTH} characters); fedctl accepts "
                          "only signed requests", exit_codes.FAILURE)
    if args.suppressions is not None and not args.suppressions.is_file():
        raise FedctlError(f"--suppressions {args.suppressions}: no such file", exit_codes.FAILURE)
    if args.public_url and not args.public_url.startswith(("https://", "http://")):
        raise FedctlError("--public-url: expected an http(s) URL", exit_codes.FAILURE)
    # The web framework loads only for this command (about 0.1 s every other command does not pay).
    from tfc.run_task.app import build_app
    from tfc.run_task.evaluation import GateSettings
    from tfc.run_task.worker import ServiceSettings

    gate = GateSettings(catalogue=load_catalogue(), policies_dir=args.policies_dir,
                        threshold=Severity[args.severity_threshold], suppressions=args.suppressions)
    settings = ServiceSettings(gate=gate, workers=args.workers, queue_size=args.queue,
                               run_timeout=float(args.run_timeout), public_url=args.public_url)
    _log_to_stderr(key)
    return asyncio.run(_serve(build_app(settings, key), args.host, args.port))


async def _serve(app: web.Application, host: str, port: int) -> int:
    from aiohttp import web

    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as error:
        await runner.cleanup()
        raise FedctlError(f"cannot listen on {host}:{port}: {error.strerror}", exit_codes.FAILURE) from None
    bound = runner.addresses[0][1]
    print(f"fedctl run-task: listening on http://{host}:{bound} (run task URL: {RUN_TASK_PATH}, health: "
          f"{HEALTH_PATH})", file=sys.stderr, flush=True)
    stopped: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def stop(code: int) -> None:
        if not stopped.done():
            stopped.set_result(code)

    for signum, code in ((signal.SIGTERM, exit_codes.OK), (signal.SIGINT, exit_codes.INTERRUPTED)):
        asyncio.get_running_loop().add_signal_handler(signum, stop, code)
    try:
        return await stopped
    finally:
        print("fedctl run-task: stopping (queued runs get a failed callback)", file=sys.stderr, flush=True)
        await runner.cleanup()


class _SafeFormatter(logging.Formatter):
    """Every log line passes `safe_text`: no control character, no URL userinfo, never the HMAC key."""

    def __init__(self, key: str) -> None:
        super().__init__("fedctl run-task: %(asctime)s %(levelname)s %(message)s")
        self._key = key

    def format(self, record: logging.LogRecord) -> str:
        return safe_lines(super().format(record), [self._key])


def _log_to_stderr(key: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_SafeFormatter(key))
    for name in ("fedctl.run_task", "aiohttp.access", "aiohttp.server", "aiohttp.web"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 0 to 65535, got {text!r}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value}")
    return value
