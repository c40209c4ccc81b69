"""What a Cognito OIDC identity provider needs from the IdP upstream of it."""

from __future__ import annotations

from typing import Protocol


class OidcUpstream(Protocol):
    """An OIDC IdP as Cognito consumes it; implemented by the Okta app and by external IdPs.

    Each value is a Terraform reference where the graph has one, so Cognito always receives
    what the IdP side actually holds; `client_secret` is always a sensitive reference.
    """

    @property
    def client_id(self) -> str: ...

    @property
    def client_secret(self) -> str: ...

    @property
    def issuer(self) -> str: ...

    @property
    def authorize_scopes(self) -> tuple[str, ...]: ...

    @property
    def attributes_request_method(self) -> str: ...
