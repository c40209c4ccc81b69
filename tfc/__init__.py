"""The Terraform Cloud / HCP Terraform stage: its API, health assessments, the workspaces of an
environment, and fedctl's checks inside Terraform Cloud runs (the run task)."""
