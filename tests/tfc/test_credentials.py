"""The Terraform Cloud address and token are found where Terraform finds them."""

from __future__ import annotations

import pytest

from tfc.credentials import MissingCredentials, credentials_for


def test_the_hostname_variable_spells_dots_as_underscores_and_hyphens_as_double_underscores() -> None:
    found = credentials_for("tfe.my-company.example", {"TF_TOKEN_tfe_my__company_example": "t1", "TFE_TOKEN": "t2"})
    assert (found.base_url, found.source, found.token) == (
        "https://tfe.my-company.example", "TF_TOKEN_tfe_my__company_example", "t1")


def test_the_hostname_part_is_compared_without_case_and_tfe_token_comes_last() -> None:
    assert credentials_for(None, {"TF_TOKEN_APP_TERRAFORM_IO": "t1"}).source == "TF_TOKEN_APP_TERRAFORM_IO"
    assert credentials_for(None, {"TF_TOKEN_other_example": "t1", "TFE_TOKEN": "t2"}).source == "TFE_TOKEN"


def test_tfe_address_replaces_the_hostname_and_chooses_the_token_variable() -> None:
    found = credentials_for("app.terraform.io", {"TFE_ADDRESS": "https://tfe.internal:8443/",
                                                 "TF_TOKEN_tfe_internal": "t1", "TF_TOKEN_app_terraform_io": "t2"})
    assert (found.base_url, found.hostname, found.token) == ("https://tfe.internal:8443", "tfe.internal", "t1")


def test_the_token_never_shows_in_the_credentials_repr() -> None:
    assert "t0ken" not in repr(credentials_for(None, {"TFE_TOKEN": "t0ken"}))


def test_no_token_names_the_variable_to_set() -> None:
    with pytest.raises(MissingCredentials, match=r"^no Terraform Cloud token for app\.terraform\.io: set "
                                                 r"TF_TOKEN_app_terraform_io "):
        credentials_for(None, {"HOME": "/nonexistent"})
