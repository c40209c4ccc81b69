"""`fedctl drift`: a refresh-only plan (or a plan made elsewhere) → classified drift, for alerts."""

from __future__ import annotations

import argparse
from pathlib import Path

from drift.detector import DriftReport, detect_drift
from drift.plan_document import PlanFormatError, load_plan, parse_plan
from fedctl import exit_codes
from fedctl.commands.tfc_assessments import FROM_ENVIRONMENTS, assessment_plans
from fedctl.commands.workdirs import (add_workdir_arguments, ensure_initialized, plan_file, terraform_failed,
                                      working_dirs)
from fedctl.errors import FedctlError
from fedctl.progress import step
from reports.drift_report import write_drift_reports
from runner.terraform import TerraformError, TerraformRunner

DEFAULT_REPORT_DIR = Path("fedctl-reports/drift")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "drift", help="detect drift with a refresh-only plan (or a Terraform Cloud health assessment) and classify it",
        description="Runs a refresh-only plan (or reads --plan-json from elsewhere, or with --tfc the latest "
                    "health assessment of Terraform Cloud workspaces), "
                    "and classifies every drifted attribute: breaks sign-in or weakens security, cosmetic, or "
                    "known provider noise. Secrets are compared by hash and never shown. Exit 0 no drift (noise "
                    "only), 2 drift found, 1 error (also when a workspace's assessment is disabled, unfinished "
                    "or failed).")
    add_workdir_arguments(parser)
    parser.add_argument("--plan-json", type=Path, metavar="FILE",
                        help="classify this `terraform show -json` output instead of planning")
    parser.add_argument("--tfc", nargs="?", const=FROM_ENVIRONMENTS, metavar="ORG/WORKSPACE",
                        help="classify the latest health assessment of this Terraform Cloud workspace instead of "
                             "planning; without ORG/WORKSPACE, of every workspace of each --env (default: every "
                             "environment with state.backend: cloud). Token: TF_TOKEN_<hostname> or TFE_TOKEN; "
                             "address: the cloud block's hostname (TF_CLOUD_HOSTNAME for ORG/WORKSPACE) or "
                             "TFE_ADDRESS")
    parser.add_argument("--report-dir", type=Path, default=DEFAULT_REPORT_DIR, metavar="DIR",
                        help="folder for <name>-drift.md, .json and -junit.xml (default: %(default)s)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    reports: list[tuple[str, DriftReport]] = []
    unavailable: list[str] = []
    try:
        if args.plan_json is not None:
            if args.env or args.workdir or args.tfc:
                raise FedctlError("give --plan-json alone, without --env, --workdir or --tfc", exit_codes.FAILURE)
            reports.append((args.plan_json.stem, detect_drift(load_plan(args.plan_json))))
        elif args.tfc is not None:
            plans, unavailable = assessment_plans(args)
            reports += [(name, detect_drift(plan)) for name, plan in plans]
        else:
            for name, workdir in working_dirs(args):
                runner = TerraformRunner(workdir)
                with plan_file(workdir, args.keep_plan) as saved:
                    ensure_initialized(name, runner)
                    with step(f"{name}: refresh-only plan"):
                        runner.plan(saved, refresh_only=True)
                    reports.append((name, detect_drift(parse_plan(runner.show_json(saved), f"{name}: refresh-only plan"))))
    except PlanFormatError as error:
        raise FedctlError(str(error), exit_codes.FAILURE) from error
    except TerraformError as error:
        raise terraform_failed(error) from error
    for name, report in reports:
        print(write_drift_reports(report, args.report_dir, f"{name}-drift", f"fedctl drift: {name}"))
    print(f"reports: {args.report_dir}")
    if unavailable:
        # A workspace that could not be checked leaves the check incomplete: an error, even beside drift.
        return exit_codes.FAILURE
    return exit_codes.CHANGES if any(report.has_drift for _, report in reports) else exit_codes.OK
