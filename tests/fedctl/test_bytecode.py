"""Set-up writes the bytecode fedctl runs on, plain and `-O`, once: nothing compiles it per run."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from fedctl.bytecode import cache_path, is_up_to_date, locked_package_sources
from tests.conftest import PROJECT_ROOT

# The modules every `fedctl synth` / `fedctl gate` imports that cost most to compile.
KEY_MODULES = ("cdktf/__init__.py", "cdktf/_jsii/__init__.py", "constructs/__init__.py", "jsii/_runtime.py",
               "cdktf_cdktf_provider_aws/provider/__init__.py", "cdktf_cdktf_provider_aws/cognito_user_pool/__init__.py",
               "cdktf_cdktf_provider_aws/cognito_user_pool_client/__init__.py",
               "cdktf_cdktf_provider_okta/app_oauth/__init__.py", "checkov/main.py")


def write_bytecode(*args: str) -> subprocess.CompletedProcess[str]:
    """The command scripts/setup runs, in the environment `pipenv run` would give it."""
    return subprocess.run([sys.executable, "-m", "fedctl.bytecode", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
                                                       "PYTHONPATH": str(PROJECT_ROOT)})


def test_set_up_writes_optimized_bytecode_once_and_the_import_system_uses_it(tmp_path: Path) -> None:
    package = tmp_path / "bindings"
    (package / "sub").mkdir(parents=True)
    sources = [package / "__init__.py", package / "sub" / "__init__.py", package / "sub" / "resource.py"]
    for source in sources:
        source.write_text("VALUE = 1\n" * 200)
    (package / "_py2.py").write_text('print "a Python 2 fallback no import loads"\n')

    first = write_bytecode(str(package))
    assert first.returncode == 0, first.stderr
    assert first.stderr.strip() == "bytecode: 6 files written, 0 up to date, 1 not Python 3 (skipped)"
    caches = [cache_path(source, level) for source in sources for level in (0, 1)]
    assert all(cache.is_file() for cache in caches) and caches[1].name == "__init__.cpython-311.opt-1.pyc"
    written = {cache: cache.stat().st_mtime_ns for cache in caches}

    second = write_bytecode(str(package))
    assert second.stderr.strip() == "bytecode: 0 files written, 6 up to date, 1 not Python 3 (skipped)"
    assert {cache: cache.stat().st_mtime_ns for cache in caches} == written
    assert sorted(p.name for p in package.rglob("*.pyc")) == sorted(cache.name for cache in caches)

    # `python -O` loads the .opt-1.pyc as it is: the header matches what the import system checks.
    verbose = subprocess.run([sys.executable, "-O", "-v", "-c", "import bindings.sub.resource"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=60)
    assert f"code object from '{cache_path(sources[2], 1)}'" in verbose.stderr
    assert {cache: cache.stat().st_mtime_ns for cache in caches} == written


def test_set_up_left_bytecode_of_the_modules_synthesis_and_the_gate_import() -> None:
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    modules = [site_packages / module for module in KEY_MODULES]
    covered = set(locked_package_sources())
    assert [m for m in modules if m not in covered] == []  # what set-up compiles includes them
    assert [str(cache_path(m, level)) for m in modules for level in (0, 1) if not is_up_to_date(m, level)] == []
