"""What the server tells about itself: Prometheus metrics of one app (its own registry,
``metrics.py``) and the hooks that feed them from the GraphQL view, the database client,
the orchestrator driver and the background jobs; the request ID bound while a request
runs (``request_ids.py``, on every log line); OpenTelemetry spans (``tracing.py``, an
optional extra). Nothing is collected unless enabled (``Settings``).
See docs/observability.md."""
