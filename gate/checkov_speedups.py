"""Three changes to checkov 3.3's internals and one switch of its secret scanner that make the
gate several times faster at scale without changing a single record (tests compare every record
with and without them).

Measured on 1,000 federations (one 2.6 MB `cdk.tf.json`, 2 cores): checkov's Terraform JSON
parser reads JSON with pure-Python YAML (about 3 s); it renders variables into a graph that only
graph checks read, and none of checkov's graph checks judges a Cognito or Okta resource (about
5 s, quadratic in resources); and it formats every DEBUG line into an in-memory log kept for its
`--support` upload (about 2 s). Python checks — the whole federation pack — read the parsed
definitions, not the graph.

The switch is the secret scanner's own line pre-gate (`DETECT_SECRETS_PERF_PREGATE=1`, off by
default in the locked bc-detect-secrets 1.5.52): one regular expression built from every loaded
plugin's patterns and keywords rejects lines no plugin can match before the ~18 plugins are called
one by one on each line (at 1,000 federations 10,000 of 37,000 lines; the secret scan, the gate's
critical path there, from about 6.0 s to 4.2 s).

Applied by `gate.checkov_driver` unless FEDCTL_CHECKOV_PLAIN=1 (which also keeps the secret
scan in the main process). Each change checks that the
internals it replaces still look as expected and otherwise leaves checkov as it is and returns a
one-line notice.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
from pathlib import Path
from typing import Any, Callable

import yaml

PLAIN_ENVIRONMENT_VARIABLE = "FEDCTL_CHECKOV_PLAIN"
# Read by detect_secrets.core.scan when it is imported: set before checkov is.
SECRET_SCANNER_SWITCHES = {"DETECT_SECRETS_PERF_PREGATE": "1"}


def speedups_enabled() -> bool:
    return os.environ.get(PLAIN_ENVIRONMENT_VARIABLE) != "1"


def switch_on_secret_scanner_pregate() -> None:
    """Before checkov is imported; a value the user set for the same switch wins."""
    if speedups_enabled():
        for name, value in SECRET_SCANNER_SWITCHES.items():
            os.environ.setdefault(name, value)


def apply_speedups() -> list[str]:
    """Applies every speedup that fits this checkov; returns notices for those that did not."""
    if not speedups_enabled():
        return []
    notices: list[str] = []
    for speedup in (_drop_in_memory_debug_log, _parse_terraform_json_with_libyaml, _skip_terraform_json_variable_rendering):
        problem = speedup()
        if problem:
            notices.append(f"fedctl gate: checkov runs without one speedup ({problem}); results are unaffected")
    return notices


def _drop_in_memory_debug_log() -> str | None:
    from checkov import logging_init

    handler = next((h for h in logging.getLogger().handlers
                    if isinstance(h, logging.StreamHandler) and h.stream is logging_init.log_stream), None)
    if handler is None:
        return "checkov's in-memory log handler was not found"
    root = logging.getLogger()
    root.removeHandler(handler)
    # Only the console handler is left; records below its level were formatted for the buffer alone.
    root.setLevel(min((h.level for h in root.handlers), default=logging.WARNING))
    return None


def _parse_terraform_json_with_libyaml() -> str | None:
    from checkov.common.parsers.yaml.loader import SafeLineLoader
    from checkov.terraform_json import parser

    c_parser: Any = getattr(importlib.import_module("yaml.cyaml"), "CParser", None)  # None: PyYAML without libyaml
    original_loads: Callable[..., Any] | None = getattr(parser, "loads", None)
    if c_parser is None or original_loads is None or not hasattr(parser, "prepare_definition"):
        return "libyaml or checkov's Terraform JSON parser is not as expected"

    class LibyamlLineLoader(c_parser, SafeLineLoader):  # type: ignore[misc]
        """checkov's SafeLineLoader (line numbers, its booleans) on libyaml's parser."""

        def __init__(self, stream: str) -> None:
            c_parser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    @functools.wraps(original_loads)
    def loads(file_path: Path) -> tuple[dict[str, Any], list[tuple[int, str]]]:
        try:
            with open(file_path, encoding="utf-8") as handle:
                content = handle.read()
            documents = list(yaml.load_all(content, Loader=LibyamlLineLoader))  # noqa: S506 - a safe loader
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return original_loads(file_path=file_path)  # type: ignore[no-any-return]  # checkov's errors
        template = (documents[0] if documents else None) or {}
        if isinstance(template, list):
            template = template[0]
        file_lines = [(index + 1, line) for index, line in enumerate(content.splitlines(keepends=True))]
        return (parser.prepare_definition(template) if template else template), file_lines

    parser.loads = loads
    return None


def _skip_terraform_json_variable_rendering() -> str | None:
    from checkov.terraform.graph_manager import TerraformGraphManager
    from checkov.terraform_json.runner import TerraformJsonRunner

    original_run = TerraformJsonRunner.run
    build = TerraformGraphManager.build_graph_from_definitions
    if "render_variables" not in build.__code__.co_varnames:
        return "checkov's graph manager no longer takes render_variables"

    @functools.wraps(original_run)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        self.graph_manager.build_graph_from_definitions = functools.partial(
            build, self.graph_manager, render_variables=False)
        return original_run(self, *args, **kwargs)

    TerraformJsonRunner.run = run  # type: ignore[method-assign]
    return None
