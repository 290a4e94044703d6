"""The `followup` command line: a thin layer over the library (see README.md for examples).

Exit status: 0 done; 1 a batch finished but some inputs failed; 2 wrong usage; 3 input rejected.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import click

from extract.errors import InputRejected
from extract.readers import DEFAULT_READER, READERS
from followup.output import document_csv, document_json, write_atomically
from schemas import Document

EXIT_REJECTED = 3


def _emit(text: str, output: Optional[Path]) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--reader", type=click.Choice(READERS), default=DEFAULT_READER, show_default=True,
              help="Page reader: all give the same output; pdfplumber is the reference, the others are faster.")
def extract(pdf: Path, output: Optional[Path], fmt: str, period: Optional[str], password: Optional[str],
            vocabulary_files: tuple[Path, ...], reader: str) -> None:
    """Extract one report PDF into a JSON document (or CSV, one row per activity)."""
    from followup.pipeline import extract_document

    if period is not None and not _is_period(period):
        raise click.BadParameter("expected YYYY-MM", param_hint="--period")
    try:
        document = extract_document(pdf, period=period, password=password, vocabulary_files=vocabulary_files,
                                    reader=reader)
    except InputRejected as rejected:
        click.echo(f"error: {pdf}: {rejected.reason}", err=True)
        sys.exit(EXIT_REJECTED)
    _emit(document_json(document) if fmt == "json" else document_csv(document), output)


@main.command()
@click.argument("old", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "md"]), default="json", show_default=True)
def diff(old: Path, new: Path, output: Optional[Path], fmt: str) -> None:
    """Compare two periods of one report (each a PDF or an extracted JSON): what changed since last time."""
    from compare import diff_csv, diff_documents, diff_json, diff_markdown

    documents = []
    for path in (old, new):
        try:
            documents.append(_load_document(path))
        except InputRejected as rejected:
            click.echo(f"error: {path}: {rejected.reason}", err=True)
            sys.exit(EXIT_REJECTED)
    result = diff_documents(documents[0], documents[1], old_file=old.name, new_file=new.name)
    render = {"json": diff_json, "csv": diff_csv, "md": diff_markdown}[fmt]
    _emit(render(result), output)


def _load_document(path: Path) -> Document:
    """A document from an extracted JSON file, or extracted from a PDF; InputRejected if neither."""
    from pydantic import ValidationError

    from followup.pipeline import extract_document
    from schemas import Document

    if path.suffix.lower() != ".json":
        return extract_document(path)
    try:
        return Document.model_validate_json(path.read_bytes())
    except ValidationError as invalid:
        first = invalid.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "document"
        raise InputRejected(f"not a followup document ({where}: {first['msg']})", code="not_document") from None


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output-dir", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for NAME.json per report, activities.csv and report.json.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, show_default="all cores",
              help="Reports extracted at the same time, each in a process of its own.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds one file may take before it is stopped and recorded as failed.")
@click.option("--force", is_flag=True, help="Extract again even the inputs unchanged since the last run.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary; failures are still listed.")
@click.option("--period", help="The follow-up period, YYYY-MM, for every input (else each one's own).")
@click.option("--password", help="Password of the encrypted PDFs among the inputs.")
@click.option("--vocabulary", "vocabulary_files", multiple=True, type=click.Path(path_type=Path, exists=True, dir_okay=False),
              callback=lambda ctx, param, value: _checked_vocabulary(value),
              help="Extra vocabulary file (TOML) extending units, roles, abbreviations and status labels.")
@click.option("--reader", type=click.Choice(READERS), default=DEFAULT_READER, show_default=True,
              help="Page reader: all give the same output; pdfplumber is the reference, the others are faster.")
def batch(inputs: tuple[str, ...], outdir: Path, jobs: Optional[int], timeout: float, force: bool, quiet: bool,
          period: Optional[str], password: Optional[str], vocabulary_files: tuple[Path, ...], reader: str) -> None:
    """Extract every report under the INPUTS (files, folders, globs) into OUTDIR; bad files are reported, not fatal.

    Exit status 0 when every input was extracted, 1 when some failed (listed, and in OUTDIR/report.json).
    """
    import signal

    from followup.batch import (BatchSettings, InputNotFound, assign_outputs, available_cores, discover_inputs,
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
                             jobs=jobs or available_cores(), timeout=timeout, force=force,
                             reader=None if reader == DEFAULT_READER else reader)
    batch_inputs = assign_outputs(paths)
    # Stopped by a service manager or `kill`: unwind like Ctrl-C, so the workers are stopped too.
    previous_handler = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        with batch_progress(len(batch_inputs), quiet) as advance:
            summary = run_batch(batch_inputs, outdir, settings, on_result=advance)
    except OSError as error:
        click.echo(f"error: {error.filename or outdir}: {error.strerror or error}", err=True)
        sys.exit(1)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    if not quiet:
        click.echo("\n".join(summary_lines(summary, outdir)))
        if (outdir / "activities.csv").is_file():
            from followup.status_table import status_table

            click.echo("\n" + status_table(outdir / "activities.csv"))
    for failure in summary.failed[:_FAILURES_LISTED]:
        click.echo(f"error: {failure.file}: {failure.reason}", err=True)
    if len(summary.failed) > _FAILURES_LISTED:
        click.echo(f"error: … and {len(summary.failed) - _FAILURES_LISTED} more, see {outdir / 'report.json'}", err=True)
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
