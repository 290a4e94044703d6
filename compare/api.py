"""Two periods of one report → their Diff (DESIGN.md, "Diff")."""
from __future__ import annotations

from followup.compare.changes import changed_fields
from followup.compare.matching import match_activities
from followup.compare.summary import slip_days, summarize
from followup.schemas import Document
from followup.schemas.diff import ActivityChange, Diff, DiffSide


def in_period_order(old: Document, new: Document, old_file: str, new_file: str
                    ) -> tuple[Document, Document, str, str]:
    """The two sides, earlier period first when both periods are known; else as given."""
    if old.period and new.period and old.period > new.period:
        return new, old, new_file, old_file
    return old, new, old_file, new_file


def diff_documents(old: Document, new: Document, *, old_file: str, new_file: str) -> Diff:
    """Match the activities of two periods and list what changed.

    Order of `activities`: the new document's activities in its order (each "changed",
    "unchanged" or "added"), then the removed ones in the old document's order. The same two
    documents always give the same Diff.
    """
    old, new, old_file, new_file = in_period_order(old, new, old_file, new_file)
    pairs = {p.new_index: p for p in match_activities(old.activities, new.activities)}
    paired_old = {p.old_index for p in pairs.values()}

    changes: list[ActivityChange] = []
    for index, activity in enumerate(new.activities):
        pair = pairs.get(index)
        if pair is None:
            changes.append(ActivityChange(change="added", new=activity))
            continue
        before = old.activities[pair.old_index]
        fields = changed_fields(before, activity)
        changes.append(ActivityChange(
            change="changed" if fields else "unchanged", fields=fields, score=pair.score,
            slip_days=slip_days(before, activity), old=before, new=activity,
        ))
    changes += [ActivityChange(change="removed", old=a)
                for i, a in enumerate(old.activities) if i not in paired_old]

    return Diff(
        old=DiffSide(file=old_file, period=old.period),
        new=DiffSide(file=new_file, period=new.period),
        activities=changes,
        summary=summarize(changes),
    )
