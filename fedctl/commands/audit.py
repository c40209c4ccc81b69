"""`fedctl audit`: the live federation against what the stack declares (read-only)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from audit.errors import AuditError
from fedctl import exit_codes
from fedctl.commands.synth import add_config_arguments, load_selected, synthesize_environments
from fedctl.errors import FedctlError
from fedctl.progress import step
from federation.cross_stack import joined_stack, load_json
from reports.drift_report import write_drift_reports

DEFAULT_REPORT_DIR = Path("fedctl-reports/audit")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "audit", help="compare the live Cognito federation with the stack (read-only)",
        description="Reads the user pool, its identity providers, app clients and domains with read-only "
                    "calls (the standard AWS credential chain) and reports what is unmanaged, missing or "
                    "changed, classified as drift is; with OKTA_ORG_URL and OKTA_API_TOKEN (or OAuth client "
                    "credentials) also the Okta app's settings, its group assignments and whether Okta and "
                    "Cognito hold the same client secret (compared by hash). Exit 0 clean, 2 findings, 1 error.")
    add_config_arguments(parser)
    parser.add_argument("--aws-endpoint-url", default=os.environ.get("FEDCTL_AWS_ENDPOINT_URL"), metavar="URL",
                        help="a Cognito-compatible endpoint instead of AWS (e.g. a local moto server)")
    parser.add_argument("--report-dir", type=Path, default=DEFAULT_REPORT_DIR, metavar="DIR",
                        help="folder for <env>-audit.md, .json and -junit.xml (default: %(default)s)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: boto3 and the Okta SDK take ~0.3 s to import, which every other command would pay.
    from audit.aws_reader import read_cognito
    from audit.compare import compare
    from audit.declared import declared_from_stack
    from audit.live import LiveFederation
    from audit.okta_reader import okta_config_from_environment, read_okta

    environments = load_selected(args)
    written = synthesize_environments(environments, args.outdir)
    try:
        okta_config = okta_config_from_environment()
    except AuditError as error:
        raise FedctlError(str(error), exit_codes.FAILURE) from error
    drift_found = False
    for name in (environment.name for environment in environments):
        # A sharded environment is audited as a whole: its stacks joined as the gate joins them.
        declared = declared_from_stack(joined_stack(str(written[name]), load_json))
        try:
            with step(f"{name}: reading Cognito ({declared.pool_name}, {declared.region})"):
                live = read_cognito(declared, endpoint_url=args.aws_endpoint_url)
            kinds: tuple[str, ...] = ("identity_provider", "app_client", "domain")
            okta_secrets = None
            if okta_config is not None and declared.of_kind("okta_app"):
                with step(f"{name}: reading Okta ({okta_config['orgUrl']})"):
                    okta_objects, okta_secrets = read_okta(declared, okta_config)
                live = LiveFederation(objects=live.objects + okta_objects, secret_fingerprints=live.secret_fingerprints)
                kinds += ("okta_app", "okta_assignment")
            elif declared.of_kind("okta_app"):
                print(f"fedctl: {name}: Okta side not read (set OKTA_ORG_URL and OKTA_API_TOKEN)", file=sys.stderr)
        except AuditError as error:
            raise FedctlError(f"{name}: {error}", exit_codes.FAILURE) from error
        report = compare(declared, live, f"live audit of {name}", kinds, okta_secrets)
        print(write_drift_reports(report, args.report_dir, f"{name}-audit", f"fedctl audit: {name}"))
        drift_found = drift_found or report.has_drift
    print(f"reports: {args.report_dir}")
    return exit_codes.CHANGES if drift_found else exit_codes.OK
