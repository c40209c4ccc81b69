"""Errors of the gate; the CLI maps them to exit codes."""

from __future__ import annotations


class GateInternalError(Exception):
    """The gate could not reach a trustworthy verdict (checkov crashed, a rule broke): exit 3."""

    def __init__(self, message: str, log: str = "") -> None:
        super().__init__(message)
        self.log = log


class GateInputError(Exception):
    """The gate's own input is wrong (a suppression without reason, an unknown path): exit 1."""
