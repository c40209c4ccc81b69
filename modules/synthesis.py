"""Environment configs → one CDKTF app with a stack per environment → `cdk.tf.json` files."""

from __future__ import annotations

import contextlib
import gc
import json
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import sys

from modules import lazy_node_packages
from modules.node_runtime import ensure_node_runtime

ensure_node_runtime()  # before the first cdktf import, which starts jsii on Node.js
for _notice in lazy_node_packages.prepare():
    print(_notice, file=sys.stderr)

from cdktf import App  # noqa: E402

from config.model import EnvironmentConfig  # noqa: E402
from config.sharding import SHARD_STACK_NAME, stack_names  # noqa: E402
from modules.federation_stack import FederationStack  # noqa: E402
from modules.sharded_stacks import add_sharded_stacks  # noqa: E402


def build_app(environments: Sequence[EnvironmentConfig], outdir: Path | None = None) -> App:
    """The app with one stack per environment (N + 2 when sharded); `outdir=None` lets `cdktf synth` choose."""
    app = App(outdir=str(outdir)) if outdir is not None else App()
    for environment in environments:
        if environment.shards == 1:
            FederationStack(app, environment)
        else:
            add_sharded_stacks(app, environment)
    return app


def synthesize(environments: Sequence[EnvironmentConfig], outdir: Path) -> dict[str, Path]:
    """Writes `<outdir>/stacks/<stack>/cdk.tf.json` for each stack of each environment; returns
    them by stack name, in the order they must be applied.

    Synthesis happens in a scratch folder next to `outdir`; only complete stacks are moved in,
    so a failure leaves the previous output untouched. Stacks of other environments stay; those
    an environment no longer has (it was sharded differently) are removed.
    """
    outdir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".synth-", dir=outdir.parent) as scratch:
        scratch_dir = Path(scratch)
        with _without_garbage_collection():
            build_app(environments, scratch_dir).synth()
        (outdir / "stacks").mkdir(parents=True, exist_ok=True)
        written: dict[str, Path] = {}
        for environment in environments:
            _remove_former_stacks(outdir / "stacks", environment)
            for name in stack_names(environment):
                target = outdir / "stacks" / name
                _replace_generated_files(scratch_dir / "stacks" / name, target)
                written[name] = target / "cdk.tf.json"
        _merge_manifest(scratch_dir / "manifest.json", outdir / "manifest.json", environments)
    for notice in lazy_node_packages.make_cached_packages_lazy():  # a cold cache: fast from the next run on
        print(notice, file=sys.stderr)
    return written


@contextlib.contextmanager
def _without_garbage_collection() -> Iterator[None]:
    """Building the app makes thousands of small proxy objects and no garbage cycles worth
    collecting; the collector's passes over them cost ~10% at 1,000 federations. Freezing the
    result keeps the collector (and the one at exit) from walking it again."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _replace_generated_files(synthesized: Path, target: Path) -> None:
    """Moves what CDKTF wrote into the stack folder, file by file. Everything else there stays:
    the local state (`terraform.<stack>.tfstate`), `.terraform/`, the lock file and override
    files belong to Terraform, and resynthesizing before every plan must not lose them."""
    target.mkdir(parents=True, exist_ok=True)
    for generated in synthesized.iterdir():
        destination = target / generated.name
        if destination.is_dir() and not destination.is_symlink():
            shutil.rmtree(destination)
        shutil.move(str(generated), str(destination))


def _former_stack(name: str, environment: EnvironmentConfig) -> bool:
    """A stack folder of this environment under a layout it no longer has (other shard counts);
    the loader keeps other environments from taking such names."""
    match = SHARD_STACK_NAME.match(name)
    return match is not None and match.group(1) == environment.name and name not in stack_names(environment)


def _remove_former_stacks(stacks_dir: Path, environment: EnvironmentConfig) -> None:
    for folder in stacks_dir.iterdir():
        if folder.is_dir() and _former_stack(folder.name, environment):
            shutil.rmtree(folder)


def _merge_manifest(new_manifest: Path, manifest: Path, environments: Sequence[EnvironmentConfig]) -> None:
    """Keeps cdktf-cli's manifest listing every stack present in `outdir`."""
    merged = json.loads(new_manifest.read_text(encoding="utf-8"))
    if manifest.exists():
        previous = json.loads(manifest.read_text(encoding="utf-8"))
        kept = {name: stack for name, stack in previous.get("stacks", {}).items()
                if not any(_former_stack(name, environment) for environment in environments)}
        merged["stacks"] = {**kept, **merged.get("stacks", {})}
    manifest.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
