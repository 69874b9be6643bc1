"""The broker's flow: how long messages from other replicas take to arrive (Redis), and
how many did not reach a subscriber, by reason.

A dashboard reads the lag histogram's quantiles for cross-replica delay and the drops'
rate for subscribers that fall behind (``queue_full``) or messages lost between
replicas (``transport``). Both are counted per process.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter

from ..broker.protocol import QUEUE_FULL, TRANSPORT
from .loop_histogram import LoopHistogram

LAG_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class BrokerMetrics:
    """The broker's :class:`~rangex_graphql.broker.protocol.BrokerObserver`."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.lag = LoopHistogram(
            "rangex_graphql_broker_lag_seconds",
            "Time from a message's publish on a replica to its arrival at this process "
            "through Redis (publisher's and reader's clocks)",
            buckets=LAG_BUCKETS,
            registry=registry,
        )
        self.drops = Counter(
            "rangex_graphql_broker_dropped_messages",
            "Messages that did not reach a subscriber in this process, per subscriber, by "
            "reason (queue_full: the subscriber fell behind; transport: lost between replicas)",
            ["reason"],
            registry=registry,
        )
        self._drops = {reason: self.drops.labels(reason) for reason in (QUEUE_FULL, TRANSPORT)}

    def arrived_after(self, seconds: float) -> None:
        self.lag.observe(seconds)

    def dropped(self, count: int, reason: str) -> None:
        self._drops[reason].inc(count)
