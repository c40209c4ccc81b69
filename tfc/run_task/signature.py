"""The HMAC signature Terraform Cloud puts on every run-task request.

"Request Headers" and "Securing your Run Task": `X-TFC-Task-Signature` is the hex SHA-512 HMAC of
the raw request body under the key entered when the task was registered. fedctl refuses a request
whose signature is missing or wrong before it parses a byte of the body.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-TFC-Task-Signature"
HMAC_KEY_VARIABLE = "FEDCTL_RUN_TASK_HMAC_KEY"
MIN_KEY_LENGTH = 16
"""Terraform Cloud accepts any key; a short one is guessable, so the service refuses to start with it."""


def sign(body: bytes, key: str) -> str:
    return hmac.new(key.encode("utf-8"), body, hashlib.sha512).hexdigest()


def is_signed_by(body: bytes, signature: str | None, key: str) -> bool:
    """Constant-time comparison: a wrong signature takes as long to refuse as an almost right one."""
    if not signature:
        return False
    return hmac.compare_digest(sign(body, key).encode("ascii"), signature.strip().lower().encode("ascii", "replace"))
