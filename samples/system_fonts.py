"""The TrueType files of the machine's fonts, for the producers that embed a font themselves (a PDF
library has no font lookup of its own): fontconfig's choice, as LibreOffice and the browsers make it."""
from __future__ import annotations

import subprocess
from functools import cache


@cache
def truetype_file(family: str, bold: bool) -> str:
    """The TrueType file fontconfig picks for a family's regular or bold face."""
    pattern = f"{family}:bold" if bold else f"{family}:regular"
    path = subprocess.run(["fc-match", "-f", "%{file}", pattern], check=True,
                          capture_output=True, text=True).stdout.strip()
    if not path.lower().endswith(".ttf"):
        raise RuntimeError(f"no TrueType file for {pattern!r}: {path!r} (apt-get install fonts-dejavu fonts-liberation)")
    return path
