from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import DOMAIN, POOL, pool_of


class PoolHasDomain(FederationCheck):
    RULE_ID = "FED_601"
    RESOURCES = (POOL,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if any(pool_of(document, d) is resource for d in document.of_type(DOMAIN)):
            return passed()
        return failed("no aws_cognito_user_pool_domain for this pool: there is no idpresponse endpoint")


check = PoolHasDomain()
