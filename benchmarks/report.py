"""Results of one run per driver: the printed table, the driver comparison, the JSON file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cases import Case
from load import LoadResult


@dataclass
class CaseResult:
    case: Case
    rangex: LoadResult
    baseline: LoadResult
    rangex_statements: int
    profile: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        base = self.baseline.requests_per_second
        return self.rangex.requests_per_second / base if base else 0.0

    @property
    def passed(self) -> bool:
        return self.ratio >= self.case.target_ratio

    def as_json(self) -> dict[str, Any]:
        return {
            "case": self.case.key,
            "title": self.case.title,
            "viewer": str(self.case.viewer),
            "rangex": {**self.rangex.summary(), "sql_statements": self.rangex_statements},
            "baseline": {
                **self.baseline.summary(),
                "sql_statements": self.case.baseline_statements,
            },
            "ratio": round(self.ratio, 3),
            "target": self.case.target_ratio,
            "passed": self.passed,
            "rangex_profile": self.profile,
        }


@dataclass
class DriverRun:
    driver: str
    client: str
    concurrency: int
    seconds: float
    warmup_seconds: float
    rounds: int
    cases: list[CaseResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.cases)

    def as_json(self) -> dict[str, Any]:
        return {
            "driver": self.driver,
            "client": self.client,
            "concurrency": self.concurrency,
            "seconds": self.seconds,
            "warmup_seconds": self.warmup_seconds,
            "rounds": self.rounds,
            "cases": [result.as_json() for result in self.cases],
        }


HEADER = (
    f"{'case':<38} {'server':<9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
    f"{'SQL/req':>7} {'CPU ms/req':>10} {'ratio':>6} {'target':>7} {'result':>6}"
)


def _row(label: str, server: str, load: LoadResult, statements: int) -> str:
    return (
        f"{label:<38} {server:<9} {load.requests_per_second:>8.1f} "
        f"{load.percentile_ms(0.50):>8.2f} {load.percentile_ms(0.99):>8.2f} "
        f"{statements:>7} {load.server_cpu_ms_per_request:>10.2f}"
    )


def table(run: DriverRun) -> str:
    title = (
        f"driver {run.driver}, client {run.client}, concurrency {run.concurrency}, "
        f"{run.seconds:g} s per server and case in {run.rounds} alternating rounds, "
        f"after {run.warmup_seconds:g} s warm-up"
    )
    lines = [title, HEADER, "-" * len(HEADER)]
    for result in run.cases:
        label = f"({result.case.key}) {result.case.title}"
        verdict = "PASS" if result.passed else "FAIL"
        lines.append(
            _row(label, "rangex", result.rangex, result.rangex_statements)
            + f" {result.ratio:>6.3f} {'>= ' + format(result.case.target_ratio, 'g'):>7}"
            + f" {verdict:>6}"
        )
        lines.append(_row("", "baseline", result.baseline, result.case.baseline_statements))
        failures = result.rangex.failures + result.baseline.failures
        if failures:
            lines.append(f"{'':<38} !! {failures} answers were not 200 or carried errors")
        busy = max(result.rangex.client_cpu_share, result.baseline.client_cpu_share)
        if busy > 0.8:
            lines.append(f"{'':<38} !! the client used {busy:.0%} of a core: it may be the limit")
    return "\n".join(lines)


def driver_comparison(first: DriverRun, second: DriverRun) -> tuple[str, dict[str, Any]]:
    """One line: rangex throughput with ``first``'s driver over ``second``'s, per case."""
    ratios: dict[str, float] = {}
    for a, b in zip(first.cases, second.cases, strict=True):
        base = b.rangex.requests_per_second
        ratios[a.case.key] = a.rangex.requests_per_second / base if base else 0.0
    parts = ", ".join(f"({key}) x{ratio:.2f}" for key, ratio in ratios.items())
    wins = sum(ratio > 1.0 for ratio in ratios.values())
    if wins == len(ratios):
        verdict = f"{first.driver} is faster on every case: keeping it the default is confirmed"
    elif wins == 0:
        verdict = f"{second.driver} is faster on every case: the default should change"
    else:
        verdict = f"mixed: {first.driver} wins {wins} of {len(ratios)} cases"
    line = f"rangex req/s {first.driver} / {second.driver}: {parts} -> {verdict}"
    return line, {
        "rangex_throughput_ratio": {k: round(v, 3) for k, v in ratios.items()},
        "verdict": verdict,
    }


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n")
