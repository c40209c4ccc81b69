import json

from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT, IDP, OKTA_APP
from federation.values import as_bool, references_in

SECRET_ATTRIBUTES = {OKTA_APP: ("client_secret",), CLIENT: ("client_secret",), IDP: ("provider_details",)}


class SecretOutputsSensitive(FederationCheck):
    RULE_ID = "FED_702"
    RESOURCES = (OKTA_APP, CLIENT, IDP)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        secrets = [f"{resource.address}.{attribute}" for attribute in SECRET_ATTRIBUTES[resource.type]]
        exposed = []
        for name, output in document.outputs.items():
            refs = list(output.get("references") or ()) + references_in(output.get("value"))
            by_reference = any(ref == secret or ref.startswith(secret + ".") or ref.startswith(secret + "[")
                               for ref in refs for secret in secrets)
            # HCL as checkov renders it: a resolvable reference became its value; the graph still
            # links the output to the resource, and the value shows it carries a client secret.
            by_value = resource.address in refs and "client_secret" in json.dumps(output.get("value"), default=str)
            if (by_reference or by_value) and as_bool(output.get("sensitive")) is not True:
                exposed.append(name)
        if exposed:
            return failed(f"outputs print this resource's secret without sensitive = true: {', '.join(exposed)}")
        return passed()


check = SecretOutputsSensitive()
