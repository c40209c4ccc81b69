"""Terraform Cloud / HCP Terraform stage: its API, health assessments and the workspaces of an environment."""
