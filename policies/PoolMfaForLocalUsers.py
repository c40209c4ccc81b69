from federation_check import FederationCheck, Finding, failed, passed
from federation.document import FederationDocument, Resource
from federation.relations import CLIENT, POOL, pool_of
from federation.values import as_bool, as_list


class PoolMfaForLocalUsers(FederationCheck):
    RULE_ID = "FED_502"
    RESOURCES = (POOL,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        local = [c.address for c in document.of_type(CLIENT)
                 if pool_of(document, c) in (resource, None) and "COGNITO" in as_list(c.get("supported_identity_providers"))]
        if not local:
            return passed("federation-only pool: MFA is the IdP's job (FED_213)")
        mode = resource.get("mfa_configuration")
        totp = as_list(resource.get("software_token_mfa_configuration"))
        totp_on = bool(totp) and isinstance(totp[0], dict) and as_bool(totp[0].get("enabled")) is True
        if mode not in ("ON", "OPTIONAL") or not totp_on:
            return failed(f"{', '.join(local)} offer local users, but MFA is {mode or 'OFF'!r} "
                          "without software-token MFA enabled")
        return passed()


check = PoolMfaForLocalUsers()
