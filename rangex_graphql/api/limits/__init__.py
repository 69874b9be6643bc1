"""Query protection, before any resolver runs: document limits (tokens, depth, aliases),
input strings (Unicode, lengths), query cost, and per-viewer cost budgets."""

from __future__ import annotations

from ...security.cost_budget import Charge, CostBudget, MemoryBudget, RedisBudget, build_cost_budget
from .cost import CostModel, QueryCost, operation_cost
from .document import DocumentLimits, LimitCode
from .input_lengths import document as document_input_lengths
from .input_values import InputLimits
from .introspection import IntrospectionCache, IntrospectionLimits

__all__ = [
    "Charge",
    "CostBudget",
    "CostModel",
    "DocumentLimits",
    "InputLimits",
    "IntrospectionCache",
    "IntrospectionLimits",
    "LimitCode",
    "MemoryBudget",
    "QueryCost",
    "RedisBudget",
    "build_cost_budget",
    "document_input_lengths",
    "operation_cost",
]
