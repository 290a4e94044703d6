"""Fixtures for the whole suite."""
from __future__ import annotations

import resource
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def address_space_limit_restored() -> Iterator[None]:
    """The CLI caps its own address space (extract.limits.cap_memory); a command invoked in the test
    process (click's CliRunner) must not leave that cap on the tests after it, nor on the browsers and
    workers they start."""
    before = resource.getrlimit(resource.RLIMIT_AS)
    yield
    if resource.getrlimit(resource.RLIMIT_AS) != before:
        resource.setrlimit(resource.RLIMIT_AS, before)
