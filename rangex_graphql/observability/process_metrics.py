"""The process's own series (CPU, memory, start time, file descriptors), with the names
and meaning of prometheus-client's ``ProcessCollector``, for less CPU per scrape.

prometheus-client counts open file descriptors by listing ``/proc/<pid>/fd``: a server
with 1,000 WebSocket subscribers holds over 1,000 descriptors, and that listing alone
took 0.55 ms a scrape, half of it. Linux 6.2 and later give the count as the size of
that directory (one ``stat``, about 3 µs); on older kernels the size is 0 and the
directory is listed as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from prometheus_client import CollectorRegistry
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

PROC = "/proc/self"


def _boot_time() -> float | None:
    try:
        with open("/proc/stat", "rb") as stat:
            for line in stat:
                if line.startswith(b"btime "):
                    return float(line.split()[1])
    except OSError:
        pass
    return None


def open_descriptors(fd_dir: str = f"{PROC}/fd") -> int:
    size = os.stat(fd_dir).st_size
    return size if size > 0 else len(os.listdir(fd_dir))


class ProcessMetrics(Collector):
    def __init__(self, registry: CollectorRegistry) -> None:
        self._boot = _boot_time()  # None: no /proc (not Linux): no series, as upstream
        self._ticks = os.sysconf("SC_CLK_TCK") if self._boot is not None else 100
        self._page = os.sysconf("SC_PAGE_SIZE") if self._boot is not None else 4096
        registry.register(self)

    def describe(self) -> Iterable[Metric]:
        return self.collect()

    def collect(self) -> Iterable[Metric]:
        if self._boot is None:
            return []
        families: list[Metric] = []
        try:
            with open(f"{PROC}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[-1].split()
            ticks = self._ticks
            families += [
                GaugeMetricFamily(
                    "process_virtual_memory_bytes",
                    "Virtual memory size in bytes.",
                    value=float(fields[20]),
                ),
                GaugeMetricFamily(
                    "process_resident_memory_bytes",
                    "Resident memory size in bytes.",
                    value=float(fields[21]) * self._page,
                ),
                GaugeMetricFamily(
                    "process_start_time_seconds",
                    "Start time of the process since unix epoch in seconds.",
                    value=float(fields[19]) / ticks + self._boot,
                ),
                CounterMetricFamily(
                    "process_cpu_seconds",
                    "Total user and system CPU time spent in seconds.",
                    value=(float(fields[11]) + float(fields[12])) / ticks,
                ),
            ]
        except OSError:
            pass
        try:
            families.append(
                GaugeMetricFamily(
                    "process_open_fds",
                    "Number of open file descriptors.",
                    value=float(open_descriptors()),
                )
            )
            with open(f"{PROC}/limits", "rb") as limits:
                for line in limits:
                    if line.startswith(b"Max open files"):
                        families.append(
                            GaugeMetricFamily(
                                "process_max_fds",
                                "Maximum number of open file descriptors.",
                                value=float(line.split()[3]),
                            )
                        )
                        break
        except OSError:
            pass
        return families
