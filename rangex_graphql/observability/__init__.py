"""Prometheus metrics of one app: its own registry (``metrics.py``), and the hooks that
feed it from the GraphQL view, the database client, the orchestrator driver and the
background jobs. Nothing here is collected unless metrics are enabled (``Settings``).
See docs/observability.md."""
