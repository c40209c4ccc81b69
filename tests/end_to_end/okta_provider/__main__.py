"""Entry point Terraform starts (through the executable the test writes into a provider mirror)."""

from tf.runner import run_provider

from tests.end_to_end.okta_provider.resources import OktaStandInProvider

run_provider(OktaStandInProvider())
