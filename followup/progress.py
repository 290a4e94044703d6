"""Progress of long runs on stderr: a bar for a person at a terminal, plain lines for a pipe or cron."""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from followup.batch import InputResult


@contextmanager
def batch_progress(total: int, quiet: bool, stream: TextIO | None = None,
                   interval: float | None = None) -> Iterator[Callable[[InputResult], None]]:
    """Yield a callback told of each settled input; nothing when quiet.

    At a terminal a bar. Otherwise (piped, cron, a log file) one line per settled input, or, with
    `interval` seconds, one line every `interval` seconds while the run goes on, so a log shows that
    it is alive without a line per report.
    """
    stream = stream or sys.stderr
    if quiet or total == 0:
        yield lambda result: None
        return
    if not stream.isatty():
        with _progress_lines(total, stream, interval) as advance:
            yield advance
        return
    with click.progressbar(length=total, label="Extracting", file=stream, show_pos=True,
                           item_show_func=lambda name: name) as bar:
        def advance(result: InputResult) -> None:
            bar.update(1, current_item=Path(result.file).name)

        yield advance


def progress_line(done: int, total: int, result: InputResult) -> str:
    """"[3/40] ok ystad-2024-03.pdf (4 pages, 1.2 s)": one settled input, for a log."""
    width = len(str(total))
    if result.ok:
        what = "unchanged" if result.skipped else f"{result.pages} pages, {result.seconds:.1f} s"
        return f"[{done:>{width}}/{total}] ok {result.file} ({what})"
    return f"[{done:>{width}}/{total}] {result.status} {result.file}: {result.reason}"


def tally_line(done: int, total: int, failed: int, seconds: float) -> str:
    """"[12/40] settled, 1 failed, 16 s": the state of the run, for a log written every N seconds."""
    return f"[{done}/{total}] settled, {failed} failed, {seconds:.0f} s"


@contextmanager
def _progress_lines(total: int, stream: TextIO, interval: float | None) -> Iterator[Callable[[InputResult], None]]:
    started = time.monotonic()
    state = {"done": 0, "failed": 0}
    lock = threading.Lock()

    def emit(line: str) -> None:
        stream.write(line + "\n")
        stream.flush()

    def advance(result: InputResult) -> None:
        with lock:
            state["done"] += 1
            state["failed"] += int(result.failed)
            if not interval:
                emit(progress_line(state["done"], total, result))

    if not interval:
        yield advance
        return
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(interval):
            with lock:
                emit(tally_line(state["done"], total, state["failed"], time.monotonic() - started))

    ticker = threading.Thread(target=tick, name="followup-progress", daemon=True)
    ticker.start()
    try:
        yield advance
    finally:
        stop.set()
        ticker.join()
        with lock:
            emit(tally_line(state["done"], total, state["failed"], time.monotonic() - started))
