"""Makes the Node side of the prebuilt provider packages load one submodule at a time.

jsii's runtime `require`s each package's `lib/index.js`, which eagerly requires every resource
module (2,212 for AWS): about 1.4 s and 600 MiB per synthesis. We point jsii at a package cache
this project owns (`JSII_RUNTIME_PACKAGE_CACHE_ROOT`, default `.tools/jsii-package-cache`; shared
caches are never touched) and rewrite those index files so each submodule is required on first
use. Every rewrite runs under a file lock, is checked by loading both versions in Node and
comparing every export, is written atomically, and keeps the original next to it. Anything
unexpected leaves the package as it is, with a one-line notice; `FEDCTL_LAZY_PROVIDERS=0`, or a
jsii cache setting of the user's own, turns the whole mechanism off.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
from pathlib import Path

PROJECT_CACHE = Path(__file__).resolve().parent.parent / ".tools" / "jsii-package-cache"
LAZY_PACKAGES = ("@cdktf/provider-aws", "@cdktf/provider-okta")
MARKER = "/* fedctl: submodules are required on first use */\n"
ORIGINAL_SUFFIX = ".fedctl-original"
_REQUIRE_LINE = re.compile(r'^exports\.([A-Za-z0-9_$]+) = require\("(\./[a-z0-9-]+)"\);$')
_VERIFY = """
const eager = require(process.argv[1]), lazy = require(process.argv[2]);
const a = Object.keys(eager), b = Object.keys(lazy);
if (a.join() !== b.join()) { console.error("export names differ"); process.exit(1); }
for (const k of a) if (eager[k] !== lazy[k]) { console.error("export " + k + " differs"); process.exit(1); }
"""


class LazyPatchError(Exception):
    pass


def enabled() -> bool:
    user_cache = os.environ.get("JSII_RUNTIME_PACKAGE_CACHE_ROOT") not in (None, "", str(PROJECT_CACHE))
    disabled = os.environ.get("JSII_RUNTIME_PACKAGE_CACHE", "enabled").lower() != "enabled"
    return os.environ.get("FEDCTL_LAZY_PROVIDERS", "1") != "0" and not user_cache and not disabled


def prepare() -> list[str]:
    """Before jsii starts: use the project's cache and make the packages in it lazy. Returns notices."""
    if not enabled():
        return []
    PROJECT_CACHE.mkdir(parents=True, exist_ok=True)
    os.environ["JSII_RUNTIME_PACKAGE_CACHE_ROOT"] = str(PROJECT_CACHE)
    return make_cached_packages_lazy()


def make_cached_packages_lazy() -> list[str]:
    """Rewrites every not yet rewritten index of LAZY_PACKAGES in the cache; after a first (cold)
    synthesis too, so the next run is fast."""
    if not enabled():
        return []
    notices = []
    for package in LAZY_PACKAGES:
        for index in sorted(PROJECT_CACHE.glob(f"{package}/*/*/lib/index.js")):
            try:
                make_lazy(index)
            except (LazyPatchError, OSError, subprocess.SubprocessError) as error:
                notices.append(f"fedctl: loading {package} the plain way ({error})")
    return notices


def make_lazy(index: Path) -> bool:
    """True when this call rewrote the file; False when it was already lazy."""
    with open(index.parent / ".fedctl-lazy.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        text = index.read_text(encoding="utf-8")
        if text.startswith(MARKER):
            return False
        rewritten = lazy_source(text)
        original = index.with_name(index.name + ORIGINAL_SUFFIX)
        if not original.exists():
            shutil.copyfile(index, original)
        candidate = index.with_name(f".{index.name}.{os.getpid()}.tmp")
        candidate.write_text(rewritten, encoding="utf-8")
        try:
            _verify(original, candidate)
            os.replace(candidate, index)
        finally:
            candidate.unlink(missing_ok=True)
        return True


def lazy_source(text: str) -> str:
    lines = text.splitlines(keepends=True)
    rewritten = []
    count = 0
    for line in lines:
        match = _REQUIRE_LINE.match(line.rstrip("\n"))
        if match:
            count += 1
            name, path = match.groups()
            rewritten.append(f'Object.defineProperty(exports, "{name}", {{ enumerable: true, configurable: true, '
                             f'get: function () {{ return require("{path}"); }} }});\n')
        elif "require(" in line and not line.startswith("//# sourceMappingURL"):
            raise LazyPatchError(f"unexpected line in index.js: {line.strip()[:80]}")
        else:
            rewritten.append(line)
    if count < 10:
        raise LazyPatchError(f"expected the generated index.js layout; found {count} submodule requires")
    return MARKER + "".join(rewritten)


def _verify(original: Path, candidate: Path) -> None:
    node = os.environ.get("JSII_NODE") or shutil.which("node") or "node"
    result = subprocess.run([node, "-e", _VERIFY, str(original), str(candidate)], capture_output=True, text=True,
                            timeout=120, cwd=original.parent)
    if result.returncode != 0:
        raise LazyPatchError(f"the rewritten index.js does not export the same: {result.stderr.strip()[:200]}")
