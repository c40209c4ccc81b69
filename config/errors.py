"""The one error type the configuration raises: every problem of a file, one line each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from federation.redaction import safe_text


class ConfigError(Exception):
    """Raised with all problems found, so a user fixes a file in one round.

    Every line is fit to show (`safe_text`: secrets redacted, control characters escaped) and
    identical lines are reported once, with how many more there were."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = _collapsed(safe_text(line) for line in problems)
        super().__init__("\n".join(self.problems))


class Problems:
    """Collects `file: path: message` lines while a file is read; `secrets` are values found under
    secret keys of that file, never shown whatever message quotes them."""

    def __init__(self, source_file: str, secrets: Collection[str] = ()) -> None:
        self.source_file = source_file
        self.secrets = secrets
        self.lines: list[str] = []

    def add(self, path: str, message: str) -> None:
        where = f"{self.source_file}: {path}" if path else self.source_file
        self.lines.append(safe_text(f"{where}: {message}", self.secrets))

    def raise_if_any(self) -> None:
        if self.lines:
            raise ConfigError(self.lines)


def _collapsed(lines: Iterable[str]) -> tuple[str, ...]:
    counts = Counter(lines)
    return tuple(line if count == 1 else f"{line} (… and {count - 1:,} more like this)"
                 for line, count in counts.items())
