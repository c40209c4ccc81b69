"""The live audit: what exists in Cognito and Okta, compared with what the stack declares."""
