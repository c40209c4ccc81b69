"""The fast path (lazy Python imports, lazy Node requires in the project's jsii cache) writes
byte for byte what the plain, naive path writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generated_config import write_generated_environment
from modules.lazy_node_packages import MARKER, PROJECT_CACHE, LazyPatchError, lazy_source
from tests.conftest import EXAMPLE_DIR, PROJECT_ROOT


def synth(config_dir: Path, outdir: Path, fast: bool) -> dict[str, bytes]:
    env = {**os.environ, "FEDCTL_LAZY_PROVIDERS": "1" if fast else "0", "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run([sys.executable, "-m", "fedctl", "synth", "--config-dir", str(config_dir),
                             "--outdir", str(outdir)], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert "plain way" not in result.stderr  # no fallback notice
    return {p.parent.name: p.read_bytes() for p in sorted(outdir.glob("stacks/*/cdk.tf.json"))}


@pytest.mark.parametrize("case", ["example", "generated-100"])
def test_fast_and_naive_synthesis_write_identical_bytes(tmp_path: Path, case: str) -> None:
    config_dir = EXAMPLE_DIR if case == "example" else write_generated_environment(tmp_path / "env", 100).parent
    fast = synth(config_dir, tmp_path / "fast", fast=True)
    naive = synth(config_dir, tmp_path / "naive", fast=False)
    assert fast.keys() == naive.keys() and fast
    assert fast == naive


def test_the_project_cache_holds_lazy_provider_indexes_with_their_originals() -> None:
    indexes = sorted(PROJECT_CACHE.glob("@cdktf/provider-*/*/*/lib/index.js"))
    assert len(indexes) >= 2
    for index in indexes:
        assert index.read_text().startswith(MARKER)
        assert index.with_name("index.js.fedctl-original").exists()


def test_an_unexpected_index_layout_is_refused() -> None:
    with pytest.raises(LazyPatchError, match="unexpected line"):
        lazy_source('exports.a = require("./a");\nconst x = require(somethingElse);\n')
    with pytest.raises(LazyPatchError, match="found 1 submodule requires"):
        lazy_source('exports.a = require("./a");\n')


def test_concurrent_rewrites_of_one_index_are_safe(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    names = [f"m{i}" for i in range(12)]
    for name in names:
        (lib / f"{name}.js").write_text(f"exports.value = '{name}';\n")
    (lib / "index.js").write_text('"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n'
                                  + "".join(f'exports.{n} = require("./{n}");\n' for n in names))
    script = ("import sys; from pathlib import Path; from modules.lazy_node_packages import make_lazy; "
              "print(make_lazy(Path(sys.argv[1])))")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    runs = [subprocess.Popen([sys.executable, "-c", script, str(lib / "index.js")], env=env, stdout=subprocess.PIPE,
                             text=True) for _ in range(4)]
    outputs = sorted(run.communicate(timeout=120)[0].strip() for run in runs)
    assert outputs == ["False", "False", "False", "True"]  # exactly one rewrote it
    check = subprocess.run(["node", "-e", f"const m = require({str(lib / 'index.js')!r}); "
                            "console.log(Object.keys(m).length, m.m7.value)"], capture_output=True, text=True)
    assert check.stdout.strip() == "12 m7"  # every submodule still exported (and loadable)
    assert not list(lib.glob(".*.tmp"))
