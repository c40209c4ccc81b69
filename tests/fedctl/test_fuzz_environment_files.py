"""Fuzzing the environment files: whatever bytes or structure a file holds, fedctl accepts it
(exit 0) or says what is wrong in lines that each name the file (exit 1). Never exit 3, never a
traceback, never a secret or a raw control character, nothing written.

Most examples call the loader in-process (what `fedctl synth` runs before anything is written;
any exception other than ConfigError would be exit 3); a few run the real `fedctl synth`.
Deterministic (`derandomize`); FEDCTL_FUZZ_EXAMPLES raises the number of examples per property.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from config.errors import ConfigError
from config.loader import load_environments
from config.paths import shown_path
from tests.config.test_loader import WithoutAliases
from tests.conftest import EXAMPLE_DIR, PROJECT_ROOT

EXAMPLES = int(os.environ.get("FEDCTL_FUZZ_EXAMPLES", "1000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CANARY = "CanaryS3cretValue7f3a9"
SECRET_KEYS = ("client_secret", "api_token", "password", "token", "private_key")
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
EXAMPLE_FILES = {path.name: path.read_bytes() for path in sorted(EXAMPLE_DIR.glob("*.yaml"))}
EXAMPLE_DOCUMENTS = {name: yaml.safe_load(data) for name, data in EXAMPLE_FILES.items()}


def assert_accepted_or_explained(folder: Path, lines: list[str] | None, secret: str | None = None) -> None:
    """`lines` is None when the folder loaded; else every line names one of its files."""
    names = [shown_path(path) for path in folder.iterdir()]
    for line in lines or []:
        assert any(line.startswith(f"{name}: ") for name in names), line
        assert not UNSAFE.search(line), line
        assert "Traceback" not in line and "internal error" not in line, line
        if secret is not None:
            assert secret not in line, line


def load(folder: Path) -> list[str] | None:
    """What `fedctl synth` decides before writing: None (valid, exit 0) or the problem lines (exit 1).
    Any other exception fails the test: it would be exit 3."""
    before = sorted(folder.iterdir())
    try:
        load_environments(folder)
        result = None
    except ConfigError as error:
        result = list(error.problems)
    assert sorted(folder.iterdir()) == before  # nothing written
    return result


# Byte-level mutations of the example files.
@st.composite
def mutated_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(EXAMPLE_FILES)))
    data = bytearray(EXAMPLE_FILES[name])
    nasty = st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\x1b[2J", b"\t", b"'", b'"', b"[", b"{", b"&a ", b"*a",
                             b"---\n", b"...\n", b"!!python/object ", b"\xef\xbb\xbf", b"\r", b"\xe2\x80\xae",
                             b"- ", b": ", b"#", b"\\", b"%YAML 1.1\n", b"<<: ", b"? "])
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "replace", "delete", "duplicate", "truncate"]))
        if operation == "insert":
            data[position:position] = draw(st.one_of(nasty, st.binary(min_size=1, max_size=8)))
        elif operation == "replace" and position < len(data):
            data[position] = draw(st.integers(0, 255))
        elif operation == "delete":
            del data[position:position + draw(st.integers(1, 40))]
        elif operation == "duplicate":
            data[position:position] = data[position:position + draw(st.integers(1, 200))]
        else:
            del data[position:]
    return name, bytes(data)


@FUZZ
@given(mutated_bytes())
def test_mutated_bytes_are_accepted_or_explained_line_by_line(tmp_path_factory: pytest.TempPathFactory,
                                                              example: tuple[str, bytes]) -> None:
    name, data = example
    folder = tmp_path_factory.mktemp("bytes")
    (folder / name).write_bytes(data)
    assert_accepted_or_explained(folder, load(folder))


# Structure-level mutations: any node of an example replaced, removed or duplicated; secrets planted
# where secrets get written by mistake (under a secret key, whatever the shape; as URL userinfo).
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=10 ** 300),
                    st.floats(allow_nan=True), st.text(max_size=30),
                    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
                    st.sampled_from(["", " ", "~", "eu-west-9", "ON", "okta", "oidc", "2001-13-45", "https://",
                                     "http://localhost", "glo\x1b[2Jbex", "\u202eevil", "a" * 300, "AcmeOkta",
                                     "acmeokta", "GLOBEX", "globex", "workforce"]))
KEYS = st.one_of(st.sampled_from(["name", "kind", "okta", "oidc", "groups", "issuer", "region", "aws", "shards",
                                  "identity_providers", "allow_local_users", "provider_name", "secrets_manager",
                                  "terraform_variable", "secret_id", "schema", "domain", "prefix", *SECRET_KEYS]),
                 st.text(max_size=10), st.integers())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(KEYS, inner, max_size=4)), max_leaves=12)


def planted_secret(draw: st.DrawFn) -> Any:
    """The canary in some shape, as someone might paste a secret."""
    shapes: list[Any] = [CANARY, [CANARY], {"secret_id": CANARY}, {"secrets_manager": CANARY},
                         {"secrets_manager": [CANARY, 1]}, {"terraform_variable": CANARY + "!"},
                         {"secrets_manager": {"secret_id": CANARY + " x", "json_key": CANARY}},
                         {CANARY: CANARY}]
    return draw(st.sampled_from(shapes))


def userinfo_url(draw: st.DrawFn) -> str:
    host = draw(st.sampled_from(["idp.example", "x" * 90 + ".example", "globex.okta.com:8443"]))
    path = draw(st.sampled_from(["", "/", "/cb", "?q=1", "#f", "/" + "p" * 100]))
    return f"{draw(st.sampled_from(['https', 'http', 'HTTPS']))}://{draw(st.sampled_from(['', 'u:', 'admin:']))}" \
           f"{CANARY}@{host}{path}"


def containers(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    found: list[tuple[tuple[Any, ...], Any]] = []
    if isinstance(node, (dict, list)):
        found.append((path, node))
        for key, child in (node.items() if isinstance(node, dict) else enumerate(node)):
            found += containers(child, (*path, key))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, Any, bool]:
    name = draw(st.sampled_from(sorted(EXAMPLE_DOCUMENTS)))
    document = yaml.safe_load(yaml.safe_dump(EXAMPLE_DOCUMENTS[name]))  # a fresh copy
    planted = False
    for _ in range(draw(st.integers(1, 3))):
        places = containers(document)
        _, node = draw(st.sampled_from(places))
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        operation = draw(st.sampled_from(["replace", "remove", "duplicate", "add", "userinfo"]))
        if operation in ("replace", "remove", "duplicate") and not keys:
            operation = "add"
        if operation == "replace":
            node[draw(st.sampled_from(keys))] = draw(VALUES)
        elif operation == "remove":
            del node[draw(st.sampled_from(keys))]
        elif operation == "duplicate":
            if isinstance(node, list):
                node.append(yaml.safe_load(yaml.safe_dump(node[draw(st.sampled_from(keys))])))
            else:
                node[draw(st.sampled_from(keys))] = yaml.safe_load(yaml.safe_dump(node))
        elif operation == "add":
            if isinstance(node, list):
                node.append(draw(VALUES))
            else:
                node[draw(KEYS)] = draw(VALUES)
        elif operation == "userinfo" and keys:
            # Anywhere: a URL field rejects it; a free-text field (a claim name, a label) may accept
            # it as text. Either way no message may show it.
            node[draw(st.sampled_from(keys))] = userinfo_url(draw)
    if draw(st.booleans()):  # last, so that no later mutation removes it
        _, node = draw(st.sampled_from([place for place in containers(document) if isinstance(place[1], dict)]))
        node[draw(st.sampled_from(SECRET_KEYS))] = planted_secret(draw)
        planted = True
    return name, document, planted


@FUZZ
@given(mutated_documents())
def test_mutated_structures_are_accepted_or_explained_and_never_show_a_secret(
        tmp_path_factory: pytest.TempPathFactory, example: tuple[str, Any, bool]) -> None:
    name, document, planted = example
    folder = tmp_path_factory.mktemp("structure")
    (folder / name).write_text(yaml.dump(document, Dumper=WithoutAliases, sort_keys=False, allow_unicode=True),
                               encoding="utf-8")
    lines = load(folder)
    assert_accepted_or_explained(folder, lines, CANARY)
    if planted:
        assert lines is not None  # a secret under a secret key is never accepted


# A handful of real `fedctl synth` runs. Each folder also holds an invalid `zz.yaml`, so that even
# an accepted mutation ends in exit 1 before synthesis: the property is about the output.
def run_synth(folder: Path, outdir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-O", "-m", "fedctl", "synth", "--config-dir", str(folder), "--outdir",
                           str(outdir)], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})


ISSUE_CASES = {
    "secret under secrets_manager": ("dev.yaml", EXAMPLE_FILES["dev.yaml"].replace(
        b"terraform_variable: globex_client_secret", b"secrets_manager: " + CANARY.encode())),
    "userinfo issuer": ("dev.yaml", EXAMPLE_FILES["dev.yaml"].replace(
        b"https://globex.okta.com", b"https://user:" + CANARY.encode() + b"@idp.example")),
    "not UTF-8": ("dev.yaml", EXAMPLE_FILES["dev.yaml"].replace(b"acme-analytics-dev", b"acme-\xff\xfe", 1)),
    "400 levels deep": ("dev.yaml", b"a: " + b"[" * 400 + b"]" * 400 + b"\n"),
    "escape in a name": ("dev.yaml", EXAMPLE_FILES["dev.yaml"].replace(b"name: globex", b'name: "glo\\e[2Jbex"')),
    "dev.yml beside dev.yaml": ("dev.yml", EXAMPLE_FILES["dev.yaml"]),
}


@pytest.mark.parametrize("case", sorted(ISSUE_CASES))
def test_fedctl_synth_explains_each_reported_input_in_lines_naming_the_file(tmp_path: Path, case: str) -> None:
    name, data = ISSUE_CASES[case]
    folder = tmp_path / "environments"
    folder.mkdir()
    (folder / "dev.yaml").write_bytes(EXAMPLE_FILES["dev.yaml"])
    (folder / name).write_bytes(data)
    (folder / "zz.yaml").write_text("aws: {region: nowhere}\n")
    result = run_synth(folder, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{folder / name}: ") for line in lines), result.stderr
    assert_accepted_or_explained(folder, lines, CANARY)
    assert not (tmp_path / "out").exists()


@settings(max_examples=3, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutated_bytes())
def test_fedctl_synth_on_mutated_bytes_exits_1_with_lines_naming_the_files(
        tmp_path_factory: pytest.TempPathFactory, example: tuple[str, bytes]) -> None:
    name, data = example
    root = tmp_path_factory.mktemp("synth-bytes")
    folder = root / "environments"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "zz.yaml").write_text("aws: {region: nowhere}\n")
    result = run_synth(folder, root / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert_accepted_or_explained(folder, result.stderr.splitlines())
    assert not (root / "out").exists()
