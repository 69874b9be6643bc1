"""The platform budget for admins: status, daily usage, cost breakdowns, budgetUpdate."""
