"""Errors of the live audit, mapped by the CLI to exit code 1."""


class AuditError(Exception):
    """Reading the live federation failed: says which call, and what permission is missing."""
