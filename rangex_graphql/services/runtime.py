"""Process-wide collaborators of the services, built once per app from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..mail import Mailer, build_mailer
from ..settings import Settings
from .tokens import LoginGuard

if TYPE_CHECKING:
    from ..api.limits.budget import CostBudget


class NoLoginGuard:
    """Lets every attempt through; for tests of other rules only."""

    async def check(self, account_key: str, ip: str) -> object:
        return None

    async def record_failure(self, account_key: str, ip: str) -> None:
        return None

    async def record_success(self, account_key: str, ip: str) -> None:
        return None

    async def aclose(self) -> None:
        return None


@dataclass
class Runtime:
    settings: Settings
    mailer: Mailer
    login_guard: LoginGuard
    # Per-viewer query cost budget (api/limits); None: no budget.
    cost_budget: CostBudget | None = None

    async def aclose(self) -> None:
        await self.login_guard.aclose()
        if self.cost_budget is not None:
            await self.cost_budget.aclose()


def build_runtime(settings: Settings, login_guard: LoginGuard | None = None) -> Runtime:
    from ..api.limits.budget import build_cost_budget
    from ..security.throttle import build_login_throttle

    return Runtime(
        settings=settings,
        mailer=build_mailer(settings),
        login_guard=login_guard or build_login_throttle(settings),
        cost_budget=build_cost_budget(settings),
    )
