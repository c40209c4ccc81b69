"""The AWS regions an environment may name, from the installed AWS SDK's own endpoint data
(botocore's `endpoints.json`), never from a list kept here: a new region arrives with the SDK."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import botocore.loaders

COGNITO_SERVICE = "cognito-idp"


@lru_cache(maxsize=1)
def _partitions() -> tuple[dict[str, Any], ...]:
    data: dict[str, Any] = botocore.loaders.create_loader().load_data("endpoints")
    return tuple(data["partitions"])


def aws_regions() -> frozenset[str]:
    """Every region of every partition (aws, aws-cn, aws-us-gov, ...)."""
    return frozenset(region for partition in _partitions() for region in partition.get("regions", {}))


def cognito_regions() -> tuple[str, ...]:
    """The regions with a Cognito user pools endpoint (not the `fips-*` aliases), sorted."""
    return tuple(sorted(region for partition in _partitions()
                        for region in partition.get("services", {}).get(COGNITO_SERVICE, {}).get("endpoints", {})
                        if region in partition.get("regions", {})))


def region_problem(region: str) -> str | None:
    """Why `region` cannot hold the user pool, or None when it can."""
    if region in cognito_regions():
        return None
    allowed = f"expected a region with Amazon Cognito user pools: {', '.join(cognito_regions())}"
    if region in aws_regions():
        return f"Amazon Cognito user pools are not available in this region (AWS SDK endpoint data); {allowed}"
    return f"not an AWS region (AWS SDK endpoint data); {allowed}"
