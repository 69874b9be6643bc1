"""What each fault run shares: its settings (``Run``), its result row (``FaultResult``)
and the printed table."""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fault_checks import Check, EngineView, converge
from fault_world import Tally, server_env


@dataclass
class FaultResult:
    fault: str
    engine: str
    tally: Tally
    check: Check | None = None
    converge_s: float | None = None
    lost: int = 0
    doubled: int = 0
    events: str = "-"  # published / received, where the fault is about delivery
    events_lost: int = 0
    notes: list[str] = field(default_factory=list)

    def misses(self, reconcile_interval: float) -> list[str]:
        missed = []
        if self.check is None:
            return ["not run"]
        if self.check is not None and self.check.inconsistent:
            missed.append("inconsistent")
        if self.check is not None and self.check.orphans:
            missed.append("orphans")
        if self.lost or self.doubled or self.events_lost:
            missed.append("lost/doubled")
        if self.tally.untyped:
            missed.append("untyped failures")
        if self.converge_s is None or self.converge_s > reconcile_interval:
            missed.append("convergence")
        return missed

    def as_json(self, reconcile_interval: float) -> dict[str, Any]:
        check = self.check or Check()
        return {
            "fault": self.fault,
            "engine": self.engine,
            "requests": self.tally.sent,
            "codes": dict(self.tally.codes),
            "failed": self.tally.failed,
            "untyped": self.tally.untyped,
            "slowest_request_s": round(self.tally.slowest, 3),
            "inconsistent": check.inconsistent,
            "orphans": check.orphans,
            "transient_at_end": check.transient,
            "states": check.states,
            "answers_lost": self.lost,
            "answers_doubled": self.doubled,
            "events": self.events,
            "events_lost": self.events_lost,
            "converge_s": self.converge_s,
            "missed": self.misses(reconcile_interval),
            "notes": self.notes,
        }


@dataclass
class Run:
    args: argparse.Namespace
    workdir: Path

    @property
    def database_url(self) -> str:
        return str(self.args.database_url)

    def env(self, database_url: str | None = None, **extra: str) -> dict[str, str]:
        return server_env(
            {
                "RANGEX_DATABASE_URL": database_url or self.database_url,
                "RANGEX_JOBS_RECONCILE_INTERVAL_SECONDS": str(self.args.reconcile_interval),
                "RANGEX_SESSION_LEASE_SECONDS": "3",
                "RANGEX_ORCHESTRATOR": "simulated",
                "RANGEX_SIMULATED_DELAY_SCALE": "0.2",
                **extra,
            }
        )

    def proxied_database(self, port: int) -> str:
        return self.database_url.replace(":3306/", f":{port}/", 1)

    async def settle(self, engine: EngineView, since: float) -> tuple[Check, float | None]:
        return await converge(self.database_url, engine, since, self.args.converge_limit)


def now() -> float:
    return asyncio.get_running_loop().time()


# -- the table -------------------------------------------------------------------------------


def failure_summary(tally: Tally) -> str:
    failed = {code: n for code, n in tally.codes.items() if not code.startswith("payload:")}
    if not failed:
        return "0"
    return f"{sum(failed.values())}: " + ", ".join(
        f"{code} x{n}" for code, n in sorted(failed.items(), key=lambda kv: -kv[1])
    )


def table(results: list[FaultResult], reconcile_interval: float) -> str:
    head = (
        "| fault | engine | requests | failed (codes) | untyped | inconsistent | orphans "
        "| slowest s | answers lost/doubled | events | converge s | target |"
    )
    lines = [head, "|" + " --- |" * 12]
    for r in results:
        check = r.check or Check()
        missed = r.misses(reconcile_interval)
        converge_text = f"{r.converge_s:.1f}" if r.converge_s is not None else "not settled"
        lines.append(
            f"| {r.fault} | {r.engine} | {r.tally.sent} | {failure_summary(r.tally)} "
            f"| {r.tally.untyped} | {len(check.inconsistent)} | {check.orphans} "
            f"| {r.tally.slowest:.1f} | {r.lost}/{r.doubled} | {r.events} | {converge_text} "
            f"| {'met' if not missed else 'MISSED: ' + ', '.join(missed)} |"
        )
    lines.append(
        f"| targets | | | every failure typed (503 or payload code) | 0 | 0 | 0 | | 0/0 "
        f"| all delivered | <= {reconcile_interval:g} | |"
    )
    return "\n".join(lines)
