"""`fedctl plan` and `fedctl apply`: init, a saved plan, its summary and review, then (apply) the plan."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from drift.plan_document import parse_plan, without_changes
from fedctl import exit_codes
from fedctl.commands.workdirs import (add_workdir_arguments, ensure_initialized, plan_file, terraform_failed,
                                      working_dirs)
from fedctl.errors import FedctlError
from fedctl.progress import step
from fedctl.version import VERSION
from gate.catalogue import load_catalogue
from plan_review.rules import review_plan
from plan_review.summary import render_summary_json, render_summary_markdown, summarize
from reports.console import render_console
from reports.files import write_reports
from reports.markdown import render_markdown
from reports.mermaid import render_mermaid
from runner.terraform import TerraformError, TerraformRunner

DEFAULT_REPORT_DIR = Path("fedctl-reports/plan")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name, help_text in (("plan", "init and plan each environment; summarize and review the plan"),
                            ("apply", "plan, review, then apply exactly that saved plan")):
        parser = subparsers.add_parser(
            name, help=help_text,
            description=f"{help_text[0].upper()}{help_text[1:]}. The review fails on replacing or deleting the "
                        "user pool, an identity provider, the Okta app, an app client or a domain, and on an app "
                        "client losing an identity provider, unless allowed with --allow-replace. Exit 0 no "
                        "changes (plan) or applied (apply), 2 changes (plan), 1 review failed or terraform failed.")
        add_workdir_arguments(parser)
        parser.add_argument("--allow-replace", action="append", default=[], metavar="ADDRESS",
                            help="accept replacing/deleting this resource address (a glob); repeatable")
        parser.add_argument("--report-dir", type=Path, default=DEFAULT_REPORT_DIR, metavar="DIR",
                            help="folder for <env>-plan.md, <env>-plan.json and the review reports "
                                 "(default: %(default)s)")
        if name == "apply":
            parser.add_argument("--yes", action="store_true", help="required: apply without asking")
        parser.set_defaults(handler=run, apply=name == "apply")


def run(args: argparse.Namespace) -> int:
    if args.apply and not args.yes:
        raise FedctlError("apply changes real infrastructure: pass --yes to confirm", exit_codes.FAILURE)
    catalogue = load_catalogue()
    outcome = exit_codes.OK
    for name, workdir in working_dirs(args):
        runner = TerraformRunner(workdir)
        with plan_file(workdir, args.keep_plan) as saved:
            try:
                ensure_initialized(name, runner)
                with step(f"{name}: terraform plan"):
                    result = runner.plan(saved)
                source = f"{name}: {saved.name}"
                # Without changes (`-detailed-exitcode` 0) there is nothing to summarize or review,
                # and `terraform show -json` would start every provider again (~2 s for hashicorp/aws).
                plan = parse_plan(runner.show_json(saved), source) if result.has_changes else without_changes(source)
            except TerraformError as error:
                raise terraform_failed(error) from error
            summary = summarize(plan)
            review = review_plan(plan, catalogue, args.allow_replace)
            stack_file = workdir / "cdk.tf.json"
            if stack_file.exists():
                stack = json.loads(stack_file.read_text(encoding="utf-8"))
                review = replace(review, diagrams=((name, render_mermaid(stack, {f.resource for f in review.blocking})),))
            args.report_dir.mkdir(parents=True, exist_ok=True)
            (args.report_dir / f"{name}-plan.md").write_text(
                render_summary_markdown(summary, f"fedctl plan: {name}") + "\n" + render_markdown(review))
            (args.report_dir / f"{name}-plan.json").write_text(render_summary_json(summary))
            write_reports(review, args.report_dir, f"{name}-plan-review", VERSION)
            imported = [f"{len(summary.imports)} to import"] if summary.imports else []
            print(f"{name}: " + ", ".join(imported + [f"{count} to {action}" for action, count in summary.counts.items()]))
            print(render_console(review))
            if not review.passed:
                outcome = exit_codes.FAILURE
                continue
            if args.apply and result.has_changes:
                try:
                    with step(f"{name}: terraform apply (the saved plan)"):
                        runner.apply(saved)
                except TerraformError as error:
                    raise terraform_failed(error) from error
            elif result.has_changes and outcome == exit_codes.OK:
                outcome = exit_codes.CHANGES
    print(f"reports: {args.report_dir}")
    return outcome
