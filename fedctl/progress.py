"""One-line progress messages on stderr for steps that take seconds."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def step(message: str) -> Iterator[None]:
    """Prints `message...` before and `done in N.Ns` after; stdout stays clean for results."""
    start = time.perf_counter()
    print(f"fedctl: {message}...", file=sys.stderr, flush=True)
    yield
    print(f"fedctl: {message}: done in {time.perf_counter() - start:.1f}s", file=sys.stderr, flush=True)
