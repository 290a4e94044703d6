"""A whole-paragraph line breaker breaks words earlier than it had to: the room says nothing there.

A first-fit breaker (LibreOffice, Word, browsers) breaks a word at its last hyphenation point that
fits, so a later point within the room left marks a typed hyphen (normalize/linebreaks.py). Typst
breaks a paragraph as a whole (Knuth–Plass) and often breaks early in a narrow cell; the report
shows which breaker it had (normalize/early_breaks.py).
"""
from __future__ import annotations

from pathlib import Path

from followup.normalize.early_breaks import room_tells_hyphenation
from followup.normalize.linebreaks import later_point_fits
from followup.pipeline import extract_document
from followup.schemas import LineEnd

REPO = Path(__file__).resolve().parents[2]


def _end(line: str, below: str, fits: int) -> LineEnd:
    return LineEnd(line=line, next=below, fits=fits, drawn="apart")


# Typst on A5: certain hyphenation breaks ("medicinav" and "mottag" are no words) with room for a
# later point of their word ("medicinavdel-", "mottagnings-").
EARLY = [_end("medicinav-", "delningar", 3), _end("mottag-", "ningen ska", 4)]


def test_a_later_point_within_the_room_is_seen() -> None:
    assert later_point_fits("medicinav-", "delningar", 3)
    assert not later_point_fits("medicinav-", "delningar", 2)


def test_a_certain_break_made_early_means_the_room_is_no_evidence() -> None:
    assert not room_tells_hyphenation(EARLY)
    assert not room_tells_hyphenation(EARLY[:1])


def test_typed_hyphens_with_room_and_certain_breaks_without_count_for_nothing() -> None:
    # "Ambulans-" + "personalen": the author's hyphen with room for "per" is what the room is for;
    # "samtli-" + "ga" left no room for a later point.
    assert room_tells_hyphenation([_end("akuten och Ambulans-", "personalen i den", 3),
                                   _end("Tand-", "vårdsenheten har", 5), _end("samtli-", "ga enheter", 0),
                                   _end("medicinav-", "delningar", 2)])


def test_the_typst_a5_report_joins_its_early_breaks() -> None:
    activities = extract_document(REPO / "samples/corpus/pdf/hamnstad-2025-05-typst-words-zebra-a5.pdf").activities
    goals = [a.goal for a in activities]
    assert "Beläggningsgraden på medicinavdelningarna ska inte överstiga 95 procent" in goals
    assert "Telemetriövervakning på samtliga medicinavdelningar" in goals


def test_a_first_fit_report_keeps_the_room_as_evidence() -> None:
    fixture = REPO / "tests/extract/data/line-end-room-word.pdf"
    assert "akuten och Ambulans-personalen i den" in (extract_document(fixture).activities[0].follow_up or "")
