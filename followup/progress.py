"""A progress bar for long runs, shown only to a person watching a terminal."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from followup.batch import InputResult


@contextmanager
def batch_progress(total: int, quiet: bool, stream: TextIO | None = None) -> Iterator[Callable[[InputResult], None]]:
    """Yield a callback advancing a bar on stderr per settled input; a no-op when quiet or piped."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty() or total == 0:
        yield lambda result: None
        return
    with click.progressbar(length=total, label="Extracting", file=stream, show_pos=True,
                           item_show_func=lambda name: name) as bar:
        def advance(result: InputResult) -> None:
            bar.update(1, current_item=Path(result.file).name)

        yield advance
