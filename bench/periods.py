"""Two periods of one large report (200 activities each), for timing `followup diff`."""
from __future__ import annotations

from collections.abc import Sequence
from itertools import cycle

from followup.schemas import Activity, Document

ACTIVITIES = 200
# Words that tell copies of one sample activity apart, as clinic names tell real sibling rows apart.
PLACES = ("Hudmottagningen", "Ögonmottagningen", "Hjärtmottagningen", "Medicinmottagningen", "Gynmottagningen",
          "Logopedmottagningen", "Överviktsmottagningen", "Diabetesmottagningen", "Akutmottagningen", "Avd. 2")
STATUS_TURN = {"in_progress": "delayed", "delayed": "done", "done": "in_progress", None: "in_progress"}


def _copy(activity: Activity, number: int) -> Activity:
    place = f"{PLACES[number % len(PLACES)]} {number}"
    return activity.model_copy(update={
        "id": f"{activity.id}-{number}",
        "goal": f"{activity.goal or ''} på {place}",
        "action": f"{activity.action or ''} ({place})",
    })


def large_report(documents: Sequence[Document], activities: int = ACTIVITIES) -> Document:
    """One document of `activities` activities, copies of the given documents' with distinct texts."""
    source = [a for document in documents for a in document.activities]
    copies = [_copy(activity, number) for number, activity in zip(range(activities), cycle(source))]
    return documents[0].model_copy(update={"activities": copies, "period": "2024-03"})


def next_period(old: Document, *, added: Sequence[Activity]) -> Document:
    """The same report a period later: follow-ups edited, statuses turned, goals reworded,
    some activities removed and as many added, a few moved to the end."""
    kept: list[Activity] = []
    for index, activity in enumerate(old.activities):
        if index % 25 == 3:
            continue  # removed
        update: dict[str, object] = {}
        if index % 4 == 0:
            update["follow_up"] = f"{activity.follow_up or ''} Uppföljt igen, arbetet fortsätter enligt plan."
        if index % 7 == 0:
            update["status"] = STATUS_TURN[activity.status]
        if index % 10 == 5:
            update["goal"] = (activity.goal or "").replace(" ska ", " bör ", 1) + " senast nästa år"
        kept.append(activity.model_copy(update=update))
    moved = kept[10:14]
    kept = kept[:10] + kept[14:] + moved
    kept += list(added)[: len(old.activities) - len(kept)]
    return old.model_copy(update={"activities": kept, "period": "2024-09"})


def fresh_activities(documents: Sequence[Document], count: int) -> list[Activity]:
    """Activities that exist in no earlier period (new wording throughout)."""
    source = [a for document in documents for a in document.activities]
    return [
        activity.model_copy(update={
            "id": f"new-{number}",
            "area": f"Nytt område {number}",
            "goal": f"Ny målsättning nummer {number} för {PLACES[number % len(PLACES)]} inom digital vård",
            "action": f"Införa ny arbetsform {number} med stöd av IT-avdelningen",
        })
        for number, activity in zip(range(count), cycle(source))
    ]
