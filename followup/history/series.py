"""Which series a report belongs to: one plan of one hospital or unit, followed period after period.

A series is recognised from the report's title and its file name with the period taken out
("ystad-2024-03.pdf" and "ystad-2024-09.pdf" → "ystad"): the title names the plan, the file name
usually the hospital or unit. A user whose files are named otherwise says `--series`.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from followup.normalize.dates import MONTHS
from followup.schemas import Document

# Tokens of a file name that say when, not what: years, month and day numbers, compact dates.
_DATE_TOKEN = re.compile(r"^(?:(?:19|20)\d{2}(?:\d{2}){0,2}|\d{1,2})$")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Vård och service – VO" → "vard-och-service-vo"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def name_without_period(file_name: str) -> str:
    """The file name's words without dates and month names: "ystad-2024-03.pdf" → "ystad"."""
    words = re.findall(r"[^\W_]+", Path(file_name).stem.casefold())
    months = {name.casefold() for name in MONTHS}
    return " ".join(w for w in words if not _DATE_TOKEN.match(w) and w not in months)


def series_key(document: Document) -> str:
    """The series of a document: "<file name without period>--<title>", as slugs; either may be absent."""
    parts = [slug(name_without_period(document.source.file)), slug(document.title or "")]
    key = "--".join(part for part in parts if part)
    return key or "report"
