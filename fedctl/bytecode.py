"""Writes the bytecode fedctl runs on, plain and optimized (`-O`: bin/fedctl and the Pipfile's
`fedctl` script), once, at set-up: `python -m fedctl.bytecode --project --locked-packages`.

Without it every `-O` run compiles the large provider binding modules again, because nothing else
writes `.opt-1.pyc` files: pip writes only the plain ones at install time, and pipenv sets
PYTHONDONTWRITEBYTECODE for every command it runs. A file whose bytecode is up to date is not
written again, so a second run writes nothing."""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import py_compile
import struct
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
OPTIMIZATION_LEVELS = (0, 1)
"""0 for the checkov child process (plain `python`), 1 for fedctl itself (`python -O`)."""
NOT_PROJECT_PACKAGES = frozenset({"tests"})


@dataclass(frozen=True)
class CompileSummary:
    written: int
    up_to_date: int
    not_python3: tuple[str, ...]
    """Sources that do not compile on this Python (e.g. a package's Python 2 fallback module):
    no import can load them either, so they need no bytecode; pip skips them the same way."""


def cache_path(source: Path, level: int) -> Path:
    return Path(importlib.util.cache_from_source(str(source), optimization="" if level == 0 else level))


def is_up_to_date(source: Path, level: int) -> bool:
    """The check the import system makes for timestamp-based bytecode: magic number, flags 0,
    the source's modification time and size."""
    try:
        with cache_path(source, level).open("rb") as cache:
            header = cache.read(16)
        stat = source.stat()
    except OSError:
        return False
    expected = importlib.util.MAGIC_NUMBER + struct.pack("<III", 0, int(stat.st_mtime) & 0xFFFF_FFFF,
                                                          stat.st_size & 0xFFFF_FFFF)
    return header == expected


def _compile(job: tuple[str, int]) -> str | None:
    source, level = job
    try:
        # Timestamp-based even where SOURCE_DATE_EPOCH would make py_compile hash the source.
        py_compile.compile(source, cfile=str(cache_path(Path(source), level)), doraise=True, optimize=level,
                           invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP)
    except py_compile.PyCompileError:
        return source
    return None


def compile_sources(sources: Iterable[Path], levels: Sequence[int] = OPTIMIZATION_LEVELS,
                    workers: int | None = None) -> CompileSummary:
    jobs = [(str(source), level) for source in sorted(set(sources)) for level in levels]
    stale = [job for job in jobs if not is_up_to_date(Path(job[0]), job[1])]
    workers = workers or os.cpu_count() or 1
    if len(stale) < 64 or workers == 1:
        failed = [_compile(job) for job in stale]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            failed = list(pool.map(_compile, stale, chunksize=32))
    not_python3 = tuple(sorted({source for source in failed if source}))
    return CompileSummary(written=len(stale) - sum(1 for source in failed if source),
                          up_to_date=len(jobs) - len(stale), not_python3=not_python3)


def python_sources(paths: Iterable[Path]) -> list[Path]:
    """Every `.py` file under the given folders (and the given `.py` files), caches excluded."""
    found = []
    for path in paths:
        if path.is_file() and path.suffix == ".py":
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in path.rglob("*.py") if "__pycache__" not in p.parts)
    return found


def project_sources(root: Path = PROJECT_ROOT) -> list[Path]:
    """The project's own packages (every top-level folder with an `__init__.py`, tests excepted)
    and `main.py`."""
    packages = [path for path in sorted(root.iterdir())
                if (path / "__init__.py").is_file() and path.name not in NOT_PROJECT_PACKAGES]
    return python_sources([*packages, root / "main.py"])


def locked_package_sources(lockfile: Path = PROJECT_ROOT / "Pipfile.lock") -> list[Path]:
    """The `.py` files of every installed distribution in the lock file's `default` section: the
    runtime packages and all their dependencies, so everything synthesis and the gate import
    (cdktf, constructs, jsii, both provider bindings, checkov, ...); the development packages are
    left out."""
    sources = []
    for name in json.loads(lockfile.read_text())["default"]:
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:  # not for this platform (a marker in the lock)
            continue
        for file in distribution.files or ():
            if file.suffix == ".py":
                sources.append(Path(str(distribution.locate_file(file))).resolve())
    return [source for source in sources if source.is_file()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fedctl.bytecode", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="folders or .py files to compile")
    parser.add_argument("--project", action="store_true", help="the project's own packages")
    parser.add_argument("--locked-packages", action="store_true",
                        help="the installed runtime packages of Pipfile.lock (its `default` section)")
    args = parser.parse_args(argv)
    sources = python_sources(args.paths)
    if args.project:
        sources += project_sources()
    if args.locked_packages:
        sources += locked_package_sources()
    summary = compile_sources(sources)
    print(f"bytecode: {summary.written} files written, {summary.up_to_date} up to date"
          + (f", {len(summary.not_python3)} not Python 3 (skipped)" if summary.not_python3 else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
