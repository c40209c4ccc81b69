"""Where checkov's per-resource interface hides the rest of the input, the checkov adapter finds
the whole document: the Terraform JSON file through checkov's runner frame (joined with the stacks
it is linked to), the plan file named in a resource's `__file__`, or checkov's graph of an HCL
module, whose nodes carry every block (variables with defaults already rendered by checkov).
"""

from __future__ import annotations

import inspect
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from federation.cross_stack import joined_stack, load_json
from federation.document import FederationDocument, Resource, from_plan, from_terraform_json
from federation.values import plain


# --- HCL, through checkov's graph ----------------------------------------------------------

def from_checkov_graph(graph: Any, directory: str | None) -> FederationDocument:
    """HCL as checkov rendered it: references it could resolve are replaced by their values, so
    the graph's edges are where a reference (e.g. to an identity provider's name) still shows.
    The document is the whole folder (every file of the module), as Terraform reads it."""
    result = FederationDocument(form="terraform")
    if directory is not None:
        result.variable_files = _variable_files(directory)
    for node in _graph_nodes(graph):
        if directory is not None and os.path.dirname(str(node.get("file_path_", ""))) != directory:
            continue
        block_type = node.get("block_type_")
        config = node.get("config_") or {}
        if node.get("source_module_object_"):
            # checkov loaded this block through a `module` block of another folder of the scan.
            result.called_as_module = True
        if block_type == "locals":
            result.local_names.add(str(node.get("block_name_")))
        elif block_type == "module":
            result.module_calls.append(str(node.get("block_name_")))
        if block_type in ("resource", "data"):
            for rtype, items in config.items():
                for name, body in (items or {}).items():
                    values = plain({k: v for k, v in body.items() if not k.startswith("__")})
                    meta = {k: values.pop(k) for k in ("for_each", "count", "depends_on") if k in values}
                    result.resources.append(Resource(block_type, rtype, name, values, meta=meta))
        elif block_type == "output":
            for name, body in config.items():
                result.outputs[name] = plain(body)
        elif block_type == "variable":
            for name, body in config.items():
                result.variables[name] = plain({k: v for k, v in body.items() if not k.startswith("__")})
        elif block_type == "provider":
            for name, body in config.items():
                result.providers.append((name, plain({k: v for k, v in body.items() if not k.startswith("__")})))
        elif block_type == "terraform":
            terraform = plain({k: v for k, v in config.items() if not k.startswith("__")})
            result.terraform.update(terraform if isinstance(terraform, dict) else {})
    by_address = {resource.address: resource for resource in result.resources}
    for source, target, label in _graph_edges(graph):
        if directory is not None and os.path.dirname(str(source.get("file_path_", ""))) != directory:
            continue
        if source.get("block_type_") == "output" and str(source.get("block_name_")) in result.outputs:
            output = result.outputs[str(source.get("block_name_"))]
            output["references"] = (*output.get("references", ()), str(target.get("block_name_")))
            continue
        resource = by_address.get(str(source.get("block_name_")))
        if resource is not None and target.get("block_type_") in ("resource", "data"):
            prefix = "data." if target.get("block_type_") == "data" else ""
            attribute = label.split(".", 1)[0]
            resource.references[attribute] = (*resource.references.get(attribute, ()),
                                              f"{prefix}{target.get('block_name_')}")
    return result


def _variable_files(directory: str) -> tuple[str, ...]:
    """The files from which Terraform sets a root module's variables without being asked."""
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return ()
    return tuple(name for name in names if name in ("terraform.tfvars", "terraform.tfvars.json")
                 or name.endswith((".auto.tfvars", ".auto.tfvars.json")))


def _graph_edges(graph: Any) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    def payload(data: Any) -> dict[str, Any]:
        data = data[1] if isinstance(data, tuple) and len(data) == 2 else data
        return data if isinstance(data, dict) else {}

    if hasattr(graph, "weighted_edge_list"):  # rustworkx
        return [(payload(graph[a]), payload(graph[b]), str((w or {}).get("label", "")))
                for a, b, w in graph.weighted_edge_list()]
    return [(payload(graph.nodes[a]), payload(graph.nodes[b]), str((w or {}).get("label", "")))
            for a, b, w in graph.edges(data=True)]


def _graph_nodes(graph: Any) -> list[dict[str, Any]]:
    if hasattr(graph, "node_indices"):  # rustworkx
        payloads = graph.nodes()
    else:  # networkx
        payloads = [data for _, data in graph.nodes(data=True)]
    nodes: list[dict[str, Any]] = []
    for payload in payloads:
        data = payload[1] if isinstance(payload, tuple) and len(payload) == 2 else payload
        if isinstance(data, dict):
            nodes.append(data)
    return nodes


# --- locating the input --------------------------------------------------------------------

_DOCUMENTS: dict[tuple[str, float], FederationDocument] = {}
_FILES: dict[tuple[str, float], Any] = {}


@dataclass
class _GraphIndex:
    """What the adapter reads from one checkov graph, read once: one graph holds every folder of
    a `-d` scan, and walking it again for every rule and resource took two minutes on 57 small
    folders."""

    graph: Any
    """Kept so that the graph's id, the key of `_GRAPHS`, cannot be reused by another graph."""
    resource_files: dict[str, list[tuple[int, str]]]
    """A resource block's name (`aws_cognito_user_pool.pool`) -> (its place in the graph, its file)."""
    documents: dict[str, FederationDocument] = field(default_factory=dict)
    """By module folder."""


_GRAPHS: dict[int, _GraphIndex] = {}


def document_for(scanned_file: str, conf: dict[str, Any], graph: Any) -> FederationDocument:
    """The document the resource `conf` belongs to; raises when it cannot be found (fail closed)."""
    plan_file = _first(conf.get("__file__"))
    if isinstance(plan_file, str) and plan_file.endswith(".json") and "__change_actions__" in conf:
        return _cached_document(plan_file, lambda path: from_plan(_cached_json(path)))
    json_file = _runner_file_path()
    if json_file is not None and json_file.endswith(".json"):
        # A Terraform JSON stack, joined with the stacks it is linked to (`cross_stack`).
        return _cached_document(json_file, lambda path: from_terraform_json(joined_stack(path, _cached_json)))
    if graph is not None:
        index = _graph_index(graph)
        directory = _directory_of(index, str(conf.get("__address__")), scanned_file)
        if directory not in index.documents:
            index.documents[directory] = from_checkov_graph(graph, directory)
        return index.documents[directory]
    raise LookupError(f"cannot locate the document of {scanned_file}; neither a file nor a graph was given")


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _cached_document(path: str, build: Callable[[str], FederationDocument]) -> FederationDocument:
    """Built once per file version: every rule asks for the document of every resource."""
    key = (path, os.path.getmtime(path))
    if key not in _DOCUMENTS:
        _DOCUMENTS[key] = build(path)
    return _DOCUMENTS[key]


def _graph_index(graph: Any) -> _GraphIndex:
    index = _GRAPHS.get(id(graph))
    if index is None:
        resource_files: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for place, node in enumerate(_graph_nodes(graph)):
            if node.get("block_type_") == "resource":
                resource_files[str(node.get("block_name_"))].append((place, str(node.get("file_path_", ""))))
        index = _GRAPHS[id(graph)] = _GraphIndex(graph, dict(resource_files))
    return index


def _cached_json(path: str) -> Any:
    """Read once per file version: the stacks of a sharded environment are read by each other."""
    key = (path, os.path.getmtime(path))
    if key not in _FILES:
        _FILES[key] = load_json(path)
    return _FILES[key]


def _runner_file_path() -> str | None:
    """checkov's terraform_json runner passes the absolute path only as a local of run_block."""
    frame = inspect.currentframe()
    try:
        while frame is not None:
            candidate = frame.f_locals.get("full_file_path")
            if isinstance(candidate, str) and frame.f_code.co_name == "run_block":
                return candidate
            frame = frame.f_back
        return None
    finally:
        del frame


def _directory_of(index: _GraphIndex, address: str, scanned_file: str) -> str:
    """The module folder of the resource: one graph can hold every folder of a `-d` scan. With
    several `-d` roots checkov names files relative to the first (`/../other/main.tf`)."""
    tail = "/" + scanned_file.rpartition("../")[2].lstrip("/")
    # A folder another folder calls as a module: checkov addresses its blocks `module.<call>.<type>.<name>`,
    # so the block's name is the address or a part of it after a dot.
    names = [address] + [address[dot + 1:] for dot, char in enumerate(address) if char == "."]
    found = [(place, path) for name in names for place, path in index.resource_files.get(name, ())
             if path.endswith(tail)]
    if not found:
        raise LookupError(f"{address} of {scanned_file} is not in checkov's graph")
    return os.path.dirname(min(found)[1])  # the first in the graph, should two blocks match
