"""Tortoise's MySQL backend bound to aiomysql even when asyncmy is installed.

Tortoise picks its MySQL driver at import time (asyncmy when importable, else aiomysql)
and offers no switch. To let operators choose, this module loads a second copy of
Tortoise's MySQL client module with asyncmy hidden, so that copy binds aiomysql.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def _load_client_with_aiomysql() -> ModuleType:
    spec = importlib.util.find_spec("tortoise.backends.mysql.client")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    hidden = sys.modules.get("asyncmy", None)
    sys.modules["asyncmy"] = None  # type: ignore[assignment]  # makes `import asyncmy` fail
    try:
        spec.loader.exec_module(module)
    finally:
        if hidden is None:
            del sys.modules["asyncmy"]
        else:
            sys.modules["asyncmy"] = hidden
    return module


_client_module = _load_client_with_aiomysql()
client_class = _client_module.MySQLClient
DRIVER_NAME = _client_module.mysql.__name__
