"""Parses one YAML file strictly: duplicate keys are errors, not silently last-one-wins."""

from __future__ import annotations

from pathlib import Path

import yaml

from config.errors import ConfigError


# libyaml's parser when PyYAML has it (5x faster on large files); the same constructors either way.
class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[object, object]:
    mapping: dict[object, object] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, shown_as: str) -> object:
    """The parsed document; a syntax error becomes a one-line ConfigError with line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError([f"{shown_as}: cannot be read: {error.strerror}"]) from error
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = error.problem or error.context or "not valid YAML"
        raise ConfigError([f"{shown_as}: {where}: malformed YAML: {problem}"]) from error
    except yaml.YAMLError as error:
        raise ConfigError([f"{shown_as}: malformed YAML: {error}"]) from error
