"""One report through every stage: PDF → RawDocument → Document."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from followup.schemas import Document


def extract_document(
    path: Path,
    *,
    period: str | None = None,
    password: str | None = None,
    vocabulary_files: Sequence[Path] = (),
    reader: str | None = None,
    sha256: str | None = None,
) -> Document:
    """Read one follow-up PDF and return its normalized document.

    `reader` names the page reader (extract.readers.READERS; None: the default). Raises
    extract.errors.InputRejected when the file is not a readable follow-up report. `sha256`: the file's,
    when the caller has hashed it already.
    """
    from followup.extract.document import HashedFile, read_raw_document
    from followup.extract.readers import DEFAULT_READER
    from followup.normalize.document import build_document
    from followup.normalize.vocabulary import load_vocabulary

    source = HashedFile(Path(path), sha256) if sha256 else Path(path)
    raw = read_raw_document(source, password=password, reader=reader or DEFAULT_READER)
    vocabulary = load_vocabulary(vocabulary_files)
    return build_document(raw, vocabulary, period=period)
