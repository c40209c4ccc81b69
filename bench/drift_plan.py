"""A refresh-only plan document with N drifted identity providers, for the drift-parse benchmark."""

from __future__ import annotations

from typing import Any


def drift_plan(federations: int) -> dict[str, Any]:
    drift = []
    for index in range(federations):
        details = {"authorize_scopes": "openid profile email", "client_id": f"id{index}",
                   "client_secret": f"secret-{index}", "oidc_issuer": "https://x.okta.com"}
        before: dict[str, Any] = {"provider_name": f"C{index:04d}", "provider_type": "OIDC",
                  "provider_details": details,
                  "attribute_mapping": {"email": "email", "username": "sub"}}
        after = {**before, "provider_details": {**details, "authorize_scopes": "email openid profile",
                                                "client_secret": f"rotated-{index}",
                                                "attributes_url_add_attributes": "false"}}
        drift.append({"address": f"aws_cognito_identity_provider.c{index:04d}", "mode": "managed",
                      "type": "aws_cognito_identity_provider", "name": f"c{index:04d}",
                      "change": {"actions": ["update"], "before": before, "after": after, "after_unknown": {},
                                 "before_sensitive": {}, "after_sensitive": {}}})
    return {"format_version": "1.2", "terraform_version": "1.11.4", "resource_drift": drift, "resource_changes": []}
