"""Every recorded Okta response matches Okta's own published OpenAPI specification."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from tests.audit.okta_stand_in import RESPONSES, okta_openapi, recording
from tests.shared_fixtures import OKTA_OPENAPI, require_shared_fixture

RECORDINGS = sorted(path.stem for path in RESPONSES.glob("*.json"))


@pytest.fixture(scope="module")
def okta_api() -> OpenAPI:
    require_shared_fixture(OKTA_OPENAPI)
    spec = okta_openapi()
    assert spec is not None
    return spec


@pytest.mark.parametrize("name", RECORDINGS)
def test_recorded_response_matches_oktas_openapi_spec(okta_api: OpenAPI, name: str) -> None:
    document = recording(name)
    request = MockRequest("https://acme.okta.com", document["request"]["method"], document["request"]["path"])
    response = MockResponse(json.dumps(document["body"]).encode(), status_code=document["status"],
                            content_type="application/json")
    okta_api.validate_response(request, response)


def test_the_validation_would_catch_a_response_of_the_wrong_shape(okta_api: OpenAPI) -> None:
    document = recording("app-secrets")
    document["body"][0]["status"] = "SOMETIMES"
    request = MockRequest("https://acme.okta.com", "get", document["request"]["path"])
    with pytest.raises(Exception, match="InvalidData|validat"):
        okta_api.validate_response(request, MockResponse(json.dumps(document["body"]).encode(), status_code=200,
                                                         content_type="application/json"))


def test_there_is_a_recording_for_every_call_the_audit_makes() -> None:
    assert set(RECORDINGS) >= {"apps-page-1", "apps-page-2", "app-groups-page-1", "app-groups-page-2", "app-secrets",
                               "app-secrets-rotated", "error-429", "error-403"}
