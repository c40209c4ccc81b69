"""The stand-in `okta/okta` provider over the `tf` framework: the types the stacks use, each a
mapping between Terraform state and the Okta Management API objects the real provider manages.

Arguments the real provider sends to Okta and reads back are mapped (so a change made through
the Okta API shows in a refresh); the rest stay as configured. Schemas come from `schema.py`.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar
from urllib.parse import quote

from tf.blocks import SetNestedBlock
from tf.iface import (Config, CreateContext, DataSource, DeleteContext, ImportContext, Provider, ReadContext,
                      ReadDataContext, Resource, State, UpdateContext, UpgradeContext)
from tf.schema import Attribute, Block, NestedBlock, NestMode, Schema
from tf.types import Bool, List, Number, String, TfType, Unknown
from tf.utils import Diagnostics

from tests.end_to_end.okta_provider.okta_api import OktaCallFailed, OktaNotFound, call
from tests.end_to_end.okta_provider.schema import BOOL, NUMBER, STRING, STRING_LIST, AttributeSchema, TypeSchema, provider_schemas

SCHEMAS = provider_schemas()
TF_TYPES: dict[str, TfType] = {STRING: String(), NUMBER: Number(), BOOL: Bool(), STRING_LIST: List(String())}


class SingleNestedBlock(NestedBlock):
    """One optional block (e.g. `timeouts`); the framework ships only set-nested blocks."""

    def __init__(self, type_name: str, block: Block) -> None:
        super().__init__(type_name, NestMode.Single, block)

    def encode(self, value: Any) -> Any:
        from tf.provider import _encode_state_d
        return None if value is None else _encode_state_d(self._amap(), self._bmap(), value, None)

    def decode(self, value: Any) -> Any:
        from tf.provider import _decode_state
        return None if value is None else _decode_state(Diagnostics(), self._amap(), self._bmap(), value)[1]

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        return bool(a_decoded == b_decoded)


def _attribute(schema: AttributeSchema) -> Attribute:
    return Attribute(schema.name, TF_TYPES[schema.type], required=schema.required, optional=schema.optional,
                     computed=schema.computed, sensitive=schema.sensitive)


def tf_schema(schema: TypeSchema) -> Schema:
    blocks: list[NestedBlock] = []
    for block in schema.blocks:
        inner = Block(attributes=[_attribute(a) for a in block.attributes])
        blocks.append(SingleNestedBlock(block.name, inner) if block.single else SetNestedBlock(block.name, inner))
    return Schema(attributes=[_attribute(a) for a in schema.attributes], block_types=blocks)


def _text(remote: str | None, configured: Any) -> Any:
    """Okta answers "" for an unset text; keep the configuration's null then."""
    return configured if remote in (None, "") and configured in (None, "") else remote


class StandInResource(Resource):
    type_name: ClassVar[str]

    def __init__(self, provider: Provider) -> None:
        self.provider = provider

    @classmethod
    def get_name(cls) -> str:
        return cls.type_name.removeprefix("okta_")

    @classmethod
    def get_schema(cls) -> Schema:
        return tf_schema(SCHEMAS[cls.type_name])

    def _complete(self, base: State, remote: State) -> State:
        """Every attribute and block of the schema, from the API where mapped, else as configured."""
        schema = SCHEMAS[self.type_name]
        state: State = {a.name: None for a in schema.attributes}
        state.update({b.name: (None if b.single else []) for b in schema.blocks})
        state.update({k: v for k, v in base.items() if v is not Unknown})
        # An argument left unset stays unset: the stand-in does not know the real provider's
        # defaults, so reporting what Okta filled in would be a difference the real one never shows.
        unset = {a.name for a in schema.attributes if not a.computed and base.get(a.name) is None}
        state.update({k: v for k, v in remote.items() if k not in unset})
        return state

    def _guarded(self, ctx: Any, action: str, run: Any) -> Any:
        try:
            return run()
        except OktaCallFailed as error:
            ctx.diagnostics.add_error(f"{self.type_name}: {action} failed", str(error))
            return None

    def upgrade(self, ctx: UpgradeContext, version: int, old: State) -> State | None:
        return old  # one schema version: nothing to upgrade

    def create(self, ctx: CreateContext, planned: State) -> State | None:
        return self._guarded(ctx, "create", lambda: self._complete(planned, self.write(None, planned)))

    def read(self, ctx: ReadContext, current: State) -> State | None:
        def fetch() -> State | None:
            try:
                return self._complete(current, self.fetch(current))
            except OktaNotFound:
                return None  # deleted outside Terraform: planned again
        return self._guarded(ctx, "read", fetch)

    def update(self, ctx: UpdateContext, current: State, planned: State) -> State | None:
        return self._guarded(ctx, "update", lambda: self._complete(planned, self.write(current["id"], planned)))

    def delete(self, ctx: DeleteContext, current: State) -> None:
        self._guarded(ctx, "delete", lambda: self.remove(current))

    def import_(self, ctx: ImportContext, id: str) -> State | None:
        """`terraform import` / an `import` block: the object as the API holds it, under the
        import id the real provider documents (`import_base`)."""
        def fetch() -> State:
            base = self.import_base(id)
            schema = SCHEMAS[self.type_name]
            state: State = {a.name: None for a in schema.attributes}
            state.update({b.name: (None if b.single else []) for b in schema.blocks})
            state.update(base)
            state.update(self.fetch(base))
            return state
        return self._guarded(ctx, "import", fetch)

    def import_base(self, import_id: str) -> State:
        return {"id": import_id}

    def write(self, object_id: str | None, planned: State) -> State:
        raise NotImplementedError

    def fetch(self, current: State) -> State:
        raise NotImplementedError

    def remove(self, current: State) -> None:
        raise NotImplementedError


class OktaGroup(StandInResource):
    type_name = "okta_group"

    def write(self, object_id: str | None, planned: State) -> State:
        body = {"profile": {"name": planned["name"], "description": planned.get("description") or ""}}
        group = call("POST", "/api/v1/groups", body) if object_id is None else call("PUT", f"/api/v1/groups/{object_id}", body)
        return self._from_api(group, planned)

    def fetch(self, current: State) -> State:
        return self._from_api(call("GET", f"/api/v1/groups/{current['id']}"), current)

    @staticmethod
    def _from_api(group: dict[str, Any], base: State) -> State:
        return {"id": group["id"], "name": group["profile"]["name"],
                "description": _text(group["profile"].get("description"), base.get("description"))}

    def remove(self, current: State) -> None:
        call("DELETE", f"/api/v1/groups/{current['id']}")


class OktaAppOauth(StandInResource):
    type_name = "okta_app_oauth"

    def import_base(self, import_id: str) -> State:
        # The real provider's schema default; the API has no such field (it is the provider's own switch).
        return {"id": import_id, "omit_secret": False}
    SETTINGS = ("grant_types", "response_types", "redirect_uris", "post_logout_redirect_uris", "issuer_mode",
                "consent_method", "wildcard_redirect")
    CREDENTIALS = ("token_endpoint_auth_method", "pkce_required")
    # The groups claim lives on an internal endpoint, which okta/okta reads and writes with an API token.
    ID_TOKEN = "/api/v1/internal/apps/{}/settings/oauth/idToken"

    def write(self, object_id: str | None, planned: State) -> State:
        settings: dict[str, Any] = {key: planned[key] for key in self.SETTINGS if planned.get(key) is not None}
        settings["application_type"] = planned["type"]
        if planned.get("login_mode") is not None:
            settings["idp_initiated_login"] = {"mode": planned["login_mode"], "default_scope": []}
        body = {"label": planned["label"], "signOnMode": "OPENID_CONNECT", "name": "oidc_client",
                "settings": {"implicitAssignment": bool(planned.get("implicit_assignment")), "oauthClient": settings},
                "credentials": {"oauthClient": {key: planned[key] for key in self.CREDENTIALS
                                                if planned.get(key) is not None}}}
        if object_id is None:
            app = call("POST", "/api/v1/apps", body)
        else:
            app = call("PUT", f"/api/v1/apps/{object_id}", body)
        status = planned.get("status") or "ACTIVE"
        if app["status"] != status:
            call("POST", f"/api/v1/apps/{app['id']}/lifecycle/{'activate' if status == 'ACTIVE' else 'deactivate'}")
        if planned.get("authentication_policy"):
            call("PUT", f"/api/v1/apps/{app['id']}/policies/{planned['authentication_policy']}")
        claim = planned.get("groups_claim")
        if claim or object_id is not None:  # as okta/okta: an update without the block clears the claim
            call("POST", self.ID_TOKEN.format(app["id"]), self._groups_claim_body(claim, planned.get("issuer_mode")))
        return self.fetch({**planned, "id": app["id"]})

    @staticmethod
    def _groups_claim_body(claim: dict[str, Any] | None, issuer_mode: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {"issuerMode": issuer_mode} if issuer_mode else {}
        if claim:
            body.update(name=claim["name"], value=claim["value"])
            if claim["type"] == "FILTER":
                body.update(valueType="GROUPS", groupFilterType=claim.get("filter_type"))
            else:
                body.update(valueType=claim["type"])
        return body

    @staticmethod
    def _groups_claim_state(claim: dict[str, Any]) -> dict[str, Any] | None:
        if not claim.get("name"):
            return None
        filtered = claim.get("valueType") == "GROUPS" and claim.get("groupFilterType")
        return {"type": "FILTER" if filtered else claim.get("valueType"), "name": claim["name"],
                "value": claim.get("value"), "filter_type": claim.get("groupFilterType") or None}

    def fetch(self, current: State) -> State:
        app = call("GET", f"/api/v1/apps/{current['id']}")
        settings = app["settings"]["oauthClient"]
        credentials = app["credentials"]["oauthClient"]
        state: State = {key: settings.get(key, current.get(key)) for key in self.SETTINGS}
        state.update({key: credentials.get(key, current.get(key)) for key in self.CREDENTIALS})
        policy = app["_links"].get("accessPolicy", {}).get("href", "").rsplit("/", 1)[-1] or None
        state.update(id=app["id"], label=app["label"], type=settings["application_type"], status=app["status"],
                     client_id=credentials["client_id"], client_secret=credentials["client_secret"],
                     implicit_assignment=app["settings"].get("implicitAssignment"),
                     login_mode=settings.get("idp_initiated_login", {}).get("mode", current.get("login_mode")),
                     authentication_policy=policy, name=app["name"], sign_on_mode=app["signOnMode"],
                     groups_claim=self._groups_claim_state(call("GET", self.ID_TOKEN.format(app["id"]))))
        return state

    def remove(self, current: State) -> None:
        call("POST", f"/api/v1/apps/{current['id']}/lifecycle/deactivate")
        call("DELETE", f"/api/v1/apps/{current['id']}")


class OktaAppGroupAssignments(StandInResource):
    type_name = "okta_app_group_assignments"

    def import_base(self, import_id: str) -> State:
        return {"id": import_id, "app_id": import_id}  # imported by the app's id

    def write(self, object_id: str | None, planned: State) -> State:
        app_id = planned["app_id"]
        wanted = {group["id"]: group for group in planned.get("group") or []}
        for assigned in call("GET", f"/api/v1/apps/{app_id}/groups"):
            if assigned["id"] not in wanted:
                call("DELETE", f"/api/v1/apps/{app_id}/groups/{assigned['id']}")
        for group_id, group in wanted.items():
            body: dict[str, Any] = {"priority": group.get("priority") or 0}
            if group.get("profile"):
                body["profile"] = json.loads(group["profile"])
            call("PUT", f"/api/v1/apps/{app_id}/groups/{group_id}", body)
        return self.fetch({**planned, "id": app_id})

    def fetch(self, current: State) -> State:
        configured = {group["id"]: group for group in current.get("group") or []}
        assigned = call("GET", f"/api/v1/apps/{current['app_id']}/groups")
        return {"id": current["app_id"], "group": [
            {"id": a["id"], "priority": a.get("priority"),
             "profile": configured.get(a["id"], {}).get("profile") if not a.get("profile") else json.dumps(a["profile"])}
            for a in assigned]}

    def remove(self, current: State) -> None:
        for group in current.get("group") or []:
            try:
                call("DELETE", f"/api/v1/apps/{current['app_id']}/groups/{group['id']}")
            except OktaNotFound:
                pass  # the app went first


class OktaAppSignonPolicy(StandInResource):
    type_name = "okta_app_signon_policy"

    def write(self, object_id: str | None, planned: State) -> State:
        body = {"type": "ACCESS_POLICY", "name": planned["name"], "description": planned["description"]}
        policy = (call("POST", "/api/v1/policies", body) if object_id is None
                  else call("PUT", f"/api/v1/policies/{object_id}", body))
        return self.fetch({**planned, "id": policy["id"]})

    def fetch(self, current: State) -> State:
        policy = call("GET", f"/api/v1/policies/{current['id']}")
        rules = call("GET", f"/api/v1/policies/{current['id']}/rules")
        default_rule = next((r["id"] for r in rules if r.get("system")), None)
        return {"id": policy["id"], "name": policy["name"], "description": policy["description"],
                "default_rule_id": default_rule}

    def remove(self, current: State) -> None:
        call("DELETE", f"/api/v1/policies/{current['id']}")


class OktaAppSignonPolicyRule(StandInResource):
    type_name = "okta_app_signon_policy_rule"

    def import_base(self, import_id: str) -> State:
        policy_id, _, rule_id = import_id.partition("/")  # `<policy id>/<rule id>`
        return {"policy_id": policy_id, "id": rule_id}

    def write(self, object_id: str | None, planned: State) -> State:
        method: dict[str, Any] = {"type": "ASSURANCE"}
        if planned.get("factor_mode"):
            method["factorMode"] = planned["factor_mode"]
        if planned.get("constraints"):
            method["constraints"] = [json.loads(c) for c in planned["constraints"]]
        if planned.get("re_authentication_frequency"):
            method["reauthenticateIn"] = planned["re_authentication_frequency"]
        body: dict[str, Any] = {"type": "ACCESS_POLICY", "name": planned["name"], "priority": planned.get("priority") or 1,
                                "actions": {"appSignOn": {"access": planned.get("access") or "ALLOW",
                                                          "verificationMethod": method}}}
        if planned.get("groups_included"):
            body["conditions"] = {"people": {"groups": {"include": planned["groups_included"]}}}
        path = f"/api/v1/policies/{planned['policy_id']}/rules"
        rule = call("POST", path, body) if object_id is None else call("PUT", f"{path}/{object_id}", body)
        return self.fetch({**planned, "id": rule["id"]})

    def fetch(self, current: State) -> State:
        rule = call("GET", f"/api/v1/policies/{current['policy_id']}/rules/{current['id']}")
        sign_on = rule["actions"].get("appSignOn", {})
        method = sign_on.get("verificationMethod", {})
        groups = rule.get("conditions", {}).get("people", {}).get("groups", {}).get("include")
        return {"id": rule["id"], "name": rule["name"], "priority": rule["priority"], "status": rule["status"],
                "access": sign_on.get("access"), "factor_mode": method.get("factorMode"),
                "constraints": ([json.dumps(c) for c in method["constraints"]] if method.get("constraints")
                                else current.get("constraints")),
                "re_authentication_frequency": method.get("reauthenticateIn", current.get("re_authentication_frequency")),
                "groups_included": groups if groups else current.get("groups_included")}

    def remove(self, current: State) -> None:
        call("DELETE", f"/api/v1/policies/{current['policy_id']}/rules/{current['id']}")


class OktaGroupLookup(DataSource):
    """`data.okta_group`: an existing group, found by name."""

    def __init__(self, provider: Provider) -> None:
        self.provider = provider

    @classmethod
    def get_name(cls) -> str:
        return "group"

    @classmethod
    def get_schema(cls) -> Schema:
        return tf_schema(SCHEMAS["data.okta_group"])

    def read(self, ctx: ReadDataContext, config: Config) -> State | None:
        try:
            found = [g for g in call("GET", f"/api/v1/groups?q={quote(config['name'])}")
                     if g["profile"]["name"] == config["name"]]
        except OktaCallFailed as error:
            ctx.diagnostics.add_error("data.okta_group: lookup failed", str(error))
            return None
        if len(found) != 1:
            ctx.diagnostics.add_error(f"data.okta_group: {len(found)} groups named {config['name']!r}")
            return None
        schema = SCHEMAS["data.okta_group"]
        state: State = {a.name: config.get(a.name) for a in schema.attributes}
        state.update(id=found[0]["id"], description=found[0]["profile"].get("description"), users=None)
        return state


class OktaStandInProvider(Provider):
    def get_model_prefix(self) -> str:
        return "okta_"

    def get_provider_schema(self, diags: Diagnostics) -> Schema:
        return tf_schema(SCHEMAS["provider"])

    def full_name(self) -> str:
        return "registry.terraform.io/okta/okta"

    def validate_config(self, diags: Diagnostics, config: Config) -> None:
        pass

    def configure_provider(self, diags: Diagnostics, config: Config) -> None:
        pass  # the org is the stand-in named in the environment (okta_api.BASE_URL_VARIABLE)

    def get_data_sources(self) -> list[type[DataSource]]:
        return [OktaGroupLookup]

    def get_resources(self) -> list[type[Resource]]:
        return [OktaGroup, OktaAppOauth, OktaAppGroupAssignments, OktaAppSignonPolicy, OktaAppSignonPolicyRule]
