"""Scenario authoring: scenarios, versions, their machines and questions, and review."""
