"""The generic table extractors users weigh followup against, each giving plain tables of text.

Each runs with its defaults on the whole PDF, as a user would try it first. An extractor that is not
installed, or cannot run here (tabula-py needs a Java runtime), is reported as not available.
"""
from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.scoring import Table


@dataclass(frozen=True)
class Alternative:
    name: str
    read_tables: Callable[[Path], list[Table]]


def _cells(rows: list[list[object]]) -> Table:
    return [[None if cell is None or cell != cell else str(cell) for cell in row] for row in rows]


def pdfplumber_tables(pdf: Path) -> list[Table]:
    """pdfplumber's default `extract_tables()` on every page."""
    import pdfplumber

    tables: list[Table] = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            tables += [_cells(t) for t in page.extract_tables()]
            page.close()
    return tables


def _camelot(flavor: str) -> Callable[[Path], list[Table]]:
    def read(pdf: Path) -> list[Table]:
        import camelot

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # camelot warns about every page without a table
            found = camelot.read_pdf(str(pdf), pages="all", flavor=flavor)
        return [_cells(table.df.values.tolist()) for table in found]

    read.__doc__ = f"camelot-py, flavor {flavor!r}."
    return read


def _tabula(lattice: bool) -> Callable[[Path], list[Table]]:
    def read(pdf: Path) -> list[Table]:
        import tabula

        frames = tabula.read_pdf(str(pdf), pages="all", lattice=lattice, stream=not lattice,
                                 pandas_options={"header": None}, silent=True)
        return [_cells(frame.values.tolist()) for frame in frames]

    read.__doc__ = f"tabula-py, {'lattice' if lattice else 'stream'} mode."
    return read


ALTERNATIVES = (
    Alternative("pdfplumber extract_tables()", pdfplumber_tables),
    Alternative("camelot lattice", _camelot("lattice")),
    Alternative("camelot stream", _camelot("stream")),
    Alternative("tabula lattice", _tabula(True)),
    Alternative("tabula stream", _tabula(False)),
)


def unavailable_reason(alternative: Alternative, probe: Path) -> str | None:
    """Why the alternative cannot run here (None when it can), found by running it on a small PDF."""
    logging.getLogger("camelot").setLevel(logging.ERROR)
    try:
        alternative.read_tables(probe)
    except Exception as error:  # any failure of a third-party tool means "not available", not a crash
        return f"{type(error).__name__}: {str(error).strip().splitlines()[0][:100] if str(error).strip() else ''}"
    return None
