"""What JSON logs cost a line and traces cost a request, in-process.

**Logs**: the same records (a request error's INFO line with its fields, and an ERROR with
a traceback) written through the text and the JSON formatter to /dev/null with a request
ID bound, in alternating rounds; CPU µs per line of each.

**Traces**: as ``metrics_overhead.py`` (whose app and rounds it reuses), one app with
tracing on (``RANGEX_OTEL_ENDPOINT``), switched off and on in ABBA rounds: off, the view
has no tracing, the statement hook and the connection wrappers' hook are taken away (the
path without tracing); on, every span goes through the real ``BatchSpanProcessor`` and
OTLP/HTTP exporter to a stub collector in another process (its CPU not counted, the
exporter thread's is: ``process_time`` counts every thread of this process).

``--sample 0.1`` keeps one request in ten (OpenTelemetry's own sampler settings,
``OTEL_TRACES_SAMPLER=parentbased_traceidratio``, ``OTEL_TRACES_SAMPLER_ARG``).

    .venv/bin/python benchmarks/logs_traces_overhead.py
    .venv/bin/python benchmarks/logs_traces_overhead.py --requests 10000 --lines 100000
    .venv/bin/python benchmarks/logs_traces_overhead.py --sample 0.1
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH_DIR.parent), str(BENCH_DIR)]

from metrics_overhead import App, build, print_comparison, seeded_database  # noqa: E402

from rangex_graphql.log_setup import FORMAT, json_formatter  # noqa: E402
from rangex_graphql.observability.request_ids import bound_request_id  # noqa: E402
from rangex_graphql.observability.sql_statements import (  # noqa: E402
    STATEMENT_LOGGER,
    count_statements,
)

# A collector's OTLP/HTTP traces endpoint that answers 200 to every export.
STUB_COLLECTOR = """
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class Stub(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers["content-length"]))
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


# --- logs ------------------------------------------------------------------------------


def log_lines(formatter: logging.Formatter, lines: int, with_traceback: bool) -> float:
    """CPU µs per line written through ``formatter`` to /dev/null."""
    logger = logging.Logger("rangex_graphql.errors", logging.INFO)  # outside the manager
    with open(os.devnull, "w") as null:
        handler = logging.StreamHandler(null)
        handler.setFormatter(formatter)
        logger.addHandler(handler)
        error = None
        try:
            raise RuntimeError("the tags table is gone")
        except RuntimeError as raised:
            error = raised
        fields = {
            "operation": "Catalog",
            "document": "5e223c7ce0d7f398",
            "request_id": "17ecd766bf1a4e0a8f95c187ccd32aa5",
        }
        where = "operation Catalog, document 5e223c7ce0d7f398, request id 17ecd766bf1a4e0a8f95c1"
        with bound_request_id("17ecd766bf1a4e0a8f95c187ccd32aa5"):
            started = time.process_time()
            for _ in range(lines):
                if with_traceback:
                    logger.error(
                        "unexpected error at %s (%s)",
                        "scenarios.nodes.0.tags",
                        where,
                        exc_info=error,
                        extra={**fields, "error_codes": ["INTERNAL_SERVER_ERROR"]},
                    )
                else:
                    logger.info(
                        "GraphQL request error: %s (%s)",
                        "FORBIDDEN at users",
                        where,
                        extra={**fields, "error_codes": ["FORBIDDEN"]},
                    )
            return 1e6 * (time.process_time() - started) / lines


def compare_logs(lines: int, rounds: int) -> None:
    print(f"logs: {lines} lines per kind and format, {rounds} rounds (CPU µs per line)")
    print(f"{'line':12} {'text':>7} {'json':>7} {'Δ':>7}")
    formatters = {"text": logging.Formatter(FORMAT), "json": json_formatter()}
    for kind, with_traceback in (("info", False), ("traceback", True)):
        timings: dict[str, list[float]] = {"text": [], "json": []}
        per_round = lines // rounds
        for turn in range(rounds):
            order = ("text", "json") if turn % 2 == 0 else ("json", "text")
            for name in order:
                gc.collect()
                timings[name].append(log_lines(formatters[name], per_round, with_traceback))
        text, json_ = statistics.median(timings["text"]), statistics.median(timings["json"])
        print(f"{kind:12} {text:7.1f} {json_:7.1f} {json_ - text:7.1f}")


# --- traces ----------------------------------------------------------------------------


def switch_tracing(app: App, on: bool) -> None:
    """Tracing on the request path on or off (the runtime keeps its provider)."""
    from tortoise.backends.base.client import ConnectionWrapper, PoolConnectionWrapper

    from rangex_graphql.observability.spans import end_statement_spans_on_release

    app.view.tracing = app.runtime.tracing if on else None
    if on:
        count_statements()
        end_statement_spans_on_release()
        return
    logging.getLogger(STATEMENT_LOGGER).__dict__.pop("debug", None)  # Logger.debug
    for wrapper in (ConnectionWrapper, PoolConnectionWrapper):
        original = getattr(wrapper.__aexit__, "__wrapped__", None)
        if original is not None:
            wrapper.__aexit__ = original  # type: ignore[method-assign]


async def traces(arguments: argparse.Namespace, endpoint: str) -> None:
    async with seeded_database(
        "rangex-traces-bench-", arguments.scenarios, otel_endpoint=endpoint
    ) as settings:
        app = build(settings)
        sampled = f", {arguments.sample:g} sampled" if arguments.sample is not None else ""
        print(f"traces: {arguments.requests} requests per case{sampled}, off and on, ABBA rounds")
        await print_comparison(
            app, arguments.requests, arguments.rounds, lambda on: switch_tracing(app, on)
        )
        await app.client.aclose()
        await app.runtime.aclose()  # the last batch exported


def main(arguments: argparse.Namespace) -> None:
    if arguments.sample is not None:  # read when the tracer provider is made
        os.environ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio"
        os.environ["OTEL_TRACES_SAMPLER_ARG"] = str(arguments.sample)
    if arguments.lines:
        compare_logs(arguments.lines, arguments.rounds)
    collector = subprocess.Popen(
        [sys.executable, "-c", STUB_COLLECTOR], stdout=subprocess.PIPE, text=True
    )
    try:
        assert collector.stdout is not None
        port = int(collector.stdout.readline())
        asyncio.run(traces(arguments, f"http://127.0.0.1:{port}"))
    finally:
        collector.terminate()
        collector.wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per case and mode")
    parser.add_argument("--lines", type=int, default=20000, help="log lines per kind and format")
    parser.add_argument("--rounds", type=int, default=10, help="rounds the work splits into")
    parser.add_argument("--scenarios", type=int, default=20, help="scenarios seeded")
    parser.add_argument("--sample", type=float, help="share of requests traced (default: all)")
    main(parser.parse_args())
