"""The AWS regions an environment may name, from the installed AWS SDK's own endpoint data
(botocore's `endpoints.json`), never from a list kept here: a new region arrives with the SDK."""

from __future__ import annotations

import gzip
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

COGNITO_SERVICE = "cognito-idp"


@lru_cache(maxsize=1)
def _partitions() -> tuple[dict[str, Any], ...]:
    # The file itself, not botocore.loaders: importing the loader pulls in botocore's HTTP stack
    # (about 75 ms of every `fedctl synth`) to read one JSON file.
    data: dict[str, Any] = json.loads(_read_endpoints_file())
    return tuple(data["partitions"])


def _read_endpoints_file() -> bytes:
    spec = importlib.util.find_spec("botocore")
    if spec is None or spec.origin is None:
        raise RuntimeError("botocore (the AWS SDK's data, a locked dependency) is not installed: run scripts/setup")
    data_folder = Path(spec.origin).parent / "data"
    plain, packed = data_folder / "endpoints.json", data_folder / "endpoints.json.gz"
    return plain.read_bytes() if plain.exists() else gzip.decompress(packed.read_bytes())


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
