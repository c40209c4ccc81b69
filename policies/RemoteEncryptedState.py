from typing import Any

from federation_check import FederationCheck, Finding, failed, passed, unknown
from federation.document import FederationDocument, Resource
from federation.relations import POOL
from federation.values import as_bool, as_list
from federation.applicability import in_federation_of_root_module


class RemoteEncryptedState(FederationCheck):
    """On the pool, whose stack's state holds the Okta secret twice."""

    RULE_ID = "FED_703"
    SCOPE = in_federation_of_root_module
    RESOURCES = (POOL,)

    def evaluate(self, resource: Resource, document: FederationDocument) -> Finding:
        if not document.has_terraform_block:
            return unknown("a plan does not show the backend; check the configuration")
        terraform = document.terraform
        cloud = terraform.get("cloud")
        if cloud:
            return passed()
        backends = as_list(terraform.get("backend"))
        if not backends:
            return failed("no backend: state is local, with the Okta client secret in clear")
        backend: dict[str, Any] = backends[0] if isinstance(backends[0], dict) else {}
        kind, raw_config = next(iter(backend.items()), ("", {}))
        config: dict[str, Any] = as_list(raw_config)[0] if as_list(raw_config) else {}
        if kind == "remote":
            return passed()
        if kind == "s3" and as_bool(config.get("encrypt")) is True and config.get("kms_key_id"):
            return passed()
        if kind == "s3":
            return failed("the s3 backend needs encrypt = true and kms_key_id")
        return failed(f"backend {kind!r} keeps state unencrypted or local")


check = RemoteEncryptedState()
