from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.facts import (APP_CLIENT_STANDARD_SCOPES, FORBIDDEN_FEDERATED_CLIENT_SCOPES,
                              RESOURCE_SERVER_SCOPE_PATTERN)
from federation.relations import CLIENT
from federation.values import as_list, string_set


class ClientScopes(FederationCheck):
    RULE_ID = "FED_403"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        scopes = string_set(resource.get("allowed_oauth_scopes"))
        if scopes is None:
            return unknown("allowed_oauth_scopes is a reference")
        federated = [p for p in as_list(resource.get("supported_identity_providers")) if p != "COGNITO"]
        problems = []
        if "openid" not in scopes:
            problems.append("no openid (no ID token)")
        if federated and scopes & FORBIDDEN_FEDERATED_CLIENT_SCOPES:
            problems.append("aws.cognito.signin.user.admin on a federated client")
        invalid = sorted(s for s in scopes - APP_CLIENT_STANDARD_SCOPES - FORBIDDEN_FEDERATED_CLIENT_SCOPES
                         if not RESOURCE_SERVER_SCOPE_PATTERN.match(s))
        if invalid:
            problems.append(f"invalid scopes {', '.join(invalid)}")
        return failed("; ".join(problems)) if problems else passed()


check = ClientScopes()
