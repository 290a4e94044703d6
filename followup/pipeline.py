"""One report through every stage: PDF → RawDocument → Document."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from schemas import Document


def extract_document(
    path: Path,
    *,
    period: Optional[str] = None,
    password: Optional[str] = None,
    vocabulary_files: Sequence[Path] = (),
) -> Document:
    """Read one follow-up PDF and return its normalized document.

    Raises extract.errors.InputRejected when the file is not a readable follow-up report.
    """
    from extract.document import read_raw_document
    from normalize.document import build_document
    from normalize.vocabulary import load_vocabulary

    raw = read_raw_document(Path(path), password=password)
    vocabulary = load_vocabulary(vocabulary_files)
    return build_document(raw, vocabulary, period=period)
