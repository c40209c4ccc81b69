from typing import Any

from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import UNKNOWN, FederationDocument, Resource
from federation.facts import REFRESH_TOKEN_DAYS_MAX
from federation.relations import CLIENT
from federation.values import as_list

SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
DEFAULTS = {"access_token": (1, "hours"), "id_token": (1, "hours"), "refresh_token": (30, "days")}
LIMITS = {"access_token": 3600, "id_token": 3600, "refresh_token": REFRESH_TOKEN_DAYS_MAX * 86400}


class ClientTokenLifetimes(FederationCheck):
    RULE_ID = "FED_412"
    RESOURCES = (CLIENT,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        units_block = as_list(resource.get("token_validity_units"))
        units: dict[str, Any] = units_block[0] if units_block and isinstance(units_block[0], dict) else {}
        too_long = []
        for token, (default_value, default_unit) in DEFAULTS.items():
            value = resource.get(f"{token}_validity")
            unit = units.get(token) or default_unit
            if value is UNKNOWN or unit is UNKNOWN:
                return unknown(f"{token}_validity is known only after apply")
            value = default_value if value is None else value
            try:
                seconds = int(value) * SECONDS[str(unit)]
            except (TypeError, ValueError, KeyError):
                return unknown(f"{token}_validity {value!r} {unit!r} is not a literal duration")
            if seconds > LIMITS[token]:
                too_long.append(f"{token} {value} {unit}")
        if too_long:
            return failed(f"token lifetimes above policy (access/id 60 minutes, refresh "
                          f"{REFRESH_TOKEN_DAYS_MAX} days): {', '.join(too_long)}")
        return passed()


check = ClientTokenLifetimes()
