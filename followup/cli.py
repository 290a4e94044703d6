"""The `followup` command line: a thin layer over the library (see README.md for examples).

Exit status: 0 done; 1 a batch finished but some inputs failed; 2 wrong usage; 3 input rejected.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from extract.errors import InputRejected
from followup.output import document_csv, document_json, write_atomically

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


@main.command()
@click.argument("pdf", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("--period", help="The follow-up period, YYYY-MM (else read from the document or file name).")
@click.option("--password", help="Password of an encrypted PDF.")
@click.option("--vocabulary", "vocabulary_files", multiple=True, type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Extra vocabulary file (TOML) extending units, roles, abbreviations and status labels.")
def extract(pdf: Path, output: Optional[Path], fmt: str, period: Optional[str], password: Optional[str],
            vocabulary_files: tuple[Path, ...]) -> None:
    """Extract one report PDF into a JSON document (or CSV, one row per activity)."""
    from followup.pipeline import extract_document

    if period is not None and not _is_period(period):
        raise click.BadParameter("expected YYYY-MM", param_hint="--period")
    try:
        document = extract_document(pdf, period=period, password=password, vocabulary_files=vocabulary_files)
    except InputRejected as rejected:
        click.echo(f"error: {pdf}: {rejected.reason}", err=True)
        sys.exit(EXIT_REJECTED)
    _emit(document_json(document) if fmt == "json" else document_csv(document), output)


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


def _split_paragraphs(text: str) -> list[str]:
    import re

    return [p for p in re.split(r"\n[ \t]*\n", text.strip("\n")) if p.strip()]


def _is_period(value: str) -> bool:
    import re

    return re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value) is not None


if __name__ == "__main__":
    main()
