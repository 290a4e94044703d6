"""Which follow-up period a report describes: YYYY-MM from its front matter or its file name."""
from __future__ import annotations

import re
from collections.abc import Iterable

from followup.normalize.dates import MONTHS

_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-\d{2})?(?!\d)")
_NAMED = re.compile(r"(?<![a-zåäö])(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+((?:19|20)\d{2})(?!\d)",
                    re.IGNORECASE)
# Words that mark the line naming the follow-up date ("uppföljningstillfälle 2023-11-20").
_PERIOD_WORDS = re.compile(r"uppföljning|tillfälle|period|rapport|per\s|status\s", re.IGNORECASE)


def period_in_text(text: str) -> str | None:
    """The first YYYY-MM named in a line: an ISO date or month, or a Swedish month name and year."""
    candidates = []
    for match in _ISO.finditer(text):
        candidates.append((match.start(), f"{match.group(1)}-{match.group(2)}"))
    for match in _NAMED.finditer(text):
        candidates.append((match.start(), f"{match.group(2)}-{MONTHS[match.group(1).casefold()]:02d}"))
    return min(candidates)[1] if candidates else None


def period_of_document(preamble: Iterable[str], file_name: str) -> str | None:
    """The period from the front matter (a line that says it is the follow-up date first), else the file name."""
    lines = [line for line in preamble if line.strip()]
    for line in lines:
        if _PERIOD_WORDS.search(line) and len(line) < 160:
            found = period_in_text(line)
            if found:
                return found
    for line in lines[:4]:
        if len(line) < 80:
            found = period_in_text(line)
            if found:
                return found
    return period_in_text(file_name.replace("_", "-"))
