from __future__ import annotations

import pytest

from rangex_graphql.files.images import JPEG, PNG, WEBP, ImageSize, image_size, sniff_type
from tests.files.images_data import jpeg, png, webp_vp8, webp_vp8l, webp_vp8x


@pytest.mark.parametrize(
    ("data", "kind", "size"),
    [
        (png(640, 480), PNG, ImageSize(640, 480)),
        (jpeg(1024, 200), JPEG, ImageSize(1024, 200)),
        (webp_vp8x(300, 4096), WEBP, ImageSize(300, 4096)),
        (webp_vp8l(250, 260), WEBP, ImageSize(250, 260)),
        (webp_vp8(800, 600), WEBP, ImageSize(800, 600)),
    ],
)
def test_headers_give_type_and_dimensions(data: bytes, kind: str, size: ImageSize) -> None:
    assert sniff_type(data) == kind
    assert image_size(data) == size


def test_jpeg_size_after_other_segments() -> None:
    data = jpeg(321, 654)
    exif = b"\xff\xe1" + (1002).to_bytes(2, "big") + b"\x00" * 1000
    assert image_size(data[:2] + exif + data[2:]) == ImageSize(321, 654)


@pytest.mark.parametrize(
    "data",
    [b"", b"GIF89a" + b"\x00" * 40, b"<html>", png(10, 10)[:20], b"\xff\xd8\xff\xda\x00\x02"],
)
def test_other_or_truncated_bytes_have_no_size(data: bytes) -> None:
    assert image_size(data) is None


def test_sniff_refuses_text() -> None:
    assert sniff_type(b"#!/bin/sh\necho hi\n") is None
