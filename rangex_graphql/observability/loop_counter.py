"""A counter for increments made on the event loop: no locks, and written to the text
format from its values (the request counter has a child per operation name: up to
``RANGEX_METRICS_MAX_OPERATION_NAMES`` times the outcomes). Same idea as
``loop_histogram.py``; ``collect()`` yields an ordinary counter family."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from prometheus_client import CollectorRegistry
from prometheus_client.metrics_core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

from .lazy_family import LazySamples
from .text_format import LabelTexts, labels_text, value_text


class LoopCounterChild:
    __slots__ = ("prefix", "value")

    def __init__(self, prefix: str) -> None:
        self.value = 0.0
        self.prefix = prefix  # the text before the line's value

    def inc(self, amount: float = 1) -> None:
        if amount < 0:
            raise ValueError("a counter only goes up")
        self.value += amount


class LoopCounterFamily(LazySamples, CounterMetricFamily):
    """What ``LoopCounter.collect`` yields."""

    def __init__(self, counter: LoopCounter) -> None:
        Metric.__init__(self, counter.name, counter.documentation, "counter")
        self._labelnames = counter.labelnames
        self._counter = counter

    def _build(self) -> None:
        for values, child in self._counter.children():
            CounterMetricFamily.add_metric(self, list(values), child.value)

    def text(self) -> str:
        return "".join(
            f"{child.prefix}{value_text(child.value)}\n" for _, child in self._counter.children()
        )


class LoopCounter(Collector):
    def __init__(
        self,
        name: str,
        documentation: str,
        labelnames: Sequence[str] = (),
        *,
        registry: CollectorRegistry | None = None,
    ) -> None:
        self.name = name.removesuffix("_total")
        self.documentation = documentation
        self.labelnames = tuple(labelnames)
        self._children: dict[tuple[str, ...], LoopCounterChild] = {}
        if not self.labelnames:
            self.labels()  # written from the start, as prometheus-client's is
        if registry is not None:
            registry.register(self)

    def labels(self, *values: str) -> LoopCounterChild:
        if len(values) != len(self.labelnames):
            raise ValueError(f"{self.name}: expected the labels {self.labelnames}")
        child = self._children.get(values)
        if child is None:
            texts: LabelTexts = {}
            labels = labels_text(texts, tuple(zip(self.labelnames, values, strict=True)))
            child = self._children[values] = LoopCounterChild(f"{self.name}_total{labels} ")
        return child

    def inc(self, amount: float = 1) -> None:
        """For a counter without labels."""
        self.labels().inc(amount)

    def children(self) -> list[tuple[tuple[str, ...], LoopCounterChild]]:
        return list(self._children.items())

    def describe(self) -> Iterable[Metric]:
        return [CounterMetricFamily(self.name, self.documentation, labels=self.labelnames)]

    def collect(self) -> Iterator[Metric]:
        yield LoopCounterFamily(self)
