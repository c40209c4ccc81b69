"""The one error type the configuration raises: every problem of a file, one line each."""

from __future__ import annotations


class ConfigError(Exception):
    """Raised with all problems found, so a user fixes a file in one round."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems: tuple[str, ...] = tuple(problems)


class Problems:
    """Collects `file: path: message` lines while a file is read."""

    def __init__(self, source_file: str) -> None:
        self.source_file = source_file
        self.lines: list[str] = []

    def add(self, path: str, message: str) -> None:
        where = f"{self.source_file}: {path}" if path else self.source_file
        self.lines.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.lines:
            raise ConfigError(self.lines)
