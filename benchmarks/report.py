"""Results of one run per driver: the printed tables, the driver comparison, the JSON file.

The API is measured with execution plans off, on, or both (one server each); the targets
apply to plans on when it was measured.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cases import Case
from load import LoadResult

PLANS_ON = "on"
PLANS_OFF = "off"


def primary_mode(modes: Sequence[str]) -> str:
    """The API configuration the targets apply to: plans on (the default) when measured."""
    return PLANS_ON if PLANS_ON in modes else modes[0]


@dataclass
class CaseResult:
    case: Case
    rangex: dict[str, LoadResult]  # by execution plans mode, "off" / "on"
    baseline: LoadResult
    rangex_statements: dict[str, int]  # by mode
    profile: list[str] = field(default_factory=list)

    @property
    def primary(self) -> str:
        return primary_mode(list(self.rangex))

    def ratio_of(self, mode: str) -> float:
        base = self.baseline.requests_per_second
        return self.rangex[mode].requests_per_second / base if base else 0.0

    @property
    def ratio(self) -> float:
        return self.ratio_of(self.primary)

    @property
    def plans_gain(self) -> float | None:
        """Requests/s with plans on over plans off, when both were measured."""
        if PLANS_ON not in self.rangex or PLANS_OFF not in self.rangex:
            return None
        off = self.rangex[PLANS_OFF].requests_per_second
        return self.rangex[PLANS_ON].requests_per_second / off if off else 0.0

    @property
    def passed(self) -> bool:
        return self.ratio >= self.case.target_ratio

    def as_json(self) -> dict[str, Any]:
        gain = self.plans_gain
        return {
            "case": self.case.key,
            "title": self.case.title,
            "viewer": str(self.case.viewer),
            "rangex": {
                mode: {**load.summary(), "sql_statements": self.rangex_statements[mode]}
                for mode, load in self.rangex.items()
            },
            "baseline": {
                **self.baseline.summary(),
                "sql_statements": self.case.baseline_statements,
            },
            "ratio": {mode: round(self.ratio_of(mode), 3) for mode in self.rangex},
            "plans_gain": None if gain is None else round(gain, 3),
            "target": self.case.target_ratio,
            "target_applies_to": f"plans {self.primary}",
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
    f"{'case':<38} {'server':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
    f"{'SQL/req':>7} {'CPU ms/req':>10} {'ratio':>6} {'target':>7} {'result':>6}"
)
LABEL_WIDTH = 38


def _row(label: str, server: str, load: LoadResult, statements: int) -> str:
    return (
        f"{label:<{LABEL_WIDTH}} {server:<10} {load.requests_per_second:>8.1f} "
        f"{load.percentile_ms(0.50):>8.2f} {load.percentile_ms(0.99):>8.2f} "
        f"{statements:>7} {load.server_cpu_ms_per_request:>10.2f}"
    )


def _case_rows(result: CaseResult) -> list[str]:
    """A row per API server (the targets' one with its verdict), then the baseline's."""
    rows = []
    label = f"({result.case.key}) {result.case.title}"
    for mode, load in result.rangex.items():
        row = _row(label, f"plans {mode}", load, result.rangex_statements[mode])
        row += f" {result.ratio_of(mode):>6.3f}"
        if mode == result.primary:
            verdict = "PASS" if result.passed else "FAIL"
            row += f" {'>= ' + format(result.case.target_ratio, 'g'):>7} {verdict:>6}"
        rows.append(row)
        label = ""
    rows.append(_row(label, "baseline", result.baseline, result.case.baseline_statements))
    loads = [*result.rangex.values(), result.baseline]
    failures = sum(load.failures for load in loads)
    if failures:
        rows.append(f"{'':<{LABEL_WIDTH}} !! {failures} answers were not 200 or carried errors")
    busy = max(load.client_cpu_share for load in loads)
    if busy > 0.8:
        rows.append(
            f"{'':<{LABEL_WIDTH}} !! the client used {busy:.0%} of a core: it may be the limit"
        )
    return rows


def table(run: DriverRun) -> str:
    modes = list(run.cases[0].rangex) if run.cases else []
    title = (
        f"driver {run.driver}, client {run.client}, concurrency {run.concurrency}, "
        f"{run.seconds:g} s per server and case in {run.rounds} alternating rounds, "
        f"after {run.warmup_seconds:g} s warm-up; API with execution plans "
        f"{' and '.join(modes)} (targets: plans {primary_mode(modes) if modes else '-'})"
    )
    lines = [title, HEADER, "-" * len(HEADER)]
    for result in run.cases:
        lines += _case_rows(result)
    return "\n".join(lines)


PLANS_HEADER = (
    f"{'case':<{LABEL_WIDTH}} {'baseline':>9} {'off req/s':>9} {'ratio':>6} "
    f"{'on req/s':>9} {'ratio':>6} {'on/off':>7}  {'CPU ms/req base / off / on':>26}"
)


def plans_table(run: DriverRun) -> str | None:
    """Plans off against plans on, a line per case; None unless both were measured."""
    if not run.cases or run.cases[0].plans_gain is None:
        return None
    lines = [f"execution plans off and on, driver {run.driver}", PLANS_HEADER]
    lines.append("-" * len(PLANS_HEADER))
    for result in run.cases:
        off, on = result.rangex[PLANS_OFF], result.rangex[PLANS_ON]
        cpu = " / ".join(
            f"{load.server_cpu_ms_per_request:.2f}" for load in (result.baseline, off, on)
        )
        lines.append(
            f"{'(' + result.case.key + ') ' + result.case.title:<{LABEL_WIDTH}} "
            f"{result.baseline.requests_per_second:>9.1f} "
            f"{off.requests_per_second:>9.1f} {result.ratio_of(PLANS_OFF):>6.3f} "
            f"{on.requests_per_second:>9.1f} {result.ratio_of(PLANS_ON):>6.3f} "
            f"{'x' + format(result.plans_gain, '.2f'):>7}  {cpu:>26}"
        )
    return "\n".join(lines)


def driver_comparison(first: DriverRun, second: DriverRun) -> tuple[str, dict[str, Any]]:
    """One line: rangex throughput with ``first``'s driver over ``second``'s, per case."""
    ratios: dict[str, float] = {}
    for a, b in zip(first.cases, second.cases, strict=True):
        base = b.rangex[b.primary].requests_per_second
        ratios[a.case.key] = a.rangex[a.primary].requests_per_second / base if base else 0.0
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
