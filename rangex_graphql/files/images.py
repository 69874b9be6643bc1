"""What an image's first bytes say: its type (PNG, JPEG, WebP) and its dimensions.

Read from the headers alone (PNG's IHDR, JPEG's first SOF marker, WebP's VP8/VP8L/VP8X
chunk), so a check needs only the first ``HEADER_BYTES`` of an object, never a decoder.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

PNG = "image/png"
JPEG = "image/jpeg"
WEBP = "image/webp"
HEADER_BYTES = 65_536  # a JPEG's SOF may follow large EXIF segments

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC): the markers that carry the frame size.
SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True, slots=True)
class ImageSize:
    width: int
    height: int


def sniff_type(head: bytes) -> str | None:
    """The image type the magic bytes name, or None."""
    if head.startswith(PNG_MAGIC):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def image_size(head: bytes) -> ImageSize | None:
    """The dimensions in the header, or None when it is not a readable PNG/JPEG/WebP."""
    kind = sniff_type(head)
    if kind == PNG:
        return _png(head)
    if kind == JPEG:
        return _jpeg(head)
    if kind == WEBP:
        return _webp(head)
    return None


def _png(head: bytes) -> ImageSize | None:
    # Signature, then the first chunk: length (13), "IHDR", width, height (big-endian).
    if len(head) < 24 or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return ImageSize(width, height)


def _jpeg(head: bytes) -> ImageSize | None:
    at = 2
    while at + 4 <= len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        (length,) = struct.unpack(">H", head[at + 2 : at + 4])
        if length < 2:
            return None
        if marker in SOF_MARKERS:
            if at + 9 > len(head):
                return None
            height, width = struct.unpack(">HH", head[at + 5 : at + 9])
            return ImageSize(width, height)
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no frame header before
            return None
        at += 2 + length
    return None


def _webp(head: bytes) -> ImageSize | None:
    chunk = head[12:16]
    if chunk == b"VP8 " and len(head) >= 30:
        # Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
        if head[23:26] != b"\x9d\x01\x2a":
            return None
        width, height = struct.unpack("<HH", head[26:30])
        return ImageSize(width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and len(head) >= 25:
        if head[20] != 0x2F:
            return None
        bits = int.from_bytes(head[21:25], "little")
        return ImageSize((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(head) >= 30:
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return ImageSize(width, height)
    return None
