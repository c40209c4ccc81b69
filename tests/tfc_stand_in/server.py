"""The stand-in's HTTP server: one aiohttp application made of the route modules below. Each route
module has `register(app)`, which adds its routes and its state to the application."""

from __future__ import annotations

import asyncio
import signal
import socket

from aiohttp import web

from tests.tfc_stand_in import api, run_tasks

ROUTE_MODULES = [api, run_tasks]


def build_app() -> web.Application:
    app = web.Application(client_max_size=1024 ** 3)  # plans of 1,000 federations are uploaded to it
    for module in ROUTE_MODULES:
        module.register(app)
    return app


def serve(port: int) -> None:
    asyncio.run(_serve(port))


async def _serve(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    # Nothing here is worth draining on a stop: a stalled answer ("slow" plans) is a test's own
    # device, and waiting for it made every module using one end 30 s late.
    runner = web.AppRunner(build_app(), access_log=None, shutdown_timeout=0.5)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    print(f"tfc-stand-in: listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set)
    await stop.wait()
    await runner.cleanup()
