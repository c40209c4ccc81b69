"""The stand-in's aiohttp application: one route module per part of the API."""

from __future__ import annotations

from aiohttp import web

from tests.tfc_stand_in import run_tasks

ROUTE_MODULES = [run_tasks]
"""Each module has `add_routes(app)`; its state lives in the app."""


def build_app() -> web.Application:
    app = web.Application(client_max_size=1024 ** 3)
    for module in ROUTE_MODULES:
        module.add_routes(app)
    return app
