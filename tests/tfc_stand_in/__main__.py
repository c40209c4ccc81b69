"""`python -m tests.tfc_stand_in [--port N]`: serves on 127.0.0.1; prints
`tfc-stand-in: listening on http://127.0.0.1:PORT` once it accepts connections.

The API token it accepts comes from the environment variable TFC_STAND_IN_TOKEN (never argv,
which any process can read, and never a file)."""

from __future__ import annotations

import argparse

from tests.tfc_stand_in.server import serve


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.tfc_stand_in", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    serve(parser.parse_args().port)


if __name__ == "__main__":
    main()
