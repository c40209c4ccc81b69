"""The X-TFC-Task-Signature check, against the documentation's own recipe (openssl)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tfc.run_task.signature import is_signed_by, sign

KEY = "registered-hmac-key-0123456789"
BODY = b'{"payload_version":1,"stage":"post_plan","access_token":"test-token"}'


def test_the_signature_is_what_the_documented_openssl_command_prints() -> None:
    """integrations/run-tasks, "Securing your Run Task": `echo -n $BODY | openssl dgst -sha512 -hmac "$KEY"`."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not on PATH: cannot compare with the documented command")
    printed = subprocess.run([openssl, "dgst", "-sha512", "-hmac", KEY], input=BODY, capture_output=True,
                             check=True).stdout.decode()
    assert printed.strip().split()[-1] == sign(BODY, KEY)


def test_a_request_signed_with_the_key_is_accepted_in_either_case() -> None:
    assert is_signed_by(BODY, sign(BODY, KEY), KEY)
    assert is_signed_by(BODY, sign(BODY, KEY).upper(), KEY)


@pytest.mark.parametrize("signature", [None, "", "not hex", "é" * 128, sign(BODY, "another-key-0123456789"),
                                       sign(BODY + b" ", KEY), sign(BODY, KEY)[:-2]])
def test_anything_else_is_refused(signature: str | None) -> None:
    assert not is_signed_by(BODY, signature, KEY)
