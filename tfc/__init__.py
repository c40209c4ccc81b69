"""The Terraform Cloud / HCP Terraform stage: its API, health assessments, the workspaces of an
environment, and fedctl's checks inside Terraform Cloud runs (the run task)."""

JSON_API = "application/vnd.api+json"
"""The media type of every Terraform Cloud API document (JSON:API), run-task callbacks included."""
