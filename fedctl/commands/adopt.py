"""`fedctl adopt`: a federation built by hand → an environment file whose first plan only imports."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from config.aws_regions import region_problem
from config.loader import ENVIRONMENT_NAME_PATTERN
from config.paths import shown_path
from fedctl import exit_codes
from fedctl.commands.synth import DEFAULT_CONFIG_DIR
from fedctl.errors import FedctlError
from fedctl.progress import step


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "adopt", help="turn a live federation into an environment file whose first plan only imports",
        description="Reads a user pool (its domains, identity providers and app clients) with read-only calls "
                    "and, with OKTA_ORG_URL and OKTA_API_TOKEN (or OAuth client credentials), the Okta app behind "
                    "each provider issued by --okta-issuer, its group assignments and sign-on policy. Writes "
                    "<config-dir>/<env>.yaml with every value taken from live and an imports: section, so the first "
                    "plan imports the pool, domains, identity providers, app clients and the Okta app instead of "
                    "creating them. Where live breaks a rule the configuration enforces, the compliant value is "
                    "written and listed with its rule id; where live holds what the configuration cannot express "
                    "(a SAML provider, a Lambda trigger, ...), adopt refuses with one line per blocker and writes "
                    "nothing. No secret is written or printed. Exit 0 written, 1 refused or failed.")
    parser.add_argument("--env", required=True, metavar="NAME", help="the environment to write (NAME.yaml)")
    pool = parser.add_mutually_exclusive_group(required=True)
    pool.add_argument("--user-pool-id", metavar="ID", help="the pool to adopt, e.g. eu-west-1_AbCdEf123")
    pool.add_argument("--user-pool-name", metavar="NAME", help="the pool to adopt, by its (unique) name")
    parser.add_argument("--region", required=True, metavar="REGION", help="the pool's AWS region")
    parser.add_argument("--config-dir", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR",
                        help="folder of environment YAML files (default: %(default)s)")
    parser.add_argument("--aws-endpoint-url", default=os.environ.get("FEDCTL_AWS_ENDPOINT_URL"), metavar="URL",
                        help="a Cognito-compatible endpoint instead of AWS (e.g. a local moto server)")
    parser.add_argument("--okta-issuer", default=None, metavar="URL",
                        help="the issuer Cognito is given for the Okta org, e.g. https://acme.okta.com "
                             "(default: OKTA_ORG_URL); providers of other issuers become kind: oidc")
    parser.add_argument("--production", action="store_true",
                        help="write production: true (stricter rules: deletion protection, no loopback callbacks)")
    parser.add_argument("--cloud-organization", metavar="ORG",
                        help="write state.backend cloud with this Terraform Cloud organization (default: local state)")
    parser.add_argument("--cloud-workspace", metavar="NAME", help="the Terraform Cloud workspace (with "
                                                                   "--cloud-organization; default: the environment name)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing environment file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: boto3 and the Okta SDK take ~0.3 s to import.
    from adopt.adopt import AdoptRequest, map_live
    from adopt.environment_file import write_checked
    from audit.aws_reader import cognito_client, find_pool_id, read_pool_whole
    from audit.errors import AuditError
    from audit.okta_reader import okta_config_from_environment, read_okta_app

    if not ENVIRONMENT_NAME_PATTERN.match(args.env):
        raise FedctlError(f"--env {args.env!r}: expected 1-31 lower-case letters, digits or hyphens, starting "
                          "with a letter", exit_codes.FAILURE)
    problem = region_problem(args.region)
    if problem:
        raise FedctlError(f"--region {args.region!r}: {problem}", exit_codes.FAILURE)
    target = args.config_dir / f"{args.env}.yaml"
    existing = [path for path in (target, target.with_suffix(".yml")) if path.exists()]
    if existing and not args.force:
        raise FedctlError(f"{shown_path(existing[0])} already exists; pass --force to overwrite it",
                          exit_codes.FAILURE)
    try:
        okta_config = okta_config_from_environment()
        issuer = args.okta_issuer or (okta_config["orgUrl"] if okta_config else None)
        client = cognito_client(args.region, args.aws_endpoint_url)
        with step(f"reading Cognito ({args.user_pool_id or args.user_pool_name}, {args.region})"):
            live = read_pool_whole(client, find_pool_id(client, args.user_pool_id, args.user_pool_name))
        print(f"fedctl: read {len(live['providers'])} identity providers and {len(live['clients'])} app clients",
              file=sys.stderr)
        if okta_config is None:
            print("fedctl: Okta not read (set OKTA_ORG_URL and OKTA_API_TOKEN): Okta-issued providers are adopted "
                  "as kind oidc and their Okta apps stay unmanaged", file=sys.stderr)
        state = ({"backend": "cloud", "cloud": {"organization": args.cloud_organization,
                                                "workspace": args.cloud_workspace or args.env}}
                 if args.cloud_organization else {"backend": "local"})
        request = AdoptRequest(region=args.region, production=args.production, okta_issuer=issuer, state=state)
        with step("reading Okta and mapping the federation"):
            adoption = map_live(live, request, (lambda client_id: read_okta_app(okta_config, client_id))
                                if okta_config is not None else None)
    except AuditError as error:
        raise FedctlError(str(error), exit_codes.FAILURE) from error
    if adoption.blockers:
        for line in adoption.blockers:
            print(f"fedctl: cannot adopt: {line}", file=sys.stderr)
        raise FedctlError(f"{len(adoption.blockers)} blocker(s); nothing written", exit_codes.FAILURE)
    write_checked(target, adoption.document)
    print(f"{shown_path(target)}: written; the first plan imports {len(adoption.imports)} resources")
    for fix in adoption.fixes:
        print(f"fix: {fix.line()}")
    for note in adoption.notes:
        print(f"note: {note}")
    return exit_codes.OK
