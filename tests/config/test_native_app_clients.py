"""Native and desktop apps: private-use URI scheme callbacks in `app_clients` (FED_406, FED_409,
FED_414). The reader and the pack share federation/callback_urls.py; these tests hold the reader
to what a user writes and sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from config.loader import load_environment, load_environments
from tests.conftest import EXAMPLE_DIR
from tests.config.test_loader import ALLOWED_URLS, WithoutAliases, client, problems_after

NATIVE = "com.acme.analytics:/oauth2/callback"
OUTSIDE_PRODUCTION = " (http://localhost and short schemes such as myapp: are allowed outside production)"


def native_client(document: dict[str, Any], **values: Any) -> None:
    """Declares the example's native client (dev has one, prod none) with `values` changed."""
    document["app_clients"] = [c for c in document["app_clients"] if c["name"] != "analytics-mobile"]
    document["app_clients"].append({"name": "analytics-mobile", "callback_urls": [NATIVE],
                                    "scopes": ["openid", "email", "profile"], **values})


def loaded(tmp_path: Path, name: str, **values: Any) -> Any:
    document = yaml.safe_load((EXAMPLE_DIR / f"{name}.yaml").read_text())
    native_client(document, **values)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.dump(document, Dumper=WithoutAliases, sort_keys=False))
    environment = load_environment(path)
    return next(c for c in environment.app_clients if c.name == "analytics-mobile")


def test_the_dev_example_declares_a_native_client_as_a_public_client() -> None:
    dev = load_environments(EXAMPLE_DIR, ["dev"])[0]
    mobile = next(c for c in dev.app_clients if c.name == "analytics-mobile")
    assert mobile.callback_urls == (NATIVE,)
    assert mobile.logout_urls == ("com.acme.analytics:/signed-out",)
    assert mobile.confidential is False


@pytest.mark.parametrize("url", [NATIVE, "com.acme.analytics://callback", "com.acme.analytics:/cb?source=app",
                                 "https://analytics.acme.example/app/callback"])
def test_a_native_client_is_accepted_in_production_and_is_public_by_default(tmp_path: Path, url: str) -> None:
    mobile = loaded(tmp_path, "prod", callback_urls=[url])
    assert mobile.callback_urls == (url,)
    assert mobile.confidential is (url.startswith("https://"))


def test_a_short_scheme_is_accepted_outside_production(tmp_path: Path) -> None:
    mobile = loaded(tmp_path, "dev", callback_urls=["myapp://signin"], logout_urls=["exp://192.168.1.20:8081"])
    assert mobile.callback_urls == ("myapp://signin",) and mobile.confidential is False


def test_a_short_scheme_is_refused_in_production(tmp_path: Path) -> None:
    file, lines = problems_after(tmp_path, lambda d: native_client(d, callback_urls=["myapp://signin"]))
    assert lines == [f"{file}: app_clients[analytics-mobile].callback_urls[0]: got 'myapp://signin': the scheme "
                     "'myapp' is not a reverse domain name (RFC 8252 §7.1: e.g. com.example.app); another app on "
                     "the device can claim it; a short scheme is allowed only outside production"]


CONTENT = "which runs or reads content instead of returning to the app; "
HANDOFF = "which hands the authorization code to another application; "


@pytest.mark.parametrize(("url", "why"), [
    ("javascript:alert(document.cookie)", f"it uses the javascript: scheme, {CONTENT}"),
    ("JavaScript:alert(1)", f"it uses the javascript: scheme, {CONTENT}"),
    ("vbscript:msgbox(1)", f"it uses the vbscript: scheme, {CONTENT}"),
    ("data:text/html;base64,PHNjcmlwdD4=", f"it uses the data: scheme, {CONTENT}"),
    ("file:///sdcard/callback.html", f"it uses the file: scheme, {CONTENT}"),
    ("about:blank", f"it uses the about: scheme, {CONTENT}"),
    ("blob:https://analytics.acme.example/1f0e", f"it uses the blob: scheme, {CONTENT}"),
    ("view-source:https://analytics.acme.example/", f"it uses the view-source: scheme, {CONTENT}"),
    ("intent://callback#Intent;scheme=com.acme;end", "it has a '#fragment': a redirect URI must not include one "
                                                     "(RFC 6749 §3.1.2); "),
    ("intent://callback/", f"it uses the intent: scheme, {HANDOFF}"),
    ("mailto:signin@acme.example", f"it uses the mailto: scheme, {HANDOFF}"),
    ("urn:ietf:wg:oauth:2.0:oob", f"it uses the urn: scheme, {HANDOFF}"),
    ("com.acme.analytics:callback", "it names neither an authority (com.acme.analytics://host) nor a path "
                                    "(com.acme.analytics:/path); "),
    ("com.acme.analytics://", "it names neither an authority (com.acme.analytics://host) nor a path "
                              "(com.acme.analytics:/path); "),
    ("com.acme.analytics:/cb#done", "it has a '#fragment': a redirect URI must not include one (RFC 6749 §3.1.2); "),
    ("com.acme.*:/cb", "it has a '*': Cognito matches redirect URIs exactly, there are no wildcards; "),
    ("C:/Users/app/callback.html", "it is not an absolute URI; "),
    ("analytics.acme.example/callback", "it is not an absolute URI; "),
    ("http://127.0.0.1:8080/callback", "it uses http://; Cognito requires https except http://localhost for testing; "),
])
def test_a_scheme_that_runs_content_or_leaves_the_app_is_one_line_naming_file_path_value_and_allowed(
        tmp_path: Path, url: str, why: str) -> None:
    file, lines = problems_after(tmp_path, lambda d: native_client(d, callback_urls=[url]))
    assert lines == [f"{file}: app_clients[analytics-mobile].callback_urls[0]: got {url!r}: {why}{ALLOWED_URLS}"]


def test_outside_production_the_error_says_what_else_is_allowed_there(tmp_path: Path) -> None:
    file, lines = problems_after(tmp_path, lambda d: native_client(d, logout_urls=["javascript:void(0)"]), "dev")
    assert lines == [f"{file}: app_clients[analytics-mobile].logout_urls[0]: got 'javascript:void(0)': it uses the "
                     f"javascript: scheme, {CONTENT}{ALLOWED_URLS}{OUTSIDE_PRODUCTION}"]


@pytest.mark.parametrize("callback_urls", [[NATIVE], ["https://analytics.acme.example/cb", NATIVE]])
def test_a_native_client_with_a_client_secret_is_refused(tmp_path: Path, callback_urls: list[str]) -> None:
    file, lines = problems_after(tmp_path, lambda d: native_client(d, callback_urls=callback_urls, confidential=True))
    assert lines == [f"{file}: app_clients[analytics-mobile].confidential: true while {NATIVE!r} is a native app's "
                     "private-use URI: a native app cannot keep a client secret: the secret ships in every copy of "
                     "the app (RFC 8252 §8.5); a public client signs in with the code flow and PKCE; expected false "
                     "(FED_409)"]


def test_a_web_client_stays_confidential_by_default_and_cannot_add_a_native_callback(tmp_path: Path) -> None:
    web = loaded(tmp_path, "prod", callback_urls=["https://analytics.acme.example/cb"])
    assert web.confidential is True
    file, lines = problems_after(tmp_path, lambda d: client(d, "analytics-web").update(
        callback_urls=["https://analytics.acme.example/cb", NATIVE]))
    assert lines == [f"{file}: app_clients[analytics-web].confidential: true while {NATIVE!r} is a native app's "
                     "private-use URI: a native app cannot keep a client secret: the secret ships in every copy of "
                     "the app (RFC 8252 §8.5); a public client signs in with the code flow and PKCE; expected false "
                     "(FED_409)"]
