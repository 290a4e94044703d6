"""Open a workbook in LibreOffice Calc, fit every row's height to its wrapped text, export a PDF.

Run with the Python that has LibreOffice's `uno` module (Debian: /usr/bin/python3 with
python3-uno): `python3 calc_export.py SOFFICE PROFILE_URL BOOK.xlsx OUT.pdf`.

Excel stores each row's auto-fitted height in the file; openpyxl cannot measure text, and Calc
keeps the default height for rows that carry none, so wrapped cells would be cut off. Calc's own
"optimal row height" does what Excel's auto-fit did when the author typed the text. Kept free of
the project's imports: it runs outside the project's virtual environment.
"""
from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

CONNECT_SECONDS = 60


def _props(**values: object) -> tuple:
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def main(soffice: str, profile: str, book: str, pdf: str) -> int:
    pipe = f"followup-calc-{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore",
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + CONNECT_SECONDS
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.3)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(Path(book).resolve().as_uri(), "_blank", 0,
                                                _props(Hidden=True))
        for sheet in document.Sheets:
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last = cursor.RangeAddress
            rows = sheet.getCellRangeByPosition(0, 0, last.EndColumn, last.EndRow).getRows()
            # Rows that carry no height of their own (not the title's or a group row's): Calc's
            # optimal height for their wrapped text.
            for index in range(rows.getCount()):
                row = rows.getByIndex(index)
                if row.OptimalHeight:
                    row.OptimalHeight = True
        document.storeToURL(Path(pdf).resolve().as_uri(), _props(FilterName="calc_pdf_Export"))
        document.close(True)
        # The bridge goes away as the office quits.
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
