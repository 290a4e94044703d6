"""Which fields changed, and the summary that answers "what happened since last time?"."""
from compare_factory import activity, document

from followup.compare import diff_documents
from followup.compare.changes import changed_fields
from followup.compare.summary import date_start, effective_deadline
from followup.schemas import DateValue


def diff(old, new, **periods):
    return diff_documents(document(old, period=periods.get("old_period")),
                          document(new, period=periods.get("new_period")), old_file="old.pdf", new_file="new.pdf")


def test_whitespace_and_line_breaks_are_not_changes():
    before = activity("Öppna upp samtliga enheters Hemvister", follow_up="Arbete  pågår.\nUtbildning sker.")
    after = activity("Öppna upp samtliga  enheters\nHemvister", follow_up="Arbete pågår. Utbildning sker.")
    assert changed_fields(before, after) == []


def test_dates_and_responsibles_compare_by_printed_text():
    before = activity("Mål", deadline="2021-12-", responsible="Enhetschef Vårdadm enheten")
    after = activity("Mål", deadline="2021-12-31", responsible="Enhetschef Vårdadministrativa enheten")
    assert changed_fields(before, after) == ["deadline", "responsible"]


def test_unchanged_activities_are_reported_unchanged_with_full_score():
    row = activity("Mål")
    [change] = diff([row], [row]).activities
    assert (change.change, change.fields, change.score) == ("unchanged", [], 1.0)


def test_effective_deadline_is_ny_tid_else_tid_at_its_first_day():
    assert str(effective_deadline(activity("Mål", deadline="2021-12-31", new_deadline="2024-06"))) == "2024-06-01"
    assert str(effective_deadline(activity("Mål", deadline="2021-12-31", new_deadline="2024-"))) == "2024-01-01"
    assert str(effective_deadline(activity("Mål", deadline="April 2021"))) == "2021-04-01"
    assert effective_deadline(activity("Mål", deadline="2021-12-31", new_deadline="Efter upphandling")) is None
    assert date_start(DateValue(text="2021-02-29", date=None, precision=None)) is None


def test_summary_counts_transitions_and_slips():
    old = [activity("A", new_deadline="2024-06-30"),
           activity("B", status="in_progress"),
           activity("C", status="in_progress", new_deadline="2024-03-30"),
           activity("D", status="in_progress"),
           activity("E")]
    new = [activity("A", new_deadline="2024-12-31"),                      # slipped 184 days
           activity("B", status="done", section="done"),                  # completed
           activity("C", status="delayed", new_deadline="2024-03-30"),    # turned red, same date
           activity("D", status="done", section="done"),                  # completed
           activity("F helt ny aktivitet om patientsäkerhet", area="Patientsäkerhet", action="Inventering")]
    result = diff(old, new)
    assert [c.change for c in result.activities] == ["changed", "changed", "changed", "changed", "added", "removed"]
    summary = result.summary
    assert (summary.added, summary.removed, summary.changed, summary.unchanged) == (1, 1, 4, 0)
    assert summary.status_transitions == {"in_progress → delayed": 1, "in_progress → done": 2}
    assert summary.completed == 2 and summary.turned_delayed == 1
    assert summary.deadline_slips == 2 and summary.deadline_slip_days == [184]
    assert result.activities[0].slip_days == 184


def test_slips_compare_the_stretches_dates_cover_and_count_days_only_between_whole_days():
    old = [activity("A", new_deadline="2023-12-31"), activity("B", new_deadline="2024-"),
           activity("C", new_deadline="2024-06-30"), activity("D", new_deadline="maj 2024"),
           activity("E", new_deadline="2024-05-31")]
    new = [activity("A", new_deadline="2024-"),            # into 2024: a slip, in no number of days
           activity("B", new_deadline="2025-03-31"),       # out of 2024: a slip, in no number of days
           activity("C", new_deadline="2024-"),            # vaguer, not later: no slip
           activity("D", new_deadline="2024-05-31"),       # inside May: no slip
           activity("E", new_deadline="2024-06-01")]       # a whole day later: one day
    result = diff(old, new)
    assert [c.slip_days for c in result.activities] == [None, None, None, None, 1]
    assert result.summary.deadline_slips == 3 and result.summary.deadline_slip_days == [1]


def test_a_date_value_carries_the_stretch_of_days_it_covers():
    from datetime import date

    from followup.normalize.dates import parse_date

    assert parse_date("2024-").span == (date(2024, 1, 1), date(2024, 12, 31))
    assert parse_date("Maj 2024").span == (date(2024, 5, 1), date(2024, 5, 31))
    assert parse_date("2024-02").last_day == date(2024, 2, 29)
    assert parse_date("Q3 2024").span == (date(2024, 7, 1), date(2024, 9, 30))
    assert parse_date("april–maj 2022").span == (date(2022, 4, 1), date(2022, 5, 31))
    assert parse_date("2023-12-31").is_day and not parse_date("2024-").is_day
    assert parse_date("Efter upphandling").span is None and parse_date("2021-02-29").span is None
    # Read back from JSON, a value still knows its stretch, and the JSON does not grow.
    value = DateValue.model_validate_json(parse_date("hösten 2024").model_dump_json())
    assert value.first_day == date(2024, 1, 1) and "first_day" not in value.model_dump_json()


def test_moving_to_done_without_ny_tid_is_not_a_slip():
    [change] = diff([activity("A", deadline="2021-12-31", new_deadline="2024-06-30")],
                    [activity("A", deadline="2021-12-31", section="done", status="done")]).activities
    assert change.slip_days is None


def test_periods_put_the_earlier_document_first():
    result = diff([activity("A", status="done")], [activity("A", status="in_progress")],
                  old_period="2024-03", new_period="2023-11")
    assert (result.old.period, result.new.period) == ("2023-11", "2024-03")
    assert result.summary.status_transitions == {"in_progress → done": 1}


def test_the_same_documents_give_the_same_diff():
    old = [activity(f"Mål nummer {i} om {topic}") for i, topic in enumerate(["remisser", "journaler", "kallelser"])]
    new = list(reversed(old)) + [activity("Nytt mål")]
    assert diff(old, new).model_dump_json() == diff(old, new).model_dump_json()
    assert [c.new.goal if c.new else None for c in diff(old, new).activities] == [a.goal for a in new]
