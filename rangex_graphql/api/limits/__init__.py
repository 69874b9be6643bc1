"""Query protection, before any resolver runs: document limits (tokens, depth, aliases),
query cost, and per-viewer cost budgets."""

from __future__ import annotations

from .budget import Charge, CostBudget, MemoryBudget, RedisBudget, build_cost_budget
from .cost import CostModel, QueryCost, operation_cost
from .document import DocumentLimits, LimitCode

__all__ = [
    "Charge",
    "CostBudget",
    "CostModel",
    "DocumentLimits",
    "LimitCode",
    "MemoryBudget",
    "QueryCost",
    "RedisBudget",
    "build_cost_budget",
    "operation_cost",
]
