"""OpenTelemetry traces, an optional extra (``pip install 'rangex-graphql[otel]'``).

Off unless ``RANGEX_OTEL_ENDPOINT`` is set: then nothing here imports OpenTelemetry, no
span is made and the request path pays one ``None`` check. On, :func:`build_tracing`
imports ``spans.py`` (the OpenTelemetry side: a span per GraphQL request over HTTP, a
child span per SQL statement and per orchestrator call, exported over OTLP/HTTP), or
stops the start-up with :class:`TracingUnavailable` when the extra is not installed.
See docs/observability.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..settings import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace.export import SpanExporter

    from .label_values import BoundedLabel
    from .spans import Tracing

INSTALL_HINT = "pip install 'rangex-graphql[otel]'"


class TracingUnavailable(RuntimeError):
    """The endpoint is set, the OpenTelemetry packages are not installed."""


def build_tracing(
    settings: Settings,
    exporter: SpanExporter | None = None,
    operation_names: BoundedLabel | None = None,
) -> Tracing | None:
    """The app's tracing, None when ``RANGEX_OTEL_ENDPOINT`` is unset.

    ``exporter``: where spans go instead of the OTLP collector, each as it ends (tests,
    benchmarks: the SDK's ``InMemorySpanExporter``). ``operation_names``: the metrics'
    bounded operation names, so that span names and metric labels agree.
    """
    if settings.otel_endpoint is None:
        return None
    check_tracing_available(settings)
    from .spans import Tracing

    return Tracing(settings, exporter=exporter, operation_names=operation_names)


def check_tracing_available(settings: Settings) -> None:
    """Raises :class:`TracingUnavailable` when tracing is configured but cannot run."""
    if settings.otel_endpoint is None:
        return
    try:
        import opentelemetry.exporter.otlp.proto.http.trace_exporter
        import opentelemetry.sdk.trace  # noqa: F401
    except ImportError as missing:
        raise TracingUnavailable(
            f"RANGEX_OTEL_ENDPOINT is set ({settings.otel_endpoint}) but OpenTelemetry is "
            f"not installed ({missing.name or missing}): install the extra with "
            f"`{INSTALL_HINT}`, or unset RANGEX_OTEL_ENDPOINT"
        ) from None
