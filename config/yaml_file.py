"""Parses one YAML file strictly: duplicate keys are errors, not silently last-one-wins.

Whatever the bytes, the result is a document or a ConfigError naming the file (and the line
where there is one): the size, encoding, nesting depth, aliases and document count are checked
before libyaml builds anything, since its composer recurses in C (deep nesting crashes the
process) and the constructors recurse in Python.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn, Protocol

import yaml

from config.errors import ConfigError

MAX_FILE_BYTES = 8 * 1024 * 1024
"""An environment of 1,000 federations is about 250 KB."""
MAX_DEPTH = 32
"""Nesting levels; an environment file uses 6."""
_CLOSING_PROBLEMS = ("end of stream", "did not find expected ','")


# libyaml's parser when PyYAML has it (5x faster on large files); the same constructors either way.
class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    def construct_object(self, node: yaml.Node, deep: bool = False) -> object:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as error:  # e.g. 2001-13-45 or a 5,000-digit int
            kind = node.tag.rsplit(":", 1)[-1]
            reason = str(error).split(";")[0].split(":")[0]
            raise yaml.constructor.ConstructorError(
                None, None, f"not a valid {kind} ({reason}); quote it to keep it as text", node.start_mark) from error


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[object, object]:
    mapping: dict[object, object] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark)
        key = loader.construct_object(key_node)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, shown_as: str) -> object:
    """The parsed document; anything else becomes a one-line ConfigError naming file, line and column.

    An empty file (or one holding only comments or `null`) is an error: there is nothing to load."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            _fail(shown_as, f"is {size:,} bytes; expected at most {MAX_FILE_BYTES:,} (an environment of 1,000 "
                            "federations is about 250 KB)")
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError([f"{shown_as}: cannot be read: {error.strerror}"]) from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        _fail(shown_as, f"line {line}, column {column}: not UTF-8 text (byte 0x{data[error.start]:02x}); "
                        "save the file as UTF-8")
    try:
        _check_structure(text, shown_as)
        document = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        _fail(shown_as, _marked_problem(error, text))
    except yaml.reader.ReaderError as error:
        line, column = _position(text, error.position)
        _fail(shown_as, f"line {line}, column {column}: malformed YAML: character #x{error.character:04x} is not "
                        "allowed in a YAML file (control characters are not); remove it or escape it in a "
                        "double-quoted string")
    except yaml.YAMLError as error:
        _fail(shown_as, f"malformed YAML: {error}".replace("\n", " "))
    if document is None:
        _fail(shown_as, "the file is empty; expected a mapping with aws, user_pool, app_clients and federations")
    return document


def _check_structure(text: str, shown_as: str) -> None:
    """One pass over libyaml's events (no tree built): one document, no aliases, bounded depth."""
    depth = documents = 0
    for event in yaml.parse(text, Loader=_StrictLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                _fail(shown_as, f"{_where(event.start_mark)}: nested more than {MAX_DEPTH} levels deep; an "
                                "environment file needs 6")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            _fail(shown_as, f"{_where(event.start_mark)}: YAML aliases (*{event.anchor}) are not supported; "
                            "write the value out")
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                _fail(shown_as, f"{_where(event.start_mark)}: a second YAML document starts here; expected one "
                                "document per file (one environment per file)")


def _marked_problem(error: yaml.MarkedYAMLError, text: str) -> str:
    """Points where the problem starts: an unclosed quote or bracket at its opening, not at the
    end of the file (or the next quote) where the parser gave up."""
    problem = error.problem or error.context or "not valid YAML"
    context = error.context or ""
    if (error.context_mark is not None and error.problem_mark is not None
            and any(word in context for word in ("quoted scalar", "flow sequence", "flow mapping"))
            and any(found in problem for found in _CLOSING_PROBLEMS)):
        opened = context.replace("while scanning ", "").replace("while parsing ", "")
        return (f"{_where(error.context_mark)}: malformed YAML: {opened} starts here and is not closed "
                f"({problem} at {_where(error.problem_mark)})")
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return f"malformed YAML: {problem}"
    quote = _quote_running_to(text, mark.line)
    if quote is not None:
        return (f"{_where(quote)}: malformed YAML: the quoted value that starts here runs on to line {mark.line + 1}; "
                f"is its closing quote missing? ({problem} at {_where(mark)})")
    return f"{_where(mark)}: malformed YAML: {problem}"


def _quote_running_to(text: str, line: int) -> _Mark | None:
    """The start of the last quoted value before `line` that spans lines: in a configuration file
    that is nearly always a missing closing quote, which the parser reports only later."""
    last: _Mark | None = None
    try:
        for token in yaml.scan(text, Loader=_StrictLoader):
            if token.start_mark.line > line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')
                    and token.end_mark.line > token.start_mark.line):
                last = token.start_mark
    except yaml.YAMLError:
        pass  # the error being explained
    return last


class _Mark(Protocol):
    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


def _where(mark: _Mark | None) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "unknown position"


def _position(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _fail(shown_as: str, message: str) -> NoReturn:
    raise ConfigError([f"{shown_as}: {message}"])
