"""The federation model at the bottom of the house: the domain's facts, the graph read from any
Terraform input (Terraform JSON, HCL through checkov's graph, plan JSON), which resource feeds
which, how values resolve and which resources a rule is about. Every stage imports it: config,
constructs, the checkov pack (a thin adapter), drift, audit and reports."""
