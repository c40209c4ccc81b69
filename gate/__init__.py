"""The policy gate: runs checkov with the federation pack, applies suppressions, decides."""
