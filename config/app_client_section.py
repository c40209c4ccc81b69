"""Reads `app_clients:`: the Cognito app clients and what they may do."""

from __future__ import annotations

import re

from config.model import AppClientConfig, TokenValidity
from config.reader import Section, describe
from config.url_rules import MAX_URLS_PER_LIST, callback_url_problem
from federation.callback_urls import PUBLIC_CLIENT_REASON, private_use_urls
from federation.facts import (ACCESS_TOKEN_MINUTES_RANGE, APP_CLIENT_STANDARD_SCOPES,
                                       FORBIDDEN_FEDERATED_CLIENT_SCOPES, ID_TOKEN_MINUTES_RANGE,
                                       REFRESH_TOKEN_DAYS_MAX, RESOURCE_SERVER_SCOPE_PATTERN)

CLIENT_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
CLIENT_KEYS = ("name", "callback_urls", "logout_urls", "scopes", "confidential", "token_validity",
               "identity_providers", "allow_local_users", "adopted")
VALIDITY_KEYS = ("access_minutes", "id_minutes", "refresh_days")
DEFAULT_SCOPES = ("openid", "email", "profile")


def read_app_client(path: str, raw: object, parent: Section, production: bool,
                    federation_names: tuple[str, ...]) -> AppClientConfig:
    client = Section(raw, path, parent.problems, CLIENT_KEYS)
    name = client.text("name", pattern=CLIENT_NAME_PATTERN,
                       expected="1-40 lower-case letters, digits or hyphens, starting with a letter")
    callback_urls = _read_urls(client, "callback_urls", production, required=True)
    logout_urls = _read_urls(client, "logout_urls", production, required=False)
    scopes = client.text_list("scopes", DEFAULT_SCOPES)
    _check_scopes(client, scopes)
    validity = client.section("token_validity", VALIDITY_KEYS)
    identity_providers = client.text_list("identity_providers", federation_names)
    for index, provider in enumerate(identity_providers):
        if provider not in federation_names:
            client.problems.add(f"{client.child('identity_providers')}[{index}]",
                                f"unknown federation {describe(provider)}; expected one of "
                                f"{', '.join(federation_names) or '(no federations declared)'}")
    allow_local_users = client.flag("allow_local_users", False)
    if client.has("identity_providers") and not identity_providers and not allow_local_users:
        client.problem("identity_providers", "empty while allow_local_users is false: nobody could sign in with "
                                             "this client; expected at least one federation of "
                                             f"{', '.join(federation_names) or '(none declared)'}, or "
                                             "allow_local_users: true")
    return AppClientConfig(
        name=name,
        callback_urls=callback_urls,
        logout_urls=logout_urls,
        scopes=scopes,
        confidential=_read_confidential(client, callback_urls),
        token_validity=TokenValidity(
            access_minutes=validity.number("access_minutes", 60, *ACCESS_TOKEN_MINUTES_RANGE, "minutes"),
            id_minutes=validity.number("id_minutes", 60, *ID_TOKEN_MINUTES_RANGE, "minutes"),
            refresh_days=validity.number("refresh_days", REFRESH_TOKEN_DAYS_MAX, 1, REFRESH_TOKEN_DAYS_MAX, "days"),
        ),
        identity_providers=identity_providers,
        allow_local_users=allow_local_users,
        adopted=client.flag("adopted", False),
    )


def _read_urls(client: Section, key: str, production: bool, required: bool) -> tuple[str, ...]:
    urls = client.text_list(key, required=required)
    if len(urls) > MAX_URLS_PER_LIST:
        client.problem(key, f"has {len(urls)} URLs; expected at most {MAX_URLS_PER_LIST}")
    for index, url in enumerate(urls):
        problem = callback_url_problem(url, production)
        if problem:
            client.problems.add(f"{client.child(key)}[{index}]", problem)
    return urls


def _read_confidential(client: Section, urls: tuple[str, ...]) -> bool:
    """Whether Cognito generates a client secret. A native app's client (one with a private-use
    callback URL) is public: false by default, and true is refused (FED_409)."""
    native = private_use_urls(urls)
    confidential = client.flag("confidential", not native)
    if confidential and native:
        client.problem("confidential", f"true while {native[0]!r} is a native app's private-use URI: "
                                       f"{PUBLIC_CLIENT_REASON}; expected false (FED_409)")
    return confidential


def _check_scopes(client: Section, scopes: tuple[str, ...]) -> None:
    if "openid" not in scopes:
        client.problem("scopes", "must include 'openid': Cognito issues an ID token only for it (FED_403)")
    for index, scope in enumerate(scopes):
        path = f"{client.child('scopes')}[{index}]"
        if scope in FORBIDDEN_FEDERATED_CLIENT_SCOPES:
            client.problems.add(path, f"got {describe(scope)}; it lets a federated user rewrite mapped "
                                      "attributes and is not allowed on a federated client (FED_403)")
        elif scope not in APP_CLIENT_STANDARD_SCOPES and not RESOURCE_SERVER_SCOPE_PATTERN.match(scope):
            client.problems.add(path, f"got {describe(scope)}; expected one of "
                                      f"{', '.join(sorted(APP_CLIENT_STANDARD_SCOPES))} or a resource-server "
                                      "scope <identifier>/<name> (FED_403)")
