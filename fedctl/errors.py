"""The one error type commands raise for expected failures, caught only in `fedctl.main`."""

from __future__ import annotations


class FedctlError(Exception):
    """A failure with a message fit for the user and the exit code it maps to."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code
