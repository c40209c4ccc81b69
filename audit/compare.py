"""Declared against live: unmanaged, missing and changed objects, classified exactly as drift is."""

from __future__ import annotations

from typing import Any

from audit.declared import DeclaredFederation, DeclaredObject
from audit.live import LiveFederation
from drift.attribute_diff import changed_paths
from drift.classification import AttributeChange, DriftClass, classify
from drift.detector import DriftFinding, DriftReport

RESOURCE_TYPES = {"identity_provider": "aws_cognito_identity_provider", "app_client": "aws_cognito_user_pool_client",
                  "domain": "aws_cognito_user_pool_domain", "okta_app": "okta_app_oauth",
                  "okta_assignment": "okta_app_group_assignments"}
LABELS = {"identity_provider": "identity provider", "app_client": "app client", "domain": "domain",
          "okta_app": "Okta app", "okta_assignment": "Okta group assignment"}


def compare(declared: DeclaredFederation, live: LiveFederation, source: str,
            kinds: tuple[str, ...] = ("identity_provider", "app_client", "domain"),
            okta_secret_fingerprints: dict[str, str] | None = None) -> DriftReport:
    """`kinds` are the object kinds read live; `okta_secret_fingerprints` maps a Cognito provider
    name to the fingerprint of the secret Okta holds for its app, when the Okta side was read."""
    findings: list[DriftFinding] = []
    for kind in kinds:
        wanted = {o.name: o for o in declared.of_kind(kind)}
        found = {o.name: o for o in live.of_kind(kind)}
        rtype, label = RESOURCE_TYPES[kind], LABELS[kind]
        for name in sorted(set(found) - set(wanted)):
            findings.append(DriftFinding(f"{label} {name!r}", rtype, "(unmanaged)", DriftClass.BREAKS_SIGN_IN,
                                         f"exists live but is not declared: an unreviewed {label}", None, "exists"))
        for name in sorted(set(wanted) - set(found)):
            findings.append(DriftFinding(wanted[name].address, rtype, "(missing)", DriftClass.BREAKS_SIGN_IN,
                                         f"declared but absent live", "declared", None))
        for name in sorted(set(wanted) & set(found)):
            findings += _changes(wanted[name], found[name], rtype)
    for provider, okta_secret in sorted((okta_secret_fingerprints or {}).items()):
        cognito_secret = live.secret_fingerprints.get(provider)
        if cognito_secret is not None and cognito_secret != okta_secret:
            findings.append(DriftFinding(f"identity provider {provider!r}", "aws_cognito_identity_provider",
                                         "provider_details.client_secret", DriftClass.BREAKS_SIGN_IN,
                                         "the secret Cognito sends is not the one Okta holds (compared by hash, "
                                         "values not shown)", "(sensitive)", "(sensitive)"))
    order = {DriftClass.BREAKS_SIGN_IN: 0, DriftClass.COSMETIC: 1, DriftClass.NOISE: 2}
    findings.sort(key=lambda f: (order[f.drift_class], f.address, f.attribute))
    return DriftReport(source=source, findings=tuple(findings))


def _changes(wanted: DeclaredObject, found: DeclaredObject, rtype: str) -> list[DriftFinding]:
    findings = []
    for key, declared_value in wanted.values.items():
        if key not in found.values:
            continue  # the live API does not report it (e.g. a domain's certificate on some endpoints)
        live_value = found.values.get(key)
        if key == "provider_details" and isinstance(live_value, dict) and isinstance(declared_value, dict):
            # Subset semantics (rules §3): the keys we configure; Cognito adds its own, and the
            # Okta app's client id is only known after apply.
            live_value = {k: v for k, v in live_value.items() if k in declared_value}
        for path, before, after in changed_paths(_comparable(declared_value), _comparable(live_value), (key,)):
            classification = classify(AttributeChange(rtype, wanted.address, path, before, after))
            findings.append(DriftFinding(wanted.address, rtype, ".".join(map(str, path)),
                                         classification.drift_class, classification.why, before, after))
    return findings


def _comparable(value: Any) -> Any:
    """The API and the configuration may list the same values in another order or omit empties."""
    if value in (None, [], {}):
        return None
    return value
