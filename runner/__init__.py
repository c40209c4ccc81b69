"""The Terraform runner: argv builders, the binary (or the embedded engine), typed results."""
