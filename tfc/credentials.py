"""Where the Terraform Cloud API address and token come from, the way Terraform finds them.

The token: `TF_TOKEN_<hostname>` (dots written as `_`, hyphens as `__`, any case; Terraform's own
rule), then the `credentials.tfrc.json` that `terraform login` writes, then `TFE_TOKEN` (the
variable of the tfe provider and go-tfe). The address: `TFE_ADDRESS`, else `https://<hostname>`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_HOSTNAME = "app.terraform.io"
TOKEN_PREFIX = "TF_TOKEN_"


class MissingCredentials(Exception):
    """No token for the host; the message names the variable to set."""


@dataclass(frozen=True)
class Credentials:
    base_url: str
    """`https://app.terraform.io`, or `TFE_ADDRESS`; the API lives under `/api/v2`."""
    hostname: str
    source: str
    """Where the token came from (a variable or file name), for messages; never the token."""
    token: str = field(repr=False)


def credentials_for(hostname: str | None, environ: Mapping[str, str] = os.environ) -> Credentials:
    """The address and token for `hostname` (a cloud block's hostname; default app.terraform.io)."""
    address = environ.get("TFE_ADDRESS", "").strip().rstrip("/")
    base_url = address or f"https://{hostname or DEFAULT_HOSTNAME}"
    host = (urlsplit(base_url).hostname or "").lower()
    if not host:
        raise MissingCredentials(f"TFE_ADDRESS: not a URL with a host name; expected e.g. https://{DEFAULT_HOSTNAME}")
    for source, token in _tokens(host, environ):
        if token.strip():
            return Credentials(base_url, host, source, token.strip())
    raise MissingCredentials(f"no Terraform Cloud token for {host}: set {token_variable(host)} "
                             f"(or run `terraform login {host}`, or set TFE_TOKEN)")


def token_variable(hostname: str) -> str:
    """The variable name Terraform reads for a host: `TF_TOKEN_app_terraform_io`."""
    return TOKEN_PREFIX + hostname.replace("-", "__").replace(".", "_")


def _tokens(host: str, environ: Mapping[str, str]) -> list[tuple[str, str]]:
    found = [(name, value) for name, value in sorted(environ.items())
             if name.startswith(TOKEN_PREFIX) and _variable_host(name) == host]
    found += _credentials_file_token(host, environ)
    if "TFE_TOKEN" in environ:
        found.append(("TFE_TOKEN", environ["TFE_TOKEN"]))
    return found


def _variable_host(name: str) -> str:
    return name[len(TOKEN_PREFIX):].replace("__", "-").replace("_", ".").lower()


def _credentials_file_token(host: str, environ: Mapping[str, str]) -> list[tuple[str, str]]:
    path = Path(environ.get("HOME", "~")).expanduser() / ".terraform.d" / "credentials.tfrc.json"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        token = document["credentials"][host]["token"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [(str(path), token)] if isinstance(token, str) else []
