"""The Cognito user pool the federations sign in to."""

from __future__ import annotations

from dataclasses import dataclass

from cdktf_cdktf_provider_aws.cognito_user_pool import (
    CognitoUserPool, CognitoUserPoolAccountRecoverySetting,
    CognitoUserPoolAccountRecoverySettingRecoveryMechanism, CognitoUserPoolAdminCreateUserConfig,
    CognitoUserPoolPasswordPolicy, CognitoUserPoolSchema,
    CognitoUserPoolSchemaStringAttributeConstraints, CognitoUserPoolSoftwareTokenMfaConfiguration,
    CognitoUserPoolUsernameConfiguration, CognitoUserPoolUserPoolAddOns)
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from config.model import MfaMode, SchemaAttribute, UserPoolConfig
from modules.naming import pin_address

from federation.facts import POOL_MINIMUM_PASSWORD_LENGTH, POOL_TEMPORARY_PASSWORD_DAYS


@dataclass(frozen=True)
class FederatedUserPoolProps:
    config: UserPoolConfig
    provider: AwsProvider
    local_users: bool
    """Whether any app client also offers Cognito's own directory (`COGNITO`)."""


class FederatedUserPool(Construct):
    """A user pool hardened for federation (rules section 2.F).

    Users arrive from IdPs, so nobody signs themselves up (admin-only creation), usernames are
    case-insensitive, recovery is admin-only unless local users exist, and the password policy
    is strict for whatever local users there are. Every `String` schema attribute declares its
    length constraints: without them the provider replaces the pool (D11 in the rules).
    """

    def __init__(self, scope: Construct, construct_id: str, props: FederatedUserPoolProps) -> None:
        super().__init__(scope, construct_id)
        config = props.config
        mfa_on = config.mfa is not MfaMode.OFF
        self.pool = CognitoUserPool(
            self, "pool",
            provider=props.provider,
            name=config.name,
            deletion_protection="ACTIVE" if config.deletion_protection else "INACTIVE",
            user_pool_tier=config.feature_tier.value,
            mfa_configuration=config.mfa.value,
            software_token_mfa_configuration=(
                CognitoUserPoolSoftwareTokenMfaConfiguration(enabled=True) if mfa_on else None),
            user_pool_add_ons=CognitoUserPoolUserPoolAddOns(
                advanced_security_mode=config.threat_protection.value),
            admin_create_user_config=CognitoUserPoolAdminCreateUserConfig(allow_admin_create_user_only=True),
            username_configuration=CognitoUserPoolUsernameConfiguration(case_sensitive=False),
            password_policy=CognitoUserPoolPasswordPolicy(
                minimum_length=POOL_MINIMUM_PASSWORD_LENGTH,
                require_lowercase=True, require_uppercase=True, require_numbers=True, require_symbols=True,
                temporary_password_validity_days=POOL_TEMPORARY_PASSWORD_DAYS,
            ),
            account_recovery_setting=CognitoUserPoolAccountRecoverySetting(recovery_mechanism=[
                CognitoUserPoolAccountRecoverySettingRecoveryMechanism(
                    name="verified_email" if props.local_users else "admin_only", priority=1),
            ]),
            schema=[_schema_item(attribute) for attribute in config.schema],
        )
        pin_address(self.pool, "user_pool")
        # Read once: every identity provider refers to it, and each read is a round trip to Node.
        self._id = self.pool.id

    @property
    def id(self) -> str:
        return self._id

    @property
    def issuer(self) -> str:
        """The issuer of the tokens Cognito mints for the applications."""
        return f"https://{self.pool.endpoint}"


def _schema_item(attribute: SchemaAttribute) -> CognitoUserPoolSchema:
    constraints = (CognitoUserPoolSchemaStringAttributeConstraints(min_length="0", max_length=str(attribute.max_length))
                   if attribute.data_type == "String" and attribute.max_length is not None else None)
    return CognitoUserPoolSchema(
        name=attribute.schema_name,
        attribute_data_type=attribute.data_type,
        required=attribute.required,
        mutable=attribute.mutable,
        developer_only_attribute=False,
        string_attribute_constraints=constraints,
    )
