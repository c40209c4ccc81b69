import re

from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import IDP, detail
from federation.values import is_reference


SINGLE_VARIABLE_OR_LOCAL = re.compile(r"^(?:\$\{)?(?:var|local)\.[A-Za-z_][\w-]*\}?$")


class ClientSecretNotLiteral(FederationCheck):
    RULE_ID = "FED_011"
    RESOURCES = (IDP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if document.form == "terraform_plan":
            return self._in_plan(resource)
        secret = detail(resource, "client_secret")
        if secret is UNKNOWN:
            return unknown("provider_details is not a literal map here")
        if secret in (None, ""):
            return passed("no client_secret (reported by FED_002)")
        if isinstance(secret, str) and is_reference(secret):
            return self._sensitive_variable(secret, document)
        return failed("provider_details.client_secret is a literal (value not shown)")

    @staticmethod
    def _in_plan(resource: Resource) -> Finding:
        """A plan gives one expression for the whole map, so a reference elsewhere in it proves
        nothing; but a secret from the Okta app is unknown in a first plan, and one from a
        sensitive variable or secret store is marked in after_sensitive (rules §5)."""
        secret = detail(resource, "client_secret")
        if secret is UNKNOWN or secret in (None, ""):
            return passed()
        marks = resource.meta.get("sensitive") or {}
        details_marks = marks.get("provider_details") if isinstance(marks, dict) else None
        if details_marks is True or (isinstance(details_marks, dict) and details_marks.get("client_secret") is True):
            return passed()
        return failed("the plan knows provider_details.client_secret and it is not sensitive: a literal or a "
                      "non-sensitive source (value not shown)")

    @staticmethod
    def _sensitive_variable(secret: str, document: FederationDocument) -> Finding:
        """A plain `var.x` must be declared sensitive, or the secret shows in plans and logs; a
        variable or local declared in another file of the module cannot be judged here."""
        for name, variable in document.variables.items():
            if secret in (f"${{var.{name}}}", f"var.{name}"):
                if variable.get("sensitive") is not True:
                    return failed(f"client_secret comes from variable {name!r}, which is not sensitive = true")
                return passed()
        if SINGLE_VARIABLE_OR_LOCAL.match(secret):
            return unknown(f"client_secret comes from {secret.strip('${}')}, declared outside this configuration")
        return passed()


check = ClientSecretNotLiteral()
