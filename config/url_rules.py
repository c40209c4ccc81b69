"""Shape rules for URLs the federation depends on: app callbacks and OIDC issuers."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

from config.reader import describe
from federation.callback_urls import ALLOWED, SHORT_SCHEME_REASON, CallbackKind, read_callback_url
from federation.redaction import has_userinfo

MAX_URLS_PER_LIST = 100
OUTSIDE_PRODUCTION = " (http://localhost and short schemes such as myapp: are allowed outside production)"
USERINFO_PROBLEM = ("has user information before the host (user:password@; value not shown): credentials are "
                    "never configuration; expected {allowed}")


def callback_url_problem(url: str, production: bool) -> str | None:
    """Why a callback or logout URL is not accepted (FED_406/414), or None when it is.

    The URL semantics are the pack's (federation/callback_urls.py); the environment adds two
    refusals in production: `http://localhost`, which Cognito allows for testing only, and a
    private-use scheme that is not a reverse domain name, which RFC 8252 §7.1 forbids.
    """
    allowed = ALLOWED if production else ALLOWED + OUTSIDE_PRODUCTION
    if has_userinfo(url):
        return USERINFO_PROBLEM.format(allowed=allowed)
    callback = read_callback_url(url)
    if callback.refusal is not None:
        return f"got {describe(url)}: it {callback.refusal}; expected {allowed}"
    if production and callback.kind is CallbackKind.LOOPBACK:
        return f"got {describe(url)}; http://localhost is allowed only outside production"
    if production and callback.short_scheme:
        return (f"got {describe(url)}: the scheme {callback.scheme!r} {SHORT_SCHEME_REASON}; a short scheme is allowed "
                "only outside production")
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
