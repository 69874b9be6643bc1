"""Content as code over GraphQL: ``scenarioExport`` and ``scenarioImport``."""
