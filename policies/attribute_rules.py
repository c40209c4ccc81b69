"""The shapes shared by rules that judge one attribute of one resource: exactly this set of
values, exactly this value, never true. Each rule file keeps its id, resource type and reason;
what "a reference is UNKNOWN" means is decided here once."""

from __future__ import annotations

import json

from federation_check import Finding, failed, passed, unknown
from federation.document import Resource
from federation.values import as_bool, is_reference, string_set


def exactly_these(resource: Resource, attribute: str, expected: frozenset[str], must_be_set: bool = False) -> Finding:
    """The attribute, a list, holds `expected` and nothing else (order does not matter)."""
    if must_be_set and resource.get(attribute) is None:
        return failed(f"{attribute} is not set; set {json.dumps(sorted(expected))} explicitly")
    values = string_set(resource.get(attribute))
    if values is None:
        return unknown(f"{attribute} is a reference")
    if values != expected:
        return failed(f"{attribute} is {sorted(values)}; expected {sorted(expected)} only")
    return passed()


def exactly(resource: Resource, attribute: str, expected: str, why: str) -> Finding:
    """The attribute is the literal `expected`; `why` follows the failure (e.g. what the default is)."""
    value = resource.get(attribute)
    if is_reference(value):
        return unknown(f"{attribute} is a reference")
    if value != expected:
        return failed(f"{attribute} is {value!r}; expected {expected!r} ({why})")
    return passed()


def never_true(resource: Resource, attribute: str, failure: str) -> Finding:
    """The attribute, a boolean, is false or absent; `failure` says what `true` breaks."""
    value = resource.get(attribute)
    if is_reference(value):
        return unknown(f"{attribute} is a reference")
    if as_bool(value) is True:
        return failed(failure)
    return passed()
