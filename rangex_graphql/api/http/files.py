"""The local store's upload and download routes (``files.local``): the embedded stand-in
for S3's presigned POST and GET. Both take a signed, expiring token; the upload's body
is read only up to its token's size limit (plus the form's overhead)."""

from __future__ import annotations

import email.policy
from email import message_from_bytes

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from ...files.local import DOWNLOAD_ROUTE, UPLOAD_ROUTE, LocalStore, UploadRefused
from ...services.files.rules import IMAGE_TYPES
from ...settings import Settings

FORM_OVERHEAD = 16_384  # boundaries, part headers and the small fields


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise UploadRefused(413, "the body is larger than the upload allows")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise UploadRefused(413, "the body is larger than the upload allows")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_form(content_type: str, body: bytes) -> tuple[dict[str, str], bytes | None, str | None]:
    """(text fields, the ``file`` part's bytes, its content type) of a multipart form."""
    if not content_type.lower().startswith("multipart/form-data"):
        raise UploadRefused(400, "send multipart/form-data")
    message = message_from_bytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body,
        policy=email.policy.HTTP,
    )
    if not message.is_multipart():
        raise UploadRefused(400, "not a multipart form")
    fields: dict[str, str] = {}
    data: bytes | None = None
    file_type: str | None = None
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            continue
        if name == "file":
            data, file_type = payload, part.get_content_type()
        elif data is None:  # fields after the file are ignored, as S3 does
            fields[name] = payload.decode("utf-8", "replace")
    return fields, data, file_type


def file_routes(settings: Settings, store: LocalStore) -> list[BaseRoute]:
    async def upload(request: Request) -> Response:
        try:
            claims = store.upload_claims(request.path_params["token"])
            body = await _body(request, int(claims["max"]) + FORM_OVERHEAD)
            fields, data, file_type = parse_form(request.headers.get("content-type", ""), body)
            if data is None:
                raise UploadRefused(400, "the form has no file field")
            await store.accept_upload(claims, fields, data, file_type)
        except UploadRefused as refused:
            return PlainTextResponse(str(refused), status_code=refused.status)
        return Response(status_code=204)

    async def download(request: Request) -> Response:
        try:
            claims = store.download_claims(request.path_params["token"])
        except ValueError:
            return PlainTextResponse("not found or expired", status_code=404)
        path = store.path_of(claims["key"])
        info = await store.head(claims["key"])
        if info is None:
            return PlainTextResponse("not found or expired", status_code=404)
        name = claims.get("name")
        # Only checked images are shown inline; anything else (an asset declared
        # text/html, say) is a download, never a page of this origin.
        image = info.content_type in IMAGE_TYPES and not name
        return FileResponse(
            path,
            media_type=info.content_type if image else "application/octet-stream",
            filename=name if isinstance(name, str) else claims["key"].rsplit("/", 1)[-1],
            content_disposition_type="inline" if image else "attachment",
            headers={"Cache-Control": "private, max-age=60", "X-Content-Type-Options": "nosniff"},
        )

    return [
        Route(UPLOAD_ROUTE + "{token}", upload, methods=["POST"]),
        Route(DOWNLOAD_ROUTE + "{token}", download, methods=["GET"]),
    ]
