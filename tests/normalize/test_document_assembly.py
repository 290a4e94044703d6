"""normalize.document: raw rows become Activities; period, milestones and ids follow DESIGN.md."""
from followup.normalize.document import activity_id, build_document, build_milestone
from followup.normalize.period import period_of_document
from followup.normalize.vocabulary import load_vocabulary
from followup.schemas import LegendEntry, RawCell, RawDocument, RawRow, RawTable

VOCABULARY = load_vocabulary()
LEGEND = [LegendEntry(label="KLART", colour="#00B050"), LegendEntry(label="ARBETE PÅGÅR", colour="#FFC000"),
          LegendEntry(label="FÖRSENAT", colour="#FF0000")]


def raw_row(status_fill=None, row_fill=None, **texts) -> RawRow:
    cells = {role: RawCell(text=text) for role, text in texts.items()}
    cells["status"] = RawCell(text="", fill=status_fill)
    return RawRow(cells=cells, row_fill=row_fill, pages=[2])


def raw_document(*tables: RawTable, preamble=(), milestones=(), file="rapport.pdf") -> RawDocument:
    return RawDocument(file=file, sha256="0" * 64, pages=3, title="Uppföljning av handlingsplanen",
                       preamble=list(preamble), milestones=list(milestones), legend=LEGEND, tables=list(tables))


def test_period_comes_from_the_follow_up_line_under_the_title():
    assert period_of_document(["Lasarettet i Landskrona – uppföljningstillfälle 2023-11-20"], "x.pdf") == "2023-11"
    assert period_of_document(["Helsingborgs lasarett · uppföljning maj 2024"], "x.pdf") == "2024-05"


def test_period_falls_back_to_the_file_name_and_then_to_nothing():
    assert period_of_document(["Inledning utan datum"], "lil_2023-05.pdf") == "2023-05"
    assert period_of_document([], "rapport.pdf") is None


def test_milestone_box_splits_into_label_and_date_even_when_the_date_was_broken():
    milestone = build_milestone("Elab – infört inom\nsamtliga enheter 2023-\n12-01")
    assert milestone.label == "Elab – infört inom samtliga enheter"
    assert milestone.date.date == "2023-12-01"


def test_activity_id_is_stable_across_spacing_and_case_but_not_content():
    assert activity_id("Gröna korset", "Mål", "Åtgärd") == activity_id("gröna  korset", "mål", "åtgärd")
    assert activity_id("Gröna korset", "Mål", "Åtgärd") != activity_id("Gröna korset", "Mål", "Annan åtgärd")


def test_rows_become_activities_with_status_from_the_legend_colour_and_repaired_text():
    table = RawTable(section="active", columns=["area", "goal", "action", "deadline", "responsible", "status",
                                                "follow_up", "new_deadline"],
                     rows=[raw_row(status_fill="#FFC000", area="Själv-\nincheckning", goal="80% av patien-\nterna",
                                   action="Information", deadline="2021-12-31",
                                   responsible="Enhetschef Vårdadm enheten", follow_up="Arbete pågår.",
                                   new_deadline="2024-")])
    document = build_document(raw_document(table), VOCABULARY, period="2023-11")
    (activity,) = document.activities
    assert activity.goal == "80% av patienterna"
    assert (activity.status, activity.status_source) == ("in_progress", "colour")
    assert activity.deadline.date == "2021-12-31"
    assert (activity.new_deadline.text, activity.new_deadline.date) == ("2024-", None)
    assert document.period == "2023-11"


def test_a_red_row_among_the_completed_is_kept_red_and_flagged():
    table = RawTable(section="done", columns=["area", "goal", "action", "deadline", "responsible", "status", "follow_up"],
                     rows=[raw_row(status_fill="#FF0000", area="Webbtidbokning", goal="Mål", action="Åtgärd",
                                   deadline="2021-01-31", responsible="Verksamhetschef", follow_up="Fortsatt röd")])
    document = build_document(raw_document(table), VOCABULARY)
    assert document.activities[0].status == "delayed"
    assert [w.code for w in document.warnings] == ["done_but_red"]


def test_a_status_cell_without_colour_falls_back_to_text_and_warns():
    table = RawTable(section="active", columns=["area", "goal", "action", "status", "follow_up"],
                     rows=[raw_row(area="Område", goal="Mål", action="Åtgärd", follow_up="Klart 2023-11-30")])
    document = build_document(raw_document(table), VOCABULARY)
    assert (document.activities[0].status, document.activities[0].status_source) == ("done", "text")
    assert "status_colour_unknown" in [w.code for w in document.warnings]


def test_two_identical_rows_get_distinct_ids():
    row = dict(area="A", goal="B", action="C", follow_up="")
    table = RawTable(section="active", columns=["area", "goal", "action", "status", "follow_up"],
                     rows=[raw_row(**row), raw_row(**row)])
    ids = [a.id for a in build_document(raw_document(table), VOCABULARY).activities]
    assert len(set(ids)) == 2


def test_shaded_rows_are_highlighted():
    table = RawTable(section="done", columns=["area", "goal", "action", "status", "follow_up"],
                     rows=[raw_row(row_fill="#FFFF00", area="A", goal="B", action="C", follow_up="Klart"),
                           raw_row(area="A", goal="B2", action="C", follow_up="Klart")])
    assert [a.highlighted for a in build_document(raw_document(table), VOCABULARY).activities] == [True, False]
