"""Changed attributes between two values of a resource, as paths."""

from __future__ import annotations

from typing import Any

from drift.classification import SET_LIKE

Path = tuple[str | int, ...]


def changed_paths(before: Any, after: Any, path: Path = ()) -> list[tuple[Path, Any, Any]]:
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        changes: list[tuple[Path, Any, Any]] = []
        for key in sorted(set(before) | set(after)):
            changes += changed_paths(before.get(key), after.get(key), (*path, key))
        return changes
    top = path[0] if path else None
    if (isinstance(before, list) and isinstance(after, list) and len(before) == len(after) and top not in SET_LIKE
            and all(isinstance(item, dict) for item in before + after)):
        changes = []
        for index, (old, new) in enumerate(zip(before, after)):
            changes += changed_paths(old, new, (*path, index))
        return changes
    return [(path, before, after)]
