"""The process series: prometheus-client's names, types and help, the same values, and
the open descriptors counted without listing them where the kernel gives the count."""

from __future__ import annotations

import os
import socket
from typing import Any

import pytest
from prometheus_client import CollectorRegistry, ProcessCollector

from rangex_graphql.observability import process_metrics
from rangex_graphql.observability.process_metrics import ProcessMetrics, open_descriptors

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="Linux /proc only")


def families(collector: Any) -> dict[str, tuple[str, str, float]]:
    return {
        family.name: (family.type, family.documentation, family.samples[0].value)
        for family in collector.collect()
    }


def test_the_series_are_prometheus_clients() -> None:
    ours = families(ProcessMetrics(CollectorRegistry()))
    theirs = families(ProcessCollector(registry=None))
    assert list(ours) == list(theirs)
    for name, (kind, documentation, value) in theirs.items():
        assert ours[name][:2] == (kind, documentation)
        if name in ("process_cpu_seconds", "process_resident_memory_bytes"):
            assert ours[name][2] == pytest.approx(value, rel=0.2)
        elif name == "process_open_fds":  # upstream counts the descriptor its listing holds
            assert ours[name][2] == value - 1
        else:
            assert ours[name][2] == value, name


def test_open_descriptors_follow_the_sockets_opened() -> None:
    before = open_descriptors()
    sockets = [socket.socket() for _ in range(50)]
    try:
        assert open_descriptors() == before + 50
        assert open_descriptors() == len(os.listdir("/proc/self/fd")) - 1  # listdir's own
    finally:
        for sock in sockets:
            sock.close()
    assert open_descriptors() == before


def test_a_kernel_without_the_count_has_the_directory_listed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = os.stat(process_metrics.PROC + "/fd")
    listed = len(os.listdir(process_metrics.PROC + "/fd"))

    class NoSize:
        st_size = 0

    monkeypatch.setattr(os, "stat", lambda path: NoSize())
    assert real.st_size > 0  # this kernel gives it; the patched one does not
    assert abs(open_descriptors() - listed) <= 1
