"""A local stand-in of the Terraform Cloud API for the tests (no Terraform Cloud can run here),
run as its own process on a loopback port: `python -m tests.tfc_stand_in --port 0`."""
