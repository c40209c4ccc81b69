from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import OKTA_APP, assignments_of


class OneAssignmentManagerPerApp(FederationCheck):
    RULE_ID = "FED_302"
    RESOURCES = (OKTA_APP,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        managers, singles = assignments_of(document, resource)
        repeated = [r.address for r in managers if "for_each" in r.meta or "count" in r.meta
                    or "for_each_expression" in r.meta or "count_expression" in r.meta]
        if repeated:
            return failed(f"{', '.join(repeated)} repeats the assignment manager for one app (for_each/count)")
        if len(managers) > 1:
            return failed(f"several okta_app_group_assignments manage this app: {', '.join(r.address for r in managers)}")
        if managers and singles:
            return failed(f"{managers[0].address} and okta_app_group_assignment resources both manage this app")
        return passed()


check = OneAssignmentManagerPerApp()
