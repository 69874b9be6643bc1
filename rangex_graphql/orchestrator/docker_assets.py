"""A machine's EMBEDDED assets, put into its container before it starts.

Docker accepts a tar archive into a created, not yet started, container
(``PUT /containers/{id}/archive``): the files are there before the container's command,
its startup commands or the learner see it. Per machine, one archive extracted at ``/``
holds every asset (owner root, its mode bits) and only those parent directories the image
lacks (0755, root): a directory the image has is never in the archive, since extracting
one would change its owner and mode (``/tmp`` losing its sticky bit). Whether a directory
exists is asked of the engine (``HEAD /containers/{id}/archive``), at most once a path.

The objects are read from the store, each key once per provisioning. A missing object,
or one the store cannot give, fails the machine with a :class:`ProvisionFailed` saying
which path; the driver then removes everything the attempt created.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import posixpath
import tarfile
import time
from collections.abc import Iterable, Mapping, Sequence

import aiodocker
from aiodocker.exceptions import DockerError

from rangex_graphql.orchestrator.protocol import (
    AssetSource,
    AssetSpec,
    MachineSpec,
    ProvisionFailed,
)

DIRECTORY_MODE = 0o755
GO_MODE_DIR = 1 << 31  # Go's os.ModeDir, in the engine's stat of a path


def parents(path: str) -> list[str]:
    """The directories above ``path``, deepest first, ``/`` excluded."""
    found = []
    parent = posixpath.dirname(path)
    while parent not in ("/", ""):
        found.append(parent)
        parent = posixpath.dirname(parent)
    return found


def build_archive(
    files: Sequence[tuple[AssetSpec, bytes]], directories: Iterable[str] = ()
) -> bytes:
    """A tar (to extract at ``/``) of ``directories`` (created, 0755) and the files, every
    entry owned by root; names are relative to ``/``."""
    now = int(time.time())
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for directory in sorted(set(directories), key=lambda d: (d.count("/"), d)):
            entry = tarfile.TarInfo(directory.lstrip("/"))
            entry.type = tarfile.DIRTYPE
            entry.mode = DIRECTORY_MODE
            entry.mtime = now
            tar.addfile(entry)
        for spec, data in files:
            entry = tarfile.TarInfo(spec.path.lstrip("/"))
            entry.size = len(data)
            entry.mode = spec.mode & 0o777
            entry.mtime = now
            tar.addfile(entry, io.BytesIO(data))
    return buffer.getvalue()


async def read_objects(
    session_id: str, machines: Sequence[MachineSpec], source: AssetSource | None
) -> dict[str, bytes]:
    """Every asset object of the machines, by key, each read once."""
    owners: dict[str, tuple[str, str]] = {}
    for machine in machines:
        for asset in machine.assets:
            owners.setdefault(asset.key, (machine.name, asset.path))
    if not owners:
        return {}
    if source is None:
        name, path = next(iter(owners.values()))
        raise ProvisionFailed(session_id, name, f"no object store to read {path} from")
    keys = list(owners)
    results = await asyncio.gather(*(source.get(k) for k in keys), return_exceptions=True)
    found: dict[str, bytes] = {}
    for key, result in zip(keys, results, strict=True):
        name, path = owners[key]
        if isinstance(result, KeyError):
            raise ProvisionFailed(session_id, name, f"the stored file for {path} is missing")
        if isinstance(result, BaseException):
            if not isinstance(result, Exception):
                raise result
            raise ProvisionFailed(
                session_id, name, f"the stored file for {path} could not be read: {result}"
            ) from result
        found[key] = result
    return found


async def _stat(docker: aiodocker.Docker, container_id: str, path: str) -> int | None:
    """The Go file mode of ``path`` in the container (its image), None when absent.

    Asked directly on aiodocker's session: its ``_query`` reads an error's JSON body, and
    the engine's answer to a HEAD has none.
    """
    await docker._check_version()  # settles the API version the URL carries
    url = docker._canonicalize_url(f"containers/{container_id}/archive")
    async with docker.session.head(url, params={"path": path}) as response:
        if response.status == 404:
            return None
        if response.status != 200:
            raise DockerError(response.status, f"stat of {path} answered {response.status}")
        header = response.headers.get("X-Docker-Container-Path-Stat", "")
    try:
        return int(json.loads(base64.b64decode(header))["mode"])
    except (ValueError, KeyError, TypeError):
        return 0  # exists; its mode unreadable


async def _exists(docker: aiodocker.Docker, container_id: str, path: str) -> bool:
    return await _stat(docker, container_id, path) is not None


async def missing_directories(
    docker: aiodocker.Docker, container_id: str, paths: Iterable[str]
) -> set[str]:
    """The parent directories of ``paths`` the container lacks: each one asked about,
    deepest first, until one exists."""
    known: dict[str, bool] = {}
    for path in paths:
        for parent in parents(path):
            if parent not in known:
                known[parent] = await _exists(docker, container_id, parent)
            if known[parent]:
                break
    return {directory for directory, exists in known.items() if not exists}


async def place_assets(
    session_id: str,
    docker: aiodocker.Docker,
    container_id: str,
    spec: MachineSpec,
    objects: Mapping[str, bytes],
) -> None:
    """Put the machine's assets into its created container (nothing when it has none)."""
    if not spec.assets:
        return
    for asset in spec.assets:
        # Extracting a file over a directory would remove the directory (and the image's
        # files in it): refused instead.
        mode = await _stat(docker, container_id, asset.path)
        if mode is not None and mode & GO_MODE_DIR:
            raise ProvisionFailed(session_id, spec.name, f"{asset.path} is a directory")
    files = [(asset, objects[asset.key]) for asset in spec.assets]
    directories = await missing_directories(docker, container_id, [a.path for a in spec.assets])
    archive = build_archive(files, directories)
    # aiodocker's put_archive reads a JSON answer; the engine answers 200 with no body.
    async with docker._query(
        f"containers/{container_id}/archive",
        method="PUT",
        data=archive,
        headers={"Content-Type": "application/x-tar"},
        params={"path": "/"},
    ):
        pass
