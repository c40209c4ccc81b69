"""The Okta OIDC web app Cognito signs in through, with its group assignments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cdktf import TerraformLocal
from cdktf_cdktf_provider_okta.app_group_assignments import AppGroupAssignments, AppGroupAssignmentsGroup
from cdktf_cdktf_provider_okta.app_oauth import AppOauth, AppOauthGroupsClaim
from cdktf_cdktf_provider_okta.app_signon_policy import AppSignonPolicy
from cdktf_cdktf_provider_okta.app_signon_policy_rule import AppSignonPolicyRule
from cdktf_cdktf_provider_okta.data_okta_group import DataOktaGroup
from cdktf_cdktf_provider_okta.group import Group
from cdktf_cdktf_provider_okta.provider import OktaProvider
from constructs import Construct

from config.model import OktaSettings
from modules.naming import logical_name, pin_address
from federation.facts import TOKEN_ENDPOINT_AUTH_METHOD


@dataclass(frozen=True)
class OktaOidcAppProps:
    name: str
    """The federation's name; prefixes every Terraform address of this app."""
    settings: OktaSettings
    redirect_uris: Sequence[str]
    """Cognito's `/oauth2/idpresponse` URL of every pool domain, as references to the domains."""


class OktaOidcApp(Construct):
    """An Okta `web` app that only Cognito uses, and the one resource that assigns its groups.

    Fixed by the federation, not options (rules section 2.C): type `web` with a client secret,
    grant `authorization_code` and response `code` only, `client_secret_post` (Cognito cannot do
    `client_secret_basic`, Okta's default), `pkce_required = false` (Cognito sends no PKCE
    upstream), issuer mode matching the issuer Cognito is given, no wildcard redirects, no
    Federation Broker Mode, consent `TRUSTED`, and a sign-on policy that requires two factors. The secret stays in state (`omit_secret = false`)
    because Cognito reads it from there.
    """

    def __init__(self, scope: Construct, construct_id: str, props: OktaOidcAppProps) -> None:
        super().__init__(scope, construct_id)
        settings = props.settings
        self._settings = settings
        # One Terraform value feeds both the provider and the issuer Cognito trusts, so the two
        # cannot disagree; credentials come from OKTA_API_TOKEN / OKTA_API_PRIVATE_KEY.
        org_name = TerraformLocal(self, "org-name", settings.org_name)
        pin_address(org_name, props.name, "okta_org_name")
        base_url = TerraformLocal(self, "base-url", settings.base_url)
        pin_address(base_url, props.name, "okta_base_url")
        self.provider = OktaProvider(self, "provider", alias=logical_name(props.name),
                                     org_name=org_name.as_string, base_url=base_url.as_string)
        if settings.custom_domain:
            custom_domain = TerraformLocal(self, "custom-domain", settings.custom_domain)
            pin_address(custom_domain, props.name, "okta_custom_domain")
            self._issuer = f"https://{custom_domain.as_string}"
        else:
            self._issuer = f"https://{org_name.as_string}.{base_url.as_string}"

        # Cognito's MFA never applies to federated users (rules fact 6): Okta must ask for two
        # factors. The policy's catch-all rule denies, so only the two-factor rule lets anyone in.
        self.sign_on_policy = AppSignonPolicy(self, "sign-on-policy", provider=self.provider,
                                              name=f"{settings.app_label} sign-on",
                                              description="Two factors for every sign-in to Cognito",
                                              catch_all=False)
        pin_address(self.sign_on_policy, props.name, "okta_sign_on_policy")
        two_factors = AppSignonPolicyRule(self, "two-factors", provider=self.provider,
                                          policy_id=self.sign_on_policy.id, name="Require two factors",
                                          access="ALLOW", factor_mode="2FA", priority=1, status="ACTIVE")
        pin_address(two_factors, props.name, "okta_sign_on_two_factors")

        self.app = AppOauth(
            self, "app",
            provider=self.provider,
            label=settings.app_label,
            type="web",
            grant_types=["authorization_code"],
            response_types=["code"],
            redirect_uris=list(props.redirect_uris),
            token_endpoint_auth_method=TOKEN_ENDPOINT_AUTH_METHOD,
            pkce_required=False,
            issuer_mode="CUSTOM_URL" if settings.custom_domain else "ORG_URL",
            consent_method="TRUSTED",
            wildcard_redirect="DISABLED",
            implicit_assignment=False,
            login_mode="DISABLED",
            omit_secret=False,
            status="ACTIVE",
            authentication_policy=self.sign_on_policy.id,
            # A claim of the org authorization server's ID token, which is the issuer Cognito is given.
            groups_claim=(AppOauthGroupsClaim(type="FILTER", filter_type=claim.filter_type, name=claim.name,
                                              value=claim.filter)
                          if (claim := settings.groups_claim) else None),
        )
        pin_address(self.app, props.name, "okta_app")

        group_ids: list[str] = []
        for group in settings.groups:
            if group.create:
                created = Group(self, f"group-{group.name}", provider=self.provider, name=group.name,
                                description=group.description)
                pin_address(created, props.name, "group", _slug(group.name))
                group_ids.append(created.id)
            else:
                existing = DataOktaGroup(self, f"existing-group-{group.name}", provider=self.provider,
                                         name=group.name)
                pin_address(existing, props.name, "group", _slug(group.name))
                group_ids.append(existing.id)
        # A single assignments resource per app: several would fight over the same app (FED_302).
        self.assignments = AppGroupAssignments(
            self, "assignments",
            provider=self.provider,
            app_id=self.app.id,
            group=[AppGroupAssignmentsGroup(id=group_id, priority=priority)
                   for priority, group_id in enumerate(group_ids, start=1)],
        )
        pin_address(self.assignments, props.name, "okta_group_assignments")

    @property
    def client_id(self) -> str:
        return self.app.client_id

    @property
    def client_secret(self) -> str:
        return self.app.client_secret

    @property
    def issuer(self) -> str:
        return self._issuer

    @property
    def authorize_scopes(self) -> tuple[str, ...]:
        return self._settings.authorize_scopes

    @property
    def attributes_request_method(self) -> str:
        return "GET"


def _slug(name: str) -> str:
    """A group name as part of a Terraform name: `Customer Success` → `customer_success`."""
    return "".join(c if c.isalnum() else "_" for c in name.lower()).strip("_")
