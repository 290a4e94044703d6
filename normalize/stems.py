"""The lexicon's stems (stem → hunspell flags) in buckets that become dictionaries only when asked.

sv_SE lists some 270,000 stems; building one dictionary of them takes a tenth of a second, more
than anything else a one-page extract does after its imports, while a report asks for a few
hundred stems. Kept as two texts per bucket (the stems and their flags, one a line), a bucket is
turned into a dictionary on its first lookup. The buckets are what the disk cache stores.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar, overload

# Stems are bucketed by their first characters in lower case, so every case variant of a form
# ("vård", "Vård", "VÅRD") falls in the same bucket.
BUCKET_PREFIX = 2

# bucket → (stems, flags), each joined by "\n" in the same order.
Buckets = dict[str, tuple[str, str]]


def bucket_of(stem: str) -> str:
    return stem[:BUCKET_PREFIX].lower()


def bucketed(stems: Mapping[str, str]) -> Buckets:
    """Stems and their flags as texts per bucket (the form kept on disk)."""
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for stem, flags in stems.items():
        names, values = groups.setdefault(bucket_of(stem), ([], []))
        names.append(stem)
        values.append(flags)
    return {bucket: ("\n".join(names), "\n".join(values)) for bucket, (names, values) in groups.items()}


_T = TypeVar("_T")


class BucketedStems(Mapping[str, str]):
    """A read-only stem → flags mapping over buckets, each turned into a dictionary on first use."""

    def __init__(self, buckets: Buckets) -> None:
        self._texts = buckets
        self._loaded: dict[str, dict[str, str]] = {}

    def _bucket(self, bucket: str) -> dict[str, str]:
        found = self._loaded.get(bucket)
        if found is None:
            texts = self._texts.get(bucket)
            found = self._loaded[bucket] = dict(zip(texts[0].split("\n"), texts[1].split("\n"), strict=True)) \
                if texts else {}
        return found

    def __getitem__(self, stem: str) -> str:
        return self._bucket(bucket_of(stem))[stem]

    # Mapping.get's signatures, looked up in the stem's bucket alone.
    @overload
    def get(self, stem: str, /) -> str | None: ...
    @overload
    def get(self, stem: str, default: str, /) -> str: ...
    @overload
    def get(self, stem: str, default: _T, /) -> str | _T: ...
    def get(self, stem: str, default: object = None, /) -> object:
        return self._bucket(bucket_of(stem)).get(stem, default)

    def __contains__(self, stem: object) -> bool:
        return isinstance(stem, str) and stem in self._bucket(bucket_of(stem))

    def __iter__(self) -> Iterator[str]:
        for bucket in self._texts:
            yield from self._bucket(bucket)

    def __len__(self) -> int:
        return sum(len(self._bucket(bucket)) for bucket in self._texts)
