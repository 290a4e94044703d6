"""Opening a PDF, turning every way it can fail into one clear InputRejected reason."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from extract.errors import InputRejected

# The PDF signature may follow a little junk; readers accept it within the first kilobyte.
SIGNATURE_WINDOW = 1024


def check_signature(path: Path) -> None:
    """Reject files that are missing, empty or not PDFs before pdfminer sees them."""
    if not path.exists():
        raise InputRejected("file not found", code="not_found")
    if path.is_dir():
        raise InputRejected("is a folder, not a PDF", code="not_pdf")
    if path.stat().st_size == 0:
        raise InputRejected("empty file", code="empty")
    with path.open("rb") as handle:
        head = handle.read(SIGNATURE_WINDOW)
    if b"%PDF-" not in head:
        raise InputRejected("not a PDF (no %PDF header)", code="not_pdf")


def open_report(path: Path, password: Optional[str] = None) -> pdfplumber.PDF:
    """Open a report with pdfplumber; raises InputRejected with the reason it cannot be read."""
    check_signature(path)
    try:
        pdf = _open_unwrapped(path, password)
    except PDFPasswordIncorrect:
        if password:
            raise InputRejected("encrypted: the password is wrong", code="encrypted") from None
        raise InputRejected("encrypted: needs a password (use --password)", code="encrypted") from None
    except PDFEncryptionError as error:
        raise InputRejected(f"encrypted with an unsupported method ({error})", code="encrypted") from None
    except (PDFSyntaxError, PSException) as error:
        raise InputRejected(f"damaged PDF ({_short(error)})", code="damaged") from None
    except Exception as error:  # pdfminer raises many kinds on broken files
        raise InputRejected(f"damaged PDF ({_short(error)})", code="damaged") from None
    if not pdf.pages:
        pdf.close()
        raise InputRejected("damaged PDF (no pages)", code="damaged")
    return pdf


def _open_unwrapped(path: Path, password: Optional[str]) -> pdfplumber.PDF:
    """pdfplumber wraps pdfminer's errors in its own exception; unwrap them so each gets its reason."""
    try:
        pdf = pdfplumber.open(path, password=password or "")
        pdf.pages  # noqa: B018 - forces the page tree to be read, where damage shows
        return pdf
    except PdfminerException as wrapped:
        cause = wrapped.args[0] if wrapped.args and isinstance(wrapped.args[0], Exception) else wrapped
        raise cause from None


def _short(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:120]
