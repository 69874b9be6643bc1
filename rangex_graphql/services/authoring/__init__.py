"""Scenario authoring: content, validation, the review workflow, content as code."""
