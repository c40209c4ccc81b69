"""`moto_server` with four Cognito gaps filled, so a second plan against it can be empty.

Test equipment only (`python -m tests.end_to_end.moto_cognito -H HOST -p PORT`). Each gap is a
place where moto 5.2.5 answers differently from Cognito (four), listed in the README ("moto gaps"):

* `DescribeUserPoolDomain` returns a new random `AWSAccountId` on every call; Cognito returns the
  account's id.
* `CreateUserPoolDomain`/`UpdateUserPoolDomain` drop `ManagedLoginVersion`; Cognito stores it and
  `DescribeUserPoolDomain` returns it.
* `DescribeUserPoolDomain` leaves out `CustomDomainConfig` (the certificate of a custom domain);
  Cognito returns it.
* After the provider's create, `DescribeUserPool` has no `UserPoolTier` (moto keeps it only as
  sent, and `UpdateUserPool` replaces its whole stored configuration); Cognito reports the tier of
  every pool (`ESSENTIALS` unless another was chosen).
"""

from __future__ import annotations

import sys
from typing import Any

from moto.cognitoidp import models, responses
from moto.server import main

_domain_json = models.CognitoIdpUserPoolDomain.to_json
_pool_json = models.CognitoIdpUserPool.to_json
_create_domain = responses.CognitoIdpResponse.create_user_pool_domain
_update_domain = responses.CognitoIdpResponse.update_user_pool_domain


def _domain_as_cognito_describes_it(self: Any, extended: bool = True) -> dict[str, Any]:
    description: dict[str, Any] = _domain_json(self, extended)
    if extended:
        description["AWSAccountId"] = getattr(self, "account_id", description["AWSAccountId"])
        if self.custom_domain_config:
            description["CustomDomainConfig"] = self.custom_domain_config
        if getattr(self, "managed_login_version", None) is not None:
            description["ManagedLoginVersion"] = self.managed_login_version
    return description


def _pool_with_its_tier(self: Any, extended: bool = False) -> dict[str, Any]:
    description: dict[str, Any] = _pool_json(self, extended)
    if extended:
        description.setdefault("UserPoolTier", "ESSENTIALS")
    return description


def _remembering_domain_settings(original: Any) -> Any:
    def handler(self: Any) -> Any:
        result = original(self)
        domain = self.backend.user_pool_domains.get(self._get_param("Domain"))
        if domain is not None:
            domain.account_id = self.current_account
            version = self._get_param("ManagedLoginVersion")
            if version is not None:
                domain.managed_login_version = version
        return result
    return handler


models.CognitoIdpUserPoolDomain.to_json = _domain_as_cognito_describes_it  # type: ignore[method-assign]
models.CognitoIdpUserPool.to_json = _pool_with_its_tier  # type: ignore[method-assign]
responses.CognitoIdpResponse.create_user_pool_domain = _remembering_domain_settings(_create_domain)  # type: ignore[method-assign]
responses.CognitoIdpResponse.update_user_pool_domain = _remembering_domain_settings(_update_domain)  # type: ignore[method-assign]

if __name__ == "__main__":
    main(sys.argv[1:])
