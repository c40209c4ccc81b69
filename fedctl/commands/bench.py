"""`fedctl bench`: the benchmark users can run (see README, "Speed")."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.benchmark import render_json, render_markdown, run_benchmark
from fedctl import exit_codes

DEFAULT_OUTPUT = Path("fedctl-reports/bench")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "bench", help="time synth, gate and drift-parse on the example and generated configurations",
        description="Medians of several runs, wall time and peak memory per process, beside the naive "
                    "provider imports and the json.dumps floor measured in the same run.")
    parser.add_argument("--sizes", default="1,10,100,1000", metavar="N,N,...",
                        help="federations per generated configuration (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="runs per measurement (default: 5)")
    parser.add_argument("--shards", type=int, default=4, metavar="K",
                        help="also time the largest size spread over K stacks (default: %(default)s; 1: skip)")
    parser.add_argument("--no-example", action="store_true", help="skip the bundled example")
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT, metavar="DIR",
                        help="where bench.md and bench.json go (default: %(default)s)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    results = run_benchmark(sizes, args.runs, include_example=not args.no_example, shards=args.shards,
                            progress=lambda message: print(f"fedctl: bench {message}", flush=True))
    args.output_dir.mkdir(parents=True, exist_ok=True)
    markdown = render_markdown(results, args.runs)
    (args.output_dir / "bench.md").write_text(markdown)
    (args.output_dir / "bench.json").write_text(render_json(results, args.runs))
    print(markdown)
    print(f"reports: {args.output_dir}")
    return exit_codes.OK
