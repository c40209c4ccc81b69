"""Checks for the Node.js that the CDKTF runtime (jsii) runs on, before jsii starts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

MINIMUM_NODE_MAJOR = 20


class NodeRuntimeError(RuntimeError):
    """Node.js is missing or too old for the CDKTF runtime."""


def ensure_node_runtime() -> None:
    """Raises NodeRuntimeError with what to install; silences only jsii's end-of-life banner.

    jsii prints a large banner on every start for Node 20, which is past jsii's end of support
    but works; the variable silences exactly that banner and leaves real errors visible.
    """
    node = os.environ.get("JSII_NODE") or shutil.which("node")
    if node is None:
        raise NodeRuntimeError(f"Node.js was not found on PATH; the CDKTF runtime needs Node.js "
                               f">= {MINIMUM_NODE_MAJOR} (install it, or set JSII_NODE to its path)")
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True,
                                 timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        raise NodeRuntimeError(f"{node} --version failed ({error}); the CDKTF runtime needs Node.js "
                               f">= {MINIMUM_NODE_MAJOR}") from error
    match = re.match(r"v(\d+)\.", version)
    if match is None or int(match.group(1)) < MINIMUM_NODE_MAJOR:
        raise NodeRuntimeError(f"{node} is Node.js {version or 'of unknown version'}; the CDKTF runtime "
                               f"needs Node.js >= {MINIMUM_NODE_MAJOR}")
    os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", match.group(1))
