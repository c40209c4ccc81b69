"""`python -m tests.tfc_stand_in [--host H] [--port P]`: serves until killed; prints its URL first."""

from __future__ import annotations

import argparse
import asyncio
import sys

from aiohttp import web

from tests.tfc_stand_in.server import build_app


async def serve(host: str, port: int) -> None:
    runner = web.AppRunner(build_app(), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    print(f"tfc-stand-in: listening on http://{host}:{runner.addresses[0][1]}", flush=True)
    await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.tfc_stand_in", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.host, args.port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
