"""Creator test runs: a version run on the configured engine as a test session, checked."""
