"""Pin the metadata that makes two renderings of the same content differ byte for byte.

LibreOffice 7.4 ignores SOURCE_DATE_EPOCH and writes the clock time, a checksum over it and an ID derived from both;
the committed PDFs should only change when their content does.
"""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pikepdf


def pin_metadata(path: Path, source_date_epoch: int) -> None:
    """Set the creation and modification dates to the epoch and derive the ID from the content."""
    stamp = datetime.fromtimestamp(source_date_epoch, tz=UTC).strftime("D:%Y%m%d%H%M%SZ")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/CreationDate"] = stamp
        pdf.docinfo["/ModDate"] = stamp
        # LibreOffice's checksum covers the export time, not only the content.
        for key in (pikepdf.Name.DocChecksum, pikepdf.Name.ID):
            if key in pdf.trailer:
                del pdf.trailer[key]
        pdf.save(path, deterministic_id=True)
