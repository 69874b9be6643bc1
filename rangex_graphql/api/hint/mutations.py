"""The hint domain's mutations: authoring (hintAdd, hintUpdate, hintRemove, hintReorder)
and the learner's hintUnlock."""

from __future__ import annotations

from strawberry.tools import merge_types

from .authoring import HintAuthoringMutation
from .unlock import HintUnlockMutation

HintMutation = merge_types("HintMutation", (HintAuthoringMutation, HintUnlockMutation))

__all__ = ["HintMutation"]
