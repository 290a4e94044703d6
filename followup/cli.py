"""The `followup` command line: a thin layer over the library (see README.md for examples).

Exit status: 0 done; 1 a batch finished but some inputs failed, or an output cannot be written;
2 wrong usage; 3 input rejected; 70 an internal error (a bug); 130 interrupted (Ctrl-C).
Never a traceback: every failure is one line `error: FILE: REASON` on stderr.
"""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from followup.extract.errors import InputRejected, printable_name, printable_path, technical_detail
from followup.extract.limits import DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT_SECONDS
from followup.extract.readers import DEFAULT_READER, READERS
from followup.output import CsvDialect, new_file_mode, warnings_line
from followup.output_options import OutputChoice, Rendered, output_options, render_diff, render_document, table_options

if TYPE_CHECKING:  # pydantic's models are imported by the commands that use them: `--help` stays fast
    from pydantic import BaseModel

    from followup.schemas import Document

EXIT_OUTPUT_FAILED = 1
EXIT_REJECTED = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def _fail(path: object, reason: str, status: int) -> None:
    """One line `error: PATH: REASON` on stderr, whatever bytes the path holds, then exit."""
    click.echo(f"error: {printable_path(str(path))}: {reason}", err=True)
    sys.exit(status)


def _emit(text: str, output: Path | None) -> None:
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
    from followup.output import write_atomically

    try:
        write_atomically(output, text)
    except OSError as error:
        _fail(output, f"cannot write the output ({_os_reason(error)})", EXIT_OUTPUT_FAILED)


def _write_guarded(output: Path, write: Callable[[Path], None]) -> None:
    """Have `write` make a file beside `output`, then move it into place; a failure is an error line and exit 1."""
    import os
    import tempfile

    temporary: Path | None = None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
        os.close(fd)
        temporary = Path(name)
        write(temporary)
        os.chmod(temporary, new_file_mode())
        os.replace(temporary, output)
    except OSError as error:
        _fail(output, f"cannot write the output ({_os_reason(error)})", EXIT_OUTPUT_FAILED)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _inputs_to_read(inputs: tuple[str, ...], period: str | None, discover: Callable[[tuple[str, ...]], list[Path]],
                    kind: str) -> list[Path]:
    """The files the INPUTS name (batch's and history's discovery); a bad --period or no file is a usage error."""
    from followup.batch import InputNotFound

    if period is not None and not _is_period(period):
        raise click.BadParameter("expected YYYY-MM", param_hint="--period")
    try:
        paths = discover(inputs)
    except InputNotFound as missing:
        raise click.UsageError(str(missing)) from None
    if not paths:
        raise click.UsageError(f"no {kind} found under the inputs")
    return paths


def _os_reason(error: OSError) -> str:
    import errno

    plain = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
             errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
             errno.EPERM: "permission denied", errno.ENOTDIR: "a part of the path is a file, not a folder",
             errno.EEXIST: "a part of the path is a file, not a folder", errno.EISDIR: "it is a folder",
             errno.EFBIG: "the file would be too large (disk full or file size limit)"}
    if error.errno is not None and error.errno in plain:
        return plain[error.errno]
    return error.strerror or str(error)


def _extract_guarded(pdf: Path | str, *, timeout: float | None, memory_limit: int | None, **options: Any) -> Document:
    """read_report within our own time and memory limits; every failure is an error line and exit.

    `pdf` "-" reads the PDF from stdin. A rejection's reason gets the option that helps, as the CLI's words.
    """
    from followup.api import read_report
    from followup.errors import InvalidSetting, ReportRejected, ReportTooLarge
    from followup.extract.limits import cap_memory, memory_exhausted
    from followup.hints import with_option_hint

    capped = cap_memory(memory_limit)
    source = sys.stdin.buffer if str(pdf) == "-" else pdf
    try:
        return read_report(source, timeout=timeout, **options)
    except ReportTooLarge as rejected:
        # The library does not know the process's cap; the command line says which limit was hit.
        reason = memory_exhausted(memory_limit).reason if capped and rejected.setting == "memory_limit" else rejected.reason
        _fail(pdf, with_option_hint(reason, rejected.setting), EXIT_REJECTED)
    except ReportRejected as rejected:
        _fail(pdf, with_option_hint(rejected.reason, rejected.setting), EXIT_REJECTED)
    except InvalidSetting as invalid:
        raise click.UsageError(invalid.reason) from None
    except MemoryError:
        _fail(pdf, with_option_hint(memory_exhausted(memory_limit if capped else None).reason, "memory_limit"),
              EXIT_REJECTED)
    except Exception as error:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        _fail(pdf, f"internal error in followup, please report it ({type(error).__name__}: {technical_detail(error)})",
              EXIT_INTERNAL)
    raise AssertionError("unreachable")


def _examples(*lines: str) -> str:
    """A command's help ends with examples (click keeps the lines as written after \\b)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


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
_VOCABULARY_OPTION = click.option(
    "--vocabulary", "vocabulary_files", multiple=True, type=click.Path(path_type=Path, exists=True, dir_okay=False),
    callback=lambda ctx, param, value: _checked_vocabulary(value),
    help="Extra vocabulary file (TOML) extending units, roles, abbreviations and status labels.")
_READER_OPTION = click.option(
    "--reader", type=click.Choice(READERS), default=DEFAULT_READER, show_default=True,
    help="Page reader: pdfplumber is the reference; pdfminer gives the same output faster; pdfium is faster still "
         "but reads some pages differently (README).")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_examples(
    "followup extract samples/pdf/ystad-2024-03.pdf --format csv -o ystad.csv",
    "followup batch samples/pdf -o out",
    "followup diff samples/pdf/ystad-2024-03.pdf samples/pdf/ystad-2024-09.pdf --format md",
    "followup COMMAND --help   # each command's options and examples"))
@click.version_option(package_name="followup")
def main() -> None:
    """Turn Swedish follow-up report PDFs into clean, comparable data."""
    # pdfminer logs every malformed operator of a damaged file; the user gets one reason instead.
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)


@main.command(epilog=_examples(
    "followup extract samples/pdf/ystad-2024-03.pdf",
    "followup extract rapport.pdf -o rapport.csv --period 2024-03",
    "followup extract rapport.pdf -o rapport.xlsx        # Excel; .csv .json .jsonl .parquet alike",
    "curl -s https://example.se/rapport.pdf | followup extract - > rapport.json"))
@click.argument("pdf", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@output_options(["json", "csv", "jsonl", "xlsx", "parquet"], default="json")
@click.option("--period", help="The follow-up period, YYYY-MM (else read from the document or file name).")
@click.option("--password", help="Password of an encrypted PDF.")
@_VOCABULARY_OPTION
@_TIMEOUT_OPTION
@_MEMORY_OPTION
@_READER_OPTION
def extract(pdf: Path, out: OutputChoice, period: str | None, password: str | None,
            vocabulary_files: tuple[Path, ...], timeout: float, memory_limit: int, reader: str) -> None:
    """Extract one report PDF (`-`: read it from stdin) into a JSON document (or CSV, JSON Lines, Excel,
    Parquet: one row per activity)."""
    if period is not None and not _is_period(period):
        raise click.BadParameter("expected YYYY-MM", param_hint="--period")
    document = _extract_guarded(pdf, timeout=timeout, memory_limit=memory_limit, period=period, password=password,
                                vocabulary=vocabulary_files, reader=reader)
    _deliver(render_document(document, out), out.path)
    # The warnings are in every format, but a reader of a table may not look: say they are there.
    line = warnings_line(printable_path(str(pdf)), document.warnings)
    if line is not None:
        click.echo(line, err=True)


def _deliver(rendered: Rendered, output: Path | None) -> None:
    """Text to stdout or a file (atomically); a file format written beside `output`, then moved into place."""
    if isinstance(rendered, str):
        _emit(rendered, output)
    else:
        assert output is not None  # chosen_output asks file formats for -o
        _write_guarded(output, rendered)


@main.command(epilog=_examples(
    "followup diff samples/pdf/ystad-2024-03.pdf samples/pdf/ystad-2024-09.pdf --format md",
    "followup diff out/old.json out/new.json --format csv -o changes.csv",
    "followup diff old.pdf new.pdf --password hemligt --period 2024-03 --period 2024-09 --format md --lang en"))
@click.argument("old", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@output_options(["json", "csv", "md", "jsonl", "xlsx", "parquet"], default="json")
@click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
              help="Language of the meeting summary (--format md).")
@click.option("--period", "periods", multiple=True, metavar="YYYY-MM",
              help="The follow-up period of OLD, then (given again) of NEW (else each one's own).")
@click.option("--password", help="Password of the encrypted PDFs among OLD and NEW.")
@_VOCABULARY_OPTION
@_TIMEOUT_OPTION
@_MEMORY_OPTION
def diff(old: Path, new: Path, out: OutputChoice, lang: str, periods: tuple[str, ...],
         password: str | None, vocabulary_files: tuple[Path, ...], timeout: float, memory_limit: int) -> None:
    """Compare two periods of one report (each a PDF or an extracted JSON): what changed since last time.

    Warns on stderr (exit status 0) when the two share almost no activities: they may be different reports.
    """
    from followup.api import looks_unrelated, unrelated_message
    from followup.compare import diff_documents

    if len(periods) > 2:
        raise click.BadParameter("give it at most twice: OLD's period, then NEW's", param_hint="--period")
    for period in periods:
        if not _is_period(period):
            raise click.BadParameter("expected YYYY-MM", param_hint="--period")
    documents = [_load_document(path, timeout=timeout, memory_limit=memory_limit, password=password,
                                vocabulary=vocabulary_files, period=periods[i] if i < len(periods) else None)
                 for i, path in enumerate((old, new))]
    result = diff_documents(documents[0], documents[1], old_file=printable_name(old), new_file=printable_name(new))
    if looks_unrelated(result):
        click.echo(f"warning: {unrelated_message(result)}", err=True)
    _deliver(render_diff(result, out, lang=lang), out.path)


def _load_document(path: Path, *, timeout: float | None = None, memory_limit: int | None = None,
                   period: str | None = None, **options: object) -> Document:
    """A document from an extracted JSON file, or extracted from a PDF; an error line and exit 3 if neither.

    `period` overrides the document's own; `options` (password, vocabulary) are read_report's.
    """
    from followup.api import read_document_json
    from followup.errors import ReportRejected

    if path.suffix.lower() != ".json":
        return _extract_guarded(path, timeout=timeout, memory_limit=memory_limit, period=period, **options)
    try:
        document = read_document_json(path)
    except ReportRejected as rejected:
        _fail(path, rejected.reason, EXIT_REJECTED)
    return document.model_copy(update={"period": period}) if period else document


@main.command(epilog=_examples(
    "followup batch samples/pdf -o out",
    "followup batch 'arkiv/**/*-2024-*.pdf' -o out --jobs 4 --timeout 60 --password hemligt",
    "find arkiv -name '*.pdf' -mtime -90 | followup batch --files-from - -o out --prune",
    "followup batch arkiv -o out --progress-interval 30 2>> batch.log   # under cron"))
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output-dir", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for NAME.json per report, activities.csv (and .xlsx .jsonl .parquet with --format) and "
                   "report.json.")
@click.option("--files-from", "files_from", type=click.File("r", encoding="utf-8"),
              help="Read more inputs from FILE, one per line (`-`: stdin).")
@click.option("--prune", is_flag=True, help="Remove the outputs of inputs no longer given (always listed as stale).")
@click.option("--progress-interval", "progress_interval", type=click.FloatRange(min=0), default=0, show_default=True,
              metavar="SECONDS",
              help="When stderr is not a terminal: a progress line every SECONDS instead of one per report.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, show_default="all cores",
              help="Reports extracted at the same time, each in a process of its own.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds one file may take before it is stopped and recorded as failed.")
@_MEMORY_OPTION
@click.option("--force", is_flag=True, help="Extract again even the inputs unchanged since the last run.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary; failures are still listed.")
@click.option("--period", help="The follow-up period, YYYY-MM, for every input (else each one's own).")
@click.option("--password", help="Password of the encrypted PDFs among the inputs.")
@_VOCABULARY_OPTION
@_READER_OPTION
@table_options(["csv", "xlsx", "jsonl", "parquet"])
def batch(inputs: tuple[str, ...], outdir: Path, files_from: TextIO | None, prune: bool,
          progress_interval: float, jobs: int | None, timeout: float, memory_limit: int, force: bool,
          quiet: bool, period: str | None, password: str | None, vocabulary_files: tuple[Path, ...],
          reader: str, tables: tuple[str, ...], csv_dialect: CsvDialect) -> None:
    """Extract every report under the INPUTS (files, folders, globs) into OUTDIR; bad files are reported, not fatal.

    An input with the same content as an earlier one is a duplicate (not extracted or counted again).
    Ctrl-C or SIGTERM still writes OUTDIR/report.json for what finished. Exit status 0 when every
    input was extracted, 1 when some failed (listed, and in OUTDIR/report.json).
    """
    import signal

    from followup.batch import (
        BatchLocked,
        BatchSettings,
        assign_outputs,
        available_cores,
        discover_inputs,
        run_batch,
        summary_lines,
    )
    from followup.progress import batch_progress

    inputs = inputs + _listed_inputs(files_from)
    if not inputs:
        raise click.UsageError("give INPUTS, or --files-from FILE")
    paths = _inputs_to_read(inputs, period, discover_inputs, "PDF files")
    settings = BatchSettings(period=period, password=password, vocabulary_files=vocabulary_files,
                             jobs=jobs or available_cores(), timeout=timeout, memory_limit=memory_limit, force=force,
                             reader=None if reader == DEFAULT_READER else reader, prune=prune, tables=tables,
                             csv_dialect=csv_dialect)
    batch_inputs = assign_outputs(paths)
    # Stopped by a service manager or `kill`: unwind like Ctrl-C, so the workers are stopped too.
    previous_handler = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        with batch_progress(len(batch_inputs), quiet, interval=progress_interval) as advance:
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

            click.echo("\n" + status_table(outdir / "activities.csv", csv_dialect))
        from followup.batch_tables import batch_warnings_line

        line = batch_warnings_line(summary.warnings, summary.ok_count, printable_path(outdir / "activities.csv"))
        if line is not None:
            click.echo(line, err=True)
    for failure in summary.failed[:_FAILURES_LISTED]:
        click.echo(f"error: {printable_path(failure.file)}: {failure.reason}", err=True)
    if len(summary.failed) > _FAILURES_LISTED:
        click.echo(f"error: … and {len(summary.failed) - _FAILURES_LISTED} more, see "
                   f"{printable_path(outdir / 'report.json')}", err=True)
    sys.exit(1 if summary.failed else 0)


# A screenful: the run report lists them all.
_FAILURES_LISTED = 20


def _listed_inputs(listing: TextIO | None) -> tuple[str, ...]:
    """The inputs a --files-from file names, one per line (blank lines and surrounding spaces ignored)."""
    if listing is None:
        return ()
    return tuple(line.strip() for line in listing.read().splitlines() if line.strip())


@main.command("repair-text", epilog=_examples(
    "printf 'Utbildning för patien-\\nterna\\n' | followup repair-text",
    "followup repair-text < celltext.txt > repaired.txt"))
def repair_text_command() -> None:
    """Repair PDF line breaks in Swedish text: stdin → stdout, paragraphs separated by blank lines."""
    from followup.normalize.linebreaks import repair_text

    source = sys.stdin.read()
    paragraphs = [p for p in _split_paragraphs(source)]
    click.echo("\n\n".join(repair_text(p) for p in paragraphs))


@main.command(epilog=_examples(
    "followup schema > followup-document.schema.json",
    "followup schema diff",
    "followup schema run-report",
))
@click.argument("output", type=click.Choice(["document", "diff", "run-report"]), default="document")
def schema(output: str) -> None:
    """Print the JSON Schema of an output: the document (default), the diff or batch's run report."""
    from followup.schemas import Diff, Document
    from followup.schemas.run_report import RunReport

    models: dict[str, type[BaseModel]] = {"document": Document, "diff": Diff, "run-report": RunReport}
    model = models[output]
    click.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))


@main.command(epilog=_examples(
    "followup debug rapport.pdf --page 3 -o page3.png",
    "followup debug rapport.pdf --page 1 -o page1.png --resolution 200 --reader pdfplumber",
))
@click.argument("pdf", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--page", "page_number", type=click.IntRange(min=1), required=True, help="The page to draw (1 is the first).")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The picture to write (PNG).")
@click.option("--password", help="Password of an encrypted PDF.")
@_VOCABULARY_OPTION
@click.option("--resolution", type=click.IntRange(min=36, max=600), default=110, show_default=True,
              help="Pixels per inch of the picture.")
@_READER_OPTION
def debug(pdf: Path, page_number: int, output: Path, password: str | None, vocabulary_files: tuple[Path, ...],
          resolution: int, reader: str) -> None:
    """Draw what extract found on one page into a PNG, and print it in words.

    Header bands (blue) with each column's role, column edges (orange), rows (green boxes), group
    rows (purple), the status each status cell gave (red), and rows running over a page break.
    Attach the picture to a bug report when a report is misread.
    """
    from followup.extract.document import inspect_page
    from followup.normalize.vocabulary import load_vocabulary
    from followup.page_picture import describe_page_findings, draw_page_findings

    try:
        findings = inspect_page(pdf, page_number, password=password, reader=reader)
    except InputRejected as rejected:
        _fail(pdf, rejected.reason, EXIT_REJECTED)
    except ValueError as wrong_page:
        raise click.BadParameter(str(wrong_page), param_hint="--page") from None
    vocabulary = load_vocabulary(vocabulary_files)
    _write_guarded(output, lambda path: draw_page_findings(pdf, findings, vocabulary, path, password=password,
                                                           resolution=resolution))
    click.echo(describe_page_findings(findings))
    click.echo(f"picture: {output}")


def _checked_vocabulary(files: tuple[Path, ...]) -> tuple[Path, ...]:
    """Read the extra vocabulary files once up front, so a broken one is a usage error (exit 2)."""
    if files:
        from followup.normalize.vocabulary import VocabularyError, load_vocabulary

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



# ---------------------------------------------------------------- history and the meeting report


@main.group(epilog=_examples(
    "followup history add history.db samples/pdf",
    "followup history show history.db --series ystad"))
def history() -> None:
    """Every period of every report in one SQLite database: timelines across periods."""


@history.command("add", epilog=_examples(
    "followup history add history.db samples/pdf",
    "followup history add history.db 'arkiv/**/*.json' --series ystad-digital --quiet"))
@click.argument("database", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--series", help="The series every input belongs to (else recognised from title and file name).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, show_default="all cores",
              help="PDFs extracted at the same time, each in a process of its own.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds one PDF may take before it is stopped and recorded as failed.")
@click.option("--period", help="The follow-up period, YYYY-MM, of every input (else each one's own).")
@click.option("--password", help="Password of the encrypted PDFs among the inputs.")
@_VOCABULARY_OPTION
@click.option("--quiet", is_flag=True, help="No progress bar and no summary; failures are still listed.")
def history_add(database: Path, inputs: tuple[str, ...], series: str | None, jobs: int | None, timeout: float,
                period: str | None, password: str | None, vocabulary_files: tuple[Path, ...], quiet: bool) -> None:
    """Add the reports under INPUTS (PDFs, extracted JSON, folders, globs) to DATABASE, one period each.

    Adding a period again replaces it. Exit status 0 when every input was added, 1 when some failed.
    """
    from followup.batch import BatchSettings, available_cores
    from followup.history.ingest import add_documents, discover_history_inputs, read_documents
    from followup.history.store import HistoryError, connect
    from followup.progress import batch_progress

    paths = _inputs_to_read(inputs, period, discover_history_inputs, "PDF or JSON files")
    try:
        connection = connect(database)
    except (HistoryError, OSError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    settings = BatchSettings(period=period, password=password, vocabulary_files=vocabulary_files,
                             jobs=jobs or available_cores(), timeout=timeout, force=True)
    with batch_progress(sum(1 for p in paths if p.suffix.lower() != ".json"), quiet) as advance:
        documents, failures = read_documents(paths, settings, on_result=advance)
    outcomes = add_documents(connection, documents, series=series)
    connection.close()
    failures += [o for o in outcomes if not o.ok]
    if not quiet:
        for outcome in outcomes:
            added = outcome.added
            if added is not None:
                verb = "replaced" if added.replaced else "added"
                click.echo(f"{verb} {added.series} {added.period}: {added.activities} activities, "
                           f"{added.continued} continued from the period before ({outcome.file})")
        click.echo(f"{len(paths)} inputs: {sum(1 for o in outcomes if o.ok)} added, {len(failures)} failed → {database}")
    for failure in failures:
        click.echo(f"error: {failure.file}: {failure.reason}", err=True)
    sys.exit(1 if failures else 0)


@history.command("show", epilog=_examples(
    "followup history show history.db",
    "followup history show history.db --series ystad --activity fd2880d707f4 --format csv",
    "followup history show history.db --format xlsx -o historik.xlsx"))
@click.argument("database", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--series", help="The series (its key or a unique beginning of it); default every series.")
@click.option("--activity", help="One activity's timeline: its identity key or its id in any period (or a unique beginning).")
@output_options(["table", "csv", "json", "xlsx"], default="table")
def history_show(database: Path, series: str | None, activity: str | None, out: OutputChoice) -> None:
    """The status counts per period of each series, or the timeline of one activity.

    xlsx: an Excel workbook, one sheet per series (or the activity).
    """
    from followup.history.formats import as_csv, as_json, as_table, write_xlsx
    from followup.history.queries import (
        STATUS_COUNT_COLUMNS,
        TIMELINE_COLUMNS,
        find_identity,
        find_series,
        status_counts,
        timeline,
    )
    from followup.history.store import HistoryError, connect

    try:
        connection = connect(database, create=False)
        chosen = find_series(connection, series)
        blocks: list[tuple[str, list[dict[str, object]], tuple[str, ...]]]
        if activity is not None:
            identity_id, key = find_identity(connection, chosen[0].series_id if series else None, activity)
            blocks = [(key, timeline(connection, identity_id), TIMELINE_COLUMNS)]
        else:
            blocks = [(s.key, status_counts(connection, s.series_id), STATUS_COUNT_COLUMNS) for s in chosen]
    except HistoryError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    if out.format == "xlsx":
        assert out.path is not None, "chosen_output names the file of a file format"
        _write_guarded(out.path, lambda temporary: write_xlsx(temporary, blocks))
        return
    if out.format == "json":
        text = as_json({name: rows for name, rows, _ in blocks})
    elif out.format == "csv":
        name_column = "activity" if activity is not None else "series"
        text = as_csv([{name_column: name, **row} for name, rows, _ in blocks for row in rows],
                      [name_column, *(blocks[0][2] if blocks else ())], out.csv_dialect)
    else:
        text = "\n".join(f"{name}\n{as_table(rows, columns)}" for name, rows, columns in blocks)
    _emit(text, out.path)


@main.command("report", epilog=_examples(
    "followup report history.db -o möte.html",
    "followup report history.db --series ystad -o ystad.html",
    "followup report old.pdf new.json -o möte.html"))
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The HTML file to write.")
@click.option("--series", help="Only this series of the database (its key or a unique beginning of it).")
def report_command(sources: tuple[Path, ...], output: Path, series: str | None) -> None:
    """The meeting report, one self-contained HTML file in Swedish: a history DATABASE, or OLD NEW reports.

    OLD and NEW are PDFs or extracted JSON of two periods of one report.
    """
    from followup.history.adding import add_document
    from followup.history.store import HistoryError, connect

    try:
        from followup.meeting_report.render import render_report
    except ImportError as missing:
        click.echo(f"error: the meeting report needs the 'report' extra (pip install 'followup[report]'): {missing}",
                   err=True)
        sys.exit(2)
    if len(sources) not in (1, 2):
        raise click.UsageError("give one history database, or two reports (OLD NEW)")
    try:
        if len(sources) == 1:
            connection = connect(sources[0], create=False)
        else:
            connection = connect(":memory:")
            for path in sources:
                try:
                    add_document(connection, _load_document(path), series=series or "rapport")
                except InputRejected as rejected:
                    click.echo(f"error: {path}: {rejected.reason}", err=True)
                    sys.exit(EXIT_REJECTED)
        html = render_report(connection, series=series, source=" och ".join(path.name for path in sources))
    except HistoryError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    from followup.output import write_atomically

    write_atomically(output, html)


if __name__ == "__main__":
    main()
