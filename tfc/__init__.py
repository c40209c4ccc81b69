"""The Terraform Cloud / HCP Terraform stage: fedctl's checks inside Terraform Cloud runs."""
