from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation_document import UNKNOWN, FederationDocument, Resource
from federation_relations import IDP, detail
from policy_values import is_reference


class ClientSecretNotLiteral(FederationCheck):
    RULE_ID = "FED_011"
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if document.form == "terraform_plan":
            # A plan shows the resolved secret; whether it came from a reference is in the configuration.
            if resource.refs("provider_details"):
                return passed()
            secret = detail(resource, "client_secret")
            return unknown("the secret is known only after apply") if secret is UNKNOWN else failed(
                "provider_details is a constant in the configuration: the client secret is a literal")
        secret = detail(resource, "client_secret")
        if secret is UNKNOWN:
            return unknown("provider_details is not a literal map here")
        if secret in (None, ""):
            return passed("no client_secret (reported by FED_002)")
        if isinstance(secret, str) and is_reference(secret):
            return self._sensitive_variable(secret, document)
        return failed("provider_details.client_secret is a literal (value not shown)")

    @staticmethod
    def _sensitive_variable(secret: str, document: FederationDocument) -> Finding:
        """A plain `var.x` must be declared sensitive, or the secret shows in plans and logs."""
        for name, variable in document.variables.items():
            if secret in (f"${{var.{name}}}", f"var.{name}") and variable.get("sensitive") is not True:
                return failed(f"client_secret comes from variable {name!r}, which is not sensitive = true")
        return passed()


check = ClientSecretNotLiteral()
