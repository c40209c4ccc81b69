"""The documented exit codes of every fedctl command (README, "Exit codes")."""

OK = 0
FAILURE = 1
"""The input is wrong (invalid configuration, unknown environment) or a policy failed."""
CHANGES = 2
"""A plan has changes, or drift was found: a result, not an error."""
INTERNAL_ERROR = 3
"""fedctl or a tool it runs broke; details are in the log file named on stderr."""
INTERRUPTED = 130
