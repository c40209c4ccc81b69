"""fedctl: Okta → Cognito federation as code (synthesis now; gate, plan, drift and audit later)."""
