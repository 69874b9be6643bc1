"""A private image registry for tests: the distribution API's pull side (``/v2/``,
manifests, blobs) over plain HTTP on 127.0.0.1, behind basic auth, serving one image.

No registry image can be pulled here (no registry is reachable), so this stands in for
``registry:2`` with htpasswd: the Docker Engine logs in to it (``POST /auth``) and pulls
from it as from any registry on a loopback address (which the engine reaches over plain
HTTP by default). The image is the lab rootfs of ``tests/support/dockerd.py`` as one
gzipped layer. ``requests`` records what was asked, and with which user.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import platform
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json"
REALM = 'Basic realm="rangex-test-registry"'
ARCHITECTURES = {"x86_64": "amd64", "aarch64": "arm64"}


def digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


@dataclass
class FakeRegistry:
    username: str
    password: str
    repository: str  # "private/lab"
    tag: str
    blobs: dict[str, bytes] = field(default_factory=dict)
    manifest: bytes = b""
    host: str = ""  # "127.0.0.1:PORT", once serving
    # (method, path, authenticated user or None) of every request.
    requests: list[tuple[str, str, str | None]] = field(default_factory=list)

    @property
    def image_ref(self) -> str:
        return f"{self.host}/{self.repository}:{self.tag}"

    @property
    def manifest_digest(self) -> str:
        return digest(self.manifest)

    def load_rootfs(self, rootfs_tar: Path) -> None:
        plain = rootfs_tar.read_bytes()
        layer = gzip.compress(plain, mtime=0)
        config = json.dumps(
            {
                "architecture": ARCHITECTURES.get(platform.machine(), platform.machine()),
                "os": "linux",
                # A web server as its command, so a machine of it keeps running.
                "config": {"Cmd": ["httpd", "-f", "-p", "80", "-h", "/www"]},
                "rootfs": {"type": "layers", "diff_ids": [digest(plain)]},
            }
        ).encode()
        self.blobs = {digest(layer): layer, digest(config): config}
        self.manifest = json.dumps(
            {
                "schemaVersion": 2,
                "mediaType": MANIFEST_TYPE,
                "config": {
                    "mediaType": "application/vnd.docker.container.image.v1+json",
                    "size": len(config),
                    "digest": digest(config),
                },
                "layers": [
                    {
                        "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                        "size": len(layer),
                        "digest": digest(layer),
                    }
                ],
            }
        ).encode()

    def _user(self, request: web.Request) -> str | None:
        scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            user, _, password = base64.b64decode(encoded).decode().partition(":")
        except ValueError:
            return None
        return user if (user, password) == (self.username, self.password) else None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        user = self._user(request)
        self.requests.append((request.method, request.path, user))
        headers = {"Docker-Distribution-API-Version": "registry/2.0"}
        if user is None:
            return web.json_response(
                {"errors": [{"code": "UNAUTHORIZED", "message": "authentication required"}]},
                status=401,
                headers={**headers, "WWW-Authenticate": REALM},
            )
        path = request.path
        prefix = f"/v2/{self.repository}/"
        if path in ("/v2/", "/v2"):
            return web.json_response({}, headers=headers)
        if path in (prefix + f"manifests/{self.tag}", prefix + f"manifests/{self.manifest_digest}"):
            return self._body(request, self.manifest, MANIFEST_TYPE, self.manifest_digest, headers)
        if path.startswith(prefix + "blobs/"):
            wanted = path.rsplit("/", 1)[1]
            if wanted in self.blobs:
                blob = self.blobs[wanted]
                return self._body(request, blob, "application/octet-stream", wanted, headers)
        return web.json_response(
            {"errors": [{"code": "NAME_UNKNOWN", "message": "not here"}]},
            status=404,
            headers=headers,
        )

    @staticmethod
    def _body(
        request: web.Request, body: bytes, kind: str, name: str, headers: dict[str, str]
    ) -> web.Response:
        headers = {**headers, "Docker-Content-Digest": name, "Content-Type": kind}
        if request.method == "HEAD":
            headers["Content-Length"] = str(len(body))
            return web.Response(status=200, headers=headers)
        return web.Response(body=body, headers=headers)


@asynccontextmanager
async def serving(registry: FakeRegistry) -> AsyncIterator[FakeRegistry]:
    """The registry on a free port of 127.0.0.1 until the block ends."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", registry.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    with socket.socket() as probe:  # a free port (aiohttp does not report the one it got)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    registry.host = f"127.0.0.1:{port}"
    try:
        yield registry
    finally:
        await runner.cleanup()
