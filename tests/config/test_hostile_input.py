"""Whatever a file holds, a user gets one line per problem naming the file (and the line), never a
secret, never a raw control character, never an internal error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from config.aws_regions import aws_regions, cognito_regions
from config.errors import ConfigError
from config.loader import load_environment, load_environments
from config.yaml_file import MAX_DEPTH, MAX_FILE_BYTES
from tests.config.test_loader import client, federation, problems_after
from tests.conftest import EXAMPLE_DIR

SECRET = "pr0d-S3cret-Value-9f8e7d"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        load_environment(path)
    return list(raised.value.problems)


def dev_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (EXAMPLE_DIR / "dev.yaml").read_text()
    assert old in text
    path = tmp_path / "dev.yaml"
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize("value", [SECRET, [SECRET, 2], {"secret_id": SECRET, "extra": SECRET}, 123456789],
                         ids=["string", "list", "mapping with an unknown key", "number"])
def test_a_secret_under_client_secret_is_never_shown_whatever_its_shape(tmp_path: Path, value: object) -> None:
    file, lines = problems_after(
        tmp_path, lambda d: federation(d, "globex")["oidc"].update(client_secret={"secrets_manager": value}))
    assert lines and all(line.startswith(f"{file}: federations[globex].oidc.client_secret") for line in lines)
    assert str(SECRET) not in "\n".join(lines) and "123456789" not in "\n".join(lines)


def test_a_literal_secret_under_secrets_manager_says_a_mapping_was_expected_without_the_value(tmp_path: Path) -> None:
    file, lines = problems_after(
        tmp_path, lambda d: federation(d, "globex")["oidc"].update(client_secret={"secrets_manager": SECRET}))
    assert lines[0] == (f"{file}: federations[globex].oidc.client_secret.secrets_manager: expected a mapping, "
                        "got (value not shown)")


def test_an_issuer_with_user_information_is_rejected_without_showing_it(tmp_path: Path) -> None:
    file, lines = problems_after(
        tmp_path, lambda d: federation(d, "globex")["oidc"].update(issuer=f"https://user:{SECRET}@idp.example"))
    assert lines == [f"{file}: federations[globex].oidc.issuer: has user information before the host "
                     "(user:password@; value not shown): credentials are never configuration; expected an https:// "
                     "issuer URL without trailing '/', query, fragment, port or /.well-known path (FED_006)"]


def test_a_callback_url_with_user_information_is_rejected_without_showing_it(tmp_path: Path) -> None:
    file, lines = problems_after(
        tmp_path, lambda d: client(d, "analytics-web").update(callback_urls=[f"https://{SECRET}@app.acme.example/cb"]))
    assert len(lines) == 1 and lines[0].startswith(
        f"{file}: app_clients[analytics-web].callback_urls[0]: has user information before the host")
    assert SECRET not in lines[0]


def test_a_file_that_is_not_utf8_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_bytes(b"production: false\naws:\n  region: eu-\xff1\n")
    assert problems_of(path) == [f"{path}: line 3, column 14: not UTF-8 text (byte 0xff); save the file as UTF-8"]


@pytest.mark.parametrize("text", ["a: " + "[" * 400 + "]" * 400 + "\n", "a: " + "[" * 200_000 + "]" * 200_000 + "\n",
                                  "a:\n" + "".join(" " * i + "- \n" for i in range(1, 60))],
                         ids=["400 flow levels", "200,000 flow levels", "block levels"])
def test_deep_nesting_is_one_line_naming_where_it_gets_too_deep(tmp_path: Path, text: str) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text(text)
    (line,) = problems_of(path)
    assert line.startswith(f"{path}: line ") and line.endswith(
        f": nested more than {MAX_DEPTH} levels deep; an environment file needs 6")


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text("# x\n" * (MAX_FILE_BYTES // 4 + 1))
    assert problems_of(path) == [f"{path}: is {MAX_FILE_BYTES + 4:,} bytes; expected at most {MAX_FILE_BYTES:,} "
                                 "(an environment of 1,000 federations is about 250 KB)"]


def test_yaml_aliases_are_refused_where_they_are_used(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text("aws: &region {region: eu-west-1}\nuser_pool: *region\n")
    assert problems_of(path) == [f"{path}: line 2, column 12: YAML aliases (*region) are not supported; "
                                 "write the value out"]


def test_dev_yaml_beside_dev_yml_is_one_error_naming_both_files(tmp_path: Path) -> None:
    for name in ("dev.yaml", "dev.yml"):
        (tmp_path / name).write_text((EXAMPLE_DIR / "dev.yaml").read_text())
    with pytest.raises(ConfigError) as raised:
        load_environments(tmp_path)
    assert raised.value.problems == (f"{tmp_path / 'dev.yml'}: environment 'dev' is also defined by "
                                     f"{tmp_path / 'dev.yaml'}; expected one file per environment (remove or "
                                     "rename one)",)


def test_a_region_unknown_to_the_aws_sdk_is_rejected_with_the_regions_cognito_has(tmp_path: Path) -> None:
    (line,) = problems_of(dev_with(tmp_path, "region: eu-west-1", "region: eu-west-9"))
    assert line == (f"{tmp_path / 'dev.yaml'}: aws.region: got 'eu-west-9'; not an AWS region (AWS SDK endpoint "
                    f"data); expected a region with Amazon Cognito user pools: {', '.join(cognito_regions())}")
    assert "eu-west-1" in cognito_regions() and "fips-us-east-1" not in cognito_regions()


def test_a_region_without_cognito_is_rejected_as_such() -> None:
    without = sorted(aws_regions() - set(cognito_regions()))
    if not without:
        pytest.skip("every region of the installed AWS SDK has Cognito user pools")
    from config.aws_regions import region_problem
    assert (region_problem(without[0]) or "").startswith("Amazon Cognito user pools are not available in this region")


def test_a_client_trusting_no_provider_and_no_local_users_is_rejected(tmp_path: Path) -> None:
    file, lines = problems_after(tmp_path, lambda d: client(d, "analytics-web").update(identity_providers=[]))
    assert lines == [f"{file}: app_clients[analytics-web].identity_providers: empty while allow_local_users is "
                     "false: nobody could sign in with this client; expected at least one federation of workforce, "
                     "globex, or allow_local_users: true"]


def test_a_client_with_only_local_users_is_accepted(tmp_path: Path) -> None:
    path = dev_with(tmp_path, "    scopes: [openid, email, profile]\n",
                    "    scopes: [openid, email, profile]\n    identity_providers: []\n    allow_local_users: true\n")
    (dev,) = load_environments(tmp_path)
    assert dev.app_clients[0].identity_providers == () and path.exists()


def test_provider_names_differing_only_in_case_are_one_name_to_cognito(tmp_path: Path) -> None:
    file, lines = problems_after(tmp_path, lambda d: federation(d, "globex").update(provider_name="acmeokta"))
    assert lines == [f"{file}: federations[globex].provider_name: 'acmeokta' is already used by federation "
                     "'workforce' (compared regardless of case, as Cognito's lower-case federated user names are); "
                     "provider names must be unique"]


def test_control_characters_are_escaped_in_the_path_as_in_the_value(tmp_path: Path) -> None:
    path = dev_with(tmp_path, "name: globex", 'name: "glo\\e[2Jbex"')
    lines = problems_of(path)
    assert lines == [f"{path}: federations[glo\\x1b[2Jbex].name: got 'glo\\x1b[2Jbex'; expected 1-31 lower-case "
                     "letters, digits or hyphens, starting with a letter"]
    assert "\x1b" not in "".join(lines)


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    (line,) = problems_of(dev_with(tmp_path, "org_name: acme-dev", "org_name: 'acme-dev"))
    assert line.startswith(f"{tmp_path / 'dev.yaml'}: line 52, column 17: malformed YAML: the quoted value that "
                           "starts here runs on to line ")
    assert "is its closing quote missing?" in line


def test_a_quote_open_until_the_end_of_the_file_is_reported_where_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text('production: false\naws:\n  region: "eu-west-1\nuser_pool: {}\n')
    assert problems_of(path) == [f"{path}: line 3, column 11: malformed YAML: a quoted scalar starts here and is not "
                                 "closed (found unexpected end of stream at line 5, column 1)"]


def test_an_unclosed_bracket_is_reported_where_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text("aws:\n  region: eu-west-1\nuser_pool: [unclosed\n")
    (line,) = problems_of(path)
    assert line.startswith(f"{path}: line 3, column 12: malformed YAML: a flow sequence starts here and is not closed")


def test_several_documents_in_one_file_say_one_document_per_file(tmp_path: Path) -> None:
    path = dev_with(tmp_path, "production: false\n", "production: false\n---\nproduction: true\n")
    assert problems_of(path) == [f"{path}: line 6, column 1: a second YAML document starts here; expected one "
                                 "document per file (one environment per file)"]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "~\n"], ids=["empty", "blank", "comment", "null"])
def test_an_empty_file_is_one_line_saying_so(tmp_path: Path, text: str) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text(text)
    assert problems_of(path) == [f"{path}: the file is empty; expected a mapping with aws, user_pool, app_clients "
                                 "and federations"]


def test_a_file_that_is_a_list_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text("- aws\n- user_pool\n")
    assert problems_of(path) == [f"{path}: expected a mapping with aws, user_pool, app_clients and federations at "
                                 "the top of the file, got a list"]


def test_identical_problems_are_reported_once_with_how_many_more(tmp_path: Path) -> None:
    repeated = "".join(f"  - name: dup\n    kind: okta\n    okta: {{org_name: acme, app_label: x, groups: [{{name: g}}]}}\n"
                       for _ in range(9_856))
    path = dev_with(tmp_path, "federations:\n", "federations:\n" + repeated)
    lines = problems_of(path)
    assert f"{path}: federations[dup]: duplicate federation 'dup'; names must be unique (… and 9,854 more like this)" \
        in lines
    assert len(lines) < 10


@pytest.mark.parametrize(("text", "expected"), [
    ("production: 2001-13-45\n", "line 1, column 13: malformed YAML: not a valid timestamp (month must be in 1..12); "
                                 "quote it to keep it as text"),
    ("shards: " + "1" * 5000 + "\n", "line 1, column 9: malformed YAML: not a valid int (Exceeds the limit (4300 "
                                     "digits) for integer string conversion); quote it to keep it as text"),
    ("[1]: 2\n", "line 1, column 1: malformed YAML: a key must be a plain value, not a list or mapping"),
    ("a: \x01\n", "line 1, column 4: malformed YAML: character #x0001 is not allowed in a YAML file (control "
                  "characters are not); remove it or escape it in a double-quoted string"),
    ("a: !!python/object:os.system x\n", "line 1, column 4: malformed YAML: could not determine a constructor for "
                                         "the tag 'tag:yaml.org,2002:python/object:os.system'"),
], ids=["impossible date", "5,000-digit number", "list as a key", "control character", "python tag"])
def test_values_yaml_cannot_build_are_one_line_with_their_position(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "dev.yaml"
    path.write_text(text)
    assert problems_of(path) == [f"{path}: {expected}"]


def test_a_huge_hexadecimal_number_is_described_not_printed(tmp_path: Path) -> None:
    path = dev_with(tmp_path, "refresh_days: 7", "refresh_days: 0x" + "f" * 2000)
    assert problems_of(path) == [f"{path}: app_clients[analytics-web].token_validity.refresh_days: got a number too "
                                 "large to show; expected a whole number from 1 to 30 days"]


