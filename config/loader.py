"""Environment YAML files → typed `EnvironmentConfig` objects, or one ConfigError with every problem."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from config.app_client_section import read_app_client
from config.aws_regions import region_problem
from config.consistency import check_consistency
from config.groups_claim_section import with_groups_attributes
from config.errors import ConfigError, Problems
from config.imports_section import read_imports
from config.federation_section import read_federation
from config.model import (CloudBackendConfig, CloudWorkspaceByName, CloudWorkspaceByTags,
                          EnvironmentConfig)
from config.paths import shown_path
from config.reader import Section, describe, report_duplicates
from config.sharding import MAXIMUM_SHARDS, SHARD_STACK_NAME
from config.user_pool_section import read_user_pool
from config.yaml_file import read_yaml
from federation.redaction import secret_values

ENVIRONMENT_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,30}$")
WORKSPACE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,90}$")
DEFAULT_CLOUD_HOSTNAME = "app.terraform.io"
DEFAULT_CLOUD_TERRAFORM_VERSION = ">= 1.6.0, < 2.0.0"
"""Saved plans of a cloud-backed configuration need Terraform 1.6 or later."""

TOP_KEYS = ("production", "aws", "user_pool", "app_clients", "federations", "state", "shards", "imports")
AWS_KEYS = ("region",)
POOL_KEYS = ("name", "schema", "deletion_protection", "mfa", "feature_tier", "threat_protection", "domain")
STATE_KEYS = ("backend", "cloud")
CLOUD_KEYS = ("organization", "workspace", "tags", "hostname", "terraform_version", "health_assessments")
_VERSION = r"(?:[<>=!~]{1,2}\s*)?[0-9]+(?:\.[0-9]+){0,2}(?:-[0-9A-Za-z.]+)?"
# Every space belongs to exactly one `\s*`, so a long wrong value fails in linear time.
TERRAFORM_VERSION_PATTERN = re.compile(rf"^\s*{_VERSION}\s*(?:,\s*{_VERSION}\s*)*\Z")
"""A version (`1.11.4`) or a version constraint (`~> 1.11.0`, `>= 1.6.0, < 2.0.0`), as Terraform Cloud takes it."""


def environment_files(config_dir: Path) -> list[Path]:
    """The environment files of a folder, by name; `*.yaml` and `*.yml`."""
    return sorted(p for p in config_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_environments(config_dir: Path, only: Sequence[str] = ()) -> tuple[EnvironmentConfig, ...]:
    """Every environment of `config_dir` (or those named in `only`), all files checked before raising."""
    if not config_dir.is_dir():
        raise ConfigError([f"{shown_path(config_dir)}: not a folder of environment files"])
    files = environment_files(config_dir)
    available = [path.stem for path in files]
    unknown = [name for name in only if name not in available]
    if unknown:
        raise ConfigError([f"{shown_path(config_dir)}: no environment {describe(name)}; expected one of "
                           f"{', '.join(available) or '(none)'}" for name in unknown])
    selected = [path for path in files if not only or path.stem in only]
    if not selected:
        raise ConfigError([f"{shown_path(config_dir)}: no *.yaml environment files"])
    _check_one_file_per_environment(files)
    environments: list[EnvironmentConfig] = []
    problems: list[str] = []
    for path in selected:
        try:
            environments.append(load_environment(path))
        except ConfigError as error:
            problems.extend(error.problems)
    problems += _stack_name_clashes(files, selected)
    if problems:
        raise ConfigError(problems)
    return tuple(environments)


def _check_one_file_per_environment(files: Sequence[Path]) -> None:
    """`dev.yaml` beside `dev.yml` would be two environments with one stack name."""
    first: dict[str, Path] = {}
    clashes: list[str] = []
    for path in files:
        other = first.setdefault(path.stem, path)
        if other != path:
            clashes.append(f"{shown_path(path)}: environment {path.stem!r} is also defined by {shown_path(other)}; "
                           "expected one file per environment (remove or rename one)")
    if clashes:
        raise ConfigError(clashes)


def _stack_name_clashes(files: Sequence[Path], selected: Sequence[Path]) -> list[str]:
    """`<env>-clients` and `<env>-shard-N` are the stack names of a sharded `<env>` (and the
    folders `fedctl synth` removes when `<env>` stops being sharded): no other environment may
    take one of them, sharded or not."""
    stems = {path.stem for path in files}
    clashes: list[str] = []
    for path in selected:
        match = SHARD_STACK_NAME.match(path.stem)
        if match and match.group(1) in stems:
            clashes.append(f"{shown_path(path)}: the name {path.stem!r} is reserved for a stack of environment "
                           f"{match.group(1)!r} when it is sharded; rename this environment")
    return clashes


def load_environment(path: Path) -> EnvironmentConfig:
    shown_as = shown_path(path)
    document = read_yaml(path, shown_as)
    problems = Problems(shown_as, secret_values(document))
    if not ENVIRONMENT_NAME_PATTERN.match(path.stem):
        problems.add("", f"file name {path.stem!r} is the environment name; expected 1-31 lower-case letters, "
                         "digits or hyphens, starting with a letter")
    if not isinstance(document, dict):
        problems.add("", f"expected a mapping with aws, user_pool, app_clients and federations at the top of the "
                         f"file, got {describe(document)}")
        problems.raise_if_any()
    top = Section(document, "", problems, TOP_KEYS)
    production = top.flag("production", False)
    aws = top.section("aws", AWS_KEYS, required=True)
    region = aws.text("region", expected="an AWS region such as eu-west-1")
    region_error = region_problem(region) if region else None
    if region_error:
        aws.problem("region", f"got {describe(region)}; {region_error}")
    pool = read_user_pool(top.section("user_pool", POOL_KEYS, required=True), production)

    federation_items = top.items("federations", required=True)
    federations = tuple(read_federation(item_path, raw, top) for item_path, raw in federation_items)
    report_duplicates(problems, ((item_path, f.name) for (item_path, _), f in zip(federation_items, federations)),
                      "federation")
    federation_names = tuple(f.name for f in federations if f.name)

    client_items = top.items("app_clients", required=True)
    clients = tuple(read_app_client(item_path, raw, top, production, federation_names)
                    for item_path, raw in client_items)
    report_duplicates(problems, ((item_path, c.name) for (item_path, _), c in zip(client_items, clients)),
                      "app client")

    pool = with_groups_attributes(pool, federations)
    check_consistency(problems, pool, clients, federations)
    cloud = _read_state(top.section("state", STATE_KEYS))
    shards = top.number("shards", 1, 1, MAXIMUM_SHARDS, "stacks")
    if shards > 1 and cloud is not None and isinstance(cloud.workspace, CloudWorkspaceByTags):
        top.problem("state.cloud.tags", "a sharded environment needs a named workspace (state.cloud.workspace); "
                                        "its stacks use <workspace>, <workspace>-shard-N and <workspace>-clients")
    imports = read_imports(top)
    if imports and shards > 1:
        top.problem("imports", "adopted resources are imported into one stack; expected shards: 1 (import the "
                               "federation first, shard it later)")
    problems.raise_if_any()
    return EnvironmentConfig(name=path.stem, source_file=shown_as, production=production, region=region,
                             user_pool=pool, app_clients=clients, federations=federations, cloud=cloud,
                             shards=shards, imports=imports)


def _read_state(state: Section) -> CloudBackendConfig | None:
    backend = state.text("backend", "local")
    if backend not in ("local", "cloud"):
        state.problem("backend", f"got {describe(backend)}; expected local or cloud")
        return None
    if backend == "local":
        if state.has("cloud"):
            state.problem("cloud", "set only with backend: cloud")
        return None
    cloud = state.section("cloud", CLOUD_KEYS, required=True)
    organization = cloud.text("organization", expected="the Terraform Cloud organization")
    hostname = cloud.text("hostname", DEFAULT_CLOUD_HOSTNAME)
    if cloud.has("workspace") == cloud.has("tags"):
        cloud.problems.add(cloud.path, "expected exactly one of workspace (a name) or tags (a list)")
        return None
    if cloud.has("workspace"):
        workspace: CloudWorkspaceByName | CloudWorkspaceByTags = CloudWorkspaceByName(
            cloud.text("workspace", pattern=WORKSPACE_PATTERN, expected="1-90 letters, digits, _ or -"))
    else:
        workspace = CloudWorkspaceByTags(cloud.text_list("tags", required=True))
    terraform_version = cloud.text("terraform_version", DEFAULT_CLOUD_TERRAFORM_VERSION,
                                   pattern=TERRAFORM_VERSION_PATTERN,
                                   expected="a Terraform version or constraint, e.g. 1.11.4 or ~> 1.11.0")
    return CloudBackendConfig(organization=organization, workspace=workspace, hostname=hostname,
                              terraform_version=terraform_version,
                              health_assessments=cloud.flag("health_assessments", True))
