"""`fedctl gate`: synthesize (or take a path), run the policy pack on checkov, decide, report."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from fedctl import exit_codes
from fedctl.commands.synth import add_config_arguments, load_selected, synthesize_environments
from fedctl.errors import FedctlError
from fedctl.progress import step
from fedctl.version import VERSION
from gate.catalogue import POLICIES_DIR, checked_rule_ids, load_catalogue
from gate.checkov_scan import PendingScan
from gate.decision import build_report
from gate.errors import GateInputError, GateInternalError
from federation.redaction import safe_text
from gate.input_forms import detect_form, secrets_in
from gate.suppressions import load_suppressions
from reports.console import render_console
from reports.files import write_reports
from reports.mermaid import render_mermaid
from reports.model import Severity

DEFAULT_SUPPRESSIONS = Path("gate-suppressions.yaml")
DEFAULT_REPORT_DIR = Path("fedctl-reports/gate")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "gate", help="check the federation against the policy pack (synthesized stacks, HCL, tf.json or plan JSON)",
        description="Runs checkov with the federation policy pack (policies/) and checkov's own checks on "
                    "the Cognito and Okta resources, applies suppressions and decides. Exit 0 pass, 1 policy "
                    "failure (or an expired/invalid suppression), 3 internal error (checkov crashed, a rule broke).")
    add_config_arguments(parser)
    parser.add_argument("--path", type=Path, metavar="DIR_OR_FILE",
                        help="gate existing Terraform instead: an HCL folder, *.tf.json, or `terraform show -json` "
                             "plan output (no synthesis)")
    parser.add_argument("--severity-threshold", default="HIGH", metavar="LEVEL",
                        choices=[s.name for s in Severity],
                        help="fail on findings of this severity and above: CRITICAL, HIGH, MEDIUM, LOW, INFO "
                             "(default: %(default)s)")
    parser.add_argument("--suppressions", type=Path, default=DEFAULT_SUPPRESSIONS, metavar="FILE",
                        help="suppressions file: rule, resource, reason, owner, expires (default: %(default)s, "
                             "if present)")
    parser.add_argument("--policies-dir", type=Path, default=POLICIES_DIR, metavar="DIR",
                        help="the checkov policy pack to run (default: this project's policies/)")
    parser.add_argument("--report-dir", type=Path, default=DEFAULT_REPORT_DIR, metavar="DIR",
                        help="folder for gate.json, gate.sarif, gate-junit.xml, gate-codequality.json and gate.md "
                             "(default: %(default)s)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    catalogue = load_catalogue()
    try:
        if args.path is not None:
            if args.env:
                raise GateInputError("give either --env or --path, not both")
            form, targets = detect_form(args.path), [args.path]
            pending = PendingScan(form, args.policies_dir, with_secrets=form != "terraform_plan")
        else:
            form = "terraform_json"
            # checkov imports in its own process (about 1.6 s) while this one reads the environments
            # and synthesizes: started first, as it is the example gate's critical path.
            pending = PendingScan(form, args.policies_dir, with_secrets=True)
            try:
                environments = load_selected(args)
                written = synthesize_environments(environments, args.outdir)
            except BaseException:
                pending.cancel()
                raise
            targets = [path.parent for path in written.values()]
        suppressions, problems = load_suppressions(args.suppressions, date.today())
        with step(f"running checkov with the federation pack ({form})"):
            result = pending.finish(targets, checked_rule_ids(catalogue))
    except GateInputError as error:
        raise FedctlError(str(error), exit_codes.FAILURE) from error
    except GateInternalError as error:
        log = _write_log(args.report_dir, error.log)
        raise FedctlError(f"gate could not decide, failing closed: {error}" + (f" (checkov log: {log})" if log else ""),
                          exit_codes.INTERNAL_ERROR) from error
    report = build_report("fedctl gate", [str(t) for t in targets], [result], catalogue, suppressions, problems,
                          Severity[args.severity_threshold])
    diagrams = _diagrams(targets, {f.resource for f in report.blocking}) if form == "terraform_json" else ()
    report = replace(report, diagrams=diagrams, secrets=secrets_in(targets, form))
    paths = write_reports(report, args.report_dir, "gate", VERSION)
    print(render_console(report))
    print(safe_text("reports: " + ", ".join(str(p) for p in paths)))
    return exit_codes.OK if report.passed else exit_codes.FAILURE


def _diagrams(targets: list[Path], failing: set[str]) -> tuple[tuple[str, str], ...]:
    """One federation graph per synthesized stack, failing resources marked."""
    stacks = [path for target in targets for path in ([target] if target.is_file() else sorted(target.rglob("*.tf.json")))]
    return tuple((path.parent.name, render_mermaid(json.loads(path.read_text(encoding="utf-8")), failing))
                 for path in stacks)


def _write_log(folder: Path, text: str) -> Path | None:
    if not text:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "checkov.log"
    path.write_text(text, encoding="utf-8")
    return path
