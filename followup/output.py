"""Serialising documents to JSON and CSV, and writing files atomically."""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from schemas import Activity, Document

# One row per activity: the columns of DESIGN.md's Activity, nested values flattened; then one
# column per extra column of the report (its printed header), in the order first met.
CSV_COLUMNS = [
    "id", "section", "area", "goal", "action",
    "deadline", "deadline_date", "deadline_precision",
    "responsible", "responsible_roles", "units",
    "status", "status_source", "follow_up",
    "new_deadline", "new_deadline_date", "new_deadline_precision",
    "highlighted", "pages",
]


def document_json(document: Document) -> str:
    """The document as JSON text; the same document always gives the same bytes."""
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def activity_csv_row(activity: Activity) -> dict[str, str]:
    """Flatten one activity into the CSV columns."""
    def date_parts(prefix: str, value) -> dict[str, str]:
        return {
            prefix: value.text if value else "",
            f"{prefix}_date": (value.date or "") if value else "",
            f"{prefix}_precision": (value.precision or "") if value else "",
        }

    roles = activity.responsible.roles if activity.responsible else []
    row = {
        "id": activity.id,
        "section": activity.section,
        "area": activity.area or "",
        "goal": activity.goal or "",
        "action": activity.action or "",
        **date_parts("deadline", activity.deadline),
        "responsible": activity.responsible.text if activity.responsible else "",
        "responsible_roles": "; ".join(
            f"{r.role}{' ' + r.unit if r.unit else ''} ({r.relation})" for r in roles
        ),
        "units": "; ".join(activity.units),
        "status": activity.status or "",
        "status_source": activity.status_source or "",
        "follow_up": activity.follow_up or "",
        **date_parts("new_deadline", activity.new_deadline),
        "highlighted": "true" if activity.highlighted else "false",
        "pages": " ".join(str(p) for p in activity.pages),
    }
    for name, text in activity.extra.items():
        row.setdefault(name, text)  # a header spelled like one of the fixed columns cannot replace it
    return row


def extra_columns(activities: Iterable[Activity], before: Iterable[str] = ()) -> list[str]:
    """The extra columns' headers, in the order first met, that are not already columns."""
    taken = set(before)
    names: list[str] = []
    for activity in activities:
        for name in activity.extra:
            if name not in taken:
                taken.add(name)
                names.append(name)
    return names


def activities_csv(rows: Iterable[dict[str, str]], columns: list[str]) -> str:
    """CSV text (UTF-8, header first) of already flattened rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", restval="", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def document_csv(document: Document) -> str:
    columns = CSV_COLUMNS + extra_columns(document.activities, CSV_COLUMNS)
    return activities_csv((activity_csv_row(a) for a in document.activities), columns)


def write_atomically(path: Path, text: str) -> None:
    """Write text to path so that readers see either the old file or the whole new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, new_file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def new_file_mode() -> int:
    """The permissions any new file gets here (0o666 less the umask).

    mkstemp makes its file private (0600); an output moved into place from one gets these instead.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
