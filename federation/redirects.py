"""The `…/oauth2/idpresponse` URL of each Cognito domain, as a pattern a registered redirect URI
must match (FED_206: every domain's URL is registered; FED_207: nothing else is).

Written configurations build these URLs from references: `https://${aws_cognito_user_pool_domain.d.domain}.auth.eu-west-1…`,
`https://${local.prefix}.auth.${var.region}…` next to a domain whose `domain` is the same
`${local.prefix}`, or the region from `data.aws_region.current.name`. The patterns accept the
domain's literal value, a reference to its `domain` attribute, or the very expression its
`domain` is written with; and, where the region is not a literal, any region or region expression.
"""

from __future__ import annotations

import re

from federation.document import FederationDocument, Resource
from federation.values import is_reference

# A region (eu-west-1) or an expression standing for one (`${var.region}`, as checkov renders
# `data.aws_region.current.name` or `var.region`).
ANY_REGION = r"(?:[a-z]{2}(?:-[a-z]+)+-\d|\$\{[^}]+\}|(?:var|local|data)\.[\w.\[\]\"-]+)"
IDP_RESPONSE_PATH = "/oauth2/idpresponse"


def default_aws_region(document: FederationDocument) -> str | None:
    """The default AWS provider's literal region, if the input has one."""
    for name, config in document.providers:
        region = config.get("region")
        if name == "aws" and "alias" not in config and isinstance(region, str) and not is_reference(region):
            return region
    return None


def idp_response_pattern(domain: Resource, default_region: str | None, any_region: bool = False) -> re.Pattern[str]:
    """The pattern the domain's idpresponse URL matches, exactly (https, no trailing slash); with
    `any_region`, in whatever region (FED_207 leaves a wrong region to FED_206)."""
    value = domain.get("domain")
    hosts = [re.escape(f"${{{domain.address}.domain}}"), re.escape(domain.address + ".domain")]
    if isinstance(value, str):
        hosts.append(re.escape(value))  # a literal, or the same expression the domain is written with
    host = "(?:" + "|".join(hosts) + ")"
    if domain.get("certificate_arn"):
        return re.compile(rf"https://{host}{IDP_RESPONSE_PATH}")
    region_value = domain.get("region")
    region = region_value if isinstance(region_value, str) and not is_reference(region_value) else default_region
    region_pattern = re.escape(region) if region and not any_region else ANY_REGION
    return re.compile(rf"https://{host}\.auth\.{region_pattern}\.amazoncognito\.com{IDP_RESPONSE_PATH}")


_DOMAIN_REFERENCE = re.compile(r"\$\{aws_cognito_user_pool_domain\.[\w-]+\.domain\}|aws_cognito_user_pool_domain\.[\w-]+\.domain")


def is_undecided_uri(uri: str) -> bool:
    """Whether the URI holds an expression other than a domain's own name, which could make it
    any domain's URL once known (`${var.callback}`); a reference to a domain decides nothing less."""
    return is_reference(_DOMAIN_REFERENCE.sub("domain", uri))
