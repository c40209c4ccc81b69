"""What an app client's callback or logout URL may be: the one reading of them that the
configuration reader and the pack share (FED_406, FED_409, FED_414; docs/federation-rules.md,
"Native and desktop apps: private-use URI scheme callbacks").

Cognito's `CallbackURLs`: an absolute URI, registered, without a fragment; HTTPS except
`http://localhost` for testing; "app callback URLs such as myapp://example are also supported".
A native app's private-use scheme (RFC 8252 §7.1) is accepted when it names an authority or a
path and is not a scheme that runs content or hands the code to another application. Whether a
`localhost` URL or a short scheme (`myapp`, not a reverse domain name) is acceptable depends on the
environment: the configuration refuses both in production; the pack, which does not know the
environment, passes `localhost` and reports a short scheme at LOW severity (FED_414).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from federation.redaction import has_userinfo

MAX_URL_LENGTH = 1024
"""The Terraform provider's validator (1-1024 characters), as the API's `RedirectUrlType`."""

LOOPBACK_HOST = "localhost"
"""Cognito names `http://localhost` only; other loopback forms (127.0.0.1, [::1]) are plain http."""

# RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); compared case-insensitively.
SCHEME_SYNTAX = re.compile(r"^[a-z][a-z0-9+.-]*$")
# RFC 8252 §7.1 (RFC 7595 §3.8): a domain name the publisher controls, in reverse order.
REVERSE_DOMAIN_SCHEME = re.compile(r"^[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+$")

CONTENT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data", "blob", "filesystem", "about",
                             "view-source", "jar", "mhtml", "file"})
"""Schemes whose URI is content the browser or the system runs or reads, not a place to go to."""
HANDOFF_SCHEMES = frozenset({"mailto", "tel", "sms", "intent", "urn"})
"""Schemes that hand the URI (with the authorization code) to another application, or name no place."""
WEB_SCHEMES = frozenset({"https", "http", "ws", "wss", "ftp"})
"""Web schemes: only https (and http://localhost) is a callback; they are never private-use schemes."""

ALLOWED = ("an absolute https:// URL or a native app's private-use URI such as com.example.app:/callback, "
           "without '*', '#fragment' or user information")
PUBLIC_CLIENT_REASON = ("a native app cannot keep a client secret: the secret ships in every copy of the app "
                        "(RFC 8252 §8.5); a public client signs in with the code flow and PKCE")
SHORT_SCHEME_REASON = ("is not a reverse domain name (RFC 8252 §7.1: e.g. com.example.app); another app on "
                       "the device can claim it")


class CallbackKind(enum.Enum):
    WEB = "https"
    LOOPBACK = "http://localhost"
    PRIVATE_USE = "private-use scheme"


@dataclass(frozen=True)
class CallbackUrl:
    """One URL as Cognito and the rules read it. `refusal` says why no app client may register
    it (None when one may); `kind` is what it is when it may."""

    url: str
    kind: CallbackKind | None
    refusal: str | None = None

    @property
    def scheme(self) -> str:
        return self.url.split(":", 1)[0].lower()

    @property
    def short_scheme(self) -> bool:
        """A private-use scheme that is not a reverse domain name (`myapp://`): accepted by Cognito,
        refused by RFC 8252 §7.1 ("MUST"), so an error in production and a warning elsewhere."""
        return self.kind is CallbackKind.PRIVATE_USE and not REVERSE_DOMAIN_SCHEME.match(self.scheme)


def read_callback_url(url: str) -> CallbackUrl:
    """What `url` is as a callback or logout URL of a Cognito app client."""
    if not url or len(url) > MAX_URL_LENGTH:
        return _refused(url, f"is {len(url)} characters long (1 to {MAX_URL_LENGTH} allowed)")
    if has_userinfo(url):
        return _refused(url, "has user information before the host (user:password@; value not shown): "
                             "credentials are never part of a redirect URI")
    if "*" in url:
        return _refused(url, "has a '*': Cognito matches redirect URIs exactly, there are no wildcards")
    if "#" in url:
        return _refused(url, "has a '#fragment': a redirect URI must not include one (RFC 6749 §3.1.2)")
    if any(character.isspace() or not character.isprintable() for character in url):
        return _refused(url, "has a space or a control character")
    parts = _split(url)
    if parts is None or ":" not in url:
        return _refused(url, "is not an absolute URI")
    scheme = parts.scheme
    if not SCHEME_SYNTAX.match(scheme) or len(scheme) == 1:
        # urlsplit finds no scheme in `/cb` or `app.example.com/cb`; one letter is a drive (`C:/`).
        return _refused(url, "is not an absolute URI")
    if scheme in CONTENT_SCHEMES:
        return _refused(url, f"uses the {scheme}: scheme, which runs or reads content instead of returning "
                             "to the app")
    if scheme in HANDOFF_SCHEMES:
        return _refused(url, f"uses the {scheme}: scheme, which hands the authorization code to another "
                             "application")
    if scheme in WEB_SCHEMES:
        return _web(url, parts)
    if not parts.netloc and not parts.path.startswith("/"):
        return _refused(url, f"names neither an authority ({scheme}://host) nor a path ({scheme}:/path)")
    return CallbackUrl(url, CallbackKind.PRIVATE_USE)


def private_use_urls(urls: Iterable[str]) -> list[str]:
    """The URLs of `urls` with a private-use scheme: the ones a native app registers."""
    return [url for url in urls if read_callback_url(url).kind is CallbackKind.PRIVATE_USE]


def _web(url: str, parts: SplitResult) -> CallbackUrl:
    try:
        hostname = parts.hostname
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return _refused(url, "is not an absolute URI")
    if parts.scheme == "https" and hostname:
        return CallbackUrl(url, CallbackKind.WEB)
    if parts.scheme == "http" and hostname == LOOPBACK_HOST:
        return CallbackUrl(url, CallbackKind.LOOPBACK)
    if parts.scheme == "https":
        return _refused(url, "has no host")
    return _refused(url, f"uses {parts.scheme}://; Cognito requires https except http://localhost for testing")


def _refused(url: str, reason: str) -> CallbackUrl:
    return CallbackUrl(url, None, reason)


def _split(url: str) -> SplitResult | None:
    """The URL's parts, or None where urllib refuses it (an unclosed or non-IP `[host]`)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None
