"""The output options every command shares: -o/--output, --format and --csv-dialect, and what they mean.

The format is the one `--format` names, else the one the output's name implies (`-o x.xlsx`,
`.csv`, `.json`, `.jsonl`, `.parquet`, `.md`), else the command's default; `--format` contradicting
the name is a usage error, as is a format the command cannot write. xlsx and Parquet are files,
never stdout. The decorated command receives one `out: OutputChoice` instead of the three options
(`batch` writes into its folder: it receives `tables` and `csv_dialect`).
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from followup.output import CSV_DIALECTS, CsvDialect

SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet",
                  ".md": "md"}
# Formats that are files of their own, not text for a terminal or a pipe.
FILE_FORMATS = frozenset({"xlsx", "parquet"})


@dataclass(frozen=True)
class OutputChoice:
    """Where and how a command writes: `path` None is stdout."""

    path: Path | None
    format: str
    csv_dialect: CsvDialect = "rfc4180"


def format_of_name(path: Path | None) -> str | None:
    """The format a file name implies (`.xlsx` → xlsx), or None for stdout or an unknown suffix."""
    return None if path is None else SUFFIX_FORMATS.get(path.suffix.lower())


def chosen_output(given: str | None, path: Path | None, dialect: CsvDialect | None, formats: Sequence[str],
                  default: str) -> OutputChoice:
    """The output the options ask for; click.UsageError for a contradiction or a format not offered."""
    implied = format_of_name(path)
    if given is not None and implied is not None and path is not None and implied != given:
        raise click.UsageError(f"--format {given} contradicts the output's name {path.name} (a .{implied} file); "
                               "drop one of them")
    fmt = given or implied or ("csv" if dialect is not None else default)
    if fmt not in formats:
        asking = f"the output's name {path.name}" if path is not None else f"--format {fmt}"
        raise click.UsageError(f"this command cannot write {fmt} ({asking} asks for it); "
                               f"it writes {', '.join(formats)}")
    if dialect is not None and fmt != "csv":
        raise click.UsageError(f"--csv-dialect applies to CSV output, not {fmt}")
    if fmt in FILE_FORMATS and path is None:
        raise click.UsageError(f"--format {fmt} writes a file: name it with -o FILE.{fmt}")
    if fmt == "parquet":
        _require_parquet()
    return OutputChoice(path=path, format=fmt, csv_dialect=dialect or "rfc4180")


def _require_parquet() -> None:
    from followup.parquet import ParquetUnavailable, require_pyarrow

    try:
        require_pyarrow()
    except ParquetUnavailable as missing:
        raise click.UsageError(str(missing)) from None


_DIALECT_HELP = ("CSV flavour: rfc4180 (the default: `,`, UTF-8, as always) or excel-sv (`;`, UTF-8 with BOM, CRLF, "
                 "ids kept as text: what Swedish Excel opens by a double click).")


def output_options(formats: Sequence[str], default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """-o/--output, --format and --csv-dialect for a command writing one output; it gets `out: OutputChoice`."""
    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def resolved(*args: Any, output: Path | None, fmt: str | None, csv_dialect: CsvDialect | None, **kwargs: Any) -> Any:
            return command(*args, out=chosen_output(fmt, output, csv_dialect, formats, default), **kwargs)

        suffixes = " ".join(suffix for suffix, fmt in SUFFIX_FORMATS.items() if fmt in formats)
        files = " and ".join(fmt for fmt in formats if fmt in FILE_FORMATS)
        for option in reversed([
            click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                         help=f"Write here instead of stdout; its name ({suffixes}) chooses the format unless "
                              "--format does."),
            click.option("--format", "fmt", type=click.Choice(list(formats)), default=None,
                         help=f"The output format (default: from the output's name, else {default})"
                              + (f"; {files} need{'s' if ' ' not in files else ''} -o." if files else ".")),
            click.option("--csv-dialect", type=click.Choice(CSV_DIALECTS), default=None, help=_DIALECT_HELP),
        ]):
            resolved = option(resolved)
        return resolved

    return decorate


def table_options(formats: Sequence[str]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--format (repeatable) and --csv-dialect for `batch`, which writes its tables into OUTDIR: the
    command gets `tables` (the formats, csv always among them) and `csv_dialect`."""
    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def resolved(*args: Any, fmt: tuple[str, ...], csv_dialect: str | None, **kwargs: Any) -> Any:
            if "parquet" in fmt:
                _require_parquet()
            tables = tuple(dict.fromkeys(("csv", *fmt)))
            return command(*args, tables=tables, csv_dialect=csv_dialect or "rfc4180", **kwargs)

        for option in reversed([
            click.option("--format", "fmt", type=click.Choice(list(formats)), multiple=True,
                         help="Also write every activity as activities.FORMAT (repeatable); activities.csv "
                              "is always written."),
            click.option("--csv-dialect", type=click.Choice(CSV_DIALECTS), default=None, help=_DIALECT_HELP),
        ]):
            resolved = option(resolved)
        return resolved

    return decorate


# What a command writes: text for stdout or a file, or a function writing a file at the path it is given.
Rendered = str | Callable[[Path], None]


def render_document(document: Any, out: OutputChoice) -> Rendered:
    """`extract`'s output in the chosen format."""
    from followup import output

    if out.format == "csv":
        return output.document_csv(document, out.csv_dialect)
    if out.format == "jsonl":
        return output.document_jsonl(document)
    if out.format == "xlsx":
        from followup.workbook import document_sheets, write_workbook

        return lambda path: write_workbook(path, document_sheets(document))
    if out.format == "parquet":
        from followup.parquet import write_parquet

        columns, rows = output.document_table(document)
        return lambda path: write_parquet(path, rows, columns)
    return output.document_json(document)


def render_diff(diff: Any, out: OutputChoice, lang: str = "sv") -> Rendered:
    """`diff`'s output in the chosen format (`lang`: the meeting summary's language)."""
    from followup import diff_output as report

    if out.format == "csv":
        return report.diff_csv(diff, out.csv_dialect)
    if out.format == "jsonl":
        return report.diff_jsonl(diff)
    if out.format == "md":
        return report.diff_markdown(diff, lang=lang)
    if out.format == "xlsx":
        from followup.workbook import write_workbook

        return lambda path: write_workbook(path, report.diff_sheets(diff))
    if out.format == "parquet":
        from followup.parquet import write_parquet

        rows = [report.change_csv_row(c) for c in diff.activities]
        return lambda path: write_parquet(path, rows, report.DIFF_CSV_COLUMNS)
    return report.diff_json(diff)
