"""`fedctl run-task serve`: the policy gate and the plan review as a Terraform Cloud run task.

Built from HashiCorp's "Run tasks integration API" page (api-docs/run-tasks/run-tasks-integration:
"Run Task Request", "Request Headers", "Run Task Callback", "Outcomes Payload Body") and "Set up run
task integrations" (integrations/run-tasks: the test POST on creation, "Securing your Run Task").
Where a shape was known only from the documentation's examples, the module that builds it says so.
"""
