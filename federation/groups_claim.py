"""What an Okta groups claim lets through, decided the same way by the configuration reader and
the policy pack (FED_217)."""

from __future__ import annotations

from federation.facts import MATCH_EVERY_GROUP_PATTERN


def matches_every_group(filter_type: str, value: str) -> bool:
    """True when the filter lets every group of the org into the claim: a regex of "any
    characters" only, or an empty prefix or substring (`STARTS_WITH ""` matches every name)."""
    if filter_type == "REGEX":
        return bool(MATCH_EVERY_GROUP_PATTERN.match(value.strip()))
    if filter_type in ("STARTS_WITH", "CONTAINS"):
        return value == ""
    return False
