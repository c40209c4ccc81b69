"""A local stand-in for the parts of Terraform Cloud / HCP Terraform the tests talk to, run as its own
process on loopback (`python -m tests.tfc_stand_in --port 0`). Nothing real can run here: Terraform
Cloud is a hosted service. Every shape it sends or accepts is taken from HashiCorp's API
documentation (each route module names its pages); where the documentation gives only an example,
the example is what is followed. Route modules: `api` (workspaces, run triggers, health
assessments) and `run_tasks` (signed run-task requests, plan JSON, callbacks)."""
