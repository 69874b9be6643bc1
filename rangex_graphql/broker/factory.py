"""The broker the settings ask for."""

from __future__ import annotations

from ..settings import Settings
from .memory import MemoryBroker
from .protocol import Broker


def build_broker(settings: Settings) -> Broker:
    return MemoryBroker()
