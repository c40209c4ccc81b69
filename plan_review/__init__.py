"""What a plan will do, and the plan-only rules (rules section 2.J) that judge it."""
