"""Creator test runs in GraphQL: ``VersionTestRun``, its mutations and ``testRunUpdated``."""
