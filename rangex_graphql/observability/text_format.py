"""Pieces of Prometheus's classic text format, written as prometheus-client writes them
(``exposition.py`` and ``loop_histogram.py`` share them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from prometheus_client.utils import floatToGoString

go_float = cast(Callable[[float], str], floatToGoString)
"""A float as Go writes it (``+Inf``, ``NaN``, ``1.5e+06``): what Prometheus reads."""

LabelTexts = dict[tuple[tuple[str, str], ...], str]
"""The written form of label sets, kept for one scrape: a set is escaped and sorted once."""


def value_text(value: float) -> str:
    # A finite, not too large float: repr, which is what floatToGoString returns for it
    # after its checks for infinities, NaN and Go's earlier switch to exponents.
    if type(value) is float and -1e6 < value < 1e6:
        return repr(value)
    return go_float(value)


def count_text(count: int) -> str:
    """A count as a float value is written (``3.0``; Go's exponent form from 10⁶ on)."""
    return f"{count}.0" if count < 1_000_000 else go_float(float(count))


def label_value(value: str) -> str:
    return value.replace("\\", r"\\").replace("\n", r"\n").replace('"', r"\"")


def labels_text(texts: LabelTexts, pairs: tuple[tuple[str, str], ...]) -> str:
    """``{a="1",b="2"}`` (names sorted), or ``""`` for no labels."""
    text = texts.get(pairs)
    if text is None:
        if pairs:
            inner = ",".join(f'{name}="{label_value(value)}"' for name, value in sorted(pairs))
            text = f"{{{inner}}}"
        else:
            text = ""
        texts[pairs] = text
    return text


def help_text(documentation: str) -> str:
    return documentation.replace("\\", r"\\").replace("\n", r"\n")
