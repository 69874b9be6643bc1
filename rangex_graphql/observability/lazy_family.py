"""A metric family whose samples are built only if something reads them: the server's
own text writer (``exposition.py``) asks the loop counters and histograms for their text
instead, and prometheus-client's readers (``generate_latest``, the tests' parser) still
see ordinary samples."""

from __future__ import annotations

from typing import Any


class LazySamples:
    """Mix in before a prometheus-client family class; ``_build`` adds the samples through
    that class's ``add_metric``."""

    @property
    def samples(self) -> list[Any]:
        built: list[Any] | None = self.__dict__.get("_built")
        if built is None:
            self.__dict__["_built"] = built = []
            self.__dict__["_samples"] = built
            self._build()
        return built

    @samples.setter
    def samples(self, value: list[Any]) -> None:
        self.__dict__["_samples"] = value  # Metric.__init__ sets an empty list

    def add_metric(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("this family is read, not added to")

    def _build(self) -> None:
        raise NotImplementedError
