"""The worker supervisor: extractions in worker processes of our own, each under a time limit and a memory cap.

A worker that overruns the time limit is killed and replaced, because pdfplumber can loop in C code
where no thread or signal reaches it; a worker that dies (a segfault in a C library, the memory cap)
is reported as `crashed` and replaced; Ctrl-C is the parent's (workers ignore SIGINT), which stops the
workers. Own code rather than pebble's ProcessPool (which has per-task timeouts, worker recycling, an
initializer and ProcessExpired for a dead worker): pebble runs three threads in the parent, respawns a
worker whose initializer fails without end (or puts the pool in error when no task is running), and
times tasks by the wall clock; here workers that cannot even start fail what is left, deadlines are
monotonic, and the parent stays single-threaded, so an interrupted run stops its workers and writes
its report from one place.
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from importlib import import_module
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from followup.batch.model import BatchInput, BatchSettings

# Recycling workers now and then keeps memory flat over a long batch whatever the libraries cache.
_TASKS_PER_WORKER = 20
# Imported by each worker before it takes work, so the time limit measures extraction, not imports.
_WARM_MODULES = ("pdfplumber", "followup.extract.document", "followup.normalize.document", "followup.normalize.vocabulary")

# (index, path, sha256 or None): one extraction a worker is given.
Task = tuple[int, str, str | None]


def extract_in_workers(
    pending: Sequence[tuple[int, BatchInput, str | None]], settings: BatchSettings
) -> Iterator[tuple[int, BatchInput, str | None, dict[str, Any]]]:
    """Yield (index, input, sha256, outcome) as extractions finish, at most settings.jobs at a time.

    Each outcome is a plain dict: kind "ok" with the `document`, its `json` text, pages and activities
    (each made once, in the worker), or kind "failed" with `reason`, `code` and `setting` (InputRejected's);
    read_reports uses it too. A known sha256 is handed to the extractor, so the file is not hashed again.
    """
    if not pending:
        return
    by_index = {index: (item, sha256) for index, item, sha256 in pending}
    pool = _WorkerPool(settings, size=min(max(1, settings.jobs), len(pending)))
    try:
        for index, outcome in pool.run((index, str(item.path), sha256) for index, item, sha256 in pending):
            item, sha256 = by_index[index]
            yield index, item, sha256, outcome
    finally:
        pool.close()


class _Worker:
    """One worker process and the pipe to it; `task` is the one it is working on."""

    def __init__(self, context: Any, settings: BatchSettings) -> None:
        self.connection, child_end = context.Pipe()
        job = {"extractor": settings.extractor, "period": settings.period, "password": settings.password,
               "vocabulary_files": [str(p) for p in settings.vocabulary_files], "reader": settings.reader,
               "memory_limit": settings.memory_limit}
        self.process = context.Process(target=_worker_main, args=(child_end, job), daemon=True)
        self.process.start()
        child_end.close()
        self.ready = False
        self.task: Task | None = None
        self.deadline = 0.0
        self.tasks_done = 0

    def give(self, task: Task, timeout: float) -> None:
        self.connection.send(task)
        self.task = task
        self.deadline = time.monotonic() + timeout

    def stop(self) -> None:
        """Ask the worker to finish; kill it if it does not."""
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(timeout=2)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


class _WorkerPool:
    """Workers taking one file at a time; a worker that times out or dies is replaced."""

    def __init__(self, settings: BatchSettings, size: int) -> None:
        self.settings = settings
        self.size = size
        self.context = _process_context()
        self.workers: list[_Worker] = []
        self.failed_starts = 0

    def run(self, tasks: Iterable[Task]) -> Iterator[tuple[int, dict[str, Any]]]:
        queue = deque(tasks)
        self.workers = [_Worker(self.context, self.settings) for _ in range(min(self.size, len(queue)))]
        while queue or any(w.task for w in self.workers):
            for worker in self.workers:
                if worker.ready and worker.task is None and queue:
                    worker.give(queue.popleft(), self.settings.timeout)
            busy = [w.deadline for w in self.workers if w.task is not None]
            wait_for = max(0.0, min(busy) - time.monotonic()) if busy else None
            readable = wait([w.connection for w in self.workers], timeout=wait_for)
            for worker in list(self.workers):
                if worker.connection in readable:
                    yield from self._hear(worker, queue)
            for worker in list(self.workers):
                if worker.task is not None and time.monotonic() >= worker.deadline:
                    index = worker.task[0]
                    self._replace(worker, queue)
                    timed_out = _failure(f"timed out: reading it took longer than {self.settings.timeout:g} s",
                                         "timeout", setting="timeout")
                    yield index, {**timed_out, "seconds": self.settings.timeout}

    def _hear(self, worker: _Worker, queue: deque) -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            yield from self._worker_died(worker, queue)
            return
        if message == "ready":
            worker.ready = True
            return
        index, outcome = message
        worker.task = None
        worker.tasks_done += 1
        if worker.tasks_done >= _TASKS_PER_WORKER:
            self._replace(worker, queue, gently=True)
        yield index, outcome

    def _worker_died(self, worker: _Worker, queue: deque) -> Iterator[tuple[int, dict[str, Any]]]:
        worker.process.join(timeout=5)  # reap it, so its exit code says how it died
        task, code = worker.task, worker.process.exitcode
        if not worker.ready:
            self.failed_starts += 1
        if self.failed_starts > 2 * self.size:
            # Workers cannot even start: fail what is left rather than retry forever.
            while queue:
                index = queue.popleft()[0]
                yield index, _failure("internal error: worker processes fail to start", "internal")
        self._replace(worker, queue)
        if task is not None:
            yield task[0], _failure(f"the reading process died ({_exit_description(code)})", "crashed")

    def _replace(self, worker: _Worker, queue: deque, gently: bool = False) -> None:
        worker.stop() if gently else worker.kill()
        self.workers.remove(worker)
        if queue:
            self.workers.append(_Worker(self.context, self.settings))

    def close(self) -> None:
        for worker in self.workers:
            worker.kill() if worker.task is not None else worker.stop()
        self.workers = []


def _process_context() -> Any:
    # forkserver: fresh processes without copying the parent, yet cheap to start; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker_main(connection: Any, job: dict[str, Any]) -> None:
    """A worker process: extract each task it is sent, answer (index, outcome)."""
    # Ctrl-C is the parent's to handle; it stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # pdfminer logs every oddity of a damaged file; the run report says what became of the file,
    # and the terminal is for the progress bar and the summary.
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    for name in _WARM_MODULES:
        # A missing stage shows up, with its traceback, as each input's internal error.
        with contextlib.suppress(Exception):
            import_module(name)
    from followup.extract.limits import cap_memory

    cap_memory(job.get("memory_limit"))
    connection.send("ready")
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path, sha256 = task
        connection.send((index, _extract_outcome(Path(path), sha256, job)))


def _extract_outcome(path: Path, sha256: str | None, job: dict[str, Any]) -> dict[str, Any]:
    """Extract one file and describe the outcome in picklable values; never raises."""
    from followup.extract.errors import InputRejected
    from followup.extract.limits import ResourceLimit, memory_exhausted
    from followup.output import document_json

    started = time.perf_counter()
    try:
        chosen = {"reader": job["reader"]} if job.get("reader") else {}
        if sha256:
            chosen["sha256"] = sha256
        document = job["extractor"](path, period=job["period"], password=job["password"],
                                    vocabulary_files=[Path(p) for p in job["vocabulary_files"]], **chosen)
        text = document_json(document)
    except InputRejected as rejected:
        outcome = _failure(rejected.reason, rejected.code, setting=rejected.setting)
    except ResourceLimit as limit:
        outcome = _failure(limit.reason, limit.code, setting=limit.setting)
    except MemoryError:
        outcome = _failure(memory_exhausted(job.get("memory_limit")).reason, "too_large", setting="memory_limit")
    except Exception as error:  # noqa: BLE001 - any bug must become a recorded reason, not a lost run
        outcome = _failure(f"internal error: {type(error).__name__}: {error}", "internal",
                           traceback.format_exc())
    else:
        outcome = {"kind": "ok", "document": document, "json": text, "pages": document.source.pages,
                   "activities": len(document.activities)}
    outcome["seconds"] = time.perf_counter() - started
    outcome["peak_memory_mb"] = _peak_memory_mb()
    return outcome


def _failure(reason: str, code: str, trace: str | None = None, *, setting: str | None = None) -> dict[str, Any]:
    """A failed outcome; `setting` names the setting that may help (InputRejected.setting)."""
    return {"kind": "failed", "reason": reason, "code": code, "traceback": trace, "setting": setting}


def _peak_memory_mb() -> float | None:
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux counts kilobytes, macOS bytes.
    return round(peak / (1 << 20 if sys.platform == "darwin" else 1 << 10), 1)


def _exit_description(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"
