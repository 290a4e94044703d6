"""A report's producer's line-breaking habits, learned from the report's own certain cases."""
from __future__ import annotations

from followup.normalize.producer_habits import NO_HABITS, breaks_greedily, line_break_habits
from followup.schemas import LineEnd


def _hyphen(line: str, below: str, fits: int) -> LineEnd:
    return LineEnd(line=line, next=below, kind="hyphen", fits=fits)


def test_a_certain_break_with_room_for_a_later_point_shows_a_producer_that_does_not_break_greedily() -> None:
    # "utbildningsanställningar" could have broken after "ställ", which had room on the line: a
    # whole-paragraph typesetter broke earlier to even out its lines.
    assert not breaks_greedily([_hyphen("Utbildningsan-", "ställningar för fyra", 5)])
    # Without room for a later point, or at a hyphen that may be typed, nothing is shown.
    assert breaks_greedily([_hyphen("Utbildningsan-", "ställningar för fyra", 2),
                            _hyphen("Uppföljningen visar att samtli-", "ga enheter", 0),
                            _hyphen("Utskrivnings-", "klara patienter", 4)])


def test_the_habits_gather_what_the_report_shows() -> None:
    habits = line_break_habits(["Utbildningsan-\nställningar"], [_hyphen("Utbildningsan-", "ställningar", 5)])
    assert not habits.greedy
    assert habits.cuts_long is habits.drawn is habits.marked is False
    assert line_break_habits(["vård\u2010\nplats"], []).marked
    assert NO_HABITS.greedy and not NO_HABITS.marked
