"""Stacks that refer to each other, as one document: a sharded environment (config/sharding.py)
is several `cdk.tf.json` files, and a rule about an app client must see the identity providers
of every shard, just as it would in one stack.

CDKTF writes a value that crosses stacks as an output of the owning stack
(`cross-stack-output-…`, whose value is the real reference) and a `terraform_remote_state` data
source in the using stack (`cross-stack-reference-input-<stack>`). Joining puts back the real
reference in place of each remote-state read and merges the linked stacks, found next to each
other in `stacks/<name>/cdk.tf.json` as CDKTF lays them out. Stacks without such links are
returned as they are.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from typing import Any

INPUT_PREFIX = "cross-stack-reference-input-"
OUTPUT_PREFIX = "cross-stack-output-"
STACK_FILE = "cdk.tf.json"
_READ = re.compile(r"data\.terraform_remote_state\.cross-stack-reference-input-([A-Za-z0-9_-]+)\."
                   r"outputs\.(cross-stack-output-[A-Za-z0-9_-]+)")
_SINGLE_REFERENCE = re.compile(r"^\$\{([^${}]+)\}$")

RawDocument = dict[str, Any]


def joined_stack(path: str, load: Callable[[str], RawDocument]) -> RawDocument:
    """The stack at `path` with every stack linked to it, directly or not, merged in."""
    own = load(path)
    if not _inputs(own) and not _has_cross_stack_outputs(own):
        return own
    stacks_dir = os.path.dirname(os.path.dirname(path))
    siblings = {name: os.path.join(stacks_dir, name, STACK_FILE) for name in sorted(os.listdir(stacks_dir))}
    documents = {name: load(file) for name, file in siblings.items() if os.path.isfile(file)}
    own_name = os.path.basename(os.path.dirname(path))
    documents[own_name] = own
    linked = _linked_component(own_name, documents)
    order = [own_name, *sorted(linked - {own_name})]
    merged: RawDocument = {"terraform": own.get("terraform") or {}}
    for name in order:
        _merge_into(merged, _with_references_restored(documents[name], documents))
    return merged


def _inputs(document: RawDocument) -> set[str]:
    """The stacks this one reads outputs of."""
    reads = ((document.get("data") or {}).get("terraform_remote_state") or {})
    return {name.removeprefix(INPUT_PREFIX) for name in reads if name.startswith(INPUT_PREFIX)}


def _has_cross_stack_outputs(document: RawDocument) -> bool:
    return any(name.startswith(OUTPUT_PREFIX) for name in (document.get("output") or {}))


def _linked_component(start: str, documents: dict[str, RawDocument]) -> set[str]:
    neighbours: dict[str, set[str]] = {name: set() for name in documents}
    for name, document in documents.items():
        for producer in _inputs(document) & documents.keys():
            neighbours[name].add(producer)
            neighbours[producer].add(name)
    found, pending = {start}, [start]
    while pending:
        for neighbour in neighbours[pending.pop()] - found:
            found.add(neighbour)
            pending.append(neighbour)
    return found


def _with_references_restored(document: RawDocument, documents: dict[str, RawDocument]) -> RawDocument:
    def restore(match: re.Match[str]) -> str:
        producer = documents.get(match.group(1)) or {}
        value = ((producer.get("output") or {}).get(match.group(2)) or {}).get("value")
        single = _SINGLE_REFERENCE.match(value) if isinstance(value, str) else None
        return single.group(1) if single else match.group(0)

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, str) and INPUT_PREFIX in value:
            return _READ.sub(restore, value)
        return value

    return {key: walk(value) for key, value in document.items() if key in ("resource", "data", "output", "variable",
                                                                           "provider", "locals")}


def _merge_into(merged: RawDocument, document: RawDocument) -> None:
    """Blocks of `document` not yet in `merged`; the cross-stack glue itself is left out."""
    for mode in ("resource", "data"):
        for resource_type, items in (document.get(mode) or {}).items():
            if mode == "data" and resource_type == "terraform_remote_state":
                items = {name: body for name, body in items.items() if not name.startswith(INPUT_PREFIX)}
            target = merged.setdefault(mode, {}).setdefault(resource_type, {})
            for name, body in items.items():
                target.setdefault(name, body)
    for name, body in (document.get("output") or {}).items():
        if not name.startswith(OUTPUT_PREFIX):
            merged.setdefault("output", {}).setdefault(name, body)
    for key in ("variable", "locals"):
        for name, body in (document.get(key) or {}).items():
            merged.setdefault(key, {}).setdefault(name, body)
    for name, configs in (document.get("provider") or {}).items():
        merged.setdefault("provider", {}).setdefault(name, []).extend(configs if isinstance(configs, list) else [configs])


def load_json(path: str) -> RawDocument:
    with open(path, encoding="utf-8") as handle:
        document: RawDocument = json.load(handle)
    return document
