"""The `followup` command line: a thin layer over the library (see README.md for examples).

Exit status: 0 done; 1 a batch finished but some inputs failed, or an output cannot be written;
2 wrong usage; 3 input rejected; 70 an internal error (a bug); 130 interrupted (Ctrl-C).
Never a traceback: every failure is one line `error: FILE: REASON` on stderr.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import click

from extract.errors import InputRejected, printable_name, printable_path, technical_detail
from extract.limits import DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT_SECONDS
from followup.output import document_csv, document_json, write_atomically
from schemas import Document

EXIT_OUTPUT_FAILED = 1
EXIT_REJECTED = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def _fail(path: object, reason: str, status: int) -> None:
    """One line `error: PATH: REASON` on stderr, whatever bytes the path holds, then exit."""
    click.echo(f"error: {printable_path(str(path))}: {reason}", err=True)
    sys.exit(status)


def _emit(text: str, output: Optional[Path]) -> None:
    """Write the result to stdout or, atomically, to `output`; a failure is an error line and exit 1."""
    if output is None:
        try:
            click.echo(text, nl=False)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (`| head`): nothing more to say, and nothing for Python to flush at exit.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_OUTPUT_FAILED)
        return
    try:
        write_atomically(output, text)
    except OSError as error:
        _fail(output, f"cannot write the output ({_os_reason(error)})", EXIT_OUTPUT_FAILED)


def _os_reason(error: OSError) -> str:
    import errno

    plain = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
             errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
             errno.EPERM: "permission denied", errno.ENOTDIR: "a part of the path is a file, not a folder",
             errno.EEXIST: "a part of the path is a file, not a folder", errno.EISDIR: "it is a folder",
             errno.EFBIG: "the file would be too large (disk full or file size limit)"}
    return plain.get(error.errno, error.strerror or str(error))


def _extract_guarded(pdf: Path, *, timeout: Optional[float], memory_limit: Optional[int], **options: object) -> Document:
    """extract_document within our own time and memory limits; every failure is an error line and exit."""
    from extract.limits import ResourceLimit, cap_memory, memory_exhausted, time_limit
    from followup.pipeline import extract_document

    capped = cap_memory(memory_limit)
    try:
        with time_limit(timeout):
            return extract_document(pdf, **options)
    except InputRejected as rejected:
        _fail(pdf, rejected.reason, EXIT_REJECTED)
    except ResourceLimit as limit:
        _fail(pdf, limit.reason, EXIT_REJECTED)
    except MemoryError:
        _fail(pdf, memory_exhausted(memory_limit if capped else None).reason, EXIT_REJECTED)
    except Exception as error:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        _fail(pdf, f"internal error in followup, please report it ({type(error).__name__}: {technical_detail(error)})",
              EXIT_INTERNAL)
    raise AssertionError("unreachable")


class _Commands(click.Group):
    """The command group; Ctrl-C ends any command with status 130, as shells expect, not click's 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


_TIMEOUT_OPTION = click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT_SECONDS, show_default=True,
    help="Seconds one report may take before it is rejected as `timeout`.")
_MEMORY_OPTION = click.option(
    "--memory-limit", "memory_limit", type=click.IntRange(min=256), default=DEFAULT_MEMORY_LIMIT_MB,
    show_default=True, help="Megabytes of memory one report may take before it is rejected as `too_large`.")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="followup")
def main() -> None:
    """Turn Swedish follow-up report PDFs into clean, comparable data."""
    # pdfminer logs every malformed operator of a damaged file; the user gets one reason instead.
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)


@main.command()
@click.argument("pdf", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("--period", help="The follow-up period, YYYY-MM (else read from the document or file name).")
@click.option("--password", help="Password of an encrypted PDF.")
@click.option("--vocabulary", "vocabulary_files", multiple=True, type=click.Path(path_type=Path, exists=True, dir_okay=False),
              callback=lambda ctx, param, value: _checked_vocabulary(value),
              help="Extra vocabulary file (TOML) extending units, roles, abbreviations and status labels.")
@_TIMEOUT_OPTION
@_MEMORY_OPTION
def extract(pdf: Path, output: Optional[Path], fmt: str, period: Optional[str], password: Optional[str],
            vocabulary_files: tuple[Path, ...], timeout: float, memory_limit: int) -> None:
    """Extract one report PDF into a JSON document (or CSV, one row per activity)."""
    if period is not None and not _is_period(period):
        raise click.BadParameter("expected YYYY-MM", param_hint="--period")
    document = _extract_guarded(pdf, timeout=timeout, memory_limit=memory_limit, period=period, password=password,
                                vocabulary_files=vocabulary_files)
    _emit(document_json(document) if fmt == "json" else document_csv(document), output)


@main.command()
@click.argument("old", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "md"]), default="json", show_default=True)
@_TIMEOUT_OPTION
@_MEMORY_OPTION
def diff(old: Path, new: Path, output: Optional[Path], fmt: str, timeout: float, memory_limit: int) -> None:
    """Compare two periods of one report (each a PDF or an extracted JSON): what changed since last time."""
    from compare import diff_csv, diff_documents, diff_json, diff_markdown

    documents = [_load_document(path, timeout=timeout, memory_limit=memory_limit) for path in (old, new)]
    result = diff_documents(documents[0], documents[1], old_file=printable_name(old), new_file=printable_name(new))
    render = {"json": diff_json, "csv": diff_csv, "md": diff_markdown}[fmt]
    _emit(render(result), output)


def _load_document(path: Path, *, timeout: Optional[float] = None, memory_limit: Optional[int] = None) -> Document:
    """A document from an extracted JSON file, or extracted from a PDF; an error line and exit 3 if neither."""
    from pydantic import ValidationError

    from schemas import Document

    if path.suffix.lower() != ".json":
        return _extract_guarded(path, timeout=timeout, memory_limit=memory_limit)
    try:
        return Document.model_validate_json(path.read_bytes())
    except OSError as error:
        _fail(path, f"cannot read the file ({_os_reason(error)})", EXIT_REJECTED)
    except ValidationError as invalid:
        first = invalid.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "document"
        _fail(path, f"not a followup document ({where}: {first['msg']})", EXIT_REJECTED)
    raise AssertionError("unreachable")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output-dir", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for NAME.json per report, activities.csv and report.json.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, show_default="all cores",
              help="Reports extracted at the same time, each in a process of its own.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds one file may take before it is stopped and recorded as failed.")
@_MEMORY_OPTION
@click.option("--force", is_flag=True, help="Extract again even the inputs unchanged since the last run.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary; failures are still listed.")
@click.option("--period", help="The follow-up period, YYYY-MM, for every input (else each one's own).")
@click.option("--password", help="Password of the encrypted PDFs among the inputs.")
@click.option("--vocabulary", "vocabulary_files", multiple=True, type=click.Path(path_type=Path, exists=True, dir_okay=False),
              callback=lambda ctx, param, value: _checked_vocabulary(value),
              help="Extra vocabulary file (TOML) extending units, roles, abbreviations and status labels.")
def batch(inputs: tuple[str, ...], outdir: Path, jobs: Optional[int], timeout: float, memory_limit: int, force: bool,
          quiet: bool, period: Optional[str], password: Optional[str], vocabulary_files: tuple[Path, ...]) -> None:
    """Extract every report under the INPUTS (files, folders, globs) into OUTDIR; bad files are reported, not fatal.

    Exit status 0 when every input was extracted, 1 when some failed (listed, and in OUTDIR/report.json).
    """
    import signal

    from followup.batch import (BatchLocked, BatchSettings, InputNotFound, assign_outputs, available_cores, discover_inputs,
                                run_batch, summary_lines)
    from followup.progress import batch_progress

    if period is not None and not _is_period(period):
        raise click.BadParameter("expected YYYY-MM", param_hint="--period")
    try:
        paths = discover_inputs(inputs)
    except InputNotFound as missing:
        raise click.UsageError(str(missing))
    if not paths:
        raise click.UsageError("no PDF files found under the inputs")
    settings = BatchSettings(period=period, password=password, vocabulary_files=vocabulary_files,
                             jobs=jobs or available_cores(), timeout=timeout, memory_limit=memory_limit, force=force)
    batch_inputs = assign_outputs(paths)
    # Stopped by a service manager or `kill`: unwind like Ctrl-C, so the workers are stopped too.
    previous_handler = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        with batch_progress(len(batch_inputs), quiet) as advance:
            summary = run_batch(batch_inputs, outdir, settings, on_result=advance)
    except BatchLocked as locked:
        _fail(outdir, str(locked), 2)
    except OSError as error:
        _fail(error.filename or outdir, f"cannot write the output ({_os_reason(error)})", EXIT_OUTPUT_FAILED)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    if not quiet:
        click.echo("\n".join(summary_lines(summary, outdir)))
        if (outdir / "activities.csv").is_file():
            from followup.status_table import status_table

            click.echo("\n" + status_table(outdir / "activities.csv"))
    for failure in summary.failed[:_FAILURES_LISTED]:
        click.echo(f"error: {printable_path(failure.file)}: {failure.reason}", err=True)
    if len(summary.failed) > _FAILURES_LISTED:
        click.echo(f"error: … and {len(summary.failed) - _FAILURES_LISTED} more, see "
                   f"{printable_path(outdir / 'report.json')}", err=True)
    sys.exit(1 if summary.failed else 0)


# A screenful: the run report lists them all.
_FAILURES_LISTED = 20


@main.command("repair-text")
def repair_text_command() -> None:
    """Repair PDF line breaks in Swedish text: stdin → stdout, paragraphs separated by blank lines."""
    from normalize.linebreaks import repair_text

    source = sys.stdin.read()
    paragraphs = [p for p in _split_paragraphs(source)]
    click.echo("\n\n".join(repair_text(p) for p in paragraphs))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    from schemas import Document

    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


def _checked_vocabulary(files: tuple[Path, ...]) -> tuple[Path, ...]:
    """Read the extra vocabulary files once up front, so a broken one is a usage error (exit 2)."""
    if files:
        from normalize.vocabulary import VocabularyError, load_vocabulary

        try:
            load_vocabulary(files)
        except VocabularyError as error:
            raise click.BadParameter(str(error), param_hint="--vocabulary") from None
    return files


def _split_paragraphs(text: str) -> list[str]:
    import re

    return [p for p in re.split(r"\n[ \t]*\n", text.strip("\n")) if p.strip()]


def _is_period(value: str) -> bool:
    import re

    return re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value) is not None


if __name__ == "__main__":
    main()
