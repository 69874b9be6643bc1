"""A machine's EMBEDDED assets on ECS: fetched by the task itself, at its start.

Fargate has no way to put files into a container before it starts, so the task fetches
them: each ``run_task`` (provision *and* resume: a resume starts new tasks) carries a
container override with

- the environment variable ``RANGEX_ASSETS``: one line per asset, ``MODE URL PATH``
  (octal mode bits, a presigned GET of the object made for this run, the absolute target
  path: the rest of the line, spaces included; paths never hold control characters and
  presigned URLs never hold spaces). A line format rather than JSON: the wrapper is a
  POSIX shell, which has no JSON parser;
- the command ``/bin/sh -c WRAPPER rangex-assets <the machine's command>``: the wrapper
  (:data:`WRAPPER`) downloads each asset with ``curl -fsS -o`` or, without curl,
  ``wget -q -O`` (busybox), three tries each, creates the missing parent directories,
  sets the mode bits, then ``exec``s the machine's own command. A download that fails
  ends the container with exit code 97 (the task stops; its message is in the logs).

The machine's own command is its startup commands (the task definition's ``command``).
The image's default command cannot be wrapped: the driver never sees the image's
configuration, and a ``command`` override replaces the image's CMD. So
:func:`check_machine` refuses EMBEDDED assets on a machine without startup commands. The
image's ENTRYPOINT stays as it is (the override is its arguments, as the startup
commands are on Docker).

The task definition records the assets (key, path, mode) in the container's Docker label
``rangex.assets`` (part of its content hash), so that a resume after a server restart,
which has no plan, presigns the same objects afresh.

The URLs last the start timeout plus :data:`FETCH_SECONDS`. ECS allows 8,192 characters
of overrides in all: a machine whose override would be longer is refused before anything
is created (:class:`AssetsProblem`, an ``InvalidPlan`` at provisioning).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from rangex_graphql.orchestrator.ecs.tags import Json
from rangex_graphql.orchestrator.protocol import AssetSource, AssetSpec, MachineSpec

#: The container override's environment variable with the assets' lines.
ASSETS_ENV = "RANGEX_ASSETS"
#: The task definition's Docker label recording the machine's assets (for resumes).
ASSETS_LABEL = "rangex.assets"
#: ECS's limit on a RunTask's ``overrides``, JSON punctuation included.
MAX_OVERRIDE_CHARS = 8192
#: How long a URL outlives the start timeout: the task fetches after it is RUNNING, and
#: a fetch retries for a few seconds; a quarter of an hour covers slow downloads of
#: large assets without leaving a link valid for long.
FETCH_SECONDS = 900
#: The wrapper's ``$0`` (what ``ps`` shows while it fetches).
WRAPPER_NAME = "rangex-assets"
#: The exit code of a failed fetch.
FETCH_FAILED = 97

#: The wrapper: a POSIX shell script (dash, busybox ash, bash).
WRAPPER = f"""set -e
if command -v curl >/dev/null 2>&1; then
  fetch() {{ curl -fsS -o "$2" "$1"; }}
elif command -v wget >/dev/null 2>&1; then
  fetch() {{ wget -q -O "$2" "$1"; }}
else
  echo "{WRAPPER_NAME}: the image has neither curl nor wget" >&2
  exit {FETCH_FAILED}
fi
while IFS= read -r line; do
  [ -n "$line" ] || continue
  mode=${{line%% *}}; rest=${{line#* }}; url=${{rest%% *}}; path=${{rest#* }}
  dir=${{path%/*}}
  [ -z "$dir" ] || mkdir -p "$dir"
  tries=1
  until fetch "$url" "$path"; do
    if [ "$tries" -ge 3 ]; then
      echo "{WRAPPER_NAME}: could not fetch $path" >&2
      exit {FETCH_FAILED}
    fi
    tries=$((tries + 1))
    sleep 2
  done
  chmod "$mode" "$path"
done <<RANGEX_ASSETS_END
${{{ASSETS_ENV}:-}}
RANGEX_ASSETS_END
exec "$@"
"""

_NO_SPACE = re.compile(r"^https?://\S+$")


class AssetsProblem(ValueError):
    """A machine's assets cannot be given to its task (the message says why)."""


def check_machine(machine: MachineSpec) -> list[str]:
    """What keeps ECS from fetching the machine's assets (nothing for one without)."""
    if machine.assets and machine.command is None:
        return [
            f"machine {machine.name!r}: EMBEDDED assets on ECS need startup commands (the "
            "task fetches them, then runs its command; the image's own command is not "
            "known to the driver)"
        ]
    return []


def label_value(assets: Sequence[AssetSpec]) -> str:
    """The assets as the task definition's label records them."""
    return json.dumps(
        [{"key": a.key, "path": a.path, "mode": a.mode} for a in assets],
        separators=(",", ":"),
    )


def assets_of_label(value: str | None) -> tuple[AssetSpec, ...]:
    """The assets a task definition's label records (none when it has no label)."""
    if not value:
        return ()
    return tuple(
        AssetSpec(key=str(a["key"]), path=str(a["path"]), mode=int(a["mode"]))
        for a in json.loads(value)
    )


def wrapper_command(command: Sequence[str]) -> list[str]:
    """The container command that fetches the assets, then runs ``command``."""
    return ["/bin/sh", "-c", WRAPPER, WRAPPER_NAME, *command]


class AssetUrls:
    """Presigns a machine's assets for one ``run_task``; ``clock`` is replaceable (tests)."""

    def __init__(
        self,
        source: AssetSource | None,
        lifetime: float,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.source = source
        self.lifetime = lifetime
        self.clock = clock

    async def overrides(
        self,
        machine: str,
        command: Sequence[str] | None,
        assets: Sequence[AssetSpec],
    ) -> Json | None:
        """RunTask's ``overrides`` for the machine (None without assets), with URLs made now.

        Raises :class:`AssetsProblem` when there is no store, a URL is not absolute, or
        the overrides exceed ECS's limit.
        """
        if not assets:
            return None
        if command is None:
            raise AssetsProblem(f"machine {machine!r}: EMBEDDED assets need startup commands")
        if self.source is None:
            raise AssetsProblem(f"machine {machine!r}: no object store to fetch assets from")
        expires_at = self.clock() + timedelta(seconds=self.lifetime)
        lines = []
        for asset in assets:
            try:
                url = await self.source.presign_download(asset.key, expires_at)
            except Exception as exc:  # any store failure: the machine cannot start
                raise AssetsProblem(f"machine {machine!r}: no URL for {asset.path}: {exc}") from exc
            if not _NO_SPACE.match(url):
                raise AssetsProblem(
                    f"machine {machine!r}: the object store gives no absolute URL for "
                    f"{asset.path} (the local store needs RANGEX_FILES_BASE_URL, reachable "
                    "from the tasks)"
                )
            lines.append(f"{asset.mode & 0o777:o} {url} {asset.path}")
        result: Json = {
            "containerOverrides": [
                {
                    "name": machine,
                    "command": wrapper_command(command),
                    "environment": [{"name": ASSETS_ENV, "value": "\n".join(lines) + "\n"}],
                }
            ]
        }
        size = len(json.dumps(result, separators=(",", ":")))
        if size > MAX_OVERRIDE_CHARS:
            raise AssetsProblem(
                f"machine {machine!r}: its {len(assets)} EMBEDDED assets need {size} "
                f"characters of task overrides, ECS allows {MAX_OVERRIDE_CHARS} (fewer "
                "assets, or bundle them in one archive)"
            )
        return result
