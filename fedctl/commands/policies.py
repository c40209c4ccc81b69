"""`fedctl policies`: the policy catalogue as Markdown (POLICIES.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fedctl import exit_codes
from gate.catalogue import load_catalogue
from gate.policies_markdown import render_policies_markdown

DEFAULT_OUTPUT = Path("POLICIES.md")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("policies", help="write POLICIES.md from the policy catalogue",
                                   description="Renders policies/catalogue.toml as the Markdown table of rules.")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, metavar="FILE",
                        help="where to write it; '-' for standard output (default: %(default)s)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    text = render_policies_markdown(load_catalogue())
    if str(args.output) == "-":
        print(text, end="")
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return exit_codes.OK
