"""A report's producer's line-breaking habits, learned from the report's own certain cases."""
from __future__ import annotations

from followup.normalize.producer_habits import NO_HABITS, line_break_habits
from followup.schemas import LineEnd


def _hyphen(line: str, below: str, fits: int) -> LineEnd:
    return LineEnd(line=line, next=below, kind="hyphen", fits=fits)


def test_the_habits_gather_what_the_report_shows() -> None:
    habits = line_break_habits(["Utbildningsan-\nställningar"], [_hyphen("Utbildningsan-", "ställningar", 5)])
    assert not habits.greedy
    assert habits.cuts_long is habits.drawn is habits.marked is False
    assert line_break_habits(["vård\u2010\nplats"], []).marked
    assert NO_HABITS.greedy and not NO_HABITS.marked
