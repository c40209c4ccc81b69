from federation_check import FederationCheck, Finding, failed, passed
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.relations import OKTA_APP
from federation.values import is_reference


class OktaNoLiteralBasicSecret(FederationCheck):
    RULE_ID = "FED_210"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        for attribute in ("client_basic_secret", "client_basic_secret_wo"):
            value = resource.get(attribute)
            if value in (None, "") or value is UNKNOWN:
                continue
            literal = not resource.refs(attribute) if document.form == "terraform_plan" else not is_reference(value)
            if literal:
                return failed(f"{attribute} is a literal (value not shown)")
        return passed()


check = OktaNoLiteralBasicSecret()
