from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import OKTA_APP, assignments_of
from federation.values import as_list


class OktaAppAssignedToGroups(FederationCheck):
    RULE_ID = "FED_301"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        managers, singles = assignments_of(document, resource)
        groups = [group for manager in managers for group in as_list(manager.get("group"))]
        dynamic = any("dynamic" in manager.values for manager in managers)
        legacy_inline = as_list(resource.get("groups"))  # okta provider < 4: groups on the app itself
        if groups or singles or dynamic or legacy_inline:
            return passed()
        if managers:
            return failed(f"{managers[0].address} assigns no group")
        return failed("no okta_app_group_assignments references this app: unassigned users cannot sign in")


check = OktaAppAssignedToGroups()
