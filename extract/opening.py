"""Opening a PDF, turning every way it can fail into one clear InputRejected reason.

A file pdfminer cannot read is repaired in memory by qpdf (through pikepdf) and read again: qpdf
rebuilds a lost cross-reference table, recovers objects of a truncated file and drops what cannot
be saved. The repaired copy never touches the disk.
"""
from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from followup.extract.errors import InputRejected, technical_detail
from followup.extract.limits import ResourceLimit, cap_decoded_streams, memory_exhausted

# The PDF signature may follow a little junk; readers accept it within the first kilobyte.
SIGNATURE_WINDOW = 1024

DAMAGED = "damaged PDF: the file is broken and cannot be read"
DAMAGED_AFTER_REPAIR = "damaged PDF: the file is broken and cannot be read, even after repair"

cap_decoded_streams()


def check_signature(path: Path) -> None:
    """Reject files that are missing, empty or not PDFs before pdfminer sees them."""
    try:
        if not path.exists():
            raise InputRejected("file not found", code="not_found")
        if path.is_dir():
            raise InputRejected("is a folder, not a PDF", code="not_pdf")
        if path.stat().st_size == 0:
            raise InputRejected("empty file", code="empty")
        with path.open("rb") as handle:
            head = handle.read(SIGNATURE_WINDOW)
    except OSError as error:
        raise InputRejected(f"cannot read the file ({error.strerror or error})", code="unreadable") from None
    if b"%PDF-" not in head:
        raise InputRejected("not a PDF (no %PDF header)", code="not_pdf")


def open_report(path: Path, password: str | None = None, *, repair: bool = False) -> pdfplumber.PDF:
    """Open a report with pdfplumber; raises InputRejected with the reason it cannot be read.

    With `repair`, qpdf's repaired copy of the file is read instead of the file itself.
    """
    check_signature(path)
    damaged = DAMAGED_AFTER_REPAIR if repair else DAMAGED
    try:
        source = repaired_copy(path, password) if repair else path
        pdf = _open_unwrapped(source, None if repair else password)
    except ResourceLimit:
        raise
    except InputRejected:
        raise
    except PDFPasswordIncorrect:
        if password:
            raise InputRejected("encrypted: the password is wrong", code="encrypted") from None
        raise InputRejected("encrypted: needs a password", code="encrypted", setting="password") from None
    except PDFEncryptionError as error:
        raise InputRejected(f"encrypted with a method followup cannot open ({technical_detail(error)})",
                            code="encrypted") from None
    except MemoryError:
        raise memory_exhausted() from None
    except Exception as error:  # pdfminer raises many kinds on broken files
        raise InputRejected(f"{damaged} ({technical_detail(error)})", code="damaged") from None
    if not pdf.pages:
        pdf.close()
        raise InputRejected(f"{damaged} (no pages)", code="damaged")
    _normalise_page_boxes(pdf)
    return pdf


def repaired_copy(path: Path, password: str | None = None) -> io.BytesIO:
    """The file as qpdf repairs it, decrypted, in memory; raises InputRejected when qpdf cannot."""
    import pikepdf

    try:
        with pikepdf.open(path, password=password or "") as pdf:
            repaired = io.BytesIO()
            # Object streams off: pdfminer reads plain objects most reliably.
            pdf.save(repaired, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    except pikepdf.PasswordError:
        raise InputRejected("encrypted: the password is wrong" if password else "encrypted: needs a password",
                            code="encrypted", setting=None if password else "password") from None
    except MemoryError:
        raise memory_exhausted() from None
    except Exception as error:  # qpdf gives up on files past repair
        raise InputRejected(f"{DAMAGED_AFTER_REPAIR} ({technical_detail(error)})", code="damaged") from None
    repaired.seek(0)
    return repaired


def needs_repair(path: Path, password: str | None = None) -> bool:
    """Whether qpdf finds the file damaged (it repairs it on opening and says so)."""
    import pikepdf

    try:
        with pikepdf.open(path, password=password or "") as pdf:
            return bool(pdf.get_warnings())
    except Exception:  # noqa: BLE001 - a file qpdf cannot even open is damaged too
        return True


def _open_unwrapped(source: Path | io.BytesIO, password: str | None) -> pdfplumber.PDF:
    """pdfplumber wraps pdfminer's errors in its own exception; unwrap them so each gets its reason."""
    try:
        pdf = pdfplumber.open(source, password=password or "")
        pdf.pages  # noqa: B018 - forces the page tree to be read, where damage shows
        return pdf
    except PdfminerException as wrapped:
        cause = wrapped.args[0] if wrapped.args and isinstance(wrapped.args[0], Exception) else wrapped
        raise cause from None


def _normalise_page_boxes(pdf: pdfplumber.PDF) -> None:
    """Put every page's MediaBox and CropBox corners in (x0, y0, x1, y1) order.

    The PDF standard allows any two opposite corners; pdfminer places the page at the first corner
    given, so `[x1 y1 x0 y0]` would move every character off the page.
    """
    for page in pdf.pages:
        for name in ("mediabox", "cropbox"):
            box = getattr(page.page_obj, name, None)
            if box is not None and len(box) == 4:
                x0, y0, x1, y1 = box
                setattr(page.page_obj, name, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
