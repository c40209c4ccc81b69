"""Shape rules for URLs the federation depends on: app callbacks and OIDC issuers."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

from federation.redaction import has_userinfo

MAX_URLS_PER_LIST = 100
MAX_URL_LENGTH = 1024
USERINFO_PROBLEM = ("has user information before the host (user:password@; value not shown): credentials are "
                    "never configuration; expected {allowed}")


def callback_url_problem(url: str, production: bool) -> str | None:
    """Why a callback or logout URL is not accepted (FED_406/408), or None when it is.

    Cognito requires HTTPS except `http://localhost` for testing; we allow that exception only
    outside production. Wildcards and fragments are never valid redirect targets.
    """
    allowed = "an absolute https:// URL without '*' or '#fragment'"
    if not production:
        allowed += " (http://localhost is allowed outside production)"
    if len(url) > MAX_URL_LENGTH:
        return f"is {len(url)} characters long; expected at most {MAX_URL_LENGTH}"
    if has_userinfo(url):
        return USERINFO_PROBLEM.format(allowed=allowed)
    if "*" in url or "#" in url:
        return f"got {url!r}; expected {allowed}"
    parts = _split(url)
    if parts is None:
        return f"got {url!r}; expected {allowed}"
    if parts.scheme == "http" and parts.hostname == "localhost":
        return f"got {url!r}; http://localhost is allowed only outside production" if production else None
    if parts.scheme != "https" or not parts.hostname:
        return f"got {url!r}; expected {allowed}"
    return None


def issuer_problem(issuer: str) -> str | None:
    """Why an OIDC issuer is malformed (FED_006), or None when it is well formed.

    Cognito fetches `<issuer>/.well-known/openid-configuration`, accepts ports 80/443 only over
    HTTPS, and the value must equal the `iss` claim exactly: no trailing slash, no query.
    """
    allowed = "an https:// issuer URL without trailing '/', query, fragment, port or /.well-known path"
    if has_userinfo(issuer):
        return USERINFO_PROBLEM.format(allowed=allowed)
    parts = _split(issuer)
    if parts is None or parts.scheme != "https" or not parts.hostname:
        return f"got {issuer!r}; expected {allowed}"
    if issuer.endswith("/") or parts.query or parts.fragment or "/.well-known" in parts.path:
        return f"got {issuer!r}; expected {allowed}"
    try:
        port = parts.port
    except ValueError:
        return f"got {issuer!r}; expected {allowed}"
    if port not in (None, 443):
        return f"got {issuer!r}; expected {allowed}"
    return None


def _split(url: str) -> SplitResult | None:
    """The URL's parts, or None where urllib refuses it (an unclosed or non-IP `[host]`)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None
